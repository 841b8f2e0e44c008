// Parts 1-4 against a running controller and fleet. Convergence is what the controller
// reports (wifiNetwork.status), read by polling; timings include up to one poll interval.

import { performance } from 'node:perf_hooks';
import type { BenchRow } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { waitFor } from '../framework/processes';
import { ms, percentile } from '../framework/stats';
import type { ControllerProcess } from './controller-process';
import type { GraphqlClient } from './graphql-client';
import { mapConcurrent } from './graphql-client';
import type { SeededHome } from './model-seeder';
import { appliedOf, connectedOf, networkApplied } from './status-poller';
import { TransactLog, wallClock } from './transact-log';

const UPDATE = 'mutation ($id: ID!, $p: String!) { updateWifiNetwork(id: $id, input: { passphrase: $p }) { id } }';
const UPDATE_MANY = 'mutation ($input: UpdateWifiNetworksInput!) { updateWifiNetworks(input: $input) { id } }';
const LONG = 30 * 60_000;
const POLL_MS = 500;
const POLL_WINDOW = 1000;
/** Networks per updateWifiNetworks request in part 2, and requests in flight. */
export const FLEET_CHANGE_BATCH = 500;
export const FLEET_CHANGE_IN_FLIGHT = 4;

/**
 * Until `doneOf` holds for every id; returns the time (performance.now) at the end of the
 * poll that saw the last of them done, once one poll of all of them confirms it. Each poll
 * reads POLL_WINDOW of the ids not yet seen done, oldest first (the order in which they
 * were changed, so the order in which they finish), and reads on while whole windows are
 * done: reading all 10,000 statuses costs the controller the better part of a second, and
 * reading them all every 500 ms would measure the poller more than the work.
 */
export async function untilAll(what: string, ids: readonly string[], doneOf: (ids: readonly string[]) => Promise<Set<string>>): Promise<number> {
  let pending = [...ids];
  let last = -1;
  let allSeenAt = 0;
  await waitFor(what, async () => {
    // A window found all done suggests the next is too: read on without pausing.
    while (pending.length > 0) {
      const window = pending.slice(0, POLL_WINDOW);
      const done = await doneOf(window);
      pending = pending.filter((id) => !done.has(id));
      allSeenAt = performance.now();
      if (done.size < window.length) break;
    }
    if (pending.length === 0) {
      // One seen done earlier may have fallen back since (a reconnect): only all at once counts.
      const all = await doneOf(ids);
      if (all.size === ids.length) return true;
      pending = ids.filter((id) => !all.has(id));
    }
    const n = ids.length - pending.length;
    if (n !== last) console.log(`bench: ${what}: ${n}/${ids.length}`);
    last = n;
    return undefined;
  }, LONG, POLL_MS);
  return allSeenAt;
}

export async function coldStart(api: GraphqlClient, homes: readonly SeededHome[], startFleet: () => void): Promise<BenchRow[]> {
  const started = performance.now();
  startFleet();
  const identifiedS = ((await untilAll('nodes identified', homes.map((h) => h.nodeId), (ids) => connectedOf(api, ids))) - started) / 1000;
  const appliedS = ((await untilAll('networks APPLIED', homes.map((h) => h.networkId), (ids) => appliedOf(api, ids))) - started) / 1000;
  return [
    { metric: `${homes.length} devices connect: all identified`, value: `${identifiedS.toFixed(1)} s` },
    { metric: 'all networks APPLIED on every node', value: `${appliedS.toFixed(1)} s`, target: '<= 60 s', verdict: verdict(appliedS <= 60) },
  ];
}

export async function fleetChange(api: GraphqlClient, homes: readonly SeededHome[]): Promise<BenchRow[]> {
  const started = performance.now();
  const batches: SeededHome[][] = [];
  for (let i = 0; i < homes.length; i += FLEET_CHANGE_BATCH) batches.push(homes.slice(i, i + FLEET_CHANGE_BATCH));
  await mapConcurrent(batches, FLEET_CHANGE_IN_FLIGHT, (batch, b) =>
    api.request(UPDATE_MANY, {
      input: { changes: batch.map((h, i) => ({ id: h.networkId, input: { passphrase: `fleet-change-${b}-${i}-pass` } })) },
    }),
  );
  const committedS = (performance.now() - started) / 1000;
  const appliedS = ((await untilAll('networks APPLIED after the change', homes.map((h) => h.networkId), (ids) => appliedOf(api, ids))) - started) / 1000;
  return [
    { metric: `passphrase of ${homes.length} primary networks: all mutations answered`, value: `${committedS.toFixed(1)} s` },
    { metric: 'all nodes APPLIED again', value: `${appliedS.toFixed(1)} s`, target: '<= 15 s', verdict: verdict(appliedS <= 15) },
    { metric: 'confirmed node-transactions per second', value: (homes.length / appliedS).toFixed(0) },
  ];
}

/**
 * Changes one at a time on different nodes, each timed from sending the mutation to the first
 * poll that reads APPLIED. Given the controller's log (`transacts`), also to the moment it
 * logged the device's transact: the controller's own share, apart from the device's answer.
 */
export async function singleChanges(api: GraphqlClient, homes: readonly SeededHome[], changes: number, transacts?: TransactLog): Promise<BenchRow[]> {
  const timings: number[] = [];
  const sent: number[] = [];
  for (let i = 0; i < changes; i++) {
    const home = homes[(i * 7919) % homes.length];
    const started = wallClock();
    await api.request(UPDATE, { id: home.networkId, p: `single-change-${i}-pass` });
    await waitFor('one network APPLIED', async () => ((await networkApplied(api, home.networkId)) ? true : undefined), LONG, 2);
    timings.push(wallClock() - started);
    if (transacts !== undefined) sent.push(await transactSentAfter(transacts, home.serial, started));
  }
  const p50 = percentile(timings, 50);
  const p99 = percentile(timings, 99);
  const rows: BenchRow[] = [
    { metric: `mutation to APPLIED, ${timings.length} changes, p50`, value: ms(p50), target: '<= 20 ms', verdict: verdict(p50 <= 20) },
    { metric: 'mutation to APPLIED, p99', value: ms(p99), target: '<= 100 ms', verdict: verdict(p99 <= 100) },
  ];
  if (transacts !== undefined) rows.push(controllerShareRow(sent));
  return rows;
}

/** When the controller logged the transact of `serial`'s change started at `started` (wallClock), from then; NaN if not read within 5 s. */
export function transactSentAfter(transacts: TransactLog, serial: string, started: number): Promise<number> {
  // The log line may be read after the status: wait for it briefly.
  return waitFor("the controller's transact line", () => ((transacts.sentAt.get(serial) ?? 0) >= started ? transacts.sentAt.get(serial) : undefined), 5000, 5)
    .then((sentAt) => sentAt - started)
    .catch(() => Number.NaN);
}

/** The controller's share of single changes: mutation to its transact's log line, p50 / p99. */
export function controllerShareRow(sent: readonly number[]): BenchRow {
  const found = sent.filter((t) => Number.isFinite(t));
  const missing = sent.length - found.length;
  return {
    metric: "mutation to the controller's transact (its log line), p50 / p99: the controller's share",
    value: `${ms(percentile(found, 50))} / ${ms(percentile(found, 99))}${missing > 0 ? ` (${missing} lines not read)` : ''}`,
  };
}

export async function idleCost(controller: ControllerProcess, devices: number, baselineRss: number, durationS: number): Promise<BenchRow[]> {
  const before = controller.usage();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, durationS * 1000));
  const after = controller.usage();
  const cpu = ((after.cpuSeconds - before.cpuSeconds) / ((performance.now() - started) / 1000)) * 100;
  const perDevice = (after.rssBytes - baselineRss) / devices / 1024;
  return [
    { metric: 'controller RSS per connected device (over the RSS before the fleet)', value: `${perDevice.toFixed(1)} KB`, target: '<= 100 KB', verdict: verdict(perDevice <= 100) },
    { metric: 'controller RSS, total', value: `${(after.rssBytes / 2 ** 20).toFixed(0)} MiB` },
    { metric: `controller CPU, ${durationS} s idle`, value: `${cpu.toFixed(1)} % of a core`, target: '< 10 %', verdict: verdict(cpu < 10) },
  ];
}
