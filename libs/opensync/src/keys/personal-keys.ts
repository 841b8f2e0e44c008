// Personal keys (multi-PSK) of a shared network, as Wifi_VIF_Config.wpa_psks wants them
// (operations.md section 6): at most 64 entries per VIF, named "key-N". OpenSync parses
// "key" as key id 0 and "key-N" as N, reports the id a client used in
// Wifi_Associated_Clients.key_id, and collapses any other name to "key--1", so every
// personal key gets a "key-N" name. N is the key's slot in its pool: stored with the key,
// never reused, so rotating or revoking one key never renames another.

/** The most entries Wifi_VIF_Config.wpa_psks holds (the OpenSync schema's max). */
export const MAX_KEYS_PER_VIF = 64;

/** One personal key as the planner sees it: already limited to one VIF's location. */
export interface PersonalKeyView {
  /** The key's slot in its pool, 1 and up; its name on the device is key-<slot>. */
  slot: number;
  passphrase: string;
  /** Only an ACTIVE key is ever put on a device. */
  active: boolean;
  validFrom?: Date | null;
  validUntil?: Date | null;
  /** When the passphrase was last replaced (same slot, same name); clients from before still hold the old one. */
  rotatedAt?: Date | null;
}

/** The wpa_psks name of the key in `slot`. */
export function keyName(slot: number): string {
  return `key-${slot}`;
}

/** Whether the key may be used at `now`: active, and inside its window (validUntil exclusive). */
export function isKeyInForce(key: PersonalKeyView, now: Date): boolean {
  if (!key.active) return false;
  if (key.validFrom != null && key.validFrom.getTime() > now.getTime()) return false;
  return key.validUntil == null || key.validUntil.getTime() > now.getTime();
}

export interface KeyPlan {
  /** key-N -> passphrase, the keys in force with the lowest slots, at most 64. */
  psks: Map<string, string>;
  /** Keys in force left out for want of room (0 unless the capacity check was bypassed). */
  leftOut: number;
}

/** The wpa_psks map of one VIF at `now`; the same input always gives the same map. */
export function planKeys(keys: readonly PersonalKeyView[], now: Date): KeyPlan {
  const inForce = keys.filter((k) => isKeyInForce(k, now)).sort((a, b) => a.slot - b.slot);
  const kept = inForce.slice(0, MAX_KEYS_PER_VIF);
  return { psks: new Map(kept.map((k) => [keyName(k.slot), k.passphrase])), leftOut: inForce.length - kept.length };
}

/** The next instant after `now` at which a key's window opens or closes (a pass is due then). */
export function nextKeyEdge(keys: readonly PersonalKeyView[], now: Date): Date | undefined {
  let next: Date | undefined;
  for (const key of keys) {
    if (!key.active) continue;
    for (const edge of [key.validFrom, key.validUntil]) {
      if (edge == null || edge.getTime() <= now.getTime()) continue;
      if (next === undefined || edge.getTime() < next.getTime()) next = edge;
    }
  }
  return next;
}

/**
 * Whether a key counts against a location's 64: it may be put there now or later (active
 * and not past its window). A suspended key does not count; resuming it checks again.
 */
export function holdsKeyRoom(key: Pick<PersonalKeyView, 'active' | 'validUntil'>, now: Date): boolean {
  return key.active && (key.validUntil == null || key.validUntil.getTime() > now.getTime());
}

/** A client on a pool VIF as the device reports it. */
export interface KeyedClient {
  mac: string;
  keyId: string | null;
}

/**
 * Clients still associated with a key the VIF no longer carries (revoked, suspended, past
 * its window): they must be kicked. A client the device reports without a key id is left be.
 */
export function clientsOfRetiredKeys(clients: readonly KeyedClient[], psks: ReadonlyMap<string, string>): KeyedClient[] {
  return clients.filter((c) => c.keyId !== null && c.keyId !== '' && !psks.has(c.keyId));
}

/** A client on a pool VIF with when the controller first saw its association. */
export interface KeyedSession extends KeyedClient {
  since: Date;
}

/**
 * Clients that joined with a key before its passphrase was rotated: the key keeps its name,
 * so key_id alone cannot tell them apart, but their association is older than the rotation,
 * so they hold the old passphrase and must be kicked (they come back with the new one).
 * Only keys the VIF carries count: a client of a key it no longer carries is a retired key's.
 */
export function clientsOfRotatedKeys(clients: readonly KeyedSession[], keys: readonly PersonalKeyView[], psks: ReadonlyMap<string, string>): KeyedSession[] {
  const rotated = new Map<string, number>();
  for (const key of keys) {
    const name = keyName(key.slot);
    if (key.rotatedAt != null && psks.has(name)) rotated.set(name, key.rotatedAt.getTime());
  }
  return clients.filter((c) => {
    const at = c.keyId === null ? undefined : rotated.get(c.keyId);
    return at !== undefined && c.since.getTime() < at;
  });
}
