// Every package the controller installs for production (`npm ls --omit=dev`) must accept
// the oldest Node version package.json names (engines.node): a dependency that declares
// Node 22 may use an API that Node 20 lacks, and fail only on the code path that needs it.
// The exceptions below are packages the controller never loads at run time; each says why
// (docs/decisions/runtime-dependencies.md). A new exception is a decision, not a fix.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minVersion, satisfies } from 'semver';

const root = resolve(__dirname, '../..');

const NEVER_LOADED: Record<string, string> = {
  // light-my-request's; Fastify requires light-my-request only inside inject(), which the controller never calls.
  'cookie@2.0.2': 'light-my-request (Fastify inject() only)',
};

interface Excluded {
  id: string;
  engines: string;
  where: string;
}

function productionPackages(): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...new Set(out.trim().split('\n').slice(1))];
}

function excluded(oldestNode: string): Excluded[] {
  const found: Excluded[] = [];
  for (const dir of productionPackages()) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; engines?: { node?: string } };
    const engines = pkg.engines?.node;
    if (engines !== undefined && !satisfies(oldestNode, engines)) {
      found.push({ id: `${pkg.name}@${pkg.version}`, engines, where: dir.slice(root.length + 1) });
    }
  }
  return found;
}

describe('production dependencies and the Node version', () => {
  const declared = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const oldest = minVersion(declared)?.version ?? '';

  it(`accept the oldest Node that package.json allows (${declared})`, () => {
    expect(oldest).toMatch(/^\d+\.\d+\.\d+$/);
    const unexpected = excluded(oldest).filter((e) => NEVER_LOADED[e.id] === undefined);
    expect(unexpected).toEqual([]);
  });

  it('would report a package that requires a newer Node', () => {
    // The same check against Node 18: the packages that require 20 show up, so the check works.
    expect(excluded('18.0.0').length).toBeGreaterThan(0);
  });
});
