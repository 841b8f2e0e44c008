// Parts 1-5: the controller and the simulated fleet as separate processes.

import type { BenchOptions } from '../framework/bench-options';
import type { PartReport } from '../framework/bench-result';
import { partsOf } from '../scenarios/scenario-ids';

export async function runFleet(options: BenchOptions): Promise<PartReport[]> {
  const skipped = 'the fleet scenario is not built yet';
  return Promise.resolve(partsOf('fleet', options).map((part) => ({ part, title: part, rows: [], notes: [], skipped })));
}
