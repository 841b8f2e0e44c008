// SQLite is one connection shared by the whole process, so two transactions must never be
// open on it at once: one's COMMIT or ROLLBACK would end the other's. Every write goes
// through TransactionRunner, which queues them. Here: ten thousand devices leaving at once
// (the end of a benchmark run) as a burst of client disconnects and node disconnects from
// the same event-loop turns; every node must end up marked disconnected and every client
// change stored. (Before the client store queued its transactions too, some of the node
// writes failed with "Transaction is not started yet".)

import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { ClientStore } from '../../../src/clients/store/client-store.service';
import { ClientRecord } from '../../../src/clients/store/client.entity';
import { Node } from '../../../src/nodes/node.entity';
import { NodePresenceService } from '../../../src/reconciler/sessions/node-presence.service';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, TestApp, startTestApp } from '../support';

const DEVICES = 1500;

describeEachDatabase('writes on the shared connection', (db) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(db);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a burst of node and client disconnects: every node marked disconnected, every client stored', async () => {
    const group = await createGroupWithAdmin(app);
    const location = (await createCustomer(app, group.adminToken)).locations[0];
    const presence = app.app.get(NodePresenceService);
    const clients = app.app.get(ClientStore);
    const now = new Date();
    const dataSource = app.app.get(DataSource);
    const ids = Array.from({ length: DEVICES }, () => randomUUID());
    for (let i = 0; i < DEVICES; i += 200) {
      const rows = ids.slice(i, i + 200).map((id, k) => ({ id, serialNumber: `SHARED${db}${i + k}`, locationId: null, groupId: null, connected: true, connectedSince: now, lastSeenAt: now, createdAt: now, updatedAt: now }));
      await dataSource.manager.insert(Node, rows);
    }
    const mac = (i: number): string => `02:5a:00:00:${String(Math.floor(i / 256)).padStart(2, '0')}:${(i % 256).toString(16).padStart(2, '0')}`;
    const event = (i: number, kind: 'connected' | 'disconnected', at: Date) => ({
      kind: 'event' as const,
      event: { kind, nodeId: ids[i], serial: `SHARED${db}${i}`, locationId: location.id, groupId: group.groupId, mac: mac(i), ifName: 'ctl1-ap-24', keyId: null, networkId: null, band: '2.4G', at },
      details: null,
      since: now,
    });
    await Promise.all(ids.map((_, i) => clients.write(event(i, 'connected', now))));
    const later = new Date(now.getTime() + 1000);
    const failures: unknown[] = [];
    // As the southbound does when devices go: per device, its clients' disconnects and the node's, without waiting in between.
    await Promise.all(ids.flatMap((id, i) => [clients.write(event(i, 'disconnected', later)), presence.disconnected(id, later).catch((e: unknown) => void failures.push(e))]));
    expect(failures).toEqual([]);
    expect(await dataSource.manager.countBy(Node, { id: In(ids), connected: true })).toBe(0);
    const stored = await dataSource.manager.findBy(ClientRecord, { locationId: location.id });
    expect(stored).toHaveLength(DEVICES);
    expect(stored.every((c) => !c.connected)).toBe(true);
  });
});
