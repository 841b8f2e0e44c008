import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite::memory:', { kind: 'sqlite', file: ':memory:' }],
    ['sqlite:./data/x.sqlite', { kind: 'sqlite', file: './data/x.sqlite' }],
    ['/var/lib/c.sqlite', { kind: 'sqlite', file: '/var/lib/c.sqlite' }],
    ['postgres://u@h:5432/db', { kind: 'postgres', url: 'postgres://u@h:5432/db', schema: undefined }],
    ['postgresql://u@h/db?schema=run_1&sslmode=disable', { kind: 'postgres', url: 'postgresql://u@h/db?sslmode=disable', schema: 'run_1' }],
  ])('%s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it('refuses a schema that is not a plain identifier', () => {
    expect(() => parseDatabaseUrl('postgres://h/db?schema=a;drop')).toThrow(/schema/);
  });
});
