// The in-memory index every client event is matched against: registered MACs in a Map
// (one lookup per event), exact vendor ids in a Map and partial ones in a prefix trie (a
// lookup costs the length of the client's vendor class). Loaded from the database at start
// and changed with it: the registration service updates it after each commit.

import { PrefixTrie } from '../domain/vendor-id-trie';
import { MatchType } from '../domain/registration-types';
import type { EblMacRow } from '../store/ebl-registration.entities';

export interface IndexedMac {
  id: string;
  providerId: string;
  mac: string;
  deleteOnMatch: boolean;
  /** Epoch ms; null: no limit. */
  validUntil: number | null;
}

/** A stored MAC registration as the index keeps it. */
export function indexedMac(row: EblMacRow): IndexedMac {
  return { id: row.id, providerId: row.providerId, mac: row.mac, deleteOnMatch: row.deleteOnMatch, validUntil: row.validUntil?.getTime() ?? null };
}

export interface IndexedVendorId {
  id: string;
  providerId: string;
  vendorId: string;
  matchType: MatchType;
}

export type Hit = { kind: 'mac'; reg: IndexedMac } | { kind: 'vendorid'; reg: IndexedVendorId };

export interface MatchResult {
  hits: Hit[];
  /** MAC registrations found past valid_until: already out of the index, to be deleted. */
  expired: IndexedMac[];
}

const NO_MATCH: MatchResult = Object.freeze({ hits: [], expired: [] }) as MatchResult;

export class RegistrationIndex {
  private readonly macs = new Map<string, IndexedMac[]>();
  private readonly exact = new Map<string, IndexedVendorId[]>();
  private readonly partial = new PrefixTrie<IndexedVendorId>();
  private macCount = 0;
  private vendorIdCount = 0;

  get size(): { macs: number; vendorIds: number } {
    return { macs: this.macCount, vendorIds: this.vendorIdCount };
  }

  clear(): void {
    this.macs.clear();
    this.exact.clear();
    this.partial.remove('', () => true);
    this.macCount = 0;
    this.vendorIdCount = 0;
  }

  /** Adds or replaces the provider's registration of `reg.mac`. */
  putMac(reg: IndexedMac): void {
    this.removeMac(reg.providerId, reg.mac);
    const list = this.macs.get(reg.mac);
    if (list === undefined) this.macs.set(reg.mac, [reg]);
    else list.push(reg);
    this.macCount++;
  }

  removeMac(providerId: string, mac: string): IndexedMac | undefined {
    const list = this.macs.get(mac);
    const i = list?.findIndex((r) => r.providerId === providerId) ?? -1;
    if (list === undefined || i < 0) return undefined;
    const [removed] = list.splice(i, 1);
    if (list.length === 0) this.macs.delete(mac);
    this.macCount--;
    return removed;
  }

  putVendorId(reg: IndexedVendorId): void {
    this.removeVendorId(reg.providerId, reg.vendorId);
    if (reg.matchType === 'exact') {
      const list = this.exact.get(reg.vendorId);
      if (list === undefined) this.exact.set(reg.vendorId, [reg]);
      else list.push(reg);
    } else {
      this.partial.add(reg.vendorId, reg);
    }
    this.vendorIdCount++;
  }

  removeVendorId(providerId: string, vendorId: string): boolean {
    const list = this.exact.get(vendorId);
    const i = list?.findIndex((r) => r.providerId === providerId) ?? -1;
    if (list !== undefined && i >= 0) {
      list.splice(i, 1);
      if (list.length === 0) this.exact.delete(vendorId);
      this.vendorIdCount--;
      return true;
    }
    const removed = this.partial.remove(vendorId, (r) => r.providerId === providerId);
    this.vendorIdCount -= removed;
    return removed > 0;
  }

  /**
   * The registrations a client with `mac` (canonical) and DHCP vendor class `vendorClass`
   * matches at `now` (epoch ms). MAC registrations past valid_until leave the index here.
   */
  match(mac: string, vendorClass: string | null, now: number): MatchResult {
    const macs = this.macs.get(mac);
    const exact = vendorClass === null ? undefined : this.exact.get(vendorClass);
    const partial = vendorClass === null || this.partial.size === 0 ? [] : this.partial.matches(vendorClass);
    if (macs === undefined && exact === undefined && partial.length === 0) return NO_MATCH;
    const hits: Hit[] = [];
    const expired: IndexedMac[] = [];
    for (const reg of macs ?? []) {
      if (reg.validUntil !== null && reg.validUntil <= now) expired.push(reg);
      else hits.push({ kind: 'mac', reg });
    }
    for (const reg of expired) this.removeMac(reg.providerId, reg.mac);
    for (const reg of exact ?? []) hits.push({ kind: 'vendorid', reg });
    for (const reg of partial) hits.push({ kind: 'vendorid', reg });
    return { hits, expired };
  }
}
