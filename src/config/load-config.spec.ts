import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { durationToSeconds } from './duration';
import { createTestPki } from '../../test/support/test-certificates';
import { DEFAULT_DATABASE_URL, loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => p.variable);
    throw e;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills every default from an empty environment and warns about the random JWT secret', () => {
    const warnings: string[] = [];
    const config = loadConfig({}, (m) => warnings.push(m));
    expect(config).toEqual({
      httpPort: 3000,
      databaseUrl: DEFAULT_DATABASE_URL,
      jwtSecret: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/),
      jwtExpiresIn: '12h',
      ovsdb: {
        listen: 'tcp:127.0.0.1:6640',
        tlsCertFile: undefined,
        tlsKeyFile: undefined,
        tlsCaFile: undefined,
        maxSessions: 20000,
        acceptPerSecond: 500,
        probeIntervalMs: 60000,
        maxMessageBytes: 64 * 1024 * 1024,
        allowRemoteTcp: false,
        handshakeTimeoutMs: 15000,
        maxUnidentified: 5000,
        maxUnidentifiedPerAddress: 256,
        unknownSerialsPerMinute: 600,
        maxUnclaimedNodes: 50000,
      },
      graphiql: true,
      oauth: { issuer: undefined, accessTokenTtlSeconds: 600, refreshTokenTtlSeconds: 30 * 86400, rateLimitPerMinute: 600 },
      shutdownTimeoutMs: 10_000,
    });
    expect(warnings).toEqual([expect.stringContaining('JWT_SECRET')]);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HTTP_PORT: '8080',
      DATABASE_URL: 'postgres://u@db/x',
      JWT_SECRET: 'x'.repeat(32),
      JWT_EXPIRES_IN: '30m',
      ADMIN_EMAIL: 'root@example.com',
      ADMIN_PASSWORD: ' spaces kept 12 ',
      OVSDB_LISTEN: 'tcp:127.0.0.1:0, ws:127.0.0.1:0',
      OVSDB_MAX_SESSIONS: '10',
      OVSDB_ACCEPT_RATE: '5',
      OVSDB_PROBE_INTERVAL_MS: '0',
      OVSDB_MAX_MESSAGE_BYTES: '4096',
      OVSDB_HANDSHAKE_TIMEOUT_MS: '5000',
      OVSDB_MAX_UNIDENTIFIED: '100',
      OVSDB_MAX_UNIDENTIFIED_PER_ADDRESS: '8',
      OVSDB_UNKNOWN_SERIALS_PER_MINUTE: '60',
      OVSDB_MAX_UNCLAIMED_NODES: '1000',
    });
    expect(config).toMatchObject({
      httpPort: 8080,
      databaseUrl: 'postgres://u@db/x',
      jwtSecret: 'x'.repeat(32),
      jwtExpiresIn: '30m',
      adminEmail: 'root@example.com',
      adminPassword: ' spaces kept 12 ',
      ovsdb: {
        listen: 'tcp:127.0.0.1:0, ws:127.0.0.1:0',
        maxSessions: 10,
        acceptPerSecond: 5,
        probeIntervalMs: 0,
        maxMessageBytes: 4096,
        allowRemoteTcp: false,
        handshakeTimeoutMs: 5000,
        maxUnidentified: 100,
        maxUnidentifiedPerAddress: 8,
        unknownSerialsPerMinute: 60,
        maxUnclaimedNodes: 1000,
      },
    });
  });

  it('refuses tcp: and ws: beyond loopback unless OVSDB_ALLOW_REMOTE_TCP opts in', () => {
    for (const listen of ['tcp:0.0.0.0:6640', 'ws:10.0.0.1:80', 'tcp:[::]:6640', 'tcp:127.0.0.1:1,tcp:192.168.1.2:6640']) {
      expect(problemsOf({ OVSDB_LISTEN: listen })).toEqual(['OVSDB_LISTEN']);
    }
    for (const listen of ['tcp:127.0.0.1:6640', 'tcp:[::1]:6640', 'ws:localhost:80', 'tcp:127.9.0.1:1']) expect(problemsOf({ OVSDB_LISTEN: listen })).toEqual([]);
    expect(loadConfig({ OVSDB_LISTEN: 'tcp:0.0.0.0:6640', OVSDB_ALLOW_REMOTE_TCP: 'true' }).ovsdb.allowRemoteTcp).toBe(true);
    expect(problemsOf({ OVSDB_ALLOW_REMOTE_TCP: 'yes' })).toEqual(['OVSDB_ALLOW_REMOTE_TCP']);
  });

  it('reads the HTTP bind address and the introspection switch, and refuses nonsense', () => {
    expect(loadConfig({ HTTP_HOST: '127.0.0.1', GRAPHQL_INTROSPECTION: 'TRUE' })).toMatchObject({ httpHost: '127.0.0.1', graphqlIntrospection: true });
    expect(loadConfig({ HTTP_HOST: '::1', GRAPHQL_INTROSPECTION: 'false' })).toMatchObject({ httpHost: '::1', graphqlIntrospection: false });
    expect(problemsOf({ HTTP_HOST: 'not a host', GRAPHQL_INTROSPECTION: 'yes' })).toEqual(['HTTP_HOST', 'GRAPHQL_INTROSPECTION']);
  });

  it('names every invalid variable at once', () => {
    expect(
      problemsOf({
        HTTP_PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short',
        JWT_EXPIRES_IN: 'forever',
        ADMIN_EMAIL: 'not-an-email',
        ADMIN_PASSWORD: 'short',
        OVSDB_LISTEN: 'udp:1',
        OVSDB_MAX_SESSIONS: '0',
        OVSDB_PROBE_INTERVAL_MS: '10',
      }),
    ).toEqual([
      'HTTP_PORT',
      'DATABASE_URL',
      'JWT_SECRET',
      'JWT_EXPIRES_IN',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
      'OVSDB_LISTEN',
      'OVSDB_MAX_SESSIONS',
      'OVSDB_PROBE_INTERVAL_MS',
    ]);
  });

  it('requires the admin email and password together', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.io' })).toEqual(['ADMIN_PASSWORD']);
    expect(problemsOf({ ADMIN_PASSWORD: 'long enough password' })).toEqual(['ADMIN_EMAIL']);
  });

  it('requires existing TLS files when an ssl: or wss: spec is listed', () => {
    expect(problemsOf({ OVSDB_LISTEN: 'ssl:0.0.0.0:6640' })).toEqual(['OVSDB_TLS_CERT', 'OVSDB_TLS_KEY', 'OVSDB_TLS_CA']);
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    try {
      const file = join(dir, 'cert.pem');
      writeFileSync(file, 'x');
      const env = { OVSDB_LISTEN: 'wss:0.0.0.0:443', OVSDB_TLS_CERT: file, OVSDB_TLS_KEY: file, OVSDB_TLS_CA: join(dir, 'missing.pem') };
      expect(problemsOf(env)).toEqual(['OVSDB_TLS_CERT', 'OVSDB_TLS_KEY', 'OVSDB_TLS_CA']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the variable whose file is not the PEM it should be', () => {
    const pki = createTestPki();
    try {
      const good = { OVSDB_LISTEN: 'ssl:0.0.0.0:6640', OVSDB_TLS_CERT: pki.server.certFile, OVSDB_TLS_KEY: pki.server.keyFile, OVSDB_TLS_CA: pki.caFile };
      expect(problemsOf(good)).toEqual([]);
      // The key and the certificate swapped: both named, with what is wrong.
      let error: unknown;
      try {
        loadConfig({ ...good, OVSDB_TLS_CERT: pki.server.keyFile, OVSDB_TLS_KEY: pki.server.certFile });
      } catch (e) {
        error = e;
      }
      expect((error as ConfigError).problems).toEqual([
        { variable: 'OVSDB_TLS_CERT', message: expect.stringContaining('is not a PEM certificate') },
        { variable: 'OVSDB_TLS_KEY', message: expect.stringContaining('is not a PEM private key') },
      ]);
    } finally {
      pki.remove();
    }
  });

  it('reads SHUTDOWN_TIMEOUT_MS', () => {
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
    expect(problemsOf({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toEqual(['SHUTDOWN_TIMEOUT_MS']);
  });

  it('accepts sqlite forms of DATABASE_URL', () => {
    expect(problemsOf({ DATABASE_URL: 'sqlite::memory:' })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: '/var/lib/controller.sqlite' })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: 'postgresql://h/db' })).toEqual([]);
  });
});

describe('GRAPHIQL', () => {
  it('is on outside production and off in production unless set', () => {
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(loadConfig({ GRAPHIQL: 'off' }).graphiql).toBe(false);
  });

  it('names the variable when the value is not a boolean', () => {
    expect(problemsOf({ GRAPHIQL: 'maybe' })).toEqual(['GRAPHIQL']);
  });
});

describe('durationToSeconds', () => {
  it.each([
    ['3600', 3600],
    ['90s', 90],
    ['30m', 1800],
    ['12h', 43200],
    ['7d', 604800],
    ['0', undefined],
    ['12 hours', undefined],
    ['-1h', undefined],
  ])('%s -> %s', (input, expected) => {
    expect(durationToSeconds(input)).toBe(expected);
  });
});
