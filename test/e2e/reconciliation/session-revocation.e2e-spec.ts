// revokeUserSessions reaches open subscriptions: wifiNetworkStatusChanged re-authorises
// before every push, so a revoked subscriber gets UNAUTHENTICATED at the next change and
// the subscription ends, while the user's new session (logged in after) goes on.

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CLAIM_NODE, createCustomer, UPDATE_NETWORK } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, gql, login, TestApp, useTestApp, USER_PASSWORD } from '../support';
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
  const w: Watch = { statuses: [], errors: [], ended: false, stop: async () => client.dispose() };
  client.subscribe<{ wifiNetworkStatusChanged: { overall: string } }>(
    { query: SUBSCRIBE, variables: { id: networkId } },
    {
      next: (msg) => {
        if (msg.data) w.statuses.push(msg.data.wifiNetworkStatusChanged.overall);
      },
      error: (errors) => {
        const list = Array.isArray(errors) ? (errors as { extensions?: { code?: string } }[]) : [];
        w.errors.push(...(list.length > 0 ? list.map((e) => String(e.extensions?.code)) : [String(errors)]));
        w.ended = true;
      },
      complete: () => {
        w.ended = true;
      },
    },
  );
  return w;
}

describeEachDatabase('revoked sessions and subscriptions', (db) => {
  const t = useTestApp(db);
  let sim: SimHandle;

  afterAll(async () => {
    await sim?.stop();
  });

  it('ends the revoked session\'s subscription at the next change; a new session goes on', async () => {
    const group = await createGroupWithAdmin(t.current);
    const support = await createSupportUser(t.current, group.groupId);
    const customer = await createCustomer(t.current, group.adminToken);
    const locationId = customer.locations[0].id;
    const networkId = customer.locations[0].wifiNetworks[0].id;
    const serial = `REV${db.toUpperCase()}01`;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 300 } });

    const old = watch(t.current, support.token, networkId);
    let fresh: Watch | undefined;
    try {
      await until('the first status', () => old.statuses.length > 0);
      expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, group.adminToken));
      await until('APPLIED', () => old.statuses.includes('APPLIED'));

      expectData(await gql(t.current, `mutation ($id: ID!) { revokeUserSessions(id: $id) { id } }`, { id: support.userId }, group.adminToken));
      const relogged = await login(t.current, support.email, USER_PASSWORD);
      const live = watch(t.current, relogged.token, networkId);
      fresh = live;
      await until('the new session\'s first status', () => live.statuses.length > 0);
      const seen = old.statuses.length;

      expectData(await gql(t.current, UPDATE_NETWORK, { id: networkId, input: { ssid: `${serial}-renamed` } }, group.adminToken));
      await until('the revoked subscription ended', () => old.ended);
      await until('APPLIED again on the new session', () => live.statuses.slice(1).includes('APPLIED'));
      expect(old.errors).toEqual(['UNAUTHENTICATED']);
      expect(old.statuses.length).toBe(seen);
      expect(live.ended).toBe(false);
    } finally {
      await Promise.all([old.stop(), fresh?.stop()]);
    }
  });
});
