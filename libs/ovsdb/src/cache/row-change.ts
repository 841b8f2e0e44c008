// RFC 7047 section 4.1.6 (update notification) as seen by consumers of the cache: one
// event per changed row, and one per notification so that work that depends on several
// rows (convergence of a device) runs once per notification, not once per row.

import { Row } from '../notation/value';

export type RowChangeKind = 'insert' | 'modify' | 'delete';

export interface RowChange {
  readonly table: string;
  readonly uuid: string;
  readonly kind: RowChangeKind;
  /** The row before the change (modify, delete). */
  readonly old?: Readonly<Row>;
  /** The row after the change (insert, modify). */
  readonly new?: Readonly<Row>;
}

export interface CacheBatch {
  /** The changes of one notification, in the order they were applied. */
  readonly changes: readonly RowChange[];
  /** True for the batch that `clear()` emits before a resync. */
  readonly cleared: boolean;
  /** Tables that changed in this batch. */
  readonly tables: ReadonlySet<string>;
}
