// Reboot operations against a real ovsdb-server with the full OpenSync schema and the
// simulator's managers attached: every write the controller makes (the boot read, the
// no_reboot read, firmware_url "reboot" with upgrade_timer, the Reboot_Status delete) is
// accepted by the real server; a held no_reboot defers the reboot; the reboot itself is
// played as a device does it (session drops, the database comes back with a new boot_time
// and Reboot_Status row) and observed through the API to SUCCEEDED; stock firmware that
// takes "reboot" for an image URL ends REBOOT_UNSUPPORTED.

import { attachToOvsdbServer, DelayScheduler, defaultProfile, DeviceBehaviour, RealServerDevice } from '@lib/device-sim';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { CREATE_REBOOT, readOperation, targetStates, untilOperation } from '../e2e/operations/operations-ops';
import { CLAIM_NODE, createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, platformAdmin, startTestApp, TestApp } from '../e2e/support';
import { until } from '../e2e/reconciliation/sim-device';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows } from './support/device-rows';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-OPS-REBOOT-1';
const UNCLAIMED = `query { unclaimedNodes { serial connected } }`;

describeWithOvsdb('reboot operations with a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let admin: string;
  let nodeId: string;
  let managers: RealServerDevice | undefined;
  let reboots = 0;
  const scheduler = new DelayScheduler();
  const env = { OPERATIONS_DEFER_RECHECK_MS: process.env.OPERATIONS_DEFER_RECHECK_MS, OPERATIONS_REBOOT_DELAY_S: process.env.OPERATIONS_REBOOT_DELAY_S };

  const attach = async (bootstrap: boolean, behaviour: Partial<DeviceBehaviour> = {}): Promise<void> => {
    managers = await attachToOvsdbServer({
      socketPath: device.socketPath,
      profile: defaultProfile(SERIAL, { model: 'PP203X', firmwareVersion: '5.6.0' }),
      behaviour: { backoffUnitMs: 100, upgradeStepMs: 100, ...behaviour },
      scheduler,
      bootstrap,
      onReboot: () => void rebootDevice(),
    });
  };

  /** What a device does on reboot: its session drops, DM resets the upgrade columns and records the boot. */
  const rebootDevice = async (): Promise<void> => {
    reboots++;
    managers?.stop();
    await device.kill();
    await device.transactOffline(
      DB,
      { op: 'update', table: 'AWLAN_Node', where: [], row: { boot_time: Math.floor(Date.now() / 1000) + reboots, firmware_url: '', upgrade_status: 0, upgrade_timer: 0 } },
      { op: 'insert', table: 'Reboot_Status', row: { count: reboots, type: 'CLOUD', reason: 'reboot requested' } },
    );
    await device.restart();
    await attach(false);
  };

  beforeAll(async () => {
    process.env.OPERATIONS_DEFER_RECHECK_MS = '300';
    process.env.OPERATIONS_REBOOT_DELAY_S = '5';
    app = await startTestApp('sqlite');
    const port = app.app.get(SouthboundService).addresses[0].port;
    const group = await createGroupWithAdmin(app);
    admin = group.adminToken;
    const locationId = (await createCustomer(app, admin)).locations[0].id;
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    await attach(true);
    const root = await platformAdmin(app);
    await until('the device to connect', async () => {
      const list = expectData(await gql<{ unclaimedNodes: { serial: string; connected: boolean }[] }>(app, UNCLAIMED, {}, root)).unclaimedNodes;
      return list.some((n) => n.serial === SERIAL && n.connected);
    });
    nodeId = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId, serial: SERIAL }, admin)).claimNode.id;
  });

  afterAll(async () => {
    managers?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
    Object.assign(process.env, env);
  });

  it('defers while no_reboot is held, then reboots; SUCCEEDED once back with a new boot; Reboot_Status rows read are deleted', async () => {
    await device.transact(DB, { op: 'insert', table: 'Node_State', row: { module: 'no_reboot', key: 'no_reboot', value: 'true' } });
    const op = expectData(await gql<{ createRebootOperation: { id: string } }>(app, CREATE_REBOOT, { input: { targets: { nodeIds: [nodeId] } } }, admin)).createRebootOperation;
    const waiting = await until('the deferral', async () => {
      const read = await readOperation(app, admin, op.id);
      return read.targets.edges[0].node.detail?.includes('no_reboot') && read;
    });
    expect(targetStates(waiting)).toEqual({ [SERIAL]: 'WAITING_FOR_DEVICE' });
    expect(reboots).toBe(0);
    await device.transact(DB, { op: 'update', table: 'Node_State', where: [['module', '==', 'no_reboot']], row: { value: 'false' } });
    const done = await untilOperation(app, admin, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [SERIAL]: 'SUCCEEDED' });
    expect(done.targets.edges[0].node.detail).toContain('Reboot_Status count none -> 1');
    expect(reboots).toBe(1);
    await until('Reboot_Status rows deleted', async () => (await selectRows(device, 'Reboot_Status')).length === 0);
  });

  it('firmware that treats "reboot" as a download fails REBOOT_UNSUPPORTED, observed from upgrade_status', async () => {
    managers?.stop();
    await attach(false, { rebootViaFirmwareUrl: false });
    const op = expectData(await gql<{ createRebootOperation: { id: string } }>(app, CREATE_REBOOT, { input: { targets: { nodeIds: [nodeId] } } }, admin)).createRebootOperation;
    const done = await untilOperation(app, admin, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [SERIAL]: 'FAILED REBOOT_UNSUPPORTED' });
    expect(done.targets.edges[0].node.detail).toContain('upgrade_status -4');
    const [node] = await selectRows(device, 'AWLAN_Node');
    expect(node).toMatchObject({ firmware_url: 'reboot', upgrade_status: -4 });
    expect(reboots).toBe(1);
  });
});
