// Tests compile with swc, which strips types without checking them: this runs the strict
// type-check and eslint (`npm run lint`) over the whole tree, specs included, so a type
// error anywhere fails the suite.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function run(bin: string, args: string[]): string {
  try {
    execFileSync(join(root, 'node_modules/.bin', bin), args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}

describe('lint', () => {
  it('the tree type-checks under strict', () => {
    expect(run('tsc', ['-p', 'tsconfig.json', '--noEmit'])).toBe('');
  }, 300_000);

  it('eslint reports nothing', () => {
    expect(run('eslint', ['.'])).toBe('');
  }, 300_000);
});
