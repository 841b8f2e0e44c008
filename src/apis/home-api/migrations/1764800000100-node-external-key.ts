// A provisioning system's own key for a claimed node (the legacy gateway's mso_modem_key),
// unique within the group; cleared when the node is unclaimed. ADD COLUMN in plain SQL:
// SQLite can add a nullable column in place, where a table rebuild would trip the foreign
// keys that point at nodes.

import { MigrationInterface, QueryRunner } from 'typeorm';

export class NodeExternalKey1764800000100 implements MigrationInterface {
  name = 'NodeExternalKey1764800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "nodes" ADD COLUMN "external_key" varchar(32)');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_nodes_group_external_key" ON "nodes" ("group_id", "external_key")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "uq_nodes_group_external_key"');
    await queryRunner.query('ALTER TABLE "nodes" DROP COLUMN "external_key"');
  }
}
