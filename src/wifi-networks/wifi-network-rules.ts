// Pure rules of a WiFi network's settings, applied to the complete settings a create or
// update would produce, so a combination (security mode x passphrase x bands) is judged as
// a whole whichever fields the caller sent.

import { FieldError } from '../common/errors/app-error';
import { checkEnum, checkOptionalText } from '../validation/field-checks';
import { checkSsid } from './ssid-rules';
import { Band, SecurityMode, WifiNetworkKind } from './wifi-network-enums';

export interface WifiNetworkSettings {
  kind: WifiNetworkKind;
  ssid: string;
  securityMode: SecurityMode;
  passphrase: string | null;
  hidden: boolean;
  clientIsolation: boolean;
  isolated: boolean;
  vlanId: number | null;
  bands: Band[];
  enabled: boolean;
  expiresAt: Date | null;
  description: string | null;
}

/**
 * The fields a caller may send; undefined means "not sent", null means "clear" (for bands:
 * back to the default of the security mode).
 */
export type WifiNetworkPatch = Partial<Omit<WifiNetworkSettings, 'kind' | 'bands'>> & { bands?: Band[] | null };

export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 63;
export const DESCRIPTION_MAX = 200;

/** Modes a 6 GHz radio may carry: WPA3 is mandatory there (transition mode runs WPA3 only on 6 GHz). */
const SIX_GHZ_MODES: SecurityMode[] = [SecurityMode.WPA3_SAE, SecurityMode.WPA2_WPA3];

/** Bands used when the caller sends none: every band the security mode may use. */
export function defaultBands(mode: SecurityMode): Band[] {
  return SIX_GHZ_MODES.includes(mode) ? [Band.BAND_2_4G, Band.BAND_5G, Band.BAND_6G] : [Band.BAND_2_4G, Band.BAND_5G];
}

export function checkPassphrase(field: string, mode: SecurityMode, passphrase: string | null): FieldError[] {
  if (mode === SecurityMode.OPEN) {
    return passphrase === null ? [] : [{ field, message: 'must not be set for an OPEN network' }];
  }
  if (passphrase === null) return [{ field, message: `is required for ${mode}` }];
  if (passphrase.length < PASSPHRASE_MIN || passphrase.length > PASSPHRASE_MAX) {
    return [{ field, message: `must have ${PASSPHRASE_MIN} to ${PASSPHRASE_MAX} characters` }];
  }
  if (!/^[\x20-\x7e]+$/.test(passphrase)) return [{ field, message: 'must be printable ASCII' }];
  return [];
}

export function checkBands(field: string, mode: SecurityMode, bands: Band[]): FieldError[] {
  if (bands.length === 0) return [{ field, message: 'must name at least one band' }];
  const invalid = bands.flatMap((b) => checkEnum(field, b, Band));
  if (invalid.length > 0) return invalid.slice(0, 1);
  if (new Set(bands).size !== bands.length) return [{ field, message: 'must not repeat a band' }];
  if (bands.includes(Band.BAND_6G) && !SIX_GHZ_MODES.includes(mode)) {
    return [{ field, message: `BAND_6G requires WPA3 (WPA3_SAE or WPA2_WPA3), not ${mode}` }];
  }
  return [];
}

export function checkVlanId(field: string, vlanId: number | null): FieldError[] {
  if (vlanId === null) return [];
  return Number.isInteger(vlanId) && vlanId >= 1 && vlanId <= 4094 ? [] : [{ field, message: 'must be an integer from 1 to 4094' }];
}

/** The PRIMARY network is the home network: it cannot be cut off from itself. */
export function checkIsolated(field: string, kind: WifiNetworkKind, isolated: boolean): FieldError[] {
  return kind === WifiNetworkKind.PRIMARY && isolated ? [{ field, message: 'a PRIMARY network cannot be isolated; only GUEST and IOT networks can' }] : [];
}

export function checkExpiresAt(field: string, expiresAt: Date | null, now: Date): FieldError[] {
  if (expiresAt === null) return [];
  if (Number.isNaN(expiresAt.getTime())) return [{ field, message: 'must be a valid date-time' }];
  return expiresAt.getTime() > now.getTime() ? [] : [{ field, message: 'must be in the future' }];
}

/**
 * Every problem of the settings. `expiryChanged` limits the "in the future" rule to a value
 * the caller sent now: an already expired network may still be edited otherwise.
 */
export function validateWifiNetworkSettings(s: WifiNetworkSettings, now: Date, expiryChanged: boolean, prefix = ''): FieldError[] {
  const f = (name: string): string => `${prefix}${name}`;
  const modeErrors = checkEnum(f('securityMode'), s.securityMode, SecurityMode);
  return [
    ...checkEnum(f('kind'), s.kind, WifiNetworkKind),
    ...checkSsid(f('ssid'), s.ssid),
    ...modeErrors,
    ...(modeErrors.length > 0 ? [] : checkPassphrase(f('passphrase'), s.securityMode, s.passphrase)),
    ...(modeErrors.length > 0 ? [] : checkBands(f('bands'), s.securityMode, s.bands)),
    ...checkVlanId(f('vlanId'), s.vlanId),
    ...checkIsolated(f('isolated'), s.kind, s.isolated),
    ...(expiryChanged ? checkExpiresAt(f('expiresAt'), s.expiresAt, now) : []),
    ...checkOptionalText(f('description'), s.description, DESCRIPTION_MAX),
  ];
}

/** Whether the bands are the default of the mode (in any order): then they follow the mode. */
export function hasDefaultBands(mode: SecurityMode, bands: readonly Band[]): boolean {
  const defaults = defaultBands(mode);
  return bands.length === defaults.length && defaults.every((b) => bands.includes(b));
}

/**
 * The settings a patch produces: switching to OPEN drops the stored passphrase unless one is
 * sent (and then refused). Bands the caller never chose follow the security mode: when the
 * mode changes and the network still has the old mode's default bands, it gets the new
 * mode's (WPA3 to OPEN drops 6 GHz, OPEN to WPA3 adds it); `bands: null` asks for the
 * default again. Bands the caller chose are kept, and judged against the new mode.
 */
export function applyWifiNetworkPatch(current: WifiNetworkSettings, patch: WifiNetworkPatch): WifiNetworkSettings {
  const next: WifiNetworkSettings = { ...current };
  for (const [key, value] of Object.entries(patch) as [keyof WifiNetworkPatch, unknown][]) {
    if (value !== undefined && !(key === 'bands' && value === null)) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (patch.securityMode === SecurityMode.OPEN && patch.passphrase === undefined) next.passphrase = null;
  const modeChanged = next.securityMode !== current.securityMode;
  if (patch.bands === null || (patch.bands === undefined && modeChanged && hasDefaultBands(current.securityMode, current.bands))) {
    next.bands = defaultBands(next.securityMode);
  }
  return next;
}
