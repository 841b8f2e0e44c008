// The one way services write: a database transaction, retried a bounded number of times
// when the database reports a transient conflict. SQLite shares one connection in-process,
// so its transactions are queued here instead of interleaving on that connection.

import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { isBusyError } from './database-errors';

const MAX_ATTEMPTS = 4;
const BASE_BACKOFF_MS = 25;

@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction. Do not nest: inner work must take the outer manager. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (!isBusyError(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          this.logger.warn(`database busy after ${attempt} attempts: ${String(error)}`);
          throw new AppError(ErrorCode.INTERNAL, 'the database is busy; retry the request');
        }
        await sleep(BASE_BACKOFF_MS * 2 ** attempt * (0.5 + Math.random()));
      }
    }
  }

  private once<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
