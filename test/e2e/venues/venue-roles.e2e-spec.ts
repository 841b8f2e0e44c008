// Venue managers and residents. The role matrix: every venue query and mutation (and the
// group-level ones a venue manager must not reach) for a group admin, group support, a venue
// manager of this venue, a venue manager of another venue, a resident (their OAuth token)
// and anonymous. Then what each role sees (venues listed, passphrases, CSV, managers,
// residents' locations), assignment and its end, audit payloads without passphrases, and
// the residents' own face (/resident/v0) after signing in with their customer credentials:
// their keys only, reset, guest keys within the pool's limit, their devices only (from key
// sessions of a simulated device), rename and forget.

import { DataSource } from 'typeorm';
import * as oidc from 'openid-client';
import { SimulatedDevice } from '@lib/device-sim';
import { apiClientWithToken, oidcConfiguration, originOf, registerApiClient } from '../../support/oauth-clients';
import { associateClient } from '../clients/sim-clients';
import { Browser, expectPage, expectRedirect } from '../oauth/browser';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, gql, login, TestApp, useTestApp } from '../support';
import { USER_PASSWORD } from '../support/roles';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';

type Role = 'admin' | 'support' | 'manager' | 'otherManager' | 'resident' | 'anonymous';
const ROLES: Role[] = ['admin', 'support', 'manager', 'otherManager', 'resident', 'anonymous'];
const REDIRECT = 'http://127.0.0.1/callback';
const RESIDENT_PASSWORD = 'resident password 1';

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const CREATE_VENUE = `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const CREATE_UNIT = `mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id } }`;
const CREATE_POOL = `mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id } }`;
const ISSUE = `mutation ($input: IssuePersonalKeyInput!) { issuePersonalKey(input: $input) { id keyName passphrase } }`;
const SUSPEND = `mutation ($id: ID!) { suspendPersonalKey(id: $id) { id } }`;
const CREATE_CARDS = `mutation ($input: CreateScratchCardsInput!) { createScratchCards(input: $input) { id } }`;
const ASSIGN = `mutation ($u: ID!, $v: ID!) { assignVenueManager(userId: $u, venueId: $v) { id } }`;
const UNASSIGN = `mutation ($u: ID!, $v: ID!) { unassignVenueManager(userId: $u, venueId: $v) { id } }`;
const CREATE_RESIDENT = `mutation ($input: CreateVenueResidentInput!) { createVenueResident(input: $input) { id email } }`;
const UPDATE_POOL = `mutation ($input: UpdateKeyPoolInput!) { updateKeyPool(input: $input) { id guestKeyLimit } }`;
const VENUES = `{ venues(first: 50) { edges { node { id } } } }`;
const VENUE_PEOPLE = `query ($id: ID!) { venue(id: $id) { managers { id } residents { id locations { id } } } }`;
const KEY = `query ($id: ID!) { personalKey(id: $id) { passphrase } }`;
const BATCH = `query ($id: ID!) { scratchCardBatch(id: $id) { csv cards { passphrase } } }`;

interface Op {
  name: string;
  doc: string;
  /** Variables; called once for the refused roles and afresh for every allowed one. */
  vars: () => Promise<Record<string, unknown>>;
  /** Reads pass for group support. */
  read: boolean;
  /** VENUE_READ / VENUE_WRITE (a venue manager of another venue: NOT_FOUND), or a group-level operation (venue managers: FORBIDDEN). */
  venue: boolean;
  /** Venue operations only the group admin may do (a venue manager of the venue: FORBIDDEN). */
  adminOnly?: boolean;
}

/** What a role gets: null for an answer without errors, else the error code. */
function expected(op: Op, role: Role): string | null {
  if (role === 'resident' || role === 'anonymous') return 'UNAUTHENTICATED';
  if (role === 'admin') return null;
  if (role === 'support') return op.read ? null : 'FORBIDDEN';
  if (!op.venue || op.adminOnly) return 'FORBIDDEN';
  return role === 'manager' ? null : 'NOT_FOUND';
}

async function residentToken(app: TestApp, client: { clientId: string; clientSecret: string | null }, email: string): Promise<string> {
  const config = await oidcConfiguration(app, client);
  const browser = new Browser();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const params = { redirect_uri: REDIRECT, scope: 'resident', state, code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' };
  const first = expectPage(await browser.open(oidc.buildAuthorizationUrl(config, params).href));
  const consent = expectPage(await browser.submit(first, '/login', { email, password: RESIDENT_PASSWORD }));
  const callback = expectRedirect(await browser.submit(consent, '/confirm'));
  return (await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state })).access_token;
}

async function rest(app: TestApp, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${originOf(app)}/resident/v0${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

describeEachDatabase('venue managers and residents', (db) => {
  const t = useTestApp(db);
  const tokens = {} as Record<Role, string | undefined>;
  let groupId: string;
  let admin: string;
  let venueId: string;
  let otherVenueId: string;
  let managerId: string;
  let lobby: { locationId: string; unitId: string; networkId: string };
  let poolId: string;
  let residentA: { id: string; email: string };
  let batchId: string;
  let keyId: string;

  /** `token` undefined: anonymous. */
  const run = <T = Record<string, unknown>>(doc: string, vars: Record<string, unknown>, token: string | undefined) => gql<T>(t.current, doc, vars, token);
  const data = async <T>(doc: string, vars: Record<string, unknown>, token: string | undefined = admin): Promise<T> => expectData(await run<T>(doc, vars, token));

  /** A location of the group made a unit of `venue`, with a WPA2 network to pool. */
  async function freshUnit(venue = venueId, kind = 'UNIT'): Promise<{ locationId: string; unitId: string; networkId: string }> {
    const locationId = (await createCustomer(t.current, admin)).locations[0].id;
    const unitId = (await data<{ createVenueUnit: { id: string } }>(CREATE_UNIT, { input: { venueId: venue, locationId, name: `Unit ${locationId.slice(0, 4)}`, kind } })).createVenueUnit.id;
    const input = { kind: 'GUEST', isolated: false, ssid: 'Residents', securityMode: 'WPA2_PSK', passphrase: 'network passphrase', bands: ['BAND_2_4G'] };
    const networkId = (await data<{ createWifiNetwork: { id: string } }>(CREATE_NETWORK, { locationId, input })).createWifiNetwork.id;
    return { locationId, unitId, networkId };
  }
  const freshPool = async (): Promise<string> =>
    (await data<{ createKeyPool: { id: string } }>(CREATE_POOL, { input: { venueId, name: 'Spare', networkIds: [(await freshUnit()).networkId] } })).createKeyPool.id;
  const freshKey = async (): Promise<string> => (await data<{ issuePersonalKey: { id: string } }>(ISSUE, { input: { poolId, customerId: residentA.id } })).issuePersonalKey.id;
  const freshVenue = async (): Promise<string> => (await data<{ createVenue: { id: string } }>(CREATE_VENUE, { input: { name: 'Annex', timeZone: 'Europe/Berlin' } })).createVenue.id;
  const freshResident = async (): Promise<string> =>
    (await data<{ createVenueResident: { id: string } }>(CREATE_RESIDENT, { input: { venueId, name: 'Short stay', email: `stay-${Math.random().toString(16).slice(2)}@flat.test` } })).createVenueResident.id;

  async function venueManager(venues: string[]): Promise<{ token: string; userId: string }> {
    const email = `manager-${Math.random().toString(16).slice(2)}@tenant.test`;
    // A group admin creates venue managers of their group.
    await data(CREATE_USER, { input: { email, password: USER_PASSWORD, role: 'VENUE_MANAGER', groupIds: [groupId] } });
    const user = await login(t.current, email, USER_PASSWORD);
    for (const v of venues) await data(ASSIGN, { u: user.userId, v });
    return user;
  }

  beforeAll(async () => {
    ({ groupId, adminToken: admin } = await createGroupWithAdmin(t.current));
    tokens.admin = admin;
    tokens.support = (await createSupportUser(t.current, groupId)).token;
    venueId = (await data<{ createVenue: { id: string } }>(CREATE_VENUE, { input: { name: 'Maple Court', timeZone: 'Europe/Berlin' } })).createVenue.id;
    otherVenueId = await freshVenue();
    const manager = await venueManager([venueId]);
    managerId = manager.userId;
    tokens.manager = manager.token;
    tokens.otherManager = (await venueManager([otherVenueId])).token;
    lobby = await freshUnit(venueId, 'COMMON_AREA');
    poolId = (await data<{ createKeyPool: { id: string } }>(CREATE_POOL, { input: { venueId, name: 'Residents', networkIds: [lobby.networkId] } })).createKeyPool.id;
    // The venue manager onboards the residents and their keys.
    const create = (name: string) => data<{ createVenueResident: { id: string; email: string } }>(CREATE_RESIDENT, { input: { venueId, name, email: `${name.toLowerCase()}-${db}@flat.test`, password: RESIDENT_PASSWORD } }, tokens.manager);
    residentA = (await create('Ada')).createVenueResident;
    const residentB = (await create('Bo')).createVenueResident;
    keyId = (await data<{ issuePersonalKey: { id: string } }>(ISSUE, { input: { poolId, customerId: residentA.id, userPart: 'ada' } }, tokens.manager)).issuePersonalKey.id;
    expectData(await run(ISSUE, { input: { poolId, customerId: residentB.id } }, tokens.manager));
    batchId = (await data<{ createScratchCards: { id: string } }>(CREATE_CARDS, { input: { poolId, customerId: residentA.id, name: 'Visitors', count: 1, validForMinutes: 60 } }, tokens.manager)).createScratchCards.id;
    const residentClient = await registerApiClient(t.current, admin, groupId, ['resident'], { name: 'Maple Court app', confidential: false, redirectUris: [REDIRECT] });
    tokens.resident = await residentToken(t.current, residentClient, residentA.email);
    tokens.anonymous = undefined;
  });

  const OPS: Op[] = [
    { name: 'venue', doc: `query ($id: ID!) { venue(id: $id) { id units { id } keyPools { id } } }`, vars: async () => ({ id: venueId }), read: true, venue: true },
    { name: 'keyPool', doc: `query ($id: ID!) { keyPool(id: $id) { id networks { networkId } keys(first: 5) { totalCount } } }`, vars: async () => ({ id: poolId }), read: true, venue: true },
    { name: 'personalKey', doc: `query ($id: ID!) { personalKey(id: $id) { id state sessions { mac } } }`, vars: async () => ({ id: keyId }), read: true, venue: true },
    { name: 'scratchCardBatch', doc: `query ($id: ID!) { scratchCardBatch(id: $id) { id } }`, vars: async () => ({ id: batchId }), read: true, venue: true },
    { name: 'createVenue', doc: CREATE_VENUE, vars: async () => ({ input: { groupId, name: 'New', timeZone: 'UTC' } }), read: false, venue: true, adminOnly: true },
    { name: 'updateVenue', doc: `mutation ($input: UpdateVenueInput!) { updateVenue(input: $input) { id } }`, vars: async () => ({ input: { id: venueId, address: '1 Maple Court' } }), read: false, venue: true },
    { name: 'deleteVenue', doc: `mutation ($id: ID!) { deleteVenue(id: $id) { id } }`, vars: async () => ({ id: venueId }), read: false, venue: true, adminOnly: true },
    {
      name: 'createVenueUnit',
      doc: CREATE_UNIT,
      vars: async () => ({ input: { venueId, locationId: (await createCustomer(t.current, admin)).locations[0].id, name: 'Flat', kind: 'UNIT' } }),
      read: false,
      venue: true,
      adminOnly: true,
    },
    { name: 'updateVenueUnit', doc: `mutation ($input: UpdateVenueUnitInput!) { updateVenueUnit(input: $input) { id } }`, vars: async () => ({ input: { id: (await freshUnit()).unitId, name: 'Flat 2B' } }), read: false, venue: true },
    { name: 'deleteVenueUnit', doc: `mutation ($id: ID!) { deleteVenueUnit(id: $id) { id } }`, vars: async () => ({ id: lobby.unitId }), read: false, venue: true, adminOnly: true },
    { name: 'createKeyPool', doc: CREATE_POOL, vars: async () => ({ input: { venueId, name: 'More', networkIds: [(await freshUnit()).networkId] } }), read: false, venue: true },
    { name: 'updateKeyPool', doc: UPDATE_POOL, vars: async () => ({ input: { id: poolId, name: 'Residents' } }), read: false, venue: true },
    { name: 'addKeyPoolNetworks', doc: `mutation ($p: ID!, $n: [ID!]!) { addKeyPoolNetworks(poolId: $p, networkIds: $n) { id } }`, vars: async () => ({ p: await freshPool(), n: [(await freshUnit()).networkId] }), read: false, venue: true },
    {
      name: 'removeKeyPoolNetwork',
      doc: `mutation ($p: ID!, $n: ID!) { removeKeyPoolNetwork(poolId: $p, networkId: $n) { id } }`,
      vars: async () => {
        const unit = await freshUnit();
        const p = (await data<{ createKeyPool: { id: string } }>(CREATE_POOL, { input: { venueId, name: 'Gone', networkIds: [unit.networkId] } })).createKeyPool.id;
        return { p, n: unit.networkId };
      },
      read: false,
      venue: true,
    },
    { name: 'deleteKeyPool', doc: `mutation ($id: ID!) { deleteKeyPool(id: $id) { id } }`, vars: async () => ({ id: await freshPool() }), read: false, venue: true },
    { name: 'issuePersonalKey', doc: ISSUE, vars: async () => ({ input: { poolId, customerId: residentA.id } }), read: false, venue: true },
    { name: 'rotatePersonalKey', doc: `mutation ($id: ID!) { rotatePersonalKey(id: $id) { id } }`, vars: async () => ({ id: await freshKey() }), read: false, venue: true },
    { name: 'suspendPersonalKey', doc: SUSPEND, vars: async () => ({ id: await freshKey() }), read: false, venue: true },
    {
      name: 'resumePersonalKey',
      doc: `mutation ($id: ID!) { resumePersonalKey(id: $id) { id } }`,
      vars: async () => {
        const id = await freshKey();
        await data(SUSPEND, { id });
        return { id };
      },
      read: false,
      venue: true,
    },
    { name: 'revokePersonalKey', doc: `mutation ($id: ID!) { revokePersonalKey(id: $id) { id } }`, vars: async () => ({ id: await freshKey() }), read: false, venue: true },
    { name: 'createScratchCards', doc: CREATE_CARDS, vars: async () => ({ input: { poolId, customerId: residentA.id, name: 'More', count: 1, validForMinutes: 30 } }), read: false, venue: true },
    {
      name: 'extendScratchCards',
      doc: `mutation ($id: ID!) { extendScratchCards(id: $id, validForMinutes: 90) { id } }`,
      vars: async () => ({ id: batchId }),
      read: false,
      venue: true,
    },
    {
      name: 'invalidateScratchCards',
      doc: `mutation ($id: ID!) { invalidateScratchCards(id: $id) { id } }`,
      vars: async () => ({ id: (await data<{ createScratchCards: { id: string } }>(CREATE_CARDS, { input: { poolId, customerId: residentA.id, name: 'Void', count: 1, validForMinutes: 5 } })).createScratchCards.id }),
      read: false,
      venue: true,
    },
    { name: 'createVenueResident', doc: CREATE_RESIDENT, vars: async () => ({ input: { venueId, name: 'New', email: `new-${Math.random().toString(16).slice(2)}@flat.test` } }), read: false, venue: true },
    { name: 'removeVenueResident', doc: `mutation ($v: ID!, $c: ID!) { removeVenueResident(venueId: $v, customerId: $c) { id } }`, vars: async () => ({ v: venueId, c: await freshResident() }), read: false, venue: true },
    { name: 'createResidentPasswordLink', doc: `mutation ($v: ID!, $c: ID!) { createResidentPasswordLink(venueId: $v, customerId: $c) { expiresAt } }`, vars: async () => ({ v: venueId, c: residentA.id }), read: false, venue: true },
    { name: 'assignVenueManager', doc: ASSIGN, vars: async () => ({ u: managerId, v: await freshVenue() }), read: false, venue: true, adminOnly: true },
    {
      name: 'unassignVenueManager',
      doc: UNASSIGN,
      vars: async () => {
        const v = await freshVenue();
        await data(ASSIGN, { u: managerId, v });
        return { u: managerId, v };
      },
      read: false,
      venue: true,
      adminOnly: true,
    },
    // Group-level objects behind the venue: never a venue manager's.
    { name: 'location', doc: `query ($id: ID!) { location(id: $id) { id } }`, vars: async () => ({ id: lobby.locationId }), read: true, venue: false },
    { name: 'customer', doc: `query ($id: ID!) { customer(id: $id) { id } }`, vars: async () => ({ id: residentA.id }), read: true, venue: false },
    { name: 'setNetworkMacList', doc: `mutation ($n: ID!) { setNetworkMacList(networkId: $n, input: { mode: DENY, macs: ["aa:bb:cc:dd:ee:01"] }) { mode } }`, vars: async () => ({ n: lobby.networkId }), read: false, venue: false },
    { name: 'createCustomerPasswordLink', doc: `mutation ($c: ID!) { createCustomerPasswordLink(customerId: $c) { expiresAt } }`, vars: async () => ({ c: residentA.id }), read: false, venue: false },
  ];

  it('every venue operation x every role', async () => {
    const table: string[] = [];
    const want: string[] = [];
    // deleteVenue and deleteVenueUnit succeed for the admin: they run last, on the objects the rest used.
    const ordered = [...OPS.filter((o) => o.name !== 'deleteVenue' && o.name !== 'deleteVenueUnit'), ...OPS.filter((o) => o.name === 'deleteVenueUnit'), ...OPS.filter((o) => o.name === 'deleteVenue')];
    for (const op of ordered) {
      const refusedVars = await op.vars();
      for (const role of ROLES.filter((r) => r !== 'admin')) {
        const allowed = expected(op, role) === null;
        const res = await run(op.doc, allowed ? await op.vars() : refusedVars, tokens[role]);
        table.push(`${op.name} ${role}: ${res.errors?.[0]?.extensions?.code ?? 'ok'}`);
        want.push(`${op.name} ${role}: ${expected(op, role) ?? 'ok'}`);
      }
      const res = await run(op.doc, op.adminOnly || op.name === 'deleteVenue' ? refusedVars : await op.vars(), tokens.admin);
      table.push(`${op.name} admin: ${res.errors?.[0]?.extensions?.code ?? 'ok'}`);
      want.push(`${op.name} admin: ok`);
    }
    expect(table).toEqual(want);
  });
});

describeEachDatabase('venue managers and residents: what each one sees and does', (db) => {
  const t = useTestApp(db);
  let groupId: string;
  let admin: string;
  let support: string;
  let venueId: string;
  let otherVenueId: string;
  let manager: { token: string; userId: string };
  let otherManager: { token: string; userId: string };
  let poolId: string;
  let networkId: string;
  let locationId: string;
  let residentA: { id: string; email: string };
  let residentB: { id: string; email: string };
  let keyA: { id: string; keyName: string; passphrase: string };
  let keyB: { id: string; keyName: string; passphrase: string };
  let tokenA: string;
  let tokenB: string;
  let sim: SimHandle | undefined;
  let device: SimulatedDevice;

  const data = async <T>(doc: string, vars: Record<string, unknown>, token = admin): Promise<T> => expectData(await gql<T>(t.current, doc, vars, token));

  beforeAll(async () => {
    ({ groupId, adminToken: admin } = await createGroupWithAdmin(t.current));
    support = (await createSupportUser(t.current, groupId)).token;
    venueId = (await data<{ createVenue: { id: string } }>(CREATE_VENUE, { input: { name: 'Maple Court', timeZone: 'Europe/Berlin' } })).createVenue.id;
    otherVenueId = (await data<{ createVenue: { id: string } }>(CREATE_VENUE, { input: { name: 'Birch Hall', timeZone: 'Europe/Berlin' } })).createVenue.id;
    const makeManager = async (venue: string) => {
      const email = `manager-${Math.random().toString(16).slice(2)}@tenant.test`;
      await data(CREATE_USER, { input: { email, password: USER_PASSWORD, role: 'VENUE_MANAGER', groupIds: [groupId] } });
      const user = await login(t.current, email, USER_PASSWORD);
      await data(ASSIGN, { u: user.userId, v: venue });
      return user;
    };
    manager = await makeManager(venueId);
    otherManager = await makeManager(otherVenueId);
    const property = await createCustomer(t.current, admin);
    locationId = property.locations[0].id;
    await data(CREATE_UNIT, { input: { venueId, locationId, name: 'Lobby', kind: 'COMMON_AREA' } });
    const input = { kind: 'GUEST', isolated: false, ssid: 'Maple', securityMode: 'WPA2_PSK', passphrase: 'network passphrase', bands: ['BAND_2_4G'] };
    networkId = (await data<{ createWifiNetwork: { id: string } }>(CREATE_NETWORK, { locationId, input })).createWifiNetwork.id;
    poolId = (await data<{ createKeyPool: { id: string } }>(CREATE_POOL, { input: { venueId, name: 'Residents', networkIds: [networkId] } })).createKeyPool.id;
    const create = (name: string) => data<{ createVenueResident: { id: string; email: string } }>(CREATE_RESIDENT, { input: { venueId, name, email: `${name.toLowerCase()}-${db}@flat.test`, password: RESIDENT_PASSWORD } }, manager.token);
    residentA = (await create('Ada')).createVenueResident;
    residentB = (await create('Bo')).createVenueResident;
    keyA = (await data<{ issuePersonalKey: typeof keyA }>(ISSUE, { input: { poolId, customerId: residentA.id, userPart: 'ada' } }, manager.token)).issuePersonalKey;
    keyB = (await data<{ issuePersonalKey: typeof keyB }>(ISSUE, { input: { poolId, customerId: residentB.id } }, manager.token)).issuePersonalKey;
    const client = await registerApiClient(t.current, admin, groupId, ['resident'], { name: 'Maple Court app', confidential: false, redirectUris: [REDIRECT] });
    tokenA = await residentToken(t.current, client, residentA.email);
    tokenB = await residentToken(t.current, client, residentB.email);
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('lists each venue manager their venues only; support sees the group\'s', async () => {
    const ids = async (token: string) => (await data<{ venues: { edges: { node: { id: string } }[] } }>(VENUES, {}, token)).venues.edges.map((e) => e.node.id).sort();
    expect(await ids(manager.token)).toEqual([venueId]);
    expect(await ids(otherManager.token)).toEqual([otherVenueId]);
    expect(await ids(support)).toEqual([venueId, otherVenueId].sort());
  });

  it('passphrases: the venue\'s manager and the admin see them, support never (keys, cards, CSV)', async () => {
    expect((await data<{ personalKey: { passphrase: string | null } }>(KEY, { id: keyA.id }, manager.token)).personalKey.passphrase).toBe(keyA.passphrase);
    expect((await data<{ personalKey: { passphrase: string | null } }>(KEY, { id: keyA.id }, support)).personalKey.passphrase).toBeNull();
    const batchId = (await data<{ createScratchCards: { id: string } }>(CREATE_CARDS, { input: { poolId, customerId: residentA.id, name: 'Visitors', count: 1, validForMinutes: 60 } }, manager.token)).createScratchCards.id;
    const bySupport = (await data<{ scratchCardBatch: { csv: string | null; cards: { passphrase: string | null }[] } }>(BATCH, { id: batchId }, support)).scratchCardBatch;
    expect(bySupport).toEqual({ csv: null, cards: [{ passphrase: null }] });
    const byManager = (await data<{ scratchCardBatch: { csv: string | null; cards: { passphrase: string | null }[] } }>(BATCH, { id: batchId }, manager.token)).scratchCardBatch;
    expect(byManager.csv).toContain(byManager.cards[0].passphrase ?? 'none');
  });

  it('a venue manager sees the venue\'s residents but not their other locations, nor the managers; a key goes only to a resident', async () => {
    const byManager = (await data<{ venue: { managers: unknown; residents: { id: string; locations: unknown[] }[] } }>(VENUE_PEOPLE, { id: venueId }, manager.token)).venue;
    expect(byManager.managers).toBeNull();
    expect(byManager.residents.map((r) => r.id).sort()).toEqual([residentA.id, residentB.id].sort());
    const outsider = await createCustomer(t.current, admin);
    const refused = await gql(t.current, ISSUE, { input: { poolId, customerId: outsider.id } }, manager.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'customerId', message: 'is not a resident of the venue' }] });
    // The admin may: the customer becomes a resident, whose locations a manager still does not see.
    await data(ISSUE, { input: { poolId, customerId: outsider.id } });
    const after = (await data<{ venue: { residents: { id: string; locations: unknown[] }[] } }>(VENUE_PEOPLE, { id: venueId }, manager.token)).venue.residents;
    expect(after.find((r) => r.id === outsider.id)?.locations).toEqual([]);
    const byAdmin = (await data<{ venue: { managers: { id: string }[]; residents: { id: string; locations: unknown[] }[] } }>(VENUE_PEOPLE, { id: venueId })).venue;
    expect(byAdmin.managers.map((m) => m.id)).toEqual([manager.userId]);
    expect(byAdmin.residents.find((r) => r.id === outsider.id)?.locations).toHaveLength(1);
  });

  it('unassigning ends a manager\'s access at their next request; assignments are audited; no passphrase in any audit payload', async () => {
    const spare = await (async () => {
      const email = `manager-${Math.random().toString(16).slice(2)}@tenant.test`;
      await data(CREATE_USER, { input: { email, password: USER_PASSWORD, role: 'VENUE_MANAGER', groupIds: [groupId] } });
      return login(t.current, email, USER_PASSWORD);
    })();
    expect((await gql(t.current, `query ($id: ID!) { venue(id: $id) { id } }`, { id: venueId }, spare.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await data(ASSIGN, { u: spare.userId, v: venueId });
    expect((await data<{ venue: { id: string } }>(`query ($id: ID!) { venue(id: $id) { id } }`, { id: venueId }, spare.token)).venue.id).toBe(venueId);
    await data(UNASSIGN, { u: spare.userId, v: venueId });
    expect((await gql(t.current, `query ($id: ID!) { venue(id: $id) { id } }`, { id: venueId }, spare.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A venue manager of another group's admin does not exist for this group's admin.
    const stranger = await createGroupWithAdmin(t.current);
    expect((await gql(t.current, ASSIGN, { u: spare.userId, v: venueId }, stranger.adminToken)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const dataSource = t.current.app.get(DataSource);
    const events = await dataSource.query<{ action: string; before: string | null; after: string | null }[]>('SELECT action, before, after FROM audit_events');
    expect(events.filter((e) => e.action === 'venue.manager.assign').length).toBeGreaterThanOrEqual(3);
    expect(events.filter((e) => e.action === 'venue.manager.unassign')).toHaveLength(1);
    const keys = await dataSource.query<{ passphrase: string }[]>('SELECT passphrase FROM personal_keys');
    for (const { passphrase } of keys) for (const e of events) expect(`${e.before ?? ''}${e.after ?? ''}`).not.toContain(passphrase);
  });

  it('a resident sees and resets their own key only, and makes guest keys within the pool\'s limit', async () => {
    const own = await rest(t.current, 'GET', '/keys', tokenA);
    expect(own.status).toBe(200);
    expect(own.body).toEqual([expect.objectContaining({ id: keyA.id, keyName: keyA.keyName, passphrase: keyA.passphrase, state: 'ACTIVE', guestOfKeyId: null })]);
    const rotated = await rest(t.current, 'POST', `/keys/${keyA.id}/rotate`, tokenA);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: keyA.id, keyName: keyA.keyName });
    expect((rotated.body as { passphrase: string }).passphrase).not.toBe(keyA.passphrase);
    expect(await rest(t.current, 'POST', `/keys/${keyB.id}/rotate`, tokenA)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    // The venue manager sets the pool's limit to 1.
    await data(UPDATE_POOL, { input: { id: poolId, guestKeyLimit: 1 } }, manager.token);
    const guest = await rest(t.current, 'POST', `/keys/${keyA.id}/guest-keys`, tokenA, { validForHours: 4 });
    expect(guest.status).toBe(201);
    const view = guest.body as { guestOfKeyId: string; validUntil: string; state: string };
    expect(view).toMatchObject({ guestOfKeyId: keyA.id, state: 'ACTIVE' });
    expect(Math.round((new Date(view.validUntil).getTime() - Date.now()) / 3600_000)).toBe(4);
    expect(await rest(t.current, 'POST', `/keys/${keyA.id}/guest-keys`, tokenA, { validForHours: 4 })).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect(await rest(t.current, 'POST', `/keys/${keyB.id}/guest-keys`, tokenA, { validForHours: 4 })).toMatchObject({ status: 404 });
    // A move-out: revoking a key ends its guest keys too.
    const second = (await data<{ issuePersonalKey: { id: string } }>(ISSUE, { input: { poolId, customerId: residentA.id } }, manager.token)).issuePersonalKey.id;
    await data(UPDATE_POOL, { input: { id: poolId, guestKeyLimit: 2 } }, manager.token);
    const secondGuest = (await rest(t.current, 'POST', `/keys/${second}/guest-keys`, tokenA, { validForHours: 2 })).body as { id: string };
    expect(((await rest(t.current, 'GET', '/keys', tokenA)).body as { id: string }[]).map((k) => k.id)).toEqual(expect.arrayContaining([second, secondGuest.id]));
    await data(`mutation ($id: ID!) { revokePersonalKey(id: $id) { id } }`, { id: second }, manager.token);
    const left = ((await rest(t.current, 'GET', '/keys', tokenA)).body as { id: string }[]).map((k) => k.id);
    expect(left).not.toContain(second);
    expect(left).not.toContain(secondGuest.id);
    expect(await rest(t.current, 'POST', `/keys/${keyA.id}/guest-keys`, tokenA, { validForHours: 1000 })).toMatchObject({ status: 400 });
    expect(((await rest(t.current, 'GET', '/keys', tokenB)).body as { id: string }[]).map((k) => k.id)).toEqual([keyB.id]);
  });

  it('a resident sees only the devices of their keys; renames and forgets them; another resident\'s device does not exist for them', async () => {
    const serial = `VROL${db.toUpperCase()}`;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 20 } });
    device = sim.device;
    expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    await until('the pool network on the device', () => device.database.rows('Wifi_VIF_State').some((r) => r.if_name === 'ctl2-ap-24'));
    await associateClient(device, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:aa:01', keyId: keyA.keyName });
    await associateClient(device, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:bb:01', keyId: keyB.keyName });
    const devicesOf = async (token: string) => ((await rest(t.current, 'GET', '/devices', token)).body as { mac: string; nickname: string | null }[]) ?? [];
    const mine = await until('resident A\'s device', async () => {
      const list = await devicesOf(tokenA);
      return list.length > 0 ? list : undefined;
    });
    expect(mine.map((d) => d.mac)).toEqual(['aa:bb:cc:00:aa:01']);
    expect((await until('resident B\'s device', async () => ((await devicesOf(tokenB)).length > 0 ? devicesOf(tokenB) : undefined))).map((d) => d.mac)).toEqual(['aa:bb:cc:00:bb:01']);
    const renamed = await rest(t.current, 'PUT', `/devices/${locationId}/aa:bb:cc:00:aa:01`, tokenA, { nickname: 'Ada\'s phone' });
    expect(renamed).toMatchObject({ status: 200, body: { nickname: 'Ada\'s phone' } });
    expect(await rest(t.current, 'PUT', `/devices/${locationId}/aa:bb:cc:00:bb:01`, tokenA, { nickname: 'mine now' })).toMatchObject({ status: 404 });
    expect(await rest(t.current, 'DELETE', `/devices/${locationId}/aa:bb:cc:00:bb:01`, tokenA)).toMatchObject({ status: 404 });
    expect((await rest(t.current, 'DELETE', `/devices/${locationId}/aa:bb:cc:00:aa:01`, tokenA)).status).toBe(204);
    expect(await devicesOf(tokenA)).toEqual([]);
    expect((await devicesOf(tokenB)).map((d) => d.mac)).toEqual(['aa:bb:cc:00:bb:01']);
    // Staff still see which device used which key (B's), and support reads sessions.
    const sessions = await data<{ personalKey: { sessions: { mac: string }[] } }>(`query ($id: ID!) { personalKey(id: $id) { sessions { mac } } }`, { id: keyB.id }, support);
    expect(sessions.personalKey.sessions.map((s) => s.mac)).toEqual(['aa:bb:cc:00:bb:01']);
  });

  it('group support sees no passphrase on any path: keys, pool, cards, CSV, networks, the device\'s VIF rows', async () => {
    const everything = `query ($v: ID!, $l: ID!) {
      venue(id: $v) { keyPools { keys(first: 100) { edges { node { passphrase } } } scratchCardBatches { csv cards { passphrase } } } }
      location(id: $l) { wifiNetworks { passphrase } nodes { vifs { desired config state mismatches { column desired config state } } } }
    }`;
    const bySupport = JSON.stringify(await data(everything, { v: venueId, l: locationId }, support));
    const byAdmin = JSON.stringify(await data(everything, { v: venueId, l: locationId }));
    const secrets = (await t.current.app.get(DataSource).query<{ passphrase: string }[]>('SELECT passphrase FROM personal_keys')).map((k) => k.passphrase);
    expect(secrets.length).toBeGreaterThan(2);
    // The admin's answer carries them (the query reaches them), support's none.
    expect(secrets.filter((p) => byAdmin.includes(p)).length).toBeGreaterThan(0);
    expect(secrets.filter((p) => bySupport.includes(p))).toEqual([]);
    expect(bySupport).not.toContain('network passphrase');
  });

  it('the residents\' face wants a resident: no token, a user\'s token, a group\'s own client', async () => {
    expect((await rest(t.current, 'GET', '/keys', undefined)).status).toBe(401);
    expect((await rest(t.current, 'GET', '/keys', admin)).status).toBe(401);
    const { accessToken } = await apiClientWithToken(t.current, admin, groupId, ['resident']);
    expect(await rest(t.current, 'GET', '/keys', accessToken)).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
    // A resident's token opens nothing in GraphQL.
    expect((await gql(t.current, VENUES, {}, tokenA)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
