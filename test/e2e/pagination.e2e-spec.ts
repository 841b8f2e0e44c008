// Every list pages forwards (first/after) and backwards (last/before) over the same order,
// with totalCount; an over-limit page size names the maximum.

import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from './support';
import { createGroup, platformAdmin } from './support/roles';

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { name: string } }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

const GROUPS = `query ($first: Int, $after: String, $last: Int, $before: String) {
  groups(first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { name } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
  }
}`;

describeEachDatabase('pagination', (db) => {
  const t = useTestApp(db);
  let admin: string;
  const names = ['p-a', 'p-b', 'p-c', 'p-d', 'p-e'];

  beforeAll(async () => {
    admin = await platformAdmin(t.current);
    for (const name of names) await createGroup(t.current, name);
  });

  const page = async (variables: Record<string, unknown>): Promise<Page> =>
    expectData(await gql<{ groups: Page }>(t.current, GROUPS, variables, admin)).groups;
  const namesOf = (p: Page) => p.edges.map((e) => e.node.name);

  it('walks forwards and back over the same rows, counting them all', async () => {
    const first = await page({ first: 2 });
    expect(namesOf(first)).toEqual(['p-a', 'p-b']);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(namesOf(second)).toEqual(['p-c', 'p-d']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = await page({ last: 2, before: second.pageInfo.startCursor });
    expect(namesOf(back)).toEqual(['p-a', 'p-b']);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const tail = await page({ last: 2 });
    expect(namesOf(tail)).toEqual(['p-d', 'p-e']);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages the newest-first audit trail backwards too', async () => {
    const AUDIT = `query ($first: Int, $last: Int, $before: String) { auditEvents(first: $first, last: $last, before: $before) { totalCount edges { cursor node { action after } } pageInfo { startCursor } } }`;
    type Audit = { auditEvents: { totalCount: number; edges: { node: { action: string; after: { name?: string } } }[]; pageInfo: { startCursor: string } } };
    const newest = expectData(await gql<Audit>(t.current, AUDIT, { first: 2 }, admin)).auditEvents;
    expect(newest.edges.map((e) => e.node.after.name)).toEqual(['p-e', 'p-d']);
    const oldest = expectData(await gql<Audit>(t.current, AUDIT, { last: 2 }, admin)).auditEvents;
    expect(oldest.edges.map((e) => e.node.after.name)).toEqual(['p-b', 'p-a']);
    expect(oldest.totalCount).toBe(newest.totalCount);
  });

  it('has totalCount on users and customers', async () => {
    const res = await gql<{ users: { totalCount: number }; customers: { totalCount: number } }>(t.current, '{ users { totalCount } customers { totalCount } }', {}, admin);
    expect(expectData(res).users.totalCount).toBeGreaterThanOrEqual(1);
    expect(expectData(res).customers.totalCount).toBe(0);
  });

  it('refuses an over-limit page naming the field and the maximum, and mixed directions', async () => {
    const tooBig = await gql(t.current, GROUPS, { last: 101 }, admin);
    const error = expectErrorCode(tooBig, 'VALIDATION_FAILED');
    expect(error.extensions?.fields).toEqual([{ field: 'last', message: expect.stringContaining('at most 100') }]);
    expectErrorCode(await gql(t.current, GROUPS, { first: 1, last: 1 }, admin), 'VALIDATION_FAILED');
  });
});
