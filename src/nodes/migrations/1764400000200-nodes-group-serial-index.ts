// The nodes list of a group, by serial (the support portal's node search).

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export class NodesGroupSerialIndex1764400000200 implements MigrationInterface {
  name = 'NodesGroupSerialIndex1764400000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('nodes', new TableIndex({ name: 'ix_nodes_group_serial', columnNames: ['group_id', 'serial_number'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('nodes', 'ix_nodes_group_serial');
  }
}
