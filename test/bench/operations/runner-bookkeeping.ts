// Micro-benchmark of the operation runner's database bookkeeping per node, without devices:
// the TargetStore's writes for a reboot's five transitions per node (PENDING ->
// WAITING_FOR_DEVICE -> SENDING -> SENT -> REBOOTING -> SUCCEEDED), nodes moving
// concurrently in waves as in a rollout, and the reads of the runner's pass after each
// finished node. `--pass-counts` adds the two COUNTs per pass the runner made before its
// counts were kept in memory (in flight, and still open). SQLite file in WAL mode, as the
// controller runs it. Prints CPU per node and transactions committed.
//   node -r ./test/bench/register-ts.js test/bench/operations/runner-bookkeeping.ts [nodes] [wave] [--pass-counts]

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { AuditEvent } from '../../../src/audit/audit-event.entity';
import { AuditService } from '../../../src/audit/audit.service';
import { TransactionRunner } from '../../../src/database/transaction-runner';
import { DeviceOperation } from '../../../src/operations/device-operation.entity';
import { DeviceOperationTarget } from '../../../src/operations/device-operation-target.entity';
import { IN_FLIGHT_TARGET_STATES, OperationKind, OperationState, TargetState } from '../../../src/operations/operation-states';
import { TargetStore } from '../../../src/operations/runner/target-store';

const PATH: TargetState[] = [TargetState.WAITING_FOR_DEVICE, TargetState.SENDING, TargetState.SENT, TargetState.REBOOTING, TargetState.SUCCEEDED];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const nodes = Number(args.find((a) => /^\d+$/.test(a)) ?? 2000);
  const wave = Number(args.filter((a) => /^\d+$/.test(a))[1] ?? 200);
  const passCounts = args.includes('--pass-counts');
  const dir = mkdtempSync(join(tmpdir(), 'bench-runner-'));
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database: join(dir, 'db.sqlite'),
    entities: [DeviceOperation, DeviceOperationTarget, AuditEvent],
    synchronize: true,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    },
  }).initialize();
  let transactions = 0;
  const tx = new TransactionRunner(dataSource);
  const run = tx.run.bind(tx);
  tx.run = (work) => {
    transactions++;
    return run(work);
  };
  const store = new TargetStore(dataSource, tx, new AuditService(dataSource.getRepository(AuditEvent)));
  const groupId = randomUUID();
  const operation = Object.assign(new DeviceOperation(), {
    id: randomUUID(), kind: OperationKind.REBOOT, state: OperationState.RUNNING, groupId, createdBy: randomUUID(), createdByEmail: 'bench@example.com',
    startAt: null, waveSize: wave, targetCount: nodes, params: {}, finishedAt: null, createdAt: new Date(), updatedAt: new Date(),
  });
  await dataSource.manager.insert(DeviceOperation, operation);
  const rows = Array.from({ length: nodes }, (_, i) =>
    Object.assign(new DeviceOperationTarget(), {
      id: randomUUID(), operationId: operation.id, position: i, nodeId: randomUUID(), serialNumber: `SN${i}`, locationId: null, state: TargetState.PENDING,
      failureCode: null, detail: null, attempt: null, uploadTokenHash: null, deadlineAt: null, finishedAt: null, updatedAt: new Date(),
    }),
  );
  for (let i = 0; i < rows.length; i += 200) await dataSource.manager.insert(DeviceOperationTarget, rows.slice(i, i + 200));
  transactions = 0;
  const pass = async (): Promise<void> => {
    await store.liveOperations();
    if (passCounts) await dataSource.manager.countBy(DeviceOperationTarget, { operationId: operation.id, state: In(IN_FLIGHT_TARGET_STATES) });
    await store.nextPending(operation.id, 1);
    if (passCounts) await dataSource.manager.countBy(DeviceOperationTarget, { operationId: operation.id, state: In([TargetState.PENDING, ...IN_FLIGHT_TARGET_STATES]) });
  };
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let w = 0; w < nodes; w += wave) {
    await Promise.all(
      rows.slice(w, w + wave).map(async (row) => {
        for (const state of PATH) {
          if (!(await store.transition(row, groupId, { state }, state === TargetState.WAITING_FOR_DEVICE ? { deadlineAt: new Date(Date.now() + 3_600_000) } : {}))) throw new Error('transition refused');
          await new Promise((r) => setImmediate(r));
        }
        await pass();
      }),
    );
  }
  const cpu = process.cpuUsage(cpu0);
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const done = await dataSource.manager.countBy(DeviceOperationTarget, { state: TargetState.SUCCEEDED });
  const audits = await dataSource.manager.count(AuditEvent);
  console.log(
    `${nodes} nodes, waves of ${wave}${passCounts ? ', pass counts' : ''}: CPU ${(((cpu.user + cpu.system) / 1000) / nodes).toFixed(3)} ms per node, ` +
      `${transactions} transactions, wall ${wallS.toFixed(2)} s, ${done} SUCCEEDED, ${audits} audit events`,
  );
  await dataSource.destroy();
  rmSync(dir, { recursive: true, force: true });
}

void main();
