// Turns an environment object into a validated AppConfig. Pure apart from two start-up
// facts it must check: TLS files exist, and a missing JWT secret is replaced by a random one.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pemProblem } from './pem-check';
import { AppConfig, OvsdbConfig } from './app-config';
import { ConfigError } from './config-error';
import { durationToSeconds } from './duration';
import { Env, EnvReader } from './env-readers';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/controller.sqlite';
const MIB = 1024 * 1024;
const LISTEN_SCHEMES = ['tcp:', 'ssl:', 'ws:', 'wss:'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ConfigWarn = (message: string) => void;

export function loadConfig(env: Env, warn: ConfigWarn = () => undefined): AppConfig {
  const r = new EnvReader(env);
  const config: AppConfig = {
    httpPort: r.integer('HTTP_PORT', 3000, 0, 65535),
    databaseUrl: readDatabaseUrl(r),
    jwtSecret: readJwtSecret(r, warn),
    jwtExpiresIn: readJwtExpiry(r),
    ...readAdmin(r),
    ovsdb: readOvsdb(r),
    shutdownTimeoutMs: r.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function readDatabaseUrl(r: EnvReader): string {
  const url = r.string('DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'postgres' && scheme !== 'postgresql') {
    r.fail('DATABASE_URL', `unsupported scheme "${scheme}://"; use postgres://..., sqlite:<file> or sqlite::memory:`);
  }
  return url;
}

function readJwtSecret(r: EnvReader, warn: ConfigWarn): string {
  const secret = r.string('JWT_SECRET');
  if (secret === undefined) {
    warn('JWT_SECRET is not set: using a random secret, so issued tokens will not survive a restart');
    return randomBytes(48).toString('base64url');
  }
  if (secret.length < 32) r.fail('JWT_SECRET', 'must be at least 32 characters long');
  return secret;
}

function readJwtExpiry(r: EnvReader): string {
  const value = r.string('JWT_EXPIRES_IN') ?? '12h';
  if (durationToSeconds(value) === undefined) {
    r.fail('JWT_EXPIRES_IN', `must be a positive duration such as 3600, 90s, 30m, 12h or 7d, got "${value}"`);
  }
  return value;
}

function readAdmin(r: EnvReader): Pick<AppConfig, 'adminEmail' | 'adminPassword'> {
  const adminEmail = r.string('ADMIN_EMAIL');
  const adminPassword = r.raw('ADMIN_PASSWORD');
  if (adminEmail === undefined && adminPassword === undefined) return {};
  if (adminEmail === undefined) r.fail('ADMIN_EMAIL', 'must be set together with ADMIN_PASSWORD');
  else if (!EMAIL.test(adminEmail)) r.fail('ADMIN_EMAIL', `"${adminEmail}" is not an email address`);
  if (adminPassword === undefined) r.fail('ADMIN_PASSWORD', 'must be set together with ADMIN_EMAIL');
  else if (adminPassword.length < 12) r.fail('ADMIN_PASSWORD', 'must be at least 12 characters long');
  return { adminEmail, adminPassword };
}

function readOvsdb(r: EnvReader): OvsdbConfig {
  const listen = r.string('OVSDB_LISTEN') ?? 'tcp:0.0.0.0:6640';
  const specs = listen.split(/[\s,]+/).filter((s) => s !== '');
  for (const spec of specs) {
    if (!LISTEN_SCHEMES.some((scheme) => spec.startsWith(scheme))) {
      r.fail('OVSDB_LISTEN', `"${spec}" must start with one of ${LISTEN_SCHEMES.join(' ')}`);
    }
  }
  if (specs.length === 0) r.fail('OVSDB_LISTEN', 'must list at least one listen spec');
  const needsTls = specs.some((spec) => spec.startsWith('ssl:') || spec.startsWith('wss:'));
  return {
    listen,
    tlsCertFile: readTlsFile(r, 'OVSDB_TLS_CERT', needsTls, 'certificate'),
    tlsKeyFile: readTlsFile(r, 'OVSDB_TLS_KEY', needsTls, 'private key'),
    tlsCaFile: readTlsFile(r, 'OVSDB_TLS_CA', needsTls, 'certificate'),
    maxSessions: r.integer('OVSDB_MAX_SESSIONS', 20000, 1, 10_000_000),
    acceptPerSecond: r.integer('OVSDB_ACCEPT_RATE', 500, 1, 1_000_000),
    probeIntervalMs: readProbeInterval(r),
    maxMessageBytes: r.integer('OVSDB_MAX_MESSAGE_BYTES', 64 * MIB, 1024, 1024 * MIB),
  };
}

function readTlsFile(r: EnvReader, name: string, required: boolean, kind: 'certificate' | 'private key'): string | undefined {
  const file = r.string(name);
  if (file === undefined) {
    if (required) r.fail(name, 'is required when OVSDB_LISTEN lists an ssl: or wss: spec');
    return undefined;
  }
  if (!existsSync(file)) r.fail(name, `file "${file}" does not exist`);
  else {
    const problem = pemProblem(file, kind);
    if (problem !== undefined) r.fail(name, problem);
  }
  return file;
}

function readProbeInterval(r: EnvReader): number {
  const value = r.integer('OVSDB_PROBE_INTERVAL_MS', 60000, 0, 3_600_000);
  // 0 disables the probe, as in ovsdb-server; anything shorter than a second would flood devices.
  if (value > 0 && value < 1000) r.fail('OVSDB_PROBE_INTERVAL_MS', 'must be 0 (disabled) or at least 1000');
  return value;
}
