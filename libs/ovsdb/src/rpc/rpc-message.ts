// RFC 7047 section 4 (JSON-RPC 1.0 as ovsdb-server speaks it): a request is
// {method, params, id}, a notification is a request whose id is null, a response is
// {result, error, id}. There is no "jsonrpc" member; ids may be any JSON value; an error
// is any JSON value, usually OVSDB's {error, details} object, sometimes a bare string
// (ovsdb-server answers an unknown method with "unknown method").

import { OvsdbError } from '../errors';

export type RpcId = string | number | boolean | object;

export interface RpcRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly params: unknown[];
  readonly id: RpcId;
}

export interface RpcNotification {
  readonly kind: 'notification';
  readonly method: string;
  readonly params: unknown[];
}

export interface RpcResponse {
  readonly kind: 'response';
  readonly id: RpcId;
  readonly result: unknown;
  /** null on success. */
  readonly error: unknown;
}

export type RpcMessage = RpcRequest | RpcNotification | RpcResponse;

function invalid(message: string, raw: unknown): OvsdbError {
  return new OvsdbError('RPC_INVALID_MESSAGE', message, raw);
}

export function parseRpcMessage(raw: unknown): RpcMessage {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw invalid('a JSON-RPC message must be a JSON object', raw);
  }
  const m = raw as Record<string, unknown>;
  const id = m.id ?? null;
  if ('method' in m) {
    if (typeof m.method !== 'string') throw invalid('"method" must be a string', raw);
    if (!Array.isArray(m.params)) throw invalid(`"params" of ${m.method} must be an array`, raw);
    if (id === null) return { kind: 'notification', method: m.method, params: m.params };
    return { kind: 'request', method: m.method, params: m.params, id: id as RpcId };
  }
  if ('result' in m || 'error' in m) {
    if (id === null) throw invalid('a response must carry the id of its request', raw);
    const error = m.error ?? null;
    return { kind: 'response', id: id as RpcId, result: error === null ? (m.result ?? null) : null, error };
  }
  throw invalid('neither a request (method) nor a response (result, error)', raw);
}

/** Ids are compared by value: a peer may echo back an object or array id. */
export function rpcIdKey(id: RpcId): string {
  return JSON.stringify(id);
}

export function requestMessage(method: string, params: unknown[], id: RpcId): object {
  return { method, params, id };
}

export function notificationMessage(method: string, params: unknown[]): object {
  return { method, params, id: null };
}

export function resultMessage(id: RpcId, result: unknown): object {
  return { result, error: null, id };
}

export function errorMessage(id: RpcId, error: unknown): object {
  return { result: null, error, id };
}

/** The short name of a peer's error: the string itself, or the "error" member. */
export function rpcErrorName(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error !== null && typeof error === 'object' && typeof (error as { error?: unknown }).error === 'string') {
    return (error as { error: string }).error;
  }
  return JSON.stringify(error);
}
