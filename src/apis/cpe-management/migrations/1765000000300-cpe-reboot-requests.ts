// Reboot requests of the CPE Management API: each is a REBOOT device operation; this row
// keeps what the operation does not: the API client that created it (clients see their
// own), the owner, the devices as the client named them, and the message.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class CpeRebootRequests1765000000300 implements MigrationInterface {
  name = 'CpeRebootRequests1765000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cpe_reboot_requests',
        columns: [
          portable.id(),
          portable.ref('api_client_id'),
          portable.ref('group_id'),
          portable.ref('customer_id', { isNullable: true }),
          portable.json('device_ids'),
          portable.varchar('message', 255, { isNullable: true }),
          portable.timestamp(queryRunner, 'at_time', { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'modified_at'),
        ],
        foreignKeys: [
          { columnNames: ['id'], referencedTableName: 'device_operations', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['api_client_id'], referencedTableName: 'api_clients', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'ix_cpe_reboot_requests_client', columnNames: ['api_client_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cpe_reboot_requests');
  }
}
