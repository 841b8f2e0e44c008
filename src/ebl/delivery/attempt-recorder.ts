// Records finished attempts in batches: what the worker's attempts produced since the last
// flush is written in one transaction (the deliveries still PENDING read in one statement,
// their attempt rows in multi-row INSERTs, each delivery's new state by a precompiled
// UPDATE), instead of one transaction per attempt, which bounded delivery throughput on
// SQLite (docs/decisions/ebl.md). A record not yet flushed is not lost work: its delivery is
// still PENDING in the database, and is sent again (same delivery id) if the process ends
// first. When a batch fails, its records are written one by one, so one bad record (its
// delivery deleted meanwhile) cannot hold back the others.

import { DataSource, EntityManager, In } from 'typeorm';
import { CompiledUpdate } from '../../database/compiled-update';
import { TransactionRunner } from '../../database/transaction-runner';
import { EblDeliveryAttemptRow, EblDeliveryRow } from '../store/ebl-delivery.entities';
import { AttemptRecord } from './attempt-outcome';

/** Attempt rows per INSERT statement (6 parameters each, well under every driver's limit). */
const INSERT_CHUNK = 100;

export class AttemptRecorder {
  private queue: AttemptRecord[] = [];
  private readonly update: CompiledUpdate<EblDeliveryRow, 'attempts' | 'status' | 'nextAttemptAt' | 'lastError' | 'finishedAt'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly onError: (record: AttemptRecord, error: unknown) => void,
  ) {
    this.update = new CompiledUpdate(dataSource, EblDeliveryRow, ['attempts', 'status', 'nextAttemptAt', 'lastError', 'finishedAt']);
  }

  add(record: AttemptRecord): void {
    this.queue.push(record);
  }

  get size(): number {
    return this.queue.length;
  }

  /** Delivery ids whose attempt is finished and not yet written. */
  pendingIds(): string[] {
    return this.queue.map((r) => r.deliveryId);
  }

  /**
   * Writes every queued record; returns those written (a record whose delivery was no
   * longer PENDING, or could not be written, is left out).
   */
  async flush(): Promise<AttemptRecord[]> {
    if (this.queue.length === 0) return [];
    const batch = this.queue;
    this.queue = [];
    try {
      return await this.transactions.run((m) => this.write(m, batch));
    } catch {
      const written: AttemptRecord[] = [];
      for (const record of batch) {
        try {
          if ((await this.transactions.run((m) => this.write(m, [record]))).length > 0) written.push(record);
        } catch (error) {
          this.onError(record, error);
        }
      }
      return written;
    }
  }

  private async write(m: EntityManager, batch: AttemptRecord[]): Promise<AttemptRecord[]> {
    // By primary key only (a status condition lets SQLite pick the status index and walk
    // every PENDING row); the status is checked here.
    const rows = await m.find(EblDeliveryRow, { select: { id: true, status: true }, where: { id: In(batch.map((r) => r.deliveryId)) } });
    const open = new Set(rows.filter((d) => d.status === 'PENDING').map((d) => d.id));
    const records = batch.filter((r) => open.has(r.deliveryId));
    for (let i = 0; i < records.length; i += INSERT_CHUNK) {
      await m.insert(
        EblDeliveryAttemptRow,
        records.slice(i, i + INSERT_CHUNK).map((r) => r.attempt),
      );
    }
    for (const r of records) await this.update.run(m, r.deliveryId, r.changes);
    return records;
  }
}
