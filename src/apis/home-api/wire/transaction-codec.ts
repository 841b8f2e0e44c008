// API 2.0's transaction string (sections 5.6.4 to 5.6.7): `|ACTION|TYPE|name=value|...|\n`
// after a 4-character length. Names, actions and types are case-insensitive (kept in upper
// case for actions and types, lower case for names); values are kept as sent, never empty
// and never containing a pipe. Pure: no I/O.

import { HomeApiError, HomeErrorCode } from './error-catalogue';

export const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'CONVERT', 'RECREATE', 'CHANGE'] as const;
export const TYPES = ['SUBSCRIBER', 'SITE', 'MODEM', 'COMPUTER', 'LOGIN', 'MULTIUSER', 'MULTIIP'] as const;

export interface HomeRequest {
  action: string;
  type: string;
  /** Field name (lower case) to value, in the order sent. */
  fields: Map<string, string>;
}

export interface HomeResponse {
  action: string;
  type: string;
  /** Output fields after completion_code, in this order. */
  fields: [string, string][];
}

/** Positional tokens echoed in a response when the request's own could not be read. */
export const UNREADABLE = 'UNKNOWN';

const NAME = /^[a-z][a-z0-9_]*$/;
const POSITIONAL = /^[A-Za-z]{1,10}$/;

/**
 * Parses the text after the length prefix. Throws HomeApiError (BAD_REQUEST for the shape,
 * INVALID_ACTION_OR_TYPE for an unknown action or type); `echo` on the error says which
 * action and type the answer should carry.
 */
export function parseTransaction(text: string): HomeRequest {
  if (!text.startsWith('|') || !text.endsWith('|\n') || text.length < 4) throw badRequest(text);
  const body = text.slice(1, -2);
  if (/[^\x20-\x7e]/.test(body)) throw badRequest(text);
  const parts = body.split('|');
  const [action, type] = [parts[0]?.toUpperCase() ?? '', parts[1]?.toUpperCase() ?? ''];
  if (!POSITIONAL.test(action) || !POSITIONAL.test(type ?? '')) throw badRequest(text);
  if (!(ACTIONS as readonly string[]).includes(action) || !(TYPES as readonly string[]).includes(type)) {
    throw new TransactionError(new HomeApiError(HomeErrorCode.INVALID_ACTION_OR_TYPE), action, type);
  }
  const fields = new Map<string, string>();
  for (const part of parts.slice(2)) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1);
    // "|name=|" is an error (5.6.7): no empty values; a name may appear once.
    if (eq <= 0 || !NAME.test(name) || value === '' || fields.has(name)) {
      throw new TransactionError(new HomeApiError(HomeErrorCode.BAD_REQUEST), action, type);
    }
    fields.set(name, value);
  }
  return { action, type, fields };
}

/** A parse failure with the action and type the error response echoes. */
export class TransactionError extends Error {
  constructor(
    readonly error: HomeApiError,
    readonly action: string,
    readonly type: string,
  ) {
    super(error.message);
    this.name = 'TransactionError';
  }
}

function badRequest(text: string): TransactionError {
  // Echo the positional tokens when they can be read, so the client can match the answer.
  const parts = text.startsWith('|') ? text.slice(1).split('|') : [];
  const echo = (token: string | undefined) => (token !== undefined && POSITIONAL.test(token) ? token.toUpperCase() : UNREADABLE);
  return new TransactionError(new HomeApiError(HomeErrorCode.BAD_REQUEST), echo(parts[0]), echo(parts[1]));
}

/** The response text with its 4-character length prefix (section 5.6.6). */
export function encodeResponse(response: HomeResponse): string {
  const body = `|${response.action}|${response.type}|${response.fields.map(([n, v]) => `${n}=${safeValue(v)}|`).join('')}\n`;
  return `${String(Buffer.byteLength(body, 'ascii')).padStart(4, '0')}${body}`;
}

export function successResponse(request: Pick<HomeRequest, 'action' | 'type'>, outputs: [string, string][] = []): HomeResponse {
  return { action: request.action, type: request.type, fields: [['completion_code', '0'], ...outputs] };
}

export function errorResponse(action: string, type: string, error: HomeApiError): HomeResponse {
  return {
    action,
    type,
    fields: [
      ['completion_code', '1'],
      ['error_code', String(error.code)],
      ['error_reason', error.reason],
    ],
  };
}

/** A value the wire can carry: printable ASCII, no pipe, never empty. */
function safeValue(value: string): string {
  const cleaned = value.replace(/[^\x20-\x7e]|\|/g, ' ');
  return cleaned === '' ? 'unknown' : cleaned;
}
