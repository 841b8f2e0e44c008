// Logins given through the @Home API gateway (LOGIN transactions): the MSO's key, the
// login's names and a deleted login's aging. An active login name is unique across every
// group, as the document's logins are across MSOs.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class HomeApiLogins1765615000000 implements MigrationInterface {
  name = 'HomeApiLogins1765615000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'home_api_logins',
        columns: [
          portable.id(),
          portable.ref('group_id'),
          portable.ref('customer_id'),
          portable.varchar('login', 32),
          portable.varchar('first_name', 32),
          portable.varchar('last_name', 32),
          portable.varchar('mso_login_key', 32, { isNullable: true }),
          portable.varchar('status', 8),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'deleted_at', { isNullable: true }),
          portable.timestamp(queryRunner, 'forward_until', { isNullable: true }),
          portable.varchar('email_forward', 128, { isNullable: true }),
        ],
        foreignKeys: [{ columnNames: ['customer_id'], referencedTableName: 'customers', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [
          { name: 'ix_home_api_logins_customer', columnNames: ['customer_id'] },
          { name: 'ix_home_api_logins_login', columnNames: ['login'] },
          { name: 'ux_home_api_logins_active_login', columnNames: ['login'], isUnique: true, where: "status = 'ACTIVE'" },
          { name: 'ux_home_api_logins_group_key', columnNames: ['group_id', 'mso_login_key'], isUnique: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('home_api_logins');
  }
}
