// Device operations (durable jobs), their per-node targets, the reboot method of each
// device family and the firmware catalogue (both platform-wide). Progress counts are a
// GROUP BY on (operation_id, state); the runner finds in-flight targets by state.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class DeviceOperations1764600000000 implements MigrationInterface {
  name = 'DeviceOperations1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'device_operations',
        columns: [
          portable.id(),
          portable.varchar('kind', 32),
          portable.varchar('state', 32),
          portable.ref('group_id'),
          portable.ref('created_by'),
          portable.varchar('created_by_email', 254),
          portable.timestamp(queryRunner, 'start_at', { isNullable: true }),
          portable.integer('wave_size'),
          portable.integer('target_count'),
          portable.json('params'),
          portable.timestamp(queryRunner, 'finished_at', { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ix_device_operations_group', columnNames: ['group_id', 'created_at'] },
          { name: 'ix_device_operations_state', columnNames: ['state'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'device_operation_targets',
        columns: [
          portable.id(),
          portable.ref('operation_id'),
          portable.integer('position'),
          portable.ref('node_id'),
          portable.varchar('serial_number', 64),
          portable.ref('location_id', { isNullable: true }),
          portable.varchar('state', 32),
          portable.varchar('failure_code', 64, { isNullable: true }),
          portable.varchar('detail', 500, { isNullable: true }),
          portable.json('attempt', { isNullable: true }),
          portable.varchar('upload_token_hash', 64, { isNullable: true }),
          portable.timestamp(queryRunner, 'deadline_at', { isNullable: true }),
          portable.timestamp(queryRunner, 'finished_at', { isNullable: true }),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        foreignKeys: [{ columnNames: ['operation_id'], referencedTableName: 'device_operations', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [
          { name: 'ix_operation_targets_progress', columnNames: ['operation_id', 'state', 'position'] },
          { name: 'ix_operation_targets_node', columnNames: ['node_id'] },
          { name: 'ix_operation_targets_location', columnNames: ['location_id'] },
          { name: 'ix_operation_targets_state', columnNames: ['state'] },
          { name: 'ix_operation_targets_upload_token', columnNames: ['upload_token_hash'], isUnique: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reboot_methods',
        columns: [
          portable.id(),
          portable.varchar('model_pattern', 64),
          portable.varchar('firmware_pattern', 64),
          portable.varchar('method', 32),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        uniques: [{ name: 'uq_reboot_methods_patterns', columnNames: ['model_pattern', 'firmware_pattern'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'firmware_images',
        columns: [
          portable.id(),
          portable.varchar('model', 64),
          portable.varchar('version', 64),
          portable.varchar('url', 256),
          portable.varchar('md5', 32, { isNullable: true }),
          portable.varchar('sha256', 64, { isNullable: true }),
          portable.varchar('notes', 1000, { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        uniques: [{ name: 'uq_firmware_images_model_version', columnNames: ['model', 'version'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('firmware_images');
    await queryRunner.dropTable('reboot_methods');
    await queryRunner.dropTable('device_operation_targets');
    await queryRunner.dropTable('device_operations');
  }
}
