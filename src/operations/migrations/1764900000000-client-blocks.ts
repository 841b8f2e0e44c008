// Temporary client blocks of CLIENT_KICK operations: one row per kicked node (keyed by its
// operation target), with the instant the block ends. Read back at start so a block is
// lifted on time even across a restart; rows past their end are deleted then.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class ClientBlocks1764900000000 implements MigrationInterface {
  name = 'ClientBlocks1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'client_blocks',
        columns: [
          { ...portable.ref('target_id'), isPrimary: true },
          portable.ref('node_id'),
          portable.varchar('mac', 17),
          portable.timestamp(queryRunner, 'blocked_until'),
          portable.timestamp(queryRunner, 'created_at'),
        ],
        foreignKeys: [{ columnNames: ['target_id'], referencedTableName: 'device_operation_targets', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ name: 'ix_client_blocks_until', columnNames: ['blocked_until'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('client_blocks');
  }
}
