// WiFi networks of a location. A partial unique index keeps one PRIMARY per location even
// under concurrent writes (both databases support partial indexes).

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class WifiNetworks1763900000220 implements MigrationInterface {
  name = 'WifiNetworks1763900000220';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'wifi_networks',
        columns: [
          portable.id(),
          portable.ref('location_id'),
          portable.ref('group_id'),
          portable.varchar('kind', 16),
          portable.varchar('ssid', 64),
          portable.varchar('security_mode', 16),
          portable.varchar('passphrase', 63, { isNullable: true }),
          portable.boolean('hidden'),
          portable.boolean('client_isolation'),
          portable.integer('vlan_id', { isNullable: true }),
          portable.json('bands'),
          portable.boolean('enabled'),
          portable.timestamp(queryRunner, 'expires_at', { isNullable: true }),
          portable.varchar('description', 200, { isNullable: true }),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        foreignKeys: [{ columnNames: ['location_id'], referencedTableName: 'locations', referencedColumnNames: ['id'] }],
        indices: [
          { name: 'ix_wifi_networks_location', columnNames: ['location_id'] },
          { name: 'uq_wifi_networks_primary', columnNames: ['location_id'], isUnique: true, where: "kind = 'PRIMARY'" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('wifi_networks');
  }
}
