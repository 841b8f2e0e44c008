// Customers' side of OAuth: whose grant a record is (to list and revoke a customer's
// consents), and one-time links that let a customer set their password.

import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class OAuthCustomers1765000000200 implements MigrationInterface {
  name = 'OAuthCustomers1765000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('oauth_records', new TableColumn(portable.varchar('account_id', 64, { isNullable: true })));
    await queryRunner.createIndex('oauth_records', new TableIndex({ name: 'ix_oauth_records_account', columnNames: ['account_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'customer_password_links',
        columns: [
          { ...portable.varchar('token_hash', 64), isPrimary: true },
          portable.ref('customer_id'),
          portable.timestamp(queryRunner, 'expires_at'),
          portable.timestamp(queryRunner, 'used_at', { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
        ],
        foreignKeys: [{ columnNames: ['customer_id'], referencedTableName: 'customers', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ name: 'ix_customer_password_links_customer', columnNames: ['customer_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('customer_password_links');
    await queryRunner.dropIndex('oauth_records', 'ix_oauth_records_account');
    await queryRunner.dropColumn('oauth_records', 'account_id');
  }
}
