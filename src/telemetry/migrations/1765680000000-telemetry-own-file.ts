// SQLite: telemetry moves to a file of its own, written by the ingestion worker
// (docs/decisions/clients-telemetry.md). The main file's telemetry tables go: an empty one
// is dropped; one that holds rows is renamed `telemetry_legacy_*`, the worker copies its
// rows into the telemetry file once, and the main thread then empties it (a later
// migration may drop the emptied tables). PostgreSQL keeps its tables: nothing changes there.

import { MigrationInterface, QueryRunner } from 'typeorm';
import { LEGACY_TABLES } from '../sqlite/legacy-tables';
import { TelemetryCoveringIndexes1765650000000 } from './1765650000000-telemetry-covering-indexes';
import { TelemetrySamples1764700000300 } from './1764700000300-telemetry-samples';

export class TelemetryOwnFile1765680000000 implements MigrationInterface {
  name = 'TelemetryOwnFile1765680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') return;
    for (const t of LEGACY_TABLES) {
      const [row] = (await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM ${t.table}) AS has`)) as { has: number }[];
      if (row?.has) await queryRunner.query(`ALTER TABLE ${t.table} RENAME TO ${t.legacy}`);
      else await queryRunner.query(`DROP TABLE ${t.table}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') return;
    // Back to the tables in the main file: renamed ones return as they are, dropped ones
    // are created again (empty) as the earlier migrations made them.
    const renamed = new Set(((await queryRunner.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'telemetry_legacy_%'`)) as { name: string }[]).map((r) => r.name));
    if (renamed.size === 0) {
      await new TelemetrySamples1764700000300().up(queryRunner);
      await new TelemetryCoveringIndexes1765650000000().up(queryRunner);
      return;
    }
    for (const t of LEGACY_TABLES) if (renamed.has(t.legacy)) await queryRunner.query(`ALTER TABLE ${t.legacy} RENAME TO ${t.table}`);
  }
}
