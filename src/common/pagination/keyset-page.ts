// Keyset pagination on (sort key, id) for a TypeORM query builder, both directions: stable
// while rows are inserted, and the same comparison in ORDER BY and in the cursor. The total
// is counted with the same filters, before the cursor.

import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Connection, toConnection } from './connection.type';
import { CursorPosition } from './cursor';
import { PageArgs, pageRequest } from './page.args';

export interface KeysetSort<T> {
  /** SQL expression of the sort key, e.g. `c.name`. */
  key: string;
  /** SQL expression of the tie-breaker, e.g. `c.id`. */
  id: string;
  /** The list's order (e.g. newest first is DESC). */
  direction: 'ASC' | 'DESC';
  positionOf(row: T): CursorPosition;
  /** The cursor's key as a query parameter (e.g. a Date for a time); default the string. */
  keyParam?(key: string): unknown;
}

export async function keysetPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: KeysetSort<T>, args: PageArgs): Promise<Connection<T>> {
  const request = pageRequest(args);
  const totalCount = await qb.clone().getCount();
  // Fetching backwards walks the list in reverse order.
  const ascending = (sort.direction === 'ASC') === request.forward;
  if (request.cursor !== undefined) {
    const op = ascending ? '>' : '<';
    const key = sort.keyParam ? sort.keyParam(request.cursor.key) : request.cursor.key;
    const id = request.cursor.id;
    qb.andWhere(new Brackets((w) => w.where(`${sort.key} ${op} :pageKey`, { pageKey: key }).orWhere(`(${sort.key} = :pageKey AND ${sort.id} ${op} :pageId)`, { pageId: id })));
  }
  const order = ascending ? 'ASC' : 'DESC';
  const rows = await qb.orderBy(sort.key, order).addOrderBy(sort.id, order).take(request.size + 1).getMany();
  return toConnection(rows, request, totalCount, sort.positionOf);
}
