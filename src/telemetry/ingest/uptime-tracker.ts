// Reboots seen from a node's uptime going down. Reports are decoded concurrently (a
// placement read, zlib inflated off the loop), so they can finish out of order; what counts
// is the order they arrived in. A report older than the newest one seen for its node says
// nothing about a reboot (its smaller uptime is the past, not a new boot).

export interface UptimeVerdict {
  rebooted: boolean;
  /** The uptime before the drop, when `rebooted`. */
  before?: number;
}

export class UptimeTracker {
  /** Per node: the newest report's arrival (ms) and uptime (s). */
  private readonly latest = new Map<string, { at: number; uptimeS: number }>();

  observe(nodeId: string, uptimeS: number | null, arrivedAt: number): UptimeVerdict {
    if (uptimeS === null) return { rebooted: false };
    const before = this.latest.get(nodeId);
    if (before !== undefined && arrivedAt < before.at) return { rebooted: false };
    this.latest.set(nodeId, { at: arrivedAt, uptimeS });
    if (before === undefined || uptimeS >= before.uptimeS) return { rebooted: false };
    return { rebooted: true, before: before.uptimeS };
  }
}
