// Issue 15, finding 5: over tcp: a peer claiming a known serial received every
// Wifi_VIF_Config row of that location with the passphrases, and evicted the real device.
// Now an unauthenticated session never replaces a live one for the same serial (in any
// spelling of it): the older session is probed, answers, and keeps the serial.

import { SouthboundService } from '../../src/southbound/southbound.service';
import { CLAIM_NODE, createCustomer, UPDATE_NETWORK } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, useTestApp } from '../e2e/support';
import { ownedNames, startSimDevice, vifConfigs } from '../e2e/reconciliation/sim-device';
import type { SimHandle } from '../e2e/reconciliation/sim-device';
import { listenerPort } from '../e2e/reconciliation/sim-device';
import { DeadableRelay, until } from './device-attackers';

describeEachDatabase('device port: a peer claiming a live serial over tcp', (db) => {
  const t = useTestApp(db);
  const serial = `SN-VICTIM-${db.toUpperCase()}`;
  const sims: SimHandle[] = [];
  let admin: string;
  let networkId: string;

  afterAll(async () => {
    for (const s of sims) await s.stop();
  });

  it('gets nothing, evicts no one, and the real device keeps converging', async () => {
    const southbound = t.current.app.get(SouthboundService);
    admin = (await createGroupWithAdmin(t.current)).adminToken;
    const customer = await createCustomer(t.current, admin);
    networkId = customer.locations[0].wifiNetworks[0].id;
    const real = await startSimDevice(t.current, serial);
    sims.push(real);
    expectData(await gql(t.current, CLAIM_NODE, { locationId: customer.locations[0].id, serial }, admin));
    await until('the real device configured', () => ownedNames(real.device).length === 2);
    const session = southbound.devices.find((d) => d.serial === serial)?.session;
    expect(session).toBeDefined();

    // The impostor claims the same serial, once as printed and once in another case.
    const impostors = [await startSimDevice(t.current, serial), await startSimDevice(t.current, ` ${serial.toLowerCase()}`)];
    sims.push(...impostors);
    await until('conflicts refused, each impostor at least twice', () => southbound.stats.serialConflicts >= 4);

    expect(southbound.devices.filter((d) => d.serial === serial).map((d) => d.session)).toEqual([session]);
    expect(session?.isClosed).toBe(false);
    expect(southbound.stats.conflictProbesFailed).toBe(0);
    for (const impostor of impostors) {
      expect(ownedNames(impostor.device)).toEqual([]);
      expect(JSON.stringify(vifConfigs(impostor.device))).not.toContain('correct horse battery');
    }

    expectData(await gql(t.current, UPDATE_NETWORK, { id: networkId, input: { ssid: 'Renamed under attack' } }, admin));
    await until('the real device follows the change', () => vifConfigs(real.device).some((r) => r.ssid === 'Renamed under attack'));
    for (const impostor of impostors) expect(ownedNames(impostor.device)).toEqual([]);
  });

  it('once the real device is gone, the serial is free again (the older session wins only while it lives)', async () => {
    const southbound = t.current.app.get(SouthboundService);
    const [real, ...impostors] = sims;
    const before = southbound.devices.find((d) => d.serial === serial)?.session;
    await real.stop();
    await until('another session takes the free serial', () => {
      const live = southbound.devices.find((d) => d.serial === serial);
      return live !== undefined && live.session !== before;
    });
    await until('the rows on the new session', () => impostors.some((i) => ownedNames(i.device).length === 2));
  });
});

describe('device port: a device that lost power and dials again', () => {
  const t = useTestApp('sqlite');
  const serial = 'SN-REBOOTED';
  const stops: Array<() => Promise<void>> = [];

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('gets back in at once: the older session fails the probe the conflict triggers', async () => {
    const southbound = t.current.app.get(SouthboundService);
    const relay = await DeadableRelay.start(listenerPort(t.current));
    stops.push(() => relay.close());
    const before = await startSimDevice(t.current, serial, { controller: `tcp:127.0.0.1:${relay.port}` });
    stops.push(() => before.stop());
    const older = await until('the first session', () => southbound.devices.find((d) => d.serial === serial)?.session);
    // Power lost: the controller's socket stays open, nothing answers on it any more.
    relay.goDead();
    const after = await startSimDevice(t.current, serial);
    stops.push(() => after.stop());
    await until('the new session to take over', () => {
      const live = southbound.devices.find((d) => d.serial === serial);
      return live !== undefined && live.session !== older;
    });
    expect(older.isClosed).toBe(true);
    expect(older.closeReason?.code).toBe('INACTIVITY');
    expect(southbound.stats.serialConflicts).toBe(1);
    expect(southbound.stats.conflictProbesFailed).toBe(1);
  });
});

