// When to try a notification again: exponential backoff from the base delay, capped, with
// "full jitter" (a random delay between half and all of it) so that many notifications
// failing at once do not come back at once.

export interface RetryPolicy {
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
}

/** Delay before attempt number `attempt + 1`, after `attempt` (>= 1) failed attempts. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.retryMaxDelayMs, policy.retryBaseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(exp / 2 + (exp / 2) * random());
}
