// The ingestion path end to end, shared by the external-broker (Mosquitto) and the
// embedded-broker specs: a claimed simulated device gets mqtt_settings and Wifi_Stats_Config;
// reports encoded by protoc and published by mosquitto_pub to the topic the device was
// given are stored and visible in GraphQL (location usage, top talkers, client usage and
// signal, node health and uptime, a reboot from uptime going down); bad input is counted and
// dropped without disturbing anything.

import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, gql, useTestApp } from '../support';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { associateClient } from '../clients/sim-clients';
import { TelemetryStats } from '../../../src/telemetry/ingest/telemetry-stats';
import { clientReportText, encodeReport, publish } from './report-tools';

const USAGE = `query ($id: ID!) { location(id: $id) { usage { start rxBytes txBytes } topTalkers { mac nickname rxBytes txBytes } } }`;
const CLIENT = `query ($loc: ID!, $mac: String!) { client(locationId: $loc, mac: $mac) { usage(bucket: DAY) { rxBytes txBytes } signal { avgSnrDb minSnrDb } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { uptime health { uptimeS load1 memUsedKb tempC lastRebootAt radios { band channel busyPct } } } }`;

export interface ScenarioOptions {
  /** The port mosquitto_pub publishes to (the broker the devices were told about). */
  brokerPort: () => number;
  topicPrefix: string;
  name: string;
  /** Runs before each database's app starts (e.g. to pick the embedded broker's port). */
  beforeApp?: () => Promise<void>;
}

export function ingestionScenario(options: ScenarioOptions): void {
  describeEachDatabase(options.name, (db) => {
    if (options.beforeApp) beforeAll(options.beforeApp);
    const t = useTestApp(db);
    let support: string;
    let locationId: string;
    let nodeId: string;
    let sim: SimHandle;
    const serial = `TEL${db.toUpperCase()}${options.topicPrefix.slice(-4).toUpperCase()}`;
    const stats = (): TelemetryStats => t.current.app.get(TelemetryStats);

    beforeAll(async () => {
      const group = await createGroupWithAdmin(t.current);
      support = (await createSupportUser(t.current, group.groupId)).token;
      const customer = await createCustomer(t.current, group.adminToken);
      locationId = customer.locations[0].id;
      // The device's own reports would mix with the ones the test publishes.
      sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 20, publishStats: false } });
      nodeId = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId, serial }, group.adminToken)).claimNode.id;
      await until('the PRIMARY VIF', () => sim.device.database.rows('Wifi_VIF_State').some((r) => r.if_name === 'ctl1-ap-24'));
      await associateClient(sim.device, { ifName: 'ctl1-ap-24', mac: 'aa:bb:cc:00:00:01' });
    });

    afterAll(async () => {
      await sim?.stop();
    });

    it('tells the device where to publish, and which stats to collect', async () => {
      const settings = await until('mqtt_settings on the device', () => {
        const node = sim.device.database.rows('AWLAN_Node')[0];
        const map = node?.mqtt_settings as Map<string, string> | undefined;
        return map?.get('topics') !== undefined && map;
      });
      expect(Object.fromEntries(settings)).toEqual({
        broker: '127.0.0.1',
        port: String(options.brokerPort()),
        topics: `${options.topicPrefix}/${nodeId}`,
        qos: '0',
        compress: 'zlib',
        agg_stats_interval: '60',
      });
      await until('Wifi_Stats_Config rows', () => sim.device.database.rows('Wifi_Stats_Config').some((r) => r.stats_type === 'device'));
      const types = sim.device.database.rows('Wifi_Stats_Config').map((r) => `${String(r.stats_type)}/${String(r.radio_type ?? '')}`);
      expect(types).toEqual(expect.arrayContaining(['client/2.4G', 'survey/2.4G', 'device/']));
    });

    it('stores a report published with mosquitto_pub and shows it in GraphQL', async () => {
      const topic = `${options.topicPrefix}/${nodeId}`;
      await publish(options.brokerPort(), topic, encodeReport(clientReportText(serial, [{ mac: 'AA:BB:CC:00:00:01', rx: 1000, tx: 200, snr: 40 }, { mac: 'aa:bb:cc:00:00:02', rx: 50, tx: 5, snr: 20 }], 7200)));
      await publish(options.brokerPort(), topic, encodeReport(clientReportText(serial, [{ mac: 'aa:bb:cc:00:00:01', rx: 3000, tx: 800, snr: 30 }], 7260)), { zlib: true });
      const usage = await until('the usage of the location', async () => {
        const data = expectData(await gql<{ location: { usage: { rxBytes: number; txBytes: number }[]; topTalkers: { mac: string; rxBytes: number }[] } }>(t.current, USAGE, { id: locationId }, support));
        // The fields of one request read the database one after another: a batch of samples
        // committed between them shows in one field and not yet in the other.
        const total = data.location.usage.reduce((s, b) => s + b.rxBytes, 0);
        const talked = data.location.topTalkers.reduce((s, x) => s + x.rxBytes, 0);
        return total === 4050 && talked === 4050 && data.location;
      });
      expect(usage.usage.reduce((s, b) => s + b.txBytes, 0)).toBe(1005);
      expect(usage.topTalkers.map((x) => [x.mac, x.rxBytes])).toEqual([['aa:bb:cc:00:00:01', 4000], ['aa:bb:cc:00:00:02', 50]]);
      const client = expectData(await gql<{ client: { usage: { rxBytes: number }[]; signal: { avgSnrDb: number; minSnrDb: number }[] } }>(t.current, CLIENT, { loc: locationId, mac: 'aa:bb:cc:00:00:01' }, support)).client;
      expect(client.usage.reduce((s, b) => s + b.rxBytes, 0)).toBe(4000);
      expect(client.signal).toEqual([{ avgSnrDb: 35, minSnrDb: 30 }]);
      const node = expectData(await gql<{ node: { uptime: number; health: { uptimeS: number; tempC: number; lastRebootAt: string | null; radios: unknown[] } } }>(t.current, NODE, { id: nodeId }, support)).node;
      expect(node.uptime).toBe(7260);
      expect(node.health).toMatchObject({ uptimeS: 7260, load1: 0.25, memUsedKb: 128000, tempC: 55, lastRebootAt: null, radios: [{ band: '2.4G', channel: 6, busyPct: 37 }] });
    });

    it('sees a reboot when uptime goes down', async () => {
      await publish(options.brokerPort(), `${options.topicPrefix}/${nodeId}`, encodeReport(clientReportText(serial, [], 30)), { zlib: true });
      const node = await until('the reboot', async () => {
        const n = expectData(await gql<{ node: { uptime: number; health: { lastRebootAt: string | null } } }>(t.current, NODE, { id: nodeId }, support)).node;
        return n.health.lastRebootAt !== null && n;
      });
      expect(node.uptime).toBe(30);
    });

    it('counts and drops an unknown node, a corrupt payload, a wrong type and a report for another node', async () => {
      const before = { ...stats() };
      const topic = `${options.topicPrefix}/${nodeId}`;
      await publish(options.brokerPort(), `${options.topicPrefix}/00000000-0000-4000-8000-000000000000`, encodeReport(clientReportText('NOBODY', [], 1)));
      await publish(options.brokerPort(), topic, Buffer.from([0x78, 0x9c, 0xde, 0xad, 0xbe, 0xef]));
      // A valid protobuf of another message: an sts.Device (no nodeID).
      await publish(options.brokerPort(), topic, Buffer.from([0x20, 0x05]));
      await publish(options.brokerPort(), topic, encodeReport(clientReportText('SOMEONE-ELSE', [{ mac: 'aa:bb:cc:00:00:09', rx: 1, tx: 1, snr: 1 }], 99)));
      await until('four drops counted', () => {
        const s = stats();
        return (
          s.droppedUnknownNode === before.droppedUnknownNode + 1 &&
          s.droppedCorrupt === before.droppedCorrupt + 1 &&
          s.droppedWrongType === before.droppedWrongType + 1 &&
          s.droppedNodeMismatch === before.droppedNodeMismatch + 1
        );
      });
      expect(stats().reportsAccepted).toBe(before.reportsAccepted);
      // Operators see the same counts at /metrics.
      const metrics = await (await fetch(t.current.url.replace('/graphql', '/metrics'))).text();
      for (const reason of ['unknown_node', 'corrupt', 'wrong_type', 'node_mismatch']) {
        expect(metrics).toMatch(new RegExp(`^opensync_telemetry_reports_dropped_total\\{reason="${reason}"\\} [1-9]`, 'm'));
      }
      expect(metrics).toMatch(/^opensync_telemetry_reports_accepted_total [1-9]/m);
      // Nothing else disturbed: the next good report is stored.
      await publish(options.brokerPort(), topic, encodeReport(clientReportText(serial, [{ mac: 'aa:bb:cc:00:00:01', rx: 1, tx: 0, snr: 30 }], 90)), { zlib: true });
      await until('the good report stored', () => stats().reportsAccepted === before.reportsAccepted + 1);
    });
  });
}
