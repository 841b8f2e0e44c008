// Serials become canonical (trimmed, upper case: src/validation/serial.ts) at every entry;
// rows written before that are brought to the same form here. Duplicates that only differ
// in case are resolved by planSerialNormalisation (a claimed row wins; unclaimed phantoms
// are deleted; two claimed rows are left for a tenant to resolve, see
// docs/decisions/device-port-security.md). Nothing references nodes by id in a foreign key.

import { MigrationInterface, QueryRunner } from 'typeorm';
import { planSerialNormalisation } from '../serial-normalisation-plan';

interface RawNode {
  id: string;
  serial_number: string;
  location_id: string | null;
  last_seen_at: string | Date | null;
  created_at: string | Date;
}

const PER_STATEMENT = 500;

export class NormaliseSerials1764200000000 implements MigrationInterface {
  name = 'NormaliseSerials1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = await queryRunner.manager
      .createQueryBuilder()
      .select(['n.id AS id', 'n.serial_number AS serial_number', 'n.location_id AS location_id', 'n.last_seen_at AS last_seen_at', 'n.created_at AS created_at'])
      .from('nodes', 'n')
      .getRawMany<RawNode>();
    const plan = planSerialNormalisation(
      rows.map((r) => ({
        id: r.id,
        serial: r.serial_number,
        claimed: r.location_id !== null,
        seenAt: new Date(r.last_seen_at ?? r.created_at).getTime() || 0,
      })),
    );
    // Plain SQL: a migration must not depend on today's entity classes.
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const param = (i: number): string => (postgres ? `$${i}` : '?');
    for (let i = 0; i < plan.deletes.length; i += PER_STATEMENT) {
      const ids = plan.deletes.slice(i, i + PER_STATEMENT);
      await queryRunner.query(`DELETE FROM nodes WHERE id IN (${ids.map((_, k) => param(k + 1)).join(', ')})`, ids);
    }
    for (const { id, serial } of plan.updates) {
      await queryRunner.query(`UPDATE nodes SET serial_number = ${param(1)} WHERE id = ${param(2)}`, [serial, id]);
    }
  }

  async down(): Promise<void> {
    // The original spellings are not kept; canonical serials are valid for the old code too.
  }
}
