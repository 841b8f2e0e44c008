// Relay-style page of results: edges with cursors, pageInfo and the total. Paginated(Item)
// makes the named GraphQL object type for one item type (e.g. CustomerConnection).

import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { encodeCursor, CursorPosition } from './cursor';
import { PageRequest } from './page.args';

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the first row of the page (pass as before, with last).' })
  startCursor?: string;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of the page (pass as after, with first).' })
  endCursor?: string;

  @Field({ description: 'Whether rows follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether rows precede this page.' })
  hasPreviousPage!: boolean;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function Paginated<T>(item: Type<T>): Type<Connection<T>> {
  @ObjectType(`${item.name}Edge`, { description: `One ${item.name} of a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this row, for after or before.' })
    cursor!: string;

    @Field(() => item, { description: `The ${item.name}.` })
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  class PaginatedType implements Connection<T> {
    @Field(() => [Edge], { description: 'The rows of this page, in list order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Cursors and whether there is more.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All rows matching the arguments (filters and scope), across pages.' })
    totalCount!: number;
  }
  return PaginatedType;
}

/**
 * Builds a connection from up to `size + 1` rows fetched in the direction of the request
 * (the extra row means more that way); rows fetched backwards come in reverse list order.
 */
export function toConnection<T>(rows: T[], request: PageRequest, totalCount: number, positionOf: (row: T) => CursorPosition): Connection<T> {
  const more = rows.length > request.size;
  const page = rows.slice(0, request.size);
  if (!request.forward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  const beyondCursor = request.cursor !== undefined;
  return {
    edges,
    pageInfo: {
      startCursor: edges.at(0)?.cursor,
      endCursor: edges.at(-1)?.cursor,
      hasNextPage: request.forward ? more : beyondCursor,
      hasPreviousPage: request.forward ? beyondCursor : more,
    },
    totalCount,
  };
}

/** A page of nothing (a caller with no groups). */
export function emptyConnection<T>(): Connection<T> {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false }, totalCount: 0 };
}
