// Device operations in words, and progress as a share of targets finished.

export const KIND_WORDS: Record<string, string> = { REBOOT: 'Reboot', LOG_PULL: 'Log pull', FIRMWARE_UPGRADE: 'Firmware', CLIENT_KICK: 'Client kick' };

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'CANCELLED']);

export interface StateCount {
  state: string;
  count: number;
}

/** Finished targets out of all, and how many of them failed (FAILED or TIMED_OUT). */
export function progressOf(counts: readonly StateCount[]): { done: number; total: number; failed: number; percent: number } {
  let done = 0;
  let total = 0;
  let failed = 0;
  for (const c of counts) {
    total += c.count;
    if (FINISHED.has(c.state)) done += c.count;
    if (c.state === 'FAILED' || c.state === 'TIMED_OUT') failed += c.count;
  }
  return { done, total, failed, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}
