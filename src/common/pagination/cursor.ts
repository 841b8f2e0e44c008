// Cursors are opaque to clients: base64url of the last row's sort key and id, so pages stay
// stable while rows are inserted. A cursor that does not decode is a validation error.

import { AppError } from '../errors/app-error';

export interface CursorPosition {
  /** The sort key of the last row returned (ISO time or a name). */
  key: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): CursorPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // reported below
  }
  throw AppError.validation([{ field, message: 'not a cursor returned by this API' }]);
}
