// Tenancy of the provisioning API: every query and mutation from a second group answers
// NOT_FOUND (exactly like a missing object) and changes nothing; group support reads but
// cannot write, and never sees a passphrase.

import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { createGroupWithAdmin, createSupportUser, GroupWithAdmin, platformAdmin, SupportUser } from '../support/roles';
import {
  CLAIM_NODE,
  CREATE_CUSTOMER,
  CREATE_LOCATION,
  CREATE_NETWORK,
  createCustomer,
  CUSTOMER,
  CUSTOMER_BY_ACCOUNT,
  CUSTOMERS,
  customerInput,
  CustomerView,
  DELETE_LOCATION,
  DELETE_NETWORK,
  LIFECYCLE,
  LOCATION,
  locationInput,
  NETWORK,
  NetworkView,
  NODE,
  NODE_BY_SERIAL,
  rowCounts,
  serial,
  UNCLAIM_NODE,
  UPDATE_CUSTOMER,
  UPDATE_LOCATION,
  UPDATE_NETWORK,
  UPDATE_NETWORKS,
  UPDATE_NODE,
} from './provisioning-ops';

const GUEST = { kind: 'GUEST', ssid: 'Guests', securityMode: 'WPA2_PSK', passphrase: 'guest pass 1' };

describeEachDatabase('provisioning access', (db) => {
  const t = useTestApp(db);
  let owner: GroupWithAdmin;
  let stranger: GroupWithAdmin;
  let support: SupportUser;
  let customer: CustomerView;
  let guest: NetworkView;
  let nodeId: string;
  const sn = serial();

  beforeAll(async () => {
    owner = await createGroupWithAdmin(t.current);
    stranger = await createGroupWithAdmin(t.current);
    support = await createSupportUser(t.current, owner.groupId);
    customer = await createCustomer(t.current, owner.adminToken);
    const locationId = customer.locations[0].id;
    guest = expectData(await gql<{ createWifiNetwork: NetworkView }>(t.current, CREATE_NETWORK, { locationId, input: GUEST }, owner.adminToken)).createWifiNetwork;
    nodeId = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId, serial: sn }, owner.adminToken)).claimNode.id;
    customer = expectData(await gql<{ customer: CustomerView }>(t.current, CUSTOMER, { id: customer.id }, owner.adminToken)).customer;
  });

  /** Every query and mutation of the domain, aimed at the owner's objects. */
  function operations(): [string, string, Record<string, unknown>][] {
    const locationId = customer.locations[0].id;
    const primaryId = customer.locations[0].wifiNetworks[0].id;
    return [
      ['customer', CUSTOMER, { id: customer.id }],
      ['customerByAccountId', CUSTOMER_BY_ACCOUNT, { accountId: customer.accountId, groupId: owner.groupId }],
      ['location', LOCATION, { id: locationId }],
      ['node', NODE, { id: nodeId }],
      ['nodeBySerial', NODE_BY_SERIAL, { serial: sn }],
      ['wifiNetwork', NETWORK, { id: guest.id }],
      ['createCustomer', CREATE_CUSTOMER, { input: customerInput({ groupId: owner.groupId }) }],
      ['updateCustomer', UPDATE_CUSTOMER, { id: customer.id, input: { name: 'Hijacked' } }],
      ['verifyCustomerEmail', LIFECYCLE('verifyCustomerEmail'), { id: customer.id }],
      ['completeOnboarding', LIFECYCLE('completeOnboarding', 'customerId'), { id: customer.id }],
      ['suspendCustomer', LIFECYCLE('suspendCustomer'), { id: customer.id }],
      ['resumeCustomer', LIFECYCLE('resumeCustomer'), { id: customer.id }],
      ['terminateCustomer', LIFECYCLE('terminateCustomer'), { id: customer.id }],
      ['createLocation', CREATE_LOCATION, { customerId: customer.id, input: locationInput() }],
      ['updateLocation', UPDATE_LOCATION, { id: locationId, input: { serviceId: 'stolen' } }],
      ['deleteLocation', DELETE_LOCATION, { id: locationId }],
      ['claimNode', CLAIM_NODE, { locationId, serial: serial() }],
      ['unclaimNode', UNCLAIM_NODE, { id: nodeId, reason: 'theft' }],
      ['updateNode', UPDATE_NODE, { id: nodeId, input: { description: 'mine now' } }],
      ['createWifiNetwork', CREATE_NETWORK, { locationId, input: GUEST }],
      ['updateWifiNetwork', UPDATE_NETWORK, { id: guest.id, input: { ssid: 'Hijacked' } }],
      ['updateWifiNetworks', UPDATE_NETWORKS, { input: { changes: [{ id: guest.id, input: { ssid: 'Hijacked' } }] } }],
      ['deleteWifiNetwork', DELETE_NETWORK, { id: guest.id }],
      ['deleteWifiNetwork (primary)', DELETE_NETWORK, { id: primaryId }],
    ];
  }

  it('answers NOT_FOUND to another group for every query and mutation, and writes nothing', async () => {
    const before = await rowCounts(t.current);
    const results: [string, unknown][] = [];
    for (const [name, query, variables] of operations()) {
      const res = await gql(t.current, query, variables, stranger.adminToken);
      results.push([name, res.errors?.map((e) => e.extensions?.code)]);
    }
    expect(results).toEqual(operations().map(([name]) => [name, ['NOT_FOUND']]));
    expect(await rowCounts(t.current)).toEqual(before);
    const unchanged = expectData(await gql<{ customer: CustomerView }>(t.current, CUSTOMER, { id: customer.id }, owner.adminToken)).customer;
    expect(unchanged).toEqual(customer);
  });

  it('does not reveal whose a serial is: claiming it into another group is a plain CONFLICT', async () => {
    const mine = await createCustomer(t.current, stranger.adminToken);
    const res = await gql(t.current, CLAIM_NODE, { locationId: mine.locations[0].id, serial: sn }, stranger.adminToken);
    expect(expectErrorCode(res, 'CONFLICT').message).not.toContain(owner.groupId);
  });

  it('keeps other groups out of lists and account id lookups', async () => {
    const list = expectData(await gql<{ customers: { totalCount: number; edges: { node: { id: string } }[] } }>(t.current, CUSTOMERS, { filter: { groupId: owner.groupId } }, stranger.adminToken)).customers;
    expect(list).toMatchObject({ totalCount: 0, edges: [] });
    expectErrorCode(await gql(t.current, CUSTOMER_BY_ACCOUNT, { accountId: customer.accountId }, stranger.adminToken), 'NOT_FOUND');
  });

  it('lets group support read everything but the passphrase, and refuses every write with FORBIDDEN', async () => {
    const before = await rowCounts(t.current);
    for (const [name, query, variables] of operations()) {
      const res = await gql(t.current, query, variables, support.token);
      if (/^(create|update|delete|verify|complete|suspend|resume|terminate|claim|unclaim)/.test(name)) {
        expect([name, res.errors?.map((e) => e.extensions?.code)]).toEqual([name, ['FORBIDDEN']]);
      } else {
        expect([name, res.errors]).toEqual([name, undefined]);
      }
    }
    expect(await rowCounts(t.current)).toEqual(before);
    const seen = expectData(await gql<{ customer: CustomerView }>(t.current, CUSTOMER, { id: customer.id }, support.token)).customer;
    expect(seen.locations[0].wifiNetworks.map((n) => n.passphrase)).toEqual([null, null]);
    expect(expectData(await gql<{ wifiNetwork: NetworkView }>(t.current, NETWORK, { id: guest.id }, support.token)).wifiNetwork.passphrase).toBeNull();
  });

  it('shows the passphrase to group admins and platform admins', async () => {
    expect(expectData(await gql<{ wifiNetwork: NetworkView }>(t.current, NETWORK, { id: guest.id }, owner.adminToken)).wifiNetwork.passphrase).toBe(GUEST.passphrase);
    const root = await platformAdmin(t.current);
    expect(expectData(await gql<{ wifiNetwork: NetworkView }>(t.current, NETWORK, { id: guest.id }, root)).wifiNetwork.passphrase).toBe(GUEST.passphrase);
  });

  it('lets a platform admin work in any group, naming it, and reports an unknown group as NOT_FOUND', async () => {
    const root = await platformAdmin(t.current);
    const before = await rowCounts(t.current);
    expectErrorCode(await gql(t.current, CREATE_CUSTOMER, { input: customerInput() }, root), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, CREATE_CUSTOMER, { input: customerInput({ groupId: '00000000-0000-4000-8000-000000000000' }) }, root), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, CUSTOMER_BY_ACCOUNT, { accountId: customer.accountId }, root), 'VALIDATION_FAILED');
    expect(await rowCounts(t.current)).toEqual(before);
    const made = expectData(await gql<{ createCustomer: CustomerView }>(t.current, CREATE_CUSTOMER, { input: customerInput({ groupId: stranger.groupId }) }, root)).createCustomer;
    expect(made.groupId).toBe(stranger.groupId);
    const found = expectData(await gql<{ customerByAccountId: { id: string } }>(t.current, CUSTOMER_BY_ACCOUNT, { accountId: customer.accountId, groupId: owner.groupId }, root));
    expect(found.customerByAccountId.id).toBe(customer.id);
    expectErrorCode(await gql(t.current, CUSTOMER, { id: made.id }, owner.adminToken), 'NOT_FOUND');
  });

  it('refuses every operation without a token', async () => {
    for (const [, query, variables] of operations()) expectErrorCode(await gql(t.current, query, variables), 'UNAUTHENTICATED');
  });
});
