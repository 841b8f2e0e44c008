// Optional cursor pagination of the list endpoints: without `limit` the plain list (the
// contract's form); with it, at most `limit` items ordered by id and, when more follow, a
// Link header `<…?limit=n&cursor=c>; rel="next"`. The cursor is opaque (the last id).

import { ApiError } from '../../oauth/bearer/api-error';

export const MAX_LIMIT = 1000;

export interface PageRequest {
  limit?: number;
  after?: string;
}

export function pageRequest(query: Record<string, unknown>): PageRequest {
  const unknown = Object.keys(query).filter((k) => k !== 'limit' && k !== 'cursor');
  if (unknown.length > 0) throw ApiError.invalidArgument(`unknown query parameter: ${unknown.join(', ')}`);
  const { limit, cursor } = query;
  if (cursor !== undefined && limit === undefined) throw ApiError.invalidArgument('cursor needs limit');
  let parsedLimit: number | undefined;
  if (limit !== undefined) {
    if (typeof limit !== 'string' || !/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) {
      throw ApiError.invalidArgument(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    parsedLimit = Number(limit);
  }
  let after: string | undefined;
  if (cursor !== undefined) {
    after = typeof cursor === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
    if (after === undefined || !/^[0-9a-f-]{36}$/.test(after)) throw ApiError.invalidArgument('cursor is not valid');
  }
  return { limit: parsedLimit, after };
}

/** The Link header for the next page, when there is one. */
export function nextLink(path: string, limit: number | undefined, lastId: string | undefined, more: boolean): string | undefined {
  if (limit === undefined || !more || lastId === undefined) return undefined;
  const cursor = Buffer.from(lastId, 'utf8').toString('base64url');
  return `<${path}?limit=${limit}&cursor=${cursor}>; rel="next"`;
}
