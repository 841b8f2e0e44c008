// Instances of a cluster and which instance holds each device's session (docs/scaling.md,
// docs/decisions/cluster.md). Created on SQLite too, where nothing uses them: a cluster
// needs PostgreSQL, and the same migrations run on both.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class ClusterLeases1765600000000 implements MigrationInterface {
  name = 'ClusterLeases1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cluster_instances',
        columns: [
          { ...portable.varchar('id', 64), isPrimary: true },
          portable.varchar('device_address', 300),
          portable.timestamp(queryRunner, 'lease_until'),
          portable.timestamp(queryRunner, 'started_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cluster_ownership',
        columns: [
          { ...portable.varchar('serial', 64), isPrimary: true },
          portable.varchar('instance_id', 64),
          portable.integer('epoch'),
          portable.timestamp(queryRunner, 'acquired_at'),
        ],
        indices: [{ name: 'ix_cluster_ownership_instance', columnNames: ['instance_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cluster_ownership');
    await queryRunner.dropTable('cluster_instances');
  }
}
