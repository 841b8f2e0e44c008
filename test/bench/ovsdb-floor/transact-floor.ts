// Part 6, the physical floor of one change: the same Wifi_VIF_Config update (a new
// passphrase in wpa_psks) committed to a real ovsdb-server by `ovsdb-client transact`
// (a process per change, as a script would do it) and over one persistent libs/ovsdb
// session (what a controller with a connection already open pays).

import { performance } from 'node:perf_hooks';
import type { OvsdbSession } from '@lib/ovsdb';
import { run } from '../framework/processes';

export const FLOOR_IF_NAME = 'home-ap-24';

export function insertFloorVifConfig(): object {
  return {
    op: 'insert',
    table: 'Wifi_VIF_Config',
    row: {
      if_name: FLOOR_IF_NAME,
      enabled: true,
      mode: 'ap',
      bridge: 'br-home',
      ssid: 'floor',
      ssid_broadcast: 'enabled',
      vif_radio_idx: 1,
      wpa: true,
      wpa_key_mgmt: ['set', ['wpa2-psk', 'sae']],
      wpa_psks: ['map', [['key--1', 'initial-passphrase']]],
    },
  };
}

export function passphraseUpdate(i: number): [string, object] {
  return [
    'Open_vSwitch',
    {
      op: 'update',
      table: 'Wifi_VIF_Config',
      where: [['if_name', '==', FLOOR_IF_NAME]],
      row: { wpa_psks: ['map', [['key--1', `passphrase-number-${i}`]]] },
    },
  ];
}

function assertOneRowUpdated(result: unknown): void {
  const first = Array.isArray(result) ? (result[0] as { count?: number } | null) : null;
  if (first?.count !== 1) throw new Error(`update did not change exactly one row: ${JSON.stringify(result)}`);
}

/** Milliseconds per change, `ovsdb-client transact` spawned each time. */
export async function ovsdbClientTransactFloor(remote: string, changes: number): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < changes; i++) {
    const started = performance.now();
    const out = await run('ovsdb-client', ['transact', remote, JSON.stringify(passphraseUpdate(i))]);
    timings.push(performance.now() - started);
    assertOneRowUpdated(JSON.parse(out));
  }
  return timings;
}

/** Milliseconds per change over one open session, one change in flight at a time. */
export async function persistentTransactFloor(session: OvsdbSession, changes: number): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < changes; i++) {
    const [db, op] = passphraseUpdate(100_000 + i);
    const started = performance.now();
    const result = await session.request('transact', [db, op]);
    timings.push(performance.now() - started);
    assertOneRowUpdated(result);
  }
  return timings;
}
