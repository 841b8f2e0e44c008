// Pure rules of location input: bounded text, ISO country code, IANA time zone.

import { isIsoCountryCode } from './iso-countries';
import { FieldError } from '../common/errors/app-error';
import { checkOptionalText, checkText, nested } from '../validation/field-checks';

export interface AddressFields {
  street?: string | null;
  city?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

export interface LocationFields {
  name?: string;
  serviceId?: string | null;
  address?: AddressFields | null;
  timezone?: string;
}

const KNOWN_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

/** An IANA zone name the runtime knows (canonical names and aliases such as UTC or Europe/Kiev). */
export function isIanaTimezone(zone: string): boolean {
  if (KNOWN_ZONES.has(zone)) return true;
  // Offsets like "+01:00" are accepted by Intl but are not IANA names.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function validateAddress(address: AddressFields): FieldError[] {
  const country = address.country;
  return [
    ...checkOptionalText('street', address.street, 200),
    ...checkOptionalText('city', address.city, 100),
    ...checkOptionalText('postalCode', address.postalCode, 20),
    ...(country !== undefined && country !== null && !isIsoCountryCode(country)
      ? [{ field: 'country', message: 'must be an assigned ISO 3166-1 alpha-2 code in capitals, such as DE' }]
      : []),
  ];
}

export function validateLocationFields(input: LocationFields, requireAll: boolean, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (input.name !== undefined || requireAll) errors.push(...checkText('name', input.name, 1, 100));
  errors.push(...checkOptionalText('serviceId', input.serviceId, 100));
  if (input.address) errors.push(...nested('address', validateAddress(input.address)));
  if (input.timezone !== undefined || requireAll) {
    if (input.timezone === undefined) errors.push({ field: 'timezone', message: 'is required' });
    else if (!isIanaTimezone(input.timezone)) errors.push({ field: 'timezone', message: 'must be an IANA time zone such as Europe/Berlin' });
  }
  return prefix ? nested(prefix, errors) : errors;
}
