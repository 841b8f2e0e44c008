// Runs a describe block once per database. PostgreSQL that cannot be reached is skipped
// with a message saying so, or fails when REQUIRE_POSTGRES=1 (CI).

import { POSTGRES_URL, postgresReachable, TestDb } from './test-database';

export function describeEachDatabase(name: string, fn: (db: TestDb) => void): void {
  describe(`${name} [sqlite]`, () => fn('sqlite'));
  if (postgresReachable()) {
    describe(`${name} [postgres]`, () => fn('postgres'));
  } else if (process.env.REQUIRE_POSTGRES === '1') {
    describe(`${name} [postgres]`, () => {
      it('needs PostgreSQL (REQUIRE_POSTGRES=1)', () => {
        throw new Error(`PostgreSQL is not reachable at ${POSTGRES_URL} and REQUIRE_POSTGRES=1`);
      });
    });
  } else {
    describe.skip(`${name} [postgres] skipped: PostgreSQL not reachable at ${POSTGRES_URL} (set REQUIRE_POSTGRES=1 to fail instead)`, () =>
      fn('postgres'),
    );
  }
}
