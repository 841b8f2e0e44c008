// Rows for part 6: Wifi_Associated_Clients as a busy device reports its stations (wire
// notation). It is the OpenSync table without a row limit (the VIF tables stop at 256), so
// it is the one a device can fill with ten thousand rows.

export const CLIENTS_TABLE = 'Wifi_Associated_Clients';

function mac(i: number): string {
  const hex = i.toString(16).padStart(6, '0');
  return `a4:83:e7:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
}

export function associatedClientRow(i: number): Record<string, unknown> {
  return {
    mac: mac(i),
    state: i % 3 === 0 ? 'idle' : 'active',
    capabilities: ['set', ['11ac', '11n', '11g']],
    key_id: `key--${i % 4}`,
    oftag: `home--${i % 4}`,
    uapsd: i % 2,
    kick: ['map', []],
    wpa_key_mgmt: i % 2 === 0 ? 'sae' : 'wpa-psk',
    pairwise_cipher: 'rsn-ccmp',
    pmf: i % 2 === 0,
  };
}

/** Insert operations for rows [from, to). */
export function insertClientOps(from: number, to: number): object[] {
  const ops: object[] = [];
  for (let i = from; i < to; i++) ops.push({ op: 'insert', table: CLIENTS_TABLE, row: associatedClientRow(i) });
  return ops;
}
