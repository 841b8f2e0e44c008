// RFC 7047 server: databases loaded from schema files, served on passive endpoints and on
// connections the server dials itself (the device case: it dials, then answers requests).
import { readFileSync } from 'node:fs';
import { Server } from 'node:net';
import { RpcConnection } from '@lib/ovsdb';
import { EngineSchema } from '../engine/engine-schema';
import { OvsdbDatabase } from '../engine/ovsdb-database';
import { engineSchemaFromJson } from '../engine/schema-view';
import { ServerConnection, ServerConnectionOptions } from './server-connection';
import { DialOptions, dial, listen, parseEndpoint } from './stream-endpoints';

export function loadSchemaFile(path: string): EngineSchema {
  return engineSchemaFromJson(JSON.parse(readFileSync(path, 'utf8')));
}

export class OvsdbServer {
  readonly databases = new Map<string, OvsdbDatabase>();
  private readonly servers = new Set<Server>();
  private readonly connections = new Set<ServerConnection>();

  constructor(
    schemas: readonly EngineSchema[],
    private readonly connectionOptions: ServerConnectionOptions = {},
  ) {
    for (const s of schemas) this.databases.set(s.name, new OvsdbDatabase(s));
  }

  /** The first (usually only) database. */
  get database(): OvsdbDatabase {
    return this.databases.values().next().value as OvsdbDatabase;
  }

  /** Serves one JSON-RPC connection, however it was established. */
  serve(rpc: RpcConnection): ServerConnection {
    const conn = new ServerConnection(rpc, this.databases, this.connectionOptions);
    this.connections.add(conn);
    void rpc.closed.then(() => this.connections.delete(conn));
    return conn;
  }

  async listen(spec: string): Promise<Server> {
    const server = await listen(parseEndpoint(spec), (rpc) => this.serve(rpc));
    this.servers.add(server);
    return server;
  }

  async dial(spec: string, options?: DialOptions): Promise<ServerConnection> {
    return this.serve(await dial(parseEndpoint(spec), options));
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    for (const c of [...this.connections]) c.rpc.close('server shutting down');
    await Promise.all([...this.servers].map((s) => new Promise<void>((r) => s.close(() => r()))));
    this.servers.clear();
    for (const db of this.databases.values()) db.close();
  }
}
