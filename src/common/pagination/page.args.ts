// Cursor pagination arguments shared by every list query: bounded page size, opaque cursor,
// forwards (first/after) or backwards (last/before), as in the Relay connection spec.

import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AppError } from '../errors/app-error';
import { CursorPosition, decodeCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const TOO_BIG = `must be at most ${MAX_PAGE_SIZE}, the largest page; follow the cursors for more`;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size forwards, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE, { message: TOO_BIG })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Rows after this cursor (endCursor of the previous page).' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size backwards (the last rows, or those before \`before\`), 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE, { message: TOO_BIG })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Rows before this cursor (startCursor of the next page); goes with last.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  before?: string | null;
}

/** What a page asks for, in one direction. */
export interface PageRequest {
  size: number;
  forward: boolean;
  cursor?: CursorPosition;
}

/** first/after page forwards, last/before backwards; mixing the two is refused. */
export function pageRequest(args: PageArgs): PageRequest {
  const has = (v: unknown): boolean => v !== undefined && v !== null;
  const errors = [];
  if (has(args.first) && has(args.last)) errors.push({ field: 'last', message: 'cannot be combined with first' });
  if (has(args.last) && has(args.after)) errors.push({ field: 'after', message: 'goes with first; use before with last' });
  if (has(args.first) && has(args.before)) errors.push({ field: 'before', message: 'goes with last; use after with first' });
  if (has(args.before) && !has(args.last) && !has(args.first)) errors.push({ field: 'last', message: 'is required with before' });
  if (errors.length > 0) throw AppError.validation(errors);
  if (has(args.last)) {
    return { size: args.last as number, forward: false, cursor: has(args.before) ? decodeCursor(args.before as string, 'before') : undefined };
  }
  return { size: args.first ?? DEFAULT_PAGE_SIZE, forward: true, cursor: has(args.after) ? decodeCursor(args.after as string, 'after') : undefined };
}
