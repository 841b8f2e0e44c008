// EBL presence shared by the instances of a cluster: which clients each provider was told
// of, per location and MAC (src/ebl/matching/shared-presence.ts). Created on SQLite too,
// where nothing uses it: one process keeps presence in memory.

import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { portable } from '../../database/portable-columns';

export class EblPresence1765692000000 implements MigrationInterface {
  name = 'EblPresence1765692000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ebl_presence',
        columns: [
          { ...portable.ref('location_id'), isPrimary: true },
          { ...portable.varchar('mac', 17), isPrimary: true },
          { ...portable.varchar('provider_id', 64), isPrimary: true },
          // ",<node id>,<node id>,": the nodes the client is associated to ("," when none).
          portable.text('present_nodes'),
          portable.timestamp(queryRunner, 'last_seen'),
          // Whether the latest sighting was a new discovery (what the sighting statement returns).
          portable.boolean('discovered'),
        ],
        // A provider removed: what it was told of goes with it.
        foreignKeys: [{ columnNames: ['provider_id'], referencedTableName: 'ebl_providers', referencedColumnNames: ['api_client_id'], onDelete: 'CASCADE' }],
        indices: [
          { name: 'ix_ebl_presence_last_seen', columnNames: ['last_seen'] },
          { name: 'ix_ebl_presence_provider', columnNames: ['provider_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ebl_presence');
  }
}
