// Part 7: reboot the fleet as one device operation in waves of 1,000 (each simulated
// device down for 5 s), timed until every node is SUCCEEDED, with the controller's CPU and
// peak RSS, while single changes keep being made on nodes outside the rollout (the fleet
// keeps working). Progress is read as the operation's per-state counts.

import { performance } from 'node:perf_hooks';
import type { BenchRow } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { waitFor } from '../framework/processes';
import { ms, percentile } from '../framework/stats';
import type { ControllerProcess } from './controller-process';
import type { GraphqlClient } from './graphql-client';
import type { SeededHome } from './model-seeder';
import { controllerShareRow, transactSentAfter } from './fleet-parts';
import { TransactLog, wallClock } from './transact-log';
import { networkApplied } from './status-poller';

export const REBOOT_WAVE = 1000;
/**
 * Node ids per createRebootOperation: one request body is limited to 100 KiB (about 2,500
 * ids), so a rollout over an explicit list of 8,000 nodes is several operations whose waves
 * add up to REBOOT_WAVE in flight. (A whole group is one operation with the groupId target;
 * the bench keeps some nodes out of the rollout for the single changes.)
 */
const IDS_PER_OPERATION = 2000;
export const REBOOT_BOOT_TIME_MS = 5000;
const CREATE = 'mutation ($input: CreateRebootInput!) { createRebootOperation(input: $input) { id } }';
const PROGRESS = 'query ($id: ID!) { deviceOperation(id: $id) { state progress { state count } } }';
const UPDATE = 'mutation ($id: ID!, $p: String!) { updateWifiNetwork(id: $id, input: { passphrase: $p }) { id } }';

export async function rebootRollout(api: GraphqlClient, controller: ControllerProcess, homes: readonly SeededHome[], spared: number, transacts: TransactLog): Promise<{ rows: BenchRow[]; notes: string[] }> {
  // Homes kept out of the rollout take the single changes measured meanwhile.
  const keep = Math.min(spared, Math.floor(homes.length / 5));
  const rebooted = homes.slice(0, homes.length - keep);
  const others = homes.slice(homes.length - keep);
  const before = controller.usage();
  let peakRss = before.rssBytes;
  const started = performance.now();
  const parts: SeededHome[][] = [];
  for (let i = 0; i < rebooted.length; i += IDS_PER_OPERATION) parts.push(rebooted.slice(i, i + IDS_PER_OPERATION));
  const waveSize = Math.max(1, Math.floor(REBOOT_WAVE / parts.length));
  const ops: string[] = [];
  for (const part of parts) {
    const { createRebootOperation: op } = await api.request<{ createRebootOperation: { id: string } }>(CREATE, {
      input: { targets: { nodeIds: part.map((h) => h.nodeId) }, waveSize },
    });
    ops.push(op.id);
  }
  let done = false;
  let last = '';
  const finished = waitFor(
    'every node SUCCEEDED',
    async () => {
      peakRss = Math.max(peakRss, controller.usage().rssBytes);
      const counts = new Map<string, number>();
      let completed = 0;
      for (const id of ops) {
        const { deviceOperation: read } = await api.request<{ deviceOperation: { state: string; progress: { state: string; count: number }[] } }>(PROGRESS, { id });
        for (const p of read.progress) counts.set(p.state, (counts.get(p.state) ?? 0) + p.count);
        if (read.state === 'COMPLETED') completed++;
      }
      const progress = [...counts].map(([state, count]) => ({ state, count }));
      const line = progress.map((p) => `${p.state} ${p.count}`).join(', ');
      if (line !== last) console.log(`bench: reboot rollout: ${line}`);
      last = line;
      return completed === ops.length ? progress : undefined;
    },
    30 * 60_000,
    1000,
  ).finally(() => {
    done = true;
  });
  const timings: number[] = [];
  const sent: number[] = [];
  for (let i = 0; !done && others.length > 0; i++) {
    const home = others[i % others.length];
    const t0 = wallClock();
    await api.request(UPDATE, { id: home.networkId, p: `rollout-change-${i}-pass` });
    await waitFor('one network APPLIED', async () => ((await networkApplied(api, home.networkId)) ? true : undefined), 60_000, 2);
    timings.push(wallClock() - t0);
    sent.push(await transactSentAfter(transacts, home.serial, t0));
  }
  const progress = await finished;
  const elapsedS = (performance.now() - started) / 1000;
  const after = controller.usage();
  const succeeded = progress.find((p) => p.state === 'SUCCEEDED')?.count ?? 0;
  const p99 = timings.length > 0 ? percentile(timings, 99) : NaN;
  return {
    rows: [
      { metric: `reboot ${rebooted.length} nodes in waves of ${REBOOT_WAVE}: all SUCCEEDED`, value: `${elapsedS.toFixed(1)} s`, target: '<= 180 s', verdict: verdict(elapsedS <= 180) },
      { metric: 'nodes SUCCEEDED / covered', value: `${succeeded} / ${rebooted.length}`, target: 'all', verdict: verdict(succeeded === rebooted.length) },
      { metric: `single change to APPLIED during the rollout, ${timings.length} changes, p99`, value: Number.isNaN(p99) ? 'n/a' : ms(p99), target: '<= 100 ms', verdict: Number.isNaN(p99) ? 'n/a' : verdict(p99 <= 100) },
      { metric: 'the same, p50', value: timings.length > 0 ? ms(percentile(timings, 50)) : 'n/a' },
      { ...controllerShareRow(sent), metric: `during the rollout: ${controllerShareRow(sent).metric}` },
      { metric: 'controller CPU during the rollout', value: `${(((after.cpuSeconds - before.cpuSeconds) / elapsedS) * 100).toFixed(0)} % of a core` },
      { metric: 'controller peak RSS during the rollout', value: `${(peakRss / 2 ** 20).toFixed(0)} MiB` },
    ],
    notes: [
      `${ops.length} createRebootOperation requests of at most ${IDS_PER_OPERATION} node ids (a request body is limited to 100 KiB), waves of ${waveSize} each: ${waveSize * ops.length} nodes in flight in all; simulated devices reboot 1 s after the command (upgrade_timer) and stay down ${REBOOT_BOOT_TIME_MS / 1000} s; progress polled every second.`,
      `Single changes run one at a time on the ${others.length} homes kept out of the rollout.`,
    ],
  };
}
