// Per-key isolation of a key pool: whether its personal keys are kept apart on the devices
// (a tag per key and rules between tags). Off for existing pools: their keys keep sharing
// the network as before.

import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class KeyIsolation1765620000000 implements MigrationInterface {
  name = 'KeyIsolation1765620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('key_pools', new TableColumn(portable.boolean('isolate_keys', { default: false })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('key_pools', 'isolate_keys');
  }
}
