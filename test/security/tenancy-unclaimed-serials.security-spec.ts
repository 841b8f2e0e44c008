// Finding 9: every group admin used to see every group's unclaimed serials. Now a group
// sees only the unclaimed serials assigned to it (an import of exact serials, or a prefix
// rule), platform admins see all, and only platform admins manage the assignments.

import { DataSource } from 'typeorm';
import { Node } from '../../src/nodes/node.entity';
import { createGroupWithAdmin, describeEachDatabase, expectData, gql, platformAdmin, useTestApp } from '../e2e/support';

const UNCLAIMED = `query { unclaimedNodes { serial } }`;
const ASSIGN = `mutation ($input: AssignSerialsInput!) { assignSerials(input: $input) { id kind value groupId } }`;
const ASSIGNMENTS = `query ($groupId: ID!) { serialAssignments(groupId: $groupId) { id kind value } }`;
const REMOVE = `mutation ($id: ID!) { removeSerialAssignment(id: $id) }`;

describeEachDatabase('unclaimed serials per group (finding 9)', (db) => {
  const t = useTestApp(db);

  async function unclaimedSerials(token: string): Promise<string[]> {
    return expectData(await gql<{ unclaimedNodes: { serial: string }[] }>(t.current, UNCLAIMED, {}, token)).unclaimedNodes.map((n) => n.serial).sort();
  }

  it('shows a group only its assigned serials and prefixes; platform admins all; only they assign', async () => {
    const nodes = t.current.app.get(DataSource).getRepository(Node);
    const serials = ['ACME0001', 'ACME0002', 'BETA_001', 'BETAX001', 'BETA0002', 'STRAY001'];
    await nodes.save(serials.map((serialNumber) => nodes.create({ serialNumber, connected: false })));
    const a = await createGroupWithAdmin(t.current);
    const b = await createGroupWithAdmin(t.current);
    const root = await platformAdmin(t.current);

    expect(await unclaimedSerials(a.adminToken)).toEqual([]);
    expect(await unclaimedSerials(root)).toEqual(expect.arrayContaining(serials));

    const refused = await gql(t.current, ASSIGN, { input: { groupId: a.groupId, serials: ['STRAY001'] } }, a.adminToken);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    expectData(await gql(t.current, ASSIGN, { input: { groupId: a.groupId, serials: ['ACME0001', 'ACME0002'] } }, root));
    // `_` is a literal character of the prefix, not a LIKE wildcard: BETAX001 does not match.
    expectData(await gql(t.current, ASSIGN, { input: { groupId: b.groupId, prefixes: ['BETA_'] } }, root));
    expect(await unclaimedSerials(a.adminToken)).toEqual(['ACME0001', 'ACME0002']);
    expect(await unclaimedSerials(b.adminToken)).toEqual(['BETA_001']);

    const taken = await gql(t.current, ASSIGN, { input: { groupId: b.groupId, serials: ['ACME0001'] } }, root);
    expect(taken.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    const tooShort = await gql(t.current, ASSIGN, { input: { groupId: b.groupId, prefixes: ['B'] } }, root);
    expect(tooShort.errors?.map((e) => e.extensions?.code)).toEqual(['VALIDATION_FAILED']);

    const listed = expectData(await gql<{ serialAssignments: { id: string; value: string }[] }>(t.current, ASSIGNMENTS, { groupId: a.groupId }, root)).serialAssignments;
    expectData(await gql(t.current, REMOVE, { id: listed.find((x) => x.value === 'ACME0002')?.id }, root));
    expect(await unclaimedSerials(a.adminToken)).toEqual(['ACME0001']);
  });
});
