// Live clients end to end: a simulated device claimed to a location reports associated
// clients (Wifi_Associated_Clients linked from Wifi_VIF_State, a DHCP lease); they appear in
// location.clients with node, network, band and key, connects and disconnects are pushed over
// graphql-ws and kept as sessions; clientsByMac finds it within the group only; an admin's rename reaches the device as
// Client_Nickname_Config, support may read but not rename, another group sees nothing.

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, TestApp, useTestApp } from '../support';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { associateClient, disassociateClient } from './sim-clients';

const CLIENTS = `query ($id: ID!) { location(id: $id) { clients { mac connected nodeId ifName networkId band keyId ip hostname vendorClass fingerprint nickname connectedSince lastSeenAt } } }`;
const CLIENT = `query ($loc: ID!, $mac: String!) { client(locationId: $loc, mac: $mac) { mac nickname connected sessions { nodeId ifName band keyId startedAt endedAt } } }`;
const BY_MAC = `query ($mac: String!) { clientsByMac(mac: $mac) { mac locationId connected } }`;
const RENAME = `mutation ($loc: ID!, $mac: String!, $name: String) { renameClient(locationId: $loc, mac: $mac, nickname: $name) { mac nickname } }`;
const SUBSCRIBE = `subscription ($loc: ID!) { clientConnectionChanged(locationId: $loc) { kind mac nodeId band keyId } }`;

interface ClientView {
  mac: string;
  connected: boolean;
  nodeId: string;
  networkId: string | null;
  band: string | null;
  keyId: string | null;
  ip: string | null;
  hostname: string | null;
  vendorClass: string | null;
  nickname: string | null;
}

function watch(app: TestApp, token: string, locationId: string): { events: string[]; stop(): Promise<void> } {
  const client = createClient({ url: app.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const events: string[] = [];
  const unsubscribe = client.subscribe<{ clientConnectionChanged: { kind: string; mac: string; band: string } }>(
    { query: SUBSCRIBE, variables: { loc: locationId } },
    {
      next: (msg) => {
        if (msg.data) events.push(`${msg.data.clientConnectionChanged.kind} ${msg.data.clientConnectionChanged.mac} ${msg.data.clientConnectionChanged.band}`);
        if (msg.errors) events.push(`error ${String(msg.errors[0].extensions?.code)}`);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return {
    events,
    stop: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}

describeEachDatabase('clients of a location', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let support: string;
  let otherAdmin: string;
  let locationId: string;
  let primaryId: string;
  let nodeId: string;
  let sim: SimHandle;
  const serial = `CLI${db.toUpperCase()}01`;
  const mac = 'aa:bb:cc:00:00:01';

  const clients = async (token = admin): Promise<ClientView[]> =>
    expectData(await gql<{ location: { clients: ClientView[] } }>(t.current, CLIENTS, { id: locationId }, token)).location.clients;

  beforeAll(async () => {
    const group = await createGroupWithAdmin(t.current);
    admin = group.adminToken;
    support = (await createSupportUser(t.current, group.groupId)).token;
    otherAdmin = (await createGroupWithAdmin(t.current)).adminToken;
    const customer = await createCustomer(t.current, admin);
    locationId = customer.locations[0].id;
    primaryId = customer.locations[0].wifiNetworks[0].id;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 50 } });
    nodeId = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId, serial }, admin)).claimNode.id;
    await until('the PRIMARY VIF in Wifi_VIF_State', () => sim.device.database.rows('Wifi_VIF_State').some((r) => r.if_name === 'ctl1-ap-24'));
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('shows a client the device associates, with node, network, band, key and DHCP details, live', async () => {
    const w = watch(t.current, support, locationId);
    await new Promise((r) => setTimeout(r, 300));
    await associateClient(sim.device, { ifName: 'ctl1-ap-24', mac: 'AA:BB:CC:00:00:01', keyId: 'key-1', ip: '192.168.40.10', hostname: 'annas-laptop', vendorClass: 'MSFT 5.0', fingerprint: '1,3,6,15,31,33' });
    const seen = await until('the client connected', async () => (await clients(support)).find((c) => c.mac === mac && c.connected && c.ip !== null));
    expect(seen).toMatchObject({ nodeId, networkId: primaryId, band: '2.4G', keyId: 'key-1', ip: '192.168.40.10', hostname: 'annas-laptop', vendorClass: 'MSFT 5.0', nickname: null });
    await until('the connect event', () => w.events.includes(`CONNECTED ${mac} 2.4G`));
    await w.stop();
  });

  it('renames for admins only, and the device gets Client_Nickname_Config', async () => {
    expectErrorCode(await gql(t.current, RENAME, { loc: locationId, mac, name: 'Anna' }, support), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, RENAME, { loc: locationId, mac, name: 'Anna' }, otherAdmin), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, RENAME, { loc: locationId, mac: 'not-a-mac', name: 'Anna' }, admin), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, RENAME, { loc: locationId, mac, name: 'x'.repeat(65) }, admin), 'VALIDATION_FAILED');
    const renamed = expectData(await gql<{ renameClient: { nickname: string } }>(t.current, RENAME, { loc: locationId, mac: 'AA-BB-CC-00-00-01', name: ' Anna ' }, admin));
    expect(renamed.renameClient.nickname).toBe('Anna');
    await until('the nickname on the device', () =>
      sim.device.database.rows('Client_Nickname_Config').some((r) => r.mac === mac && r.nickname === 'Anna'),
    );
    // A device that loses the row gets it back.
    await sim.device.database.transact([{ op: 'delete', table: 'Client_Nickname_Config', where: [] }]);
    await until('the nickname restored', () => sim.device.database.rows('Client_Nickname_Config').some((r) => r.nickname === 'Anna'));
  });

  it('another group cannot see the location\'s clients nor the client', async () => {
    expectErrorCode(await gql(t.current, CLIENTS, { id: locationId }, otherAdmin), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, CLIENT, { loc: locationId, mac }, otherAdmin), 'NOT_FOUND');
    expect(expectData(await gql<{ clientsByMac: unknown[] }>(t.current, BY_MAC, { mac }, otherAdmin)).clientsByMac).toEqual([]);
  });

  it('finds a client by MAC across the group\'s locations (any spelling), and refuses what is not a MAC', async () => {
    const found = expectData(await gql<{ clientsByMac: unknown[] }>(t.current, BY_MAC, { mac: 'aa-BB-cc-00-00-01' }, support)).clientsByMac;
    expect(found).toEqual([{ mac, locationId, connected: true }]);
    expect(expectData(await gql<{ clientsByMac: unknown[] }>(t.current, BY_MAC, { mac: 'aa:bb:cc:00:00:02' }, admin)).clientsByMac).toEqual([]);
    expectErrorCode(await gql(t.current, BY_MAC, { mac: 'not-a-mac' }, admin), 'VALIDATION_FAILED');
  });

  it('a disconnect ends the session; the client stays listed as recently seen', async () => {
    await disassociateClient(sim.device, mac);
    await until('the client disconnected', async () => (await clients()).find((c) => c.mac === mac && !c.connected));
    const view = expectData(
      await gql<{ client: { connected: boolean; nickname: string; sessions: { nodeId: string; band: string; keyId: string; endedAt: string | null }[] } }>(
        t.current,
        CLIENT,
        { loc: locationId, mac },
        support,
      ),
    ).client;
    expect(view).toMatchObject({ connected: false, nickname: 'Anna' });
    expect(view.sessions).toHaveLength(1);
    expect(view.sessions[0]).toMatchObject({ nodeId, band: '2.4G', keyId: 'key-1' });
    expect(view.sessions[0].endedAt).not.toBeNull();
  });
});
