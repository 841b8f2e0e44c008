// Computers registered through the @Home API gateway (COMPUTER): one row per computer of a
// site, deleted with its location. A DNS name is held by one computer at a time, an MSO key
// by one computer of the group.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class HomeApiComputers1765617000000 implements MigrationInterface {
  name = 'HomeApiComputers1765617000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'home_api_computers',
        columns: [
          portable.id(),
          portable.ref('group_id'),
          portable.ref('location_id'),
          portable.varchar('mso_computer_key', 15, { isNullable: true }),
          portable.varchar('cpe_dns_name', 15),
          portable.varchar('mac_address', 17, { isNullable: true }),
          portable.varchar('os', 30),
          portable.varchar('cpu', 20, { isNullable: true }),
          portable.varchar('ram', 10, { isNullable: true }),
          portable.varchar('hard_disk_size', 15, { isNullable: true }),
          portable.varchar('available_space', 15, { isNullable: true }),
          portable.varchar('sound_card', 30, { isNullable: true }),
          portable.varchar('compliant', 1, { isNullable: true }),
          portable.boolean('pre_provisioned'),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        foreignKeys: [{ columnNames: ['location_id'], referencedTableName: 'locations', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [
          { name: 'ix_home_api_computers_location', columnNames: ['location_id'] },
          { name: 'ux_home_api_computers_dns_name', columnNames: ['cpe_dns_name'], isUnique: true },
          { name: 'ux_home_api_computers_group_key', columnNames: ['group_id', 'mso_computer_key'], isUnique: true },
          { name: 'ix_home_api_computers_mac', columnNames: ['mac_address'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('home_api_computers');
  }
}
