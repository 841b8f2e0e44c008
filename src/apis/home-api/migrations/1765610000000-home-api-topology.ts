// The operator's network topology for the @Home API 2.0 gateway (Attachment G's node combine
// plan): a group's head ends, and the OE nodes of each by laser group. A head end's plan is
// replaced as a whole when its file is imported again.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../../database/portable-columns';

export class HomeApiTopology1765610000000 implements MigrationInterface {
  name = 'HomeApiTopology1765610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'home_api_head_ends',
        columns: [
          portable.id(),
          portable.ref('group_id'),
          portable.varchar('head_end', 32),
          portable.varchar('cable_operator', 130),
          portable.varchar('rdc', 64),
          portable.varchar('warehouse', 64),
          portable.timestamp(queryRunner, 'imported_at'),
        ],
        foreignKeys: [{ columnNames: ['group_id'], referencedTableName: 'groups', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        uniques: [{ name: 'uq_home_api_head_ends_group_head_end', columnNames: ['group_id', 'head_end'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'home_api_oe_nodes',
        columns: [portable.id(), portable.ref('head_end_id'), portable.varchar('laser_group', 64), portable.varchar('oe_node', 32), portable.varchar('ip_pool', 64)],
        foreignKeys: [{ columnNames: ['head_end_id'], referencedTableName: 'home_api_head_ends', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        uniques: [{ name: 'uq_home_api_oe_nodes_laser_group_node', columnNames: ['head_end_id', 'laser_group', 'oe_node'] }],
        indices: [{ name: 'ix_home_api_oe_nodes_node', columnNames: ['head_end_id', 'oe_node'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('home_api_oe_nodes');
    await queryRunner.dropTable('home_api_head_ends');
  }
}
