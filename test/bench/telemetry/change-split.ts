// Where a single change's time goes while telemetry flows: each change (a new SSID) is timed
// from sending the mutation to three moments: the controller's log line of the device's
// transact (its own share), the device's Wifi_VIF_State carrying the SSID (read in the
// fleet process, over IPC: the simulated device's share is the time from the first to this),
// and the first status poll that reads APPLIED (the way back through the controller).
// All wall-clock times of one machine.

import type { BenchRow } from '../framework/bench-result';
import { waitFor } from '../framework/processes';
import { ms, percentile } from '../framework/stats';
import type { ClusterFleet } from '../cluster/cluster-fleet';
import { transactSentAfter } from '../fleet/fleet-parts';
import type { GraphqlClient } from '../fleet/graphql-client';
import type { SeededHome } from '../fleet/model-seeder';
import { networkApplied } from '../fleet/status-poller';
import { TransactLog, wallClock } from '../fleet/transact-log';

const UPDATE_SSID = 'mutation ($id: ID!, $s: String!) { updateWifiNetwork(id: $id, input: { ssid: $s }) { id } }';

/** The fleet process (of `shards`, started with --shard K/M) that runs the home's device: SIM000001 is index 0. */
function shardOf(shards: readonly ClusterFleet[], serial: string): ClusterFleet {
  return shards[(Number(serial.replace(/^\D+/, '')) - 1) % shards.length];
}

export async function changeSplit(api: GraphqlClient, homes: readonly SeededHome[], shards: readonly ClusterFleet[], transacts: TransactLog, changes: number): Promise<BenchRow[]> {
  const sent: number[] = [];
  const applied: number[] = [];
  const confirmed: number[] = [];
  for (let i = 0; i < changes; i++) {
    const home = homes[(i * 7919 + 13) % homes.length];
    const ssid = `split-${i}`;
    const { startedAt, lastAt } = await shardOf(shards, home.serial).appliedAfter([[home.serial, ssid]], () => api.request(UPDATE_SSID, { id: home.networkId, s: ssid }));
    await waitFor('one network APPLIED', async () => ((await networkApplied(api, home.networkId)) ? true : undefined), 60_000, 2);
    confirmed.push(wallClock() - startedAt);
    applied.push(lastAt - startedAt);
    sent.push(await transactSentAfter(transacts, home.serial, startedAt));
  }
  const pair = (xs: number[]): string => {
    const found = xs.filter((x) => Number.isFinite(x));
    return `${ms(percentile(found, 50))} / ${ms(percentile(found, 99))}${found.length < xs.length ? ` (${xs.length - found.length} not read)` : ''}`;
  };
  const deviceShare = sent.map((t, k) => applied[k] - t);
  const wayBack = confirmed.map((t, k) => t - applied[k]);
  return [
    { metric: `while telemetry flows, ${changes} SSID changes timed in three steps from the mutation: the controller's transact (its log line), p50 / p99`, value: pair(sent) },
    { metric: 'the same changes: the SSID in the device\'s Wifi_VIF_State (read in the fleet process), p50 / p99', value: pair(applied) },
    { metric: 'the same changes: APPLIED read through the API, p50 / p99', value: pair(confirmed) },
    { metric: 'the same changes, per step: controller to transact / transact to device state / device state to APPLIED read, p99 each', value: `${ms(percentile(sent.filter(Number.isFinite), 99))} / ${ms(percentile(deviceShare.filter(Number.isFinite), 99))} / ${ms(percentile(wayBack.filter(Number.isFinite), 99))}` },
  ];
}
