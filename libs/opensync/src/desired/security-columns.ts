// Security of one AP VIF as Wifi_VIF_Config columns, in the two dialects OpenSync firmware
// speaks (see docs/decisions/reconciliation.md for the sources):
// - current firmware: wpa, wpa_key_mgmt, wpa_psks (key id -> passphrase; the first key is
//   "key--1", as the cloud writes it and as OpenSync's own tools read it), rsn_pairwise_ccmp
//   and pmf; the legacy `security` map is written empty so it can never contradict them.
// - legacy firmware: the `security` map with "encryption" ("OPEN" | "WPA-PSK"), "key" (the
//   passphrase) and "mode" ("2" = WPA2/CCMP). That dialect cannot express SAE at all.

import { Row } from '@lib/ovsdb';
import { RadioBand } from '../naming/radio-band';
import { SecurityMode, SkipReason } from './desired-network';
import { SecurityStyle } from './device-capabilities';

/** Key id of the single passphrase of a network in wpa_psks. */
export const PRIMARY_PSK_KEY_ID = 'key--1';

export type SecurityResult =
  | { ok: true; columns: Row }
  | { ok: false; reason: SkipReason };

type PskMode = Exclude<SecurityMode, 'OPEN'>;

export function securityColumns(
  mode: SecurityMode,
  passphrase: string | null | undefined,
  band: RadioBand,
  style: SecurityStyle,
): SecurityResult {
  if (mode === 'OPEN') {
    // 6 GHz admits only SAE or OWE; OWE is not in the model.
    if (band === '6G') return { ok: false, reason: 'OPEN_NOT_ALLOWED_ON_6G' };
    return { ok: true, columns: openColumns(style) };
  }
  if (passphrase == null || passphrase === '') return { ok: false, reason: 'PASSPHRASE_MISSING' };
  // 6 GHz requires WPA3-SAE: a PSK or transition network is offered there as SAE only.
  const effective: PskMode = band === '6G' ? 'WPA3_SAE' : mode;
  if (style === 'wpa') return { ok: true, columns: wpaColumns(effective, passphrase) };
  if (style === 'legacy' && effective !== 'WPA3_SAE') {
    // Transition mode degrades to WPA2 on legacy firmware: every client that could join
    // the transition network can still join, only WPA3-only clients cannot.
    return { ok: true, columns: { security: new Map([['encryption', 'WPA-PSK'], ['key', passphrase], ['mode', '2']]) } };
  }
  return { ok: false, reason: 'SECURITY_UNSUPPORTED' };
}

function openColumns(style: SecurityStyle): Row {
  if (style === 'wpa') {
    return {
      wpa: false,
      wpa_key_mgmt: [],
      wpa_psks: new Map<string, string>(),
      rsn_pairwise_ccmp: undefined,
      pmf: undefined,
      security: new Map<string, string>(),
    };
  }
  if (style === 'legacy') return { security: new Map([['encryption', 'OPEN']]) };
  return {};
}

const KEY_MGMT: Record<PskMode, string[]> = {
  WPA2_PSK: ['wpa-psk'],
  WPA3_SAE: ['sae'],
  WPA2_WPA3: ['wpa-psk', 'sae'],
};

// SAE mandates management frame protection; transition mode must let WPA2 clients
// without it in; plain WPA2 keeps it off, as older clients misbehave with it.
const PMF: Record<PskMode, string> = {
  WPA2_PSK: 'disabled',
  WPA3_SAE: 'required',
  WPA2_WPA3: 'optional',
};

function wpaColumns(mode: PskMode, passphrase: string): Row {
  return {
    wpa: true,
    wpa_key_mgmt: [...KEY_MGMT[mode]],
    wpa_psks: new Map([[PRIMARY_PSK_KEY_ID, passphrase]]),
    rsn_pairwise_ccmp: true,
    pmf: PMF[mode],
    security: new Map<string, string>(),
  };
}
