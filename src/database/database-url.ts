// DATABASE_URL picks the driver: postgres:// (optionally ?schema=name to isolate a run in
// one schema) or SQLite, given as sqlite:<file>, sqlite::memory: or a plain file path.

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema?: string };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    const url = new URL(databaseUrl);
    const schema = url.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new Error(`DATABASE_URL: schema "${schema}" must be a lower-case SQL identifier`);
    }
    url.searchParams.delete('schema');
    return { kind: 'postgres', url: url.toString(), schema };
  }
  const file = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : databaseUrl;
  return { kind: 'sqlite', file: file === '' ? ':memory:' : file };
}
