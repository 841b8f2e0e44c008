// Where the console's built bundle is: the `console` workspace package (console/ in the
// repository, linked into node_modules by npm workspaces) holds it in its dist/ after
// `npm run build`. Resolved through the package rather than a path relative to this file,
// which differs between the compiled server (dist/src/...) and the tests (src/...).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CONSOLE_PACKAGE = '@opensync-controller/console';

/** The bundle's folder when it has been built (index.html present); undefined otherwise. */
export function consoleBundleDir(resolve: (id: string) => string = require.resolve): string | undefined {
  let packageJson: string;
  try {
    packageJson = resolve(`${CONSOLE_PACKAGE}/package.json`);
  } catch {
    return undefined;
  }
  const dist = join(dirname(packageJson), 'dist');
  return existsSync(join(dist, 'index.html')) ? dist : undefined;
}

/**
 * The console's Content-Security-Policy: its own scripts, styles and images only, no inline
 * script, GraphQL over HTTP and graphql-ws to this origin, never framed.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
