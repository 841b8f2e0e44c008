// Scratch cards: batches of single-use guest keys of a pool, each valid for a while from its
// first use. A key of a batch names it and remembers its first use.

import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class ScratchCards1765620000200 implements MigrationInterface {
  name = 'ScratchCards1765620000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = (name: string, extra = {}) => portable.timestamp(queryRunner, name, extra);
    await queryRunner.createTable(
      new Table({
        name: 'scratch_card_batches',
        columns: [portable.id(), portable.ref('pool_id'), portable.ref('group_id'), portable.varchar('name', 200), portable.integer('valid_for_minutes'), ts('invalidated_at', { isNullable: true }), ts('created_at'), ts('updated_at')],
        foreignKeys: [{ columnNames: ['pool_id'], referencedTableName: 'key_pools', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ name: 'ix_scratch_card_batches_pool', columnNames: ['pool_id'] }],
      }),
    );
    await queryRunner.addColumn('personal_keys', new TableColumn(portable.ref('batch_id', { isNullable: true })));
    await queryRunner.addColumn('personal_keys', new TableColumn(ts('first_used_at', { isNullable: true })));
    await queryRunner.createForeignKey('personal_keys', new TableForeignKey({ name: 'fk_personal_keys_batch', columnNames: ['batch_id'], referencedTableName: 'scratch_card_batches', referencedColumnNames: ['id'], onDelete: 'CASCADE' }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('personal_keys', 'fk_personal_keys_batch');
    await queryRunner.dropColumn('personal_keys', 'first_used_at');
    await queryRunner.dropColumn('personal_keys', 'batch_id');
    await queryRunner.dropTable('scratch_card_batches');
  }
}
