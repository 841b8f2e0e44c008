// locationsByServiceId looks locations up by the ISP's service contract inside a group.

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export class LocationServiceIdIndex1764400000100 implements MigrationInterface {
  name = 'LocationServiceIdIndex1764400000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('locations', new TableIndex({ name: 'ix_locations_group_service', columnNames: ['group_id', 'service_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('locations', 'ix_locations_group_service');
  }
}
