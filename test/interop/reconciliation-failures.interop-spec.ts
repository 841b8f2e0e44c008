// Reconciliation edge cases against a real ovsdb-server with the simulator's WiFi manager
// attached over its unix socket: a device that refuses its VIFs ends FAILED with the
// mismatching columns (pushed to a graphql-ws subscriber, not polled),
// and a device whose schema predates wpa / wpa_key_mgmt / wpa_psks gets the legacy
// `security` map. The device's own backhaul VIF stays as it was.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachToOvsdbServer, DelayScheduler, defaultProfile, DeviceBehaviour, RealServerDevice } from '@lib/device-sim';
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OPENSYNC_SCHEMA_PATH, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows } from './support/device-rows';

const DB = 'Open_vSwitch';
const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { status { overall nodes { serial status mismatches { ifName reason column } } } } }`;
const SUBSCRIBE = `subscription ($id: ID!) { wifiNetworkStatusChanged(networkId: $id) { overall nodes { status mismatches { ifName reason column } } } }`;

type Schema = { tables: Record<string, { columns: Record<string, unknown> }> };

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  for (let i = 0; i < 1500; i++) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`gave up waiting for ${what}`);
}

function readSchema(): Schema {
  return JSON.parse(readFileSync(OPENSYNC_SCHEMA_PATH, 'utf8')) as Schema;
}

const scheduler = new DelayScheduler();
const managers: RealServerDevice[] = [];

/** A real ovsdb-server dialling the app, bootstrapped and run by the simulator's managers, with a backhaul VIF of its own. */
async function bootDevice(serial: string, port: number, options: { schemaPath?: string; behaviour?: Partial<DeviceBehaviour> } = {}): Promise<OvsdbServerProcess> {
  const device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`], schemaPath: options.schemaPath });
  managers.push(
    await attachToOvsdbServer({
      socketPath: device.socketPath,
      profile: defaultProfile(serial),
      behaviour: { applyDelayMs: 200, ...options.behaviour },
      scheduler,
      bootstrap: true,
    }),
  );
  await device.transact(
    DB,
    { op: 'insert', table: 'Wifi_VIF_Config', row: { if_name: 'bhaul-ap-24', mode: 'ap', enabled: true, ssid: 'we.backhaul', vif_radio_idx: 1 }, 'uuid-name': 'bh' },
    { op: 'mutate', table: 'Wifi_Radio_Config', where: [['if_name', '==', 'wifi0']], mutations: [['vif_configs', 'insert', ['set', [['named-uuid', 'bh']]]]] },
  );
  return device;
}

async function backhaulSsid(device: OvsdbServerProcess): Promise<unknown> {
  return (await selectRows(device, 'Wifi_VIF_Config')).find((r) => r.if_name === 'bhaul-ap-24')?.ssid;
}

describeWithOvsdb('reconciliation failures and old firmware with a real ovsdb-server', () => {
  let app: TestApp;
  let admin: string;
  let port: number;
  const devices: OvsdbServerProcess[] = [];
  let tmp: string;
  const previousFailAfter = process.env.RECONCILE_FAIL_AFTER_MS;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'recon-'));
    // The reconciler reads its settings from the environment when the app starts.
    process.env.RECONCILE_FAIL_AFTER_MS = '1500';
    app = await startTestApp('sqlite');
    port = app.app.get(SouthboundService).addresses[0].port;
    admin = (await createGroupWithAdmin(app)).adminToken;
  });

  afterAll(async () => {
    for (const m of managers) m.stop();
    scheduler.close();
    for (const d of devices) await d.stop();
    await app?.close();
    if (previousFailAfter === undefined) delete process.env.RECONCILE_FAIL_AFTER_MS;
    else process.env.RECONCILE_FAIL_AFTER_MS = previousFailAfter;
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a device that refuses its VIFs ends FAILED with the reason, pushed to a subscriber', async () => {
    const customer = await createCustomer(app, admin);
    const networkId = customer.locations[0].wifiNetworks[0].id;
    const serial = 'SN-REFUSE-1';
    const device = await bootDevice(serial, port, { behaviour: { refuseRate: 1 } });
    devices.push(device);
    const received: { overall: string; nodes: { status: string; mismatches: { ifName: string; reason: string; column: string | null }[] }[] }[] = [];
    const client: Client = createClient({
      url: app.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin}` },
      retryAttempts: 0,
    });
    const unsubscribe = client.subscribe(
      { query: SUBSCRIBE, variables: { id: networkId } },
      {
        next: (msg) => received.push((msg.data as { wifiNetworkStatusChanged: (typeof received)[number] }).wifiNetworkStatusChanged),
        error: (e) => received.push({ overall: `error ${JSON.stringify(e)}`, nodes: [] }),
        complete: () => undefined,
      },
    );
    try {
      await until('the first pushed status', () => received.length > 0);
      expectData(await gql(app, CLAIM_NODE, { locationId: customer.locations[0].id, serial }, admin));
      await until('the VIFs on the device', async () => (await selectRows(device, 'Wifi_VIF_Config')).length === 3);
      const failed = await until('FAILED pushed', () => received.find((s) => s.overall === 'FAILED'));
      expect(received.some((s) => s.overall === 'PENDING')).toBe(true);
      // The device leaves a refused interface down and without its SSID.
      expect(failed.nodes[0].mismatches).toEqual(
        expect.arrayContaining([
          { ifName: 'ctl1-ap-24', reason: 'STATE_DIFFERS', column: 'enabled' },
          { ifName: 'ctl1-ap-24', reason: 'STATE_DIFFERS', column: 'ssid' },
          { ifName: 'ctl1-ap-50', reason: 'STATE_DIFFERS', column: 'enabled' },
        ]),
      );
      const queried = expectData(await gql<{ wifiNetwork: { status: { overall: string } } }>(app, STATUS, { id: networkId }, admin));
      expect(queried.wifiNetwork.status.overall).toBe('FAILED');
      expect(await backhaulSsid(device)).toBe('we.backhaul');
    } finally {
      unsubscribe();
      await client.dispose();
    }
  });

  it('a device without wpa_psks gets the legacy security map and converges', async () => {
    const schema = readSchema();
    for (const table of ['Wifi_VIF_Config', 'Wifi_VIF_State']) {
      for (const column of ['wpa', 'wpa_key_mgmt', 'wpa_psks', 'wpa_oftags', 'wpa_pairwise_tkip', 'wpa_pairwise_ccmp', 'rsn_pairwise_tkip', 'rsn_pairwise_ccmp', 'pmf']) {
        delete schema.tables[table].columns[column];
      }
    }
    const schemaPath = join(tmp, 'legacy.ovsschema');
    // JSON numbers lose int64 bounds in JS; put the schema's one such bound back as written.
    writeFileSync(schemaPath, JSON.stringify(schema).replace(/9223372036854776000/g, '9223372036854775807'));
    const customer = await createCustomer(app, admin);
    const networkId = customer.locations[0].wifiNetworks[0].id;
    const serial = 'SN-LEGACY-1';
    const device = await bootDevice(serial, port, { schemaPath });
    devices.push(device);
    expectData(await gql(app, CLAIM_NODE, { locationId: customer.locations[0].id, serial }, admin));
    const rows = await until('the VIFs on the device', async () => {
      const all = await selectRows(device, 'Wifi_VIF_Config');
      return all.length === 3 && all;
    });
    const vif = rows.find((r) => r.if_name === 'ctl1-ap-24') as unknown as { security: [string, [string, string][]] };
    expect(new Map(vif.security[1])).toEqual(new Map([['encryption', 'WPA-PSK'], ['key', 'correct horse battery'], ['mode', '2']]));
    await until('APPLIED', async () => {
      const data = expectData(await gql<{ wifiNetwork: { status: { overall: string } } }>(app, STATUS, { id: networkId }, admin));
      return data.wifiNetwork.status.overall === 'APPLIED';
    });
    expect(await backhaulSsid(device)).toBe('we.backhaul');
  });

  it('removes an expired network from the device by itself', async () => {
    const customer = await createCustomer(app, admin);
    const serial = 'SN-EXPIRY-1';
    const device = await bootDevice(serial, port);
    devices.push(device);
    expectData(await gql(app, CLAIM_NODE, { locationId: customer.locations[0].id, serial }, admin));
    const expiresAt = new Date(Date.now() + 4000).toISOString();
    const input = { kind: 'GUEST', ssid: 'Party', securityMode: 'OPEN', bands: ['BAND_2_4G'], expiresAt };
    expectData(await gql(app, CREATE_NETWORK, { locationId: customer.locations[0].id, input }, admin));
    const names = async (): Promise<string> => (await selectRows(device, 'Wifi_VIF_Config')).map((r) => r.if_name as string).sort().join();
    await until('the guest VIF', async () => (await names()) === 'bhaul-ap-24,ctl1-ap-24,ctl1-ap-50,ctl2-ap-24');
    // Nothing but the clock changes from here on.
    await until('the guest VIF to be removed at expiry', async () => (await names()) === 'bhaul-ap-24,ctl1-ap-24,ctl1-ap-50');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    expect(await backhaulSsid(device)).toBe('we.backhaul');
  });

  it('a subscription needs a token in connection_init and a network of the caller\'s groups', async () => {
    const customer = await createCustomer(app, admin);
    const networkId = customer.locations[0].wifiNetworks[0].id;
    const outsider = (await createGroupWithAdmin(app)).adminToken;
    const firstError = async (connectionParams: Record<string, string>): Promise<string> => {
      const client = createClient({ url: app.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
      try {
        return await new Promise<string>((resolve) => {
          client.subscribe(
            { query: SUBSCRIBE, variables: { id: networkId } },
            {
              next: (msg) => resolve(msg.errors ? msg.errors.map((e) => `${String(e.extensions?.code)}: ${e.message}`).join('; ') : 'data'),
              error: (e) => resolve(typeof (e as { code?: unknown }).code === 'number' ? `closed ${(e as { code: number }).code}` : JSON.stringify(e)),
              complete: () => resolve('complete'),
            },
          );
        });
      } finally {
        await client.dispose();
      }
    };
    // Without a valid token the socket itself is refused at connection_init (4403 Forbidden).
    expect(await firstError({})).toBe('closed 4403');
    expect(await firstError({ authorization: 'Bearer not-a-token' })).toBe('closed 4403');
    // Over graphql-ws errors pass through the same formatter as over HTTP: same codes.
    expect(await firstError({ authorization: `Bearer ${outsider}` })).toBe(`NOT_FOUND: wifi network ${networkId} not found`);
    expect(await firstError({ authorization: `Bearer ${admin}` })).toBe('data');
  });
});
