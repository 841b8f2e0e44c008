// The fleet CLI end to end: `npm run sim`'s entry point dials the controller's real
// ssl: listener with one client certificate per device (CN = serial), the controller reads
// each device's AWLAN_Node, and SIGINT stops the fleet cleanly.
import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OvsdbListener, OvsdbSession } from '@lib/ovsdb';
import { TestPki, createTestPki } from '../support/test-certificates';

const ROOT = resolve(__dirname, '../..');
const SERIALS = ['FLEET000001', 'FLEET000002'];

describe('fleet CLI over ssl', () => {
  let pki: TestPki;
  let certDir: string;
  let listener: OvsdbListener;
  let child: ChildProcess | undefined;
  const sessions: OvsdbSession[] = [];

  beforeAll(async () => {
    pki = createTestPki();
    certDir = mkdtempSync(join(tmpdir(), 'fleet-certs-'));
    copyFileSync(pki.caFile, join(certDir, 'ca.pem'));
    for (const serial of SERIALS) {
      const files = pki.issueClient(serial);
      copyFileSync(files.certFile, join(certDir, `${serial}.pem`));
      copyFileSync(files.keyFile, join(certDir, `${serial}.key`));
    }
    listener = new OvsdbListener({ listen: 'ssl:127.0.0.1:0', tls: { cert: pki.server.cert, key: pki.server.key, ca: pki.ca }, probeIntervalMs: 0 });
    listener.sessions.subscribe((s) => sessions.push(s));
    await listener.start();
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await listener?.close();
    rmSync(certDir, { recursive: true, force: true });
    pki?.remove();
  });

  it('connects every device with its own certificate and stops on SIGINT', async () => {
    const port = listener.addresses[0].port;
    child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/device-sim/src/cli/main.ts', '--devices', '2', '--controller', `ssl:127.0.0.1:${port}`, '--serial-prefix', 'FLEET', '--ssl', '--cert-dir', certDir],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child?.once('exit', (code) => r(code)));
    while (sessions.length < SERIALS.length || !/connected 2/.test(stderr)) {
      if (child.exitCode !== null) throw new Error(`fleet exited early: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(sessions.map((s) => s.peer.commonName).sort()).toEqual(SERIALS);
    for (const s of sessions) {
      await s.getSchema('Open_vSwitch');
      const result = (await s.rpc.request('transact', ['Open_vSwitch', { op: 'select', table: 'AWLAN_Node', where: [], columns: ['serial_number'] }])) as [
        { rows: { serial_number: string }[] },
      ];
      expect(result[0].rows[0].serial_number).toBe(s.peer.commonName);
    }
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGINT: stopping 2 devices/);
    expect(stderr).toMatch(/stopped/);
  });
});
