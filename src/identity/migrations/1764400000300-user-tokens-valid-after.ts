// Revoking a user's sessions: bearer tokens issued before this instant (milliseconds since
// the epoch; null: never revoked) are refused. Plain ALTER TABLE, the same on both databases.

import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserTokensValidAfter1764400000300 implements MigrationInterface {
  name = 'UserTokensValidAfter1764400000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN tokens_valid_after bigint NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP COLUMN tokens_valid_after');
  }
}
