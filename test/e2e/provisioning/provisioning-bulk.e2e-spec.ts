// updateWifiNetworks: many network changes in one request, all or nothing, audited one by
// one, each network's location kicked once the transaction has committed.

import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { createGroupWithAdmin, GroupWithAdmin } from '../support/roles';
import { createCustomer, CustomerView, LIFECYCLE, NETWORK, NetworkView, rowCounts, UPDATE_NETWORKS } from './provisioning-ops';

const AUDIT = `query ($objectId: ID) { auditEvents(objectId: $objectId) { edges { node { action objectId after } } } }`;

interface AuditPage {
  auditEvents: { edges: { node: { action: string; objectId: string; after: Record<string, unknown> } }[] };
}

describeEachDatabase('bulk network changes', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;
  let other: GroupWithAdmin;
  let customers: CustomerView[];

  beforeAll(async () => {
    tenant = await createGroupWithAdmin(t.current);
    other = await createGroupWithAdmin(t.current);
    customers = [];
    for (let i = 0; i < 3; i++) customers.push(await createCustomer(t.current, tenant.adminToken));
  });

  const primaries = (): string[] => customers.map((c) => c.locations[0].wifiNetworks[0].id);
  const bulk = (changes: unknown[], token = tenant.adminToken) =>
    gql<{ updateWifiNetworks: NetworkView[] }>(t.current, UPDATE_NETWORKS, { input: { changes } }, token);
  const read = async (id: string) => expectData(await gql<{ wifiNetwork: NetworkView }>(t.current, NETWORK, { id }, tenant.adminToken)).wifiNetwork;

  it('changes every network named, answers them in order, and audits each', async () => {
    const ids = primaries();
    const changes = ids.map((id, i) => ({ id, input: { passphrase: `fleet passphrase ${i}` } }));
    const answered = expectData(await bulk([...changes].reverse())).updateWifiNetworks;
    expect(answered.map((n) => [n.id, n.passphrase])).toEqual([...ids].reverse().map((id, i) => [id, `fleet passphrase ${2 - i}`]));
    for (const [i, id] of ids.entries()) {
      expect(await read(id)).toMatchObject({ passphrase: `fleet passphrase ${i}`, ssid: 'Home WiFi' });
      const events = expectData(await gql<AuditPage>(t.current, AUDIT, { objectId: id }, tenant.adminToken)).auditEvents.edges;
      expect(events[0].node).toMatchObject({ action: 'wifiNetwork.update', objectId: id });
      expect(JSON.stringify(events[0].node.after)).not.toContain('fleet passphrase');
    }
  });

  it('refuses the whole request when one change is invalid, naming each bad field, and writes nothing', async () => {
    const [a, b, c] = primaries();
    const before = await rowCounts(t.current);
    const res = await bulk([
      { id: a, input: { passphrase: 'valid passphrase' } },
      { id: b, input: { passphrase: 'short' } },
      { id: c, input: { vlanId: 5000 } },
    ]);
    const error = expectErrorCode(res, 'VALIDATION_FAILED');
    const fields = (error.extensions?.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(['changes.1.input.passphrase', 'changes.2.input.vlanId']);
    expect(await rowCounts(t.current)).toEqual(before);
    expect((await read(a)).passphrase).toBe('fleet passphrase 0');
  });

  it('refuses an id named twice and a malformed id before reading anything', async () => {
    const [a] = primaries();
    const twice = expectErrorCode(await bulk([{ id: a, input: { hidden: true } }, { id: a, input: { hidden: false } }]), 'VALIDATION_FAILED');
    expect(twice.extensions?.fields).toEqual([{ field: 'changes.1.id', message: expect.stringContaining('already') }]);
    const malformed = expectErrorCode(await bulk([{ id: 'nope', input: { hidden: true } }]), 'VALIDATION_FAILED');
    expect(malformed.extensions?.fields).toEqual([{ field: 'changes.0.id', message: 'must be a UUID' }]);
  });

  it('bounds the request: no changes, or more than 1000, is a validation error', async () => {
    expectErrorCode(await bulk([]), 'VALIDATION_FAILED');
    const [a] = primaries();
    expectErrorCode(await bulk(Array.from({ length: 1001 }, () => ({ id: a, input: { hidden: true } }))), 'VALIDATION_FAILED');
  });

  it("answers NOT_FOUND when any network is another group's, and changes none of them", async () => {
    const foreign = await createCustomer(t.current, other.adminToken);
    const theirs = foreign.locations[0].wifiNetworks[0].id;
    const [a] = primaries();
    const before = await rowCounts(t.current);
    expectErrorCode(await bulk([{ id: a, input: { ssid: 'Mine' } }, { id: theirs, input: { ssid: 'Mine too' } }]), 'NOT_FOUND');
    expect(await rowCounts(t.current)).toEqual(before);
    expect((await read(a)).ssid).toBe('Home WiFi');
  });

  it("refuses the request when a network went with its terminated customer, changing none", async () => {
    const gone = await createCustomer(t.current, tenant.adminToken);
    expectData(await gql(t.current, LIFECYCLE('terminateCustomer'), { id: gone.id }, tenant.adminToken));
    const [a] = primaries();
    const res = await bulk([{ id: a, input: { hidden: true } }, { id: gone.locations[0].wifiNetworks[0].id, input: { hidden: true } }]);
    expectErrorCode(res, 'NOT_FOUND');
    expect((await read(a)).hidden).toBe(false);
  });
});
