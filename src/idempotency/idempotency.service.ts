// Create mutations with an idempotency key: the key row is written in the same transaction
// as the created object, so either both exist or neither. A retry finds the row and gets the
// first result back; the same key with a different input is a CONFLICT. Two concurrent first
// attempts collide (unique index or the domain's own CONFLICT); the loser retries once and
// then finds the winner's row.

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { Principal } from '../common/auth/principal';
import { isUniqueViolation } from '../database/database-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { IdempotencyKey } from './idempotency-key.entity';
import { requestHash } from './request-hash';

export interface IdempotentCreate<T> {
  operation: string;
  key: string | undefined | null;
  input: unknown;
  /** Creates the object inside the transaction; returns it and its id. */
  create: (manager: EntityManager) => Promise<T & { id: string }>;
  /** Loads an earlier result (scoped to the caller) when the key is replayed. */
  replay: (manager: EntityManager, id: string) => Promise<T>;
}

export interface IdempotentResult<T> {
  result: T;
  /** True when an earlier result was returned and nothing was written. */
  replayed: boolean;
}

@Injectable()
export class IdempotencyService {
  constructor(private readonly transactions: TransactionRunner) {}

  async run<T>(principal: Principal, spec: IdempotentCreate<T>): Promise<IdempotentResult<T>> {
    try {
      return await this.attempt(principal, spec);
    } catch (error) {
      const conflict = isUniqueViolation(error) || (error instanceof AppError && error.code === ErrorCode.CONFLICT);
      if (spec.key === undefined || spec.key === null || !conflict) throw error;
      // A concurrent first attempt with the same key may have committed after our key lookup
      // (READ COMMITTED), so our create collided with its object: the retry finds its key row
      // and replays it. A genuine conflict is simply reported again.
      return this.attempt(principal, spec);
    }
  }

  private attempt<T>(principal: Principal, spec: IdempotentCreate<T>): Promise<IdempotentResult<T>> {
    const hash = requestHash(spec.input);
    return this.transactions.run(async (manager) => {
      if (spec.key !== undefined && spec.key !== null) {
        const earlier = await manager.findOneBy(IdempotencyKey, { userId: principal.userId, operation: spec.operation, key: spec.key });
        if (earlier !== null) {
          if (earlier.requestHash !== hash) {
            throw AppError.conflict(`idempotency key "${spec.key}" was already used for ${spec.operation} with a different input`);
          }
          return { result: await spec.replay(manager, earlier.resultId), replayed: true };
        }
      }
      const created = await spec.create(manager);
      if (spec.key !== undefined && spec.key !== null) {
        await manager.save(
          manager.create(IdempotencyKey, { userId: principal.userId, operation: spec.operation, key: spec.key, requestHash: hash, resultId: created.id }),
        );
      }
      return { result: created, replayed: false };
    });
  }
}
