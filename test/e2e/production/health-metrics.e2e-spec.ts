// Health and metrics as an orchestrator and Prometheus see them: liveness and readiness
// answer JSON; readiness turns false when the database goes away (the PostgreSQL schema
// dropped under the running app) while liveness stays true; /metrics carries the device
// metrics once a simulated device has connected, with no serial in any label; on PostgreSQL
// the pool's connections by state.

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DeviceConnectionsService } from '../../../src/reconciler/sessions/device-connections.service';
import { ReadinessChecks } from '../../../src/health/readiness-checks';
import { expectData, gql, useTestApp, TestApp } from '../support';
import { POSTGRES_URL, postgresReachable } from '../support/test-database';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';

async function get(app: TestApp, path: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(app.url.replace('/graphql', path));
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('health and metrics [sqlite]', () => {
  const t = useTestApp('sqlite');
  let sim: SimHandle | undefined;

  afterAll(async () => {
    await sim?.stop();
  });

  it('liveness and readiness answer JSON with every check up', async () => {
    const live = await get(t.current, '/health/live');
    expect(live.status).toBe(200);
    expect(JSON.parse(live.text)).toEqual({ status: 'ok' });
    const ready = await get(t.current, '/health/ready');
    expect(ready.type).toContain('application/json');
    const body = JSON.parse(ready.text) as { status: string; info: Record<string, { status: string }> };
    expect(ready.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.info.database.status).toBe('up');
  });

  it('a check registered by another module decides readiness', async () => {
    const checks = t.current.app.get(ReadinessChecks);
    checks.register('broker', () => {
      throw new Error('connection refused');
    });
    const down = await get(t.current, '/health/ready');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toMatchObject({ status: 'error', error: { broker: { status: 'down', message: 'connection refused' } } });
    checks.register('broker', () => undefined);
    expect((await get(t.current, '/health/ready')).status).toBe(200);
  });

  it('metrics show a connected device by state and transport, without its serial', async () => {
    const serial = `SIMMET${randomBytes(3).toString('hex').toUpperCase()}`;
    sim = await startSimDevice(t.current, serial);
    await until('the device to connect', () => t.current.app.get(DeviceConnectionsService).all.some((c) => c.serial === serial));
    const metrics = await get(t.current, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain('text/plain');
    expect(metrics.text).toMatch(/^opensync_device_sessions\{state="connected",transport="tcp"\} 1$/m);
    expect(metrics.text).toMatch(/^opensync_device_identifications_total 1$/m);
    await until('a reconcile pass', async () => /^opensync_reconcile_passes_total [1-9]/m.test((await get(t.current, '/metrics')).text));
    for (const name of [
      'opensync_device_refusals_total',
      'opensync_transactions_total',
      'opensync_transaction_duration_seconds',
      'opensync_failed_transitions_total',
      'opensync_convergence_states',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(metrics.text).toContain(`# TYPE ${name} `);
    }
    expect(metrics.text).not.toContain(serial);
  });

  it('counts GraphQL requests by operation name and code', async () => {
    expectData(await gql(t.current, 'query HealthProbe { __typename }'));
    await gql(t.current, 'query WhoAmI { me { id } }');
    // Refused before it runs: counted too, under its name.
    expect((await gql(t.current, 'query Misspelt { nosuchfield }')).status).toBe(400);
    // Repeated: Mercurius's cache of documents answers, the name is still known.
    expectData(await gql(t.current, 'query HealthProbe { __typename }'));
    const text = (await get(t.current, '/metrics')).text;
    expect(text).toMatch(/^opensync_graphql_requests_total\{operation="HealthProbe",code="OK"\} 2$/m);
    expect(text).toMatch(/^opensync_graphql_requests_total\{operation="WhoAmI",code="UNAUTHENTICATED"\} 1$/m);
    expect(text).toMatch(/^opensync_graphql_requests_total\{operation="Misspelt",code="VALIDATION_FAILED"\} 1$/m);
  });
});

const describePostgres = postgresReachable() ? describe : describe.skip;

describePostgres(`pool metrics, and readiness when the database goes away [postgres${postgresReachable() ? '' : `, skipped: not reachable at ${POSTGRES_URL}`}]`, () => {
  const t = useTestApp('postgres');

  it('metrics show the database pool by state', async () => {
    const text = (await get(t.current, '/metrics')).text;
    expect(text).toContain('# TYPE opensync_database_pool_connections gauge');
    for (const state of ['idle', 'in_use', 'waiting']) expect(text).toMatch(new RegExp(`^opensync_database_pool_connections\\{state="${state}"\\} \\d+$`, 'm'));
  });

  it('readiness fails and liveness stays true once the schema is gone', async () => {
    expect((await get(t.current, '/health/ready')).status).toBe(200);
    const schema = new URL(t.current.config.databaseUrl).searchParams.get('schema');
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
    const ready = await get(t.current, '/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect((await get(t.current, '/health/live')).status).toBe(200);
  });
});
