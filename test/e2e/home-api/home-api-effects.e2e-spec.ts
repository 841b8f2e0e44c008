// Attachment C (Table C.1), "Push to Prov", for the transactions the gateway offers: which
// only write the model and which reach the devices. A simulated OpenSync device dials the
// app unclaimed; SUBSCRIBER and SITE transactions leave it alone, CREATE MODEM with its
// serial brings the site's PRIMARY network onto it, UPDATE SITE changes nothing on it,
// DELETE MODEM and DELETE SUBSCRIBER take the network off again; UPDATE MODEM with another
// serial moves the network from the old device to the new one, DELETE SITE clears it.

import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { createGroup, platformAdmin } from '../support/roles';
import { foreignRows, ownedNames, SimHandle, startSimDevice, until, vifConfigs } from '../reconciliation/sim-device';
import { COMMON, GATEWAY_ENV, GROUP, keyOf, port, site, subscriber } from './gateway-fixtures';
import { expectedSuccess, MsoClient, transaction } from './mso-client';

const NETWORKS = `query ($id: ID!) { location(id: $id) { wifiNetworks { id ssid status { overall } } } }`;
/** Long enough for a reconcile that a DB-only transaction might have caused to reach the device. */
const SETTLE_MS = 750;

describeEachDatabase('@Home API 2.0 gateway: Attachment C effects', (db) => {
  const t = useTestApp(db, { env: GATEWAY_ENV });
  const serial = `HAC${db.toUpperCase()}01`;
  let admin: string;
  let client: MsoClient;
  let sim: SimHandle;
  let ownRows: string;

  const deviceState = () => JSON.stringify(vifConfigs(sim.device), (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));

  beforeAll(async () => {
    await createGroup(t.current, GROUP);
    admin = await platformAdmin(t.current);
    client = await MsoClient.open(port(t.current));
    sim = await startSimDevice(t.current, serial);
    ownRows = foreignRows(sim.device);
  });

  afterAll(async () => {
    client?.close();
    await sim?.stop();
  });

  it('pushes to the device exactly where Table C.1 says YES', async () => {
    const before = deviceState();
    const subscriberKey = keyOf(await client.send(subscriber('4001')), 'subscriber_key');
    const siteKey = keyOf(await client.send(site(['subscriber_key', subscriberKey], '8001')), 'site_key');
    expect(await client.send(transaction('UPDATE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', subscriberKey], ['sub_lastname', 'Leiter'], ['sub_firstname', 'Felix']]))).toBe(
      expectedSuccess('UPDATE', 'SUBSCRIBER'),
    );
    await sleep(SETTLE_MS);
    expect(deviceState()).toBe(before);

    // CREATE MODEM: YES. The site's PRIMARY network converges on the device.
    const created = await client.send(transaction('CREATE', 'MODEM', [...COMMON, ['site_key', siteKey], ['manufacturer', 'OTHER'], ['model', 'SIM'], ['serial_number', serial]]));
    expect(created).toMatch(/completion_code=0\|modem_key=/);
    const primary = expectData(await gql<{ location: { wifiNetworks: { id: string; ssid: string }[] } }>(t.current, NETWORKS, { id: siteKey }, admin)).location.wifiNetworks[0];
    await until('the PRIMARY network applied on the device', async () => {
      const nets = expectData(await gql<{ location: { wifiNetworks: { status: { overall: string } }[] } }>(t.current, NETWORKS, { id: siteKey }, admin)).location.wifiNetworks;
      return nets[0]?.status.overall === 'APPLIED';
    });
    expect(ownedNames(sim.device).length).toBeGreaterThan(0);
    expect(vifConfigs(sim.device).filter((r) => ownedNames(sim.device).includes(r.if_name as string)).every((r) => r.ssid === primary?.ssid)).toBe(true);

    // UPDATE SITE: NO.
    const converged = deviceState();
    expect(await client.send(transaction('UPDATE', 'SITE', [...COMMON, ['site_key', siteKey], ['street_number', '14'], ['street_name', 'Main']]))).toBe(expectedSuccess('UPDATE', 'SITE'));
    await sleep(SETTLE_MS);
    expect(deviceState()).toBe(converged);

    // DELETE MODEM: YES (de-provisioned).
    expect(await client.send(transaction('DELETE', 'MODEM', [...COMMON, ['modem_key', keyOf(created, 'modem_key')]]))).toBe(expectedSuccess('DELETE', 'MODEM'));
    await until('the controller VIFs removed', () => ownedNames(sim.device).length === 0);

    // DELETE SUBSCRIBER: YES, the cascade unclaims the modem again claimed to the site.
    expect(await client.send(transaction('CREATE', 'MODEM', [...COMMON, ['site_key', siteKey], ['manufacturer', 'OTHER'], ['model', 'SIM'], ['serial_number', serial]]))).toMatch(/completion_code=0/);
    await until('the PRIMARY network back on the device', () => ownedNames(sim.device).length > 0);
    expect(await client.send(transaction('DELETE', 'SUBSCRIBER', [...COMMON, ['subscriber_key', subscriberKey]]))).toBe(expectedSuccess('DELETE', 'SUBSCRIBER'));
    await until('the controller VIFs removed after the cascade', () => ownedNames(sim.device).length === 0);
    expect(foreignRows(sim.device)).toBe(ownRows);
  });

  it('moves the network to the new device on UPDATE MODEM and clears it on DELETE SITE (YES, YES)', async () => {
    const second = await startSimDevice(t.current, `HAC${db.toUpperCase()}02`);
    try {
      const subscriberKey = keyOf(await client.send(subscriber('4002')), 'subscriber_key');
      const siteKey = keyOf(await client.send(site(['subscriber_key', subscriberKey], '8002')), 'site_key');
      const created = await client.send(transaction('CREATE', 'MODEM', [...COMMON, ['site_key', siteKey], ['manufacturer', 'OTHER'], ['model', 'SIM'], ['serial_number', serial]]));
      await until('the PRIMARY network on the first device', () => ownedNames(sim.device).length > 0);

      const swap = transaction('UPDATE', 'MODEM', [...COMMON, ['modem_key', keyOf(created, 'modem_key')], ['manufacturer', 'OTHER'], ['serial_number', `HAC${db.toUpperCase()}02`]]);
      expect(await client.send(swap)).toMatch(/\|UPDATE\|MODEM\|completion_code=0\|modem_key=/);
      await until('the network on the new device', () => ownedNames(second.device).length > 0);
      await until('the old device cleared', () => ownedNames(sim.device).length === 0);

      expect(await client.send(transaction('DELETE', 'SITE', [...COMMON, ['site_key', siteKey]]))).toBe(expectedSuccess('DELETE', 'SITE'));
      await until('the new device cleared after DELETE SITE', () => ownedNames(second.device).length === 0);
      expect(foreignRows(sim.device)).toBe(ownRows);
    } finally {
      await second.stop();
    }
  });
});
