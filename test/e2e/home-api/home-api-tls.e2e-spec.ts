// The gateway over mutual TLS: the MSO is the CN of its client certificate; a certificate
// of another CA fails the handshake and a CN that is no configured MSO is closed.

import { connect, TLSSocket } from 'node:tls';
import { createTestPki, TestPki } from '../../support/test-certificates';
import { describeEachDatabase, useTestApp } from '../support';
import { createGroup } from '../support/roles';
import { GROUP, MSO, port, subscriber } from './gateway-fixtures';
import { frame } from './mso-client';

const pki: TestPki = createTestPki();
afterAll(() => pki.remove());

function open(appPort: number, files: { key: string; cert: string }): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: appPort, key: files.key, cert: files.cert, ca: pki.ca, servername: 'localhost' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes, or the first answer when `one`. */
function received(socket: TLSSocket, one: boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (one && text.length >= 4 && text.length >= 4 + Number(text.slice(0, 4))) resolve(text);
    });
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
}

describeEachDatabase('@Home API 2.0 gateway over TLS', (db) => {
  const t = useTestApp(db, {
    env: {
      HOME_API_LISTEN: '127.0.0.1:0',
      HOME_API_MSOS: `${MSO}=${GROUP}`,
      HOME_API_TLS_CERT: pki.server.certFile,
      HOME_API_TLS_KEY: pki.server.keyFile,
      HOME_API_TLS_CA: pki.caFile,
    },
  });

  beforeAll(async () => {
    await createGroup(t.current, GROUP);
  });

  it('serves the MSO named by the client certificate', async () => {
    const socket = await open(port(t.current), pki.issueClient(MSO.toLowerCase()));
    const answer = received(socket, true);
    socket.write(frame(subscriber('3001')));
    expect(await answer).toMatch(/^\d{4}\|CREATE\|SUBSCRIBER\|completion_code=0\|subscriber_key=[0-9a-f-]{36}\|\n$/);
    socket.destroy();
  });

  it('closes a connection whose certificate names no configured MSO', async () => {
    const socket = await open(port(t.current), pki.issueClient('OTHER'));
    const all = received(socket, false);
    socket.write(frame(subscriber('3002')));
    expect(await all).toBe('');
  });

  it('fails the handshake for a certificate of another CA', async () => {
    const outcome = await open(port(t.current), pki.issueUntrusted(MSO)).then(
      (socket) => {
        const all = received(socket, false);
        socket.write(frame(subscriber('3003')));
        return all.then((text) => `open, then closed with ${JSON.stringify(text)}`);
      },
      (error: Error) => `refused: ${error.message}`,
    );
    // TLS 1.3 reports a refused client certificate after the client's side completed.
    expect(outcome).toMatch(/^(refused: |open, then closed with "")/);
  });
});
