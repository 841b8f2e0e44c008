// Shared by the CPE Management specs: a customer with a site (gateway with a MAC, and an
// extender) and an empty second site, tokens with chosen scopes for that customer, and GET
// over HTTP recording every answer for the contract checks.

import { DataSource } from 'typeorm';
import { referenceContract } from '../../support/cpe-contract';
import { clientCredentialsToken, originOf, registerApiClient } from '../../support/oauth-clients';
import { CLAIM_NODE, createCustomer, CREATE_LOCATION, locationInput, serial } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, platformAdmin, TestApp } from '../support';

export interface Answer {
  status: number;
  body: unknown;
  link: string | null;
  etag: string | null;
}

export const reference = referenceContract();
/** Every (schema, body) answered in the spec file, checked against the contracts at its end. */
export const answered: [string, unknown][] = [];

export async function get(app: TestApp, path: string, token: string | undefined, schema?: string): Promise<Answer> {
  const response = await fetch(`${originOf(app)}/cpe-management/v0${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body: unknown = await response.json();
  // A success is checked against `schema` when one is named; every error against ErrorInfo.
  if (response.status !== 200) answered.push(['ErrorInfo', body]);
  else if (schema !== undefined) answered.push([schema, body]);
  return { status: response.status, body, link: response.headers.get('link'), etag: response.headers.get('etag') };
}

export interface Fixture {
  groupId: string;
  adminToken: string;
  customerId: string;
  siteId: string;
  gatewayId: string;
  emptySiteId: string;
  extenderId: string;
}

export async function fixture(app: TestApp): Promise<Fixture> {
  const { groupId, adminToken } = await createGroupWithAdmin(app);
  const customer = await createCustomer(app, adminToken);
  const siteId = customer.locations[0].id;
  const gateway = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId: siteId, serial: serial() }, adminToken)).claimNode;
  const extender = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId: siteId, serial: serial() }, adminToken)).claimNode;
  await app.app.get(DataSource).query(`UPDATE nodes SET mac_address = 'aa:bb:cc:00:11:22' WHERE id = '${gateway.id}'`);
  const empty = expectData(await gql<{ createLocation: { id: string } }>(app, CREATE_LOCATION, { customerId: customer.id, input: locationInput({ name: 'Cabin' }) }, adminToken));
  return { groupId, adminToken, customerId: customer.id, siteId, gatewayId: gateway.id, emptySiteId: empty.createLocation.id, extenderId: extender.id };
}

export async function tokenFor(app: TestApp, f: Fixture, scopes: string[], sensitive = false): Promise<string> {
  const client = await registerApiClient(app, f.adminToken, f.groupId, scopes, { customerId: f.customerId, justification: sensitive ? 'Reconciling our records.' : undefined });
  if (sensitive) expectData(await gql(app, `mutation ($id: ID!) { approveApiClientScopes(id: $id) { id } }`, { id: client.id }, await platformAdmin(app)));
  return clientCredentialsToken(app, client, scopes);
}

