// Relay-style page of results: edges with cursors and pageInfo. Paginated(Item) makes the
// named GraphQL object type for one item type (e.g. CustomerConnection).

import { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { encodeCursor, CursorPosition } from './cursor';

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor?: string;

  @Field()
  hasNextPage!: boolean;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export function Paginated<T>(item: Type<T>): Type<Connection<T>> {
  @ObjectType(`${item.name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => item)
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  class PaginatedType implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return PaginatedType;
}

/** Builds a connection from up to `first + 1` rows fetched in order (the extra row means more). */
export function toConnection<T>(rows: T[], first: number, positionOf: (row: T) => CursorPosition): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return { edges, pageInfo: { endCursor: edges.at(-1)?.cursor, hasNextPage: rows.length > first } };
}
