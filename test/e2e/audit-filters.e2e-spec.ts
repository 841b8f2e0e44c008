// auditEvents filtered by who (part of the actor's email), what (an action, or every action
// on one kind of object) and when (from, to), always within the caller's groups.

import { createCustomer, LIFECYCLE } from './provisioning/provisioning-ops';
import { createGroupWithAdmin, describeEachDatabase, expectData, expectErrorCode, gql, GroupWithAdmin, useTestApp } from './support';

const AUDIT = `query ($actor: String, $action: String, $from: DateTime, $to: DateTime) {
  auditEvents(first: 100, actor: $actor, action: $action, from: $from, to: $to) { totalCount edges { node { action actorEmail objectId at } } }
}`;

interface AuditPage {
  auditEvents: { totalCount: number; edges: { node: { action: string; actorEmail: string; objectId: string; at: string } }[] };
}

describeEachDatabase('audit log filters', (db) => {
  const t = useTestApp(db);
  let group: GroupWithAdmin;
  let other: GroupWithAdmin;
  let suspendedId: string;
  let start: string;

  const audit = async (variables: Record<string, unknown>, token = group.adminToken): Promise<AuditPage['auditEvents']> =>
    expectData(await gql<AuditPage>(t.current, AUDIT, variables, token)).auditEvents;

  beforeAll(async () => {
    group = await createGroupWithAdmin(t.current);
    other = await createGroupWithAdmin(t.current);
    start = new Date().toISOString();
    await createCustomer(t.current, group.adminToken);
    suspendedId = (await createCustomer(t.current, group.adminToken)).id;
    expectData(await gql(t.current, LIFECYCLE('suspendCustomer'), { id: suspendedId }, group.adminToken));
  });

  it('filters by one action, or by every action on one kind of object', async () => {
    const suspended = await audit({ action: 'customer.suspend' });
    expect(suspended.edges.map((e) => [e.node.action, e.node.objectId])).toEqual([['customer.suspend', suspendedId]]);
    const customers = await audit({ action: 'customer.' });
    expect(customers.edges.map((e) => e.node.action).sort()).toEqual(['customer.create', 'customer.create', 'customer.suspend']);
    expect(customers.totalCount).toBe(3);
    expect((await audit({ action: 'customer' })).totalCount).toBe(0);
    expect((await audit({ action: 'custom%' })).totalCount).toBe(0);
  });

  it('filters by part of the actor\'s email, in any case', async () => {
    const part = group.adminEmail.split('@')[0].toUpperCase();
    const mine = await audit({ actor: part });
    expect(mine.totalCount).toBeGreaterThanOrEqual(3);
    expect(mine.edges.every((e) => e.node.actorEmail === group.adminEmail)).toBe(true);
    expect((await audit({ actor: 'nobody-at-all' })).totalCount).toBe(0);
    expect((await audit({ actor: '%' })).totalCount).toBe(0);
  });

  it('filters by time; a range that ends before it starts is refused', async () => {
    const all = await audit({ action: 'customer.' });
    const since = await audit({ action: 'customer.', from: start });
    expect(since.totalCount).toBe(all.totalCount);
    expect((await audit({ action: 'customer.', to: start })).totalCount).toBe(0);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await audit({ from: future })).totalCount).toBe(0);
    expectErrorCode(await gql(t.current, AUDIT, { from: future, to: start }, group.adminToken), 'VALIDATION_FAILED');
  });

  it('stays within the caller\'s groups', async () => {
    expect((await audit({ action: 'customer.' }, other.adminToken)).totalCount).toBe(0);
  });
});
