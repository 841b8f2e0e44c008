// In a cluster a device that moves between instances is seen connecting on each, and each
// instance writes what it saw in its own batches: the earlier holder's connect (and then
// its disconnect) may commit after the later holder's connect. The stored client must stay
// on the later connection, connected, with its session open. PostgreSQL (the cluster's
// database); two client stores with their own instance ids stand for two instances.

import { DataSource, IsNull } from 'typeorm';
import { ClientStore } from '../../../src/clients/store/client-store.service';
import { ClientRecord } from '../../../src/clients/store/client.entity';
import { ClientSession } from '../../../src/clients/store/client-session.entity';
import type { AppConfig } from '../../../src/config/app-config';
import { TransactionRunner } from '../../../src/database/transaction-runner';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, startTestApp, TestApp } from '../support';
import { POSTGRES_URL, postgresReachable } from '../support/test-database';

const describePostgres = postgresReachable() || process.env.REQUIRE_POSTGRES === '1' ? describe : describe.skip;

describePostgres(`client writes of two instances, the older committed last [postgres${postgresReachable() ? '' : `, skipped: not reachable at ${POSTGRES_URL}`}]`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('postgres');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a connect older than the stored one is skipped, and its disconnect ends nothing', async () => {
    const group = await createGroupWithAdmin(app);
    const locationId = (await createCustomer(app, group.adminToken)).locations[0].id;
    const dataSource = app.app.get(DataSource);
    const store = (instanceId: string): ClientStore => new ClientStore(dataSource, app.app.get(TransactionRunner), { cluster: { instanceId } } as unknown as AppConfig);
    const [earlier, later] = [store('ctl-x'), store('ctl-b')];
    const mac = '02:cc:00:00:00:01';
    const sinceX = new Date(Date.now() - 2000);
    const sinceB = new Date(Date.now() - 1000);
    const event = (kind: 'connected' | 'disconnected', nodeId: string, at: Date, since: Date) => ({
      kind: 'event' as const,
      event: { kind, nodeId, serial: nodeId, locationId, groupId: group.groupId, mac, ifName: 'ctl1-ap-24', keyId: null, networkId: null, band: '2.4G', at },
      details: null,
      since,
    });
    // The later holder's connect lands first; then the earlier holder's connect and disconnect.
    await later.write(event('connected', 'node-b', sinceB, sinceB));
    await earlier.write(event('connected', 'node-x', sinceX, sinceX));
    await earlier.write(event('disconnected', 'node-x', new Date(sinceB.getTime() - 500), sinceX));
    const client = await dataSource.manager.findOneByOrFail(ClientRecord, { locationId, mac });
    expect(client).toMatchObject({ connected: true, nodeId: 'node-b' });
    expect(client.connectedSince?.getTime()).toBe(sinceB.getTime());
    const open = await dataSource.manager.findBy(ClientSession, { locationId, mac, endedAt: IsNull() });
    expect(open.map((s) => s.nodeId)).toEqual(['node-b']);
  });
});
