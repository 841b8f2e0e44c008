// RFC 7047 s4.1.3, s4.1.5-s4.1.7: one database held in memory. Commits are applied
// synchronously and every monitor is told before the transact reply is produced, which is
// the order ovsdb-server uses on a connection. Every listener sees the commits in commit
// order: a listener that commits while being told of an earlier commit (the WiFi manager
// deleting a state row the moment its config goes) has its commit queued behind the one
// being delivered, as ovsdb-server's other clients only run after it has sent its updates.
import { EngineSchema } from './engine-schema';
import { MonitorKind, MonitorSpec } from './monitor';
import { TableRows } from './stored-row';
import { ChangeSet, executeTransaction } from './transaction';

export type UpdateListener = (changes: ChangeSet) => void;

interface PendingWait {
  readonly ops: readonly unknown[];
  readonly deadline: number;
  readonly done: (results: unknown[]) => void;
  timer?: NodeJS.Timeout;
}

export class OvsdbDatabase {
  private tables: Map<string, TableRows>;
  private readonly listeners = new Set<UpdateListener>();
  private readonly waits = new Set<PendingWait>();
  /** Committed change sets not yet told to every listener, oldest first. */
  private readonly undelivered: ChangeSet[] = [];
  private delivering = false;

  constructor(readonly schema: EngineSchema) {
    this.tables = new Map([...schema.tables.keys()].map((name) => [name, new Map()]));
  }

  get name(): string {
    return this.schema.name;
  }

  snapshot(): ReadonlyMap<string, TableRows> {
    return this.tables;
  }

  /** Runs a transaction now; a blocked wait is reported as "timed out" (no waiting). */
  transactSync(ops: readonly unknown[]): unknown[] {
    return this.run(ops, false).results;
  }

  /** Runs a transaction; a wait with a timeout is retried after each commit until it holds. */
  transact(ops: readonly unknown[]): Promise<unknown[]> {
    const outcome = this.run(ops, true);
    if (outcome.blockedFor === undefined) return Promise.resolve(outcome.results);
    const timeout = outcome.blockedFor;
    return new Promise((resolve) => {
      const pending: PendingWait = { ops, deadline: Date.now() + timeout, done: resolve };
      if (Number.isFinite(timeout)) pending.timer = setTimeout(() => this.settle(pending, false), timeout);
      this.waits.add(pending);
    });
  }

  onUpdate(listener: UpdateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Initial contents for a new monitor (the reply to monitor / monitor_cond). */
  monitor(kind: MonitorKind, requests: unknown): { spec: MonitorSpec; initial: Record<string, unknown> } {
    const spec = MonitorSpec.parse(this.schema, kind, requests);
    return { spec, initial: spec.initial(this.tables) };
  }

  /** Ends every blocked wait with "timed out" (shutdown). */
  close(): void {
    for (const w of [...this.waits]) this.settle(w, false);
  }

  private run(ops: readonly unknown[], canBlock: boolean) {
    const outcome = executeTransaction(this.schema, this.tables, ops, canBlock);
    if (outcome.committed) {
      this.tables = outcome.committed.tables;
      if (outcome.committed.changes.size > 0) {
        this.undelivered.push(outcome.committed.changes);
        this.deliver();
      }
    }
    return outcome;
  }

  /** Tells the listeners of each queued commit in turn; re-entrant calls only queue. */
  private deliver(): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let changes = this.undelivered.shift(); changes; changes = this.undelivered.shift()) {
        for (const l of [...this.listeners]) l(changes);
        this.retryWaits();
      }
    } finally {
      this.delivering = false;
    }
  }

  private retryWaits(): void {
    for (const w of [...this.waits]) this.settle(w, true);
  }

  private settle(w: PendingWait, canBlock: boolean): void {
    if (!this.waits.has(w)) return;
    // Taken out first: the retry may commit, and a commit retries the waits still queued.
    this.waits.delete(w);
    const outcome = this.run(w.ops, canBlock && Date.now() < w.deadline);
    if (outcome.blockedFor !== undefined) {
      this.waits.add(w);
      return;
    }
    if (w.timer) clearTimeout(w.timer);
    w.done(outcome.results);
  }
}
