import { AddressInfo, Server, Socket, createServer } from 'node:net';
import { RpcConnection, StreamTransport } from '@lib/ovsdb';
import { loadSchemaFile } from '../server/ovsdb-server';
import { OPENSYNC_SUBSET_SCHEMA_PATH } from '../schema-files';
import { associateClient } from './client-script';
import { DelayScheduler } from './delay-scheduler';
import { DeviceBehaviour, defaultProfile, DeviceProfile } from './device-profile';
import { SimulatedDevice } from './simulated-device';

const schema = loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH);

/** Polls a condition (no fixed sleeps); jest's timeout bounds the wait. */
async function until<T>(probe: () => T | undefined | false): Promise<T> {
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('SimulatedDevice', () => {
  let scheduler: DelayScheduler;
  const devices: SimulatedDevice[] = [];
  const servers: Server[] = [];
  const sockets: Socket[] = [];

  beforeEach(() => {
    scheduler = new DelayScheduler();
  });

  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.stop()));
    for (const s of sockets.splice(0)) s.destroy();
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    scheduler.close();
  });

  async function boot(profile: Partial<DeviceProfile> = {}, behaviour: Partial<DeviceBehaviour> = {}): Promise<SimulatedDevice> {
    const device = new SimulatedDevice({
      schema,
      profile: defaultProfile('SIM123', profile),
      behaviour: { applyDelayMs: 5, upgradeStepMs: 5, backoffUnitMs: 20, ...behaviour },
      scheduler,
    });
    devices.push(device);
    await device.start();
    return device;
  }

  async function controller(onConnection: (rpc: RpcConnection) => void = () => undefined): Promise<{ addr: string; accepted: RpcConnection[] }> {
    const accepted: RpcConnection[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      const rpc = new RpcConnection(new StreamTransport(socket));
      accepted.push(rpc);
      onConnection(rpc);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { addr: `tcp:127.0.0.1:${(server.address() as AddressInfo).port}`, accepted };
  }

  async function addVif(device: SimulatedDevice, ifName: string, ssid: string, radio = 'wifi0'): Promise<string> {
    const res = await device.database.transact([
      { op: 'insert', table: 'Wifi_VIF_Config', 'uuid-name': 'v', row: { if_name: ifName, enabled: true, mode: 'ap', ssid } },
      { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', radio]], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'v']]]]] },
    ]);
    return (res[0] as { uuid: [string, string] }).uuid[1];
  }

  const vifState = (d: SimulatedDevice, ifName: string) => d.database.rows('Wifi_VIF_State').find((r) => r.if_name === ifName);

  it('boots with AWLAN_Node and one config and state row per radio', async () => {
    const d = await boot({ bands: ['2.4G', '5G', '6G'], redirectorAddr: 'ssl:redirector.example:443', minBackoff: 2, maxBackoff: 9 });
    const node = d.database.rows('AWLAN_Node');
    expect(node).toHaveLength(1);
    expect(node[0]).toMatchObject({ id: 'SIM123', serial_number: 'SIM123', model: 'SIM-AP-1', firmware_version: '1.0.0', redirector_addr: 'ssl:redirector.example:443', min_backoff: 2, max_backoff: 9 });
    expect(node[0].boot_time).toEqual(expect.any(Number));
    const configs = d.database.rows('Wifi_Radio_Config');
    expect(configs.map((r) => r.freq_band).sort()).toEqual(['2.4G', '5G', '6G']);
    const states = d.database.rows('Wifi_Radio_State');
    expect(states.map((s) => s.radio_config).sort()).toEqual(configs.map((c) => c._uuid).sort());
  });

  it('writes, updates and removes Wifi_VIF_State for referenced configs only', async () => {
    const d = await boot();
    await d.database.transact([{ op: 'insert', table: 'Wifi_VIF_Config', row: { if_name: 'unreferenced', ssid: 'x' } }]);
    const uuid = await addVif(d, 'home-24', 'Home');
    const state = await until(() => vifState(d, 'home-24'));
    expect(state).toMatchObject({ vif_config: uuid, ssid: 'Home', enabled: true, mode: 'ap', state: 'up', channel: 6 });
    const radioState = d.database.rows('Wifi_Radio_State').find((r) => r.if_name === 'wifi0');
    expect(radioState?.vif_states).toEqual([state._uuid]);
    await d.database.transact([{ op: 'update', table: 'Wifi_VIF_Config', where: [['if_name', '==', 'home-24']], row: { ssid: 'Renamed' } }]);
    await until(() => vifState(d, 'home-24')?.ssid === 'Renamed');
    await d.database.transact([{ op: 'delete', table: 'Wifi_VIF_Config', where: [['if_name', '==', 'home-24']] }]);
    await until(() => vifState(d, 'home-24') === undefined);
    expect(d.database.rows('Wifi_Radio_State').find((r) => r.if_name === 'wifi0')?.vif_states).toEqual([]);
    expect(vifState(d, 'unreferenced')).toBeUndefined();
    expect(d.converged).toBe(true);
  });

  it('reports a refused config the way firmware does: the state never matches', async () => {
    const d = await boot({}, { refuseRate: 1 });
    const uuid = await addVif(d, 'guest', 'Guest');
    const state = await until(() => vifState(d, 'guest'));
    expect(state).toMatchObject({ vif_config: uuid, enabled: false, state: 'down' });
    expect(state.ssid).toBeUndefined();
  });

  it('scripts an associated client and its DHCP lease', async () => {
    const d = await boot();
    await addVif(d, 'home-24', 'Home');
    await until(() => vifState(d, 'home-24'));
    await associateClient(d.database, { ifName: 'home-24', mac: 'aa:bb:cc:00:00:01', keyId: 'key-1', ip: '192.168.1.20' });
    const client = d.database.rows('Wifi_Associated_Clients')[0];
    expect(client).toMatchObject({ mac: 'aa:bb:cc:00:00:01', key_id: 'key-1', state: 'active' });
    expect(vifState(d, 'home-24')?.associated_clients).toEqual([client._uuid]);
    expect(d.database.rows('DHCP_leased_IP')[0]).toMatchObject({ hwaddr: 'aa:bb:cc:00:00:01', inet_addr: '192.168.1.20' });
  });

  it('deauthenticates a blacklisted client (ACL kick), keeps it out, and lets it back when the entry goes', async () => {
    const d = await boot({}, { clientsPerDevice: 2 });
    await addVif(d, 'home-24', 'Home');
    const linked = () => vifState(d, 'home-24')?.associated_clients as string[] | undefined;
    await until(() => linked()?.length === 2);
    const [kicked, stays] = d.database.rows('Wifi_Associated_Clients').map((r) => String(r.mac)).sort();
    const setAcl = (row: object) => d.database.transact([{ op: 'update', table: 'Wifi_VIF_Config', where: [['if_name', '==', 'home-24']], row }]);
    await setAcl({ mac_list: ['set', [kicked.toUpperCase()]], mac_list_type: 'blacklist' });
    await until(() => vifState(d, 'home-24')?.mac_list_type === 'blacklist' && linked()?.length === 1);
    expect(d.database.rows('Wifi_Associated_Clients').map((r) => r.mac)).toEqual([stays]);
    // A station associating again while blacklisted is thrown out again.
    await associateClient(d.database, { ifName: 'home-24', mac: kicked });
    await until(() => !d.database.rows('Wifi_Associated_Clients').some((r) => r.mac === kicked));
    await setAcl({ mac_list: ['set', []], mac_list_type: ['set', []] });
    await until(() => d.database.rows('Wifi_Associated_Clients').some((r) => r.mac === kicked) && linked()?.length === 2);
  });

  it('keeps only the listed clients on a whitelist VIF', async () => {
    const d = await boot({}, { clientsPerDevice: 3 });
    await addVif(d, 'home-24', 'Home');
    await until(() => (vifState(d, 'home-24')?.associated_clients as string[] | undefined)?.length === 3);
    const allowed = String(d.database.rows('Wifi_Associated_Clients')[0].mac);
    await d.database.transact([{ op: 'update', table: 'Wifi_VIF_Config', where: [['if_name', '==', 'home-24']], row: { mac_list: ['set', [allowed]], mac_list_type: 'whitelist' } }]);
    await until(() => d.database.rows('Wifi_Associated_Clients').length === 1);
    expect(d.database.rows('Wifi_Associated_Clients')[0].mac).toBe(allowed);
  });

  it('walks upgrade_status through the firmware codes, then reboots into the new version', async () => {
    const d = await boot();
    const statuses: number[] = [0];
    const port = d.database;
    port.onChange(() => {
      const s = port.rows('AWLAN_Node')[0]?.upgrade_status as number;
      if (statuses[statuses.length - 1] !== s) statuses.push(s);
    });
    const bootTime = port.rows('AWLAN_Node')[0].boot_time as number;
    await port.transact([{ op: 'update', table: 'AWLAN_Node', where: [], row: { firmware_url: 'https://fw.example/sim-2.0.0.img', upgrade_timer: 0 } }]);
    await until(() => statuses.at(-1) === 11);
    // The image is written only once upgrade_timer is armed after the download.
    await port.transact([{ op: 'update', table: 'AWLAN_Node', where: [], row: { upgrade_timer: 1 } }]);
    await until(() => d.bootCount === 2 && d.firmwareVersion === 'sim-2.0.0');
    expect(statuses).toEqual([0, 10, 11, 20, 21, 30, 31]);
    const node = d.database.rows('AWLAN_Node')[0];
    expect(node.firmware_version).toBe('sim-2.0.0');
    expect(node.boot_time as number).toBeGreaterThan(bootTime);
    expect(d.database.rows('Reboot_Status')[0]).toMatchObject({ type: 'UPGRADE' });
  });

  it('reports a failed download with a negative status and does not reboot', async () => {
    const d = await boot();
    await d.database.transact([{ op: 'update', table: 'AWLAN_Node', where: [], row: { firmware_url: 'https://fw.example/fail-download.img' } }]);
    await until(() => d.database.rows('AWLAN_Node')[0].upgrade_status === -4);
    expect(d.bootCount).toBe(1);
  });

  it('reboots without upgrading on firmware_url "reboot"', async () => {
    const d = await boot();
    await d.database.transact([{ op: 'update', table: 'AWLAN_Node', where: [], row: { firmware_url: 'reboot', upgrade_timer: 1 } }]);
    await until(() => d.bootCount === 2 && d.database.rows('Reboot_Status').length === 1);
    expect(d.database.rows('Reboot_Status')[0]).toMatchObject({ type: 'CLOUD' });
    expect(d.firmwareVersion).toBe('1.0.0');
  });

  it('dials the controller, serves OVSDB on that connection and redials after a drop', async () => {
    const ctl = await controller();
    const d = await boot({ managerAddr: ctl.addr, minBackoff: 1, maxBackoff: 2 });
    await until(() => ctl.accepted.length === 1);
    const rows = (await ctl.accepted[0].request('transact', ['Open_vSwitch', { op: 'select', table: 'AWLAN_Node', where: [], columns: ['serial_number'] }])) as unknown[];
    expect(rows).toEqual([{ rows: [{ serial_number: 'SIM123' }] }]);
    ctl.accepted[0].close('controller drops the device');
    await until(() => ctl.accepted.length === 2 && d.connectionState === 'connected');
  });

  it('drops the controller connection after an apply when told to, then redials', async () => {
    const ctl = await controller();
    const d = await boot({ managerAddr: ctl.addr, minBackoff: 1, maxBackoff: 1 }, { dropRate: 1 });
    await until(() => ctl.accepted.length === 1 && d.connectionState === 'connected');
    await addVif(d, 'home-24', 'Home');
    await until(() => ctl.accepted.length === 2 && d.connectionState === 'connected');
    expect(vifState(d, 'home-24')).toBeDefined();
  });

  it('follows manager_addr written by the redirector', async () => {
    const redirectorAnswers: unknown[] = [];
    const manager = await controller();
    const redirector = await controller((rpc) => {
      rpc
        .request('transact', ['Open_vSwitch', { op: 'update', table: 'AWLAN_Node', where: [], row: { manager_addr: manager.addr } }])
        .then((r) => redirectorAnswers.push(r), (e: Error) => redirectorAnswers.push(e.message));
    });
    await boot({ redirectorAddr: redirector.addr });
    await until(() => manager.accepted.length === 1);
    expect(redirector.accepted).toHaveLength(1);
    expect(redirectorAnswers).toEqual([[{ count: 1 }]]);
  });

  it('goes back to the redirector when the manager keeps closing the connection before it is stable (CM2 disconnect count)', async () => {
    // A manager that accepts and closes at once (an instance that no longer serves the device).
    const manager = await controller((rpc) => rpc.close('not served here'));
    // How many times the device had tried the manager when it came (back) to the redirector.
    const managerTriesAtRedirect: number[] = [];
    const redirector = await controller((rpc) => {
      managerTriesAtRedirect.push(manager.accepted.length);
      void rpc.request('transact', ['Open_vSwitch', { op: 'update', table: 'AWLAN_Node', where: [], row: { manager_addr: manager.addr } }]).catch(() => undefined);
    });
    const d = await boot({ redirectorAddr: redirector.addr, minBackoff: 1, maxBackoff: 1 });
    await until(() => managerTriesAtRedirect.length >= 2);
    // CM2: back to the redirector when the disconnect count exceeds CM2_MAX_DISCONNECTS (10): on the 11th.
    expect(managerTriesAtRedirect.slice(0, 2)).toEqual([0, 11]);
    await d.stop();
  });

  it('keeps a connection that was stable when it ended on its manager', async () => {
    const manager = await controller();
    const d = await boot({ managerAddr: manager.addr, redirectorAddr: 'tcp:127.0.0.1:1', minBackoff: 1, maxBackoff: 1 }, { stablePeriodMs: 0 });
    for (let n = 1; n <= 4; n++) {
      await until(() => manager.accepted.length === n && d.connectionState === 'connected');
      manager.accepted[n - 1].close('controller restarts');
    }
    await until(() => manager.accepted.length === 5);
    expect(d.database.rows('AWLAN_Node')[0].manager_addr).toBe(manager.addr);
  });
});
