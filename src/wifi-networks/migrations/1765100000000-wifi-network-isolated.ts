// Whether a network gets its own bridge, subnet and firewall rules on the device
// (docs/decisions/network-isolation.md). Existing GUEST and IOT networks become isolated:
// that is what their kind promised; PRIMARY networks never are. Plain SQL, the same on both
// databases.

import { MigrationInterface, QueryRunner } from 'typeorm';

export class WifiNetworkIsolated1765100000000 implements MigrationInterface {
  name = 'WifiNetworkIsolated1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE wifi_networks ADD COLUMN isolated boolean NOT NULL DEFAULT false');
    await queryRunner.query("UPDATE wifi_networks SET isolated = true WHERE kind IN ('GUEST', 'IOT')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE wifi_networks DROP COLUMN isolated');
  }
}
