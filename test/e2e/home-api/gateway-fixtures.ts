// What the gateway e2e specs share: the MSO's configuration, transactions built the way the
// document shows them, and GraphQL reads of what they create.

import { HomeApiListenerService } from '../../../src/apis/home-api/home-api-listener.service';
import { TestApp } from '../support';
import { transaction } from './mso-client';

export const MSO = 'ACME';
export const GROUP = 'acme-cable-home-api';
export const DATE = '19980131203045';
export const COMMON: [string, string][] = [
  ['create_date', DATE],
  ['mso_name', MSO],
];
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const CUSTOMER = `query ($id: ID!) { customer(id: $id) { id name email accountId status locations { id name serviceId timezone address { street city postalCode country } } } }`;
export const CUSTOMER_BY_ACCOUNT = `query ($accountId: String!, $groupId: ID) { customerByAccountId(accountId: $accountId, groupId: $groupId) { id status } }`;
export const NETWORKS = `query ($id: ID!) { location(id: $id) { wifiNetworks { kind ssid securityMode } } }`;
export const CLAIM = `mutation ($locationId: ID!, $serial: String!) { claimNode(locationId: $locationId, serial: $serial) { id } }`;
export const COMPUTERS = `query ($id: ID!) { location(id: $id) { homeApiComputers { id cpeDnsName macAddress os preProvisioned } } }`;
export const NODE = `query ($serial: String!) { nodeBySerial(serial: $serial) { id locationId model macAddress externalKey } }`;

export interface CustomerView {
  id: string;
  name: string;
  email: string | null;
  accountId: string;
  status: string;
  locations: { id: string; name: string; serviceId: string | null; timezone: string; address: Record<string, string | null> }[];
}

export function port(app: TestApp): number {
  const bound = app.app.get(HomeApiListenerService).port;
  if (bound === undefined) throw new Error('the gateway is not listening');
  return bound;
}

/** A frame whose body is not ASCII, its length counted in bytes. */
export function withLength(body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(String(body.length).padStart(4, '0'), 'latin1'), body]);
}

export function keyOf(answer: string, name: string): string {
  const m = new RegExp(`\\|${name}=(${UUID})\\|`).exec(answer);
  if (m === null) throw new Error(`no ${name} in ${JSON.stringify(answer)}`);
  return m[1] as string;
}

export const subscriber = (msoKey: string, extra: [string, string][] = []) =>
  transaction('CREATE', 'SUBSCRIBER', [...COMMON, ['sub_lastname', 'Bond'], ['sub_firstname', 'James'], ['mso_subscriber_key', msoKey], ['other_email', `j${msoKey}@mso.test`], ...extra]);

export const site = (keyField: [string, string], msoSiteKey: string) =>
  transaction('CREATE', 'SITE', [
    ...COMMON,
    keyField,
    ['mso_site_key', msoSiteKey],
    ['street_number', '12'],
    ['street_name', 'Main'],
    ['street_designator', 'St'],
    ['city', 'Norwalk'],
    ['state', 'CT'],
    ['postcode', '06850'],
    ['country', 'us'],
    ['head_end', 'NORWALK1'],
    ['oe_node', 'NODE-1'],
  ]);

/** The app's HOME_API_* settings: the MSO is recognised by its loopback source address. */
export const GATEWAY_ENV = {
  HOME_API_LISTEN: '127.0.0.1:0',
  HOME_API_MSOS: `${MSO}=${GROUP}`,
  HOME_API_MSO_ADDRESSES: `${MSO}=127.0.0.1`,
  HOME_API_MAX_TRANSACTION_BYTES: '512',
  HOME_API_TIMEZONE: 'America/New_York',
};
