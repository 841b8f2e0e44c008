// Child process of part 6: receives the initial monitor of one table with libs/ovsdb, the
// way the controller does (get_schema, a DatabaseCache holding the table, monitor_cond),
// and prints the timings as JSON. The first run is cold (fresh process, fresh schema
// registry: nothing parsed, nothing JIT-compiled); the later runs reuse the process, like a
// controller that has already served other devices.
// argv: socket path, table, expected rows, runs.

import { performance } from 'node:perf_hooks';
import { DatabaseCache, SchemaRegistry } from '@lib/ovsdb';
import { dialUnix } from './ovsdb-connect';

async function once(socketPath: string, table: string, expected: number, registry: SchemaRegistry): Promise<number> {
  const started = performance.now();
  const session = await dialUnix(socketPath, registry);
  const schema = await session.getSchema('Open_vSwitch');
  const cache = new DatabaseCache(schema, { [table]: {} });
  await session.monitor('Open_vSwitch', { [table]: {} }, cache);
  const elapsed = performance.now() - started;
  const rows = cache.table(table)?.size ?? 0;
  session.close('LOCAL');
  await session.closed;
  if (rows !== expected) throw new Error(`libs/ovsdb cache holds ${rows} rows, expected ${expected}`);
  return elapsed;
}

async function main(): Promise<void> {
  const [socketPath, table, expectedText, runsText] = process.argv.slice(2);
  const expected = Number(expectedText);
  const runs = Number(runsText);
  const registry = new SchemaRegistry();
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    timings.push(await once(socketPath, table, expected, registry));
    global.gc?.();
  }
  process.stdout.write(`${JSON.stringify({ timings })}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
