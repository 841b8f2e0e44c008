// The batch recorder on a real SQLite database: one flush writes every attempt whose
// delivery is still PENDING, leaves the others alone, and a record that cannot be written
// does not keep the rest of its batch from being written.

import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { EblDeliveryAttemptRow, EblDeliveryRow } from '../store/ebl-delivery.entities';
import { AttemptRecord, recordAttempt } from './attempt-outcome';
import { AttemptRecorder } from './attempt-recorder';

const policy = { retryBaseDelayMs: 1000, retryMaxDelayMs: 60_000 };

describe('AttemptRecorder (SQLite)', () => {
  let dataSource: DataSource;
  let recorder: AttemptRecorder;
  const errors: string[] = [];
  let transactions: number;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [EblDeliveryRow, EblDeliveryAttemptRow], synchronize: true }).initialize();
    const runner = new TransactionRunner(dataSource);
    const run = runner.run.bind(runner);
    runner.run = (work) => {
      transactions++;
      return run(work);
    };
    recorder = new AttemptRecorder(dataSource, runner, (record) => errors.push(record.deliveryId));
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  beforeEach(async () => {
    await dataSource.manager.clear(EblDeliveryAttemptRow);
    await dataSource.manager.clear(EblDeliveryRow);
    errors.length = 0;
    transactions = 0;
  });

  async function seed(ids: string[], status: EblDeliveryRow['status'] = 'PENDING'): Promise<EblDeliveryRow[]> {
    const now = new Date('2030-01-01T00:00:00.000Z');
    const rows = ids.map((id): EblDeliveryRow => ({
      id, providerId: 'p1', locationId: 'l1', mac: '02:00:00:00:00:01', accessId: 'SVC', vendorId: '', body: '{}',
      status, attempts: 0, nextAttemptAt: now, expiresAt: new Date(now.getTime() + 86_400_000), lastError: null, createdAt: now, finishedAt: null,
    }));
    await dataSource.manager.insert(EblDeliveryRow, rows);
    return rows;
  }

  function record(d: EblDeliveryRow, httpStatus: number): AttemptRecord {
    return recordAttempt(d, { httpStatus, error: null }, new Date(), new Date(), policy, false, () => 1);
  }

  it('writes a batch in one transaction: attempt rows and each delivery state', async () => {
    const rows = await seed(Array.from({ length: 150 }, (_, i) => `d${i}`));
    rows.forEach((d, i) => recorder.add(record(d, i % 3 === 0 ? 500 : 200)));
    expect(recorder.pendingIds()).toHaveLength(150);
    const written = await recorder.flush();
    expect(written).toHaveLength(150);
    expect(transactions).toBe(1);
    expect(recorder.size).toBe(0);
    expect(await dataSource.manager.count(EblDeliveryAttemptRow)).toBe(150);
    expect(await dataSource.manager.countBy(EblDeliveryRow, { status: 'DELIVERED', attempts: 1 })).toBe(100);
    const retried = await dataSource.manager.findOneByOrFail(EblDeliveryRow, { id: 'd0' });
    expect(retried).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'HTTP 500', finishedAt: null });
    expect(retried.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('leaves out a delivery that is no longer PENDING or was removed', async () => {
    const [open] = await seed(['open']);
    const [done] = await seed(['done'], 'DELIVERED');
    const [gone] = await seed(['gone']);
    await dataSource.manager.delete(EblDeliveryRow, { id: 'gone' });
    for (const d of [open, done, gone]) recorder.add(record(d, 200));
    expect((await recorder.flush()).map((r) => r.deliveryId)).toEqual(['open']);
    expect((await dataSource.manager.find(EblDeliveryAttemptRow)).map((a) => a.deliveryId)).toEqual(['open']);
    expect(await dataSource.manager.findOneByOrFail(EblDeliveryRow, { id: 'done' })).toMatchObject({ attempts: 0 });
  });

  it('writes the others one by one when the batch fails, and reports the record that failed', async () => {
    const rows = await seed(['a', 'b', 'c']);
    const first = record(rows[0], 200);
    recorder.add(first);
    await recorder.flush();
    // A second attempt row with the same id: the batch's INSERT fails on the primary key.
    await dataSource.manager.update(EblDeliveryRow, { id: 'a' }, { status: 'PENDING' });
    recorder.add({ ...record(rows[0], 200), attempt: { ...first.attempt } });
    recorder.add(record(rows[1], 200));
    recorder.add(record(rows[2], 503));
    const written = await recorder.flush();
    expect(written.map((r) => r.deliveryId)).toEqual(['b', 'c']);
    expect(errors).toEqual(['a']);
    expect(await dataSource.manager.findOneByOrFail(EblDeliveryRow, { id: 'a' })).toMatchObject({ status: 'PENDING' });
    expect(await dataSource.manager.findOneByOrFail(EblDeliveryRow, { id: 'b' })).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    expect(await dataSource.manager.findOneByOrFail(EblDeliveryRow, { id: 'c' })).toMatchObject({ status: 'PENDING', attempts: 1 });
  });
});
