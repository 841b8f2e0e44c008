// Settings of equipment-based localisation, read from the environment when the module
// starts (docs/ebl.md lists them).

import { ConfigError } from '../config/config-error';
import { Env, EnvReader } from '../config/env-readers';
import { DEFAULT_DENIED_VENDOR_IDS } from './domain/vendor-id-deny-list';

export interface EblConfig {
  /** Generic vendor ids refused at registration. */
  deniedVendorIds: readonly string[];
  /** valid_until of a MAC registered without one; null: no limit. */
  defaultMacValidityMs: number | null;
  /** A client seen again after this long away is a new discovery (one more notification). */
  rediscoveryAfterMs: number;
  /** How long a notification is retried before it is given up (FAILED). */
  retryPeriodMs: number;
  /** First retry delay; doubled each attempt (with jitter) up to retryMaxDelayMs. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** One attempt: connect, send and the provider's answer. */
  attemptTimeoutMs: number;
  /** Notifications in flight to one provider, and in total. */
  perProviderConcurrency: number;
  totalConcurrency: number;
  /** How often the outbox is read for due notifications (besides a wake-up on each new one). */
  pollIntervalMs: number;
  /** Whether notification URLs may be plain http (tests, a provider on a private network). */
  allowPlainHttp: boolean;
  /** Days a finished (delivered or failed) notification stays listed. */
  deliveryRetentionDays: number;
}

export const EBL_CONFIG = Symbol('EBL_CONFIG');

export function loadEblConfig(env: Env): EblConfig {
  const r = new EnvReader(env);
  const denied = r.raw('EBL_DENIED_VENDOR_IDS');
  const validityDays = r.integer('EBL_MAC_DEFAULT_VALIDITY_DAYS', 90, 0, 3650);
  const config: EblConfig = {
    deniedVendorIds: denied === undefined ? DEFAULT_DENIED_VENDOR_IDS : denied.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
    defaultMacValidityMs: validityDays === 0 ? null : validityDays * 86_400_000,
    rediscoveryAfterMs: r.integer('EBL_REDISCOVERY_AFTER_S', 3600, 0, 30 * 86_400) * 1000,
    retryPeriodMs: r.integer('EBL_RETRY_PERIOD_S', 86_400, 1, 30 * 86_400) * 1000,
    retryBaseDelayMs: r.integer('EBL_RETRY_BASE_DELAY_MS', 1000, 10, 3_600_000),
    retryMaxDelayMs: r.integer('EBL_RETRY_MAX_DELAY_MS', 600_000, 10, 86_400_000),
    attemptTimeoutMs: r.integer('EBL_ATTEMPT_TIMEOUT_MS', 10_000, 100, 120_000),
    perProviderConcurrency: r.integer('EBL_PROVIDER_CONCURRENCY', 4, 1, 100),
    totalConcurrency: r.integer('EBL_TOTAL_CONCURRENCY', 64, 1, 1000),
    pollIntervalMs: r.integer('EBL_POLL_INTERVAL_MS', 1000, 10, 60_000),
    allowPlainHttp: r.boolean('EBL_ALLOW_HTTP', false),
    deliveryRetentionDays: r.integer('EBL_DELIVERY_RETENTION_DAYS', 14, 1, 3650),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
