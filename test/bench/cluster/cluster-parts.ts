// The measurements of the cluster part, in the order it runs them. Convergence read through
// the API is polled on ctl-1 (which also runs the redirector); a change reaching the
// devices is read on the devices' side (the fleet process reports when each device's
// Wifi_VIF_State carries the new SSID), because an instance's status for a node held
// elsewhere is the last result the holder relayed: right after a mutation it still reads
// the previous APPLIED until the holder's pass reports again.

import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import type { BenchRow } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { waitFor } from '../framework/processes';
import { ms, percentile } from '../framework/stats';
import { untilAll } from '../fleet/fleet-parts';
import { GraphqlClient, mapConcurrent } from '../fleet/graphql-client';
import type { SeededHome } from '../fleet/model-seeder';
import { appliedOf, connectedOf } from '../fleet/status-poller';
import { disagreements, ownership, spread } from './cluster-checks';
import type { ClusterFleet } from './cluster-fleet';
import { wallClock } from './cluster-fleet';
import { heldTwice } from './cluster-instances';
import type { ClusterInstance } from './cluster-instances';

const UPDATE_SSID = 'mutation ($id: ID!, $s: String!) { updateWifiNetwork(id: $id, input: { ssid: $s }) { id } }';
const UPDATE_MANY = 'mutation ($input: UpdateWifiNetworksInput!) { updateWifiNetworks(input: $input) { id } }';
export const FLEET_CHANGE_BATCH = 500;
export const FLEET_CHANGE_IN_FLIGHT = 4;

export interface ClusterRun {
  pg: Client;
  fleet: ClusterFleet;
  instances: ClusterInstance[];
  homes: readonly SeededHome[];
  /** GraphQL on each instance, by id, logged in. */
  api: Map<string, GraphqlClient>;
  /** Scales every wait with the fleet's size. */
  timeoutMs: number;
}

const first = (run: ClusterRun): GraphqlClient => run.api.get(run.instances[0].id)!;
const seconds = (fromWallMs: number, toWallMs: number): string => `${((toWallMs - fromWallMs) / 1000).toFixed(1)} s`;
/** untilAll's time (performance.now) as wall-clock ms. */
const wall = (perfNow: number): number => performance.timeOrigin + perfNow;

/** Until the three accounts agree; the disagreements left when `timeoutMs` ran out. */
export async function untilSettled(run: ClusterRun, timeoutMs: number): Promise<string[]> {
  const serials = run.homes.map((h) => h.serial);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problems = await disagreements(run.pg, run.fleet, run.instances, serials);
    if (problems.length === 0 || Date.now() > deadline) return problems;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function settledRow(what: string, problems: readonly string[]): BenchRow {
  const value = problems.length === 0 ? 'agree' : `${problems.length} disagreement(s), e.g. ${problems.slice(0, 3).join('; ')}`;
  return { metric: `${what}: ownership rows, the devices' connections and each instance's log`, value, target: 'agree', verdict: verdict(problems.length === 0) };
}

/** `started`: wall-clock ms just before the fleet process was started. */
export async function coldStart(run: ClusterRun, started: number): Promise<BenchRow[]> {
  const connectedAt = wall(await untilAll('nodes connected', run.homes.map((h) => h.nodeId), (ids) => connectedOf(first(run), ids)));
  const appliedAt = wall(await untilAll('networks APPLIED', run.homes.map((h) => h.networkId), (ids) => appliedOf(first(run), ids)));
  const problems = await untilSettled(run, run.timeoutMs);
  return [
    { metric: `${run.homes.length} devices through the redirector: all nodes connected`, value: seconds(started, connectedAt) },
    { metric: 'all networks APPLIED (read on ctl-1)', value: seconds(started, appliedAt) },
    { metric: 'devices per instance', value: spread(await ownership(run.pg), run.instances) },
    settledRow('after the cold start', problems),
  ];
}

export async function fleetChange(run: ClusterRun): Promise<BenchRow[]> {
  const api = first(run);
  const ssid = (i: number): string => `fleet-change-${i}`;
  const batches: Array<Array<{ home: SeededHome; i: number }>> = [];
  for (let i = 0; i < run.homes.length; i += FLEET_CHANGE_BATCH) batches.push(run.homes.slice(i, i + FLEET_CHANGE_BATCH).map((home, j) => ({ home, i: i + j })));
  let answeredAt = 0;
  const { startedAt, lastAt } = await run.fleet.appliedAfter(
    run.homes.map((h, i) => [h.serial, ssid(i)]),
    async () => {
      await mapConcurrent(batches, FLEET_CHANGE_IN_FLIGHT, (batch) => api.request(UPDATE_MANY, { input: { changes: batch.map(({ home, i }) => ({ id: home.networkId, input: { ssid: ssid(i) } })) } }));
      answeredAt = wallClock();
    },
  );
  const appliedAt = wall(await untilAll('networks APPLIED after the change', run.homes.map((h) => h.networkId), (ids) => appliedOf(api, ids)));
  return [
    { metric: `SSID of ${run.homes.length} networks changed on ctl-1 (updateWifiNetworks): all mutations answered`, value: seconds(startedAt, answeredAt) },
    { metric: 'the new SSID applied on every device', value: seconds(startedAt, lastAt) },
    { metric: 'confirmed device changes per second', value: (run.homes.length / ((lastAt - startedAt) / 1000)).toFixed(0) },
    { metric: 'all networks APPLIED again (read on ctl-1, polled from when every device had applied)', value: seconds(startedAt, appliedAt) },
  ];
}

/** Single changes, one at a time, alternately sent to an instance that does not hold the device and to its holder. */
interface SingleChange {
  /** To the change applied on the device. */
  total: number;
  /** To the mutation's answer. */
  answered: number;
  /** To the holder's log line of its transact (read by this process as the holder wrote it). */
  sent: number;
}

function breakdown(samples: readonly SingleChange[]): string {
  const at = (key: keyof SingleChange, p: number): string => ms(percentile(samples.map((s) => s[key]), p));
  return `mutation answered ${at('answered', 50)} / ${at('answered', 99)}, holder's transact sent ${at('sent', 50)} / ${at('sent', 99)}`;
}

/** Single changes, one at a time, alternately sent to an instance that does not hold the device and to its holder. */
export async function singleChanges(run: ClusterRun, changes: number): Promise<BenchRow[]> {
  const owners = await ownership(run.pg);
  const cross: SingleChange[] = [];
  const holder: SingleChange[] = [];
  for (let i = 0; i < changes; i++) {
    const home = run.homes[(i * 7919) % run.homes.length];
    const holderId = owners.get(home.serial);
    const holds = run.instances.find((x) => x.id === holderId);
    const others = run.instances.filter((x) => x.id !== holderId);
    const toHolder = i % 2 === 1;
    const via = toHolder ? holds : others[Math.floor(i / 2) % others.length];
    if (via === undefined || holds === undefined) throw new Error(`${home.serial} is held by no instance of the run (${holderId ?? 'none'})`);
    const ssid = `single-${i}`;
    let answeredAt = Number.NaN;
    const { startedAt, lastAt } = await run.fleet.appliedAfter([[home.serial, ssid]], async () => {
      await run.api.get(via.id)!.request(UPDATE_SSID, { id: home.networkId, s: ssid });
      answeredAt = wallClock();
    });
    // The holder's log line may be read after the device reported: wait for it briefly.
    const sentAt = await waitFor('the holder\'s transact line', () => ((holds.log.sentAt.get(home.serial) ?? 0) >= startedAt ? holds.log.sentAt.get(home.serial) : undefined), 5000, 5).catch(() => Number.NaN);
    (toHolder ? holder : cross).push({ total: lastAt - startedAt, answered: answeredAt - startedAt, sent: sentAt - startedAt });
  }
  const total = (samples: readonly SingleChange[], p: number): number => percentile(samples.map((s) => s.total), p);
  const p99 = total(cross, 99);
  return [
    { metric: `mutation sent to an instance that does not hold the device, to the change applied on the device: p50 (${cross.length} changes)`, value: ms(total(cross, 50)) },
    { metric: 'the same, p99', value: ms(p99), target: '< 100 ms', verdict: verdict(p99 < 100) },
    { metric: 'the same, p50 / p99 of its steps from sending the mutation', value: breakdown(cross) },
    { metric: `mutation sent to the device's holder, for comparison: p50 / p99 (${holder.length} changes)`, value: `${ms(total(holder, 50))} / ${ms(total(holder, 99))}` },
    { metric: 'the same, p50 / p99 of its steps', value: breakdown(holder) },
  ];
}

/** kill -9 of `victim`; until its devices are held by survivors and every network is APPLIED again. */
export async function killOne(run: ClusterRun, victim: ClusterInstance, leaseMs: number): Promise<BenchRow[]> {
  const owners = await ownership(run.pg);
  const orphans = [...owners.values()].filter((id) => id === victim.id).length;
  const survivors = run.instances.filter((i) => i !== victim);
  const observer = survivors[0];
  const lapsed = run.instances.map((i) => `${i.id} ${i.log.leasesLost}`).join(', ');
  const lapsedCount = run.instances.reduce((n, i) => n + i.log.leasesLost, 0);
  const killedAt = wallClock();
  victim.controller.child.kill('SIGKILL');
  victim.alive = false;
  // Meanwhile, every 500 ms: does any device appear in two survivors' own accounts at once?
  let samples = 0;
  let twice = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples++;
      twice = Math.max(twice, heldTwice(survivors).length);
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  try {
    const addresses = new Set(survivors.map((i) => i.deviceAddress));
    const forgotAt = await waitFor(`${observer.id} to drop ${victim.id}'s results`, () => ((observer.log.forgot.get(victim.id) ?? 0) > killedAt ? observer.log.forgot.get(victim.id) : undefined), run.timeoutMs, 50);
    const heldAt = await waitFor('every device connected to a survivor', async () => {
      const where = await run.fleet.where();
      return [...where.values()].every((a) => a !== null && addresses.has(a)) ? wallClock() : undefined;
    }, run.timeoutMs, 250);
    const appliedAt = wall(await untilAll('networks APPLIED after the kill', run.homes.map((h) => h.networkId), (ids) => appliedOf(first(run), ids)));
    sampling = false;
    await sampler;
    const problems = await untilSettled(run, run.timeoutMs);
    const recovery = (appliedAt - killedAt) / 1000;
    return [
      { metric: "leases that ran out before the kill, by instance (each closes that instance's sessions: its devices move)", value: lapsed, target: '0', verdict: verdict(lapsedCount === 0) },
      { metric: `kill -9 of ${victim.id} (held ${orphans} devices): its lease ran out, ${observer.id} dropped its results`, value: seconds(killedAt, forgotAt) },
      { metric: 'every device connected to a survivor', value: seconds(killedAt, heldAt) },
      { metric: `every network APPLIED again (read on ${observer.id})`, value: `${recovery.toFixed(1)} s`, target: '<= 60 s', verdict: verdict(recovery <= 60) },
      { metric: `devices held by two instances at once (the survivors' own logs, ${samples} samples every 0.5 s until all APPLIED)`, value: String(twice), target: '0', verdict: verdict(twice === 0) },
      { metric: 'devices per survivor', value: spread(await ownership(run.pg), survivors) },
      settledRow('after the recovery', problems),
      { metric: 'lease (CLUSTER_LEASE_MS)', value: `${leaseMs} ms` },
    ];
  } finally {
    sampling = false;
    await sampler;
  }
}
