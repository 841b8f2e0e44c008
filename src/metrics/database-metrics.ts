// The database pool as Prometheus sees it: connections in use, idle and callers waiting
// (PostgreSQL; node-postgres keeps these counts). SQLite has one connection and no pool.

import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from './metrics-registry';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    if (this.dataSource.options.type !== 'postgres') return;
    this.metrics.gaugeFrom('database_pool_connections', 'Database pool connections by state', ['state'], () => {
      const pool = (this.dataSource.driver as unknown as { master?: PgPool }).master;
      if (pool === undefined) return [];
      return [
        [{ state: 'idle' }, pool.idleCount],
        [{ state: 'in_use' }, pool.totalCount - pool.idleCount],
        [{ state: 'waiting' }, pool.waitingCount],
      ];
    });
  }
}
