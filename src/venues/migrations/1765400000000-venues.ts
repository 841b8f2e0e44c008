// Venues, their units, key pools (which networks carry them) and personal keys. A key's
// slot is unique in its pool (its name key-N on the devices); a network is in one pool at
// most; a location is one unit of one venue at most.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Venues1765400000000 implements MigrationInterface {
  name = 'Venues1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = (name: string, extra = {}) => portable.timestamp(queryRunner, name, extra);
    const stamps = [ts('created_at'), ts('updated_at')];
    const cascade = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    await queryRunner.createTable(
      new Table({
        name: 'venues',
        columns: [portable.id(), portable.ref('group_id'), portable.varchar('name', 200), portable.varchar('address', 500, { isNullable: true }), portable.varchar('time_zone', 64), ...stamps],
        foreignKeys: [cascade('group_id', 'groups')],
        indices: [{ name: 'ix_venues_group', columnNames: ['group_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'venue_units',
        columns: [portable.id(), portable.ref('venue_id'), portable.ref('group_id'), portable.ref('location_id'), portable.varchar('name', 200), portable.varchar('kind', 16), ...stamps],
        foreignKeys: [cascade('venue_id', 'venues'), cascade('location_id', 'locations')],
        indices: [
          { name: 'ux_venue_units_location', columnNames: ['location_id'], isUnique: true },
          { name: 'ix_venue_units_venue', columnNames: ['venue_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'key_pools',
        columns: [portable.id(), portable.ref('venue_id'), portable.ref('group_id'), portable.varchar('name', 200), portable.integer('highest_slot', { default: 0 }), ...stamps],
        foreignKeys: [cascade('venue_id', 'venues')],
        indices: [{ name: 'ix_key_pools_venue', columnNames: ['venue_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'key_pool_networks',
        columns: [{ ...portable.ref('network_id'), isPrimary: true }, portable.ref('pool_id'), portable.ref('location_id')],
        foreignKeys: [cascade('pool_id', 'key_pools'), cascade('network_id', 'wifi_networks')],
        indices: [{ name: 'ix_key_pool_networks_pool', columnNames: ['pool_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'personal_keys',
        columns: [
          portable.id(),
          portable.ref('pool_id'),
          portable.ref('group_id'),
          portable.ref('customer_id'),
          portable.ref('unit_id', { isNullable: true }),
          portable.integer('slot'),
          portable.varchar('passphrase', 63),
          ts('valid_from', { isNullable: true }),
          ts('valid_until', { isNullable: true }),
          portable.varchar('status', 16),
          ts('rotated_at', { isNullable: true }),
          ts('revoked_at', { isNullable: true }),
          ...stamps,
        ],
        // A key of a unit that is gone goes with it: it must not turn into a key of every location.
        foreignKeys: [cascade('pool_id', 'key_pools'), cascade('customer_id', 'customers'), cascade('unit_id', 'venue_units')],
        indices: [
          { name: 'ux_personal_keys_pool_slot', columnNames: ['pool_id', 'slot'], isUnique: true },
          { name: 'ix_personal_keys_customer', columnNames: ['customer_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['personal_keys', 'key_pool_networks', 'key_pools', 'venue_units', 'venues']) await queryRunner.dropTable(table);
  }
}
