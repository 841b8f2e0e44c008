// Equipment-based localisation: provider settings, MAC and vendor id registrations, and the
// notification outbox with its attempts.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Ebl1765200000100 implements MigrationInterface {
  name = 'Ebl1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = (name: string, nullable = false) => portable.timestamp(queryRunner, name, { isNullable: nullable });
    const provider = { columnNames: ['provider_id'], referencedTableName: 'ebl_providers', referencedColumnNames: ['api_client_id'], onDelete: 'CASCADE' };
    await queryRunner.createTable(
      new Table({
        name: 'ebl_providers',
        columns: [
          { ...portable.ref('api_client_id'), isPrimary: true },
          portable.ref('group_id'),
          portable.varchar('location_scope', 16),
          portable.json('location_ids'),
          portable.varchar('notification_url', 2048),
          portable.varchar('secret', 128),
          portable.varchar('access_id_source', 16),
          ts('created_at'),
          ts('updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          // An API client deleted: its provider settings, registrations and notifications go with it.
          { columnNames: ['api_client_id'], referencedTableName: 'api_clients', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'ix_ebl_providers_group', columnNames: ['group_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ebl_mac_registrations',
        columns: [
          portable.id(),
          portable.varchar('provider_id', 64),
          portable.varchar('mac', 17),
          portable.boolean('delete_on_match'),
          ts('valid_until', true),
          portable.varchar('service_type', 255, { isNullable: true }),
          ts('created_at'),
        ],
        foreignKeys: [provider],
        uniques: [{ name: 'uq_ebl_mac_provider_mac', columnNames: ['provider_id', 'mac'] }],
        indices: [{ name: 'ix_ebl_mac_valid_until', columnNames: ['valid_until'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ebl_vendor_id_registrations',
        columns: [
          portable.id(),
          portable.varchar('provider_id', 64),
          portable.varchar('vendor_id', 255),
          portable.varchar('match_type', 16),
          portable.varchar('service_type', 255, { isNullable: true }),
          ts('created_at'),
        ],
        foreignKeys: [provider],
        uniques: [{ name: 'uq_ebl_vendor_id', columnNames: ['vendor_id'] }],
        indices: [{ name: 'ix_ebl_vendor_id_provider', columnNames: ['provider_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ebl_deliveries',
        columns: [
          portable.id(),
          portable.varchar('provider_id', 64),
          portable.ref('location_id'),
          portable.varchar('mac', 17),
          portable.varchar('access_id', 255),
          portable.varchar('vendor_id', 255),
          portable.text('body'),
          portable.varchar('status', 16),
          portable.integer('attempts'),
          ts('next_attempt_at'),
          ts('expires_at'),
          portable.varchar('last_error', 500, { isNullable: true }),
          ts('created_at'),
          ts('finished_at', true),
        ],
        foreignKeys: [provider],
        indices: [
          { name: 'ix_ebl_deliveries_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'ix_ebl_deliveries_provider', columnNames: ['provider_id', 'created_at'] },
          { name: 'ix_ebl_deliveries_finished', columnNames: ['finished_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ebl_delivery_attempts',
        columns: [portable.id(), portable.ref('delivery_id'), portable.integer('number'), ts('at'), portable.integer('http_status', { isNullable: true }), portable.varchar('error', 500, { isNullable: true })],
        foreignKeys: [{ columnNames: ['delivery_id'], referencedTableName: 'ebl_deliveries', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ name: 'ix_ebl_delivery_attempts_delivery', columnNames: ['delivery_id', 'number'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ebl_delivery_attempts');
    await queryRunner.dropTable('ebl_deliveries');
    await queryRunner.dropTable('ebl_vendor_id_registrations');
    await queryRunner.dropTable('ebl_mac_registrations');
    await queryRunner.dropTable('ebl_providers');
  }
}
