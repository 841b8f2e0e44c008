// The controller's naming and ownership rule for Wifi_VIF_Config rows (see
// docs/decisions/vif-naming.md). The name is the only ownership mark a row can carry that
// survives a controller restart and a device reboot, so it must be derivable from stable
// facts alone: the network's slot at its location and the radio's band. SSID and security
// are deliberately left out so that changing them updates the row in place.

import { OpensyncError } from '../errors';
import { isRadioBand, RadioBand } from './radio-band';

/** Linux IFNAMSIZ is 16 including the terminating NUL. */
export const MAX_IF_NAME_LENGTH = 15;
export const MIN_SLOT = 1;
/** vif_radio_idx is 0..8 on the device and 0/1 stay with the device's backhaul VIFs. */
export const MAX_SLOT = 7;

const BAND_SUFFIX: Record<RadioBand, string> = {
  '2.4G': '24',
  '5G': '50',
  '5GL': 'l50',
  '5GU': 'u50',
  '6G': '60',
};
const SUFFIX_BAND = new Map<string, RadioBand>(
  Object.entries(BAND_SUFFIX).map(([band, suffix]) => [suffix, band as RadioBand]),
);

// "ctl" keeps clear of every prefix OpenSync devices use for their own VIFs
// (home-ap-*, bhaul-ap-*, bhaul-sta-*, onboard-ap-*, wl*, ath*, wlan*, phy*).
const OWNED_PATTERN = /^ctl([1-7])-ap-(24|50|l50|u50|60)$/;

export interface OwnedVifName {
  slot: number;
  band: RadioBand;
}

export function assertSlot(slot: number): void {
  if (!Number.isInteger(slot) || slot < MIN_SLOT || slot > MAX_SLOT) {
    throw new OpensyncError('VIF_SLOT_INVALID', `network slot must be an integer ${MIN_SLOT}..${MAX_SLOT}, got ${slot}`, {
      slot,
    });
  }
}

export function vifIfName(slot: number, band: RadioBand): string {
  assertSlot(slot);
  if (!isRadioBand(band)) throw new OpensyncError('VIF_BAND_UNKNOWN', `unknown radio band ${String(band)}`, { band });
  return `ctl${slot}-ap-${BAND_SUFFIX[band]}`;
}

export function parseOwnedIfName(name: string): OwnedVifName | null {
  const match = OWNED_PATTERN.exec(name);
  if (!match) return null;
  const band = SUFFIX_BAND.get(match[2]);
  return band === undefined ? null : { slot: Number(match[1]), band };
}

export function isControllerOwned(name: unknown): boolean {
  return typeof name === 'string' && parseOwnedIfName(name) !== null;
}

/** Same slot on every radio, so a network keeps one index across bands. */
export function vifRadioIdx(slot: number): number {
  assertSlot(slot);
  return slot + 1;
}
