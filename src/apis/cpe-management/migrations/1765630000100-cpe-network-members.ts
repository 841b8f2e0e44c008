// One isolated network on several devices: the WiFi networks (one per location) that make
// up a network of the CPE Management API, and the API client that created it (only-own).
// A WiFi network with no row here is a network on its own (its id is the network's id).

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class CpeNetworkMembers1765630000100 implements MigrationInterface {
  name = 'CpeNetworkMembers1765630000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cpe_network_members',
        columns: [portable.id('wifi_network_id'), portable.ref('network_id'), portable.ref('api_client_id', { isNullable: true }), portable.timestamp(queryRunner, 'created_at')],
        foreignKeys: [
          { columnNames: ['wifi_network_id'], referencedTableName: 'wifi_networks', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['api_client_id'], referencedTableName: 'api_clients', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        indices: [
          { name: 'ix_cpe_network_members_network', columnNames: ['network_id'] },
          { name: 'ix_cpe_network_members_client', columnNames: ['api_client_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cpe_network_members');
  }
}
