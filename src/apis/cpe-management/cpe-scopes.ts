// The CPE Management API's "any of" scope rules and the output each scope unlocks (the
// spec's Required/Optional Scopes per endpoint). Inheritance is already expanded in the
// principal's scopes, so "any of read, write, hw-read" is "has read".

import { CPE_SCOPES as S } from '../../oauth/oauth-scopes';
import { ApiError } from '../../oauth/bearer/api-error';

export interface ScopeView {
  sites: boolean;
  location: boolean;
  devices: boolean;
  hardwareAddress: boolean;
  /** Auxiliary networks of the owner (the auxiliary role). */
  auxiliary: boolean;
}

export function scopeView(scopes: ReadonlySet<string>): ScopeView {
  return {
    sites: scopes.has(S.SITES_READ),
    location: scopes.has(S.SITES_LOCATION_READ),
    devices: scopes.has(S.DEVICES_READ),
    hardwareAddress: scopes.has(S.DEVICES_HW_READ),
    auxiliary: scopes.has(S.AUXILIARY_READ),
  };
}

export function requireAny(scopes: ReadonlySet<string>, ...anyOf: string[]): void {
  if (!anyOf.some((s) => scopes.has(s))) throw ApiError.permissionDenied(`requires one of the scopes: ${anyOf.join(' ')}`);
}
