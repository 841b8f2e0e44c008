// Personal keys (multi-PSK) as planned VIF rows against a real ovsdb-server holding the full
// OpenSync schema: the server accepts wpa_psks with key-N names on inserted and existing
// VIFs, the rows read back as planned, a second plan is empty; a rotation updates one entry
// in place; 64 keys fit (the schema's max) and a 65th is left out by the planner; a window
// end removes the key; no key in force removes the VIF.
import { readFileSync } from 'node:fs';
import { DatabaseSchema, decodeRow, Operation, OperationBuilder } from '@lib/ovsdb';
import { CachedRow, DesiredNetwork, desiredVifs, deviceCapabilities, DeviceVifView, PersonalKeyView, planVifOperations, radioViews } from '@lib/opensync';
import { describeWithOvsdb, OPENSYNC_SCHEMA_PATH, OvsdbServerProcess } from '../support/ovsdb-server-process';

const DB = 'Open_vSwitch';
const NOW = new Date('2026-01-01T12:00:00Z');
const key = (slot: number, extra: Partial<PersonalKeyView> = {}): PersonalKeyView => ({ slot, passphrase: `resident-${slot}-passphrase`, active: true, ...extra });

const pool = (personalKeys: PersonalKeyView[]): DesiredNetwork => ({
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
  personalKeys,
});

describeWithOvsdb('personal keys applied by a real ovsdb-server with the OpenSync schema', () => {
  let server: OvsdbServerProcess;
  let schema: DatabaseSchema;
  let builder: OperationBuilder;

  async function rows(table: string): Promise<CachedRow[]> {
    const [result] = await server.transact(DB, builder.select(table, []));
    return (result as { rows: unknown[] }).rows.map((wire) => decodeRow(schema.requireTable(table), wire) as CachedRow);
  }

  async function view(): Promise<DeviceVifView> {
    return { radios: radioViews(await rows('Wifi_Radio_Config')), vifConfigs: await rows('Wifi_VIF_Config') };
  }

  async function pass(networks: DesiredNetwork[], now = NOW): Promise<Operation[]> {
    const plan = async (): Promise<Operation[]> => {
      const device = await view();
      return planVifOperations(desiredVifs(networks, device.radios, deviceCapabilities(schema), now).byRadio, device, schema);
    };
    const ops = await plan();
    if (ops.length > 0) builder.checkResult(ops, await server.transact(DB, ...ops));
    expect(await plan()).toEqual([]);
    return ops;
  }

  async function psks(): Promise<Record<string, Record<string, string>>> {
    const out: Record<string, Record<string, string>> = {};
    for (const r of await rows('Wifi_VIF_Config')) if (String(r.if_name).startsWith('ctl')) out[String(r.if_name)] = Object.fromEntries(r.wpa_psks as Map<string, string>);
    return out;
  }

  beforeAll(async () => {
    schema = DatabaseSchema.parse(JSON.parse(readFileSync(OPENSYNC_SCHEMA_PATH, 'utf8')));
    builder = new OperationBuilder(schema);
    server = await OvsdbServerProcess.start({ remotes: [] });
    await server.transact(
      DB,
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi0', freq_band: '2.4G' } },
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi1', freq_band: '5G' } },
    );
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('inserts the pool VIFs with the keys in force as key-N entries', async () => {
    const ops = await pass([pool([key(1), key(2), key(3, { validFrom: new Date(NOW.getTime() + 60_000) })])]);
    expect(ops.map((o) => o.op)).toEqual(['insert', 'insert', 'mutate', 'mutate']);
    const want = { 'key-1': 'resident-1-passphrase', 'key-2': 'resident-2-passphrase' };
    expect(await psks()).toEqual({ 'ctl2-ap-24': want, 'ctl2-ap-50': want });
  });

  it('rotates one key in place and opens a window at its start', async () => {
    const keys = [key(1), key(2, { passphrase: 'rotated passphrase' }), key(3, { validFrom: new Date(NOW.getTime() + 60_000) })];
    expect((await pass([pool(keys)])).map((o) => o.op)).toEqual(['update', 'update']);
    expect((await psks())['ctl2-ap-24']).toEqual({ 'key-1': 'resident-1-passphrase', 'key-2': 'rotated passphrase' });
    await pass([pool(keys)], new Date(NOW.getTime() + 60_000));
    expect(Object.keys((await psks())['ctl2-ap-24'])).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('accepts 64 keys, the schema maximum; the planner never sends a 65th', async () => {
    const keys = Array.from({ length: 65 }, (_, i) => key(i + 1));
    await pass([pool(keys)]);
    const all = (await psks())['ctl2-ap-24'];
    expect(Object.keys(all)).toHaveLength(64);
    expect(all['key-65']).toBeUndefined();
  });

  it('removes a key at its window end, and the VIFs when no key is left in force', async () => {
    const ending = [key(1, { validUntil: new Date(NOW.getTime() + 1000) }), key(2)];
    await pass([pool(ending)]);
    await pass([pool(ending)], new Date(NOW.getTime() + 1000));
    expect((await psks())['ctl2-ap-24']).toEqual({ 'key-2': 'resident-2-passphrase' });
    await pass([pool([key(2, { active: false })])]);
    expect(await psks()).toEqual({});
  });
});
