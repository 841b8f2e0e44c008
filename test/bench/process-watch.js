// A diagnostic preload for any node process of a bench run (controller, fleet, autocannon,
// the bench itself), for when a latency is missed and the controller's own log does not
// say why. Each process appends to its own file in BENCH_WATCH_DIR (default: the system's
// temporary directory), one line per event, with wall-clock times so the processes line up:
//   <time> gc major|incr|weak <pause ms>    every full collection (and minor ones over 15 ms)
//   <time> cpu <cores>                      the process used more than 1.1 cores in 250 ms
//   <time> late <ms>                        a 5 ms timer ran 25 ms or more late
// Usage: NODE_OPTIONS="-r $PWD/test/bench/process-watch.js" BENCH_WATCH_DIR=/tmp/watch npm run bench -- ...
// Round six in docs/benchmarks.md found the fleet's collections with it.
/* global require, process, performance, setInterval */
/* eslint-disable @typescript-eslint/no-require-imports -- a preload is CommonJS by nature */
'use strict';
const { PerformanceObserver, constants } = require('node:perf_hooks');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const script = path.basename(process.argv[1] ?? 'node').replace(/\W/g, '_');
const dir = process.env.BENCH_WATCH_DIR ?? os.tmpdir();
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `watch-${script}-${process.pid}.txt`);
const lines = [];
const at = (ms) => new Date(ms).toISOString().slice(11, 23);

const GC_KINDS = new Map([
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incr'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weak'],
]);
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = GC_KINDS.get(entry.detail?.kind) ?? 'other';
    if (kind === 'minor' && entry.duration <= 15) continue;
    lines.push(`${at(performance.timeOrigin + entry.startTime)} gc ${kind} ${entry.duration.toFixed(1)}`);
  }
}).observe({ entryTypes: ['gc'] });

let lastCpu = process.cpuUsage();
let lastCpuAt = Date.now();
setInterval(() => {
  const cpu = process.cpuUsage();
  const now = Date.now();
  const cores = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 / Math.max(1, now - lastCpuAt);
  if (cores > 1.1) lines.push(`${at(now)} cpu ${cores.toFixed(2)}`);
  lastCpu = cpu;
  lastCpuAt = now;
}, 250).unref();

let lastTick = Date.now();
setInterval(() => {
  const now = Date.now();
  const late = now - lastTick - 5;
  if (late >= 25) lines.push(`${at(lastTick)} late ${late}`);
  lastTick = now;
}, 5).unref();

function flush() {
  if (lines.length === 0) return;
  try {
    fs.appendFileSync(file, lines.join('\n') + '\n');
    lines.length = 0;
  } catch {
    // A diagnostic must never take the process down; the lines are kept for the next try.
  }
}
setInterval(flush, 2000).unref();
process.on('exit', flush);
