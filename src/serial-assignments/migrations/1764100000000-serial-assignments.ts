// Serial assignments: which unclaimed serials (exact, or by prefix) a group may see. An
// exact serial or a prefix belongs to one group at most.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class SerialAssignments1764100000000 implements MigrationInterface {
  name = 'SerialAssignments1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'serial_assignments',
        columns: [
          portable.id(),
          portable.ref('group_id'),
          portable.varchar('kind', 16),
          portable.varchar('value', 64),
          portable.timestamp(queryRunner, 'created_at'),
        ],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        uniques: [{ name: 'uq_serial_assignments_kind_value', columnNames: ['kind', 'value'] }],
        indices: [{ name: 'ix_serial_assignments_group', columnNames: ['group_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('serial_assignments');
  }
}
