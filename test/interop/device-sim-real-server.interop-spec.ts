// The simulator's managers attached to a REAL ovsdb-server holding the full OpenSync schema:
// bootstrap rows land in the real database and a VIF config inserted next to them (named
// uuid + vif_configs mutate) gets its Wifi_VIF_State from our WiFi manager.
import { DelayScheduler, RealServerDevice, attachToOvsdbServer, defaultProfile } from '@lib/device-sim';
import { OvsdbServerProcess, describeWithOvsdb } from '../support/ovsdb-server-process';

describeWithOvsdb('simulator managers on a real ovsdb-server', () => {
  let server: OvsdbServerProcess;
  let device: RealServerDevice;
  const scheduler = new DelayScheduler();

  beforeAll(async () => {
    server = await OvsdbServerProcess.start({ remotes: [] });
    device = await attachToOvsdbServer({
      socketPath: server.socketPath,
      profile: defaultProfile('REAL000001', { bands: ['2.4G', '5G', '6G'] }),
      behaviour: { applyDelayMs: 20 },
      scheduler,
      bootstrap: true,
    });
  });

  afterAll(async () => {
    device?.stop();
    scheduler.close();
    await server?.stop();
  });

  it('bootstraps the real database and applies a VIF config into Wifi_VIF_State', async () => {
    const [node] = (await server.transact('Open_vSwitch', { op: 'select', table: 'AWLAN_Node', where: [], columns: ['serial_number', 'model'] })) as [
      { rows: unknown[] },
    ];
    expect(node.rows).toEqual([{ serial_number: 'REAL000001', model: 'SIM-AP-1' }]);
    const res = (await server.transact(
      'Open_vSwitch',
      { op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'v', row: { if_name: 'home-ap-50', enabled: true, mode: 'ap', ssid: 'Home5' } },
      { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', 'wifi1']], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'v']]]]] },
    )) as [{ uuid: [string, string] }, { count: number }];
    expect(res[1]).toEqual({ count: 1 });
    const select = { op: 'select', table: 'Wifi_VIF_State', where: [['if_name', '==', 'home-ap-50']], columns: ['vif_config', 'ssid', 'enabled', 'channel'] };
    let rows: unknown[] = [];
    while (rows.length === 0) {
      await new Promise((r) => setTimeout(r, 20));
      rows = ((await server.transact('Open_vSwitch', select)) as [{ rows: unknown[] }])[0].rows;
    }
    expect(rows).toEqual([{ vif_config: ['uuid', res[0].uuid[1]], ssid: 'Home5', enabled: true, channel: 36 }]);
    const [radio] = (await server.transact('Open_vSwitch', { op: 'select', table: 'Wifi_Radio_State', where: [['if_name', '==', 'wifi1']], columns: ['vif_states'] })) as [
      { rows: { vif_states: unknown }[] },
    ];
    expect(radio.rows[0].vif_states).toEqual(['uuid', expect.any(String)]);
  });
});
