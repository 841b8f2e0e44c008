// Durable delivery: a notification queued while the provider is down survives a restart of
// the controller (the same database, a new process state) and is delivered afterwards with
// the same delivery id and body; the delete_on_match registration it used stays consumed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EblDeliveryAttemptRow, EblDeliveryRow } from '../../../src/ebl/store/ebl-delivery.entities';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, startTestApp, TestApp } from '../support';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { associateClient } from '../clients/sim-clients';
import { EBL_TEST_ENV, NotificationReceiver, rest, setUpProvider, tokenOf } from './ebl-support';

describeEachDatabase('/ebl notifications across a controller restart', (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'ebl-restart-'));
  const receiver = new NotificationReceiver();
  let shared: TestDatabase;
  let app: TestApp | undefined;
  let sim: SimHandle | undefined;

  beforeAll(async () => {
    Object.assign(process.env, EBL_TEST_ENV);
    shared = db === 'sqlite' ? { databaseUrl: `sqlite:${join(dir, 'controller.sqlite')}`, drop: async () => undefined } : await createTestDatabase('postgres');
    await receiver.start();
  });

  afterAll(async () => {
    await sim?.stop();
    await app?.close();
    await receiver.stop();
    await shared?.drop();
    rmSync(dir, { recursive: true, force: true });
    for (const key of Object.keys(EBL_TEST_ENV)) delete process.env[key];
  });

  it('delivers after the restart what the provider refused before it', async () => {
    const start = (): Promise<TestApp> => startTestApp(db, { env: { DATABASE_URL: shared.databaseUrl } });
    app = await start();
    const group = await createGroupWithAdmin(app);
    const locationId = (await createCustomer(app, group.adminToken)).locations[0].id;
    const provider = await setUpProvider(app, group.adminToken, group.groupId, receiver);
    const serial = `EBLRS${db.toUpperCase()}`;
    sim = await startSimDevice(app, serial);
    expectData(await gql(app, CLAIM_NODE, { locationId, serial }, group.adminToken));
    await until('the PRIMARY VIF', () => sim!.device.database.rows('Wifi_VIF_State').some((r) => r.if_name === 'ctl1-ap-24'));
    await rest(app, 'POST', '/ebl/mac-addresses', provider.token, { macs: [{ mac: '02:00:00:00:01:01', delete_on_match: true }] });

    receiver.failing = true;
    await associateClient(sim.device, { ifName: 'ctl1-ap-24', mac: '02:00:00:00:01:01' });
    const refused = await until('a refused attempt', () => receiver.received.length >= 2 && receiver.received);
    await sim.stop();
    sim = undefined;
    await app.close();
    app = undefined;
    const attemptsBefore = receiver.received.length;

    receiver.failing = false;
    app = await start();
    const delivered = await until('delivered after the restart', () => receiver.delivered.length > 0 && receiver.delivered);
    expect(receiver.received.length).toBeGreaterThan(attemptsBefore);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].headers['x-ebl-delivery-id']).toBe(refused[0].headers['x-ebl-delivery-id']);
    expect(delivered[0].body).toBe(refused[0].body);
    const rows = await until('recorded as delivered', async () => {
      const found = await app!.app.get(DataSource).manager.find(EblDeliveryRow, { where: { providerId: provider.apiClientId } });
      return found.every((r) => r.status === 'DELIVERED') && found;
    });
    expect(rows).toHaveLength(1);
    expect(await app.app.get(DataSource).manager.count(EblDeliveryAttemptRow, { where: { deliveryId: rows[0].id, httpStatus: 200 } })).toBe(1);
    // A new token: the restarted app's issuer is its new address.
    expect((await rest(app, 'GET', '/ebl/mac-addresses', await tokenOf(app, provider.client))).body).toEqual({ macs: [] });
  });
});
