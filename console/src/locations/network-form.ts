// The network form's values and the input the API takes from them; only what changed is
// sent on edit (so a passphrase left empty keeps the stored one).

export type SecurityMode = 'OPEN' | 'WPA2_PSK' | 'WPA2_WPA3' | 'WPA3_SAE';
export type NetworkKind = 'PRIMARY' | 'GUEST' | 'IOT';
export type Band = 'BAND_2_4G' | 'BAND_5G' | 'BAND_6G';

export interface NetworkFormValues {
  kind: NetworkKind;
  ssid: string;
  securityMode: SecurityMode;
  /** Empty on edit: keep the stored passphrase. */
  passphrase: string;
  bands: Band[];
  enabled: boolean;
  hidden: boolean;
  clientIsolation: boolean;
  vlanId: string;
}

export interface NetworkLike {
  kind: NetworkKind;
  ssid: string;
  securityMode: SecurityMode;
  bands: Band[];
  enabled: boolean;
  hidden: boolean;
  clientIsolation: boolean;
  vlanId?: number | null;
}

export const NEW_GUEST_NETWORK: NetworkFormValues = {
  kind: 'GUEST',
  ssid: '',
  securityMode: 'WPA2_PSK',
  passphrase: '',
  bands: [],
  enabled: true,
  hidden: false,
  clientIsolation: true,
  vlanId: '',
};

export function formValuesOf(n: NetworkLike): NetworkFormValues {
  return { kind: n.kind, ssid: n.ssid, securityMode: n.securityMode, passphrase: '', bands: [...n.bands], enabled: n.enabled, hidden: n.hidden, clientIsolation: n.clientIsolation, vlanId: n.vlanId == null ? '' : String(n.vlanId) };
}

export interface FormProblem {
  field: keyof NetworkFormValues;
  message: string;
}

/** The checks the browser can make before asking; the API checks everything again. */
export function checkNetworkForm(v: NetworkFormValues, creating: boolean): FormProblem[] {
  const problems: FormProblem[] = [];
  if (v.ssid.trim() === '') problems.push({ field: 'ssid', message: 'An SSID is required.' });
  else if (new TextEncoder().encode(v.ssid).length > 32) problems.push({ field: 'ssid', message: 'At most 32 bytes.' });
  if (v.securityMode === 'OPEN' && v.passphrase !== '') problems.push({ field: 'passphrase', message: 'An open network has no passphrase.' });
  if (v.securityMode !== 'OPEN' && v.passphrase !== '' && !/^[\x20-\x7e]{8,63}$/.test(v.passphrase)) {
    problems.push({ field: 'passphrase', message: '8 to 63 printable ASCII characters.' });
  }
  if (v.securityMode !== 'OPEN' && v.passphrase === '' && creating) problems.push({ field: 'passphrase', message: 'A passphrase is required unless the network is open.' });
  if (v.vlanId.trim() !== '' && !(/^\d+$/.test(v.vlanId.trim()) && Number(v.vlanId) >= 1 && Number(v.vlanId) <= 4094)) {
    problems.push({ field: 'vlanId', message: 'A VLAN id is 1 to 4094.' });
  }
  return problems;
}

export interface CreateInput {
  kind: NetworkKind;
  ssid: string;
  securityMode: SecurityMode;
  passphrase?: string;
  bands?: Band[];
  enabled: boolean;
  hidden: boolean;
  clientIsolation: boolean;
  vlanId?: number;
}

export function createInputOf(v: NetworkFormValues): CreateInput {
  const input: CreateInput = { kind: v.kind, ssid: v.ssid.trim(), securityMode: v.securityMode, enabled: v.enabled, hidden: v.hidden, clientIsolation: v.clientIsolation };
  if (v.securityMode !== 'OPEN') input.passphrase = v.passphrase;
  if (v.bands.length > 0) input.bands = v.bands;
  if (v.vlanId.trim() !== '') input.vlanId = Number(v.vlanId);
  return input;
}

export type UpdateInput = Partial<Omit<CreateInput, 'kind' | 'vlanId' | 'bands' | 'passphrase'>> & { vlanId?: number | null; bands?: Band[] | null; passphrase?: string | null };

/** Only the fields that differ from the network as loaded. */
export function updateInputOf(before: NetworkLike, v: NetworkFormValues): UpdateInput {
  const input: UpdateInput = {};
  if (v.ssid.trim() !== before.ssid) input.ssid = v.ssid.trim();
  if (v.securityMode !== before.securityMode) input.securityMode = v.securityMode;
  if (v.securityMode === 'OPEN' && before.securityMode !== 'OPEN') input.passphrase = null;
  else if (v.passphrase !== '') input.passphrase = v.passphrase;
  if (v.enabled !== before.enabled) input.enabled = v.enabled;
  if (v.hidden !== before.hidden) input.hidden = v.hidden;
  if (v.clientIsolation !== before.clientIsolation) input.clientIsolation = v.clientIsolation;
  const sortedBefore = [...before.bands].sort().join();
  if ([...v.bands].sort().join() !== sortedBefore) input.bands = v.bands.length > 0 ? v.bands : null;
  const vlan = v.vlanId.trim() === '' ? null : Number(v.vlanId);
  if (vlan !== (before.vlanId ?? null)) input.vlanId = vlan;
  return input;
}
