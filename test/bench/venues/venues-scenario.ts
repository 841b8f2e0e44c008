// Part "venues" (issue #21): one venue of U units (a location and a simulated gateway each;
// U = 2,000 at full size) plus U/100 common areas; a resident pool on the units' own
// networks with 2 personal keys per unit, and a guest pool of 50 keys on the common areas.
// Measured against the controller's build and the simulated fleet, as the fleet parts are:
// 1. deploy from scratch: from the first issuePersonalKey to every pool network APPLIED on
//    its node. The resident pool is on the units' networks only (a common area would have
//    to carry every resident's key, far above 64 per VIF), the guest pool on the common
//    areas;
// 2. the yearly rotation: every resident key rotated (rotatePersonalKey, 16 in flight),
//    time to every pool network APPLIED again and node-changes confirmed per second;
// 3. meanwhile, single changes (a PRIMARY passphrase of a random home, one at a time), from
//    the mutation to APPLIED: p50 and p99 while the rotation runs.
// Target: the whole rotation APPLIED in under 60 s at U = 2,000.

import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { serialFor } from '@lib/device-sim/cli/fleet-options';
import type { BenchOptions } from '../framework/bench-options';
import type { PartReport } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { waitFor } from '../framework/processes';
import { ms, percentile } from '../framework/stats';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ControllerProcess, ensureControllerBuilt } from '../fleet/controller-process';
import { fleetSkipReason } from '../fleet/fleet-availability';
import { coldStart, untilAll } from '../fleet/fleet-parts';
import { startFleet } from '../fleet/fleet-process';
import { freePort } from '../fleet/free-port';
import { GraphqlClient, mapConcurrent } from '../fleet/graphql-client';
import { seedModel, SeededHome } from '../fleet/model-seeder';
import { appliedOf, networkApplied } from '../fleet/status-poller';

const ROOT = resolve(__dirname, '../../..');
const TITLE = 'Venues: personal keys of a 2,000-unit building';
const FULL_UNITS = 2000;
const KEYS_PER_UNIT = 2;
const GUEST_KEYS = 50;
const IN_FLIGHT = 16;
const POOL_CHUNK = 200;
const LONG = 30 * 60_000;

const CREATE_VENUE = 'mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }';
const CREATE_UNIT = 'mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id } }';
const CREATE_NETWORK = 'mutation ($locationId: ID!, $input: CreateWifiNetworkInput!) { createWifiNetwork(locationId: $locationId, input: $input) { id } }';
const CREATE_POOL = 'mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id } }';
const ADD_NETWORKS = 'mutation ($poolId: ID!, $networkIds: [ID!]!) { addKeyPoolNetworks(poolId: $poolId, networkIds: $networkIds) { id } }';
const ISSUE = 'mutation ($input: IssuePersonalKeyInput!) { issuePersonalKey(input: $input) { id } }';
const ROTATE = 'mutation ($id: ID!) { rotatePersonalKey(id: $id) { id } }';
const UPDATE = 'mutation ($id: ID!, $p: String!) { updateWifiNetwork(id: $id, input: { passphrase: $p }) { id } }';

interface Building {
  units: SeededHome[];
  commons: SeededHome[];
  unitIds: string[];
  residentNetworks: string[];
  guestNetworks: string[];
  residentPool: string;
  guestPool: string;
}

async function createPool(api: GraphqlClient, venueId: string, name: string, networkIds: readonly string[]): Promise<string> {
  const pool = (await api.request<{ createKeyPool: { id: string } }>(CREATE_POOL, { input: { venueId, name, networkIds: networkIds.slice(0, POOL_CHUNK) } })).createKeyPool.id;
  for (let i = POOL_CHUNK; i < networkIds.length; i += POOL_CHUNK) await api.request(ADD_NETWORKS, { poolId: pool, networkIds: networkIds.slice(i, i + POOL_CHUNK) });
  return pool;
}

async function buildVenue(api: GraphqlClient, homes: readonly SeededHome[], unitCount: number): Promise<Building> {
  const units = homes.slice(0, unitCount);
  const commons = homes.slice(unitCount);
  const groupId = (await api.request<{ customer: { groupId: string } }>('query ($id: ID!) { customer(id: $id) { groupId } }', { id: homes[0].customerId })).customer.groupId;
  const venueId = (await api.request<{ createVenue: { id: string } }>(CREATE_VENUE, { input: { groupId, name: 'Bench Tower', timeZone: 'Europe/Berlin' } })).createVenue.id;
  const unitIds = await mapConcurrent(homes, IN_FLIGHT, async (home, i) =>
    (await api.request<{ createVenueUnit: { id: string } }>(CREATE_UNIT, { input: { venueId, locationId: home.locationId, name: `Unit ${i}`, kind: i < unitCount ? 'UNIT' : 'COMMON_AREA' } })).createVenueUnit.id,
  );
  const network = (ssid: string) => ({ kind: 'IOT', isolated: false, ssid, securityMode: 'WPA2_PSK', passphrase: 'unused network passphrase', bands: ['BAND_2_4G', 'BAND_5G'] });
  const networks = await mapConcurrent(homes, IN_FLIGHT, async (home, i) =>
    (await api.request<{ createWifiNetwork: { id: string } }>(CREATE_NETWORK, { locationId: home.locationId, input: network(i < unitCount ? 'Tower Residents' : 'Tower Guests') })).createWifiNetwork.id,
  );
  const residentNetworks = networks.slice(0, unitCount);
  const guestNetworks = networks.slice(unitCount);
  const residentPool = await createPool(api, venueId, 'Residents', residentNetworks);
  const guestPool = await createPool(api, venueId, 'Guests', guestNetworks);
  return { units, commons, unitIds: unitIds.slice(0, unitCount), residentNetworks, guestNetworks, residentPool, guestPool };
}

/** Single changes on PRIMARY networks, one at a time, until `stop()` says so. */
async function singleChangesWhile(api: GraphqlClient, homes: readonly SeededHome[], running: () => boolean): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; running(); i++) {
    const home = homes[(i * 7919) % homes.length];
    const started = performance.now();
    await api.request(UPDATE, { id: home.networkId, p: `meanwhile-${i}-passphrase` });
    await waitFor('one network APPLIED', async () => ((await networkApplied(api, home.networkId)) ? true : undefined), LONG, 2);
    timings.push(performance.now() - started);
  }
  return timings;
}

export async function runVenues(options: BenchOptions): Promise<PartReport[]> {
  const fleetMissing = fleetSkipReason(ROOT);
  if (fleetMissing) return [{ part: 'venues', title: TITLE, rows: [], notes: [], skipped: fleetMissing }];
  const unitCount = Math.min(options.devices, FULL_UNITS);
  const commonCount = Math.max(1, Math.round(unitCount / 100));
  const total = unitCount + commonCount;
  await ensureControllerBuilt(ROOT);
  const controller = await ControllerProcess.start({ root: ROOT, ovsdbPort: await freePort() });
  let fleet: ReturnType<typeof startFleet> | undefined;
  try {
    const api = new GraphqlClient(controller.url);
    await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const serials = Array.from({ length: total }, (_, i) => serialFor('SIM', i, total));
    console.log(`bench: seeding ${unitCount} units and ${commonCount} common areas`);
    const homes = await seedModel(api, serials);
    const cold = await coldStart(api, homes, () => {
      fleet = startFleet(ROOT, homes.length, controller.ovsdbPort, 0, options.dialRate);
    });
    console.log(`bench: building the venue (${total} units and common areas, 2 pools)`);
    const building = await buildVenue(api, homes, unitCount);
    const poolNetworks = [...building.residentNetworks, ...building.guestNetworks];

    const deployStarted = performance.now();
    const residentKeys = await mapConcurrent(Array.from({ length: unitCount * KEYS_PER_UNIT }, (_, k) => k), IN_FLIGHT, async (k) => {
      const u = Math.floor(k / KEYS_PER_UNIT);
      return (await api.request<{ issuePersonalKey: { id: string } }>(ISSUE, { input: { poolId: building.residentPool, customerId: building.units[u].customerId, unitId: building.unitIds[u] } })).issuePersonalKey.id;
    });
    await mapConcurrent(Array.from({ length: GUEST_KEYS }, (_, k) => k), IN_FLIGHT, (k) =>
      api.request(ISSUE, { input: { poolId: building.guestPool, customerId: building.commons[k % building.commons.length].customerId, validUntil: new Date(Date.now() + 24 * 3600_000).toISOString() } }),
    );
    const issuedS = (performance.now() - deployStarted) / 1000;
    const deployedS = ((await untilAll('pool networks APPLIED', poolNetworks, (ids) => appliedOf(api, ids))) - deployStarted) / 1000;

    let rotating = true;
    const meanwhile = singleChangesWhile(api, building.commons.length > 0 ? [...building.units, ...building.commons] : building.units, () => rotating);
    const rotationStarted = performance.now();
    await mapConcurrent(residentKeys, IN_FLIGHT, (id) => api.request(ROTATE, { id }));
    const rotatedS = (performance.now() - rotationStarted) / 1000;
    const appliedS = ((await untilAll('pool networks APPLIED after the rotation', building.residentNetworks, (ids) => appliedOf(api, ids))) - rotationStarted) / 1000;
    rotating = false;
    const singles = await meanwhile;
    return [
      {
        part: 'venues',
        title: TITLE,
        rows: [
          ...cold,
          { metric: `${residentKeys.length.toLocaleString('en')} resident and ${GUEST_KEYS} guest keys issued (mutations answered)`, value: `${issuedS.toFixed(1)} s` },
          { metric: `deploy from scratch: ${poolNetworks.length.toLocaleString('en')} pool networks APPLIED`, value: `${deployedS.toFixed(1)} s` },
          { metric: `rotation of every resident key: mutations answered`, value: `${rotatedS.toFixed(1)} s` },
          { metric: 'rotation: every resident network APPLIED again', value: `${appliedS.toFixed(1)} s`, target: '< 60 s', verdict: verdict(appliedS < 60) },
          { metric: 'rotation: confirmed node-changes per second (unit nodes / time)', value: (unitCount / appliedS).toFixed(0) },
          { metric: `single change meanwhile, ${singles.length} changes, p50`, value: singles.length > 0 ? ms(percentile(singles, 50)) : 'n/a' },
          { metric: 'single change meanwhile, p99', value: singles.length > 0 ? ms(percentile(singles, 99)) : 'n/a' },
        ],
        notes: [
          `${unitCount.toLocaleString('en')} units and ${commonCount} common areas, each a customer with a location, a PRIMARY network and one simulated device (apply delay 0 ms); every unit and common area a unit of one venue; a 2.4 + 5 GHz pool network per location.`,
          `Resident pool on the units' networks (${KEYS_PER_UNIT} keys per unit, each with its unit), guest pool on the common areas (${GUEST_KEYS} keys without a unit, 24 h windows). Mutations ${IN_FLIGHT} in flight; status read by polling wifiNetwork.status as in the fleet parts.`,
          'Single changes meanwhile: a PRIMARY passphrase of a home, one at a time, from the mutation to the first poll (every 2 ms) that sees APPLIED, while the rotation is applied.',
          'Controller and fleet on the same 2 cores; SQLite.',
        ],
      },
    ];
  } catch (err) {
    // fetch's own message ("fetch failed") hides the reason in its cause: name it.
    const cause = err instanceof Error && err.cause !== undefined ? ` (${err.cause instanceof Error ? err.cause.message : String(err.cause)})` : '';
    throw new Error(`${err instanceof Error ? err.message : String(err)}${cause}\ncontroller log:\n${controller.logTail}`);
  } finally {
    await fleet?.stop();
    await controller.stop();
  }
}
