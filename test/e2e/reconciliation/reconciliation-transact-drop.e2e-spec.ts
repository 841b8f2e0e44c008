// A device that drops the connection in the middle of a transaction, in both ways it can
// happen: before applying it, and after committing it but before the reply (the controller
// cannot tell which). Either way the controller's transact fails with SESSION_CLOSED, the
// device redials after its backoff, the controller resyncs from the device's database and
// the network ends APPLIED with exactly one row per VIF and the device's own rows untouched.

import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { TransactFault } from '@lib/device-sim';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { SouthboundService } from '../../../src/southbound/southbound.service';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { foreignRows, ownedNames, SimHandle, startSimDevice, until, vifConfigs } from './sim-device';

const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { status { overall nodes { serial status } } } }`;
const OWNED = ['ctl1-ap-24', 'ctl1-ap-50'];

describeEachDatabase('reconciliation with a device that drops mid-transaction', (db) => {
  const t = useTestApp(db);
  let admin: string;
  const sims: SimHandle[] = [];
  let warnings: jest.SpiedFunction<Logger['warn']>;

  const overall = async (id: string): Promise<string> =>
    expectData(await gql<{ wifiNetwork: { status: { overall: string } } }>(t.current, STATUS, { id }, admin)).wifiNetwork.status.overall;

  beforeAll(async () => {
    admin = (await createGroupWithAdmin(t.current)).adminToken;
    // Observes (and still prints) the reconciler's warnings: a failed pass is reported there.
    warnings = jest.spyOn(Logger.prototype, 'warn');
  });

  afterAll(async () => {
    warnings.mockRestore();
    for (const sim of sims) await sim.stop();
  });

  const cases: [TransactFault, string][] = [
    ['drop-before-apply', 'before applying the transaction'],
    ['drop-after-commit', 'after committing the transaction, before its reply'],
  ];

  it.each(cases)('%s: a device that drops the connection %s converges after it reconnects', async (mode) => {
    const customer = await createCustomer(t.current, admin);
    const locationId = customer.locations[0].id;
    const networkId = customer.locations[0].wifiNetworks[0].id;
    const serial = `SIMTX${randomBytes(3).toString('hex').toUpperCase()}`;
    let sessions = 0;
    const counting = t.current.app.get(SouthboundService).devices$.subscribe((d) => (sessions += d.identity.serialNumber === serial ? 1 : 0));
    const sim = await startSimDevice(t.current, serial, { behaviour: { transactDrops: 1, transactDropMode: mode } });
    sims.push(sim);
    const own = foreignRows(sim.device);
    await until('the first session', () => sessions >= 1);

    expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    // The first transact with our VIFs loses the connection; the device comes back on its own.
    await until('the fault', () => sim.device.transactFault.injected === 1);
    await until('a second session', () => sessions >= 2);
    await until('APPLIED after the reconnect', async () => (await overall(networkId)) === 'APPLIED' && sim.device.converged);
    counting.unsubscribe();

    const failures = warnings.mock.calls.map((c) => String(c[0])).filter((m) => m.includes(`[serial=${serial}] pass failed`));
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]).toMatch(/SESSION_CLOSED: transact: session closed/);
    expect(sim.device.transactFault.injected).toBe(1);

    // Exactly one config row per VIF (no duplicate from the retry), each referenced once by
    // its radio, and one state row each.
    expect(ownedNames(sim.device)).toEqual(OWNED);
    const radios = sim.device.database.rows('Wifi_Radio_Config');
    for (const row of vifConfigs(sim.device).filter((r) => OWNED.includes(r.if_name as string))) {
      expect(radios.flatMap((r) => r.vif_configs as string[]).filter((u) => u === row._uuid)).toHaveLength(1);
    }
    const states = sim.device.database.rows('Wifi_VIF_State').map((r) => r.if_name as string).filter((n) => OWNED.includes(n));
    expect(states.sort()).toEqual(OWNED);
    expect(foreignRows(sim.device)).toBe(own);
  });
});
