// The registration point for readiness: any module whose dependency must be reachable for
// the controller to do its work (the database here; an MQTT broker or NATS where a module
// configures one) adds a named check. Liveness never runs these: a broker outage must take
// the pod out of the load balancer, not get it restarted.

import { Injectable } from '@nestjs/common';

/** Resolves when the dependency is usable; throws (or rejects) with the reason otherwise. */
export type ReadinessCheck = () => Promise<void> | void;

/** How long one check may take before it counts as down. */
export const READINESS_CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  /** Adds (or replaces) a check; `name` is the key in the readiness body (e.g. 'mqtt'). */
  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  get entries(): ReadonlyMap<string, ReadinessCheck> {
    return this.checks;
  }

  /** Set once shutdown begins: readiness fails so traffic moves away while work drains. */
  get isDraining(): boolean {
    return this.draining;
  }

  startDraining(): void {
    this.draining = true;
  }
}
