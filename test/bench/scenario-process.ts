// One scenario in its own process: argv = scenario id, options as JSON, report path.
// A scenario that throws still writes reports, saying why, so the table shows every part.

import { writeFileSync } from 'node:fs';
import type { BenchOptions } from './framework/bench-options';
import type { PartReport } from './framework/bench-result';
import { partsOf } from './scenarios/scenario-ids';
import type { ScenarioId } from './scenarios/scenario-ids';
import { SCENARIOS } from './scenarios/scenario-registry';

async function main(): Promise<void> {
  const [scenario, optionsJson, out] = process.argv.slice(2) as [ScenarioId, string, string];
  const options = JSON.parse(optionsJson) as BenchOptions;
  let reports: PartReport[];
  try {
    reports = await SCENARIOS[scenario](options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`${scenario} failed:`, err);
    const skipped = `failed: ${message.split('\n')[0]}`;
    reports = partsOf(scenario, options).map((part) => ({ part, title: scenario, rows: [], notes: [], skipped }));
  }
  writeFileSync(out, JSON.stringify(reports));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
