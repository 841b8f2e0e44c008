import { DatabaseSchema } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { desiredNicknames, planClientNicknames } from './client-nicknames';
import { desiredMqttSettings, nodeIdOfTopic, nodeStatsTopic, planMqttSettings } from './mqtt-settings';
import { desiredStatsConfig, planStatsConfig } from './stats-config';

const optional = (type: object): object => ({ key: type, min: 0, max: 1 });
const SCHEMA = DatabaseSchema.parse({
  name: 'Open_vSwitch',
  version: '1.0.0',
  tables: {
    AWLAN_Node: { columns: { id: { type: 'string' }, mqtt_settings: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } } }, isRoot: true },
    Client_Nickname_Config: { columns: { mac: { type: 'string' }, nickname: { type: 'string' } }, isRoot: true },
    Wifi_Stats_Config: {
      columns: {
        stats_type: { type: 'string' },
        radio_type: { type: optional({ type: 'string' }) },
        survey_type: { type: optional({ type: 'string' }) },
        report_type: { type: optional({ type: 'string' }) },
        reporting_interval: { type: 'integer' },
        reporting_count: { type: 'integer' },
        sampling_interval: { type: 'integer' },
      },
      isRoot: true,
    },
  },
});
const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('planMqttSettings', () => {
  const desired = desiredMqttSettings({ broker: 'mqtt.example.net', port: 8883, topic: nodeStatsTopic('opensync', 'n1'), qos: 0, aggStatsIntervalS: 60 });

  it('updates the AWLAN_Node row until its mqtt_settings equal the desired map, then nothing', () => {
    const row: CachedRow = { _uuid: uuid(1), mqtt_settings: new Map([['broker', 'old']]) };
    const ops = planMqttSettings(desired, [row], SCHEMA);
    expect(ops).toEqual([{ op: 'update', table: 'AWLAN_Node', where: [['_uuid', '==', ['uuid', uuid(1)]]], row: { mqtt_settings: ['map', expect.arrayContaining([['broker', 'mqtt.example.net'], ['compress', 'zlib'], ['topics', 'opensync/n1']])] } }]);
    expect(planMqttSettings(desired, [{ _uuid: uuid(1), mqtt_settings: new Map(desired) }], SCHEMA)).toEqual([]);
  });

  it('leaves the settings alone when nothing is desired', () => {
    expect(planMqttSettings(null, [{ _uuid: uuid(1), mqtt_settings: new Map([['broker', 'x']]) }], SCHEMA)).toEqual([]);
  });

  it('reads the node back from its topic, and nothing from a foreign one', () => {
    expect(nodeIdOfTopic('opensync', 'opensync/n1')).toBe('n1');
    expect(nodeIdOfTopic('opensync', 'other/n1')).toBeUndefined();
    expect(nodeIdOfTopic('opensync', 'opensync/n1/x')).toBeUndefined();
    expect(nodeIdOfTopic('opensync', 'opensync/')).toBeUndefined();
  });
});

describe('planStatsConfig', () => {
  const intervals = { reportingIntervalS: 60, samplingIntervalS: 10, surveyIntervalS: 120 };

  it('wants client and survey rows per distinct band, and one device row', () => {
    const rows = desiredStatsConfig(['2.4G', '5GL', '2.4G', 'bogus'], intervals);
    expect([...rows.keys()].sort()).toEqual(['client/2.4G/', 'client/5GL/', 'device//', 'survey/2.4G/on-chan', 'survey/5GL/on-chan']);
  });

  it('inserts what is missing, updates what differs, deletes extras and duplicates', () => {
    const desired = desiredStatsConfig(['2.4G'], intervals);
    const rows: CachedRow[] = [
      { _uuid: uuid(1), stats_type: 'client', radio_type: '2.4G', report_type: 'raw', reporting_count: 0, reporting_interval: 30, sampling_interval: 10 },
      { _uuid: uuid(2), stats_type: 'client', radio_type: '2.4G', report_type: 'raw', reporting_count: 0, reporting_interval: 60, sampling_interval: 10 },
      { _uuid: uuid(3), stats_type: 'neighbor', radio_type: '2.4G', reporting_interval: 60, reporting_count: 0, sampling_interval: 10 },
    ];
    const ops = planStatsConfig(desired, rows, SCHEMA);
    expect(ops.filter((o) => o.op === 'update')).toEqual([expect.objectContaining({ where: [['_uuid', '==', ['uuid', uuid(1)]]], row: { reporting_interval: 60 } })]);
    expect(ops.filter((o) => o.op === 'delete').map((o) => (o as { where: unknown[][] }).where[0][2])).toEqual([['uuid', uuid(2)], ['uuid', uuid(3)]]);
    expect(ops.filter((o) => o.op === 'insert').map((o) => (o as unknown as { row: { stats_type: string } }).row.stats_type).sort()).toEqual(['device', 'survey']);
  });

  it('plans nothing once the device holds exactly the desired rows', () => {
    const desired = desiredStatsConfig(['5G'], intervals);
    const rows = [...desired.values()].map((row, i) => ({ ...row, _uuid: uuid(i) }) as CachedRow);
    expect(planStatsConfig(desired, rows, SCHEMA)).toEqual([]);
  });
});

describe('planClientNicknames', () => {
  it('one row per MAC, renamed in place, removed when the name goes', () => {
    const desired = desiredNicknames(new Map([['AA:BB:CC:00:00:01', 'Laptop'], ['aa:bb:cc:00:00:02', 'Phone']]));
    const rows: CachedRow[] = [
      { _uuid: uuid(1), mac: 'aa:bb:cc:00:00:01', nickname: 'Old' },
      { _uuid: uuid(2), mac: 'aa:bb:cc:00:00:09', nickname: 'Gone' },
    ];
    const ops = planClientNicknames(desired, rows, SCHEMA);
    expect(ops).toEqual([
      { op: 'update', table: 'Client_Nickname_Config', where: [['_uuid', '==', ['uuid', uuid(1)]]], row: { nickname: 'Laptop' } },
      { op: 'delete', table: 'Client_Nickname_Config', where: [['_uuid', '==', ['uuid', uuid(2)]]] },
      { op: 'insert', table: 'Client_Nickname_Config', row: { mac: 'aa:bb:cc:00:00:02', nickname: 'Phone' } },
    ]);
  });

  it('plans nothing for a device whose schema lacks the table', () => {
    const bare = DatabaseSchema.parse({ name: 'Open_vSwitch', version: '1.0.0', tables: { AWLAN_Node: { columns: { id: { type: 'string' } } } } });
    expect(planClientNicknames(desiredNicknames(new Map([['aa:bb:cc:00:00:01', 'x']])), [], bare)).toEqual([]);
  });
});
