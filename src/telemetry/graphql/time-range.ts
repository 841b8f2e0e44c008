// The [from, to) of a telemetry query: defaults to the last 24 hours, at most 92 days.

import { AppError } from '../../common/errors/app-error';

export const MAX_RANGE_MS = 92 * 86_400_000;

export function timeRange(from: Date | null | undefined, to: Date | null | undefined, now = Date.now()): { from: number; to: number } {
  const end = to?.getTime() ?? now;
  const start = from?.getTime() ?? end - 86_400_000;
  if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end) throw AppError.validation([{ field: 'from', message: 'must be before to' }]);
  if (end - start > MAX_RANGE_MS) throw AppError.validation([{ field: 'from', message: 'the range may span at most 92 days' }]);
  return { from: start, to: end };
}

/** Hour totals folded into UTC day buckets when asked. */
export function bucketStart(hour: number, day: boolean): number {
  return day ? Math.floor(hour / 86_400_000) * 86_400_000 : hour;
}
