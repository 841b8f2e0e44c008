// node.vifs reads whole VIF rows from the device: over a real OvsdbSession to an in-memory
// peer answering as ovsdb-server does, and failing as devices do (gone mid-read, refusing).
import { deviceCapabilities } from '@lib/opensync';
import { CURRENT_TEST_SCHEMA_JSON } from '@lib/opensync/testing/opensync-test-schema';
import { DatabaseCache, MemoryTransport, OvsdbSession, RpcConnection } from '@lib/ovsdb';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { DeviceConnection, monitoredWifiTables } from '../sessions/device-connection';
import { projectRow, readLiveVifRows } from './live-vif-rows';

const CONFIG_UUID = '6f1c2d4e-0000-4000-8000-000000000001';
const STATE_UUID = '6f1c2d4e-0000-4000-8000-000000000002';
type Answer = (params: unknown[], device: RpcConnection) => unknown;

async function connect(answer: Answer): Promise<DeviceConnection> {
  const [ours, theirs] = MemoryTransport.pair();
  const device = new RpcConnection(theirs);
  device.handle('get_schema', () => CURRENT_TEST_SCHEMA_JSON);
  device.handle('transact', (params) => answer(params, device));
  const session = new OvsdbSession(ours);
  const schema = await session.getSchema('Open_vSwitch');
  const wifi = new DatabaseCache(schema, monitoredWifiTables(schema));
  return { serial: 'SN-LIVE-1', nodeId: 'node-1', session, schema, caps: deviceCapabilities(schema), wifi, connectedAt: new Date() };
}

const selectAnswer: Answer = () => [
  {
    rows: [
      {
        _uuid: ['uuid', CONFIG_UUID],
        _version: ['uuid', '6f1c2d4e-0000-4000-8000-0000000000ff'],
        if_name: 'ctl1-ap-24',
        ssid: 'Home',
        mac_list: ['set', ['aa:bb:cc:dd:ee:ff']],
        wpa_psks: ['map', [['key--1', 'secret passphrase']]],
      },
    ],
  },
  { rows: [{ _uuid: ['uuid', STATE_UUID], if_name: 'ctl1-ap-24', vif_config: ['uuid', CONFIG_UUID], mac: '02:00:00:00:00:01' }] },
];

describe('readLiveVifRows', () => {
  it('selects every column of both VIF tables and decodes them as the replica would', async () => {
    let asked: unknown[] = [];
    const connection = await connect((params) => {
      asked = params;
      return selectAnswer(params, undefined as never);
    });
    const rows = await readLiveVifRows(connection);
    expect(asked).toEqual([
      'Open_vSwitch',
      { op: 'select', table: 'Wifi_VIF_Config', where: [] },
      { op: 'select', table: 'Wifi_VIF_State', where: [] },
    ]);
    expect(rows.config).toEqual([
      { _uuid: CONFIG_UUID, if_name: 'ctl1-ap-24', ssid: 'Home', mac_list: ['aa:bb:cc:dd:ee:ff'], wpa_psks: new Map([['key--1', 'secret passphrase']]) },
    ]);
    expect(rows.state).toEqual([{ _uuid: STATE_UUID, if_name: 'ctl1-ap-24', vif_config: CONFIG_UUID, mac: '02:00:00:00:00:01' }]);
  });

  it('is DEVICE_UNAVAILABLE, naming node and serial, when the device goes away mid-read', async () => {
    const connection = await connect((_params, device) => {
      device.close('gone');
      return new Promise(() => undefined);
    });
    const error: unknown = await readLiveVifRows(connection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: ErrorCode.DEVICE_UNAVAILABLE });
    expect((error as AppError).message).toMatch(/node node-1 \(serial SN-LIVE-1\).*SESSION_CLOSED/);
  });

  it('is DEVICE_UNAVAILABLE when the device refuses the read', async () => {
    const connection = await connect(() => [{ error: 'permission error', details: 'table is not readable' }, null]);
    await expect(readLiveVifRows(connection)).rejects.toMatchObject({ code: ErrorCode.DEVICE_UNAVAILABLE });
  });
});

describe('projectRow', () => {
  it('keeps _uuid and the listed columns the row has', () => {
    const row = { _uuid: CONFIG_UUID, if_name: 'ctl1-ap-24', ssid: 'Home', mac_list: ['aa:bb:cc:dd:ee:ff'] };
    expect(projectRow(row, ['if_name', 'ssid', 'vif_config'])).toEqual({ _uuid: CONFIG_UUID, if_name: 'ctl1-ap-24', ssid: 'Home' });
  });
});
