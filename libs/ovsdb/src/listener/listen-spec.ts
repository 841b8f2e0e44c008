// RFC 7047 section 2 lets a server accept connections passively (ovsdb-server's ptcp:/pssl:).
// The controller is the passive side: devices dial it. Listen specs name where to listen:
//   tcp:HOST:PORT   ssl:HOST:PORT   ws:HOST:PORT[/PATH]   wss:HOST:PORT[/PATH]
// HOST is an IPv4 address, a name, or an IPv6 address in brackets; PORT 0 asks the system
// for a free port.

import { OvsdbError } from '../errors';

export type ListenKind = 'tcp' | 'ssl' | 'ws' | 'wss';

export interface ListenSpec {
  readonly kind: ListenKind;
  readonly host: string;
  readonly port: number;
  /** WebSocket upgrade path; undefined accepts any path. */
  readonly path?: string;
  /** The spec as written, for logs. */
  readonly text: string;
}

const KINDS: readonly ListenKind[] = ['tcp', 'ssl', 'ws', 'wss'];
const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]|([A-Za-z0-9_.-]+)):(\d{1,5})(\/[^\s]*)?$/;

function invalid(text: string, why: string): OvsdbError {
  return new OvsdbError('LISTENER_INVALID_SPEC', `invalid listen spec "${text}": ${why}`);
}

export function parseListenSpec(text: string): ListenSpec {
  const colon = text.indexOf(':');
  if (colon < 0) throw invalid(text, 'expected KIND:HOST:PORT with KIND one of tcp, ssl, ws, wss');
  const kind = text.slice(0, colon) as ListenKind;
  if (!KINDS.includes(kind)) throw invalid(text, `unknown kind "${kind}" (use tcp, ssl, ws or wss)`);
  const rest = text.slice(colon + 1);
  const m = HOST_PORT.exec(rest);
  if (!m) {
    const hint = (rest.match(/:/g) ?? []).length > 1 && !rest.startsWith('[') ? ' (put an IPv6 address in brackets)' : '';
    throw invalid(text, `expected HOST:PORT${hint}`);
  }
  const [, ipv6, name, portText, path] = m;
  if (ipv6 !== undefined && !ipv6.includes(':')) throw invalid(text, `"${ipv6}" in brackets is not an IPv6 address`);
  const port = Number(portText);
  if (port > 65535) throw invalid(text, `port ${port} is out of range 0..65535`);
  if (path !== undefined && kind !== 'ws' && kind !== 'wss') throw invalid(text, `a path is only allowed for ws and wss`);
  return { kind, host: ipv6 ?? name, port, path, text };
}

/** Specs separated by commas and/or whitespace; duplicates are refused. */
export function parseListenSpecs(text: string): ListenSpec[] {
  const parts = text.split(/[\s,]+/).filter((s) => s.length > 0);
  if (parts.length === 0) throw new OvsdbError('LISTENER_INVALID_SPEC', 'no listen spec given');
  const specs = parts.map(parseListenSpec);
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.port === 0) continue;
    const key = `${s.host}|${s.port}`;
    if (seen.has(key)) throw invalid(s.text, `${s.host}:${s.port} is listed twice`);
    seen.add(key);
  }
  return specs;
}

export function needsTls(spec: ListenSpec): boolean {
  return spec.kind === 'ssl' || spec.kind === 'wss';
}
