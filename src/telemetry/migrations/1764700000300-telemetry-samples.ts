// Telemetry samples: raw rows per client, node and radio per report (kept
// TELEMETRY_RAW_RETENTION_DAYS), and client traffic and signal rolled up per hour (kept
// TELEMETRY_HOURLY_RETENTION_DAYS). Instants are epoch milliseconds in a 64-bit integer, so
// hour buckets are plain integer arithmetic on both drivers. Raw tables have no primary key:
// they are only appended, read by range and deleted by age.

import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

export class TelemetrySamples1764700000300 implements MigrationInterface {
  name = 'TelemetrySamples1764700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.driver.options.type === 'postgres';
    const ms = (name: string): TableColumnOptions => ({ name, type: pg ? 'bigint' : 'integer' });
    const real = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'double precision', isNullable: nullable });
    const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
    const str = (name: string, length: number): TableColumnOptions => ({ name, type: 'varchar', length: String(length) });
    await queryRunner.createTable(
      new Table({
        name: 'telemetry_client_samples',
        columns: [ms('at'), str('location_id', 36), str('node_id', 36), str('mac', 17), str('band', 8), real('rx_bytes', false), real('tx_bytes', false), real('rx_rate'), real('tx_rate'), int('snr_db')],
        indices: [
          { name: 'ix_tcs_location_at', columnNames: ['location_id', 'at'] },
          { name: 'ix_tcs_client_at', columnNames: ['location_id', 'mac', 'at'] },
          { name: 'ix_tcs_at', columnNames: ['at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'telemetry_node_samples',
        columns: [ms('at'), str('node_id', 36), int('uptime_s'), real('load1'), int('mem_used_kb'), int('mem_total_kb'), int('cpu_pct'), int('temp_c'), int('rebooted', false)],
        indices: [
          { name: 'ix_tns_node_at', columnNames: ['node_id', 'at'] },
          { name: 'ix_tns_at', columnNames: ['at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'telemetry_radio_samples',
        columns: [ms('at'), str('node_id', 36), str('band', 8), int('channel', false), int('busy_pct'), int('noise_floor_dbm')],
        indices: [
          { name: 'ix_trs_node_at', columnNames: ['node_id', 'at'] },
          { name: 'ix_trs_at', columnNames: ['at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'telemetry_client_hourly',
        columns: [ms('hour'), str('location_id', 36), str('mac', 17), real('rx_bytes', false), real('tx_bytes', false), real('snr_sum', false), int('snr_count', false), int('snr_min')],
        indices: [
          { name: 'uq_tch_client_hour', columnNames: ['location_id', 'mac', 'hour'], isUnique: true },
          { name: 'ix_tch_location_hour', columnNames: ['location_id', 'hour'] },
          { name: 'ix_tch_hour', columnNames: ['hour'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['telemetry_client_hourly', 'telemetry_radio_samples', 'telemetry_node_samples', 'telemetry_client_samples']) await queryRunner.dropTable(t);
  }
}
