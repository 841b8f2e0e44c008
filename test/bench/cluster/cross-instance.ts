// Single-change latency when the mutation lands on another instance than the one holding
// the device: two controller processes on PostgreSQL and NATS, a small fleet in this
// process through the redirector; each change is timed from sending the mutation to the
// new SSID in the device's Wifi_VIF_Config (the device's own change notification), once
// sent to the holder and once to the other instance. Also each instance's RSS at the end.
// Run: node -r ./test/bench/register-ts.js test/bench/cluster/cross-instance.ts [devices] [changes]

import { readFileSync } from 'node:fs';
import { CLAIM_NODE, createCustomer, UPDATE_NETWORK } from '../../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, TestApp } from '../../e2e/support';
import { createTestDatabase } from '../../e2e/support/test-database';
import { Client } from 'pg';
import { freePort, Instance, startFleet, startInstance, stopInstance } from '../../e2e/cluster/cluster-harness';

const PER_LOCATION = 5;

function summary(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): string => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
  return `n=${s.length} p50=${at(0.5)} ms p99=${at(0.99)} ms max=${s[s.length - 1].toFixed(1)} ms`;
}

function rssMb(instance: Instance): string {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${instance.child.pid}/status`, 'utf8'));
  return m ? (Number(m[1]) / 1024).toFixed(0) : '?';
}

async function main(): Promise<void> {
  const devices = Number(process.argv[2] ?? 60);
  const changes = Number(process.argv[3] ?? 100);
  const db = await createTestDatabase('postgres');
  const redirectorPort = await freePort();
  const a = await startInstance({ id: 'ctl-a', databaseUrl: db.databaseUrl, leaseMs: 5000, redirectorPort });
  const b = await startInstance({ id: 'ctl-b', databaseUrl: db.databaseUrl, leaseMs: 5000 });
  const instances = [a, b];
  const as = (i: Instance): TestApp => ({ url: i.url }) as TestApp;
  await new Promise((r) => setTimeout(r, 6000));
  const serials = Array.from({ length: devices }, (_, i) => `BEN${String(i).padStart(5, '0')}`);
  const fleet = await startFleet(serials, `tcp:127.0.0.1:${redirectorPort}`);
  const pg = new Client({ connectionString: db.databaseUrl.replace(/\?.*$/, ''), options: `-c search_path=${new URL(db.databaseUrl).searchParams.get('schema')}` });
  await pg.connect();
  try {
    const token = (await createGroupWithAdmin(as(a))).adminToken;
    const waitFor = async (what: string, probe: () => Promise<boolean>): Promise<void> => {
      for (let i = 0; i < 3000; i++) {
        if (await probe()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`gave up waiting for ${what}`);
    };
    await waitFor('every device held', async () => Number((await pg.query('SELECT count(*) AS n FROM nodes WHERE connected')).rows[0].n) === devices);
    const networks: string[] = [];
    for (let l = 0; l < devices / PER_LOCATION; l++) {
      const customer = await createCustomer(as(a), token);
      for (const serial of serials.slice(l * PER_LOCATION, (l + 1) * PER_LOCATION)) expectData(await gql(as(a), CLAIM_NODE, { locationId: customer.locations[0].id, serial }, token));
      networks.push(customer.locations[0].wifiNetworks[0].id);
    }
    const owners = new Map((await pg.query<{ serial: string; instance_id: string }>('SELECT serial, instance_id FROM cluster_ownership')).rows.map((r) => [r.serial, r.instance_id]));
    const timed = async (i: number, sendToHolder: boolean): Promise<number> => {
      const device = fleet.devices[i % devices];
      const network = networks[Math.floor((i % devices) / PER_LOCATION)];
      const holder = owners.get(device.serial);
      const via = instances.find((x) => (x.id === holder) === sendToHolder)!;
      const ssid = `${sendToHolder ? 'same' : 'cross'}-${i}`;
      const seen = new Promise<number>((resolve) => {
        const stop = device.database.onChange((tables) => {
          if (!tables.has('Wifi_VIF_Config')) return;
          if (device.database.rows('Wifi_VIF_Config').some((r) => r.ssid === ssid)) {
            stop();
            resolve(performance.now());
          }
        });
      });
      const started = performance.now();
      expectData(await gql(as(via), UPDATE_NETWORK, { id: network, input: { ssid } }, token));
      return (await seen) - started;
    };
    // Warm-up: every location once.
    for (let i = 0; i < devices; i += PER_LOCATION) await timed(i, true);
    const same: number[] = [];
    const cross: number[] = [];
    for (let i = 0; i < changes; i++) {
      same.push(await timed(i * PER_LOCATION + 1, true));
      cross.push(await timed(i * PER_LOCATION + 2, false));
    }
    console.log(`devices=${devices} instances=2 held: ${[...new Set(owners.values())].map((id) => `${id}=${[...owners.values()].filter((x) => x === id).length}`).join(' ')}`);
    console.log(`mutation sent to the holder, to the device's Wifi_VIF_Config: ${summary(same)}`);
    console.log(`mutation sent to the other instance: ${summary(cross)}`);
    console.log(`RSS: ${instances.map((x) => `${x.id}=${rssMb(x)} MB`).join(' ')}`);
  } finally {
    await pg.end();
    await fleet.stop();
    for (const i of instances) await stopInstance(i);
    await db.drop();
  }
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
