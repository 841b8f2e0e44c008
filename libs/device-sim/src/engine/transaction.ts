// RFC 7047 s4.1.3 "transact": runs the operations in order on a working set; the first
// failing operation ends the transaction (its error in its slot, null for the rest), and a
// commit failure is appended as one extra element, exactly as ovsdb-server answers.
import { runCommitChecks } from './commit-checks';
import { EngineSchema } from './engine-schema';
import { OpContext, executeOperation } from './operations';
import { StoredRow, TableRows, sameValues } from './stored-row';
import { TxnError } from './txn-error';
import { WorkingSet, newUuid } from './working-set';

export interface RowChange {
  readonly old?: StoredRow;
  readonly new?: StoredRow;
}

/** table -> row uuid -> change; only rows whose content changed. */
export type ChangeSet = Map<string, Map<string, RowChange>>;

export interface TransactOutcome {
  readonly results: unknown[];
  /** Present when the transaction committed. */
  readonly committed?: { readonly tables: Map<string, TableRows>; readonly changes: ChangeSet };
  /** A wait with a timeout failed: retry after the next commit, at most this many ms. */
  readonly blockedFor?: number;
}

export function executeTransaction(
  schema: EngineSchema,
  tables: ReadonlyMap<string, TableRows>,
  ops: readonly unknown[],
  canBlock: boolean,
): TransactOutcome {
  const ws = new WorkingSet(tables);
  const symbols = new Map<string, { uuid: string; declared: boolean }>();
  const ctx: OpContext = {
    schema,
    ws,
    canBlock,
    resolve: (name) => {
      let s = symbols.get(name);
      if (!s) symbols.set(name, (s = { uuid: newUuid(), declared: false }));
      return s.uuid;
    },
    declare: (name, json) => {
      const s = symbols.get(name);
      if (s?.declared) {
        throw new TxnError('duplicate uuid-name', 'This "uuid-name" appeared on an earlier "insert" operation.', json);
      }
      const uuid = s?.uuid ?? newUuid();
      symbols.set(name, { uuid, declared: true });
      return uuid;
    },
  };
  const results: unknown[] = [];
  for (const op of ops) {
    try {
      results.push(executeOperation(ctx, op));
    } catch (err) {
      results.push(toErrorJson(err));
      while (results.length < ops.length) results.push(null);
      return { results };
    }
  }
  if (ctx.blockedFor !== undefined) return { results, blockedFor: ctx.blockedFor };
  try {
    runCommitChecks(schema, ws);
  } catch (err) {
    results.push(toErrorJson(err));
    return { results };
  }
  return { results, committed: finish(schema, tables, ws) };
}

function toErrorJson(err: unknown): unknown {
  if (err instanceof TxnError) return err.toJson();
  throw err;
}

/** Computes the change set and gives every changed row a new _version (s3.2). */
function finish(schema: EngineSchema, base: ReadonlyMap<string, TableRows>, ws: WorkingSet) {
  const changes: ChangeSet = new Map();
  for (const name of ws.touchedTables()) {
    const table = schema.tables.get(name);
    if (!table) continue;
    const before = base.get(name) ?? new Map<string, StoredRow>();
    const after = ws.writable(name);
    const rowChanges = new Map<string, RowChange>();
    for (const [uuid, row] of after) {
      const old = before.get(uuid);
      if (old === row) continue;
      if (old && sameValues(table, old, row)) {
        after.set(uuid, old);
        continue;
      }
      const fresh = old ? { ...row, version: newUuid() } : row;
      after.set(uuid, fresh);
      rowChanges.set(uuid, { old, new: fresh });
    }
    for (const [uuid, old] of before) if (!after.has(uuid)) rowChanges.set(uuid, { old });
    if (rowChanges.size > 0) changes.set(name, rowChanges);
  }
  return { tables: ws.result(), changes };
}
