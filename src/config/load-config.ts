// Turns an environment object into a validated AppConfig. Pure apart from two start-up
// facts it must check: TLS files exist, and a missing JWT secret is replaced by a random one.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { readHomeApiConfig } from '../apis/home-api/home-api-config';
import { readClusterConfig } from '../cluster/cluster-config';
import { readOAuthConfig } from '../oauth/oauth-config';
import { pemProblem } from './pem-check';
import { AppConfig, OvsdbConfig } from './app-config';
import { ConfigError } from './config-error';
import { durationToSeconds } from './duration';
import { Env, EnvReader } from './env-readers';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/controller.sqlite';
/** Loopback only: devices are not authenticated over tcp: (docs/decisions/device-port-security.md). */
export const DEFAULT_OVSDB_LISTEN = 'tcp:127.0.0.1:6640';
const MIB = 1024 * 1024;
const LISTEN_SCHEMES = ['tcp:', 'ssl:', 'ws:', 'wss:'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ConfigWarn = (message: string) => void;

export function loadConfig(env: Env, warn: ConfigWarn = () => undefined): AppConfig {
  const r = new EnvReader(env);
  const config: AppConfig = {
    httpPort: r.integer('HTTP_PORT', 3000, 0, 65535),
    httpHost: readHttpHost(r),
    graphqlIntrospection: readIntrospection(r),
    databaseUrl: readDatabaseUrl(r),
    jwtSecret: readJwtSecret(r, warn),
    jwtExpiresIn: readJwtExpiry(r),
    ...readAdmin(r),
    ovsdb: readOvsdb(r),
    graphiql: r.boolean('GRAPHIQL', env.NODE_ENV !== 'production'),
    homeApi: readHomeApiConfig(r),
    oauth: readOAuthConfig(r),
    shutdownTimeoutMs: r.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
  };
  const cluster = readClusterConfig(r, {
    databaseUrl: config.databaseUrl,
    refusedRemote: (spec) => isUnauthenticatedRemote(spec) && !config.ovsdb.allowRemoteTcp,
  });
  if (cluster !== undefined) config.cluster = cluster;
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function readHttpHost(r: EnvReader): string | undefined {
  const host = r.string('HTTP_HOST');
  if (host !== undefined && isIP(host) === 0 && !/^[a-z0-9]([a-z0-9.-]{0,252})$/i.test(host)) {
    r.fail('HTTP_HOST', `must be an IP address or a host name such as 127.0.0.1, :: or localhost, got "${host}"`);
  }
  return host;
}

function readIntrospection(r: EnvReader): boolean | undefined {
  const value = r.string('GRAPHQL_INTROSPECTION')?.toLowerCase();
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') r.fail('GRAPHQL_INTROSPECTION', `must be true or false, got "${value}"`);
  return value === 'true';
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
  const listen = r.string('OVSDB_LISTEN') ?? DEFAULT_OVSDB_LISTEN;
  const specs = listen.split(/[\s,]+/).filter((s) => s !== '');
  for (const spec of specs) {
    if (!LISTEN_SCHEMES.some((scheme) => spec.startsWith(scheme))) {
      r.fail('OVSDB_LISTEN', `"${spec}" must start with one of ${LISTEN_SCHEMES.join(' ')}`);
    }
  }
  if (specs.length === 0) r.fail('OVSDB_LISTEN', 'must list at least one listen spec');
  const needsTls = specs.some((spec) => spec.startsWith('ssl:') || spec.startsWith('wss:'));
  const allowRemoteTcp = readBoolean(r, 'OVSDB_ALLOW_REMOTE_TCP');
  const remote = specs.filter((spec) => isUnauthenticatedRemote(spec));
  if (remote.length > 0 && !allowRemoteTcp) {
    r.fail('OVSDB_LISTEN', `${remote.join(', ')} would accept unauthenticated devices from the network; use ssl: (mutual TLS), a loopback address, or set OVSDB_ALLOW_REMOTE_TCP=true`);
  }
  return {
    listen,
    tlsCertFile: readTlsFile(r, 'OVSDB_TLS_CERT', needsTls, 'certificate'),
    tlsKeyFile: readTlsFile(r, 'OVSDB_TLS_KEY', needsTls, 'private key'),
    tlsCaFile: readTlsFile(r, 'OVSDB_TLS_CA', needsTls, 'certificate'),
    maxSessions: r.integer('OVSDB_MAX_SESSIONS', 20000, 1, 10_000_000),
    acceptPerSecond: r.integer('OVSDB_ACCEPT_RATE', 500, 1, 1_000_000),
    probeIntervalMs: readProbeInterval(r),
    maxMessageBytes: r.integer('OVSDB_MAX_MESSAGE_BYTES', 64 * MIB, 1024, 1024 * MIB),
    allowRemoteTcp,
    handshakeTimeoutMs: r.integer('OVSDB_HANDSHAKE_TIMEOUT_MS', 15_000, 1000, 600_000),
    maxUnidentified: r.integer('OVSDB_MAX_UNIDENTIFIED', 5000, 1, 10_000_000),
    maxUnidentifiedPerAddress: r.integer('OVSDB_MAX_UNIDENTIFIED_PER_ADDRESS', 256, 1, 10_000_000),
    unknownSerialsPerMinute: r.integer('OVSDB_UNKNOWN_SERIALS_PER_MINUTE', 600, 1, 10_000_000),
    maxUnclaimedNodes: r.integer('OVSDB_MAX_UNCLAIMED_NODES', 50_000, 0, 100_000_000),
  };
}

function readBoolean(r: EnvReader, name: string): boolean {
  const value = r.string(name)?.toLowerCase();
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  r.fail(name, `must be true or false, got "${value}"`);
  return false;
}

/** A tcp: or ws: spec on an address other than loopback. */
export function isUnauthenticatedRemote(spec: string): boolean {
  const m = /^(tcp|ws):(?:\[([^\]]*)\]|([^:/]*)):/.exec(spec);
  if (!m) return false;
  const host = (m[2] ?? m[3] ?? '').toLowerCase();
  return !(host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host));
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
