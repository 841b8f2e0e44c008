// The JSON the spec writes for registrations, produced from stored ones: the same shape as
// the requests, with `delete_on_match` and `valid_until` at their actual values (the
// defaults filled in) and `match_type` always present.

import { MacRegistration, VendorIdRegistration } from './registration-types';

export interface VendorIdWire {
  vendorid: string;
  match_type: string;
  serviceType?: string;
}

export interface MacWire {
  mac: string;
  delete_on_match: 'true' | 'false';
  valid_until: string | null;
  serviceType?: string;
}

export function vendorIdWire(r: VendorIdRegistration): VendorIdWire {
  const wire: VendorIdWire = { vendorid: r.vendorId, match_type: r.matchType };
  if (r.serviceType !== null) wire.serviceType = r.serviceType;
  return wire;
}

export function macWire(r: MacRegistration): MacWire {
  const wire: MacWire = { mac: r.mac, delete_on_match: r.deleteOnMatch ? 'true' : 'false', valid_until: r.validUntil?.toISOString() ?? null };
  if (r.serviceType !== null) wire.serviceType = r.serviceType;
  return wire;
}
