// Which API client created which network through the CPE Management API: the only-own
// role sees and changes the networks its client created.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class CpeNetworkOwners1765000000400 implements MigrationInterface {
  name = 'CpeNetworkOwners1765000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cpe_network_owners',
        columns: [portable.id('network_id'), portable.ref('api_client_id'), portable.timestamp(queryRunner, 'created_at')],
        foreignKeys: [
          { columnNames: ['network_id'], referencedTableName: 'wifi_networks', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['api_client_id'], referencedTableName: 'api_clients', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'ix_cpe_network_owners_client', columnNames: ['api_client_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cpe_network_owners');
  }
}
