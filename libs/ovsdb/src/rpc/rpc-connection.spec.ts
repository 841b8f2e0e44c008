import { OvsdbError } from '../errors';
import { MemoryTransport } from '../transport/memory-transport';
import { RpcConnection } from './rpc-connection';
import { RpcErrorReply } from './rpc-error-reply';

function connectedPair(): { a: RpcConnection; b: RpcConnection; ta: MemoryTransport; tb: MemoryTransport } {
  const [ta, tb] = MemoryTransport.pair();
  return { a: new RpcConnection(ta), b: new RpcConnection(tb), ta, tb };
}

async function rejection(p: Promise<unknown>): Promise<OvsdbError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OvsdbError) return err;
    throw err;
  }
  throw new Error('expected the promise to reject');
}

/** Records what a raw peer receives, to check the wire format itself. */
function wireOf(t: MemoryTransport): unknown[] {
  const seen: unknown[] = [];
  t.messages.subscribe((m) => seen.push(m));
  return seen;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

describe('RpcConnection', () => {
  it('correlates requests and responses in both directions', async () => {
    const { a, b } = connectedPair();
    a.handle('add', (params) => (params[0] as number) + (params[1] as number));
    b.handle('echo', (params) => params);
    await expect(b.request('add', [2, 3])).resolves.toBe(5);
    await expect(a.request('echo', ['x', { y: 1 }])).resolves.toEqual(['x', { y: 1 }]);
  });

  it('answers in any order the peer chooses', async () => {
    const { a, b } = connectedPair();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    a.handle('slow', async () => {
      await gate;
      return 'slow';
    });
    a.handle('fast', () => 'fast');
    const slow = b.request('slow', []);
    await expect(b.request('fast', [])).resolves.toBe('fast');
    release();
    await expect(slow).resolves.toBe('slow');
  });

  it('speaks JSON-RPC 1.0 on the wire: no jsonrpc member, null error on success', async () => {
    const [ta, raw] = MemoryTransport.pair();
    const conn = new RpcConnection(ta);
    const seen = wireOf(raw);
    conn.handle('echo', (p) => p);
    conn.notify('update', ['m', {}]);
    raw.send({ method: 'echo', params: [], id: 'echo' });
    await until(() => seen.length === 2);
    expect(seen[0]).toEqual({ method: 'update', params: ['m', {}], id: null });
    expect(seen[1]).toEqual({ result: [], error: null, id: 'echo' });
  });

  it('accepts any JSON id from the peer and echoes it back unchanged', async () => {
    const [ta, raw] = MemoryTransport.pair();
    const conn = new RpcConnection(ta);
    conn.handle('echo', (p) => p);
    const seen = wireOf(raw);
    raw.send({ method: 'echo', params: [1], id: ['compound', { n: 1 }] });
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({ result: [1], error: null, id: ['compound', { n: 1 }] });
  });

  it('answers an unknown method the way ovsdb-server does', async () => {
    const { b } = connectedPair();
    const err = await rejection(b.request('no_such_method', []));
    expect(err.code).toBe('RPC_ERROR');
    expect(err.details).toBe('unknown method');
  });

  it('reports OVSDB error objects with their details', async () => {
    const [ta, raw] = MemoryTransport.pair();
    const conn = new RpcConnection(ta);
    raw.messages.subscribe((m) => {
      const req = m as { id: number };
      raw.send({ result: null, error: { error: 'unknown database', details: 'get_schema request specifies unknown database Nope' }, id: req.id });
    });
    const err = await rejection(conn.request('get_schema', ['Nope']));
    expect(err.code).toBe('RPC_ERROR');
    expect(err.message).toContain('unknown database');
    expect(err.details).toEqual({ error: 'unknown database', details: 'get_schema request specifies unknown database Nope' });
  });

  it('delivers notifications (id null) to subscribers', async () => {
    const { a, b } = connectedPair();
    const got: unknown[] = [];
    b.notifications.subscribe((n) => got.push([n.method, n.params]));
    a.notify('update', ['mon', { T: {} }]);
    await until(() => got.length === 1);
    expect(got[0]).toEqual(['update', ['mon', { T: {} }]]);
  });

  it('fails pending requests with SESSION_CLOSED when the connection closes', async () => {
    const { a, b } = connectedPair();
    a.handle('never', () => new Promise(() => undefined));
    const pending = b.request('never', []);
    await until(() => b.pendingCount === 1);
    a.close('test over');
    const err = await rejection(pending);
    expect(err.code).toBe('SESSION_CLOSED');
    expect((await b.closed).code).toBe('PEER_DISCONNECTED');
    await expect(rejection(b.request('after', []))).resolves.toMatchObject({ code: 'SESSION_CLOSED' });
  });

  it('fails a request with TIMEOUT and tolerates its late answer', async () => {
    const { a, b } = connectedPair();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    a.handle('late', async () => {
      await gate;
      return 'late';
    });
    a.handle('ping', () => 'pong');
    const err = await rejection(b.request('late', [], { timeoutMs: 20 }));
    expect(err.code).toBe('TIMEOUT');
    release();
    // The late answer arrives before this one and must not be taken for a protocol error.
    await expect(b.request('ping', [])).resolves.toBe('pong');
    expect(b.closeReason).toBeUndefined();
  });

  it('closes on a response to an id it never sent', async () => {
    const [ta, raw] = MemoryTransport.pair();
    const conn = new RpcConnection(ta);
    raw.send({ result: 1, error: null, id: 999 });
    const reason = await conn.closed;
    expect(reason.code).toBe('RPC_UNKNOWN_ID');
  });

  it.each([
    ['a bare array', [1, 2]],
    ['params that are not an array', { method: 'echo', params: 'x', id: 1 }],
    ['a response without an id', { result: 1, error: null, id: null }],
    ['neither request nor response', { hello: 'world' }],
  ])('closes on an invalid message: %s', async (_label, message) => {
    const [ta, raw] = MemoryTransport.pair();
    const conn = new RpcConnection(ta);
    raw.send(message);
    const reason = await conn.closed;
    expect(reason.code).toBe('RPC_INVALID_MESSAGE');
  });

  it('reports a failing handler to the peer as an error object with a code', async () => {
    const { a, b } = connectedPair();
    a.handle('boom', () => {
      throw new OvsdbError('OP_INVALID', 'no such thing');
    });
    const err = await rejection(b.request('boom', []));
    expect(err.details).toEqual({ error: 'OP_INVALID', details: 'no such thing' });
    expect(a.closeReason).toBeUndefined();
  });

  it("sends a handler's RpcErrorReply verbatim as the error, string or object", async () => {
    const [ta, raw] = MemoryTransport.pair();
    const conn = new RpcConnection(ta);
    const seen = wireOf(raw);
    const unknownDb = { error: 'unknown database', details: 'get_schema request specifies unknown database Nope', syntax: '["Nope"]' };
    conn.handle('get_schema', () => {
      throw new RpcErrorReply(unknownDb);
    });
    conn.handle('monitor_cancel', async () => {
      await Promise.resolve();
      throw new RpcErrorReply('unknown monitor');
    });
    raw.send({ method: 'get_schema', params: ['Nope'], id: 1 });
    raw.send({ method: 'monitor_cancel', params: ['m'], id: 2 });
    await until(() => seen.length === 2);
    expect(seen).toEqual([
      { result: null, error: unknownDb, id: 1 },
      { result: null, error: 'unknown monitor', id: 2 },
    ]);
    expect(conn.closeReason).toBeUndefined();
  });

  it('lets the requesting side read a raw error reply as the peer sent it', async () => {
    const { a, b } = connectedPair();
    a.handle('monitor_cancel', () => {
      throw new RpcErrorReply('unknown monitor');
    });
    const err = await rejection(b.request('monitor_cancel', ['m']));
    expect(err.code).toBe('RPC_ERROR');
    expect(err.message).toBe('monitor_cancel failed: unknown monitor');
    expect(err.details).toBe('unknown monitor');
  });

  it('refuses a null error value, which would read as success on the wire', () => {
    expect(() => new RpcErrorReply(null)).toThrow(TypeError);
  });
});
