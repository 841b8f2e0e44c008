// Client kick against a real ovsdb-server with the full OpenSync schema: the simulator's
// managers (WiFi, clients, ACL kick) attached over the server's socket keep a client
// associated; the controller's kick puts the blacklist in Wifi_VIF_Config through the
// reconcile pass, the real server accepts it, the client's Wifi_Associated_Clients row goes,
// the node SUCCEEDS; after the block the list is empty again and the client is back.

import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { claimWhenConnected, targetStates, untilOperation } from '../e2e/operations/operations-ops';
import { createCustomer } from '../e2e/provisioning/provisioning-ops';
import { until } from '../e2e/reconciliation/sim-device';
import { createGroupWithAdmin, expectData, gql, platformAdmin, startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows, WireRow } from './support/device-rows';

const SERIAL = 'SN-OPS-KICK-1';
const KICK = `mutation ($input: CreateClientKickInput!) { createClientKickOperation(input: $input) { id } }`;

/** mac_list as the wire gives it: ["set", [...]] or a single atom. */
function macList(row: WireRow): string[] {
  const v = row.mac_list;
  if (Array.isArray(v) && v[0] === 'set') return v[1] as string[];
  return typeof v === 'string' ? [v] : [];
}

describeWithOvsdb('client kick with a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let managers: RealServerDevice | undefined;
  const scheduler = new DelayScheduler();

  afterAll(async () => {
    managers?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
  });

  const owned = async (): Promise<WireRow[]> => (await selectRows(device, 'Wifi_VIF_Config')).filter((r) => String(r.if_name).startsWith('ctl'));
  const clients = async (): Promise<string[]> => (await selectRows(device, 'Wifi_Associated_Clients')).map((r) => String(r.mac));

  it('blacklists the client on the VIFs, the client leaves, the node SUCCEEDS, and the entry goes after the block', async () => {
    app = await startTestApp('sqlite');
    const port = app.app.get(SouthboundService).addresses[0].port;
    const group = await createGroupWithAdmin(app);
    const locationId = (await createCustomer(app, group.adminToken)).locations[0].id;
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    managers = await attachToOvsdbServer({ socketPath: device.socketPath, profile: defaultProfile(SERIAL), scheduler, bootstrap: true, behaviour: { applyDelayMs: 50, clientsPerDevice: 1 } });
    const nodeId = await claimWhenConnected(app, await platformAdmin(app), group.adminToken, locationId, SERIAL);
    const [mac] = await until('the client associated', async () => {
      const now = await clients();
      return now.length === 1 && now;
    });

    const op = expectData(await gql<{ createClientKickOperation: { id: string } }>(app, KICK, { input: { targets: { nodeIds: [nodeId] }, mac, blockForSeconds: 5 } }, group.adminToken)).createClientKickOperation;
    const done = await untilOperation(app, group.adminToken, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [SERIAL]: 'SUCCEEDED' });
    expect(await clients()).toEqual([]);
    const blocked = await owned();
    expect(blocked.length).toBeGreaterThan(0);
    for (const row of blocked) {
      expect(row.mac_list_type).toBe('blacklist');
      expect(macList(row)).toEqual([mac]);
    }
    await until('the blacklist lifted', async () => (await owned()).every((r) => macList(r).length === 0 && Array.isArray(r.mac_list_type)));
    await until('the client back', async () => (await clients()).includes(mac));
  });
});
