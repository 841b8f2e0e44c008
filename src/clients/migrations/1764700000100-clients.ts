// Clients (one MAC per location) and their sessions. Sessions are read per client, newest
// first, and removed by age; clients are listed per location.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Clients1764700000100 implements MigrationInterface {
  name = 'Clients1764700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = (name: string, nullable = false) => portable.timestamp(queryRunner, name, { isNullable: nullable });
    await queryRunner.createTable(
      new Table({
        name: 'clients',
        columns: [
          { ...portable.ref('location_id'), isPrimary: true },
          { ...portable.varchar('mac', 17), isPrimary: true },
          portable.ref('group_id'),
          portable.varchar('nickname', 255, { isNullable: true }),
          portable.boolean('connected'),
          portable.ref('node_id', { isNullable: true }),
          portable.varchar('if_name', 16, { isNullable: true }),
          portable.ref('network_id', { isNullable: true }),
          portable.varchar('band', 8, { isNullable: true }),
          portable.varchar('key_id', 31, { isNullable: true }),
          ts('connected_since', true),
          ts('last_seen_at'),
          portable.varchar('ip', 45, { isNullable: true }),
          portable.varchar('hostname', 255, { isNullable: true }),
          portable.varchar('vendor_class', 255, { isNullable: true }),
          portable.varchar('fingerprint', 255, { isNullable: true }),
        ],
        foreignKeys: [{ columnNames: ['location_id'], referencedTableName: 'locations', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ name: 'ix_clients_location_seen', columnNames: ['location_id', 'last_seen_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'client_sessions',
        columns: [
          portable.id(),
          portable.ref('location_id'),
          portable.varchar('mac', 17),
          portable.ref('node_id'),
          portable.varchar('if_name', 16),
          portable.ref('network_id', { isNullable: true }),
          portable.varchar('band', 8, { isNullable: true }),
          portable.varchar('key_id', 31, { isNullable: true }),
          ts('started_at'),
          ts('ended_at', true),
        ],
        foreignKeys: [{ columnNames: ['location_id'], referencedTableName: 'locations', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [
          { name: 'ix_client_sessions_client', columnNames: ['location_id', 'mac', 'started_at'] },
          { name: 'ix_client_sessions_ended', columnNames: ['ended_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('client_sessions');
    await queryRunner.dropTable('clients');
  }
}
