// Over a real loopback TCP connection.
import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { EncodedJson } from '../codec/encoded-json';
import { JsonStreamDecoder } from '../codec/json-stream-decoder';
import { resultMessage } from '../rpc/rpc-message';
import { StreamTransport } from './stream-transport';
import type { StreamTransportOptions } from './stream-transport';

describe('StreamTransport', () => {
  let server: Server;
  let port: number;
  let accepted: Promise<Socket>;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    let resolveAccepted!: (s: Socket) => void;
    accepted = new Promise((r) => (resolveAccepted = r));
    server = createServer((s) => {
      sockets.push(s);
      resolveAccepted(s);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await new Promise((r) => server.close(r));
  });

  async function pair(options: StreamTransportOptions = {}): Promise<{ ours: StreamTransport; raw: Socket }> {
    const raw = connect(port, '127.0.0.1');
    sockets.push(raw);
    await new Promise((r) => raw.once('connect', r));
    return { ours: new StreamTransport(await accepted, options), raw };
  }

  it('sends a result encoded once as the same JSON text, to any number of peers', async () => {
    const schema = { name: 'Open_vSwitch', tables: { T: { columns: { s: { type: 'string' } } } }, big: 'x'.repeat(100_000) };
    const encoded = EncodedJson.of(schema);
    const { ours, raw } = await pair();
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    ours.send(resultMessage(0, encoded));
    ours.send(resultMessage(1, encoded));
    const both = JSON.stringify(resultMessage(0, schema)).length + JSON.stringify(resultMessage(1, schema)).length;
    while (Buffer.concat(chunks).length < both) await new Promise((r) => setTimeout(r, 5));
    expect(new JsonStreamDecoder({}, null).push(Buffer.concat(chunks))).toEqual([
      { id: 0, error: null, result: schema },
      { id: 1, error: null, result: schema },
    ]);
  });

  it('reassembles messages split across writes and splits messages sent together', async () => {
    const { ours, raw } = await pair();
    const got: unknown[] = [];
    ours.messages.subscribe((m) => got.push(m));
    raw.write('{"method":"echo","par');
    raw.write('ams":["é"],"id":1}{"id":2,"result":[],"error":null}\n');
    while (got.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(got).toEqual([
      { method: 'echo', params: ['é'], id: 1 },
      { id: 2, result: [], error: null },
    ]);
    expect(ours.peer).toMatchObject({ kind: 'tcp', remoteAddress: '127.0.0.1', remotePort: raw.localPort });
  });

  it('sends each message as JSON text', async () => {
    const { ours, raw } = await pair();
    let text = '';
    raw.on('data', (d: Buffer) => (text += d.toString()));
    ours.send({ method: 'echo', params: [], id: 'echo' });
    ours.send({ result: [], error: null, id: 3 });
    const expected = '{"method":"echo","params":[],"id":"echo"}{"result":[],"error":null,"id":3}';
    while (text.length < expected.length) await new Promise((r) => setTimeout(r, 5));
    expect(text).toBe(expected);
  });

  it('drops a peer that leaves too much output unread', async () => {
    const { ours, raw } = await pair({ maxWriteBufferBytes: 256 * 1024 });
    raw.pause();
    const big = { method: 'update', params: ['m', 'x'.repeat(64 * 1024)], id: null };
    for (let i = 0; i < 10_000 && !ours.closeReason; i++) {
      ours.send(big);
      // Yield so the kernel buffers fill and node's own queue starts to grow.
      if (i % 16 === 0) await new Promise((r) => setImmediate(r));
    }
    expect((await ours.closed).code).toBe('WRITE_BUFFER_FULL');
  });

  it('lets a sender wait until the peer has drained its output', async () => {
    const { ours, raw } = await pair();
    raw.pause();
    const big = { method: 'update', params: ['m', 'x'.repeat(64 * 1024)], id: null };
    for (let i = 0; i < 64; i++) ours.send(big);
    let drained = false;
    const waiting = ours.whenWritable().then(() => (drained = true));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false);
    raw.resume();
    await waiting;
    expect(drained).toBe(true);
    expect(ours.closeReason).toBeUndefined();
  });

  it('records the peer hanging up', async () => {
    const { ours, raw } = await pair();
    raw.end();
    expect((await ours.closed).code).toBe('PEER_DISCONNECTED');
  });
});
