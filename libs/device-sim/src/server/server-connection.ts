// RFC 7047 s4.1 from the server side: list_dbs, get_schema, echo, transact, monitor,
// monitor_cond, monitor_cancel answered on one JSON-RPC connection, whichever side dialled.
// Update notifications for a transaction are sent before its reply, as ovsdb-server does.
import { OvsdbError, RpcConnection } from '@lib/ovsdb';
import { MonitorKind, MonitorSpec } from '../engine/monitor';
import { OvsdbDatabase } from '../engine/ovsdb-database';
import { TxnError } from '../engine/txn-error';

interface ActiveMonitor {
  readonly db: OvsdbDatabase;
  readonly spec: MonitorSpec;
  readonly unsubscribe: () => void;
}

/**
 * The JSON-RPC layer reports a handler's failure as {"error": <code>, "details": <message>};
 * the code says which OVSDB error it was (ovsdb-server's own word is kept in the message).
 */
function rpcFailure(message: string, details?: unknown): OvsdbError {
  return new OvsdbError('RPC_ERROR', message, details);
}

export class ServerConnection {
  private readonly monitors = new Map<string, ActiveMonitor>();

  constructor(
    readonly rpc: RpcConnection,
    private readonly databases: ReadonlyMap<string, OvsdbDatabase>,
  ) {
    rpc.handle('list_dbs', () => [...databases.keys()]);
    rpc.handle('echo', (params) => params);
    rpc.handle('get_schema', (params) => this.database(params[0]).schema.json);
    rpc.handle('transact', (params) => this.database(params[0]).transact(params.slice(1)));
    rpc.handle('monitor', (params) => this.monitor('monitor', params));
    rpc.handle('monitor_cond', (params) => this.monitor('monitor_cond', params));
    rpc.handle('monitor_cancel', (params) => this.cancel(params[0]));
    void rpc.closed.then(() => this.dispose());
  }

  /** Ends the connection's monitors (also done when the connection closes). */
  dispose(): void {
    for (const m of this.monitors.values()) m.unsubscribe();
    this.monitors.clear();
  }

  private database(name: unknown): OvsdbDatabase {
    const db = typeof name === 'string' ? this.databases.get(name) : undefined;
    if (!db) throw rpcFailure('unknown database', { error: 'unknown database', details: `unknown database ${String(name)}` });
    return db;
  }

  private monitor(kind: MonitorKind, params: unknown[]): unknown {
    const db = this.database(params[0]);
    const key = JSON.stringify(params[1] ?? null);
    if (this.monitors.has(key)) throw rpcFailure('duplicate monitor ID', { error: 'syntax error', details: 'duplicate monitor ID' });
    let started: { spec: MonitorSpec; initial: Record<string, unknown> };
    try {
      started = db.monitor(kind, params[2]);
    } catch (err) {
      if (err instanceof TxnError) throw rpcFailure(err.tag, err.toJson());
      throw err;
    }
    const method = kind === 'monitor' ? 'update' : 'update2';
    const unsubscribe = db.onUpdate((changes) => {
      const update = started.spec.update(changes);
      if (update) this.rpc.notify(method, [params[1] ?? null, update]);
    });
    this.monitors.set(key, { db, spec: started.spec, unsubscribe });
    return started.initial;
  }

  private cancel(id: unknown): unknown {
    const key = JSON.stringify(id ?? null);
    const m = this.monitors.get(key);
    if (!m) throw rpcFailure('unknown monitor', { error: 'unknown monitor' });
    m.unsubscribe();
    this.monitors.delete(key);
    return {};
  }
}
