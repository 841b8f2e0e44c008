// Create mutations with an idempotency key: a retry returns the first result without a
// second row or audit event; the same key with another input is a CONFLICT; keys are per
// user and per operation. Also the customers list: cursor pages, filter, search, totalCount.

import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { createGroupWithAdmin, GroupWithAdmin } from '../support/roles';
import {
  CREATE_CUSTOMER,
  CREATE_LOCATION,
  CREATE_NETWORK,
  createCustomer,
  CUSTOMERS,
  customerInput,
  CustomerView,
  LIFECYCLE,
  locationInput,
  LocationView,
  NetworkView,
  rowCounts,
} from './provisioning-ops';

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describeEachDatabase('provisioning idempotency and lists', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;

  beforeAll(async () => {
    tenant = await createGroupWithAdmin(t.current);
  });

  const run = <T>(query: string, variables: Record<string, unknown>, token = tenant.adminToken) => gql<T>(t.current, query, variables, token);

  it('returns the first customer on a retry with the same key, and CONFLICT for a different input', async () => {
    const input = customerInput();
    const first = expectData(await run<{ createCustomer: CustomerView }>(CREATE_CUSTOMER, { input, key: 'signup-1' })).createCustomer;
    const counts = await rowCounts(t.current);
    const retry = expectData(await run<{ createCustomer: CustomerView }>(CREATE_CUSTOMER, { input, key: 'signup-1' })).createCustomer;
    expect(retry).toEqual(first);
    expect(await rowCounts(t.current)).toEqual(counts);

    expectErrorCode(await run(CREATE_CUSTOMER, { input: { ...input, name: 'Someone else' }, key: 'signup-1' }), 'CONFLICT');
    // Without the key the same input is a duplicate email: CONFLICT from the domain.
    expectErrorCode(await run(CREATE_CUSTOMER, { input }), 'CONFLICT');
    expect(await rowCounts(t.current)).toEqual(counts);

    // Keys belong to a user: another user sending the same key gets a customer of their own.
    const colleague = await createGroupWithAdmin(t.current);
    const theirs = expectData(await run<{ createCustomer: CustomerView }>(CREATE_CUSTOMER, { input: customerInput(), key: 'signup-1' }, colleague.adminToken)).createCustomer;
    expect(theirs.id).not.toBe(first.id);
  });

  it('makes createLocation and createWifiNetwork retry-safe, keys scoped per operation', async () => {
    const c = await createCustomer(t.current, tenant.adminToken);
    const input = locationInput({ name: 'Cabin' });
    const a = expectData(await run<{ createLocation: LocationView }>(CREATE_LOCATION, { customerId: c.id, input, key: 'k-1' })).createLocation;
    const b = expectData(await run<{ createLocation: LocationView }>(CREATE_LOCATION, { customerId: c.id, input, key: 'k-1' })).createLocation;
    expect(b.id).toBe(a.id);
    expect(b.wifiNetworks).toHaveLength(1);
    const net = { kind: 'IOT', ssid: 'Sensors', securityMode: 'WPA2_PSK', passphrase: 'sensor pass' };
    const n1 = expectData(await run<{ createWifiNetwork: NetworkView }>(CREATE_NETWORK, { locationId: a.id, input: net, key: 'k-1' })).createWifiNetwork;
    const n2 = expectData(await run<{ createWifiNetwork: NetworkView }>(CREATE_NETWORK, { locationId: a.id, input: net, key: 'k-1' })).createWifiNetwork;
    expect(n2.id).toBe(n1.id);
    expectErrorCode(await run(CREATE_NETWORK, { locationId: c.locations[0].id, input: net, key: 'k-1' }), 'CONFLICT');
  });

  it('answers concurrent retries with one customer', async () => {
    const input = customerInput();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => run<{ createCustomer: CustomerView }>(CREATE_CUSTOMER, { input, key: 'burst-1' })));
    const ids = new Set(results.map((r) => expectData(r).createCustomer.id));
    expect(ids.size).toBe(1);
  });

  it('pages customers by name with cursors, filters by status and searches name, email and account id', async () => {
    const group = await createGroupWithAdmin(t.current);
    const names = ['Alice Alpha', 'Bob Beta', 'Carol Gamma', 'Dave Delta', 'Eve Epsilon'];
    const made: CustomerView[] = [];
    for (const name of names) made.push(await createCustomer(t.current, group.adminToken, { name, accountId: `ACC-${name.split(' ')[1].toUpperCase()}` }));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: Page = expectData(await run<{ customers: Page }>(CUSTOMERS, { first: 2, after }, group.adminToken)).customers;
      expect(res.totalCount).toBe(5);
      seen.push(...res.edges.map((e) => e.node.name));
      if (!res.pageInfo.hasNextPage) break;
      after = res.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);

    expectData(await run(LIFECYCLE('suspendCustomer'), { id: made[1].id }, group.adminToken));
    const suspended = expectData(await run<{ customers: Page }>(CUSTOMERS, { filter: { status: 'SUSPENDED' } }, group.adminToken)).customers;
    expect(suspended.edges.map((e) => e.node.name)).toEqual(['Bob Beta']);
    const search = async (text: string) =>
      expectData(await run<{ customers: Page }>(CUSTOMERS, { filter: { search: text } }, group.adminToken)).customers.edges.map((e) => e.node.name);
    expect(await search('gamma')).toEqual(['Carol Gamma']);
    expect(await search('acc-delta')).toEqual(['Dave Delta']);
    expect(await search(made[4].email.toUpperCase())).toEqual(['Eve Epsilon']);
    expect(await search('%')).toEqual([]);
  });
});
