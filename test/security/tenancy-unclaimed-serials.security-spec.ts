// Finding 9: every group admin used to see every group's unclaimed serials. Now a group
// sees only the unclaimed serials assigned to it (an import of exact serials, or a prefix
// rule), platform admins see all, and only platform admins manage the assignments.

import { DataSource } from 'typeorm';
import { Node } from '../../src/nodes/node.entity';
import { CanonicalSerialAssignments1765660000000 } from '../../src/serial-assignments/migrations/1765660000000-canonical-serial-assignments';
import { SerialAssignment, SerialAssignmentKind } from '../../src/serial-assignments/serial-assignment.entity';
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

  it('stores assigned serials and prefixes in the canonical form, so a typo in case still matches the device', async () => {
    const nodes = t.current.app.get(DataSource).getRepository(Node);
    await nodes.save(['GAMMA0001', 'DELTA-001', 'DELTA-002'].map((serialNumber) => nodes.create({ serialNumber, connected: false })));
    const c = await createGroupWithAdmin(t.current);
    const d = await createGroupWithAdmin(t.current);
    const root = await platformAdmin(t.current);

    const made = expectData(
      await gql<{ assignSerials: { kind: string; value: string }[] }>(t.current, ASSIGN, { input: { groupId: c.groupId, serials: [' gamma0001 ', 'Gamma0001'], prefixes: ['delta-'] } }, root),
    ).assignSerials;
    expect(made.map((x) => `${x.kind} ${x.value}`).sort()).toEqual(['PREFIX DELTA-', 'SERIAL GAMMA0001']);
    expect(await unclaimedSerials(c.adminToken)).toEqual(['DELTA-001', 'DELTA-002', 'GAMMA0001']);

    // The same serial in another case is the same serial: already assigned.
    const again = await gql(t.current, ASSIGN, { input: { groupId: d.groupId, serials: ['GAMMA0001'] } }, root);
    expect(again.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
  });

  it('brings assignments stored before values were canonical to that form (migration)', async () => {
    const dataSource = t.current.app.get(DataSource);
    const nodes = dataSource.getRepository(Node);
    await nodes.save(['OMEGA0001', 'SIGMA-001'].map((serialNumber) => nodes.create({ serialNumber, connected: false })));
    const e = await createGroupWithAdmin(t.current);
    const assignments = dataSource.getRepository(SerialAssignment);
    const raw = (kind: SerialAssignmentKind, value: string) => assignments.save(assignments.create({ groupId: e.groupId, kind, value }));
    await raw(SerialAssignmentKind.SERIAL, 'omega0001');
    await raw(SerialAssignmentKind.PREFIX, 'sigma-');
    await raw(SerialAssignmentKind.PREFIX, ' Sigma-');
    expect(await unclaimedSerials(e.adminToken)).not.toContain('OMEGA0001');

    const runner = dataSource.createQueryRunner();
    try {
      await new CanonicalSerialAssignments1765660000000().up(runner);
    } finally {
      await runner.release();
    }
    const values = (await assignments.findBy({ groupId: e.groupId })).map((a) => `${a.kind} ${a.value}`).sort();
    expect(values).toEqual(['PREFIX SIGMA-', 'SERIAL OMEGA0001']);
    expect(await unclaimedSerials(e.adminToken)).toEqual(['OMEGA0001', 'SIGMA-001']);
  });
});
