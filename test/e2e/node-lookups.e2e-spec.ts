// The support portal's node lookups, per role: the nodes connection with its filters and
// scope, and deleting a node record that never connected (a device that connected, here a
// simulated OpenSync device dialling the real app, is refused with NODE_HAS_CONNECTED).

import { CLAIM_NODE, createCustomer, serial as newSerial } from './provisioning/provisioning-ops';
import { SimHandle, startSimDevice, until } from './reconciliation/sim-device';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, GroupWithAdmin, platformAdmin, useTestApp } from './support';

const NODES = `query ($filter: NodesFilter, $first: Int, $after: String) {
  nodes(filter: $filter, first: $first, after: $after) { totalCount edges { node { id serial connected locationId groupId } } pageInfo { endCursor hasNextPage } }
}`;
const DELETE_NODE = `mutation ($id: ID!) { deleteNode(id: $id) }`;
const NODE = `query ($id: ID!) { node(id: $id) { id } }`;

interface NodesPage {
  totalCount: number;
  edges: { node: { id: string; serial: string; connected: boolean; locationId: string | null; groupId: string | null } }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

describeEachDatabase('node lookups', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;
  let other: GroupWithAdmin;
  let support: string;
  let admin: string;
  let homeId: string;
  let otherHomeId: string;
  let sim: SimHandle;
  const prefix = `LK${db.toUpperCase()}`;
  const serials = [`${prefix}A1`, `${prefix}A2`, `${prefix}B1`];
  const simSerial = `${prefix}SIM`;
  const ids = new Map<string, string>();

  const nodes = async (token: string, variables: Record<string, unknown>): Promise<NodesPage> =>
    expectData(await gql<{ nodes: NodesPage }>(t.current, NODES, variables, token)).nodes;
  const serialsOf = (page: NodesPage) => page.edges.map((e) => e.node.serial);

  beforeAll(async () => {
    admin = await platformAdmin(t.current);
    tenant = await createGroupWithAdmin(t.current);
    other = await createGroupWithAdmin(t.current);
    support = (await createSupportUser(t.current, tenant.groupId)).token;
    homeId = (await createCustomer(t.current, tenant.adminToken)).locations[0].id;
    otherHomeId = (await createCustomer(t.current, other.adminToken)).locations[0].id;
    for (const serial of [...serials, simSerial]) {
      const res = await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: homeId, serial }, tenant.adminToken);
      ids.set(serial, expectData(res).claimNode.id);
    }
    await gql(t.current, CLAIM_NODE, { locationId: otherHomeId, serial: newSerial() }, other.adminToken);
    sim = await startSimDevice(t.current, simSerial);
    await until('the simulated device connected', async () => (await nodes(admin, { filter: { serialPrefix: simSerial, connected: true } })).totalCount === 1);
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('lists the nodes of the caller\'s groups by serial, filtered, for admins and support alike', async () => {
    for (const token of [tenant.adminToken, support]) {
      const all = await nodes(token, {});
      expect(serialsOf(all)).toEqual([...serials, simSerial]);
      expect(all.totalCount).toBe(4);
      expect(serialsOf(await nodes(token, { filter: { serialPrefix: `${prefix.toLowerCase()}a` } }))).toEqual([`${prefix}A1`, `${prefix}A2`]);
      expect(serialsOf(await nodes(token, { filter: { connected: true } }))).toEqual([simSerial]);
      expect(serialsOf(await nodes(token, { filter: { connected: false, locationId: homeId } }))).toEqual(serials);
      expect(serialsOf(await nodes(token, { filter: { groupId: tenant.groupId, model: 'no-such-model' } }))).toEqual([]);
    }
    const page = await nodes(tenant.adminToken, { first: 2 });
    expect(serialsOf(page)).toEqual(serials.slice(0, 2));
    expect(serialsOf(await nodes(tenant.adminToken, { first: 2, after: page.pageInfo.endCursor }))).toEqual([serials[2], simSerial]);
  });

  it('filters by the model and firmware the device reported', async () => {
    const node = (await nodes(admin, { filter: { serialPrefix: simSerial } })).edges[0].node;
    const MODEL = `query ($id: ID!) { node(id: $id) { model firmwareVersion } }`;
    const reported = expectData(await gql<{ node: { model: string; firmwareVersion: string } }>(t.current, MODEL, { id: node.id }, admin)).node;
    const filter = { model: reported.model, firmwareVersion: reported.firmwareVersion };
    expect(serialsOf(await nodes(tenant.adminToken, { filter }))).toEqual([simSerial]);
  });

  it('never shows another group\'s nodes; naming that group is NOT_FOUND', async () => {
    expect(serialsOf(await nodes(other.adminToken, { filter: { serialPrefix: prefix } }))).toEqual([]);
    expectErrorCode(await gql(t.current, NODES, { filter: { groupId: other.groupId } }, tenant.adminToken), 'NOT_FOUND');
    expect((await nodes(admin, { filter: { serialPrefix: prefix } })).totalCount).toBe(4);
  });

  it('deletes a node that never connected (group admin), refuses support, other groups and a node that connected', async () => {
    const typo = ids.get(`${prefix}B1`)!;
    expectErrorCode(await gql(t.current, DELETE_NODE, { id: typo }, support), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, DELETE_NODE, { id: typo }, other.adminToken), 'NOT_FOUND');
    const refused = await gql(t.current, DELETE_NODE, { id: ids.get(simSerial)! }, tenant.adminToken);
    expect(expectErrorCode(refused, 'NODE_HAS_CONNECTED').message).toContain('unclaim');
    expect(expectData(await gql<{ deleteNode: string }>(t.current, DELETE_NODE, { id: typo }, tenant.adminToken)).deleteNode).toBe(typo);
    expectErrorCode(await gql(t.current, NODE, { id: typo }, admin), 'NOT_FOUND');
    expect((await nodes(tenant.adminToken, {})).totalCount).toBe(3);
  });
});
