// The instance's own PostgreSQL connection for its lease: renewals never wait in the
// application's pool behind a burst of device claims or a fleet-wide change. A renewal that
// waits there longer than the margin of the lease it renews lets the lease run out, and the
// instance then drops every device it holds (docs/decisions/cluster.md). Opened on first
// use with the application's own connection settings; a failed or timed-out query closes it,
// and the next one opens a fresh connection.

import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';

export class LeaseConnection {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;

  /**
   * @param options the application's TypeORM options (PostgreSQL).
   * @param queryTimeoutMs a statement not answered within this time fails (the lease's margin).
   */
  constructor(
    private readonly options: DataSourceOptions,
    private readonly queryTimeoutMs: number,
  ) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = await this.open();
    try {
      const result = await client.query(sql, params);
      return result.rows as T[];
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    await client?.end().catch(() => undefined);
  }

  private open(): Promise<Client> {
    if (this.client !== undefined) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    if (this.options.type !== 'postgres') throw new Error('the cluster lease needs PostgreSQL');
    const extra = (this.options.extra ?? {}) as { options?: string };
    const client = new Client({
      connectionString: this.options.url,
      options: extra.options,
      application_name: 'opensync-controller lease',
      query_timeout: this.queryTimeoutMs,
      connectionTimeoutMillis: this.queryTimeoutMs,
    });
    // A connection that breaks while idle is dropped; the next renewal opens another.
    client.on('error', () => this.drop(client));
    await client.connect();
    this.client = client;
    return client;
  }

  private drop(client: Client): void {
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
  }
}
