// Finding 3, device side: one request used to make one device read per alias of
// node.vifs (4,132 of them made the device drop its session). Now a request reads a node
// once, and refuses beyond a bound of distinct nodes with DEVICE_READ_LIMIT, answering
// the rest.

import { MAX_DEVICE_READS_PER_REQUEST } from '../../src/reconciler/graphql/device-read-budget';
import { CLAIM_NODE, createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, useTestApp } from '../e2e/support';

describe('device reads per request (finding 3)', () => {
  const t = useTestApp('sqlite');

  it('answers many aliases of one node, and refuses more distinct nodes than the bound with DEVICE_READ_LIMIT', async () => {
    const group = await createGroupWithAdmin(t.current);
    const customer = await createCustomer(t.current, group.adminToken);
    const locationId = customer.locations[0].id;
    const serials = Array.from({ length: MAX_DEVICE_READS_PER_REQUEST + 1 }, (_, i) => `READS${String(i).padStart(4, '0')}`);
    const ids: string[] = [];
    for (const serial of serials) {
      ids.push(expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId, serial }, group.adminToken)).claimNode.id);
    }

    const aliases = Array.from({ length: 20 }, (_, i) => `n${i}: node(id: "${ids[0]}") { vifs { ifName } }`).join(' ');
    expectData(await gql(t.current, `{ ${aliases} }`, {}, group.adminToken));

    const res = await gql<{ location: { nodes: { id: string; vifs: unknown[] | null }[] | null } }>(
      t.current,
      `query ($id: ID!) { location(id: $id) { nodes { id vifs { ifName } } } }`,
      { id: locationId },
      group.adminToken,
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['DEVICE_READ_LIMIT']);
    expect(res.errors?.[0].message).toMatch(/at most 25 devices/);
  });
});
