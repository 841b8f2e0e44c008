// A location loads only the keys it carries: its unit's and the venue-wide ones of a pool.
// Without this index that read walks every key of the pool (thousands in a large building)
// for each of the pool's locations.

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export class PersonalKeysUnitIndex1765670000000 implements MigrationInterface {
  name = 'PersonalKeysUnitIndex1765670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('personal_keys', new TableIndex({ name: 'ix_personal_keys_pool_unit', columnNames: ['pool_id', 'unit_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('personal_keys', 'ix_personal_keys_pool_unit');
  }
}
