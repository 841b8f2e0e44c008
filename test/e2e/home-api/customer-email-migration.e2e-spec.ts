// The migration that makes a customer's email optional, run over existing data: on SQLite
// the customers table is rebuilt while locations point at it; rows, indexes and the
// foreign keys must all survive, and a dangling reference must still fail.

import { DataSource } from 'typeorm';
import { CustomerEmailOptional1764800000200 } from '../../../src/apis/home-api/migrations/1764800000200-customer-email-optional';
import { buildDataSourceOptions } from '../../../src/database/data-source-options';
import { createTestDatabase, describeEachDatabase, TestDatabase } from '../support';

describeEachDatabase('customer email migration over existing rows', (db) => {
  let database: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(db);
    ds = new DataSource(buildDataSourceOptions(database.databaseUrl));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await database?.drop();
  });

  const now = new Date().toISOString();

  it('keeps rows, unique indexes and foreign keys through down and up', async () => {
    await ds.query(`INSERT INTO groups (id, name, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'g', '${now}')`);
    const customer = (id: string, email: string) =>
      `INSERT INTO customers (id, group_id, name, email, email_key, email_verified, status, created_at, updated_at) VALUES ('${id}', '00000000-0000-4000-8000-000000000001', 'n', '${email}', '${email}', false, 'ACTIVE', '${now}', '${now}')`;
    await ds.query(customer('00000000-0000-4000-8000-00000000000a', 'a@x.test'));
    await ds.query(
      `INSERT INTO locations (id, customer_id, group_id, name, timezone, created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'home', 'UTC', '${now}', '${now}')`,
    );
    const migration = new CustomerEmailOptional1764800000200();
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    await migration.down(runner);
    await migration.up(runner);
    await runner.commitTransaction();
    await runner.release();

    expect(await ds.query(`SELECT count(*) AS n FROM locations l JOIN customers c ON c.id = l.customer_id`)).toEqual([{ n: db === 'postgres' ? '1' : 1 }]);
    await ds.query(`INSERT INTO customers (id, group_id, name, email_verified, status, created_at, updated_at) VALUES ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000001', 'no email', false, 'ACTIVE', '${now}', '${now}')`);
    await expect(ds.query(customer('00000000-0000-4000-8000-00000000000d', 'a@x.test'))).rejects.toThrow(/unique|UNIQUE/);
    await expect(
      ds.query(
        `INSERT INTO locations (id, customer_id, group_id, name, timezone, created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000ff', '00000000-0000-4000-8000-000000000001', 'x', 'UTC', '${now}', '${now}')`,
      ),
    ).rejects.toThrow(/foreign key|FOREIGN KEY/);
  });
});
