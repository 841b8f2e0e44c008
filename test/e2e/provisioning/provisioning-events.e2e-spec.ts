// Domain events reach subscribers (the future reconciler) only for committed changes: one
// per claim, unclaim, network change, location change; none for refused requests or
// idempotent replays.

import { DomainEvent } from '../../../src/domain-events/domain-event';
import { DomainEvents } from '../../../src/domain-events/domain-events.service';
import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { createGroupWithAdmin, GroupWithAdmin } from '../support/roles';
import { CLAIM_NODE, CREATE_CUSTOMER, CREATE_NETWORK, customerInput, CustomerView, LIFECYCLE, serial, UNCLAIM_NODE, UPDATE_NETWORK } from './provisioning-ops';

describeEachDatabase('provisioning domain events', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;
  const seen: DomainEvent[] = [];

  beforeAll(async () => {
    tenant = await createGroupWithAdmin(t.current);
    t.current.app.get(DomainEvents).events$.subscribe((e) => seen.push(e));
  });

  const run = <T>(query: string, variables: Record<string, unknown>) => gql<T>(t.current, query, variables, tenant.adminToken);
  const take = (): DomainEvent[] => seen.splice(0, seen.length);

  it('publishes committed changes with their location and nodes', async () => {
    const input = customerInput();
    const customer = expectData(await run<{ createCustomer: CustomerView }>(CREATE_CUSTOMER, { input, key: 'events-1' })).createCustomer;
    const locationId = customer.locations[0].id;
    expect(take()).toEqual([{ type: 'location-changed', locationId }]);

    expectData(await run(CREATE_CUSTOMER, { input, key: 'events-1' }));
    expectErrorCode(await run(CREATE_CUSTOMER, { input }), 'CONFLICT');
    expect(take()).toEqual([]);

    const node = expectData(await run<{ claimNode: { id: string } }>(CLAIM_NODE, { locationId, serial: serial() })).claimNode;
    expect(take()).toEqual([{ type: 'node-claimed', locationId, nodeIds: [node.id] }]);

    const guest = expectData(await run<{ createWifiNetwork: { id: string } }>(CREATE_NETWORK, { locationId, input: { kind: 'GUEST', ssid: 'G', securityMode: 'OPEN', clientIsolation: true } })).createWifiNetwork;
    expectData(await run(UPDATE_NETWORK, { id: guest.id, input: { enabled: false } }));
    expectErrorCode(await run(UPDATE_NETWORK, { id: guest.id, input: { passphrase: 'not for OPEN' } }), 'VALIDATION_FAILED');
    expect(take()).toEqual([
      { type: 'wifi-network-changed', locationId },
      { type: 'wifi-network-changed', locationId },
    ]);

    expectData(await run(UNCLAIM_NODE, { id: node.id, reason: 'RMA' }));
    expect(take()).toEqual([{ type: 'node-unclaimed', locationId, nodeIds: [node.id] }]);

    const second = expectData(await run<{ claimNode: { id: string } }>(CLAIM_NODE, { locationId, serial: serial() })).claimNode;
    take();
    expectData(await run(LIFECYCLE('terminateCustomer'), { id: customer.id }));
    expect(take()).toEqual([
      { type: 'node-unclaimed', locationId, nodeIds: [second.id] },
      { type: 'wifi-network-changed', locationId },
    ]);
  });
});
