// An update the replica cannot apply resyncs its monitor instead of closing the session:
// the far side is an in-memory peer built from the real RpcConnection, answering monitor_cond
// and monitor_cancel as ovsdb-server does (a cancelled id is unknown afterwards).
import { DatabaseCache } from '../cache/database-cache';
import type { CacheBatch } from '../cache/row-change';
import { OvsdbError } from '../errors';
import { RpcConnection } from '../rpc/rpc-connection';
import { MemoryTransport } from '../transport/memory-transport';
import { monitorResyncStats } from './monitor-resync';
import { OvsdbSession } from './ovsdb-session';
import type { OvsdbSessionOptions } from './ovsdb-session';

const SCHEMA = { name: 'Tiny', version: '1.0.0', tables: { Node: { columns: { name: { type: 'string' } }, isRoot: true } } };
const U1 = '11111111-2222-3333-4444-555555555555';
const U2 = '66666666-7777-8888-9999-aaaaaaaaaaaa';
const UNKNOWN = '00000000-0000-4000-8000-000000000001';

/** A device whose monitor_cond answers with `rows()`, recording monitor ids and cancels. */
function setup(rows: () => Record<string, { name: string }>, options: OvsdbSessionOptions = {}) {
  const lines: string[] = [];
  const [ours, theirs] = MemoryTransport.pair({ commonName: 'SN7', remoteAddress: '10.0.0.7', remotePort: 4711 });
  const device = new RpcConnection(theirs);
  const live = new Set<string>();
  const requests: string[] = [];
  device.handle('get_schema', () => SCHEMA);
  device.handle('monitor_cond', (params) => {
    live.add(JSON.stringify(params[1]));
    requests.push(`monitor_cond ${String(params[1])}`);
    return { Node: Object.fromEntries(Object.entries(rows()).map(([u, r]) => [u, { initial: r }])) };
  });
  device.handle('monitor_cancel', (params) => {
    requests.push(`monitor_cancel ${String(params[0])}`);
    if (!live.delete(JSON.stringify(params[0]))) throw new OvsdbError('RPC_ERROR', 'unknown monitor');
    return {};
  });
  const logger = { log: () => undefined, warn: (m: string) => lines.push(m) };
  const session = new OvsdbSession(ours, { logger, ...options });
  return { session, device, requests, lines };
}

async function start(session: OvsdbSession): Promise<{ cache: DatabaseCache; batches: CacheBatch[]; id: () => string }> {
  const cache = new DatabaseCache(await session.getSchema('Tiny'), { Node: {} });
  const monitor = await session.monitor('Tiny', { Node: {} }, cache);
  const batches: CacheBatch[] = [];
  cache.onBatch((b) => batches.push(b));
  return { cache, batches, id: () => monitor.id };
}

const settle = async (session: OvsdbSession): Promise<void> => {
  // An echo goes out after everything sent so far and returns after it was handled.
  await session.request('echo', []).catch(() => undefined);
  await new Promise((r) => setImmediate(r));
};

describe('monitor resync', () => {
  it('cancels the monitor, monitors again under a new id and replaces the replica; the session stays', async () => {
    let rows: Record<string, { name: string }> = { [U1]: { name: 'a' } };
    const { session, device, requests, lines } = setup(() => rows);
    device.handle('echo', (p) => p);
    const { cache, batches, id } = await start(session);
    const first = id();
    const before = { ...monitorResyncStats };
    // The server moved on (U1 renamed, U2 added) and the notification that said so was lost.
    rows = { [U1]: { name: 'b' }, [U2]: { name: 'c' } };
    device.notify('update2', [first, { Node: { [UNKNOWN]: { modify: { name: 'x' } } } }]);
    // Still in flight for the old id: ignored, never applied to the fresh copy.
    device.notify('update2', [first, { Node: { [U1]: { modify: { name: 'old' } } } }]);
    await settle(session);
    expect(session.isClosed).toBe(false);
    expect(cache.stale).toBe(false);
    expect(id()).not.toBe(first);
    expect(requests).toEqual([`monitor_cond ${first}`, `monitor_cancel ${first}`, `monitor_cond ${id()}`]);
    expect([...cache.table('Node')!.values()].map((r) => r.name).sort()).toEqual(['b', 'c']);
    expect(batches.map((b) => [b.cleared, b.changes.length])).toEqual([
      [true, 0],
      [false, 2],
    ]);
    expect(monitorResyncStats.resyncs).toBe(before.resyncs + 1);
    expect(lines).toEqual([expect.stringMatching(/^\[serial=SN7 .*modify of a row the cache does not hold; resyncing monitor Tiny#1/)]);
    // The new monitor's notifications are applied as usual.
    device.notify('update2', [id(), { Node: { [U2]: { delete: null } } }]);
    await settle(session);
    expect(cache.get('Node', U2)).toBeUndefined();
    expect(session.isClosed).toBe(false);
  });

  it('closes the session, with the limit in its reason, when inconsistencies keep coming', async () => {
    const { session, device } = setup(() => ({ [U1]: { name: 'a' } }), { maxMonitorResyncsPerMinute: 2 });
    device.handle('echo', (p) => p);
    const { id } = await start(session);
    const before = { ...monitorResyncStats };
    for (let i = 0; i < 3 && !session.isClosed; i++) {
      device.notify('update2', [id(), { Node: { [UNKNOWN]: { delete: null } } }]);
      await settle(session);
    }
    const reason = await session.closed;
    expect(reason.code).toBe('CACHE_UPDATE_INVALID');
    expect(reason.message).toMatch(/delete of a row the cache does not hold \(monitors already resynced 2 times this minute, the limit\)/);
    expect(monitorResyncStats.resyncs).toBe(before.resyncs + 2);
    expect(monitorResyncStats.sessionsClosed).toBe(before.sessionsClosed + 1);
  });

  it('closes the session when the fresh monitor is refused', async () => {
    let refuse = false;
    const { session, device } = setup(() => {
      if (refuse) throw new OvsdbError('RPC_ERROR', 'resources exhausted');
      return {};
    });
    const { cache, id } = await start(session);
    const before = { ...monitorResyncStats };
    refuse = true;
    device.notify('update2', [id(), { Node: { [UNKNOWN]: { modify: { name: 'x' } } } }]);
    const reason = await session.closed;
    expect(reason).toMatchObject({ code: 'CACHE_UPDATE_INVALID', message: expect.stringMatching(/^resync of monitor Tiny#1 failed/) });
    expect(cache.stale).toBe(true);
    expect(monitorResyncStats.resyncFailures).toBe(before.resyncFailures + 1);
  });
});
