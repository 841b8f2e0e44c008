// wifiNetworkStatusChanged over graphql-ws, with a simulated device converging: every
// status is pushed, and access is checked again before each push, so a user removed from
// the network's group (or deleted) stops receiving at the next change while others go on.

import { createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { CLAIM_NODE, createCustomer, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, gql, TestApp, useTestApp } from '../support';
import { SimHandle, startSimDevice, until } from './sim-device';

const SUBSCRIBE = `subscription ($id: ID!) { wifiNetworkStatusChanged(networkId: $id) { overall } }`;

interface Watch {
  statuses: string[];
  errors: string[];
  ended: boolean;
  stop(): Promise<void>;
}

function watch(app: TestApp, token: string, networkId: string): Watch {
  const client = createClient({ url: app.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const w: Watch = {
    statuses: [],
    errors: [],
    ended: false,
    stop: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
  const unsubscribe = client.subscribe<{ wifiNetworkStatusChanged: { overall: string } }>(
    { query: SUBSCRIBE, variables: { id: networkId } },
    {
      next: (msg) => {
        if (msg.errors) w.errors.push(...msg.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`));
        if (msg.data) w.statuses.push(msg.data.wifiNetworkStatusChanged.overall);
      },
      error: (errors) => {
        const list = Array.isArray(errors) ? (errors as { message: string; extensions?: { code?: string } }[]) : [];
        w.errors.push(...(list.length > 0 ? list.map((e) => `${String(e.extensions?.code)}: ${e.message}`) : [String(errors)]));
        w.ended = true;
      },
      complete: () => {
        w.ended = true;
      },
    },
  );
  return w;
}

describeEachDatabase('wifiNetworkStatusChanged', (db) => {
  const t = useTestApp(db);
  let sim: SimHandle;

  afterAll(async () => {
    await sim?.stop();
  });

  it('pushes every status, and ends with the error once the subscriber has lost access', async () => {
    const group = await createGroupWithAdmin(t.current);
    const removed = await createSupportUser(t.current, group.groupId);
    const deleted = await createSupportUser(t.current, group.groupId);
    const customer = await createCustomer(t.current, group.adminToken);
    const locationId = customer.locations[0].id;
    const networkId = customer.locations[0].wifiNetworks[0].id;
    const serial = `SUB${db.toUpperCase()}01`;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 300 } });

    const admin = watch(t.current, group.adminToken, networkId);
    const member = watch(t.current, removed.token, networkId);
    const gone = watch(t.current, deleted.token, networkId);
    try {
      await until('the first status on every subscription', () => [admin, member, gone].every((w) => w.statuses.length > 0));
      expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, group.adminToken));
      await until('APPLIED pushed to all three', () => [admin, member, gone].every((w) => w.statuses.includes('APPLIED')));
      expect(admin.statuses).toContain('PENDING');

      const dataSource = t.current.app.get(DataSource);
      await dataSource.createQueryBuilder().delete().from('user_groups').where('user_id = :id', { id: removed.userId }).execute();
      await dataSource.createQueryBuilder().delete().from('users').where('id = :id', { id: deleted.userId }).execute();
      const seen = { admin: admin.statuses.length, member: member.statuses.length, gone: gone.statuses.length };

      expectData(await gql(t.current, UPDATE_NETWORK, { id: networkId, input: { ssid: `${serial}-renamed` } }, group.adminToken));
      // A status is pushed whenever a node's result moves (PENDING may come more than once).
      await until('PENDING then APPLIED again for the admin', () => {
        const after = admin.statuses.slice(seen.admin);
        return after.includes('PENDING') && after[after.length - 1] === 'APPLIED';
      });
      await until('both revoked subscriptions ended', () => member.ended && gone.ended);

      expect(member.statuses.length).toBe(seen.member);
      expect(member.errors).toEqual([`NOT_FOUND: wifi network ${networkId} not found`]);
      expect(gone.statuses.length).toBe(seen.gone);
      expect(gone.errors).toEqual(['UNAUTHENTICATED: invalid or expired token']);
      expect(admin.errors).toEqual([]);
      expect(admin.ended).toBe(false);
    } finally {
      await Promise.all([admin.stop(), member.stop(), gone.stop()]);
    }
  });
});
