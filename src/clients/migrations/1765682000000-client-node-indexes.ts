// Clients and open sessions found by node: in a cluster, a node attached on an instance ends
// what an earlier holder left open for it, and the orphan sweep and start-up reset select
// clients by the nodes an instance held (docs/scaling.md). Without these each was a scan.

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export class ClientNodeIndexes1765682000000 implements MigrationInterface {
  name = 'ClientNodeIndexes1765682000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('clients', new TableIndex({ name: 'ix_clients_node', columnNames: ['node_id', 'connected'] }));
    await queryRunner.createIndex('client_sessions', new TableIndex({ name: 'ix_client_sessions_node_open', columnNames: ['node_id', 'ended_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('client_sessions', 'ix_client_sessions_node_open');
    await queryRunner.dropIndex('clients', 'ix_clients_node');
  }
}
