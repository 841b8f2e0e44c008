// Modems pre-provisioned through the @Home API gateway (net_class V2): stored for a site and
// claimed only on CONVERT MODEM. Deleted with their location.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class HomeApiPendingModems1765610000100 implements MigrationInterface {
  name = 'HomeApiPendingModems1765610000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'home_api_pending_modems',
        columns: [
          portable.id(),
          portable.ref('group_id'),
          portable.ref('location_id'),
          portable.varchar('serial_number', 64),
          portable.varchar('model', 64, { isNullable: true }),
          portable.varchar('mac_address', 17, { isNullable: true }),
          portable.varchar('mso_modem_key', 32, { isNullable: true }),
          portable.ref('node_id', { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'converted_at', { isNullable: true }),
        ],
        foreignKeys: [{ columnNames: ['location_id'], referencedTableName: 'locations', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [
          { name: 'ix_home_api_pending_modems_location', columnNames: ['location_id'] },
          { name: 'ix_home_api_pending_modems_serial', columnNames: ['serial_number'] },
          { name: 'ix_home_api_pending_modems_group_key', columnNames: ['group_id', 'mso_modem_key'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('home_api_pending_modems');
  }
}
