// Previous / next for a list shown a page at a time: pages the console cuts itself (Pager,
// "Page 2 of 5") or the API's connection pages, followed by cursor (CursorPager).

import type { ReactNode } from 'react';
import type { Cursor } from './venue-layout';

/** Previous and next; a missing handler disables its button. */
function PagerNav({ label, onPrevious, onNext, children }: { label: string; onPrevious?: () => void; onNext?: () => void; children?: ReactNode }) {
  return (
    <nav className="actions pager" aria-label={label}>
      <button type="button" className="small" disabled={onPrevious === undefined} onClick={() => onPrevious?.()}>
        Previous
      </button>
      {children}
      <button type="button" className="small" disabled={onNext === undefined} onClick={() => onNext?.()}>
        Next
      </button>
    </nav>
  );
}

export function Pager({ label, page, pages, onPage }: { label: string; page: number; pages: number; onPage(page: number): void }) {
  if (pages <= 1) return null;
  return (
    <PagerNav label={label} onPrevious={page > 0 ? () => onPage(page - 1) : undefined} onNext={page < pages - 1 ? () => onPage(page + 1) : undefined}>
      <span>
        Page {page + 1} of {pages}
      </span>
    </PagerNav>
  );
}

export interface PageInfoLike {
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export function CursorPager({ label, info, onCursor }: { label: string; info: PageInfoLike; onCursor(cursor: Cursor): void }) {
  if (!info.hasPreviousPage && !info.hasNextPage) return null;
  const { startCursor, endCursor } = info;
  return (
    <PagerNav
      label={label}
      onPrevious={info.hasPreviousPage && startCursor != null ? () => onCursor({ before: startCursor }) : undefined}
      onNext={info.hasNextPage && endCursor != null ? () => onCursor({ after: endCursor }) : undefined}
    />
  );
}
