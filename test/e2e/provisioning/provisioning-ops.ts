// GraphQL documents and small helpers of the provisioning API, shared by its e2e specs.

import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expectData, gql, TestApp } from '../support';

export const CUSTOMER_FIELDS = 'id groupId name email accountId partnerId emailVerified onboardingCompletedAt status hasPassword';
export const NETWORK_FIELDS = 'id kind ssid securityMode passphrase hidden clientIsolation vlanId bands enabled expiresAt description';
export const LOCATION_FIELDS = `id customerId name serviceId timezone address { street city postalCode country } wifiNetworks { ${NETWORK_FIELDS} } nodes { id serial }`;

export const CREATE_CUSTOMER = `mutation ($input: CreateCustomerInput!, $key: String) {
  createCustomer(input: $input, idempotencyKey: $key) { ${CUSTOMER_FIELDS} locations { ${LOCATION_FIELDS} } } }`;
export const UPDATE_CUSTOMER = `mutation ($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ${CUSTOMER_FIELDS} } }`;
export const CUSTOMER = `query ($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} locations { ${LOCATION_FIELDS} } } }`;
export const CUSTOMERS = `query ($filter: CustomersFilter, $first: Int, $after: String) {
  customers(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id name email } } pageInfo { hasNextPage endCursor } } }`;
export const CUSTOMER_BY_ACCOUNT = `query ($accountId: String!, $groupId: ID) { customerByAccountId(accountId: $accountId, groupId: $groupId) { id name } }`;
export const LIFECYCLE = (op: string, arg = 'id'): string => `mutation ($id: ID!) { ${op}(${arg}: $id) { ${CUSTOMER_FIELDS} } }`;

export const CREATE_LOCATION = `mutation ($customerId: ID!, $input: CreateLocationInput!, $key: String) {
  createLocation(customerId: $customerId, input: $input, idempotencyKey: $key) { ${LOCATION_FIELDS} } }`;
export const UPDATE_LOCATION = `mutation ($id: ID!, $input: UpdateLocationInput!) { updateLocation(id: $id, input: $input) { ${LOCATION_FIELDS} } }`;
export const DELETE_LOCATION = `mutation ($id: ID!) { deleteLocation(id: $id) }`;
export const LOCATION = `query ($id: ID!) { location(id: $id) { ${LOCATION_FIELDS} customer { id name } } }`;

export const CLAIM_NODE = `mutation ($locationId: ID!, $serial: String!) { claimNode(locationId: $locationId, serial: $serial) { id serial locationId claimedAt } }`;
export const UNCLAIM_NODE = `mutation ($id: ID!, $reason: String!) { unclaimNode(id: $id, reason: $reason) { id serial locationId claimedAt } }`;
export const UPDATE_NODE = `mutation ($id: ID!, $input: UpdateNodeInput!) { updateNode(id: $id, input: $input) { id description } }`;
export const NODE = `query ($id: ID!) { node(id: $id) { id serial description locationId } }`;
export const NODE_BY_SERIAL = `query ($serial: String!) { nodeBySerial(serial: $serial) { id serial location { id name serviceId } customer { id name accountId } } }`;

export const CREATE_NETWORK = `mutation ($locationId: ID!, $input: CreateWifiNetworkInput!, $key: String) {
  createWifiNetwork(locationId: $locationId, input: $input, idempotencyKey: $key) { ${NETWORK_FIELDS} } }`;
export const UPDATE_NETWORK = `mutation ($id: ID!, $input: UpdateWifiNetworkInput!) { updateWifiNetwork(id: $id, input: $input) { ${NETWORK_FIELDS} } }`;
export const UPDATE_NETWORKS = `mutation ($input: UpdateWifiNetworksInput!) { updateWifiNetworks(input: $input) { ${NETWORK_FIELDS} } }`;
export const DELETE_NETWORK = `mutation ($id: ID!) { deleteWifiNetwork(id: $id) }`;
export const NETWORK = `query ($id: ID!) { wifiNetwork(id: $id) { ${NETWORK_FIELDS} } }`;

export interface NetworkView {
  id: string;
  kind: string;
  ssid: string;
  passphrase: string | null;
  securityMode: string;
  bands: string[];
  vlanId: number | null;
  hidden: boolean;
  enabled: boolean;
}
export interface LocationView {
  id: string;
  name: string;
  serviceId: string | null;
  timezone: string;
  wifiNetworks: NetworkView[];
  nodes: { id: string; serial: string }[];
}
export interface CustomerView {
  id: string;
  groupId: string;
  name: string;
  email: string;
  accountId: string | null;
  emailVerified: boolean;
  onboardingCompletedAt: string | null;
  status: string;
  hasPassword: boolean;
  locations: LocationView[];
}

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function serial(): string {
  return `SN${randomBytes(5).toString('hex').toUpperCase()}`;
}

export function locationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Home',
    serviceId: unique('SVC'),
    timezone: 'Europe/Berlin',
    address: { street: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    primaryNetwork: { ssid: 'Home WiFi', securityMode: 'WPA2_PSK', passphrase: 'correct horse battery' },
    ...overrides,
  };
}

export function customerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const name = unique('Customer');
  return { name, email: `${name.toLowerCase()}@home.test`, accountId: unique('ACC'), location: locationInput(), ...overrides };
}

export async function createCustomer(app: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<CustomerView> {
  return expectData(await gql<{ createCustomer: CustomerView }>(app, CREATE_CUSTOMER, { input: customerInput(overrides) }, token)).createCustomer;
}

/** Row counts of every provisioning table, to prove a refused request wrote nothing. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const dataSource = app.app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of ['customers', 'locations', 'wifi_networks', 'nodes', 'idempotency_keys', 'audit_events']) {
    counts[table] = await dataSource.createQueryBuilder().from(table, 't').getCount();
  }
  return counts;
}
