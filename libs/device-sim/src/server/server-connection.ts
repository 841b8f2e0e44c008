// RFC 7047 s4.1 from the server side: list_dbs, get_schema, echo, transact, monitor,
// monitor_cond, monitor_cancel answered on one JSON-RPC connection, whichever side dialled.
// Update notifications for a transaction are sent before its reply, as ovsdb-server does.
// Method-level errors go out in ovsdb-server's own shapes (method-errors.ts).
import { EncodedJson, RpcConnection, RpcErrorReply } from '@lib/ovsdb';
import type { EngineSchema } from '../engine/engine-schema';
import { MonitorKind, MonitorSpec } from '../engine/monitor';
import { OvsdbDatabase } from '../engine/ovsdb-database';
import { TxnError } from '../engine/txn-error';
import { INVALID_PARAMETERS, UNKNOWN_MONITOR, duplicateMonitorId, missingDatabaseName, unknownDatabase } from './method-errors';
import { TransactFaultHook } from './transact-fault';
import { UpdateFaultHook } from './update-fault';

interface ActiveMonitor {
  readonly db: OvsdbDatabase;
  readonly spec: MonitorSpec;
  readonly unsubscribe: () => void;
}

export interface ServerConnectionOptions {
  /** Fault injection for transact (simulated devices); none by default. */
  readonly transactFault?: TransactFaultHook;
  /** Fault injection for update notifications (simulated devices); none by default. */
  readonly updateFault?: UpdateFaultHook;
}

export class ServerConnection {
  private readonly monitors = new Map<string, ActiveMonitor>();

  constructor(
    readonly rpc: RpcConnection,
    private readonly databases: ReadonlyMap<string, OvsdbDatabase>,
    private readonly options: ServerConnectionOptions = {},
  ) {
    rpc.handle('list_dbs', () => [...databases.keys()]);
    rpc.handle('echo', (params) => params);
    // Serialised once per schema, not once per connection (a fleet shares one schema).
    rpc.handle('get_schema', (params) => encodedSchema(this.database('get_schema', params).schema));
    rpc.handle('transact', (params) => this.transact(params));
    rpc.handle('monitor', (params) => this.monitor('monitor', params));
    rpc.handle('monitor_cond', (params) => this.monitor('monitor_cond', params));
    rpc.handle('monitor_cancel', (params) => this.cancel(params));
    void rpc.closed.then(() => this.dispose());
  }

  /** Ends the connection's monitors (also done when the connection closes). */
  dispose(): void {
    for (const m of this.monitors.values()) m.unsubscribe();
    this.monitors.clear();
  }

  private database(method: string, params: unknown[]): OvsdbDatabase {
    if (typeof params[0] !== 'string') throw missingDatabaseName(method, params);
    const db = this.databases.get(params[0]);
    if (!db) throw unknownDatabase(method, params);
    return db;
  }

  private transact(params: unknown[]): unknown {
    const db = this.database('transact', params);
    const operations = params.slice(1);
    const fault = this.options.transactFault?.(db.schema.name, operations);
    if (fault === undefined) return db.transact(operations);
    // Closing first means nothing more goes out on this connection: no reply and, for a
    // committed transaction, no update notifications either. The client learns what
    // happened only from the database when it comes back.
    this.rpc.close(`fault injected: connection lost during transact (${fault})`);
    return fault === 'drop-after-commit' ? db.transact(operations) : null;
  }

  private monitor(kind: MonitorKind, params: unknown[]): unknown {
    const db = this.database(kind, params);
    const key = JSON.stringify(params[1] ?? null);
    if (this.monitors.has(key)) throw duplicateMonitorId(params[1] ?? null);
    let started: { spec: MonitorSpec; initial: Record<string, unknown> };
    try {
      started = db.monitor(kind, params[2]);
    } catch (err) {
      if (err instanceof TxnError) throw new RpcErrorReply(err.toJson());
      throw err;
    }
    const method = kind === 'monitor' ? 'update' : 'update2';
    const unsubscribe = db.onUpdate((changes) => {
      const update = started.spec.update(changes);
      if (!update) return;
      this.rpc.notify(method, [params[1] ?? null, update]);
      const extra = this.options.updateFault?.(db.schema.name, kind, update);
      if (extra) this.rpc.notify(method, [params[1] ?? null, extra]);
    });
    this.monitors.set(key, { db, spec: started.spec, unsubscribe });
    return started.initial;
  }

  private cancel(params: unknown[]): unknown {
    if (params.length !== 1) throw new RpcErrorReply(INVALID_PARAMETERS);
    const key = JSON.stringify(params[0]);
    const m = this.monitors.get(key);
    if (!m) throw new RpcErrorReply(UNKNOWN_MONITOR);
    m.unsubscribe();
    this.monitors.delete(key);
    return {};
  }
}

const encodedSchemas = new WeakMap<EngineSchema, EncodedJson>();

function encodedSchema(schema: EngineSchema): EncodedJson {
  let encoded = encodedSchemas.get(schema);
  if (encoded === undefined) {
    encoded = EncodedJson.of(schema.json);
    encodedSchemas.set(schema, encoded);
  }
  return encoded;
}
