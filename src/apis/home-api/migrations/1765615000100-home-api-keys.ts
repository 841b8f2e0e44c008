// Numeric keys of the @Home API gateway (HOME_API_NUMERIC_KEYS): one sequence for every
// kind, one number per object.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class HomeApiKeys1765615000100 implements MigrationInterface {
  name = 'HomeApiKeys1765615000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'home_api_keys',
        columns: [{ name: 'number', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }, portable.varchar('kind', 16), portable.ref('object_id')],
        indices: [{ name: 'ux_home_api_keys_object', columnNames: ['kind', 'object_id'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('home_api_keys');
  }
}
