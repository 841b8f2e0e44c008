import { EblDeliveryRow } from '../store/ebl-delivery.entities';
import { recordAttempt } from './attempt-outcome';

const policy = { retryBaseDelayMs: 1000, retryMaxDelayMs: 60_000 };
const created = new Date('2030-01-01T00:00:00.000Z');

function delivery(attempts: number, expiresInMs = 86_400_000): EblDeliveryRow {
  return {
    id: 'd1', providerId: 'p1', locationId: 'l1', mac: '02:00:00:00:00:01', accessId: 'SVC-1', vendorId: '', body: '{}',
    status: 'PENDING', attempts, nextAttemptAt: created, expiresAt: new Date(created.getTime() + expiresInMs),
    lastError: null, createdAt: created, finishedAt: null,
  };
}

describe('recordAttempt', () => {
  const at = new Date(created.getTime() + 10);
  const end = new Date(created.getTime() + 30);

  it('delivers on a 2xx: attempt numbered after the previous ones, finished at the answer, no error', () => {
    const r = recordAttempt(delivery(2), { httpStatus: 204, error: null }, at, end, policy, false, () => 1);
    expect(r.changes).toEqual({ attempts: 3, status: 'DELIVERED', nextAttemptAt: created, lastError: null, finishedAt: end });
    expect(r.attempt).toMatchObject({ deliveryId: 'd1', number: 3, at, httpStatus: 204, error: null });
  });

  it('schedules the next attempt with backoff after a refusal, still PENDING', () => {
    const r = recordAttempt(delivery(0), { httpStatus: 503, error: null }, at, end, policy, false, () => 1);
    expect(r.changes).toEqual({ attempts: 1, status: 'PENDING', nextAttemptAt: new Date(end.getTime() + 1000), lastError: 'HTTP 503', finishedAt: null });
    expect(r.attempt).toMatchObject({ number: 1, httpStatus: 503, error: 'HTTP 503' });
    const third = recordAttempt(delivery(2), { httpStatus: null, error: 'connect ECONNREFUSED' }, at, end, policy, false, () => 1);
    expect(third.changes.nextAttemptAt).toEqual(new Date(end.getTime() + 4000));
    expect(third.changes.lastError).toBe('connect ECONNREFUSED');
  });

  it('gives up (FAILED) when the next attempt would fall after the retry period, or the provider is gone', () => {
    const late = recordAttempt(delivery(0, 500), { httpStatus: 500, error: null }, at, end, policy, false, () => 1);
    expect(late.changes).toMatchObject({ status: 'FAILED', finishedAt: end });
    const gone = recordAttempt(delivery(0), { httpStatus: null, error: 'the provider was removed' }, at, end, policy, true, () => 1);
    expect(gone.changes).toMatchObject({ status: 'FAILED', lastError: 'the provider was removed', finishedAt: end });
  });

  it('keeps at most 500 characters of an error', () => {
    const r = recordAttempt(delivery(0), { httpStatus: null, error: 'x'.repeat(800) }, at, end, policy, false, () => 1);
    expect(r.changes.lastError).toHaveLength(500);
    expect(r.attempt.error).toBe(r.changes.lastError);
  });
});
