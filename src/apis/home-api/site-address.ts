// Attachment A.3's address fields onto our address: the street line is built from number,
// compass direction, name and designator (apartment after a comma); the state goes with the
// city ("NORWALK, CT") as our address has no region; a two-letter country is kept, anything
// else (e.g. "USA") is not an ISO 3166-1 code and is left out. Pure.

import { RequestFields } from './wire/request-fields';

export interface SiteAddress {
  /** The location's name: the street line (locations are named by where they are). */
  name?: string;
  street?: string;
  city?: string;
  postalCode?: string;
  country?: string;
}

export function siteAddress(f: RequestFields): SiteAddress {
  const number = f.optional('street_number');
  const streetName = f.optional('street_name');
  const parts = [number, f.optional('street_compass_dir'), streetName, f.optional('street_designator')].filter((p) => p !== undefined);
  const apartment = [f.optional('apt_designator'), f.optional('apt_number')].filter((p) => p !== undefined).join(' ');
  const street = number !== undefined && streetName !== undefined ? parts.join(' ') + (apartment === '' ? '' : `, ${apartment}`) : undefined;
  const city = f.optional('city');
  const state = f.optional('state');
  const country = f.optional('country')?.toUpperCase();
  return {
    name: street?.slice(0, 100),
    street,
    city: city !== undefined && state !== undefined ? `${city}, ${state}` : undefined,
    postalCode: f.optional('postcode'),
    country: country !== undefined && /^[A-Z]{2}$/.test(country) ? country : undefined,
  };
}
