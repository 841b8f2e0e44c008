// The OAuth authorization server's tables: registered API clients (secrets hashed), the
// authorization server's own records (grants, codes, refresh tokens, sessions, interactions;
// oidc-provider's adapter models), and the key that signs access tokens.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class OAuth1765000000100 implements MigrationInterface {
  name = 'OAuth1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_clients',
        columns: [
          portable.id(),
          portable.varchar('client_id', 64, { isUnique: true }),
          portable.ref('group_id'),
          portable.varchar('name', 100),
          portable.boolean('confidential'),
          portable.varchar('secret_hash', 128, { isNullable: true }),
          portable.json('redirect_uris'),
          portable.json('scopes'),
          portable.text('justification', { isNullable: true }),
          portable.timestamp(queryRunner, 'sensitive_approved_at', { isNullable: true }),
          portable.ref('sensitive_approved_by', { isNullable: true }),
          portable.ref('customer_id', { isNullable: true }),
          portable.ref('created_by', { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['customer_id'], referencedTableName: 'customers', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'ix_api_clients_group', columnNames: ['group_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'oauth_records',
        columns: [
          { ...portable.varchar('model', 40), isPrimary: true },
          { ...portable.varchar('id', 200), isPrimary: true },
          portable.json('payload'),
          portable.varchar('grant_id', 200, { isNullable: true }),
          portable.varchar('client_id', 64, { isNullable: true }),
          portable.varchar('user_code', 200, { isNullable: true }),
          portable.varchar('uid', 200, { isNullable: true }),
          portable.timestamp(queryRunner, 'expires_at', { isNullable: true }),
          portable.timestamp(queryRunner, 'consumed_at', { isNullable: true }),
        ],
        indices: [
          { name: 'ix_oauth_records_grant', columnNames: ['grant_id'] },
          { name: 'ix_oauth_records_client', columnNames: ['client_id'] },
          { name: 'ix_oauth_records_uid', columnNames: ['uid'] },
          { name: 'ix_oauth_records_expires', columnNames: ['expires_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'oauth_signing_keys',
        columns: [{ ...portable.varchar('kid', 64), isPrimary: true }, portable.json('private_jwk'), portable.timestamp(queryRunner, 'created_at')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('oauth_signing_keys');
    await queryRunner.dropTable('oauth_records');
    await queryRunner.dropTable('api_clients');
  }
}
