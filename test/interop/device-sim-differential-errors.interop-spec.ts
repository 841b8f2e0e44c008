// Method-level errors (the whole request fails, not one operation) from the simulator's
// OVSDB server and from a real ovsdb-server on the same schema: the error values must be
// identical, bare strings and {error, details, syntax} objects alike, since clients branch
// on them (an unknown database, an unknown monitor, a method the server does not know).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OvsdbError, RpcConnection } from '@lib/ovsdb';
import { OvsdbServer, dial, loadSchemaFile, parseEndpoint } from '@lib/device-sim';
import { OvsdbServerProcess, describeWithOvsdb } from '../support/ovsdb-server-process';

const SCHEMA = resolve(__dirname, '../fixtures/device-sim/engine-test.ovsschema');
const DB = 'Engine_Test';

/** Requests in order on one connection; the monitor "m" exists from the third on. */
const REQUESTS: [string, unknown[]][] = [
  ['get_schema', ['Nope']],
  ['transact', ['Nope', { op: 'comment', comment: 'x' }]],
  ['monitor', ['Nope', 'm', { Radio: {} }]],
  ['monitor_cond', ['Nope', 'm', { Radio: [{}] }]],
  ['monitor_cancel', ['nope']],
  ['monitor_cancel', []],
  ['frobnicate', [DB]],
  ['get_schema', []],
  ['get_schema', [5]],
  ['transact', []],
  ['monitor', [DB, 'm', { Radio: {} }]],
  ['monitor', [DB, 'm', { Radio: {} }]],
  ['monitor_cond', [DB, 'm', { Radio: [{}] }]],
  ['monitor', [DB, 'other', { Nope: {} }]],
  ['monitor', [DB, 'other', { Radio: { columns: ['no_such_column'] } }]],
  ['monitor_cancel', ['m']],
  ['monitor_cancel', ['m']],
];

/** The raw error value of each reply ("ok" for a success). */
async function errors(rpc: RpcConnection): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [method, params] of REQUESTS) {
    try {
      await rpc.request(method, params);
      out.push({ method, ok: true });
    } catch (err) {
      if (!(err instanceof OvsdbError) || err.code !== 'RPC_ERROR') throw err;
      out.push({ method, error: err.details });
    }
  }
  return out;
}

describeWithOvsdb(
  'simulator OVSDB server against a real ovsdb-server: method-level errors',
  () => {
    let real: OvsdbServerProcess;
    let sim: OvsdbServer;
    let dir: string;
    const clients: RpcConnection[] = [];

    beforeAll(async () => {
      real = await OvsdbServerProcess.start({ schemaPath: SCHEMA, remotes: [] });
      dir = mkdtempSync(join(tmpdir(), 'device-sim-errors-'));
      sim = new OvsdbServer([loadSchemaFile(SCHEMA)]);
      await sim.listen(`punix:${join(dir, 'sim.sock')}`);
    });

    afterAll(async () => {
      for (const c of clients) c.close('test done');
      await sim?.close();
      await real?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('sends the same error values for the same failing requests', async () => {
      const realRpc = await dial(parseEndpoint(`unix:${real.socketPath}`));
      const simRpc = await dial(parseEndpoint(`unix:${join(dir, 'sim.sock')}`));
      clients.push(realRpc, simRpc);
      const expected = await errors(realRpc);
      const actual = await errors(simRpc);
      // The script must exercise failures, not only successes.
      expect(expected.filter((e) => 'error' in (e as object)).length).toBeGreaterThanOrEqual(14);
      for (let i = 0; i < REQUESTS.length; i++) expect({ step: i, ...(actual[i] as object) }).toEqual({ step: i, ...(expected[i] as object) });
      // Both connections are still usable: a method-level error does not end the session.
      await expect(simRpc.request('list_dbs', [])).resolves.toEqual([DB]);
    });
  },
  SCHEMA,
);
