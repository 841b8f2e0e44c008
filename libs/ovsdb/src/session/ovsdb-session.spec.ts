// The far side is an in-memory peer built from the real RpcConnection, answering like
// ovsdb-server would.
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
});
