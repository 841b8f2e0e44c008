// `npm run bench`: runs each scenario in its own node process (a fresh heap each; the
// controller, the fleet and ovsdb-server are further processes inside the scenarios), prints one
// table and writes it to docs/benchmarks.md.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseBenchOptions, USAGE } from './framework/bench-options';
import type { BenchOptions } from './framework/bench-options';
import { partsOf, scenariosFor } from './scenarios/scenario-ids';
import type { ScenarioId } from './scenarios/scenario-ids';
import type { PartReport } from './framework/bench-result';
import { updateBenchmarksDoc } from './framework/benchmarks-doc';
import { readCpuTimes, stealShare } from './framework/cpu-steal';
import { collectRunContext, describeRunContext } from './framework/machine-info';
import { renderPartSection, renderPartTable, stealLine } from './framework/result-table';

const ROOT = resolve(__dirname, '../..');
const DOC = join(ROOT, 'docs/benchmarks.md');

function runScenario(scenario: ScenarioId, options: BenchOptions, dir: string): PartReport[] {
  const out = join(dir, `${scenario}.json`);
  const started = Date.now();
  const cpuBefore = readCpuTimes();
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '-r', join(__dirname, 'register-ts.js'), join(__dirname, 'scenario-process.ts'), scenario, JSON.stringify(options), out],
    { stdio: 'inherit', cwd: ROOT },
  );
  const elapsedS = (Date.now() - started) / 1000;
  const steal = stealShare(cpuBefore, readCpuTimes());
  try {
    const reports = JSON.parse(readFileSync(out, 'utf8')) as PartReport[];
    return reports.map((r) => ({ ...r, elapsedS: r.elapsedS ?? elapsedS, stealShare: r.stealShare ?? steal }));
  } catch {
    const how = child.signal ? `signal ${child.signal}` : `status ${String(child.status)}`;
    const skipped = `${scenario} process ended with ${how} without a report`;
    return partsOf(scenario, options).map((part) => ({ part, title: 'failed', rows: [], notes: [], skipped, elapsedS }));
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const options = parseBenchOptions(argv);
  const context = describeRunContext(collectRunContext(ROOT, argv));
  console.log(`bench: ${context}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const reports: PartReport[] = [];
  try {
    for (const scenario of scenariosFor(options.parts)) {
      console.log(`\n== ${scenario}: ${partsOf(scenario, options).join(', ')} ==`);
      for (const report of runScenario(scenario, options, dir)) {
        reports.push(report);
        console.log(`\n${renderPartTable(report)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${context}\n`);
  for (const report of reports) {
    const notes = [...report.notes.map((n) => `- ${n}`), ...stealLine(report)];
    console.log(`${renderPartTable(report)}\n${notes.map((n) => `  ${n}`).join('\n')}\n`);
  }
  if (options.writeDoc) {
    updateBenchmarksDoc(DOC, reports.map((r) => ({ part: r.part, body: renderPartSection(r, context) })));
    console.log(`written to ${DOC}`);
  }
}

main();
