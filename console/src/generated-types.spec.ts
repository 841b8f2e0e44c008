// The committed GraphQL types (src/gql/) are what codegen makes from schema.graphql and the
// console's queries now: a forgotten regeneration, or an API change the console's queries no
// longer fit, fails here (and `npm run build` fails on the second too). Runs the codegen CLI
// in check mode, which writes nothing.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CONSOLE_DIR = join(__dirname, '..');

describe('generated GraphQL types', () => {
  it('are up to date with schema.graphql and the queries', () => {
    const run = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check'], { cwd: CONSOLE_DIR, encoding: 'utf8' });
    expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({ status: 0, output: '' });
  }, 120_000);
});
