// Identity tables: groups, users and their memberships.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Identity1763900000000 implements MigrationInterface {
  name = 'Identity1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'groups',
        columns: [portable.id(), portable.varchar('name', 100, { isUnique: true }), portable.timestamp(queryRunner, 'created_at')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          portable.id(),
          portable.varchar('email', 254, { isUnique: true }),
          portable.varchar('password_hash', 200),
          portable.varchar('role', 20),
          portable.timestamp(queryRunner, 'created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'user_groups',
        columns: [
          { ...portable.ref('user_id'), isPrimary: true },
          { ...portable.ref('group_id'), isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ columnNames: ['group_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('user_groups');
    await queryRunner.dropTable('users');
    await queryRunner.dropTable('groups');
  }
}
