// A TLS file that exists but is not what it should be (a key where the certificate goes, a
// truncated copy, DER instead of PEM) would otherwise fail deep in the listener with an
// OpenSSL message naming no variable. Checked at start-up so the error names the variable.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Why `file` is not a PEM `kind`, or undefined when it is. */
export function pemProblem(file: string, kind: 'certificate' | 'private key'): string | undefined {
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch (error) {
    return `file "${file}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
  try {
    if (kind === 'certificate') {
      if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate block');
      new X509Certificate(text);
    } else {
      if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text.toString('latin1'))) throw new Error('no PEM private key block');
      createPrivateKey(text);
    }
    return undefined;
  } catch (error) {
    return `file "${file}" is not a PEM ${kind}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
