// Bad input on one connection must end that session only: a real device on another
// connection keeps working throughout.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { OvsdbListener } from '@lib/ovsdb/listener/ovsdb-listener';
import type { OvsdbSession } from '@lib/ovsdb/session/ovsdb-session';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';

describeWithOvsdb('one bad peer among good ones', () => {
  let listener: OvsdbListener;
  let device: OvsdbServerProcess;
  let deviceSession: OvsdbSession;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    listener = new OvsdbListener({ listen: 'tcp:127.0.0.1:0', probeIntervalMs: 0, maxMessageBytes: 4 * 1024 * 1024 });
    [{ port }] = await listener.start();
    const first = firstValueFrom(listener.sessions);
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    deviceSession = await first;
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await device?.stop();
    await listener?.close();
  });

  async function rawPeer(): Promise<{ socket: Socket; session: OvsdbSession }> {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    // The listener may hand out the session before the client sees 'connect'.
    const seen: OvsdbSession[] = [];
    const sub = listener.sessions.subscribe((s) => seen.push(s));
    await new Promise((r) => socket.once('connect', r));
    let session: OvsdbSession | undefined;
    while (!(session = seen.find((s) => s.peer.remotePort === socket.localPort))) {
      await new Promise((r) => setTimeout(r, 10));
    }
    sub.unsubscribe();
    return { socket, session };
  }

  it('closes a session that sends garbage and nothing else', async () => {
    const next = rawPeer();
    const { socket, session } = await next;
    socket.write('GET / HTTP/1.1\r\n\r\n');
    expect((await session.closed).code).toBe('CODEC_INVALID_JSON');
    expect(deviceSession.isClosed).toBe(false);
    const schema = await deviceSession.getSchema('Open_vSwitch');
    expect(schema.tables.size).toBeGreaterThan(100);
  });

  it('closes a session whose message is too large, without buffering it all', async () => {
    const { socket, session } = await rawPeer();
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    socket.write('{"method":"echo","params":["');
    for (let i = 0; i < 20 && !socket.destroyed; i++) socket.write(chunk);
    expect((await session.closed).code).toBe('CODEC_MESSAGE_TOO_LARGE');
    await expect(deviceSession.echo(['still here'])).resolves.toEqual(['still here']);
  });

  it('closes a session that nests too deep', async () => {
    const { socket, session } = await rawPeer();
    socket.write('['.repeat(1000));
    expect((await session.closed).code).toBe('CODEC_NESTING_TOO_DEEP');
    await expect(deviceSession.listDbs()).resolves.toContain('Open_vSwitch');
  });

  it('answers the device\'s own inactivity probe (ovsdb-server echoes after 5 s idle)', async () => {
    // ovsdb-server logs each JSON-RPC message at debug level; wait for our reply to its echo.
    while (!/received reply, result=\[\], id="echo"/.test(device.log)) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(deviceSession.isClosed).toBe(false);
  });
});
