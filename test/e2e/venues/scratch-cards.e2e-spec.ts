// Scratch cards end to end with a simulated device at a lobby: a batch puts its cards on
// the pool's VIFs and prints as CSV (passphrases for admins only); a card's period starts at
// its first use (a client connecting with it) and an extension moves its end; invalidating
// the batch takes every card off the devices and kicks its clients. Bad batches are
// refused naming the field, with nothing written.

import { DataSource } from 'typeorm';
import { SimulatedDevice } from '@lib/device-sim';
import { associateClient } from '../clients/sim-clients';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { SimHandle, startSimDevice, until, vifConfigs } from '../reconciliation/sim-device';

const CREATE_VENUE = `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const CREATE_UNIT = `mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id } }`;
const CREATE_POOL = `mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id } }`;
const CARD_FIELDS = 'id name validForMinutes invalidatedAt csv cards { keyName state passphrase firstUsedAt validUntil batchId }';
const CREATE = `mutation ($input: CreateScratchCardsInput!) { createScratchCards(input: $input) { ${CARD_FIELDS} } }`;
const EXTEND = `mutation ($id: ID!, $m: Int!) { extendScratchCards(id: $id, validForMinutes: $m) { ${CARD_FIELDS} } }`;
const INVALIDATE = `mutation ($id: ID!) { invalidateScratchCards(id: $id) { ${CARD_FIELDS} } }`;
const BATCH = `query ($id: ID!) { scratchCardBatch(id: $id) { ${CARD_FIELDS} } }`;

interface Card {
  keyName: string;
  state: string;
  passphrase: string | null;
  firstUsedAt: string | null;
  validUntil: string | null;
  batchId: string;
}
interface Batch {
  id: string;
  validForMinutes: number;
  invalidatedAt: string | null;
  csv: string | null;
  cards: Card[];
}

const psks = (device: SimulatedDevice): Record<string, string> | undefined => {
  const row = vifConfigs(device).find((r) => r.if_name === 'ctl2-ap-24');
  return row === undefined ? undefined : Object.fromEntries(row.wpa_psks as Map<string, string>);
};
const blacklist = (device: SimulatedDevice): string[] => {
  const row = vifConfigs(device).find((r) => r.if_name === 'ctl1-ap-24');
  return row?.mac_list_type === 'blacklist' && Array.isArray(row.mac_list) ? (row.mac_list as string[]) : [];
};

describeEachDatabase('scratch cards', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let groupId: string;
  let poolId: string;
  let propertyId: string;
  let sim: SimHandle;
  let lobby: SimulatedDevice;
  let batch: Batch;

  beforeAll(async () => {
    ({ adminToken: admin, groupId } = await createGroupWithAdmin(t.current));
    const property = await createCustomer(t.current, admin);
    propertyId = property.id;
    const location = property.locations[0].id;
    const venueId = expectData(await gql<{ createVenue: { id: string } }>(t.current, CREATE_VENUE, { input: { name: 'Hotel Lido', timeZone: 'Europe/Rome' } }, admin)).createVenue.id;
    expectData(await gql(t.current, CREATE_UNIT, { input: { venueId, locationId: location, name: 'Lobby', kind: 'COMMON_AREA' } }, admin));
    const input = { kind: 'GUEST', isolated: false, ssid: 'Lido Guests', securityMode: 'WPA2_PSK', passphrase: 'network passphrase', bands: ['BAND_2_4G'] };
    const networkId = expectData(await gql<{ createWifiNetwork: { id: string } }>(t.current, CREATE_NETWORK, { locationId: location, input }, admin)).createWifiNetwork.id;
    poolId = expectData(await gql<{ createKeyPool: { id: string } }>(t.current, CREATE_POOL, { input: { venueId, name: 'Guests', networkIds: [networkId] } }, admin)).createKeyPool.id;
    const serial = `SCRC${db.toUpperCase()}`;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 20 } });
    lobby = sim.device;
    expectData(await gql(t.current, CLAIM_NODE, { locationId: location, serial }, admin));
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('a batch puts its cards on the devices and prints as CSV; support sees neither passphrase nor CSV', async () => {
    batch = expectData(await gql<{ createScratchCards: Batch }>(t.current, CREATE, { input: { poolId, customerId: propertyId, name: 'Week 12', count: 3, validForMinutes: 120 } }, admin)).createScratchCards;
    expect(batch.cards.map((c) => [c.keyName, c.state, c.firstUsedAt, c.validUntil])).toEqual([
      ['key-1', 'ACTIVE', null, null],
      ['key-2', 'ACTIVE', null, null],
      ['key-3', 'ACTIVE', null, null],
    ]);
    const lines = (batch.csv ?? '').trim().split('\r\n');
    expect(lines[0]).toBe('batch,key,passphrase,valid_for_minutes');
    expect(lines.slice(1)).toEqual(batch.cards.map((c) => `"Week 12","${c.keyName}","${c.passphrase ?? ''}","120"`));
    await until('the cards on the lobby', () => JSON.stringify(psks(lobby)) === JSON.stringify(Object.fromEntries(batch.cards.map((c) => [c.keyName, c.passphrase]))));
    const support = await createSupportUser(t.current, groupId);
    const seen = expectData(await gql<{ scratchCardBatch: Batch }>(t.current, BATCH, { id: batch.id }, support.token)).scratchCardBatch;
    expect(seen.csv).toBeNull();
    expect(seen.cards.every((c) => c.passphrase === null)).toBe(true);
    expectErrorCode(await gql(t.current, INVALIDATE, { id: batch.id }, support.token), 'FORBIDDEN');
  });

  it('a card\'s period starts at its first use; an extension moves its end', async () => {
    await associateClient(lobby, { ifName: 'ctl2-ap-24', mac: 'aa:bb:cc:00:0c:02', keyId: 'key-2' });
    const used = await until('key-2 first used', async () => {
      const card = expectData(await gql<{ scratchCardBatch: Batch }>(t.current, BATCH, { id: batch.id }, admin)).scratchCardBatch.cards[1];
      return card.firstUsedAt !== null ? card : undefined;
    });
    expect(new Date(used.validUntil ?? 0).getTime() - new Date(used.firstUsedAt ?? 0).getTime()).toBe(120 * 60_000);
    const extended = expectData(await gql<{ extendScratchCards: Batch }>(t.current, EXTEND, { id: batch.id, m: 30 }, admin)).extendScratchCards;
    expect(extended.validForMinutes).toBe(30);
    expect(new Date(extended.cards[1].validUntil ?? 0).getTime() - new Date(used.firstUsedAt ?? 0).getTime()).toBe(30 * 60_000);
    expect(extended.cards[0].validUntil).toBeNull();
  });

  it('refuses bad batches naming the field, and writes nothing', async () => {
    const dataSource = t.current.app.get(DataSource);
    const count = () => dataSource.createQueryBuilder().from('personal_keys', 'k').getCount();
    const before = await count();
    const bad = expectErrorCode(await gql(t.current, CREATE, { input: { poolId, customerId: propertyId, name: '', count: 65, validForMinutes: 0 } }, admin), 'VALIDATION_FAILED');
    expect((bad.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['name', 'count', 'validForMinutes']);
    // 3 cards are there: 62 more would need 65 keys at the lobby.
    expectErrorCode(await gql(t.current, CREATE, { input: { poolId, customerId: propertyId, name: 'Too many', count: 62, validForMinutes: 60 } }, admin), 'KEY_CAPACITY_EXCEEDED');
    expect(await count()).toBe(before);
  });

  it('invalidating the batch takes every card off the devices and kicks their clients', async () => {
    const done = expectData(await gql<{ invalidateScratchCards: Batch }>(t.current, INVALIDATE, { id: batch.id }, admin)).invalidateScratchCards;
    expect(done.invalidatedAt).not.toBeNull();
    expect(done.cards.map((c) => c.state)).toEqual(['REVOKED', 'REVOKED', 'REVOKED']);
    await until('no card left on the lobby', () => psks(lobby) === undefined);
    await until('the key-2 client blocked', () => blacklist(lobby).includes('aa:bb:cc:00:0c:02'));
    expectErrorCode(await gql(t.current, INVALIDATE, { id: batch.id }, admin), 'PRECONDITION_FAILED');
  });
});
