// Idempotency keys of create mutations, unique per user and operation.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class IdempotencyKeys1763900000240 implements MigrationInterface {
  name = 'IdempotencyKeys1763900000240';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          portable.id(),
          portable.ref('user_id'),
          portable.varchar('operation', 64),
          portable.varchar('key', 128),
          portable.varchar('request_hash', 64),
          portable.ref('result_id'),
          portable.timestamp(queryRunner, 'created_at'),
        ],
        indices: [{ name: 'uq_idempotency_keys', columnNames: ['user_id', 'operation', 'key'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_keys');
  }
}
