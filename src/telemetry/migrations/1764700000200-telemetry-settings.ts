// Per-group stats intervals (telemetry_settings): one row for a group that left the defaults.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class TelemetrySettings1764700000200 implements MigrationInterface {
  name = 'TelemetrySettings1764700000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'telemetry_settings',
        columns: [
          portable.id('group_id'),
          portable.integer('agg_stats_interval_s'),
          portable.integer('reporting_interval_s'),
          portable.integer('sampling_interval_s'),
          portable.integer('survey_interval_s'),
        ],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('telemetry_settings');
  }
}
