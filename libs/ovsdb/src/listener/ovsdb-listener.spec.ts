// Real sockets on ephemeral ports; the far side is a plain client built from the same
// transports, so both directions go through real framing.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { take, toArray } from 'rxjs/operators';
import WebSocket from 'ws';
import { RpcConnection } from '../rpc/rpc-connection';
import type { OvsdbSession } from '../session/ovsdb-session';
import { StreamTransport } from '../transport/stream-transport';
import { OvsdbListener } from './ovsdb-listener';

function tcpClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

function socketClosed(s: Socket): Promise<void> {
  return new Promise((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));
}

describe('OvsdbListener', () => {
  let listener: OvsdbListener | undefined;
  const clients: Socket[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await listener?.close();
    listener = undefined;
  });

  async function start(options: Partial<ConstructorParameters<typeof OvsdbListener>[0]> = {}): Promise<number> {
    listener = new OvsdbListener({ listen: 'tcp:127.0.0.1:0', probeIntervalMs: 0, ...options });
    const [bound] = await listener.start();
    return bound.port;
  }

  it('turns each tcp connection into a session that talks JSON-RPC both ways', async () => {
    const port = await start();
    const sessionP = firstValueFrom(listener!.sessions);
    const socket = await tcpClient(port);
    clients.push(socket);
    const device = new RpcConnection(new StreamTransport(socket));
    device.handle('list_dbs', () => ['Open_vSwitch']);
    const session = await sessionP;
    expect(session.peer.kind).toBe('tcp');
    expect(session.peer.remoteAddress).toBe('127.0.0.1');
    await expect(session.listDbs()).resolves.toEqual(['Open_vSwitch']);
    await expect(device.request('echo', ['ping'])).resolves.toEqual(['ping']);
  });

  it('closes only the session that sends garbage', async () => {
    const port = await start();
    const two = firstValueFrom(listener!.sessions.pipe(take(2), toArray()));
    const good = await tcpClient(port);
    const bad = await tcpClient(port);
    clients.push(good, bad);
    const [s1, s2] = await two;
    const byPort = (s: OvsdbSession): number | undefined => s.peer.remotePort;
    const badSession = byPort(s1) === bad.localPort ? s1 : s2;
    const goodSession = badSession === s1 ? s2 : s1;
    const device = new RpcConnection(new StreamTransport(good));
    bad.write('{"method":"echo","params":[],"id":1}  hello');
    const reason = await badSession.closed;
    expect(reason.code).toBe('CODEC_INVALID_JSON');
    await socketClosed(bad);
    await expect(device.request('echo', [1])).resolves.toEqual([1]);
    expect(goodSession.isClosed).toBe(false);
  });

  it('closes a session whose message exceeds the size limit', async () => {
    const port = await start({ maxMessageBytes: 1024 });
    const sessionP = firstValueFrom(listener!.sessions);
    const socket = await tcpClient(port);
    clients.push(socket);
    const session = await sessionP;
    socket.write(`{"method":"echo","params":["${'x'.repeat(2000)}"],"id":1}`);
    expect((await session.closed).code).toBe('CODEC_MESSAGE_TOO_LARGE');
  });

  it('refuses connections beyond the session limit and accepts again once one leaves', async () => {
    const port = await start({ maxSessions: 1 });
    const first = firstValueFrom(listener!.sessions);
    const a = await tcpClient(port);
    clients.push(a);
    await first;
    const b = await tcpClient(port);
    clients.push(b);
    await socketClosed(b);
    expect(listener!.sessionCount).toBe(1);
    a.destroy();
    while (listener!.sessionCount > 0) await new Promise((r) => setTimeout(r, 5));
    const next = firstValueFrom(listener!.sessions);
    clients.push(await tcpClient(port));
    await expect(next).resolves.toBeDefined();
  });

  it('refuses connections beyond the accept rate', async () => {
    const seen: OvsdbSession[] = [];
    const port = await start({ acceptPerSecond: 0.001, acceptBurst: 1 });
    listener!.sessions.subscribe((s) => seen.push(s));
    const a = await tcpClient(port);
    const b = await tcpClient(port);
    clients.push(a, b);
    await socketClosed(b);
    expect(seen).toHaveLength(1);
    expect(a.destroyed).toBe(false);
  });

  it('carries one message per WebSocket text frame and closes on a binary frame', async () => {
    listener = new OvsdbListener({ listen: 'ws:127.0.0.1:0/ovsdb', probeIntervalMs: 0 });
    const [bound] = await listener.start();
    const two = firstValueFrom(listener.sessions.pipe(take(2), toArray()));
    const url = `ws://127.0.0.1:${bound.port}/ovsdb`;
    const good = new WebSocket(url);
    await new Promise((r) => good.once('open', r));
    const bad = new WebSocket(url);
    await new Promise((r) => bad.once('open', r));
    const sessions = await two;
    expect(sessions.every((s) => s.peer.kind === 'ws')).toBe(true);
    const replies: unknown[] = [];
    good.on('message', (data) => replies.push(JSON.parse(String(data))));
    good.send(JSON.stringify({ method: 'echo', params: ['hi'], id: 'echo' }));
    bad.send(Buffer.from([1, 2, 3]), { binary: true });
    const reasons = await Promise.race(sessions.map((s) => s.closed));
    expect(reasons.code).toBe('WS_INVALID_FRAME');
    while (replies.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(replies[0]).toEqual({ result: ['hi'], error: null, id: 'echo' });
    good.close();
    bad.close();
  });

  it.each([
    ['two messages in one frame', '{"method":"echo","params":[],"id":1}{"method":"echo","params":[],"id":2}', 'CODEC_INVALID_JSON'],
    ['a frame that is not JSON', 'hello', 'CODEC_INVALID_JSON'],
    ['a frame nested too deep', '['.repeat(100) + ']'.repeat(100), 'CODEC_NESTING_TOO_DEEP'],
    ['a frame over the size limit', JSON.stringify({ method: 'echo', params: ['x'.repeat(5000)], id: 1 }), 'CODEC_MESSAGE_TOO_LARGE'],
  ])('applies the codec limits to WebSocket frames: %s', async (_label, frame, code) => {
    listener = new OvsdbListener({ listen: 'ws:127.0.0.1:0', probeIntervalMs: 0, maxMessageBytes: 4096, maxDepth: 16 });
    const [bound] = await listener.start();
    const next = firstValueFrom(listener.sessions);
    const ws = new WebSocket(`ws://127.0.0.1:${bound.port}/`);
    ws.on('error', () => undefined);
    await new Promise((r) => ws.once('open', r));
    const session = await next;
    ws.send(frame);
    expect((await session.closed).code).toBe(code);
    ws.terminate();
  });

  it('closes every session with LISTENER_CLOSED on close()', async () => {
    const port = await start();
    const sessionP = firstValueFrom(listener!.sessions);
    const socket = await tcpClient(port);
    clients.push(socket);
    const session = await sessionP;
    await listener!.close();
    expect((await session.closed).code).toBe('LISTENER_CLOSED');
    await socketClosed(socket);
  });

  it('fails to start on a spec needing TLS material it was not given', async () => {
    listener = new OvsdbListener({ listen: 'tcp:127.0.0.1:0,ssl:127.0.0.1:0', probeIntervalMs: 0 });
    await expect(listener.start()).rejects.toMatchObject({ code: 'LISTENER_INVALID_SPEC' });
  });
});
