// Every provisioning flow end to end, over HTTP against the real app: onboarding a customer
// with its first location, claiming nodes by serial, networks, lifecycle, RMA, lookups.

import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { createGroupWithAdmin, GroupWithAdmin } from '../support/roles';
import {
  CLAIM_NODE,
  CREATE_LOCATION,
  CREATE_NETWORK,
  createCustomer,
  CUSTOMER,
  CUSTOMER_BY_ACCOUNT,
  CustomerView,
  DELETE_LOCATION,
  DELETE_NETWORK,
  LIFECYCLE,
  LOCATION,
  locationInput,
  LocationView,
  NETWORK,
  NetworkView,
  NODE_BY_SERIAL,
  serial,
  UNCLAIM_NODE,
  UPDATE_CUSTOMER,
  UPDATE_LOCATION,
  UPDATE_NETWORK,
  UPDATE_NODE,
} from './provisioning-ops';

describeEachDatabase('provisioning flows', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;

  beforeAll(async () => {
    tenant = await createGroupWithAdmin(t.current);
  });

  const run = <T>(query: string, variables: Record<string, unknown>) => gql<T>(t.current, query, variables, tenant.adminToken);

  it('onboards a customer: first location with PRIMARY network, claim, guest network, verify, complete', async () => {
    const customer = await createCustomer(t.current, tenant.adminToken, { password: 'customer secret 1' });
    expect(customer).toMatchObject({ groupId: tenant.groupId, status: 'ACTIVE', emailVerified: false, onboardingCompletedAt: null, hasPassword: true });
    const [home] = customer.locations;
    expect(home).toMatchObject({ name: 'Home', timezone: 'Europe/Berlin', nodes: [] });
    expect(home.wifiNetworks).toEqual([
      expect.objectContaining({ kind: 'PRIMARY', ssid: 'Home WiFi', securityMode: 'WPA2_PSK', passphrase: 'correct horse battery', bands: ['BAND_2_4G', 'BAND_5G'], enabled: true }),
    ]);

    const sn = serial();
    const claimed = expectData(await run<{ claimNode: { id: string; locationId: string; claimedAt: string } }>(CLAIM_NODE, { locationId: home.id, serial: sn })).claimNode;
    expect(claimed.locationId).toBe(home.id);
    const again = expectData(await run<{ claimNode: { id: string; claimedAt: string } }>(CLAIM_NODE, { locationId: home.id, serial: sn })).claimNode;
    expect(again).toEqual({ ...claimed, serial: sn });

    const guest = expectData(
      await run<{ createWifiNetwork: NetworkView }>(CREATE_NETWORK, {
        locationId: home.id,
        input: { kind: 'GUEST', ssid: 'Gäste', securityMode: 'WPA3_SAE', passphrase: 'guests welcome', clientIsolation: true, vlanId: 20 },
      }),
    ).createWifiNetwork;
    expect(guest).toMatchObject({ kind: 'GUEST', ssid: 'Gäste', bands: ['BAND_2_4G', 'BAND_5G', 'BAND_6G'], vlanId: 20 });

    const verified = expectData(await run<{ verifyCustomerEmail: CustomerView }>(LIFECYCLE('verifyCustomerEmail'), { id: customer.id })).verifyCustomerEmail;
    expect(verified.emailVerified).toBe(true);
    const done = expectData(await run<{ completeOnboarding: CustomerView }>(LIFECYCLE('completeOnboarding', 'customerId'), { id: customer.id })).completeOnboarding;
    expect(Date.parse(done.onboardingCompletedAt ?? '')).not.toBeNaN();
    const doneAgain = expectData(await run<{ completeOnboarding: CustomerView }>(LIFECYCLE('completeOnboarding', 'customerId'), { id: customer.id })).completeOnboarding;
    expect(doneAgain.onboardingCompletedAt).toBe(done.onboardingCompletedAt);

    const view = expectData(await run<{ location: LocationView & { customer: { id: string } } }>(LOCATION, { id: home.id })).location;
    expect(view.customer.id).toBe(customer.id);
    expect(view.nodes.map((n) => n.serial)).toEqual([sn]);
    expect(view.wifiNetworks.map((n) => n.kind)).toEqual(['PRIMARY', 'GUEST']);
  });

  it('refuses a serial claimed elsewhere, finds customer and location by serial, unclaims for RMA', async () => {
    const a = await createCustomer(t.current, tenant.adminToken);
    const b = await createCustomer(t.current, tenant.adminToken);
    const sn = serial();
    const node = expectData(await run<{ claimNode: { id: string } }>(CLAIM_NODE, { locationId: a.locations[0].id, serial: sn })).claimNode;
    expectErrorCode(await run(CLAIM_NODE, { locationId: b.locations[0].id, serial: sn }), 'CONFLICT');

    const found = expectData(await run<{ nodeBySerial: { location: { id: string; serviceId: string }; customer: { id: string; accountId: string } } }>(NODE_BY_SERIAL, { serial: sn })).nodeBySerial;
    expect(found.location).toMatchObject({ id: a.locations[0].id, serviceId: expect.stringMatching(/^SVC-/) });
    expect(found.customer).toMatchObject({ id: a.id, accountId: a.accountId });

    expect(expectData(await run<{ updateNode: { description: string } }>(UPDATE_NODE, { id: node.id, input: { description: 'Living room' } })).updateNode.description).toBe('Living room');
    const freed = expectData(await run<{ unclaimNode: { locationId: string | null; claimedAt: string | null } }>(UNCLAIM_NODE, { id: node.id, reason: 'RMA: 5 GHz radio dead' })).unclaimNode;
    expect(freed).toMatchObject({ locationId: null, claimedAt: null });
    expectErrorCode(await run(NODE_BY_SERIAL, { serial: sn }), 'NOT_FOUND');
    expect(expectData(await run<{ claimNode: { locationId: string } }>(CLAIM_NODE, { locationId: b.locations[0].id, serial: sn })).claimNode.locationId).toBe(b.locations[0].id);

    const audit = expectData(await run<{ auditEvents: { edges: { node: { action: string; after: { reason?: string } | null } }[] } }>(
      `query ($id: ID) { auditEvents(objectId: $id, first: 10) { edges { node { action after } } } }`, { id: node.id },
    )).auditEvents.edges.map((e) => e.node);
    expect(audit.map((e) => e.action)).toEqual(['node.claim', 'node.unclaim', 'node.update', 'node.claim']);
    expect(audit[1].after?.reason).toBe('RMA: 5 GHz radio dead');
  });

  it('updates customer (incl. accountId) and finds it by account id', async () => {
    const c = await createCustomer(t.current, tenant.adminToken);
    const updated = expectData(await run<{ updateCustomer: CustomerView }>(UPDATE_CUSTOMER, { id: c.id, input: { accountId: 'ACC-NEW-1', name: 'Renamed' } })).updateCustomer;
    expect(updated).toMatchObject({ accountId: 'ACC-NEW-1', name: 'Renamed' });
    expect(expectData(await run<{ customerByAccountId: { id: string } }>(CUSTOMER_BY_ACCOUNT, { accountId: 'ACC-NEW-1' })).customerByAccountId.id).toBe(c.id);
    expectErrorCode(await run(CUSTOMER_BY_ACCOUNT, { accountId: c.accountId }), 'NOT_FOUND');
    const other = await createCustomer(t.current, tenant.adminToken);
    expectErrorCode(await run(UPDATE_CUSTOMER, { id: other.id, input: { accountId: 'ACC-NEW-1' } }), 'CONFLICT');
    expectErrorCode(await run(UPDATE_CUSTOMER, { id: other.id, input: { email: c.email.toUpperCase() } }), 'CONFLICT');
  });

  it('manages locations: serviceId update, delete refused while nodes are claimed or for the last one', async () => {
    const c = await createCustomer(t.current, tenant.adminToken);
    const second = expectData(await run<{ createLocation: LocationView }>(CREATE_LOCATION, { customerId: c.id, input: locationInput({ name: 'Office' }) })).createLocation;
    const updated = expectData(await run<{ updateLocation: LocationView }>(UPDATE_LOCATION, { id: second.id, input: { serviceId: 'SVC-BUSINESS-9', timezone: 'America/New_York' } })).updateLocation;
    expect(updated).toMatchObject({ serviceId: 'SVC-BUSINESS-9', timezone: 'America/New_York', name: 'Office' });

    const node = expectData(await run<{ claimNode: { id: string } }>(CLAIM_NODE, { locationId: second.id, serial: serial() })).claimNode;
    expectErrorCode(await run(DELETE_LOCATION, { id: second.id }), 'PRECONDITION_FAILED');
    expectData(await run(UNCLAIM_NODE, { id: node.id, reason: 'moved' }));
    expect(expectData(await run<{ deleteLocation: string }>(DELETE_LOCATION, { id: second.id })).deleteLocation).toBe(second.id);
    expectErrorCode(await run(LOCATION, { id: second.id }), 'NOT_FOUND');
    expectErrorCode(await run(NETWORK, { id: second.wifiNetworks[0].id }), 'NOT_FOUND');
    expectErrorCode(await run(DELETE_LOCATION, { id: c.locations[0].id }), 'PRECONDITION_FAILED');
  });

  it('keeps exactly one PRIMARY network per location', async () => {
    const c = await createCustomer(t.current, tenant.adminToken);
    const home = c.locations[0];
    const primary = home.wifiNetworks[0];
    expectErrorCode(await run(CREATE_NETWORK, { locationId: home.id, input: { kind: 'PRIMARY', ssid: 'Second', securityMode: 'OPEN' } }), 'PRECONDITION_FAILED');
    expectErrorCode(await run(DELETE_NETWORK, { id: primary.id }), 'PRECONDITION_FAILED');
    const open = expectData(await run<{ updateWifiNetwork: NetworkView }>(UPDATE_NETWORK, { id: primary.id, input: { securityMode: 'OPEN', ssid: 'Open Home' } })).updateWifiNetwork;
    expect(open).toMatchObject({ securityMode: 'OPEN', passphrase: null, ssid: 'Open Home' });
    const iot = expectData(await run<{ createWifiNetwork: NetworkView }>(CREATE_NETWORK, { locationId: home.id, input: { kind: 'IOT', ssid: 'Things', securityMode: 'WPA2_PSK', passphrase: 'things only', bands: ['BAND_2_4G'] } })).createWifiNetwork;
    expect(expectData(await run<{ deleteWifiNetwork: string }>(DELETE_NETWORK, { id: iot.id })).deleteWifiNetwork).toBe(iot.id);
    const after = expectData(await run<{ location: LocationView }>(LOCATION, { id: home.id })).location;
    expect(after.wifiNetworks.map((n) => n.kind)).toEqual(['PRIMARY']);
  });

  it('suspends, resumes and terminates: nodes unclaimed, networks removed, nothing changes afterwards', async () => {
    const c = await createCustomer(t.current, tenant.adminToken);
    const home = c.locations[0];
    const sn = serial();
    expectData(await run(CLAIM_NODE, { locationId: home.id, serial: sn }));

    expect(expectData(await run<{ suspendCustomer: CustomerView }>(LIFECYCLE('suspendCustomer'), { id: c.id })).suspendCustomer.status).toBe('SUSPENDED');
    expectErrorCode(await run(LIFECYCLE('suspendCustomer'), { id: c.id }), 'PRECONDITION_FAILED');
    expect(expectData(await run<{ resumeCustomer: CustomerView }>(LIFECYCLE('resumeCustomer'), { id: c.id })).resumeCustomer.status).toBe('ACTIVE');
    expectErrorCode(await run(LIFECYCLE('resumeCustomer'), { id: c.id }), 'PRECONDITION_FAILED');

    expect(expectData(await run<{ terminateCustomer: CustomerView }>(LIFECYCLE('terminateCustomer'), { id: c.id })).terminateCustomer.status).toBe('TERMINATED');
    const after = expectData(await run<{ customer: CustomerView }>(CUSTOMER, { id: c.id })).customer;
    expect(after.locations[0]).toMatchObject({ wifiNetworks: [], nodes: [] });
    expectErrorCode(await run(NODE_BY_SERIAL, { serial: sn }), 'NOT_FOUND');

    for (const op of ['resumeCustomer', 'suspendCustomer', 'terminateCustomer', 'verifyCustomerEmail']) {
      expectErrorCode(await run(LIFECYCLE(op), { id: c.id }), 'PRECONDITION_FAILED');
    }
    expectErrorCode(await run(UPDATE_CUSTOMER, { id: c.id, input: { name: 'Zombie' } }), 'PRECONDITION_FAILED');
    expectErrorCode(await run(CREATE_LOCATION, { customerId: c.id, input: locationInput() }), 'PRECONDITION_FAILED');
    expectErrorCode(await run(CLAIM_NODE, { locationId: home.id, serial: serial() }), 'PRECONDITION_FAILED');
    expectErrorCode(await run(UPDATE_LOCATION, { id: home.id, input: { name: 'x' } }), 'PRECONDITION_FAILED');
  });
});
