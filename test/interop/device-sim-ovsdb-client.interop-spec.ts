// Done-when of the device simulator: ovsdb-client from Open vSwitch, listening passively,
// reads a simulated device's AWLAN_Node and radios; a Wifi_VIF_Config inserted with
// ovsdb-client transact (named uuid plus the radio's vif_configs mutate) is applied by the
// simulated WiFi manager as a matching Wifi_VIF_State row.
import { execFile } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { DelayScheduler, OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice, defaultProfile, loadSchemaFile } from '@lib/device-sim';
import { describeWithOvsdb } from '../support/ovsdb-server-process';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function ovsdbClient(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('ovsdb-client', args, { encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ovsdb-client ${args.join(' ')}: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
}

interface JsonTable {
  caption: string;
  headings: string[];
  data: unknown[][];
}

function rowsOf(table: JsonTable): Record<string, unknown>[] {
  return table.data.map((r) => Object.fromEntries(table.headings.map((h, i) => [h, r[i]])));
}

/** Every table of the device (dump takes one table at most). */
async function dump(port: number): Promise<Map<string, Record<string, unknown>[]>> {
  const out = await ovsdbClient(['--format=json', 'dump', `ptcp:${port}:127.0.0.1`, 'Open_vSwitch']);
  const parsed = out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as JsonTable);
  return new Map(parsed.map((t) => [t.caption.replace(/ table$/, ''), rowsOf(t)]));
}

describeWithOvsdb(
  'a simulated device seen by ovsdb-client',
  () => {
    const scheduler = new DelayScheduler();
    let device: SimulatedDevice;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      device = new SimulatedDevice({
        schema: loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH),
        profile: defaultProfile('SIM0000042', { managerAddr: `tcp:127.0.0.1:${port}`, minBackoff: 1, maxBackoff: 1 }),
        behaviour: { applyDelayMs: 50, backoffUnitMs: 100 },
        scheduler,
      });
      await device.start();
    });

    afterAll(async () => {
      await device?.stop();
      scheduler.close();
    });

    it('dumps AWLAN_Node and radios, then applies a VIF config written by ovsdb-client transact', async () => {
      const tables = await dump(port);
      const node = tables.get('AWLAN_Node') ?? [];
      expect(node).toHaveLength(1);
      expect(node[0]).toMatchObject({ id: 'SIM0000042', serial_number: 'SIM0000042', model: 'SIM-AP-1', firmware_version: '1.0.0' });
      expect((tables.get('Wifi_Radio_Config') ?? []).map((r) => r.freq_band).sort()).toEqual(['2.4G', '5G']);
      expect((tables.get('Wifi_Radio_State') ?? []).map((r) => r.if_name).sort()).toEqual(['wifi0', 'wifi1']);

      const txn = [
        'Open_vSwitch',
        {
          op: 'insert',
          table: 'Wifi_VIF_Config',
          'uuid-name': 'vif',
          row: { if_name: 'home-ap-24', enabled: true, mode: 'ap', ssid: 'Home', bridge: 'br-home', vif_radio_idx: 1, security: ['map', [['encryption', 'WPA-PSK'], ['key', 'secret123']]] },
        },
        { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', 'wifi0']], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'vif']]]]] },
      ];
      const result = JSON.parse(await ovsdbClient(['transact', `ptcp:${port}:127.0.0.1`, JSON.stringify(txn)])) as [
        { uuid: [string, string] },
        { count: number },
      ];
      expect(result[1]).toEqual({ count: 1 });
      const configUuid = result[0].uuid[1];

      // Polls the device through ovsdb-client until the WiFi manager has written the state.
      let state: Record<string, unknown> | undefined;
      while (!state) {
        const vifStates = (await dump(port)).get('Wifi_VIF_State') ?? [];
        state = vifStates.find((r) => r.if_name === 'home-ap-24');
      }
      expect(state).toMatchObject({
        if_name: 'home-ap-24',
        vif_config: ['uuid', configUuid],
        enabled: true,
        mode: 'ap',
        ssid: 'Home',
        bridge: 'br-home',
        state: 'up',
        security: ['map', [['encryption', 'WPA-PSK'], ['key', 'secret123']]],
      });
      expect(state.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    });
  },
  OPENSYNC_SUBSET_SCHEMA_PATH,
);
