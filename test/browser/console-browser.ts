// A real browser for the console tests: Debian's Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium) driven by playwright-core, headless. The console bundle is built
// first with the same command as `npm run build`, so the test sees what production serves.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'docs', 'console');

export function buildConsole(): void {
  execFileSync('npm', ['run', 'build', '--workspace', 'console'], { cwd: ROOT, stdio: 'pipe' });
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Why the browser tests cannot run here, or undefined when they can. With REQUIRE_CHROMIUM=1
 * (CI) a missing browser fails instead of skipping.
 */
export function browserUnavailable(): string | undefined {
  const reason = existsSync(chromiumPath()) ? undefined : `no Chromium at ${chromiumPath()} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (reason !== undefined && process.env.REQUIRE_CHROMIUM === '1') throw new Error(`REQUIRE_CHROMIUM=1 but ${reason}`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}
