// A location loads only the keys it carries: its unit's and the venue-wide ones of a pool;
// a rotation looks for the new passphrase among the pool's keys. Without these indexes both
// reads walk every key of the pool (thousands in a large building), each time.

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export class PersonalKeysIndexes1765670000000 implements MigrationInterface {
  name = 'PersonalKeysIndexes1765670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('personal_keys', new TableIndex({ name: 'ix_personal_keys_pool_unit', columnNames: ['pool_id', 'unit_id'] }));
    await queryRunner.createIndex('personal_keys', new TableIndex({ name: 'ix_personal_keys_pool_passphrase', columnNames: ['pool_id', 'passphrase'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('personal_keys', 'ix_personal_keys_pool_passphrase');
    await queryRunner.dropIndex('personal_keys', 'ix_personal_keys_pool_unit');
  }
}
