// Per-key isolation planned against a real ovsdb-server holding the full OpenSync schema:
// the server accepts the pool VIFs with wpa_oftags, the Openflow_Tag rows and the ebtables
// Netfilter rows in one transaction; a second plan is empty; the device's own writes to a
// tag (device_value, as OpenSync does on a client connect) are left alone; a revoked key's
// tag and rules go and the others stay; turning isolation off removes every tag and rule and
// clears wpa_oftags; rows that are not the controller's are never touched.
import { readFileSync } from 'node:fs';
import { DatabaseSchema, decodeRow, Operation, OperationBuilder } from '@lib/ovsdb';
import {
  CachedRow,
  DesiredNetwork,
  desiredKeyIsolation,
  desiredVifs,
  deviceCapabilities,
  keyIsolationMismatches,
  PersonalKeyView,
  planKeyIsolationOperations,
  planVifOperations,
  radioViews,
  schemaSupportsKeyIsolation,
} from '@lib/opensync';
import { describeWithOvsdb, OPENSYNC_SCHEMA_PATH, OvsdbServerProcess } from '../support/ovsdb-server-process';

const DB = 'Open_vSwitch';
const NOW = new Date('2026-01-01T12:00:00Z');
const key = (slot: number): PersonalKeyView => ({ slot, passphrase: `resident-${slot}-passphrase`, active: true });

const pool = (slots: number[], keyIsolation = true): DesiredNetwork => ({
  id: 'net-residents',
  slot: 2,
  kind: 'IOT',
  ssid: 'Residents',
  securityMode: 'WPA2_PSK',
  passphrase: 'network passphrase',
  hidden: false,
  clientIsolation: false,
  isolated: false,
  bands: ['BAND_2_4G', 'BAND_5G'],
  enabled: true,
  personalKeys: slots.map(key),
  keyIsolation,
});

describeWithOvsdb('per-key isolation applied by a real ovsdb-server with the OpenSync schema', () => {
  let server: OvsdbServerProcess;
  let schema: DatabaseSchema;
  let builder: OperationBuilder;

  async function rows(table: string): Promise<CachedRow[]> {
    const [result] = await server.transact(DB, builder.select(table, []));
    return (result as { rows: unknown[] }).rows.map((wire) => decodeRow(schema.requireTable(table), wire) as CachedRow);
  }

  async function plan(network: DesiredNetwork, peers: ReadonlyMap<string, readonly string[]> = new Map()) {
    const radios = radioViews(await rows('Wifi_Radio_Config'));
    const vifConfigs = await rows('Wifi_VIF_Config');
    const device = { tags: await rows('Openflow_Tag'), netfilters: await rows('Netfilter') };
    const desired = desiredVifs([network], radios, deviceCapabilities(schema), NOW, { keyIsolation: schemaSupportsKeyIsolation(schema) });
    const keys = desiredKeyIsolation([...desired.byRadio.values()].flat(), peers);
    const ops = [...planKeyIsolationOperations(keys, device, schema), ...planVifOperations(desired.byRadio, { radios, vifConfigs }, schema)];
    return { ops, keys, device };
  }

  async function pass(network: DesiredNetwork, peers: ReadonlyMap<string, readonly string[]> = new Map()): Promise<Operation[]> {
    const { ops } = await plan(network, peers);
    if (ops.length > 0) builder.checkResult(ops, await server.transact(DB, ...ops));
    const again = await plan(network, peers);
    expect(again.ops).toEqual([]);
    expect(keyIsolationMismatches(network.slot, again.keys.networks[0], again.device)).toEqual([]);
    return ops;
  }

  const names = async (table: string) => (await rows(table)).map((r) => String(r.name)).sort();
  const oftags = async () => {
    const out: Record<string, Record<string, string>> = {};
    for (const r of await rows('Wifi_VIF_Config')) out[String(r.if_name)] = Object.fromEntries(r.wpa_oftags as Map<string, string>);
    return out;
  };

  beforeAll(async () => {
    schema = DatabaseSchema.parse(JSON.parse(readFileSync(OPENSYNC_SCHEMA_PATH, 'utf8')));
    builder = new OperationBuilder(schema);
    server = await OvsdbServerProcess.start({ remotes: [] });
    await server.transact(
      DB,
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi0', freq_band: '2.4G' } },
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi1', freq_band: '5G' } },
      // The device's own tag and rule: never the controller's to change.
      { op: 'insert', table: 'Openflow_Tag', row: { name: 'frozen', cloud_value: ['set', ['aa:aa:aa:aa:aa:aa']] } },
      { op: 'insert', table: 'Netfilter', row: { name: 'lan_accept', enable: true, protocol: 'ipv4', table: 'filter', chain: 'NM_FORWARD', priority: 1, rule: '-i br-home', target: 'ACCEPT' } },
    );
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('writes the tagged VIFs, a tag per key and the rules in one accepted transaction', async () => {
    expect(schemaSupportsKeyIsolation(schema)).toBe(true);
    const ops = await pass(pool([1, 2]));
    expect(ops.filter((o) => o.op === 'insert').map((o) => (o as { table: string }).table).sort()).toEqual([
      'Netfilter', 'Netfilter', 'Netfilter', 'Netfilter', 'Netfilter', 'Netfilter', 'Openflow_Tag', 'Openflow_Tag', 'Wifi_VIF_Config', 'Wifi_VIF_Config',
    ]);
    expect(await oftags()).toEqual({ 'ctl2-ap-24': { 'key-1': 'ctl-k2-1', 'key-2': 'ctl-k2-2' }, 'ctl2-ap-50': { 'key-1': 'ctl-k2-1', 'key-2': 'ctl-k2-2' } });
    expect(await names('Openflow_Tag')).toEqual(['ctl-k2-1', 'ctl-k2-2', 'frozen']);
    expect(await names('Netfilter')).toEqual([
      'ctl-key-2-1-ctl2-ap-24', 'ctl-key-2-1-ctl2-ap-50', 'ctl-key-2-1-own', 'ctl-key-2-2-ctl2-ap-24', 'ctl-key-2-2-ctl2-ap-50', 'ctl-key-2-2-own', 'lan_accept',
    ]);
    const own = (await rows('Netfilter')).find((r) => r.name === 'ctl-key-2-1-own');
    expect(own).toMatchObject({ protocol: 'eth', table: 'filter', chain: 'FORWARD', rule: '-s ${ctl-k2-1} -d ${ctl-k2-1}', target: 'ACCEPT', enable: true });
    expect((await rows('Wifi_VIF_Config')).every((r) => r.ap_bridge === false)).toBe(true);
  });

  it('leaves the device\'s own writes to a tag alone (a client connecting with key-1)', async () => {
    await server.transact(DB, { op: 'mutate', table: 'Openflow_Tag', where: [['name', '==', 'ctl-k2-1']], mutations: [['device_value', 'insert', ['set', ['02:00:00:00:00:01']]]] });
    expect((await plan(pool([1, 2]))).ops).toEqual([]);
  });

  it('writes the key\'s clients on other nodes as cloud values, next to the device\'s own', async () => {
    const peers = new Map([['ctl-k2-2', ['02:00:00:00:00:09', '02:00:00:00:00:08']]]);
    expect((await pass(pool([1, 2]), peers)).map((o) => o.op)).toEqual(['update']);
    const tags = await rows('Openflow_Tag');
    expect(tags.find((r) => r.name === 'ctl-k2-2')?.cloud_value).toEqual(['02:00:00:00:00:08', '02:00:00:00:00:09']);
    expect(tags.find((r) => r.name === 'ctl-k2-1')?.device_value).toEqual(['02:00:00:00:00:01']);
    await pass(pool([1, 2]));
    expect((await rows('Openflow_Tag')).find((r) => r.name === 'ctl-k2-2')?.cloud_value).toEqual([]);
  });

  it('removes a revoked key\'s tag and rules, keeps the others, adds a new key\'s', async () => {
    await pass(pool([1, 3]));
    expect(await names('Openflow_Tag')).toEqual(['ctl-k2-1', 'ctl-k2-3', 'frozen']);
    const tag1 = (await rows('Openflow_Tag')).find((r) => r.name === 'ctl-k2-1');
    expect(tag1?.device_value).toEqual(['02:00:00:00:00:01']);
    expect((await names('Netfilter')).filter((n) => n.startsWith('ctl-key-2-2'))).toEqual([]);
    expect((await oftags())['ctl2-ap-24']).toEqual({ 'key-1': 'ctl-k2-1', 'key-3': 'ctl-k2-3' });
  });

  it('turning isolation off removes every tag and rule of the pool and clears wpa_oftags', async () => {
    await pass(pool([1, 3], false));
    expect(await names('Openflow_Tag')).toEqual(['frozen']);
    expect(await names('Netfilter')).toEqual(['lan_accept']);
    expect(await oftags()).toEqual({ 'ctl2-ap-24': {}, 'ctl2-ap-50': {} });
    expect((await rows('Wifi_VIF_Config')).every((r) => r.ap_bridge === true)).toBe(true);
  });
});
