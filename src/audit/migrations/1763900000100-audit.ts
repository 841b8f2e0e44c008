// Audit events, queried by object and by group in time order.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Audit1763900000100 implements MigrationInterface {
  name = 'Audit1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          portable.id(),
          portable.ref('actor_user_id'),
          portable.varchar('actor_email', 254),
          portable.varchar('action', 64),
          portable.varchar('object_type', 64),
          portable.ref('object_id'),
          portable.ref('group_id', { isNullable: true }),
          portable.json('before', { isNullable: true }),
          portable.json('after', { isNullable: true }),
          portable.timestamp(queryRunner, 'at'),
        ],
        indices: [{ columnNames: ['object_id'] }, { columnNames: ['group_id', 'at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_events');
  }
}
