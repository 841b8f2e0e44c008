// What one finished attempt does to its delivery, decided without the database: a 2xx
// delivers; anything else schedules the next attempt with backoff and jitter, or gives the
// delivery up (FAILED) when that attempt would fall after the retry period, or when the
// provider is gone. The worker records the result later, with others, in one transaction.

import { randomUUID } from 'node:crypto';
import { DeliveryStatus, EblDeliveryAttemptRow, EblDeliveryRow } from '../store/ebl-delivery.entities';
import { RetryPolicy, retryDelayMs } from './retry-schedule';

export interface AttemptOutcome {
  httpStatus: number | null;
  error: string | null;
}

/** The delivery's columns an attempt changes. */
export interface DeliveryChanges {
  attempts: number;
  status: DeliveryStatus;
  nextAttemptAt: Date;
  lastError: string | null;
  finishedAt: Date | null;
}

/** One attempt to record: its row, and the delivery's new state. */
export interface AttemptRecord {
  deliveryId: string;
  providerId: string;
  attempt: EblDeliveryAttemptRow;
  changes: DeliveryChanges;
}

export function isDelivered(outcome: AttemptOutcome): boolean {
  return outcome.httpStatus !== null && outcome.httpStatus >= 200 && outcome.httpStatus < 300;
}

/**
 * The record of an attempt on `delivery` (as read, before the attempt) that started at `at`
 * and ended at `finishedAt`. `providerGone`: nothing more will be tried.
 */
export function recordAttempt(
  delivery: EblDeliveryRow,
  outcome: AttemptOutcome,
  at: Date,
  finishedAt: Date,
  policy: RetryPolicy,
  providerGone: boolean,
  random: () => number = Math.random,
): AttemptRecord {
  const number = delivery.attempts + 1;
  const ok = isDelivered(outcome);
  let status: DeliveryStatus = 'PENDING';
  let nextAttemptAt = delivery.nextAttemptAt;
  if (ok) {
    status = 'DELIVERED';
  } else {
    nextAttemptAt = new Date(finishedAt.getTime() + retryDelayMs(policy, number, random));
    if (providerGone || nextAttemptAt.getTime() > delivery.expiresAt.getTime()) status = 'FAILED';
  }
  const lastError = ok ? null : truncate(outcome.error ?? `HTTP ${outcome.httpStatus}`);
  return {
    deliveryId: delivery.id,
    providerId: delivery.providerId,
    attempt: { id: randomUUID(), deliveryId: delivery.id, number, at, httpStatus: outcome.httpStatus, error: lastError },
    changes: { attempts: number, status, nextAttemptAt, lastError, finishedAt: status === 'PENDING' ? null : finishedAt },
  };
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
