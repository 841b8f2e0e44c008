// Reading the name=value fields of a request by Attachment A's rules: a required field
// missing answers its own "Must specify" error, a value longer than its column answers
// -20991, a date must be YYYYMMDDHHMISS in GMT (section 5.6.7).

import { HomeApiError, HomeErrorCode } from './error-catalogue';
import { HomeRequest } from './transaction-codec';

/** Attachment A's column sizes for the fields the gateway reads (VARCHAR2(n), NUMBER(n)). */
export const FIELD_LIMITS: Readonly<Record<string, { max: number; numeric?: boolean }>> = {
  mso_name: { max: 32 },
  request_source_name: { max: 32 },
  mso_request_id: { max: 12, numeric: true },
  subscriber_key: { max: 36 },
  mso_subscriber_key: { max: 16, numeric: true },
  sub_lastname: { max: 32 },
  sub_firstname: { max: 32 },
  sub_middle_initial: { max: 1 },
  company_name: { max: 32 },
  other_email: { max: 32 },
  site_key: { max: 36 },
  mso_site_key: { max: 15, numeric: true },
  modem_key: { max: 36 },
  mso_modem_key: { max: 15, numeric: true },
  manufacturer: { max: 20 },
  model: { max: 20 },
  serial_number: { max: 20 },
  mac_address: { max: 17 },
  net_class: { max: 10 },
  cdm_ip_address: { max: 15 },
  street_number: { max: 10 },
  street_compass_dir: { max: 3 },
  street_name: { max: 35 },
  street_designator: { max: 10 },
  apt_designator: { max: 10 },
  apt_number: { max: 10 },
  city: { max: 20 },
  state: { max: 20 },
  postcode: { max: 20 },
  country: { max: 32 },
  head_end: { max: 32 },
  oe_node: { max: 32 },
  coax_segment: { max: 32 },
  login_key: { max: 36 },
  mso_login_key: { max: 15, numeric: true },
  login: { max: 32 },
  change_login: { max: 32 },
  login_last_name: { max: 32 },
  login_first_name: { max: 32 },
  additional_login: { max: 1 },
  password: { max: 32 },
  password_type: { max: 1 },
  email_forward: { max: 128 },
  computer_key: { max: 36 },
  mso_computer_key: { max: 15, numeric: true },
  os: { max: 30 },
  cpu: { max: 20 },
  ram: { max: 10 },
  hard_disk_size: { max: 15 },
  available_space: { max: 15 },
  sound_card: { max: 30 },
  compliant: { max: 1 },
  cpe_ip_address: { max: 15 },
  cpe_dns_name: { max: 15 },
};

export class RequestFields {
  constructor(private readonly request: HomeRequest) {}

  /** The value, or undefined when absent; checks the column size when one is known. */
  optional(name: string): string | undefined {
    const value = this.request.fields.get(name);
    if (value === undefined) return undefined;
    const limit = FIELD_LIMITS[name];
    if (limit !== undefined) {
      if (value.length > limit.max) throw new HomeApiError(HomeErrorCode.VALUE_TOO_LONG);
      if (limit.numeric === true && !/^\d+$/.test(value)) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
    }
    return value;
  }

  required(name: string, missing: HomeErrorCode): string {
    const value = this.optional(name);
    if (value === undefined) throw new HomeApiError(missing);
    return value;
  }

  date(name: string, missing: HomeErrorCode): Date {
    const value = this.required(name, missing);
    const date = parseHomeDate(value);
    if (date === undefined) throw new HomeApiError(HomeErrorCode.BAD_REQUEST);
    return date;
  }
}

/** YYYYMMDDHHMISS in GMT; undefined when malformed or not a real instant (e.g. 19980231...). */
export function parseHomeDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const same =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
  return same ? date : undefined;
}

/** The GMT date the document's format writes. */
export function formatHomeDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}
