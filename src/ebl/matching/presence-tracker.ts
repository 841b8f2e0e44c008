// What makes a discovery (one notification): a matching client seen at a location (an
// association on one of its nodes, or a DHCP lease there) when, for that provider, it was
// neither present there nor seen there for `rediscoveryAfterMs`. Roaming between the
// location's nodes or VIFs, a DHCP renewal, or a reconnect within that time is the same
// discovery. Kept only for clients that matched, keyed location|mac, then provider.

interface Presence {
  /** Nodes the client is associated to now. */
  nodes: Set<string>;
  /** Last sighting (association, lease, or leaving), epoch ms. */
  lastSeen: number;
}

export class PresenceTracker {
  private readonly byClient = new Map<string, Map<string, Presence>>();

  constructor(private readonly rediscoveryAfterMs: number) {}

  get size(): number {
    return this.byClient.size;
  }

  /**
   * A sighting of a client that matched the provider's registrations. Returns true when it
   * is a new discovery. `nodeId` is given for an association (the client is present there
   * until it leaves), null for a DHCP lease.
   */
  sighted(providerId: string, locationId: string, mac: string, nodeId: string | null, at: number): boolean {
    const key = `${locationId}|${mac}`;
    let providers = this.byClient.get(key);
    if (providers === undefined) {
      providers = new Map();
      this.byClient.set(key, providers);
    }
    const presence = providers.get(providerId);
    const isNew = presence === undefined || (presence.nodes.size === 0 && at - presence.lastSeen >= this.rediscoveryAfterMs);
    const next = presence ?? { nodes: new Set<string>(), lastSeen: at };
    if (nodeId !== null) next.nodes.add(nodeId);
    next.lastSeen = Math.max(next.lastSeen, at);
    providers.set(providerId, next);
    return isNew;
  }

  /** The client left a node (no matching needed: every provider tracking it is updated). */
  left(locationId: string, mac: string, nodeId: string, at: number): void {
    const providers = this.byClient.get(`${locationId}|${mac}`);
    if (providers === undefined) return;
    for (const presence of providers.values()) {
      presence.nodes.delete(nodeId);
      presence.lastSeen = Math.max(presence.lastSeen, at);
    }
  }

  /** Forgets clients absent for longer than the rediscovery time (they would be new anyway). */
  sweep(now: number): void {
    for (const [key, providers] of this.byClient) {
      for (const [providerId, p] of providers) {
        if (p.nodes.size === 0 && now - p.lastSeen >= this.rediscoveryAfterMs) providers.delete(providerId);
      }
      if (providers.size === 0) this.byClient.delete(key);
    }
  }
}
