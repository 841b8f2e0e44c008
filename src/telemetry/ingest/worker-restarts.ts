// When to start the ingestion worker again after it exits: after a pause that doubles with
// each exit in a row (1 s, 2 s, 4 s ... capped at a minute), so a worker that dies at once
// (a telemetry file it cannot open, a bug on every report) never spins, and back to the
// first pause once a worker has run for a while. The exit is logged with a stable code.

import { backoffDelay, BackoffPolicy } from '../../reconciler/worker/node-worker';

/** The stable code that starts the log line of a worker exit (docs/telemetry.md). */
export const WORKER_EXITED = 'TELEMETRY_WORKER_EXITED';

export const RESTART_POLICY: BackoffPolicy = { baseMs: 1000, maxMs: 60_000 };
/** A worker that ran this long before exiting is not part of a run of failures. */
export const HEALTHY_AFTER_MS = 60_000;

export class RestartBackoff {
  private exits = 0;

  constructor(
    private readonly policy: BackoffPolicy = RESTART_POLICY,
    private readonly healthyAfterMs = HEALTHY_AFTER_MS,
  ) {}

  /** The pause before the next start, for a worker started at `startedAt` that exited at `now`. */
  next(startedAt: number, now: number): number {
    this.exits = now - startedAt >= this.healthyAfterMs ? 1 : this.exits + 1;
    return backoffDelay(this.policy, this.exits);
  }
}
