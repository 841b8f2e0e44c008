// Validation of the registration bodies (POST, DELETE and GET of /ebl/vendorids and
// /ebl/mac-addresses). Pure: a body in, registrations or every problem out, each naming the
// entry (`macs[2].valid_until`) and why. A request with any problem registers nothing.

import { AppError, FieldError } from '../../common/errors/app-error';
import { parseMac } from './mac-address';
import { MacRegistration, MATCH_TYPES, MatchType, VendorIdRegistration } from './registration-types';
import { isDeniedVendorId } from './vendor-id-deny-list';

export const MAX_VENDOR_ID_LENGTH = 255;
export const MAX_SERVICE_TYPE_LENGTH = 255;
/** Entries in one request. */
export const MAX_ENTRIES = 1000;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface MacRules {
  now: Date;
  /** valid_until when the provider gives none; null: no limit. */
  defaultValidityMs: number | null;
}

const VENDOR_ID_FIELDS = ['vendorid', 'match_type', 'serviceType'] as const;
const MAC_FIELDS = ['mac', 'delete_on_match', 'valid_until', 'serviceType'] as const;

/** How one list of a body is read: its name, its entries' fields, the field that keys them. */
interface EntryListShape {
  list: 'vendorids' | 'macs';
  fields: readonly string[];
  keyField: string;
  /** Whether the duplicate message repeats the (normalised) key. */
  showKey: boolean;
}

const VENDOR_IDS: EntryListShape = { list: 'vendorids', fields: VENDOR_ID_FIELDS, keyField: 'vendorid', showKey: false };
const MACS: EntryListShape = { list: 'macs', fields: MAC_FIELDS, keyField: 'mac', showKey: true };

/**
 * The entries of one list, each an object with known fields only and a key no earlier entry
 * had; `parse` reads one entry (pushing its problems) and gives its key and value, or null.
 * Every problem of every entry is collected; any problem throws them all.
 */
function parseEntries<T>(
  body: unknown,
  shape: EntryListShape,
  nonEmpty: boolean,
  parse: (entry: Record<string, unknown>, at: string, errors: FieldError[]) => { key: string; value: T } | null,
): T[] {
  const errors: FieldError[] = [];
  const entries = entryList(body, shape.list, nonEmpty, errors);
  const result: T[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const at = `${shape.list}[${i}]`;
    if (!isObject(entry)) return errors.push({ field: at, message: 'must be an object' });
    unknownFields(entry, shape.fields, at, errors);
    const parsed = parse(entry, at, errors);
    if (parsed === null) return;
    const first = seen.get(parsed.key);
    if (first !== undefined) {
      const key = shape.showKey ? ` (${parsed.key})` : '';
      return errors.push({ field: `${at}.${shape.keyField}`, message: `duplicate of ${shape.list}[${first}] in this request${key}` });
    }
    seen.set(parsed.key, i);
    result.push(parsed.value);
  });
  if (errors.length > 0) throw AppError.validation(errors);
  return result;
}

/** POST /ebl/vendorids. */
export function parseVendorIdRegistrations(body: unknown, denyList: readonly string[]): VendorIdRegistration[] {
  return parseEntries(body, VENDOR_IDS, true, (entry, at, errors) => {
    const vendorId = vendorIdOf(entry.vendorid, `${at}.vendorid`, errors);
    let matchType: MatchType = 'exact';
    if (entry.match_type !== undefined) {
      if (typeof entry.match_type === 'string' && (MATCH_TYPES as readonly string[]).includes(entry.match_type)) matchType = entry.match_type as MatchType;
      else errors.push({ field: `${at}.match_type`, message: `must be one of ${MATCH_TYPES.join(', ')} (no wildcards or regular expressions)` });
    }
    const serviceType = serviceTypeOf(entry.serviceType, `${at}.serviceType`, errors);
    if (vendorId === null) return null;
    if (isDeniedVendorId(vendorId, denyList)) {
      errors.push({ field: `${at}.vendorid`, message: `"${vendorId}" is a generic vendor id (it would match equipment of every provider); register one specific to your equipment` });
      return null;
    }
    return { key: vendorId, value: { vendorId, matchType, serviceType } };
  });
}

/** DELETE /ebl/vendorids (required) and GET (optional filter: null lists everything). */
export function parseVendorIdKeys(body: unknown, required: boolean): string[] | null {
  if (!required && isAbsent(body)) return null;
  return parseEntries(body, VENDOR_IDS, required, (entry, at, errors) => {
    const id = vendorIdOf(entry.vendorid, `${at}.vendorid`, errors);
    return id === null ? null : { key: id, value: id };
  });
}

/** POST /ebl/mac-addresses. */
export function parseMacRegistrations(body: unknown, rules: MacRules): MacRegistration[] {
  return parseEntries(body, MACS, true, (entry, at, errors) => {
    const mac = macOf(entry.mac, `${at}.mac`, errors);
    const deleteOnMatch = booleanOf(entry.delete_on_match, `${at}.delete_on_match`, errors);
    const validUntil = validUntilOf(entry.valid_until, `${at}.valid_until`, rules, errors);
    const serviceType = serviceTypeOf(entry.serviceType, `${at}.serviceType`, errors);
    if (mac === null || deleteOnMatch === null || validUntil === undefined) return null;
    return { key: mac, value: { mac, deleteOnMatch, validUntil, serviceType } };
  });
}

/** DELETE /ebl/mac-addresses (required) and GET (optional filter: null lists everything). */
export function parseMacKeys(body: unknown, required: boolean): string[] | null {
  if (!required && isAbsent(body)) return null;
  return parseEntries(body, MACS, required, (entry, at, errors) => {
    const mac = macOf(entry.mac, `${at}.mac`, errors);
    return mac === null ? null : { key: mac, value: mac };
  });
}

function isAbsent(body: unknown): boolean {
  return body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entryList(body: unknown, key: string, nonEmpty: boolean, errors: FieldError[]): unknown[] {
  if (!isObject(body)) {
    errors.push({ field: 'body', message: `must be a JSON object with a "${key}" list` });
    return [];
  }
  unknownFields(body, [key], 'body', errors);
  const list = body[key];
  if (!Array.isArray(list)) {
    errors.push({ field: key, message: 'must be a list' });
    return [];
  }
  if (nonEmpty && list.length === 0) errors.push({ field: key, message: 'must name at least one entry' });
  if (list.length > MAX_ENTRIES) {
    errors.push({ field: key, message: `at most ${MAX_ENTRIES} entries per request` });
    return [];
  }
  return list;
}

function unknownFields(entry: Record<string, unknown>, known: readonly string[], at: string, errors: FieldError[]): void {
  for (const key of Object.keys(entry)) {
    if (!known.includes(key)) errors.push({ field: at === 'body' ? key : `${at}.${key}`, message: `unknown field (expected ${known.join(', ')})` });
  }
}

function vendorIdOf(value: unknown, field: string, errors: FieldError[]): string | null {
  if (typeof value !== 'string' || value.length === 0) {
    errors.push({ field, message: 'must be a non-empty text' });
    return null;
  }
  if ([...value].length > MAX_VENDOR_ID_LENGTH) {
    errors.push({ field, message: `at most ${MAX_VENDOR_ID_LENGTH} characters` });
    return null;
  }
  if (CONTROL.test(value)) {
    errors.push({ field, message: 'must not contain control characters' });
    return null;
  }
  return value;
}

function serviceTypeOf(value: unknown, field: string, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SERVICE_TYPE_LENGTH || CONTROL.test(value)) {
    errors.push({ field, message: `must be a text of 1 to ${MAX_SERVICE_TYPE_LENGTH} characters` });
    return null;
  }
  return value;
}

function macOf(value: unknown, field: string, errors: FieldError[]): string | null {
  const mac = parseMac(value);
  if (mac === null) errors.push({ field, message: 'must be a MAC address (e.g. 11:22:33:44:55:66, 11-22-33-44-55-66, 1122.3344.5566 or 112233445566)' });
  return mac;
}

function booleanOf(value: unknown, field: string, errors: FieldError[]): boolean | null {
  if (value === undefined) return false;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  errors.push({ field, message: 'must be true or false' });
  return null;
}

/** undefined: invalid (reported); null: no limit. */
function validUntilOf(value: unknown, field: string, rules: MacRules, errors: FieldError[]): Date | null | undefined {
  if (value === undefined || value === null) {
    return rules.defaultValidityMs === null ? null : new Date(rules.now.getTime() + rules.defaultValidityMs);
  }
  const time = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    errors.push({ field, message: 'must be a dateTime such as 2019-04-15T00:00:00.000Z' });
    return undefined;
  }
  if (time <= rules.now.getTime()) {
    errors.push({ field, message: 'is in the past' });
    return undefined;
  }
  return new Date(time);
}
