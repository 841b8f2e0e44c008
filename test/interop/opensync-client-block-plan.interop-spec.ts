// Client kicks as planned VIF rows against a real ovsdb-server holding the full OpenSync
// schema: the server accepts the blacklist (mac_list, mac_list_type) on inserted and on
// existing VIFs, the rows read back as planned, a second plan is empty, and when the block
// ends the entry is cleared; an allow-list network kicks by leaving the MAC out.
import { readFileSync } from 'node:fs';
import { DatabaseSchema, decodeRow, Operation, OperationBuilder } from '@lib/ovsdb';
import { CachedRow, ClientBlock, DesiredNetwork, desiredVifs, deviceCapabilities, DeviceVifView, planVifOperations, radioViews } from '@lib/opensync';
import { describeWithOvsdb, OPENSYNC_SCHEMA_PATH, OvsdbServerProcess } from '../support/ovsdb-server-process';

const DB = 'Open_vSwitch';
const NOW = new Date('2026-01-01T12:00:00Z');
const KICKED = 'aa:bb:cc:00:00:01';
const OTHER = 'aa:bb:cc:00:00:02';

const home: DesiredNetwork = {
  id: 'net-home',
  slot: 1,
  kind: 'PRIMARY',
  ssid: 'Home',
  securityMode: 'WPA2_PSK',
  passphrase: 'correct horse battery',
  hidden: false,
  clientIsolation: false,
  bands: ['BAND_2_4G', 'BAND_5G'],
  enabled: true,
};

describeWithOvsdb('client blocks applied by a real ovsdb-server with the OpenSync schema', () => {
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

  /** One pass: plan, apply, and check that the next plan is empty. */
  async function pass(networks: DesiredNetwork[], blocks: ClientBlock[], now = NOW): Promise<Operation[]> {
    const plan = async (): Promise<Operation[]> => {
      const device = await view();
      return planVifOperations(desiredVifs(networks, device.radios, deviceCapabilities(schema), now, { blocks }).byRadio, device, schema);
    };
    const ops = await plan();
    if (ops.length > 0) builder.checkResult(ops, await server.transact(DB, ...ops));
    expect(await plan()).toEqual([]);
    return ops;
  }

  async function acl(): Promise<{ ifName: string; list: string[]; type: unknown }[]> {
    return (await rows('Wifi_VIF_Config'))
      .map((r) => ({ ifName: String(r.if_name), list: [...((r.mac_list as string[] | undefined) ?? [])].sort(), type: r.mac_list_type }))
      .sort((a, b) => a.ifName.localeCompare(b.ifName));
  }

  beforeAll(async () => {
    schema = DatabaseSchema.parse(JSON.parse(readFileSync(OPENSYNC_SCHEMA_PATH, 'utf8')));
    builder = new OperationBuilder(schema);
    server = await OvsdbServerProcess.start({ remotes: [] });
    await server.transact(
      DB,
      { op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'bhaul', row: { if_name: 'bhaul-ap-24', mode: 'ap', enabled: true, ssid: 'we.backhaul', vif_radio_idx: 1 } },
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi0', freq_band: '2.4G', vif_configs: ['set', [['named-uuid', 'bhaul']]] } },
      { op: 'insert', table: 'Wifi_Radio_Config', row: { if_name: 'wifi1', freq_band: '5G' } },
    );
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('inserts new VIFs with the blacklist in them', async () => {
    const ops = await pass([home], [{ mac: KICKED, until: new Date(NOW.getTime() + 60_000) }]);
    expect(ops.map((o) => o.op)).toEqual(['insert', 'insert', 'mutate', 'mutate']);
    expect(await acl()).toEqual([
      { ifName: 'bhaul-ap-24', list: [], type: undefined },
      { ifName: 'ctl1-ap-24', list: [KICKED], type: 'blacklist' },
      { ifName: 'ctl1-ap-50', list: [KICKED], type: 'blacklist' },
    ]);
  });

  it('adds a second block to existing VIFs in place, then clears each at its end', async () => {
    const blocks = [
      { mac: KICKED, until: new Date(NOW.getTime() + 60_000) },
      { mac: OTHER.toUpperCase(), until: new Date(NOW.getTime() + 120_000) },
    ];
    expect((await pass([home], blocks)).map((o) => o.op)).toEqual(['update', 'update']);
    expect((await acl()).filter((v) => v.ifName.startsWith('ctl')).map((v) => v.list)).toEqual([[KICKED, OTHER], [KICKED, OTHER]]);
    await pass([home], blocks, new Date(NOW.getTime() + 60_000));
    expect((await acl()).filter((v) => v.ifName.startsWith('ctl')).map((v) => [v.list, v.type])).toEqual([[[OTHER], 'blacklist'], [[OTHER], 'blacklist']]);
    await pass([home], blocks, new Date(NOW.getTime() + 120_000));
    expect(await acl()).toEqual([
      { ifName: 'bhaul-ap-24', list: [], type: undefined },
      { ifName: 'ctl1-ap-24', list: [], type: undefined },
      { ifName: 'ctl1-ap-50', list: [], type: undefined },
    ]);
  });

  it('kicks from an allow-list network by leaving the MAC out of the whitelist', async () => {
    const allowList: DesiredNetwork = { ...home, macAcl: { mode: 'ALLOW', macs: [KICKED, OTHER] } };
    await pass([allowList], [{ mac: KICKED, until: new Date(NOW.getTime() + 60_000) }]);
    expect((await acl()).filter((v) => v.ifName.startsWith('ctl')).map((v) => [v.list, v.type])).toEqual([[[OTHER], 'whitelist'], [[OTHER], 'whitelist']]);
    await pass([allowList], [], NOW);
    expect((await acl()).filter((v) => v.ifName.startsWith('ctl')).map((v) => v.list)).toEqual([[KICKED, OTHER], [KICKED, OTHER]]);
  });
});
