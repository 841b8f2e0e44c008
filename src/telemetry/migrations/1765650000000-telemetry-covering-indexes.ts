// A location's usage and top talkers read every sample of the location in a time range. Raw
// rows are appended in arrival order, so one location's rows lie on as many table pages as
// it has samples; rollup rows likewise, an hour of all locations at a time. These indexes
// carry the columns those reads sum (covering indexes), so a 7-day location query reads
// contiguous index entries only and never the table. They replace the (location_id, at) and
// (location_id, hour) indexes, whose leading columns they keep.

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const RAW = 'telemetry_client_samples';
const HOURLY = 'telemetry_client_hourly';

export class TelemetryCoveringIndexes1765650000000 implements MigrationInterface {
  name = 'TelemetryCoveringIndexes1765650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex(RAW, 'ix_tcs_location_at');
    await queryRunner.createIndex(RAW, new TableIndex({ name: 'ix_tcs_location_at_cover', columnNames: ['location_id', 'at', 'mac', 'rx_bytes', 'tx_bytes', 'snr_db'] }));
    await queryRunner.dropIndex(HOURLY, 'ix_tch_location_hour');
    await queryRunner.createIndex(
      HOURLY,
      new TableIndex({ name: 'ix_tch_location_hour_cover', columnNames: ['location_id', 'hour', 'mac', 'rx_bytes', 'tx_bytes', 'snr_sum', 'snr_count', 'snr_min'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex(HOURLY, 'ix_tch_location_hour_cover');
    await queryRunner.createIndex(HOURLY, new TableIndex({ name: 'ix_tch_location_hour', columnNames: ['location_id', 'hour'] }));
    await queryRunner.dropIndex(RAW, 'ix_tcs_location_at_cover');
    await queryRunner.createIndex(RAW, new TableIndex({ name: 'ix_tcs_location_at', columnNames: ['location_id', 'at'] }));
  }
}
