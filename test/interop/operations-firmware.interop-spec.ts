// Firmware upgrades against a real ovsdb-server with the full OpenSync schema and the
// simulator's upgrade manager attached: every controller write (firmware_url, the
// upgrade_timer armed after 11) is accepted by the real server; the upgrade is observed
// through the API to SUCCEEDED once the device is back on the target version, and an image
// failing its checksum ends FAILED FIRMWARE_MD5_FAIL.

import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { claimWhenConnected, CREATE_IMAGE, CREATE_UPGRADE, targetStates, untilOperation } from '../e2e/operations/operations-ops';
import { createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, platformAdmin, startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows } from './support/device-rows';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-OPS-FW-1';
const MODEL = 'PP203X';

describeWithOvsdb('firmware upgrade operations with a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let admin: string;
  let nodeId: string;
  let managers: RealServerDevice | undefined;
  let boots = 0;
  const scheduler = new DelayScheduler();
  const saved = process.env.OPERATIONS_FIRMWARE_FLASH_DELAY_S;

  const attach = async (bootstrap: boolean): Promise<void> => {
    managers = await attachToOvsdbServer({
      socketPath: device.socketPath,
      profile: defaultProfile(SERIAL, { model: MODEL, firmwareVersion: '5.6.0' }),
      behaviour: { backoffUnitMs: 100, upgradeStepMs: 100 },
      scheduler,
      bootstrap,
      onReboot: (_type, version) => void reboot(version),
    });
  };

  /** The device reboots into the new image: DM writes its version and resets the upgrade columns. */
  const reboot = async (version: string | undefined): Promise<void> => {
    boots++;
    managers?.stop();
    await device.kill();
    const row: Record<string, unknown> = { boot_time: Math.floor(Date.now() / 1000) + boots, firmware_url: '', upgrade_status: 0, upgrade_timer: 0 };
    if (version) row.firmware_version = version;
    await device.transactOffline(DB, { op: 'update', table: 'AWLAN_Node', where: [], row }, { op: 'insert', table: 'Reboot_Status', row: { count: boots, type: 'UPGRADE', reason: 'upgraded' } });
    await device.restart();
    await attach(false);
  };

  beforeAll(async () => {
    process.env.OPERATIONS_FIRMWARE_FLASH_DELAY_S = '3';
    app = await startTestApp('sqlite');
    const port = app.app.get(SouthboundService).addresses[0].port;
    const group = await createGroupWithAdmin(app);
    admin = group.adminToken;
    const locationId = (await createCustomer(app, admin)).locations[0].id;
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    await attach(true);
    const root = await platformAdmin(app);
    nodeId = await claimWhenConnected(app, root, admin, locationId, SERIAL);
    for (const input of [
      { model: MODEL, version: 'pp-6.0.0', url: 'https://fw.example/pp-6.0.0.img', sha256: 'a'.repeat(64) },
      { model: MODEL, version: 'pp-6.0.1', url: 'https://fw.example/bad-md5/pp-6.0.1.img' },
    ]) {
      expectData(await gql(app, CREATE_IMAGE, { input }, root));
    }
  });

  afterAll(async () => {
    managers?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
    process.env.OPERATIONS_FIRMWARE_FLASH_DELAY_S = saved;
  });

  it('upgrades: download, the timer armed after 11, write, commit, reboot, SUCCEEDED on the new version', async () => {
    const op = expectData(await gql<{ createFirmwareOperation: { id: string } }>(app, CREATE_UPGRADE, { input: { targets: { nodeIds: [nodeId] }, firmwareVersion: 'pp-6.0.0' } }, admin)).createFirmwareOperation;
    const done = await untilOperation(app, admin, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [SERIAL]: 'SUCCEEDED' });
    expect(boots).toBe(1);
    const [node] = await selectRows(device, 'AWLAN_Node');
    expect(node.firmware_version).toBe('pp-6.0.0');
  });

  it('an image failing its checksum ends FAILED FIRMWARE_MD5_FAIL, with no reboot', async () => {
    const op = expectData(await gql<{ createFirmwareOperation: { id: string } }>(app, CREATE_UPGRADE, { input: { targets: { nodeIds: [nodeId] }, firmwareVersion: 'pp-6.0.1' } }, admin)).createFirmwareOperation;
    const done = await untilOperation(app, admin, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [SERIAL]: 'FAILED FIRMWARE_MD5_FAIL' });
    const [node] = await selectRows(device, 'AWLAN_Node');
    expect(node).toMatchObject({ firmware_url: 'https://fw.example/bad-md5/pp-6.0.1.img', upgrade_status: -6, upgrade_timer: 0 });
    expect(boots).toBe(1);
  });
});
