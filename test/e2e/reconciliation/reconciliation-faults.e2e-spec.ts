// Reconciliation against simulated devices that make life hard: a node claimed while
// offline converges when it connects; a device that refuses a config ends FAILED with the
// mismatching columns; a device that drops its connection after applying converges after
// reconnecting; firmware without wpa_psks gets the legacy security map. In each case the
// device's own rows stay as they were.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { SouthboundService } from '../../../src/southbound/southbound.service';
import { createGroupWithAdmin, expectData, gql, useTestApp } from '../support';
import { foreignRows, legacySchemaFile, ownedNames, SimHandle, startSimDevice, until, vifConfigs } from './sim-device';

const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { status { overall nodes { serial status mismatches { ifName reason column } } } } }`;

function serialFor(what: string): string {
  return `SIM${what}${randomBytes(3).toString('hex').toUpperCase()}`;
}

interface Status {
  overall: string;
  nodes: { serial: string; status: string; mismatches: { ifName: string; reason: string; column: string | null }[] }[];
}

describe('reconciliation faults [sqlite]', () => {
  const previousFailAfter = process.env.RECONCILE_FAIL_AFTER_MS;
  // Read by the reconciler when the app starts; short so a refusing device fails quickly.
  process.env.RECONCILE_FAIL_AFTER_MS = '4000';
  const t = useTestApp('sqlite');
  let admin: string;
  const sims: SimHandle[] = [];
  let tmp: string;

  const status = async (id: string): Promise<Status> =>
    expectData(await gql<{ wifiNetwork: { status: Status } }>(t.current, STATUS, { id }, admin)).wifiNetwork.status;
  const newLocation = async (): Promise<{ locationId: string; networkId: string }> => {
    const customer = await createCustomer(t.current, admin);
    return { locationId: customer.locations[0].id, networkId: customer.locations[0].wifiNetworks[0].id };
  };
  const boot = async (serial: string, options: Parameters<typeof startSimDevice>[2] = {}): Promise<SimHandle> => {
    const sim = await startSimDevice(t.current, serial, options);
    sims.push(sim);
    return sim;
  };

  beforeAll(async () => {
    admin = (await createGroupWithAdmin(t.current)).adminToken;
    tmp = mkdtempSync(join(tmpdir(), 'recon-e2e-'));
  });

  afterAll(async () => {
    for (const sim of sims) await sim.stop();
    rmSync(tmp, { recursive: true, force: true });
    if (previousFailAfter === undefined) delete process.env.RECONCILE_FAIL_AFTER_MS;
    else process.env.RECONCILE_FAIL_AFTER_MS = previousFailAfter;
  });

  it('a node claimed while offline is OFFLINE, then converges when it connects', async () => {
    const { locationId, networkId } = await newLocation();
    const serial = serialFor('OFFLINE');
    expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    expect(await status(networkId)).toEqual({ overall: 'OFFLINE', nodes: [{ serial, status: 'OFFLINE', mismatches: [] }] });
    const sim = await boot(serial);
    const own = foreignRows(sim.device);
    await until('APPLIED', async () => (await status(networkId)).overall === 'APPLIED');
    expect(ownedNames(sim.device)).toEqual(['ctl1-ap-24', 'ctl1-ap-50']);
    expect(foreignRows(sim.device)).toBe(own);
  });

  it('a device that refuses the config ends FAILED with the mismatching columns', async () => {
    const { locationId, networkId } = await newLocation();
    const serial = serialFor('REFUSE');
    const sim = await boot(serial, { behaviour: { refuseRate: 1 } });
    const own = foreignRows(sim.device);
    expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    await until('PENDING', async () => (await status(networkId)).overall === 'PENDING');
    const failed = await until('FAILED', async () => {
      const s = await status(networkId);
      return s.overall === 'FAILED' && s;
    });
    const columns = failed.nodes[0].mismatches.map((m) => `${m.ifName}:${m.reason}:${m.column}`).sort();
    expect(columns).toEqual(expect.arrayContaining(['ctl1-ap-24:STATE_DIFFERS:enabled', 'ctl1-ap-24:STATE_DIFFERS:ssid', 'ctl1-ap-50:STATE_DIFFERS:enabled']));
    expect(foreignRows(sim.device)).toBe(own);
  });

  it('a device that drops the connection after applying converges after it reconnects', async () => {
    const { locationId, networkId } = await newLocation();
    const serial = serialFor('DROP');
    let sessions = 0;
    const counting = t.current.app.get(SouthboundService).devices$.subscribe((d) => (sessions += d.identity.serialNumber === serial ? 1 : 0));
    const sim = await boot(serial, { behaviour: { dropRate: 1 } });
    const own = foreignRows(sim.device);
    expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    // The device drops its connection right after applying our VIFs; it must come back and read APPLIED.
    await until('a second session', () => sessions >= 2);
    await until('APPLIED after the reconnect', async () => (await status(networkId)).overall === 'APPLIED' && sim.device.converged);
    counting.unsubscribe();
    expect(ownedNames(sim.device)).toEqual(['ctl1-ap-24', 'ctl1-ap-50']);
    expect(foreignRows(sim.device)).toBe(own);
  });

  it('firmware without wpa_psks gets the legacy security map and converges', async () => {
    const { locationId, networkId } = await newLocation();
    const serial = serialFor('LEGACY');
    const sim = await boot(serial, { schemaPath: legacySchemaFile(tmp) });
    const own = foreignRows(sim.device);
    expectData(await gql(t.current, CLAIM_NODE, { locationId, serial }, admin));
    await until('APPLIED', async () => (await status(networkId)).overall === 'APPLIED');
    const row = vifConfigs(sim.device).find((r) => r.if_name === 'ctl1-ap-24');
    expect(row?.security).toEqual(new Map([['encryption', 'WPA-PSK'], ['key', 'correct horse battery'], ['mode', '2']]));
    expect(row?.wpa_psks).toBeUndefined();
    expect(foreignRows(sim.device)).toBe(own);
  });
});
