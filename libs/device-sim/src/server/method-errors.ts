// RFC 7047 s4.1: errors of a method as a whole (not of one operation), in the exact shape
// ovsdb-server 3.x sends them, so peers can branch on them the same way. Some are bare
// strings ("unknown monitor", "invalid parameters"); the others are {error, details, syntax}
// objects whose `syntax` is the offending JSON as ovsdb-server prints it (keys sorted).
import { RpcErrorReply } from '@lib/ovsdb';

/** JSON with object keys sorted and no spaces, as OVS prints a syntax excerpt. */
export function ovsJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

export function unknownDatabase(method: string, params: unknown[]): RpcErrorReply {
  const name = typeof params[0] === 'string' ? params[0] : ovsJson(params[0]);
  return new RpcErrorReply({
    error: 'unknown database',
    details: `${method} request specifies unknown database ${name}`,
    syntax: ovsJson(params),
  });
}

export function missingDatabaseName(method: string, params: unknown[]): RpcErrorReply {
  return new RpcErrorReply({
    error: 'syntax error',
    details: `${method} request params must begin with <db-name>`,
    syntax: ovsJson(params),
  });
}

export function duplicateMonitorId(id: unknown): RpcErrorReply {
  return new RpcErrorReply({ error: 'syntax error', details: 'duplicate monitor ID', syntax: ovsJson(id) });
}

export const UNKNOWN_MONITOR = 'unknown monitor';
export const INVALID_PARAMETERS = 'invalid parameters';
