// The whole client side against a real ovsdb-server loaded with the OpenSync schema that
// dials our listener, over tcp and over ssl with mutual TLS: schema, monitor into the
// cache, a VIF insert plus radio reference in one transaction, errors from the server,
// changes made by another client, and a device restart with a full resync.
import { DatabaseCache } from '@lib/ovsdb/cache/database-cache';
import { NamedUuid } from '@lib/ovsdb/notation/value';
import { OperationBuilder } from '@lib/ovsdb/ops/operation-builder';
import type { Operation } from '@lib/ovsdb/ops/operation';
import { OvsdbListener } from '@lib/ovsdb/listener/ovsdb-listener';
import type { OvsdbListenerOptions } from '@lib/ovsdb/listener/ovsdb-listener';
import { monitorEveryCachedTable } from '@lib/ovsdb/session/monitor';
import type { OvsdbSession } from '@lib/ovsdb/session/ovsdb-session';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import type { OvsdbServerTls } from '../support/ovsdb-server-process';
import { createTestPki } from '../support/test-certificates';
import type { TestPki } from '../support/test-certificates';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-4242';
const MONITORED = {
  AWLAN_Node: {},
  Wifi_Radio_Config: { indexes: ['if_name'] },
  Wifi_Radio_State: {},
  Wifi_VIF_Config: { indexes: ['if_name'] },
  Wifi_VIF_State: {},
};

async function until(what: string, condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 3000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function rowUuid(result: unknown[]): string {
  return ((result[0] as { uuid: [string, string] }).uuid)[1];
}

for (const kind of ['tcp', 'ssl'] as const) {
  describeWithOvsdb(`device session over ${kind} against a real ovsdb-server`, () => {
    let pki: TestPki | undefined;
    let listener: OvsdbListener;
    let device: OvsdbServerProcess;
    let session: OvsdbSession;
    let cache: DatabaseCache;
    let radioUuid: string;
    let vifUuid: string;
    const sessions: OvsdbSession[] = [];

    beforeAll(async () => {
      const options: OvsdbListenerOptions = { listen: `${kind}:127.0.0.1:0`, probeIntervalMs: 0 };
      let tls: OvsdbServerTls | undefined;
      if (kind === 'ssl') {
        pki = createTestPki();
        const client = pki.issueClient(SERIAL);
        options.tls = { cert: pki.server.cert, key: pki.server.key, ca: pki.ca };
        tls = { privateKey: client.keyFile, certificate: client.certFile, caCert: pki.caFile };
      }
      listener = new OvsdbListener(options);
      const [bound] = await listener.start();
      listener.sessions.subscribe((s) => sessions.push(s));
      device = await OvsdbServerProcess.start({ remotes: [`${kind}:127.0.0.1:${bound.port}`], tls });
      await until('the device to connect', () => sessions.length === 1);
      session = sessions[0];
    });

    afterAll(async () => {
      await device?.stop();
      await listener?.close();
      pki?.remove();
    });

    it('identifies the peer', () => {
      expect(session.peer.kind).toBe(kind);
      if (kind === 'ssl') expect(session.serial).toBe(SERIAL);
    });

    it('monitors the WiFi tables with monitor_cond and sees the device\'s rows', async () => {
      const radio = await device.transact(DB, {
        op: 'insert',
        table: 'Wifi_Radio_Config',
        row: { if_name: 'wifi0', freq_band: '2.4G', enabled: true, hw_type: 'qca4019' },
      });
      radioUuid = rowUuid(radio);
      await device.transact(DB, {
        op: 'insert',
        table: 'AWLAN_Node',
        row: { id: SERIAL, serial_number: SERIAL, model: 'PP203X', firmware_version: '4.2.0' },
      });
      const schema = await session.getSchema(DB);
      cache = new DatabaseCache(schema, MONITORED);
      const monitor = await session.monitor(DB, monitorEveryCachedTable(cache), cache);
      expect(monitor.method).toBe('monitor_cond');
      expect(cache.get('Wifi_Radio_Config', radioUuid)?.if_name).toBe('wifi0');
      const [node] = [...cache.table('AWLAN_Node')!];
      expect(node).toMatchObject({ serial_number: SERIAL, model: 'PP203X', firmware_version: '4.2.0' });
    });

    it('inserts a VIF and references it from the radio in one transaction', async () => {
      const ops = new OperationBuilder(session.schema(DB)!);
      const vif = new NamedUuid('guest_vif');
      const transaction: Operation[] = [
        ops.insert('Wifi_VIF_Config', { if_name: 'wl0.2', mode: 'ap', enabled: true, ssid: 'Guest', vif_radio_idx: 2 }, vif),
        ops.mutate('Wifi_Radio_Config', [['_uuid', '==', radioUuid]], [['vif_configs', 'insert', [vif]]]),
      ];
      const results = await session.transact(DB, transaction, { timeoutMs: 30_000 });
      expect(results[0].op).toBe('insert');
      vifUuid = (results[0] as { uuid: string }).uuid;
      expect(results[1]).toMatchObject({ count: 1 });
      await until('the update to reach the cache', () => {
        const refs = cache.get('Wifi_Radio_Config', radioUuid)?.vif_configs;
        return Array.isArray(refs) && refs.includes(vifUuid);
      });
      expect(cache.get('Wifi_VIF_Config', vifUuid)).toMatchObject({ if_name: 'wl0.2', ssid: 'Guest', enabled: true });
    });

    it('reports an enum violation from the server as a failed transaction', async () => {
      const raw: Operation[] = [{ op: 'insert', table: 'Wifi_VIF_Config', row: { if_name: 'bad0', mode: 'bogus' } }];
      await expect(session.transact(DB, raw)).rejects.toMatchObject({
        code: 'TRANSACTION_FAILED',
        details: { index: 0, error: 'constraint violation' },
      });
    });

    it('reports a strong reference to a missing row as a commit failure', async () => {
      const missing = '01234567-89ab-cdef-0123-456789abcdef';
      const raw: Operation[] = [{ op: 'insert', table: 'Open_vSwitch', row: { ssl: ['uuid', missing] } }];
      await expect(session.transact(DB, raw)).rejects.toMatchObject({
        code: 'TRANSACTION_FAILED',
        details: { index: 1, error: 'referential integrity violation' },
      });
    });

    it('sees changes another client makes', async () => {
      await device.transact(DB, {
        op: 'update',
        table: 'Wifi_VIF_Config',
        where: [['_uuid', '==', ['uuid', vifUuid]]],
        row: { ssid: 'Changed elsewhere' },
      });
      await until('the external change', () => cache.get('Wifi_VIF_Config', vifUuid)?.ssid === 'Changed elsewhere');
    });

    it('answers our echo', async () => {
      await expect(session.echo(['ping', kind])).resolves.toEqual(['ping', kind]);
    });

    it('ends the session with a reason when the device dies, and resyncs on its return', async () => {
      await device.kill();
      const reason = await session.closed;
      expect(['PEER_DISCONNECTED', 'SOCKET_ERROR']).toContain(reason.code);
      await expect(session.echo()).rejects.toMatchObject({ code: 'SESSION_CLOSED' });

      // While the device is down its configuration changes (a local reset, say).
      await device.transactOffline(DB, {
        op: 'update',
        table: 'Wifi_VIF_Config',
        where: [['_uuid', '==', ['uuid', vifUuid]]],
        row: { ssid: 'Changed offline' },
      });
      const cleared: boolean[] = [];
      cache.batches$.subscribe((b) => cleared.push(b.cleared));
      await device.restart();
      await until('the device to reconnect', () => sessions.length === 2);
      const again = sessions[1];
      expect(again.serial).toBe(kind === 'ssl' ? SERIAL : undefined);
      await again.getSchema(DB);
      expect(again.schema(DB)).toBe(session.schema(DB));
      await again.monitor(DB, monitorEveryCachedTable(cache), cache);
      expect(cleared[0]).toBe(true);
      expect(cache.get('Wifi_VIF_Config', vifUuid)?.ssid).toBe('Changed offline');
      expect(cache.get('Wifi_Radio_Config', radioUuid)?.vif_configs).toEqual([vifUuid]);
    });
  });
}
