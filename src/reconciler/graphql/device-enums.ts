// Closed sets of values the API shows about devices, as GraphQL enums (clients switch on
// them; a string would let a typo pass). Radio bands are mapped from the device's freq_band.

import { registerEnumType } from '@nestjs/graphql';
import type { IsolationMismatchReason, NodeMismatchReason, SkipReason } from '@lib/opensync';

export enum RadioBand {
  BAND_2_4G = 'BAND_2_4G',
  BAND_5G = 'BAND_5G',
  BAND_5GL = 'BAND_5GL',
  BAND_5GU = 'BAND_5GU',
  BAND_6G = 'BAND_6G',
}
registerEnumType(RadioBand, {
  name: 'RadioBand',
  description: "A radio's band, from OpenSync's freq_band: 2.4G, 5G, 5GL (lower 5 GHz), 5GU (upper 5 GHz), 6G.",
});

const BY_FREQ_BAND: Readonly<Record<string, RadioBand>> = {
  '2.4G': RadioBand.BAND_2_4G,
  '5G': RadioBand.BAND_5G,
  '5GL': RadioBand.BAND_5GL,
  '5GU': RadioBand.BAND_5GU,
  '6G': RadioBand.BAND_6G,
};

/** null for a value OpenSync does not define (a device reporting garbage). */
export function radioBandOf(freqBand: unknown): RadioBand | null {
  return typeof freqBand === 'string' ? (BY_FREQ_BAND[freqBand] ?? null) : null;
}

export enum MismatchReason {
  CONFIG_MISSING = 'CONFIG_MISSING',
  CONFIG_DIFFERS = 'CONFIG_DIFFERS',
  STATE_DIFFERS = 'STATE_DIFFERS',
  NOT_REMOVED = 'NOT_REMOVED',
  DUPLICATE_RADIO_BAND = 'DUPLICATE_RADIO_BAND',
  SLOT_CONFLICT = 'SLOT_CONFLICT',
  SECURITY_UNSUPPORTED = 'SECURITY_UNSUPPORTED',
  OPEN_NOT_ALLOWED_ON_6G = 'OPEN_NOT_ALLOWED_ON_6G',
  NO_KEYS_IN_FORCE = 'NO_KEYS_IN_FORCE',
  PASSPHRASE_MISSING = 'PASSPHRASE_MISSING',
  ISOLATION_UNSUPPORTED = 'ISOLATION_UNSUPPORTED',
  SUBNET_CONFLICT = 'SUBNET_CONFLICT',
  BRIDGE_MISSING = 'BRIDGE_MISSING',
}
registerEnumType(MismatchReason, {
  name: 'MismatchReason',
  description: 'Why a network is not applied on a node (docs/api.md, Convergence). For isolation rows, ifName names the bridge or the Netfilter row and column the table or column.',
  valuesMap: {
    CONFIG_MISSING: { description: 'No Wifi_VIF_Config row for the VIF yet.' },
    CONFIG_DIFFERS: { description: 'The config row is not what the model wants (not written yet, or changed on the device).' },
    STATE_DIFFERS: { description: 'The device has not applied the config row yet (Wifi_VIF_State differs).' },
    NOT_REMOVED: { description: 'A VIF that must be gone is still configured or running.' },
    DUPLICATE_RADIO_BAND: { description: 'The device has two radios on one band; the network cannot be placed.' },
    SLOT_CONFLICT: { description: 'No free VIF slot on the radio for this network.' },
    SECURITY_UNSUPPORTED: { description: "The device's schema cannot express the network's security mode." },
    OPEN_NOT_ALLOWED_ON_6G: { description: 'An OPEN network cannot run on a 6 GHz radio.' },
    NO_KEYS_IN_FORCE: { description: 'A key pool network with no personal key in force at this location: not offered there.' },
    PASSPHRASE_MISSING: { description: 'The security mode needs a passphrase the network lacks.' },
    ISOLATION_UNSUPPORTED: {
      description: 'The network is isolated and the device cannot carry that (its firmware has no Bridge/Port/Interface/Netfilter tables); no VIF is written.',
    },
    SUBNET_CONFLICT: { description: "The network's isolated subnet overlaps an address the device already uses; no VIF is written." },
    BRIDGE_MISSING: { description: "The isolated network's own bridge is not on the device yet." },
  },
});

/** Compile-time check: every reason the rules produce has an enum value. */
const _every: Record<NodeMismatchReason | SkipReason | IsolationMismatchReason, MismatchReason> = MismatchReason;
void _every;

export function mismatchReasonOf(reason: string): MismatchReason {
  return (MismatchReason as Record<string, MismatchReason>)[reason] ?? MismatchReason.CONFIG_DIFFERS;
}
