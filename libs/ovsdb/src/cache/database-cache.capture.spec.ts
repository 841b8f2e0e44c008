// RFC 7047 section 4.1.5 and monitor_cond's update2, on real data: the notifications a real
// ovsdb-server sent for the OpenSync schema (test/fixtures/captures). The same changes
// reached one cache as update2 diffs and another as full "update" rows; both must agree.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DatabaseSchema } from '../schema/database-schema';
import { DatabaseCache } from './database-cache';

const CAPTURES = path.resolve(__dirname, '../../../../test/fixtures/captures');

type Message = { id: number | null; method?: string; params?: unknown[]; result?: unknown };

function loadMessages(): Message[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(CAPTURES, 'opensync-session.json'), 'utf8')) as {
    messages: { offset: number; length: number }[];
  };
  const raw = gunzipSync(fs.readFileSync(path.join(CAPTURES, 'opensync-session.server.bin.gz')));
  return manifest.messages.map((m) => JSON.parse(raw.toString('utf8', m.offset, m.offset + m.length)) as Message);
}

const SSID_1 = 'Café ☕ {"x"}[\\]';
const SSID_2 = 'Ünïcødé\n\t"esc" }]{[';
const LEGACY_COLUMNS = {
  Wifi_VIF_Config: ['if_name', 'ssid', 'wpa_psks', 'enabled'],
  Wifi_VIF_State: ['if_name', 'ssid', 'vif_config'],
};

describe('DatabaseCache fed by a real ovsdb-server', () => {
  const messages = loadMessages();
  const reply = (id: number) => messages.find((m) => m.id === id)?.result;
  const notifications = (method: string) => messages.filter((m) => m.method === method).map((m) => (m.params ?? [])[1]);
  const schema = DatabaseSchema.parse(reply(1));
  const [awlanUuid, vifUuid, radioUuid, stateUuid] = (reply(2) as { uuid: [string, string] }[]).map((r) => r.uuid[1]);

  function conditional(): DatabaseCache {
    const cache = new DatabaseCache(schema, {
      AWLAN_Node: {},
      Wifi_Radio_Config: {},
      Wifi_VIF_Config: { indexes: ['if_name'] },
      Wifi_VIF_State: {},
    });
    cache.applyTableUpdates(reply(3), 'update2');
    return cache;
  }

  function legacy(): DatabaseCache {
    const cache = new DatabaseCache(schema, {
      Wifi_VIF_Config: { columns: LEGACY_COLUMNS.Wifi_VIF_Config },
      Wifi_VIF_State: { columns: LEGACY_COLUMNS.Wifi_VIF_State },
    });
    cache.applyTableUpdates(reply(4), 'update');
    return cache;
  }

  it('parses the schema the server sent in reply to get_schema', () => {
    expect(schema.tables.size).toBe(137);
  });

  it('loads the initial update2 snapshot, filling the columns the server omitted', () => {
    const cache = conditional();
    expect(cache.get('AWLAN_Node', awlanUuid)).toMatchObject({ id: 'SN-0001', model: 'Sim ☃ router', manager_addr: '' });
    const vif = cache.get('Wifi_VIF_Config', vifUuid);
    expect(vif).toMatchObject({
      _uuid: vifUuid,
      if_name: 'wl0.1',
      ssid: SSID_1,
      enabled: true,
      wpa_psks: new Map([['key--1', 'pass word'], ['key-2', '日本語パスワード']]),
      mac_list: [],
      vlan_id: undefined,
    });
    expect(new Set(vif?.wpa_key_mgmt as string[])).toEqual(new Set(['wpa2-psk', 'sae']));
    expect(cache.get('Wifi_Radio_Config', radioUuid)).toMatchObject({ channel: 6, vif_configs: [vifUuid] });
    expect(cache.get('Wifi_VIF_State', stateUuid)).toMatchObject({ vif_config: vifUuid, ssid: SSID_1 });
  });

  it('applies the update2 diffs of the first transaction', () => {
    const cache = conditional();
    const batch = cache.applyTableUpdates(notifications('update2')[0], 'update2');
    expect(batch.changes.map((c) => `${c.table} ${c.kind}`).sort()).toEqual([
      'Wifi_Radio_Config modify',
      'Wifi_VIF_Config insert',
      'Wifi_VIF_Config modify',
    ]);
    const vif = cache.get('Wifi_VIF_Config', vifUuid);
    expect(vif).toMatchObject({
      ssid: SSID_2,
      enabled: false,
      wpa_psks: new Map([['key-2', '日本語パスワード'], ['key-3', 'third']]),
      wpa_key_mgmt: ['wpa2-psk'],
    });
    const guest = cache.table('Wifi_VIF_Config')?.findBy('if_name', 'wl1.1') ?? [];
    expect(guest).toHaveLength(1);
    const radio = cache.get('Wifi_Radio_Config', radioUuid);
    expect(radio?.channel).toBe(11);
    expect(new Set(radio?.vif_configs as string[])).toEqual(new Set([vifUuid, guest[0]._uuid]));
  });

  it('agrees with the full-row "update" notation on every common column', () => {
    const cond = conditional();
    const old = legacy();
    const update2 = notifications('update2');
    const update = notifications('update');
    expect(update2).toHaveLength(update.length);
    update2.forEach((u, i) => {
      cond.applyTableUpdates(u, 'update2');
      old.applyTableUpdates(update[i], 'update');
      for (const [table, columns] of Object.entries(LEGACY_COLUMNS)) {
        const legacyRows = [...(old.table(table) ?? [])];
        expect(legacyRows.map((r) => r._uuid).sort()).toEqual([...(cond.table(table)?.uuids() ?? [])].sort());
        for (const row of legacyRows) {
          const full = cond.get(table, row._uuid as string) ?? {};
          for (const column of columns) expect([table, column, full[column]]).toEqual([table, column, row[column]]);
        }
      }
    });
    expect(cond.table('Wifi_VIF_State')?.size).toBe(0);
    expect(cond.get('Wifi_VIF_Config', vifUuid)?.ssid).toBe(SSID_2);
  });
});
