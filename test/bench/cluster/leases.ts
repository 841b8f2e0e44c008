// What the cluster's PostgreSQL leases and NATS notices cost, on the real servers:
// lease renewal (with the live-set read), a device claim on identification, and a NATS
// round trip (publish to the subscriber's callback). Run: node -r ./test/bench/register-ts.js
// test/bench/cluster/leases.ts [claims]; results go to docs/benchmarks.md by hand.

import { randomBytes } from 'node:crypto';
import { connect, JSONCodec } from 'nats';
import { Client } from 'pg';
import { CLAIM_DEVICE, LIVE_INSTANCES, RENEW_LEASE } from '../../../src/cluster/cluster-sql';

const PG = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NATS = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

function summary(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): string => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  return `n=${s.length} p50=${at(0.5)} ms p99=${at(0.99)} ms max=${s[s.length - 1].toFixed(2)} ms`;
}

async function timed(n: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const claims = Number(process.argv[2] ?? 3000);
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const pg = new Client({ connectionString: PG });
  await pg.connect();
  await pg.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
  await pg.query(`CREATE TABLE cluster_instances (id varchar(64) PRIMARY KEY, device_address varchar(300), lease_until timestamptz, started_at timestamptz)`);
  await pg.query(`CREATE TABLE cluster_ownership (serial varchar(64) PRIMARY KEY, instance_id varchar(64), epoch integer, acquired_at timestamptz)`);
  try {
    for (const id of ['a', 'b', 'c']) await pg.query(RENEW_LEASE, [id, `tcp:${id}:6640`, 10000]);
    const renew = await timed(500, () => pg.query(RENEW_LEASE, ['a', 'tcp:a:6640', 10000]).then(() => pg.query(LIVE_INSTANCES)));
    console.log(`lease renewal + live set: ${summary(renew)}`);
    const first = await timed(claims, (i) => pg.query(CLAIM_DEVICE, [`SN${i}`, 'a']));
    console.log(`claim of a new device: ${summary(first)}`);
    const again = await timed(claims, (i) => pg.query(CLAIM_DEVICE, [`SN${i}`, 'a']));
    console.log(`claim again by its holder: ${summary(again)}`);
    const refused = await timed(claims, (i) => pg.query(CLAIM_DEVICE, [`SN${i}`, 'b']));
    console.log(`claim refused (held by a live instance): ${summary(refused)}`);
  } finally {
    await pg.query(`DROP SCHEMA ${schema} CASCADE`);
    await pg.end();
  }
  const codec = JSONCodec<{ sent: number }>();
  const [sub, pub] = await Promise.all([connect({ servers: NATS }), connect({ servers: NATS })]);
  const trips: number[] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  sub.subscribe('bench.cluster', { callback: (_e, m) => { trips.push(performance.now() - codec.decode(m.data).sent); if (trips.length === 2000) done(); } });
  await sub.flush();
  for (let i = 0; i < 2000; i++) {
    pub.publish('bench.cluster', codec.encode({ sent: performance.now() }));
    if (i % 50 === 0) await pub.flush();
  }
  await finished;
  console.log(`NATS publish to subscriber callback: ${summary(trips)}`);
  await Promise.all([sub.close(), pub.close()]);
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
