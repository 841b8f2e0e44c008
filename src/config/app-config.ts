// The validated configuration every module reads through the APP_CONFIG token.
// Built once at start-up from the environment (see load-config.ts and docs/configuration.md).

export interface OvsdbConfig {
  /** One or more listen specs separated by commas or spaces: tcp:, ssl:, ws:, wss:. */
  listen: string;
  tlsCertFile?: string;
  tlsKeyFile?: string;
  tlsCaFile?: string;
  maxSessions: number;
  acceptPerSecond: number;
  probeIntervalMs: number;
  maxMessageBytes: number;
}

export interface AppConfig {
  httpPort: number;
  /** `sqlite:<file>`, a plain file path, `sqlite::memory:`, or `postgres://...`. */
  databaseUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  adminEmail?: string;
  adminPassword?: string;
  ovsdb: OvsdbConfig;
  /** How long SIGTERM waits for in-flight device transactions before closing sessions. */
  shutdownTimeoutMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
