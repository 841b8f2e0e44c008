// Login throttling (security review, finding 11): failed logins are counted per account
// (the normalised email, known or not, so a lock says nothing about whether the account
// exists) and per source address. A few failures are free; past them every further failure
// locks the key for a doubling time, up to a cap, and a locked key is refused before any
// password work. A success clears the account's count. Kept in memory, bounded (the oldest
// key is forgotten first), per process: see docs/security.md.

export interface ThrottlePolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** The first lock; each further failure doubles it. */
  baseLockMs: number;
  maxLockMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 };
export const SOURCE_POLICY: ThrottlePolicy = { freeFailures: 20, baseLockMs: 10_000, maxLockMs: 15 * 60_000, forgetAfterMs: 3600_000 };

/** Keys remembered per kind: a few MB at most, whatever an attacker sends. */
export const MAX_THROTTLE_KEYS = 50_000;

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export class FailureCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly maxKeys = MAX_THROTTLE_KEYS,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryInMs(key: string, now: number): number {
    const entry = this.current(key, now);
    return entry === undefined ? 0 : Math.max(0, entry.lockedUntil - now);
  }

  /** Counts a failure; returns the lock it starts in ms (0 when still within the free failures). */
  fail(key: string, now: number): number {
    const entry = this.current(key, now) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    entry.failures += 1;
    entry.lastFailureAt = now;
    const over = entry.failures - this.policy.freeFailures;
    const lockMs = over <= 0 ? 0 : Math.min(this.policy.maxLockMs, this.policy.baseLockMs * 2 ** Math.min(over - 1, 30));
    entry.lockedUntil = now + lockMs;
    // Re-inserted, so the Map's order stays oldest failure first.
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(key, entry);
    return lockMs;
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && now - entry.lastFailureAt > this.policy.forgetAfterMs && now >= entry.lockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

export interface LoginVerdict {
  /** Seconds to wait, when the attempt is refused without looking at the password. */
  retryAfterSeconds?: number;
}

export class LoginThrottle {
  private readonly accounts: FailureCounter;
  private readonly sources: FailureCounter;

  constructor(accountPolicy = ACCOUNT_POLICY, sourcePolicy = SOURCE_POLICY, maxKeys = MAX_THROTTLE_KEYS) {
    this.accounts = new FailureCounter(accountPolicy, maxKeys);
    this.sources = new FailureCounter(sourcePolicy, maxKeys);
  }

  check(account: string, source: string, now = Date.now()): LoginVerdict {
    const waitMs = Math.max(this.accounts.retryInMs(account, now), this.sources.retryInMs(source, now));
    return waitMs > 0 ? { retryAfterSeconds: Math.ceil(waitMs / 1000) } : {};
  }

  /** Returns the account's new lock in ms (0 if none), for the audit trail. */
  failed(account: string, source: string, now = Date.now()): number {
    this.sources.fail(source, now);
    return this.accounts.fail(account, now);
  }

  succeeded(account: string): void {
    this.accounts.clear(account);
  }
}
