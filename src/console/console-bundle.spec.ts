import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_CSP, consoleBundleDir } from './console-bundle';

describe('consoleBundleDir', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'console-bundle-'));
    writeFileSync(join(root, 'package.json'), '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is the package\'s dist/ once it holds index.html', () => {
    const resolve = (): string => join(root, 'package.json');
    expect(consoleBundleDir(resolve)).toBeUndefined();
    mkdirSync(join(root, 'dist'));
    expect(consoleBundleDir(resolve)).toBeUndefined();
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>');
    expect(consoleBundleDir(resolve)).toBe(join(root, 'dist'));
  });

  it('is undefined when the console package is not installed', () => {
    expect(
      consoleBundleDir(() => {
        throw new Error('Cannot find module');
      }),
    ).toBeUndefined();
  });
});

describe('CONSOLE_CSP', () => {
  it('allows the origin\'s own files only, no inline script, no framing', () => {
    const directives = new Map(CONSOLE_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONSOLE_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });
});
