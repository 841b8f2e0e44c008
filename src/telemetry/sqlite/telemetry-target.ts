// Where telemetry is stored. PostgreSQL: the application's own database (a pool; writes are
// asynchronous there). SQLite: a file of its own, written only by the ingestion worker:
// TELEMETRY_SQLITE_PATH, or `<main file>-telemetry.sqlite` next to the main file; with an
// in-memory main database (tests) a private temporary file, removed at shutdown, so the
// worker's path is the one tests exercise.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { ConfigError } from '../../config/config-error';
import { parseDatabaseUrl } from '../../database/database-url';

export type TelemetryTarget =
  | { kind: 'postgres' }
  | {
      kind: 'sqlite';
      /** The telemetry file (absolute). */
      file: string;
      /** The main database file, when it is a file (older releases kept telemetry there). */
      mainFile?: string;
      /** A temporary directory holding `file`, removed at shutdown. */
      tempDir?: string;
    };

export const TELEMETRY_TARGET = Symbol('TELEMETRY_TARGET');

/** `data/controller.sqlite` -> `data/controller-telemetry.sqlite`. */
export function defaultTelemetryFile(mainFile: string): string {
  const ext = extname(mainFile);
  return `${ext === '' ? mainFile : mainFile.slice(0, -ext.length)}-telemetry${ext === '' ? '.sqlite' : ext}`;
}

export function telemetryTargetFor(databaseUrl: string, configuredPath: string | undefined): TelemetryTarget {
  const database = parseDatabaseUrl(databaseUrl);
  if (database.kind === 'postgres') return { kind: 'postgres' };
  if (database.file === ':memory:') {
    if (configuredPath !== undefined) return withDirectory({ kind: 'sqlite', file: resolve(configuredPath) });
    const tempDir = mkdtempSync(join(tmpdir(), 'telemetry-'));
    return { kind: 'sqlite', file: join(tempDir, 'telemetry.sqlite'), tempDir };
  }
  const mainFile = resolve(database.file);
  const file = configuredPath === undefined ? defaultTelemetryFile(mainFile) : resolve(configuredPath);
  if (file === mainFile) throw new ConfigError([{ variable: 'TELEMETRY_SQLITE_PATH', message: 'must not be the main database file' }]);
  return withDirectory({ kind: 'sqlite', file, mainFile });
}

function withDirectory(target: TelemetryTarget & { kind: 'sqlite' }): TelemetryTarget {
  mkdirSync(dirname(target.file), { recursive: true });
  return target;
}
