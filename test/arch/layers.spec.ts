// The layer rules of docs/architecture.md, checked on the real tree with dependency-cruiser.
// A planted violation proves the rules do fire.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');

function cruise(cwd: string, paths: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync(depcruise, ['--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err', ...paths], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { ok: true, output };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('layer rules', () => {
  it('hold on the whole tree', () => {
    const result = cruise(root, ['src', 'libs']);
    expect(result.output).not.toMatch(/error/);
    expect(result.ok).toBe(true);
  });

  it('report a library importing the application', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arch-'));
    try {
      mkdirSync(join(dir, 'libs/ovsdb/src'), { recursive: true });
      mkdirSync(join(dir, 'src'), { recursive: true });
      copyFileSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      writeFileSync(join(dir, 'src/app.ts'), 'export const app = 1;\n');
      writeFileSync(join(dir, 'libs/ovsdb/src/bad.ts'), "import { app } from '../../../src/app';\nexport const x = app;\n");
      const result = cruise(dir, ['src', 'libs']);
      expect(result.ok).toBe(false);
      expect(result.output).toContain('libs-never-import-src');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
