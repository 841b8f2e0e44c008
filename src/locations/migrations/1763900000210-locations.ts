// Locations of a customer; group_id is denormalised from the customer for scoping.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class Locations1763900000210 implements MigrationInterface {
  name = 'Locations1763900000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'locations',
        columns: [
          portable.id(),
          portable.ref('customer_id'),
          portable.ref('group_id'),
          portable.varchar('name', 100),
          portable.varchar('service_id', 100, { isNullable: true }),
          portable.varchar('address_street', 200, { isNullable: true }),
          portable.varchar('address_city', 100, { isNullable: true }),
          portable.varchar('address_postal_code', 20, { isNullable: true }),
          portable.varchar('address_country', 2, { isNullable: true }),
          portable.varchar('timezone', 64),
          portable.timestamp(queryRunner, 'created_at'),
          portable.timestamp(queryRunner, 'updated_at'),
        ],
        foreignKeys: [
          { columnNames: ['customer_id'], referencedTableName: 'customers', referencedColumnNames: ['id'] },
          { columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'ix_locations_customer', columnNames: ['customer_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('locations');
  }
}
