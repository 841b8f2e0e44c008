// Live device reads are the one thing a GraphQL request can make a device do (node.vifs
// reads whole VIF rows over OVSDB). Per request, a node is read once, however many
// aliases or paths ask for it, and at most MAX_DEVICE_READS_PER_REQUEST distinct nodes
// are read: beyond that DEVICE_READ_LIMIT (4,132 aliases of node.vifs once made a device
// drop its session). Each read also obeys the request's time limit. Keyed by the
// request's context object, so nothing outlives the request.

import { AppError, ErrorCode } from '../../common/errors/app-error';
import { withinDeadline } from '../../common/graphql/request-deadline';

export const MAX_DEVICE_READS_PER_REQUEST = 25;

const readsByRequest = new WeakMap<object, Map<string, Promise<unknown>>>();

/** The request's one read of `key` (a node id, and what the caller may see of it). */
export function readOncePerRequest<T>(ctx: object, key: string, read: () => Promise<T>): Promise<T> {
  let reads = readsByRequest.get(ctx);
  if (reads === undefined) {
    reads = new Map();
    readsByRequest.set(ctx, reads);
  }
  const known = reads.get(key);
  if (known !== undefined) return known as Promise<T>;
  if (reads.size >= MAX_DEVICE_READS_PER_REQUEST) {
    return Promise.reject(
      new AppError(ErrorCode.DEVICE_READ_LIMIT, `one request may read at most ${MAX_DEVICE_READS_PER_REQUEST} devices live; ask for fewer nodes' vifs at once`),
    );
  }
  const pending = withinDeadline(ctx, read);
  reads.set(key, pending);
  return pending;
}
