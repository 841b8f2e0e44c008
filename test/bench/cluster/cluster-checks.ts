// What the cluster part checks besides timings: where each device is by three accounts
// that must agree once the cluster has settled (the ownership rows in PostgreSQL, the
// devices' own connections, each instance's log), and the CPU and memory of each process.

import type { Client } from 'pg';
import { peakRss, processUsage } from '../framework/processes';
import type { ClusterFleet } from './cluster-fleet';
import { heldTwice } from './cluster-instances';
import type { ClusterInstance } from './cluster-instances';

export async function ownership(pg: Client): Promise<Map<string, string>> {
  const rows = await pg.query<{ serial: string; instance_id: string }>('SELECT serial, instance_id FROM cluster_ownership');
  return new Map(rows.rows.map((r) => [r.serial, r.instance_id]));
}

/** Devices per instance by the ownership rows, e.g. "ctl-1 201, ctl-2 198, ctl-3 201". */
export function spread(owners: ReadonlyMap<string, string>, instances: readonly ClusterInstance[]): string {
  const count = (id: string): number => [...owners.values()].filter((x) => x === id).length;
  return instances.map((i) => `${i.id} ${count(i.id)}`).join(', ');
}

/**
 * Disagreements between the three accounts for the fleet's serials (empty when settled): a
 * device not connected to a live instance, connected to another instance than its ownership
 * row names, an instance whose log names other devices than its rows, a device two live
 * instances both say they hold.
 */
export async function disagreements(pg: Client, fleet: ClusterFleet, instances: readonly ClusterInstance[], serials: readonly string[]): Promise<string[]> {
  const live = instances.filter((i) => i.alive);
  const owners = await ownership(pg);
  const where = await fleet.where();
  const byAddress = new Map(live.map((i) => [i.deviceAddress, i.id]));
  const problems: string[] = [];
  for (const serial of serials) {
    const at = byAddress.get(where.get(serial) ?? '');
    if (at === undefined) problems.push(`${serial} not connected to a live instance (${where.get(serial) ?? 'none'})`);
    else if (owners.get(serial) !== at) problems.push(`${serial} connected to ${at}, owned by ${owners.get(serial) ?? 'nobody'}`);
  }
  for (const instance of live) {
    const rows = new Set([...owners].filter(([, id]) => id === instance.id).map(([s]) => s));
    const logged = instance.log.held;
    const extra = [...logged].filter((s) => !rows.has(s)).length;
    const missing = [...rows].filter((s) => !logged.has(s)).length;
    if (extra + missing > 0) problems.push(`${instance.id}'s log names ${extra} device(s) its rows do not, and misses ${missing}`);
  }
  for (const serial of heldTwice(live)) problems.push(`${serial} held by two instances by their logs`);
  return problems;
}

/** CPU time (s) of each process at one moment, by name, and when. */
export interface CpuSnapshot {
  at: number;
  cpu: Map<string, number>;
}

export interface Watched {
  name: string;
  pid: number;
  alive(): boolean;
}

export function watchedOf(instances: readonly ClusterInstance[], fleet: ClusterFleet): Watched[] {
  return [
    ...instances.map((i) => ({ name: i.id, pid: i.controller.pid, alive: () => i.alive })),
    { name: 'fleet', pid: fleet.pid, alive: () => fleet.child.exitCode === null },
  ];
}

export function cpuSnapshot(watched: readonly Watched[]): CpuSnapshot {
  const cpu = new Map<string, number>();
  for (const w of watched) if (w.alive()) cpu.set(w.name, processUsage(w.pid).cpuSeconds);
  return { at: performance.now(), cpu };
}

/** Share of one core each process used between two snapshots, e.g. "34 %"; n/a for one that died. */
export function cpuShare(from: CpuSnapshot, to: CpuSnapshot, name: string): string {
  const a = from.cpu.get(name);
  const b = to.cpu.get(name);
  if (a === undefined || b === undefined) return 'n/a';
  return `${(((b - a) / ((to.at - from.at) / 1000)) * 100).toFixed(0)} %`;
}

export function memory(w: Watched): { rssMiB: number; peakMiB: number } {
  return { rssMiB: processUsage(w.pid).rssBytes / 2 ** 20, peakMiB: peakRss(w.pid) / 2 ** 20 };
}
