// Device identity over ssl: the certificate CN must be the serial the device reports in
// AWLAN_Node, else the session is refused and no node row is written; a matching device is
// listed as unclaimed; a second session for the same serial replaces the first.

import { DataSource } from 'typeorm';
import type { IdentifiedDevice } from '../../src/southbound/device-identification';
import { Node } from '../../src/nodes/node.entity';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { createTestPki, TestPki } from '../support/test-certificates';

const DB = 'Open_vSwitch';

async function until<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 1500; i++) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describeWithOvsdb('device identity over ssl', () => {
  let pki: TestPki;
  let app: TestApp;
  let port: number;
  const devices: OvsdbServerProcess[] = [];
  const sessions: IdentifiedDevice[] = [];
  const sessionsOf = (serial: string): IdentifiedDevice[] => sessions.filter((d) => d.identity.serialNumber === serial);

  const nodeRow = (serial: string): Promise<Node | null> => app.app.get(DataSource).manager.findOneBy(Node, { serialNumber: serial });

  async function boot(cn: string, serial: string): Promise<OvsdbServerProcess> {
    const client = pki.issueClient(cn);
    const device = await OvsdbServerProcess.start({
      remotes: [`ssl:127.0.0.1:${port}`],
      tls: { privateKey: client.keyFile, certificate: client.certFile, caCert: pki.caFile },
    });
    devices.push(device);
    await device.transact(DB, { op: 'insert', table: 'AWLAN_Node', row: { id: serial, serial_number: serial, model: 'SIM1', firmware_version: '1.0' } });
    return device;
  }

  beforeAll(async () => {
    pki = createTestPki();
    app = await startTestApp('sqlite', {
      env: { OVSDB_LISTEN: 'ssl:127.0.0.1:0', OVSDB_TLS_CERT: pki.server.certFile, OVSDB_TLS_KEY: pki.server.keyFile, OVSDB_TLS_CA: pki.caFile },
    });
    const southbound = app.app.get(SouthboundService);
    southbound.devices$.subscribe((d) => sessions.push(d));
    port = southbound.addresses[0].port;
  });

  afterAll(async () => {
    for (const d of devices) await d.stop();
    await app?.close();
    pki?.remove();
  });

  it('refuses a device whose certificate names another serial, and records nothing', async () => {
    await boot('SN-CERT-A', 'SN-CLAIMS-B');
    // Refused at identification: the session never reaches the modules that act on devices.
    await until('the session to be refused', async () => app.app.get(SouthboundService).stats.invalidSerials === 1);
    expect(sessionsOf('SN-CLAIMS-B')).toEqual([]);
    expect(await nodeRow('SN-CLAIMS-B')).toBeNull();
    expect(await nodeRow('SN-CERT-A')).toBeNull();
  });

  it('accepts a device whose certificate CN is its serial, as a connected unclaimed node', async () => {
    await boot('SN-CERT-OK', 'SN-CERT-OK');
    const node = await until('the node row', async () => {
      const row = await nodeRow('SN-CERT-OK');
      return row?.connected === true && row;
    });
    expect(node).toMatchObject({ locationId: null, model: 'SIM1', firmwareVersion: '1.0', remoteAddress: '127.0.0.1' });
  });

  it('a second session for the same serial replaces the first; the node stays connected', async () => {
    const first = await nodeRow('SN-CERT-OK');
    await boot('SN-CERT-OK', 'SN-CERT-OK');
    await until('the newer session to take over', async () => {
      const row = await nodeRow('SN-CERT-OK');
      return row !== null && row.connectedSince!.getTime() > first!.connectedSince!.getTime() && row.connected;
    });
    const [older, newer] = sessionsOf('SN-CERT-OK');
    await until('the older session to close', async () => older.session.isClosed);
    expect(older.session.closeReason).toEqual({ code: 'LOCAL', message: 'replaced' });
    expect(newer.session.isClosed).toBe(false);
  });
});
