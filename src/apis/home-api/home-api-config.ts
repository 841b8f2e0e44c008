// HOME_API_* variables: the legacy provisioning gateway is off unless HOME_API_LISTEN is
// set. Read by src/config/load-config.ts with the same reader, so problems are reported
// together with every other variable's.

import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { EnvReader } from '../../config/env-readers';

export interface HomeApiMso {
  /** The mso_name every transaction carries, in upper case (names are case-insensitive). */
  name: string;
  /** The group (id or exact name) whose customers this MSO provisions. */
  group: string;
  /** Source addresses a plain-TCP connection of this MSO may come from. */
  addresses: string[];
}

export interface HomeApiConfig {
  host: string;
  port: number;
  tlsCertFile?: string;
  tlsKeyFile?: string;
  tlsCaFile?: string;
  msos: HomeApiMso[];
  /** Section 5.7.2's TIMEOUT_READ_REQUEST: an idle connection is closed after this long. */
  idleTimeoutMs: number;
  /** Longest transaction accepted (the 4-digit length allows 9999). */
  maxTransactionBytes: number;
  /** IANA zone of the locations a SITE creates. */
  timezone: string;
  /** The domain of the email addresses LOGIN gives (`<login>@<domain>`); LOGIN is refused without it. */
  loginDomain?: string;
  /** Answer subscriber_key, site_key, modem_key and login_key as numbers (Attachment A's NUMBER(12)) instead of our ids. */
  numericKeys: boolean;
}

export function readHomeApiConfig(r: EnvReader): HomeApiConfig | undefined {
  const listen = r.string('HOME_API_LISTEN');
  if (listen === undefined) return undefined;
  const m = /^(.+):(\d{1,5})$/.exec(listen);
  const host = m?.[1]?.replace(/^\[(.*)\]$/, '$1') ?? '';
  const port = Number(m?.[2] ?? -1);
  if (m === null || isIP(host) === 0 || port > 65535) r.fail('HOME_API_LISTEN', `must be <ip>:<port>, e.g. 0.0.0.0:5400, got "${listen}"`);
  const tls = ['HOME_API_TLS_CERT', 'HOME_API_TLS_KEY', 'HOME_API_TLS_CA'].map((name) => readFile(r, name));
  if (tls.some((f) => f !== undefined) && tls.some((f) => f === undefined)) {
    r.fail('HOME_API_TLS_CERT', 'HOME_API_TLS_CERT, HOME_API_TLS_KEY and HOME_API_TLS_CA are set together or not at all');
  }
  const msos = readMsos(r, tls[0] !== undefined);
  return {
    host,
    port,
    tlsCertFile: tls[0],
    tlsKeyFile: tls[1],
    tlsCaFile: tls[2],
    msos,
    idleTimeoutMs: r.integer('HOME_API_IDLE_TIMEOUT_S', 600, 1, 86_400) * 1000,
    maxTransactionBytes: r.integer('HOME_API_MAX_TRANSACTION_BYTES', 9999, 64, 9999),
    timezone: readTimezone(r),
    loginDomain: readLoginDomain(r),
    numericKeys: r.boolean('HOME_API_NUMERIC_KEYS', false),
  };
}

function readFile(r: EnvReader, name: string): string | undefined {
  const file = r.string(name);
  if (file !== undefined && !existsSync(file)) r.fail(name, `file "${file}" does not exist`);
  return file;
}

/** HOME_API_MSOS=ABC=<group>,XYZ=<group>; HOME_API_MSO_ADDRESSES=ABC=10.0.0.5,ABC=10.0.0.6 */
function readMsos(r: EnvReader, tls: boolean): HomeApiMso[] {
  const msos = new Map<string, HomeApiMso>();
  for (const entry of splitList(r.string('HOME_API_MSOS'))) {
    const eq = entry.indexOf('=');
    const name = entry.slice(0, eq).trim().toUpperCase();
    const group = entry.slice(eq + 1).trim();
    if (eq <= 0 || !/^[A-Z0-9_.-]{1,32}$/.test(name) || group === '') r.fail('HOME_API_MSOS', `"${entry}" must be <mso_name>=<group id or name>`);
    else if (msos.has(name)) r.fail('HOME_API_MSOS', `MSO ${name} is listed twice`);
    else msos.set(name, { name, group, addresses: [] });
  }
  if (msos.size === 0) r.fail('HOME_API_MSOS', 'must list at least one <mso_name>=<group> when HOME_API_LISTEN is set');
  for (const entry of splitList(r.string('HOME_API_MSO_ADDRESSES'))) {
    const [name, address] = entry.split('=').map((s) => s.trim());
    const mso = msos.get(name?.toUpperCase() ?? '');
    if (mso === undefined || address === undefined || isIP(address) === 0) r.fail('HOME_API_MSO_ADDRESSES', `"${entry}" must be <mso_name>=<ip> for an MSO of HOME_API_MSOS`);
    else mso.addresses.push(address);
  }
  if (!tls && msos.size > 0 && [...msos.values()].every((m) => m.addresses.length === 0)) {
    r.fail('HOME_API_MSO_ADDRESSES', 'without TLS client certificates, an MSO is recognised by its source address: list at least one');
  }
  return [...msos.values()];
}

function readTimezone(r: EnvReader): string {
  const zone = r.string('HOME_API_TIMEZONE') ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    r.fail('HOME_API_TIMEZONE', `"${zone}" is not an IANA time zone`);
  }
  return zone;
}

function readLoginDomain(r: EnvReader): string | undefined {
  const domain = r.string('HOME_API_LOGIN_DOMAIN')?.toLowerCase();
  if (domain !== undefined && !/^(?=.{1,32}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/.test(domain)) {
    r.fail('HOME_API_LOGIN_DOMAIN', `"${domain}" must be a domain name of at most 32 characters (assigned_domain's column), e.g. home.example.net`);
  }
  return domain;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
