// Which function runs each scenario process.

import type { BenchOptions } from '../framework/bench-options';
import type { PartReport } from '../framework/bench-result';
import { runOvsdbFloor } from '../ovsdb-floor/ovsdb-floor-scenario';
import { runFleet } from '../fleet/fleet-scenario';
import { runTelemetry } from '../telemetry/telemetry-scenario';
import { runEbl } from '../ebl/ebl-scenario';
import { runCpeSites } from '../cpe/cpe-sites-scenario';
import { runVenues } from '../venues/venues-scenario';
import { runCluster } from '../cluster/cluster-scenario';
import type { ScenarioId } from './scenario-ids';

export const SCENARIOS: Record<ScenarioId, (options: BenchOptions) => Promise<PartReport[]>> = {
  'ovsdb-floor': runOvsdbFloor,
  fleet: runFleet,
  telemetry: runTelemetry,
  ebl: runEbl,
  'cpe-sites': runCpeSites,
  venues: runVenues,
  cluster: runCluster,
};
