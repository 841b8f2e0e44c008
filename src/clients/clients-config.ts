// Settings of the clients module, read from the environment when the module starts
// (docs/configuration.md).

import { ConfigError } from '../config/config-error';
import { Env, EnvReader } from '../config/env-readers';

export interface ClientsConfig {
  /** Days a finished client session is kept. */
  sessionRetentionDays: number;
}

export const CLIENTS_CONFIG = Symbol('CLIENTS_CONFIG');

export function loadClientsConfig(env: Env): ClientsConfig {
  const r = new EnvReader(env);
  const config: ClientsConfig = { sessionRetentionDays: r.integer('CLIENT_SESSION_RETENTION_DAYS', 30, 1, 3650) };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
