// The raw client samples lose the index on (location_id, mac, at). Every read of raw rows is
// a location's range of `at` (the hours not rolled up yet, for one client or all), which the
// covering index (location_id, at, mac, ...) of 1765650000000 answers alone; and each index
// on these rows is paid on every append: on a telemetry file of 2 million samples, this one
// was about 40 % of the append's CPU (docs/benchmarks.md). SQLite keeps telemetry in a file of
// its own (1765680000000), whose schema the ingestion worker upgrades the same way
// (telemetry-file-schema.ts, version 2): nothing to do in the main file there.

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const RAW = 'telemetry_client_samples';

export class TelemetryDropClientIndex1765691000000 implements MigrationInterface {
  name = 'TelemetryDropClientIndex1765691000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.dropIndex(RAW, 'ix_tcs_client_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    await queryRunner.createIndex(RAW, new TableIndex({ name: 'ix_tcs_client_at', columnNames: ['location_id', 'mac', 'at'] }));
  }
}
