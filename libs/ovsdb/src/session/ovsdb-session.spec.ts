// The far side is an in-memory peer built from the real RpcConnection, answering like
// ovsdb-server would.
import { DatabaseCache } from '../cache/database-cache';
import { OvsdbError } from '../errors';
import { RpcConnection } from '../rpc/rpc-connection';
import { SchemaRegistry } from '../schema/schema-registry';
import { MemoryTransport } from '../transport/memory-transport';
import { InactivityProbe } from './inactivity-probe';
import { OvsdbSession } from './ovsdb-session';
import type { OvsdbSessionOptions } from './ovsdb-session';

const SCHEMA = {
  name: 'Tiny',
  version: '1.0.0',
  tables: { Node: { columns: { name: { type: 'string' } }, isRoot: true } },
};

function connect(options: OvsdbSessionOptions = {}, commonName?: string): { session: OvsdbSession; device: RpcConnection } {
  const [ours, theirs] = MemoryTransport.pair({ commonName, remoteAddress: '10.0.0.7', remotePort: 4711 });
  const device = new RpcConnection(theirs);
  device.handle('get_schema', (params) => {
    if (params[0] !== 'Tiny') throw new OvsdbError('SCHEMA_UNKNOWN_TABLE', 'unknown database');
    return SCHEMA;
  });
  device.handle('list_dbs', () => ['Tiny', '_Server']);
  return { session: new OvsdbSession(ours, options), device };
}

describe('OvsdbSession', () => {
  it('fetches the schema once and shares the parse between sessions', async () => {
    const registry = new SchemaRegistry();
    const a = connect({ schemaRegistry: registry });
    const b = connect({ schemaRegistry: registry });
    const schemaA = await a.session.getSchema('Tiny');
    expect(schemaA.table('Node')?.columns.has('name')).toBe(true);
    expect(await b.session.getSchema('Tiny')).toBe(schemaA);
    expect(a.session.schema('Tiny')).toBe(schemaA);
    expect(registry.size).toBe(1);
  });

  it('lists databases', async () => {
    await expect(connect().session.listDbs()).resolves.toEqual(['Tiny', '_Server']);
  });

  it('answers the peer\'s echo with the same params', async () => {
    const { device } = connect();
    await expect(device.request('echo', ['probe', 1])).resolves.toEqual(['probe', 1]);
  });

  it('sends its own echo', async () => {
    const { session, device } = connect();
    device.handle('echo', (p) => p);
    await expect(session.echo(['x'])).resolves.toEqual(['x']);
  });

  it('names the device by its certificate CN, or by what the caller learnt', () => {
    const { session } = connect({}, 'SN123');
    expect(session.serial).toBe('SN123');
    expect(session.label).toContain('serial=SN123');
    const other = connect().session;
    expect(other.label).toBe('memory:10.0.0.7:4711');
    other.serial = 'SN999';
    expect(other.label).toContain('serial=SN999');
  });

  it('fails every pending request clearly when closed', async () => {
    const { session, device } = connect();
    device.handle('transact', () => new Promise(() => undefined));
    const pending = [session.request('transact', ['Tiny']), session.request('transact', ['Tiny'])];
    session.close('operator asked');
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    expect(session.closeReason).toEqual({ code: 'LOCAL', message: 'operator asked' });
    expect(await session.closed).toEqual({ code: 'LOCAL', message: 'operator asked' });
    expect(session.isClosed).toBe(true);
  });

  it('records why the peer went away', async () => {
    const { session, device } = connect();
    device.close('reboot');
    expect((await session.closed).code).toBe('PEER_DISCONNECTED');
  });

  it('applies its default request timeout', async () => {
    const { session, device } = connect({ requestTimeoutMs: 20 });
    device.handle('get_schema', () => new Promise(() => undefined));
    await expect(session.getSchema('Tiny')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(session.isClosed).toBe(false);
  });

  it('closes a peer that stops answering, and keeps one that answers the probe', async () => {
    const probe = new InactivityProbe(30);
    const silent = connect({ probe });
    const alive = connect({ probe });
    alive.device.handle('echo', (p) => p);
    let echoesSeenBySilent = 0;
    silent.device.handle('echo', () => {
      echoesSeenBySilent++;
      return new Promise(() => undefined);
    });
    const reason = await silent.session.closed;
    expect(reason.code).toBe('INACTIVITY');
    expect(echoesSeenBySilent).toBe(1);
    expect(alive.session.isClosed).toBe(false);
    alive.session.close('done');
    await alive.session.closed;
    expect(probe.size).toBe(0);
    probe.stop();
  });

  it('logs the close reason with the serial, as a warning when it is a fault', async () => {
    const lines: string[] = [];
    const logger = { log: (m: string) => lines.push(`log ${m}`), warn: (m: string) => lines.push(`warn ${m}`) };
    const [ours, theirs] = MemoryTransport.pair({ commonName: 'SN42' });
    const session = new OvsdbSession(ours, { logger });
    theirs.send({ result: 1, error: null, id: 'never-sent' });
    await session.closed;
    expect(lines).toEqual([expect.stringMatching(/^warn \[serial=SN42 .*RPC_UNKNOWN_ID/)]);
  });

  describe('monitor', () => {
    const U1 = '11111111-2222-3333-4444-555555555555';
    const U2 = '66666666-7777-8888-9999-aaaaaaaaaaaa';

    async function monitored(device: RpcConnection, session: OvsdbSession): Promise<DatabaseCache> {
      const schema = await session.getSchema('Tiny');
      const cache = new DatabaseCache(schema, { Node: {} });
      const monitor = await session.monitor('Tiny', { Node: {} }, cache);
      expect(monitor.id).toBeDefined();
      return cache;
    }

    it('uses monitor_cond and applies update2 notifications', async () => {
      const { session, device } = connect();
      let request: unknown[] = [];
      device.handle('monitor_cond', (params) => {
        request = params;
        return { Node: { [U1]: { initial: { name: 'a' } } } };
      });
      const cache = await monitored(device, session);
      expect(request[0]).toBe('Tiny');
      expect(request[2]).toEqual({ Node: { columns: ['name'] } });
      expect(cache.get('Node', U1)?.name).toBe('a');
      const batches: number[] = [];
      cache.batches$.subscribe((b) => batches.push(b.changes.length));
      device.notify('update2', [request[1], { Node: { [U1]: { modify: { name: 'b' } }, [U2]: { insert: { name: 'c' } } } }]);
      device.notify('update2', [['some', 'other', 'monitor'], { Node: { [U1]: { delete: null } } }]);
      while (batches.length === 0) await new Promise((r) => setImmediate(r));
      expect(cache.get('Node', U1)?.name).toBe('b');
      expect(cache.get('Node', U2)?.name).toBe('c');
      await session.echo().catch(() => undefined);
      expect(batches).toEqual([2]);
    });

    it('falls back to monitor when the server does not know monitor_cond', async () => {
      const { session, device } = connect();
      let id: unknown;
      device.handle('monitor', (params) => {
        id = params[1];
        return { Node: { [U1]: { new: { name: 'a' } } } };
      });
      const schema = await session.getSchema('Tiny');
      const cache = new DatabaseCache(schema, { Node: {} });
      const monitor = await session.monitor('Tiny', { Node: {} }, cache);
      expect(monitor.method).toBe('monitor');
      expect(cache.get('Node', U1)?.name).toBe('a');
      device.notify('update', [id, { Node: { [U1]: { old: { name: 'a' }, new: { name: 'z' } } } }]);
      while (cache.get('Node', U1)?.name !== 'z') await new Promise((r) => setImmediate(r));
    });

    it('does not fall back on other errors', async () => {
      const { session, device } = connect();
      device.handle('monitor_cond', () => {
        throw new OvsdbError('SCHEMA_UNKNOWN_TABLE', 'no such table');
      });
      const schema = await session.getSchema('Tiny');
      await expect(session.monitor('Tiny', { Node: {} }, new DatabaseCache(schema, { Node: {} }))).rejects.toMatchObject({
        code: 'RPC_ERROR',
        details: { error: 'SCHEMA_UNKNOWN_TABLE' },
      });
    });

    it('resyncs a cache that a previous session filled', async () => {
      const first = connect();
      first.device.handle('monitor_cond', () => ({ Node: { [U1]: { initial: { name: 'old' } } } }));
      const cache = await monitored(first.device, first.session);
      first.device.close('reboot');
      await first.session.closed;
      const second = connect();
      second.device.handle('monitor_cond', () => ({ Node: { [U2]: { initial: { name: 'new' } } } }));
      const schema = await second.session.getSchema('Tiny');
      await second.session.monitor('Tiny', { Node: {} }, cache);
      expect(cache.get('Node', U1)).toBeUndefined();
      expect(cache.get('Node', U2)?.name).toBe('new');
      expect(schema).toBe(cache.schema);
    });

    it('closes the session on an update whose values are malformed (an inconsistent one resyncs)', async () => {
      const { session, device } = connect();
      let id: unknown;
      device.handle('monitor_cond', (params) => {
        id = params[1];
        return {};
      });
      await monitored(device, session);
      device.notify('update2', [id, { Node: { [U1]: { insert: { name: 5 } } } }]);
      expect((await session.closed).code).toBe('NOTATION_INVALID');
    });
  });

  describe('transact', () => {
    it('returns checked results', async () => {
      const { session, device } = connect();
      let got: unknown[] = [];
      device.handle('transact', (params) => {
        got = params;
        return [{ uuid: ['uuid', '11111111-2222-3333-4444-555555555555'] }];
      });
      await session.getSchema('Tiny');
      const ops = [{ op: 'insert' as const, table: 'Node', row: { name: 'n' } }];
      const results = await session.transact('Tiny', ops);
      expect(got).toEqual(['Tiny', ...ops]);
      expect(results[0]).toMatchObject({ op: 'insert', uuid: '11111111-2222-3333-4444-555555555555' });
    });

    it('reports a failed operation as TRANSACTION_FAILED', async () => {
      const { session, device } = connect();
      device.handle('transact', () => [{ error: 'constraint violation', details: 'bad value' }]);
      const ops = [{ op: 'insert' as const, table: 'Node', row: { name: 'n' } }];
      await expect(session.transact('Tiny', ops)).rejects.toMatchObject({ code: 'TRANSACTION_FAILED' });
    });

    it('times out', async () => {
      const { session, device } = connect();
      device.handle('transact', () => new Promise(() => undefined));
      await expect(session.transact('Tiny', [], { timeoutMs: 10 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    });
  });
});
