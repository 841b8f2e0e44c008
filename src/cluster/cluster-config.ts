// CLUSTER_* variables: every cluster part is off unless CLUSTER_NATS_URL is set, and then
// the database must be PostgreSQL (instances share it). Read by src/config/load-config.ts
// with the same reader, so problems are reported together with every other variable's.

import { hostname } from 'node:os';
import { EnvReader } from '../config/env-readers';
import { parseManagerAddress } from './manager-address';

export interface ClusterConfig {
  /** NATS server URLs (comma separated in the variable). */
  natsUrls: string[];
  /** This instance's id: unique in the cluster, stable across restarts (a StatefulSet pod name). */
  instanceId: string;
  /** Where devices reach this instance's device port, written to AWLAN_Node.manager_addr. */
  deviceAddress: string;
  /** Listen specs of the redirector (tcp: or ssl:), or undefined when this instance runs none. */
  redirectorListen?: string;
  /** How long an instance's lease lasts without renewal; renewed every third of it. */
  leaseMs: number;
  /** Devices moved at most per second to an instance that joined (drain in waves). */
  drainPerSecond: number;
  /**
   * AWLAN_Node.min_backoff / max_backoff written to every device this instance holds
   * (seconds), or null to leave the devices' own: a dead instance's devices reach the
   * redirector after about eleven of these waits (CM2), which bounds the cluster's recovery.
   */
  deviceBackoff: { minS: number; maxS: number } | null;
}

const INSTANCE_ID = /^[a-z0-9]([a-z0-9-]{0,62})$/i;
const NATS_URL = /^(nats|tls):\/\/[^\s,/]+$/i;

export interface ClusterConfigContext {
  databaseUrl: string;
  /** Whether a tcp: spec would accept unauthenticated devices from the network and is not allowed. */
  refusedRemote(spec: string): boolean;
}

export function readClusterConfig(r: EnvReader, context: ClusterConfigContext): ClusterConfig | undefined {
  const nats = r.string('CLUSTER_NATS_URL');
  if (nats === undefined) {
    for (const name of ['CLUSTER_INSTANCE_ID', 'CLUSTER_DEVICE_ADDRESS', 'CLUSTER_REDIRECTOR_LISTEN']) {
      if (r.string(name) !== undefined) r.fail(name, 'is set but CLUSTER_NATS_URL is not (every cluster part is off without it)');
    }
    return undefined;
  }
  const natsUrls = nats.split(/[\s,]+/).filter((u) => u !== '');
  for (const url of natsUrls) if (!NATS_URL.test(url)) r.fail('CLUSTER_NATS_URL', `"${url}" must be nats://host:port or tls://host:port`);
  if (!/^postgres(ql)?:\/\//i.test(context.databaseUrl)) r.fail('CLUSTER_NATS_URL', 'a cluster needs DATABASE_URL on PostgreSQL (postgres://...): the instances share it');
  return {
    natsUrls,
    instanceId: readInstanceId(r),
    deviceAddress: readDeviceAddress(r),
    redirectorListen: readRedirectorListen(r, context),
    leaseMs: r.integer('CLUSTER_LEASE_MS', 10_000, 2_000, 600_000),
    drainPerSecond: r.integer('CLUSTER_DRAIN_PER_SECOND', 50, 1, 100_000),
    deviceBackoff: readDeviceBackoff(r),
  };
}

/** `CLUSTER_DEVICE_BACKOFF`: `<min>-<max>` seconds (default 1-4), or `off`. */
function readDeviceBackoff(r: EnvReader): { minS: number; maxS: number } | null {
  const raw = (r.string('CLUSTER_DEVICE_BACKOFF') ?? '1-4').trim().toLowerCase();
  if (raw === 'off') return null;
  const m = /^(\d{1,4})-(\d{1,4})$/.exec(raw);
  const minS = m ? Number(m[1]) : NaN;
  const maxS = m ? Number(m[2]) : NaN;
  if (!m || minS < 1 || maxS < minS || maxS > 3600) {
    r.fail('CLUSTER_DEVICE_BACKOFF', `"${raw}" must be <min>-<max> seconds, 1 <= min <= max <= 3600 (e.g. 1-4), or off`);
    return null;
  }
  return { minS, maxS };
}

function readInstanceId(r: EnvReader): string {
  const id = r.string('CLUSTER_INSTANCE_ID') ?? hostname();
  if (!INSTANCE_ID.test(id)) r.fail('CLUSTER_INSTANCE_ID', `"${id}" must be 1 to 63 letters, digits or '-' (default: the host name)`);
  return id;
}

function readDeviceAddress(r: EnvReader): string {
  const address = r.string('CLUSTER_DEVICE_ADDRESS');
  if (address === undefined) {
    r.fail('CLUSTER_DEVICE_ADDRESS', 'is required in a cluster: where devices reach this instance, ssl:<host>:<port> or tcp:<host>:<port>');
    return '';
  }
  const parsed = parseManagerAddress(address);
  if (typeof parsed === 'string') r.fail('CLUSTER_DEVICE_ADDRESS', parsed);
  return address;
}

function readRedirectorListen(r: EnvReader, context: ClusterConfigContext): string | undefined {
  const listen = r.string('CLUSTER_REDIRECTOR_LISTEN');
  if (listen === undefined) return undefined;
  const specs = listen.split(/[\s,]+/).filter((s) => s !== '');
  for (const spec of specs) {
    if (!spec.startsWith('tcp:') && !spec.startsWith('ssl:')) r.fail('CLUSTER_REDIRECTOR_LISTEN', `"${spec}" must start with tcp: or ssl:`);
    else if (context.refusedRemote(spec)) {
      r.fail('CLUSTER_REDIRECTOR_LISTEN', `${spec} would accept unauthenticated devices from the network; use ssl:, a loopback address, or set OVSDB_ALLOW_REMOTE_TCP=true`);
    }
  }
  if (specs.length === 0) r.fail('CLUSTER_REDIRECTOR_LISTEN', 'must list at least one listen spec');
  return listen;
}
