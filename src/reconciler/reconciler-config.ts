// Settings of the reconciler, read from the environment when the module starts (documented
// in docs/configuration.md). Kept beside the reconciler so the app-wide config stays small.

import { ConfigError } from '../config/config-error';
import { Env, EnvReader } from '../config/env-readers';

export interface ReconcilerConfig {
  /** A (network, node) not converged this long after the change turns FAILED. */
  failAfterMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  transactTimeoutMs: number;
}

export const RECONCILER_CONFIG = Symbol('RECONCILER_CONFIG');

export function loadReconcilerConfig(env: Env): ReconcilerConfig {
  const r = new EnvReader(env);
  const config: ReconcilerConfig = {
    failAfterMs: r.integer('RECONCILE_FAIL_AFTER_MS', 60_000, 1, 86_400_000),
    backoffBaseMs: 500,
    backoffMaxMs: 30_000,
    transactTimeoutMs: 30_000,
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
