// Simulator footprint: memory per idle simulated device and simulator CPU per VIF update,
// with N devices in this process and a minimal controller in a child process.
//   node --expose-gc -r ./test/bench/register-ts.js test/bench/device-sim/sim-footprint.ts [--devices N] [--rounds R]
// Prints one JSON line and a markdown table for docs/benchmarks.md (Simulator section).
import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Fleet } from '@lib/device-sim/cli/fleet';
import { OPENSYNC_SUBSET_SCHEMA_PATH, loadSchemaFile } from '@lib/device-sim';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function until(probe: () => boolean): Promise<void> {
  while (!probe()) await new Promise((r) => setTimeout(r, 100));
}

function settledMemory(): { heap: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external + m.arrayBuffers, rss: m.rss };
}

async function main(): Promise<void> {
  const n = arg('devices', 1000);
  const rounds = arg('rounds', 3);
  const controller = fork(join(__dirname, 'footprint-controller.ts'), [], { execArgv: ['-r', join(__dirname, '../register-ts.js')] });
  const messages: { type: string; port?: number; round?: number }[] = [];
  controller.on('message', (m) => messages.push(m as { type: string }));
  await until(() => messages.some((m) => m.type === 'listening'));
  const port = messages.find((m) => m.type === 'listening')?.port;
  const schema = loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH);
  const before = settledMemory();
  const fleet = new Fleet(
    { devices: n, controller: `tcp:127.0.0.1:${port}`, serialPrefix: 'BENCH', applyDelayMs: 10, faultRate: 0, ssl: false, sourceAddresses: 16, rampPerSecond: 2000, minBackoff: 1, maxBackoff: 5 },
    schema,
  );
  const t0 = Date.now();
  await fleet.start();
  await until(() => fleet.stats().connected === n);
  const connectS = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 2000));
  const idle = settledMemory();
  const perDeviceHeapKiB = (idle.heap - before.heap) / n / 1024;
  const perDeviceRssKiB = (idle.rss - before.rss) / n / 1024;
  const cpuPerUpdateUs: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    const cpu0 = process.cpuUsage();
    controller.send({ type: 'push' });
    await until(() => messages.some((m) => m.type === 'round-done' && m.round === r));
    const cpu = process.cpuUsage(cpu0);
    cpuPerUpdateUs.push((cpu.user + cpu.system) / n);
  }
  const result = {
    devices: n,
    connectS,
    perDeviceHeapKiB: Number(perDeviceHeapKiB.toFixed(1)),
    perDeviceRssKiB: Number(perDeviceRssKiB.toFixed(1)),
    cpuPerUpdateUs: cpuPerUpdateUs.map((c) => Math.round(c)),
    machine: `${cpus()[0]?.model ?? 'cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`,
  };
  console.log(JSON.stringify(result));
  controller.send({ type: 'stop' });
  await fleet.stop();
  await new Promise((r) => controller.once('exit', r));
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
