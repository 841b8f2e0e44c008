// A throw-away PKI for TLS tests, made with the openssl command line: one CA, a server
// certificate for the controller's listener and client certificates whose CN is a device
// serial, as OpenSync devices present them.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertificateFiles {
  keyFile: string;
  certFile: string;
  key: string;
  cert: string;
}

export interface TestPki {
  dir: string;
  caFile: string;
  ca: string;
  server: CertificateFiles;
  /** Issues a client certificate with the given subject CN. */
  issueClient(commonName: string): CertificateFiles;
  /** A certificate for `commonName` from a different CA, which the listener must refuse. */
  issueUntrusted(commonName: string): CertificateFiles;
  remove(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

function newCa(dir: string, name: string): void {
  openssl(
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
}

function issue(dir: string, ca: string, file: string, commonName: string, usage: 'serverAuth' | 'clientAuth'): CertificateFiles {
  const ext = join(dir, `${file}.ext`);
  writeFileSync(ext, `subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nextendedKeyUsage=${usage}\nbasicConstraints=CA:FALSE\n`);
  openssl(
    ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-subj', `/CN=${commonName}`, '-keyout', `${file}.key`, '-out', `${file}.csr`],
    dir,
  );
  openssl(
    ['x509', '-req', '-in', `${file}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial',
      '-days', '2', '-extfile', ext, '-out', `${file}.pem`],
    dir,
  );
  const keyFile = join(dir, `${file}.key`);
  const certFile = join(dir, `${file}.pem`);
  return { keyFile, certFile, key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

export function createTestPki(serverCommonName = 'controller.test'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'pki-'));
  newCa(dir, 'ca');
  let clients = 0;
  let rogueCa = false;
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    ca: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    server: issue(dir, 'ca', 'server', serverCommonName, 'serverAuth'),
    issueClient: (cn) => issue(dir, 'ca', `client-${++clients}`, cn, 'clientAuth'),
    issueUntrusted: (cn) => {
      if (!rogueCa) newCa(dir, 'rogue');
      rogueCa = true;
      return issue(dir, 'rogue', `rogue-${++clients}`, cn, 'clientAuth');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
