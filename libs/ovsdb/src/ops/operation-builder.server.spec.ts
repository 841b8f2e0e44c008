// RFC 7047 sections 4.1.3 and 5.2 against a real ovsdb-server loaded with the OpenSync
// schema: the builder's operations are what the server accepts, checkTransactResult reads
// the server's real successes and failures, and the builder's local constraint checks
// refuse what the server would refuse.

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { JsonStreamDecoder } from '../codec/json-stream-decoder';
import { OvsdbError } from '../errors';
import { NamedUuid } from '../notation/value';
import { DatabaseSchema } from '../schema/database-schema';
import { OperationBuilder } from './operation-builder';
import { Operation } from './operation';
import { insertedUuids } from './transact-result';

const SCHEMA = path.resolve(__dirname, '../../../..', '../shared/opensync/opensync.ovsschema');

function missingPrerequisite(): string | undefined {
  if (!fs.existsSync(SCHEMA)) return `the OpenSync schema is absent at ${SCHEMA}`;
  try {
    execFileSync('ovsdb-server', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'ovsdb-server is not installed';
  }
  return undefined;
}

const missing = missingPrerequisite();
if (missing && process.env.REQUIRE_OVSDB === '1') throw new Error(`REQUIRE_OVSDB=1 but ${missing}`);
if (missing) console.warn(`skipping real ovsdb-server operation tests: ${missing}`);
const describeServer = missing ? describe.skip : describe;

async function pollUntil(condition: () => boolean, what: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Just enough JSON-RPC to transact: the session layer is not under test here. */
class TestClient {
  private readonly decoder = new JsonStreamDecoder();
  private readonly pending = new Map<number, (result: unknown) => void>();
  private nextId = 1;

  constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const message of this.decoder.push(chunk) as { id: number; result: unknown }[]) {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      }
    });
  }

  request(method: string, params: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, resolve);
      this.socket.write(JSON.stringify({ id, method, params }), (err) => err && reject(err));
    });
  }

  transact(ops: readonly Operation[] | unknown[]): Promise<unknown> {
    return this.request('transact', ['Open_vSwitch', ...ops]);
  }
}

function ovsdbError(promise: Promise<unknown>): Promise<OvsdbError> {
  return promise.then(
    () => {
      throw new Error('expected an OvsdbError');
    },
    (err: unknown) => {
      if (err instanceof OvsdbError) return err;
      throw err;
    },
  );
}

describeServer('OperationBuilder against a real ovsdb-server', () => {
  let dir: string;
  let server: ChildProcess;
  let socket: net.Socket;
  let client: TestClient;
  let ops: OperationBuilder;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovsdb-ops-'));
    const db = path.join(dir, 'dev.db');
    const sock = path.join(dir, 'db.sock');
    execFileSync('ovsdb-tool', ['create', db, SCHEMA]);
    server = spawn('ovsdb-server', [db, `--remote=punix:${sock}`, `--unixctl=${path.join(dir, 'ctl')}`, '--no-chdir'], {
      stdio: 'ignore',
    });
    await pollUntil(() => fs.existsSync(sock), 'the ovsdb-server socket');
    socket = net.createConnection(sock);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    client = new TestClient(socket);
    ops = new OperationBuilder(DatabaseSchema.parse(await client.request('get_schema', ['Open_vSwitch'])));
  });

  afterAll(async () => {
    socket?.destroy();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('inserts a VIF and links it to its radio in one transaction, then reads both back typed', async () => {
    const vif = new NamedUuid('vif_home');
    const txn = [
      ops.insert('Wifi_Radio_Config', { if_name: 'wifi0', freq_band: '2.4G', channel: 6 }, 'radio'),
      ops.insert(
        'Wifi_VIF_Config',
        { if_name: 'home-ap-24', ssid: 'Home ☕', enabled: true, wpa_psks: new Map([['key--1', 'secret']]), wpa_key_mgmt: ['wpa2-psk'] },
        vif,
      ),
      ops.mutate('Wifi_Radio_Config', [['if_name', '==', 'wifi0']], [['vif_configs', 'insert', [vif]]]),
      ops.comment('reconcile'),
    ];
    const results = ops.checkResult(txn, await client.transact(txn));
    const uuids = insertedUuids(txn, results);
    expect(results[2]).toEqual({ op: 'mutate', count: 1 });

    const select = [
      ops.select('Wifi_VIF_Config', [['_uuid', '==', uuids.get('vif_home')]], ['if_name', 'ssid', 'wpa_psks', 'vlan_id', 'mac_list']),
      ops.select('Wifi_Radio_Config', [['vif_configs', 'includes', [uuids.get('vif_home') as string]]], ['_uuid', 'channel']),
    ];
    const [vifs, radios] = ops.checkResult(select, await client.transact(select));
    expect(vifs).toEqual({
      op: 'select',
      rows: [{ if_name: 'home-ap-24', ssid: 'Home ☕', wpa_psks: new Map([['key--1', 'secret']]), vlan_id: undefined, mac_list: [] }],
    });
    expect(radios).toEqual({ op: 'select', rows: [{ _uuid: uuids.get('radio'), channel: 6 }] });
  });

  it('applies arithmetic and map mutations the way the builder encodes them', async () => {
    const txn = [
      ops.mutate('Wifi_Radio_Config', [['if_name', '==', 'wifi0']], [['channel', '+=', 5]]),
      ops.mutate('Wifi_VIF_Config', [['if_name', '==', 'home-ap-24']], [
        ['wpa_psks', 'delete', ['key--1']],
        ['wpa_psks', 'insert', new Map([['key-2', 'other']])],
      ]),
      ops.select('Wifi_Radio_Config', [['if_name', '==', 'wifi0']], ['channel']),
      ops.select('Wifi_VIF_Config', [['if_name', '==', 'home-ap-24']], ['wpa_psks']),
    ];
    const results = ops.checkResult(txn, await client.transact(txn));
    expect(results.slice(2)).toEqual([
      { op: 'select', rows: [{ channel: 11 }] },
      { op: 'select', rows: [{ wpa_psks: new Map([['key-2', 'other']]) }] },
    ]);
  });

  it('reports the operation that failed with the server error', async () => {
    const txn = [
      ops.comment('wait that cannot succeed'),
      ops.wait('Wifi_Radio_Config', [['if_name', '==', 'wifi0']], ['channel'], '==', [{ channel: 1 }], 0),
      ops.delete('Wifi_Radio_Config', []),
    ];
    const err = await ovsdbError(client.transact(txn).then((r) => ops.checkResult(txn, r)));
    expect(err.code).toBe('TRANSACTION_FAILED');
    expect(err.details).toMatchObject({ index: 1, error: 'timed out', op: txn[1] });
  });

  it('reports a commit failure carried after the last operation', async () => {
    const dangling = '01234567-89ab-4def-8123-456789abcdef';
    const txn = [ops.insert('Open_vSwitch', { ssl: dangling })];
    const err = await ovsdbError(client.transact(txn).then((r) => ops.checkResult(txn, r)));
    expect(err.code).toBe('TRANSACTION_FAILED');
    expect(err.details).toMatchObject({ index: 1, error: 'referential integrity violation' });
    expect(err.details).not.toHaveProperty('op');
  });

  it.each([
    ['an ssid longer than maxLength', { if_name: 'x', ssid: 'x'.repeat(37) }],
    ['a mode outside the enum', { if_name: 'x', mode: 'mesh' }],
    ['a vif_radio_idx above maxInteger', { if_name: 'x', vif_radio_idx: 9 }],
  ])('refuses locally what the server refuses: %s', async (_label, row) => {
    expect(() => ops.insert('Wifi_VIF_Config', row)).toThrow(expect.objectContaining({ code: 'NOTATION_INVALID' }));
    const raw = [{ op: 'insert', table: 'Wifi_VIF_Config', row }];
    const result = (await client.transact(raw)) as { error?: string }[];
    expect(result[0]?.error).toBe('constraint violation');
  });

  it('counts string lengths in characters, as the server does', async () => {
    const fits = [ops.insert('Wifi_VIF_Config', { if_name: 'len', ssid: 'é'.repeat(36) })];
    expect(ops.checkResult(fits, await client.transact(fits))[0]).toMatchObject({ op: 'insert' });
    expect(() => ops.insert('Wifi_VIF_Config', { if_name: 'len', ssid: 'é'.repeat(37) })).toThrow(/longer than 36/);
    const raw = [{ op: 'insert', table: 'Wifi_VIF_Config', row: { if_name: 'len', ssid: 'é'.repeat(37) } }];
    expect(((await client.transact(raw)) as { error?: string }[])[0]?.error).toBe('constraint violation');
  });
});
