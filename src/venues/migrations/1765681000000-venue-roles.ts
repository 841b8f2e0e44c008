// Venue managers and residents: which venues a venue-manager user manages (user_venues),
// which customers are residents of a venue (venue_residents), and residents' guest keys: a
// guest key names the resident's key it was made from, a pool may cap how many live guest
// keys one resident has (null: the default).

import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey } from 'typeorm';
import { portable } from '../../database/portable-columns';

const cascade = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });

export class VenueRoles1765681000000 implements MigrationInterface {
  name = 'VenueRoles1765681000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = (name: string) => portable.timestamp(queryRunner, name);
    await queryRunner.createTable(
      new Table({
        name: 'user_venues',
        columns: [{ ...portable.ref('user_id'), isPrimary: true }, { ...portable.ref('venue_id'), isPrimary: true }, ts('created_at')],
        foreignKeys: [cascade('user_id', 'users'), cascade('venue_id', 'venues')],
        indices: [{ name: 'ix_user_venues_venue', columnNames: ['venue_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'venue_residents',
        columns: [{ ...portable.ref('venue_id'), isPrimary: true }, { ...portable.ref('customer_id'), isPrimary: true }, ts('created_at')],
        foreignKeys: [cascade('venue_id', 'venues'), cascade('customer_id', 'customers')],
        indices: [{ name: 'ix_venue_residents_customer', columnNames: ['customer_id'] }],
      }),
    );
    await queryRunner.addColumn('key_pools', new TableColumn(portable.integer('guest_key_limit', { isNullable: true })));
    await queryRunner.addColumn('personal_keys', new TableColumn(portable.ref('guest_of_key_id', { isNullable: true })));
    await queryRunner.createForeignKey('personal_keys', new TableForeignKey({ name: 'fk_personal_keys_guest_of', columnNames: ['guest_of_key_id'], referencedTableName: 'personal_keys', referencedColumnNames: ['id'], onDelete: 'CASCADE' }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('personal_keys', 'fk_personal_keys_guest_of');
    await queryRunner.dropColumn('personal_keys', 'guest_of_key_id');
    await queryRunner.dropColumn('key_pools', 'guest_key_limit');
    await queryRunner.dropTable('venue_residents');
    await queryRunner.dropTable('user_venues');
  }
}
