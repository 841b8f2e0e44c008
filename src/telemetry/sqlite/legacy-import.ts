// In the ingestion worker: copies the samples an older release stored in the main database
// file into the telemetry file, once. The main file is attached and only read (in WAL mode a
// reader never blocks the main connection), rows go over in slices of SLICE_ROWS by rowid,
// and each slice commits with its progress (telemetry_import), so a copy that a restart
// interrupts resumes where it stopped and never copies a row twice.

import { setImmediate as turn } from 'node:timers/promises';
import { LEGACY_TABLES } from './legacy-tables';
import { SqliteDatabase } from './sqlite-driver';

const SLICE_ROWS = 5000;

/** Copies what `tables` (legacy names) hold; returns the legacy tables now fully copied. */
export async function importLegacyTables(db: SqliteDatabase, mainFile: string, tables: readonly string[]): Promise<string[]> {
  const wanted = LEGACY_TABLES.filter((t) => tables.includes(t.legacy));
  if (wanted.length === 0) return [];
  // A plain path (URI file names are a compile-time option of SQLite): only read here.
  db.prepare('ATTACH DATABASE ? AS legacy').run(mainFile);
  const copied: string[] = [];
  try {
    for (const t of wanted) {
      const progress = db.prepare('SELECT last_rowid AS last, done FROM telemetry_import WHERE table_name = ?').get(t.legacy) as { last: number; done: number } | undefined;
      let last = progress?.last ?? 0;
      if (progress?.done !== 1) {
        const cols = t.columns.join(', ');
        const next = db.prepare(`SELECT MAX(rowid) AS r FROM (SELECT rowid FROM legacy.${t.legacy} WHERE rowid > ? ORDER BY rowid LIMIT ${SLICE_ROWS})`);
        const copy = db.prepare(`INSERT OR IGNORE INTO main.${t.table} (${cols}) SELECT ${cols} FROM legacy.${t.legacy} WHERE rowid > ? AND rowid <= ?`);
        const mark = db.prepare('INSERT INTO telemetry_import (table_name, last_rowid, done) VALUES (?, ?, ?) ON CONFLICT (table_name) DO UPDATE SET last_rowid = excluded.last_rowid, done = excluded.done');
        const slice = db.transaction((from: number, to: number | null) => {
          if (to !== null) copy.run(from, to);
          mark.run(t.legacy, to ?? from, to === null ? 1 : 0);
        });
        for (;;) {
          const to = (next.get(last) as { r: number | null }).r;
          slice(last, to);
          if (to === null) break;
          last = to;
          await turn();
        }
      }
      copied.push(t.legacy);
    }
  } finally {
    db.exec('DETACH DATABASE legacy');
  }
  return copied;
}
