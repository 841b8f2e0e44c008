// The simulator's clients and MQTT publishing against the real app and its embedded broker:
// a device with three simulated clients shows them connected with their DHCP details, and
// the zlib-compressed sts.Report it publishes every agg_stats_interval lands in the
// location's usage and the node's health.

import { createServer } from 'node:net';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, useTestApp } from '../support';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { DeviceConnectionsService } from '../../../src/reconciler/sessions/device-connections.service';

const QUERY = `query ($id: ID!) { location(id: $id) { clients(connectedOnly: true) { mac hostname vendorClass band } topTalkers { mac rxBytes } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { uptime health { radios { band busyPct } } } }`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('simulated clients and reports through the embedded broker', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    const port = await freePort();
    delete process.env.MQTT_URL;
    process.env.MQTT_DEVICE_BROKER = `127.0.0.1:${port}`;
    process.env.MQTT_EMBEDDED_PORT = String(port);
    process.env.STATS_AGG_INTERVAL_S = '10';
  });
  const t = useTestApp('sqlite');

  afterAll(async () => {
    await sim?.stop();
  });

  it('shows the simulated clients and stores the reports the device publishes', async () => {
    // The clients' own transactions never break the controller's replicas (the session stays up).
    const drops: string[] = [];
    const watch = t.current.app.get(DeviceConnectionsService).events$.subscribe((e) => {
      if (e.kind === 'disconnected') void e.connection.session.closed.then((r) => drops.push(r.message));
    });
    const group = await createGroupWithAdmin(t.current);
    const locationId = (await createCustomer(t.current, group.adminToken)).locations[0].id;
    sim = await startSimDevice(t.current, 'SIMSTATS01', { behaviour: { applyDelayMs: 20, clientsPerDevice: 3 } });
    const nodeId = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId, serial: 'SIMSTATS01' }, group.adminToken)).claimNode.id;
    type View = { clients: { mac: string; hostname: string; vendorClass: string | null; band: string }[]; topTalkers: { mac: string; rxBytes: number }[] };
    const view = async (): Promise<View> => expectData(await gql<{ location: View }>(t.current, QUERY, { id: locationId }, group.adminToken)).location;
    const connected = await until('three connected clients', async () => {
      const v = await view();
      return v.clients.length === 3 && v.clients.every((c) => c.hostname !== null) && v.clients;
    });
    expect(connected.map((c) => c.hostname).sort()).toEqual(['laptop-0', 'phone-1', 'tablet-2']);
    const talkers = await until('a report stored', async () => {
      const v = await view();
      return v.topTalkers.length === 3 && v.topTalkers;
    });
    expect(talkers.every((x) => x.rxBytes > 0)).toBe(true);
    expect(new Set(talkers.map((x) => x.mac))).toEqual(new Set(connected.map((c) => c.mac)));
    const node = expectData(await gql<{ node: { uptime: number; health: { radios: { band: string }[] } } }>(t.current, NODE, { id: nodeId }, group.adminToken)).node;
    expect(node.uptime).toBeGreaterThanOrEqual(0);
    expect(node.health.radios.map((r) => r.band)).toEqual(['2.4G', '5G']);
    watch.unsubscribe();
    expect(drops).toEqual([]);
  });
});
