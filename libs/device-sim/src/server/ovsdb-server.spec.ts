import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { RpcConnection, StreamTransport } from '@lib/ovsdb';
import { OvsdbServer, loadSchemaFile } from './ovsdb-server';
import { dial, parseEndpoint } from './stream-endpoints';

const schema = loadSchemaFile(resolve(__dirname, '../../../../test/fixtures/device-sim/engine-test.ovsschema'));

describe('OvsdbServer over a stream', () => {
  let dir: string;
  let server: OvsdbServer;
  const clients: RpcConnection[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'device-sim-'));
    server = new OvsdbServer([schema]);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close('test done');
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers list_dbs, get_schema, echo, transact and monitor_cond with update2 before the reply', async () => {
    const sock = join(dir, 'db.sock');
    await server.listen(`punix:${sock}`);
    const rpc = await dial(parseEndpoint(`unix:${sock}`));
    clients.push(rpc);
    expect(await rpc.request('list_dbs', [])).toEqual(['Engine_Test']);
    expect(await rpc.request('get_schema', ['Engine_Test'])).toMatchObject({ name: 'Engine_Test' });
    expect(await rpc.request('echo', ['ping'])).toEqual(['ping']);
    expect(await rpc.request('monitor_cond', ['Engine_Test', 'm', { Radio: [{ columns: ['if_name'] }] }])).toEqual({});
    const order: string[] = [];
    rpc.notifications.subscribe((n) => order.push(n.method));
    const update = firstValueFrom(rpc.notifications.pipe(filter((n) => n.method === 'update2')));
    const result = (await rpc.request('transact', ['Engine_Test', { op: 'insert', table: 'Radio', row: { if_name: 'wifi0' } }])) as [
      { uuid: [string, string] },
    ];
    order.push('reply');
    const uuid = result[0].uuid[1];
    expect((await update).params).toEqual(['m', { Radio: { [uuid]: { insert: { if_name: 'wifi0' } } } }]);
    expect(order).toEqual(['update2', 'reply']);
  });

  it('answers method-level errors in the shapes ovsdb-server sends', async () => {
    const sock = join(dir, 'db.sock');
    await server.listen(`punix:${sock}`);
    const rpc = await dial(parseEndpoint(`unix:${sock}`));
    clients.push(rpc);
    const details = (p: Promise<unknown>): Promise<unknown> => p.then(() => 'no error', (err: { details?: unknown }) => err.details);
    expect(await details(rpc.request('monitor_cancel', ['nope']))).toBe('unknown monitor');
    expect(await details(rpc.request('monitor_cancel', []))).toBe('invalid parameters');
    expect(await details(rpc.request('no_such_method', []))).toBe('unknown method');
    expect(await details(rpc.request('transact', ['Other', { op: 'comment', comment: 'x' }]))).toEqual({
      error: 'unknown database',
      details: 'transact request specifies unknown database Other',
      syntax: '["Other",{"comment":"x","op":"comment"}]',
    });
    expect(await details(rpc.request('get_schema', [5]))).toEqual({
      error: 'syntax error',
      details: 'get_schema request params must begin with <db-name>',
      syntax: '[5]',
    });
    await rpc.request('monitor', ['Engine_Test', 'm', { Radio: {} }]);
    expect(await details(rpc.request('monitor', ['Engine_Test', 'm', { Radio: {} }]))).toEqual({
      error: 'syntax error',
      details: 'duplicate monitor ID',
      syntax: '"m"',
    });
    expect(await details(rpc.request('monitor', ['Engine_Test', 'n', { Radio: { columns: ['if_name', 'nope'] } }]))).toEqual({
      error: 'syntax error',
      details: 'nope is not a valid column name',
      syntax: '["if_name","nope"]',
    });
  });

  it('dials out and serves requests on the connection it opened', async () => {
    const accepted = new Promise<RpcConnection>((resolveConn) => {
      const listener = createServer((socket) => {
        listener.close();
        resolveConn(new RpcConnection(new StreamTransport(socket)));
      });
      listener.listen(0, '127.0.0.1', () => {
        const port = (listener.address() as AddressInfo).port;
        void server.dial(`tcp:127.0.0.1:${port}`);
      });
    });
    const controller = await accepted;
    clients.push(controller);
    const res = await controller.request('transact', ['Engine_Test', { op: 'select', table: 'Radio', where: [] }]);
    expect(res).toEqual([{ rows: [] }]);
  });
});
