// An instance keeps its lease while the application's connection pool is busy: renewals run on
// the lease's own PostgreSQL connection, so a burst of device claims or a fleet-wide change
// holding every pooled connection for longer than the lease's margin never makes the instance
// drop its devices. Real PostgreSQL and NATS.

import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../src/config/app-config';
import { ClusterBus } from '../../../src/cluster/cluster-bus.service';
import { InstanceRegistry } from '../../../src/cluster/instance-registry.service';
import { buildDataSourceOptions } from '../../../src/database/data-source-options';
import { createTestDatabase, postgresReachable, TestDatabase } from '../support/test-database';
import { NATS_HOST, NATS_PORT, natsReachable } from './cluster-harness';

const LEASE_MS = 2_000;
const POOL = 4;

const ready = postgresReachable() && natsReachable();
if (!ready) console.warn('lease renewal spec skipped: it needs PostgreSQL on 127.0.0.1:5432 and NATS on 127.0.0.1:4222');
const describeReady = ready ? describe : describe.skip;

describeReady('cluster lease renewal', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let bus: ClusterBus;
  let registry: InstanceRegistry;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const options = buildDataSourceOptions(database.databaseUrl);
    dataSource = new DataSource({ ...options, extra: { ...(options.extra as object), max: POOL } } as typeof options);
    await dataSource.initialize();
    const config = {
      cluster: { natsUrls: [`nats://${NATS_HOST}:${NATS_PORT}`], instanceId: 'lease-test-1', deviceAddress: 'tcp:127.0.0.1:1', leaseMs: LEASE_MS, drainPerSecond: 50, deviceBackoff: null },
    } as AppConfig;
    bus = new ClusterBus(config);
    await bus.start();
    registry = new InstanceRegistry(config, dataSource, bus);
    await registry.start();
  }, 60_000);

  afterAll(async () => {
    await registry?.stop();
    await bus?.onModuleDestroy();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('holds its lease while every pooled connection is busy for twice the lease', async () => {
    expect(registry.holdsLease).toBe(true);
    const renewals = registry.stats.renewals;
    const busy = Array.from({ length: POOL }, () => dataSource.query(`SELECT pg_sleep(${(2 * LEASE_MS) / 1000})`));
    await Promise.all(busy);
    expect(registry.stats.leasesLost).toBe(0);
    expect(registry.holdsLease).toBe(true);
    expect(registry.stats.renewals).toBeGreaterThan(renewals + 2);
    expect(registry.live.map((i) => i.id)).toContain('lease-test-1');
  }, 30_000);
});
