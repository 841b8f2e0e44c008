// Seeds the model through the real GraphQL API: one group, then per device a customer with
// its location and PRIMARY network (one createCustomer), and the device claimed to that
// location by serial. Requests run concurrently, as a CRM import would send them.

import type { GraphqlClient } from './graphql-client';
import { mapConcurrent } from './graphql-client';

export interface SeededHome {
  serial: string;
  customerId: string;
  locationId: string;
  networkId: string;
  nodeId: string;
}

const CREATE_CUSTOMER = `mutation ($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id locations { id wifiNetworks { id kind } } }
}`;
const CLAIM = 'mutation ($locationId: ID!, $serial: String!) { claimNode(locationId: $locationId, serial: $serial) { id } }';

interface CreatedCustomer {
  createCustomer: { id: string; locations: Array<{ id: string; wifiNetworks: Array<{ id: string; kind: string }> }> };
}

async function seedHome(api: GraphqlClient, groupId: string, serial: string, i: number): Promise<SeededHome> {
  const input = {
    groupId,
    name: `Bench Customer ${i}`,
    email: `customer${i}@bench.example`,
    accountId: `BENCH-${i}`,
    location: {
      name: 'Home',
      serviceId: `SVC-${i}`,
      timezone: 'Europe/Berlin',
      address: { street: `Street ${i}`, city: 'Berlin', postalCode: '10115', country: 'DE' },
      primaryNetwork: { ssid: `home-${i}`, securityMode: 'WPA2_WPA3', passphrase: `initial-pass-${i}` },
    },
  };
  const created = await api.request<CreatedCustomer>(CREATE_CUSTOMER, { input });
  const location = created.createCustomer.locations[0];
  const network = location.wifiNetworks.find((n) => n.kind === 'PRIMARY') ?? location.wifiNetworks[0];
  const claimed = await api.request<{ claimNode: { id: string } }>(CLAIM, { locationId: location.id, serial });
  return { serial, customerId: created.createCustomer.id, locationId: location.id, networkId: network.id, nodeId: claimed.claimNode.id };
}

export async function seedModel(api: GraphqlClient, serials: readonly string[], concurrency = 16): Promise<SeededHome[]> {
  const group = await api.request<{ createGroup: { id: string } }>('mutation { createGroup(input: { name: "Bench ISP" }) { id } }');
  let done = 0;
  return mapConcurrent(serials, concurrency, async (serial, i) => {
    const home = await seedHome(api, group.createGroup.id, serial, i);
    if (++done % 1000 === 0) console.log(`bench: seeded ${done}/${serials.length} homes`);
    return home;
  });
}
