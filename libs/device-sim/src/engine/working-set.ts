// RFC 7047 s4.1.3: transactions are atomic. Operations run against copy-on-write table
// copies; nothing reaches the database unless every operation and the commit checks pass.
import { randomUUID } from 'node:crypto';
import { StoredRow, TableRows } from './stored-row';

export class WorkingSet {
  private readonly copies = new Map<string, TableRows>();
  /** uuids of rows inserted by this transaction. */
  readonly inserted = new Set<string>();
  /** uuids of rows deleted by an explicit delete operation. */
  readonly deleted = new Map<string, string>();

  constructor(private readonly base: ReadonlyMap<string, TableRows>) {}

  rows(table: string): ReadonlyMap<string, StoredRow> {
    return this.copies.get(table) ?? this.base.get(table) ?? new Map();
  }

  baseRows(table: string): ReadonlyMap<string, StoredRow> {
    return this.base.get(table) ?? new Map();
  }

  writable(table: string): TableRows {
    let copy = this.copies.get(table);
    if (!copy) {
      copy = new Map(this.base.get(table) ?? []);
      this.copies.set(table, copy);
    }
    return copy;
  }

  touchedTables(): string[] {
    return [...this.copies.keys()];
  }

  /** The tables after the transaction: copies where written, the originals elsewhere. */
  result(): Map<string, TableRows> {
    const out = new Map(this.base);
    for (const [name, rows] of this.copies) out.set(name, rows);
    return out;
  }
}

export function newUuid(): string {
  return randomUUID();
}
