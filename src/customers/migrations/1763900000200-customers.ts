// Customers: email unique per group case-insensitively (through email_key), account id
// unique per group when set (NULLs do not collide on either database).

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Customers1763900000200 implements MigrationInterface {
  name = 'Customers1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'customers',
        columns: [
          portable.id(),
          portable.ref('group_id'),
          portable.varchar('name', 200),
          portable.varchar('email', 254),
          portable.varchar('email_key', 254),
          portable.varchar('account_id', 100, { isNullable: true }),
          portable.varchar('partner_id', 100, { isNullable: true }),
          portable.boolean('email_verified'),
          portable.timestamp(queryRunner, 'onboarding_completed_at', { isNullable: true }),
          portable.varchar('status', 16),
          portable.varchar('password_hash', 255, { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'] }],
        indices: [
          { name: 'uq_customers_group_email', columnNames: ['group_id', 'email_key'], isUnique: true },
          { name: 'uq_customers_group_account', columnNames: ['group_id', 'account_id'], isUnique: true },
          { name: 'ix_customers_group_name', columnNames: ['group_id', 'name', 'id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('customers');
  }
}
