// Settings of the reconciler, read from the environment when the module starts (documented
// in docs/configuration.md). Kept beside the reconciler so the app-wide config stays small.

import { DEFAULT_HOME_BRIDGE, DEFAULT_LEASE_TIME, DEFAULT_SUBNET_POOL, IsolationOptions, OpensyncError, parseSubnetPool } from '@lib/opensync';
import { ConfigError } from '../config/config-error';
import { Env, EnvReader } from '../config/env-readers';

export interface ReconcilerConfig {
  /** A (network, node) not converged this long after the change turns FAILED. */
  failAfterMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  transactTimeoutMs: number;
  /** Subnets and DHCP of isolated (GUEST/IOT) networks (docs/decisions/network-isolation.md). */
  isolation: IsolationOptions;
}

export const RECONCILER_CONFIG = Symbol('RECONCILER_CONFIG');

const LEASE_TIME = /^[1-9][0-9]{0,5}[hms]$/;

export function loadReconcilerConfig(env: Env): ReconcilerConfig {
  const r = new EnvReader(env);
  const config: ReconcilerConfig = {
    failAfterMs: r.integer('RECONCILE_FAIL_AFTER_MS', 60_000, 1, 86_400_000),
    backoffBaseMs: 500,
    backoffMaxMs: 30_000,
    transactTimeoutMs: 30_000,
    isolation: { pool: subnetPool(r), homeBridge: DEFAULT_HOME_BRIDGE, leaseTime: leaseTime(r) },
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function subnetPool(r: EnvReader): IsolationOptions['pool'] {
  const fallback = parseSubnetPool(DEFAULT_SUBNET_POOL);
  const raw = r.string('ISOLATED_SUBNET_POOL');
  if (raw === undefined) return fallback;
  try {
    return parseSubnetPool(raw);
  } catch (error) {
    if (!(error instanceof OpensyncError)) throw error;
    r.fail('ISOLATED_SUBNET_POOL', error.message);
    return fallback;
  }
}

function leaseTime(r: EnvReader): string {
  const raw = r.string('ISOLATED_DHCP_LEASE_TIME');
  if (raw === undefined) return DEFAULT_LEASE_TIME;
  if (!LEASE_TIME.test(raw)) {
    r.fail('ISOLATED_DHCP_LEASE_TIME', `must be a number followed by h, m or s (e.g. 12h), got "${raw}"`);
    return DEFAULT_LEASE_TIME;
  }
  return raw;
}
