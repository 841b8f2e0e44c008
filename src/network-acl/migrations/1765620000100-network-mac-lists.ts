// A network's own MAC access list (allow or deny), one row per network at most; it goes with
// the network.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class NetworkMacLists1765620000100 implements MigrationInterface {
  name = 'NetworkMacLists1765620000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'network_mac_lists',
        columns: [
          { ...portable.ref('network_id'), isPrimary: true },
          portable.ref('group_id'),
          portable.varchar('mode', 8),
          portable.json('macs'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        foreignKeys: [{ columnNames: ['network_id'], referencedTableName: 'wifi_networks', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('network_mac_lists');
  }
}
