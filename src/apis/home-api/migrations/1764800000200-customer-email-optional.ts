// A customer's email becomes optional: provisioning systems such as @Home API 2.0 create
// the account before any email is known. PostgreSQL drops the NOT NULL; SQLite cannot
// alter a column, so the table is rebuilt from its own current definition. That runs in
// the migrations' transaction with foreign keys deferred: the rows of the tables pointing
// at customers dangle between the DROP and the re-insert, and any still dangling would
// fail the commit.

import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['email', 'email_key'];

export class CustomerEmailOptional1764800000200 implements MigrationInterface {
  name = 'CustomerEmailOptional1764800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await setNullable(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await setNullable(queryRunner, false);
  }
}

async function setNullable(queryRunner: QueryRunner, nullable: boolean): Promise<void> {
  if (queryRunner.connection.driver.options.type === 'postgres') {
    for (const column of COLUMNS) await queryRunner.query(`ALTER TABLE "customers" ALTER COLUMN "${column}" ${nullable ? 'DROP' : 'SET'} NOT NULL`);
    return;
  }
  const [table] = (await queryRunner.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'customers'`)) as { sql: string }[];
  const indexes = (await queryRunner.query(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL`)) as { sql: string }[];
  if (table === undefined) throw new Error('table customers not found');
  let ddl = table.sql;
  for (const column of COLUMNS) {
    const declared = new RegExp(`("${column}" varchar\\(254\\))( NOT NULL)?`);
    if (!declared.test(ddl)) throw new Error(`column ${column} of customers not found in ${ddl}`);
    ddl = ddl.replace(declared, nullable ? '$1' : '$1 NOT NULL');
  }
  await queryRunner.query('PRAGMA defer_foreign_keys = ON');
  await queryRunner.query('CREATE TEMPORARY TABLE "customers_rebuild" AS SELECT * FROM "customers"');
  await queryRunner.query('DROP TABLE "customers"');
  await queryRunner.query(ddl);
  await queryRunner.query('INSERT INTO "customers" SELECT * FROM "customers_rebuild"');
  await queryRunner.query('DROP TABLE "customers_rebuild"');
  for (const index of indexes) await queryRunner.query(index.sql);
}
