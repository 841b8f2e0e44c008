// The pure VIF planner against a real ovsdb-server holding the full OpenSync schema: the
// server must accept every planned transaction (named uuids, weak references, mutate
// before delete), the result must read back as exactly what was desired, a second plan
// must be empty, and the device's own rows must come through every step untouched.
import { readFileSync } from 'node:fs';
import { DatabaseSchema, decodeRow, Operation, OperationBuilder } from '@lib/ovsdb';
import {
  CachedRow,
  DesiredNetwork,
  desiredVifs,
  deviceCapabilities,
  DeviceVifView,
  planVifOperations,
  radioViews,
} from '@lib/opensync';
import { describeWithOvsdb, OPENSYNC_SCHEMA_PATH, OvsdbServerProcess } from '../support/ovsdb-server-process';

const DB = 'Open_vSwitch';
const NOW = new Date('2026-01-01T12:00:00Z');

function homeNetwork(overrides: Partial<DesiredNetwork> = {}): DesiredNetwork {
  return {
    id: 'net-home',
    slot: 1,
    kind: 'PRIMARY',
    ssid: 'Home',
    securityMode: 'WPA2_WPA3',
    passphrase: 'correct horse battery',
    hidden: false,
    clientIsolation: false,
    bands: ['BAND_2_4G', 'BAND_5G'],
    enabled: true,
    ...overrides,
  };
}

describeWithOvsdb('VIF plans applied by a real ovsdb-server with the OpenSync schema', () => {
  let server: OvsdbServerProcess;
  let schema: DatabaseSchema;
  let builder: OperationBuilder;

  async function apply(ops: Operation[]): Promise<void> {
    const result = await server.transact(DB, ...ops);
    builder.checkResult(ops, result);
  }

  async function rows(table: string): Promise<CachedRow[]> {
    const select = builder.select(table, []);
    const [result] = await server.transact(DB, select);
    const wireRows = (result as { rows: unknown[] }).rows;
    return wireRows.map((wire) => decodeRow(schema.requireTable(table), wire) as CachedRow);
  }

  async function view(): Promise<DeviceVifView> {
    return { radios: radioViews(await rows('Wifi_Radio_Config')), vifConfigs: await rows('Wifi_VIF_Config') };
  }

  async function reconcile(networks: DesiredNetwork[]): Promise<Operation[]> {
    const before = await view();
    const wanted = desiredVifs(networks, before.radios, deviceCapabilities(schema), NOW).byRadio;
    const ops = planVifOperations(wanted, before, schema);
    if (ops.length > 0) await apply(ops);
    const after = await view();
    expect(planVifOperations(desiredVifs(networks, after.radios, deviceCapabilities(schema), NOW).byRadio, after, schema)).toEqual([]);
    return ops;
  }

  async function ownedNames(): Promise<Record<string, string[]>> {
    const current = await view();
    const names = new Map(current.vifConfigs.map((row) => [row._uuid, String(row.if_name)]));
    return Object.fromEntries(
      current.radios.map((radio) => [String(radio.freq_band), radio.vif_configs.map((u) => names.get(u) ?? `dangling:${u}`).sort()]),
    );
  }

  beforeAll(async () => {
    schema = DatabaseSchema.parse(JSON.parse(readFileSync(OPENSYNC_SCHEMA_PATH, 'utf8')));
    builder = new OperationBuilder(schema);
    server = await OvsdbServerProcess.start({ remotes: [] });
    // The device's own state before the cloud arrives: two radios and a backhaul AP.
    await server.transact(
      DB,
      {
        op: 'insert',
        table: 'Wifi_VIF_Config',
        'uuid-name': 'bhaul',
        row: { if_name: 'bhaul-ap-24', mode: 'ap', enabled: true, ssid: 'we.backhaul', vif_radio_idx: 1 },
      },
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi0', freq_band: '2.4G', vif_configs: ['set', [['named-uuid', 'bhaul']]] } },
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi1', freq_band: '5G' } },
    );
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('creates the VIFs and references them from their radios in one transaction', async () => {
    const ops = await reconcile([homeNetwork()]);
    expect(ops.map((o) => o.op)).toEqual(['insert', 'insert', 'mutate', 'mutate']);
    expect(await ownedNames()).toEqual({ '2.4G': ['bhaul-ap-24', 'ctl1-ap-24'], '5G': ['ctl1-ap-50'] });
    const row = (await rows('Wifi_VIF_Config')).find((r) => r.if_name === 'ctl1-ap-24');
    expect(row).toMatchObject({ ssid: 'Home', mode: 'ap', pmf: 'optional', vif_radio_idx: 2, ap_bridge: true });
    expect(new Set(row?.wpa_key_mgmt as string[])).toEqual(new Set(['wpa-psk', 'sae']));
    expect(row?.wpa_psks).toEqual(new Map([['key--1', 'correct horse battery']]));
  });

  it('changes SSID and passphrase in place', async () => {
    const ops = await reconcile([homeNetwork({ ssid: 'Home 2', passphrase: 'another passphrase' })]);
    expect(ops.map((o) => o.op)).toEqual(['update', 'update']);
    expect(await ownedNames()).toEqual({ '2.4G': ['bhaul-ap-24', 'ctl1-ap-24'], '5G': ['ctl1-ap-50'] });
  });

  it('drops a band: deletes the row and its reference', async () => {
    const ops = await reconcile([homeNetwork({ ssid: 'Home 2', passphrase: 'another passphrase', bands: ['BAND_2_4G'] })]);
    expect(ops.map((o) => o.op)).toEqual(['mutate', 'delete']);
    expect(await ownedNames()).toEqual({ '2.4G': ['bhaul-ap-24', 'ctl1-ap-24'], '5G': [] });
  });

  it('removes everything it owns for a disabled network and leaves the backhaul alone', async () => {
    await reconcile([homeNetwork({ enabled: false })]);
    expect(await ownedNames()).toEqual({ '2.4G': ['bhaul-ap-24'], '5G': [] });
    const bhaul = (await rows('Wifi_VIF_Config')).find((r) => r.if_name === 'bhaul-ap-24');
    expect(bhaul).toMatchObject({ ssid: 'we.backhaul', vif_radio_idx: 1, enabled: true });
    expect(await rows('Wifi_VIF_Config')).toHaveLength(1);
  });
});
