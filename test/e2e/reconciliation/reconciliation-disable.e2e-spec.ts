// Disabling a network at a location with several simulated devices, as a new user would:
// every device removes the network's VIFs (its WiFi manager deletes the state rows the
// moment their configs go), every session stays up (one session per device from start to
// end, no monitor resync) and the network converges; enabling it again converges too.
// Then a device whose notifications turn inconsistent (a modify of a row it never had):
// the controller resyncs that monitor instead of dropping the session, and converges.

import { randomBytes } from 'node:crypto';
import { CLAIM_NODE, createCustomer, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { DeviceConnectionsService } from '../../../src/reconciler/sessions/device-connections.service';
import { SouthboundService } from '../../../src/southbound/southbound.service';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { foreignRows, ownedNames, SimHandle, startSimDevice, until } from './sim-device';

const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { status { overall nodes { serial status } } } }`;
const OWNED = ['ctl1-ap-24', 'ctl1-ap-50'];

describeEachDatabase('disabling a network with simulated devices', (db) => {
  const t = useTestApp(db);
  let admin: string;
  const sims: SimHandle[] = [];
  const sessions = new Map<string, number>();
  let counting: { unsubscribe(): void } | undefined;

  const overall = async (id: string): Promise<string> =>
    expectData(await gql<{ wifiNetwork: { status: { overall: string } } }>(t.current, STATUS, { id }, admin)).wifiNetwork.status.overall;
  const resyncs = (): number => t.current.app.get(DeviceConnectionsService).monitorResyncs.resyncs;

  beforeAll(async () => {
    admin = (await createGroupWithAdmin(t.current)).adminToken;
    counting = t.current.app.get(SouthboundService).devices$.subscribe((d) => {
      const serial = d.identity.serialNumber ?? '';
      sessions.set(serial, (sessions.get(serial) ?? 0) + 1);
    });
  });

  afterAll(async () => {
    counting?.unsubscribe();
    for (const sim of sims) await sim.stop();
  });

  async function claimed(count: number, behaviour = {}): Promise<{ devices: SimHandle[]; networkId: string }> {
    const customer = await createCustomer(t.current, admin);
    const locationId = customer.locations[0].id;
    const devices: SimHandle[] = [];
    for (let i = 0; i < count; i++) {
      const serial = `SIMDIS${randomBytes(3).toString('hex').toUpperCase()}`;
      const sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 50, ...behaviour } });
      sims.push(sim);
      devices.push(sim);
      await until(`${serial}'s session`, () => sessions.get(serial) === 1);
      expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    }
    return { devices, networkId: customer.locations[0].wifiNetworks[0].id };
  }

  it('disable and enable again: every session stays, the network converges both times', async () => {
    const { devices, networkId } = await claimed(3);
    const own = devices.map((d) => foreignRows(d.device));
    await until('APPLIED', async () => (await overall(networkId)) === 'APPLIED' && devices.every((d) => ownedNames(d.device).join() === OWNED.join()));
    const before = resyncs();

    expectData(await gql(t.current, UPDATE_NETWORK, { id: networkId, input: { enabled: false } }, admin));
    await until('the VIFs gone from every device', () => devices.every((d) => ownedNames(d.device).length === 0));
    await until('every state row gone too', () => devices.every((d) => d.device.converged && d.device.database.rows('Wifi_VIF_State').every((s) => !OWNED.includes(s.if_name as string))));
    await until('disabled network APPLIED', async () => (await overall(networkId)) === 'APPLIED');

    expectData(await gql(t.current, UPDATE_NETWORK, { id: networkId, input: { enabled: true } }, admin));
    await until('the VIFs back on every device', () => devices.every((d) => ownedNames(d.device).join() === OWNED.join() && d.device.converged));
    await until('APPLIED again', async () => (await overall(networkId)) === 'APPLIED');

    for (const d of devices) expect(sessions.get(d.device.serial)).toBe(1);
    expect(resyncs()).toBe(before);
    devices.forEach((d, i) => expect(foreignRows(d.device)).toBe(own[i]));
  });

  it('an inconsistent update resyncs the monitor: the session stays and the network converges', async () => {
    const before = resyncs();
    const { devices, networkId } = await claimed(1, { inconsistentUpdates: 2 });
    const [sim] = devices;
    await until('both faults injected', () => sim.device.updateFault.injected === 2);
    await until('APPLIED', async () => (await overall(networkId)) === 'APPLIED' && ownedNames(sim.device).join() === OWNED.join() && sim.device.converged);
    expect(resyncs()).toBe(before + 2);
    expect(sessions.get(sim.device.serial)).toBe(1);
    const connection = t.current.app.get(DeviceConnectionsService).all.find((c) => c.serial === sim.device.serial);
    expect(connection?.session.isClosed).toBe(false);
    expect(connection?.wifi.stale).toBe(false);
    // The replica is the device's database again: every state row it holds, by uuid.
    const states = sim.device.database.rows('Wifi_VIF_State').map((r) => r._uuid as string).sort();
    expect([...(connection?.wifi.table('Wifi_VIF_State')?.uuids() ?? [])].sort()).toEqual(states);
  });
});
