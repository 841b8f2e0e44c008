// Parts 1-4 need the simulated fleet (`npm run sim`); this says why they cannot run when
// the script is missing or points at a file that does not exist.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function fleetSkipReason(root: string): string | undefined {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.sim;
  if (!script) return 'package.json has no "sim" script (the fleet CLI of libs/device-sim)';
  const entry = script.split(/\s+/).find((word) => /\.(ts|js)$/.test(word) && !word.includes('register'));
  if (entry && !existsSync(join(root, entry))) return `the fleet CLI is not there yet ("npm run sim" runs ${entry}, which does not exist)`;
  return undefined;
}
