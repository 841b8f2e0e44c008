// Parts 1-5 share one expensive setup (controller, seeded model, N devices connected), so
// they run as one scenario process in order; part 6 needs none of it and runs alone.

import type { BenchOptions, PartId } from '../framework/bench-options';

export type ScenarioId = 'fleet' | 'ovsdb-floor' | 'telemetry' | 'ebl' | 'cpe-sites' | 'venues' | 'cluster';

const SCENARIO_OF: Record<PartId, ScenarioId> = {
  'cold-start': 'fleet',
  'fleet-change': 'fleet',
  'single-change': 'fleet',
  idle: 'fleet',
  'read-path': 'fleet',
  'ovsdb-floor': 'ovsdb-floor',
  'reboot-rollout': 'fleet',
  telemetry: 'telemetry',
  ebl: 'ebl',
  'cpe-sites': 'cpe-sites',
  venues: 'venues',
  cluster: 'cluster',
};

/** Scenarios to run for the requested parts, part 6 first: it depends on nothing unfinished. */
export function scenariosFor(parts: readonly PartId[]): ScenarioId[] {
  const wanted = new Set(parts.map((p) => SCENARIO_OF[p]));
  return (['ovsdb-floor', 'fleet', 'telemetry', 'ebl', 'cpe-sites', 'venues', 'cluster'] as const).filter((s) => wanted.has(s));
}

export function partsOf(scenario: ScenarioId, options: BenchOptions): PartId[] {
  return options.parts.filter((p) => SCENARIO_OF[p] === scenario);
}
