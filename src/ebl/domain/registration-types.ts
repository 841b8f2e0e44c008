// What a provider registers, once validated: the shapes the registration rules produce and
// the store and matcher consume. Field names on the wire are the spec's (registration-wire.ts).

export type MatchType = 'partial_match' | 'exact';
export const MATCH_TYPES: readonly MatchType[] = ['partial_match', 'exact'];

export interface VendorIdRegistration {
  vendorId: string;
  matchType: MatchType;
  serviceType: string | null;
}

export interface MacRegistration {
  /** Canonical form: lower case, colon separated. */
  mac: string;
  deleteOnMatch: boolean;
  /** After this instant the registration notifies nothing and is removed; null: no limit. */
  validUntil: Date | null;
  serviceType: string | null;
}
