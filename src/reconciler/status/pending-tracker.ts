// Since when a node has been waiting for each network's current desired VIFs. It restarts
// when what the model wants changes or the node reconnects, not when the reconciler merely
// repeats a write: a device that keeps undoing our rows must end FAILED, not wait forever.

interface Pending {
  fingerprint: string;
  since: Date;
}

export class PendingTracker {
  private readonly byNode = new Map<string, Map<string, Pending>>();

  sinceFor(nodeId: string, networkId: string, fingerprint: string, now: Date): Date {
    let networks = this.byNode.get(nodeId);
    if (networks === undefined) {
      networks = new Map();
      this.byNode.set(nodeId, networks);
    }
    const current = networks.get(networkId);
    if (current !== undefined && current.fingerprint === fingerprint) return current.since;
    networks.set(networkId, { fingerprint, since: now });
    return now;
  }

  /** A reconnect: every network waits afresh. */
  reset(nodeId: string): void {
    this.byNode.delete(nodeId);
  }
}
