// What makes a discovery (one notification): a matching client seen at a location (an
// association on one of its nodes, or a DHCP lease there) when, for that provider, it was
// neither present there nor seen there for `rediscoveryAfterMs`. Roaming between the
// location's nodes or VIFs, a DHCP renewal, or a reconnect within that time is the same
// discovery (the rule: discovery-rule.ts). Kept only for clients that matched, keyed
// location|mac, then provider. In a cluster this is each instance's fast path; what it
// calls new is confirmed against the shared presence (shared-presence.ts).

import { DiscoveryTimes, isNewDiscovery } from './discovery-rule';

interface Presence {
  /** Nodes the client is associated to now. */
  nodes: Set<string>;
  /** Last sighting (association, lease, or leaving), epoch ms. */
  lastSeen: number;
}

/** A client associated to a node, as this instance saw it (the shared presence is kept alive with these). */
export interface PresentClient {
  providerId: string;
  locationId: string;
  mac: string;
  nodeId: string;
}

export class PresenceTracker {
  private readonly byClient = new Map<string, Map<string, Presence>>();
  private readonly times: DiscoveryTimes;

  constructor(private readonly rediscoveryAfterMs: number) {
    // What this instance saw itself is never stale: it saw the client leave, or it is there.
    this.times = { rediscoveryAfterMs, presenceStaleAfterMs: Infinity };
  }

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
    const isNew = isNewDiscovery(presence === undefined ? undefined : { present: presence.nodes.size > 0, lastSeen: presence.lastSeen }, at, this.times);
    const next = presence ?? { nodes: new Set<string>(), lastSeen: at };
    if (nodeId !== null) next.nodes.add(nodeId);
    next.lastSeen = Math.max(next.lastSeen, at);
    providers.set(providerId, next);
    return isNew;
  }

  /**
   * The client left a node (no matching needed: every provider tracking it is updated).
   * Returns whether the client is tracked here (it matched some provider's registrations).
   */
  left(locationId: string, mac: string, nodeId: string, at: number): boolean {
    const providers = this.byClient.get(`${locationId}|${mac}`);
    if (providers === undefined) return false;
    for (const presence of providers.values()) {
      presence.nodes.delete(nodeId);
      presence.lastSeen = Math.max(presence.lastSeen, at);
    }
    return true;
  }

  /** The clients associated to a node now, one entry per provider, location and MAC (with one of its nodes). */
  present(): PresentClient[] {
    const result: PresentClient[] = [];
    for (const [key, providers] of this.byClient) {
      const split = key.indexOf('|');
      const locationId = key.slice(0, split);
      const mac = key.slice(split + 1);
      for (const [providerId, p] of providers) {
        const nodeId = p.nodes.values().next().value;
        if (nodeId !== undefined) result.push({ providerId, locationId, mac, nodeId });
      }
    }
    return result;
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
