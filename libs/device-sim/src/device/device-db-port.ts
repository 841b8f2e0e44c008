// RFC 7047 s4.1.3/s4.1.6 from a manager's seat: OpenSync managers are OVSDB clients of the
// device's own database. A port is that client seen from the manager: current rows in the
// project's value notation, change events per committed transaction, and transact.
import { Row } from '@lib/ovsdb';

export interface DeviceDbPort {
  /** Current rows of a table (with `_uuid`); empty when the table is unknown. */
  rows(table: string): readonly Readonly<Row>[];
  /** Runs one transaction (wire-notation operations); resolves with the raw result array. */
  transact(ops: readonly object[]): Promise<unknown[]>;
  /** Called after each committed change with the names of the tables it touched. */
  onChange(listener: (tables: ReadonlySet<string>) => void): () => void;
  /** Whether the table has the column (old firmware schemas lack newer columns). */
  hasColumn(table: string, column: string): boolean;
  /** Key and value atomic types of a column, or undefined when the table lacks it. */
  columnKind(table: string, column: string): ColumnKind | undefined;
  /** The table's columns (without _uuid and _version). */
  columnNames(table: string): readonly string[];
}

export interface ColumnKind {
  readonly key: string;
  readonly value?: string;
  readonly max: number;
}

/** The first error of a transaction result, or undefined when it succeeded. */
export function transactionError(results: readonly unknown[]): string | undefined {
  for (const r of results) {
    if (r !== null && typeof r === 'object' && typeof (r as { error?: unknown }).error === 'string') {
      const e = r as { error: string; details?: string };
      return e.details ? `${e.error}: ${e.details}` : e.error;
    }
  }
  return undefined;
}
