// Nodes, unique by serial number across all groups; location and group are empty while
// the node is unclaimed.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Nodes1763900000230 implements MigrationInterface {
  name = 'Nodes1763900000230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'nodes',
        columns: [
          portable.id(),
          portable.varchar('serial_number', 64, { isUnique: true }),
          portable.varchar('model', 64, { isNullable: true }),
          portable.varchar('firmware_version', 64, { isNullable: true }),
          portable.varchar('mac_address', 17, { isNullable: true }),
          portable.varchar('description', 200, { isNullable: true }),
          portable.ref('location_id', { isNullable: true }),
          portable.ref('group_id', { isNullable: true }),
          portable.timestamp(queryRunner, 'claimed_at', { isNullable: true }),
          portable.boolean('connected'),
          portable.timestamp(queryRunner, 'connected_since', { isNullable: true }),
          portable.timestamp(queryRunner, 'last_seen_at', { isNullable: true }),
          portable.varchar('remote_address', 64, { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        foreignKeys: [{ columnNames: ['location_id'], referencedTableName: 'locations', referencedColumnNames: ['id'] }],
        indices: [{ name: 'ix_nodes_location', columnNames: ['location_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('nodes');
  }
}
