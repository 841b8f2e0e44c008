// One slot per WiFi network, unique per location, so two networks of a location can never
// be given the same VIF names on a device, even when two app instances allocate at once.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class VifSlots1763900000300 implements MigrationInterface {
  name = 'VifSlots1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'vif_slots',
        columns: [portable.id('network_id'), portable.ref('location_id'), portable.integer('slot')],
        foreignKeys: [
          { columnNames: ['network_id'], referencedTableName: 'wifi_networks', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'uq_vif_slots_location_slot', columnNames: ['location_id', 'slot'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('vif_slots');
  }
}
