// The telemetry planners (mqtt_settings, Wifi_Stats_Config, Client_Nickname_Config) against
// a real ovsdb-server holding the full OpenSync schema: the server accepts every planned
// transaction, reading back gives what was desired, and a second plan is empty.
import { readFileSync } from 'node:fs';
import { DatabaseSchema, decodeRow, Operation, OperationBuilder } from '@lib/ovsdb';
import {
  CachedRow,
  desiredMqttSettings,
  desiredNicknames,
  desiredStatsConfig,
  nodeStatsTopic,
  planClientNicknames,
  planMqttSettings,
  planStatsConfig,
} from '@lib/opensync';
import { describeWithOvsdb, OPENSYNC_SCHEMA_PATH, OvsdbServerProcess } from '../support/ovsdb-server-process';

const DB = 'Open_vSwitch';

describeWithOvsdb('telemetry plans applied by a real ovsdb-server with the OpenSync schema', () => {
  let server: OvsdbServerProcess;
  let schema: DatabaseSchema;
  let builder: OperationBuilder;

  async function rows(table: string): Promise<CachedRow[]> {
    const [result] = await server.transact(DB, builder.select(table, []));
    return (result as { rows: unknown[] }).rows.map((wire) => decodeRow(schema.requireTable(table), wire) as CachedRow);
  }

  async function apply(ops: Operation[]): Promise<void> {
    builder.checkResult(ops, await server.transact(DB, ...ops));
  }

  beforeAll(async () => {
    schema = DatabaseSchema.parse(JSON.parse(readFileSync(OPENSYNC_SCHEMA_PATH, 'utf8')));
    builder = new OperationBuilder(schema);
    server = await OvsdbServerProcess.start({ remotes: [] });
    await server.transact(DB, { op: 'insert', table: 'AWLAN_Node', row: { id: 'SER1', serial_number: 'SER1', mqtt_settings: ['map', [['broker', 'old.example']]] } });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('writes mqtt_settings on AWLAN_Node, then has nothing more to do', async () => {
    const desired = desiredMqttSettings({ broker: 'mqtt.isp.example', port: 8883, topic: nodeStatsTopic('opensync', 'node-1'), qos: 0, aggStatsIntervalS: 30 });
    const ops = planMqttSettings(desired, await rows('AWLAN_Node'), schema);
    expect(ops.map((o) => o.op)).toEqual(['update']);
    await apply(ops);
    const [node] = await rows('AWLAN_Node');
    expect(node.mqtt_settings).toEqual(desired);
    expect(node.serial_number).toBe('SER1');
    expect(planMqttSettings(desired, await rows('AWLAN_Node'), schema)).toEqual([]);
  });

  it('creates, changes and trims Wifi_Stats_Config rows', async () => {
    const first = desiredStatsConfig(['2.4G', '5G'], { reportingIntervalS: 60, samplingIntervalS: 10, surveyIntervalS: 120 });
    await apply(planStatsConfig(first, await rows('Wifi_Stats_Config'), schema));
    expect((await rows('Wifi_Stats_Config')).length).toBe(5);
    expect(planStatsConfig(first, await rows('Wifi_Stats_Config'), schema)).toEqual([]);
    const second = desiredStatsConfig(['2.4G'], { reportingIntervalS: 30, samplingIntervalS: 5, surveyIntervalS: 60 });
    const ops = planStatsConfig(second, await rows('Wifi_Stats_Config'), schema);
    expect(ops.map((o) => o.op).sort()).toEqual(['delete', 'delete', 'update', 'update', 'update']);
    await apply(ops);
    const after = await rows('Wifi_Stats_Config');
    expect(after.map((r) => `${String(r.stats_type)}/${String(r.radio_type ?? '')}/${String(r.reporting_interval)}`).sort()).toEqual([
      'client/2.4G/30',
      'device//30',
      'survey/2.4G/60',
    ]);
    expect(after.every((r) => r.report_type === 'raw' && r.reporting_count === 0)).toBe(true);
    expect(planStatsConfig(second, after, schema)).toEqual([]);
  });

  it('writes, renames and removes Client_Nickname_Config rows', async () => {
    const names = desiredNicknames(new Map([['aa:bb:cc:00:00:01', 'Anna laptop'], ['aa:bb:cc:00:00:02', 'TV']]));
    await apply(planClientNicknames(names, await rows('Client_Nickname_Config'), schema));
    const renamed = desiredNicknames(new Map([['aa:bb:cc:00:00:01', 'Anna']]));
    await apply(planClientNicknames(renamed, await rows('Client_Nickname_Config'), schema));
    const after = await rows('Client_Nickname_Config');
    expect(after.map((r) => [r.mac, r.nickname])).toEqual([['aa:bb:cc:00:00:01', 'Anna']]);
    expect(planClientNicknames(renamed, after, schema)).toEqual([]);
  });
});
