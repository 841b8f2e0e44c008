// Mutual TLS on the listener: ovsdb-server presents a client certificate whose CN is the
// device serial (ssl:), a WebSocket client does the same (wss:); peers without a
// certificate from our CA never get a session.
import { firstValueFrom } from 'rxjs';
import WebSocket from 'ws';
import { OvsdbListener } from '@lib/ovsdb/listener/ovsdb-listener';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { createTestPki } from '../support/test-certificates';
import type { TestPki } from '../support/test-certificates';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

describe('listener with mutual TLS', () => {
  let pki: TestPki;
  let listener: OvsdbListener;
  const warnings: string[] = [];
  const logger = { log: () => undefined, warn: (m: string) => warnings.push(m) };

  beforeAll(async () => {
    pki = createTestPki();
    listener = new OvsdbListener({
      listen: 'ssl:127.0.0.1:0,wss:127.0.0.1:0',
      tls: { cert: pki.server.cert, key: pki.server.key, ca: pki.ca },
      probeIntervalMs: 0,
      logger,
    });
    await listener.start();
  });

  afterAll(async () => {
    await listener?.close();
    pki?.remove();
  });

  const port = (kind: string): number => listener.addresses.find((a) => a.spec.kind === kind)!.port;

  describeWithOvsdb('ovsdb-server dialling ssl:', () => {
    let device: OvsdbServerProcess | undefined;
    afterEach(async () => {
      await device?.stop();
      device = undefined;
    });

    it('identifies the device by its certificate CN and talks OVSDB', async () => {
      const cert = pki.issueClient('SN-0001');
      const next = firstValueFrom(listener.sessions);
      device = await OvsdbServerProcess.start({
        remotes: [`ssl:127.0.0.1:${port('ssl')}`],
        tls: { privateKey: cert.keyFile, certificate: cert.certFile, caCert: pki.caFile },
      });
      const session = await next;
      expect(session.peer.kind).toBe('ssl');
      expect(session.peer.commonName).toBe('SN-0001');
      expect(session.serial).toBe('SN-0001');
      const schema = await session.getSchema('Open_vSwitch');
      expect(schema.table('AWLAN_Node')).toBeDefined();
      await expect(session.echo(['tls'])).resolves.toEqual(['tls']);
    });

    it('refuses a device whose certificate another CA signed', async () => {
      const rogue = pki.issueUntrusted('SN-ROGUE');
      let sessions = 0;
      const sub = listener.sessions.subscribe(() => sessions++);
      const before = warnings.length;
      device = await OvsdbServerProcess.start({
        remotes: [`ssl:127.0.0.1:${port('ssl')}`],
        tls: { privateKey: rogue.keyFile, certificate: rogue.certFile, caCert: pki.caFile },
      });
      // The warning names the peer and the reason (an unknown CA), not an OpenSSL error string.
      await until(() => warnings.slice(before).some((w) => /TLS handshake with 127\.0\.0\.1:\d+ refused: client certificate not signed by the configured CA/.test(w)));
      sub.unsubscribe();
      expect(sessions).toBe(0);
    });
  });

  it('accepts a wss client with a certificate and exposes its CN', async () => {
    const cert = pki.issueClient('SN-WS-7');
    const next = firstValueFrom(listener.sessions);
    const ws = new WebSocket(`wss://127.0.0.1:${port('wss')}/`, { ca: pki.ca, cert: cert.cert, key: cert.key });
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    const session = await next;
    await new Promise((r) => (ws.readyState === WebSocket.OPEN ? r(undefined) : ws.once('open', r)));
    expect(session.peer).toMatchObject({ kind: 'wss', commonName: 'SN-WS-7' });
    ws.send(JSON.stringify({ method: 'echo', params: [1], id: 9 }));
    await until(() => replies.length > 0);
    expect(replies[0]).toEqual({ result: [1], error: null, id: 9 });
    ws.close();
    expect((await session.closed).code).toBe('PEER_DISCONNECTED');
  });

  it('refuses a wss client without a certificate', async () => {
    let sessions = 0;
    const sub = listener.sessions.subscribe(() => sessions++);
    const ws = new WebSocket(`wss://127.0.0.1:${port('wss')}/`, { ca: pki.ca });
    const failure = await new Promise<string>((resolve) => {
      ws.once('error', (err) => resolve(err.message));
      ws.once('close', () => resolve('closed'));
    });
    sub.unsubscribe();
    expect(failure).not.toBe('');
    expect(sessions).toBe(0);
  });
});
