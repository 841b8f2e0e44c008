// Assigned serials and prefixes are stored in the canonical form (trimmed, upper case:
// src/validation/serial.ts), as node serials are; rows written before assignSerials
// normalised its input never matched a device's serial. Values that only differ in case
// are one assignment: the row already canonical is kept (it is the one that matched),
// else the oldest; the others are deleted.

import { MigrationInterface, QueryRunner } from 'typeorm';
import { planAssignmentNormalisation } from '../serial-assignment-rules';

interface RawAssignment {
  id: string;
  kind: string;
  value: string;
  created_at: string | Date;
}

export class CanonicalSerialAssignments1765660000000 implements MigrationInterface {
  name = 'CanonicalSerialAssignments1765660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = await queryRunner.manager
      .createQueryBuilder()
      .select(['a.id AS id', 'a.kind AS kind', 'a.value AS value', 'a.created_at AS created_at'])
      .from('serial_assignments', 'a')
      .getRawMany<RawAssignment>();
    const plan = planAssignmentNormalisation(rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, createdAt: new Date(r.created_at).getTime() || 0 })));
    // Plain SQL: a migration must not depend on today's entity classes.
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const param = (i: number): string => (postgres ? `$${i}` : '?');
    for (const id of plan.deletes) await queryRunner.query(`DELETE FROM serial_assignments WHERE id = ${param(1)}`, [id]);
    for (const { id, value } of plan.updates) {
      await queryRunner.query(`UPDATE serial_assignments SET value = ${param(1)} WHERE id = ${param(2)}`, [value, id]);
    }
  }

  async down(): Promise<void> {
    // The original spellings are not kept; canonical values are valid for the old code too.
  }
}
