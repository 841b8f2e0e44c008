// Kill -9 in the middle of a reboot rollout: the controller (a real child process) is
// killed with SIGKILL while nodes are being commanded, started again on the same SQLite
// file, and finishes the rollout: every node SUCCEEDED, none rebooted twice.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DelayScheduler, defaultProfile, loadSchemaFile, OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice } from '@lib/device-sim';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, login, platformAdmin, USER_PASSWORD } from '../support';
import { until } from '../reconciliation/sim-device';
import { ControllerChild, freePort, startControllerChild } from './controller-child';
import { CREATE_REBOOT, readOperation, targetStates, untilOperation } from './operations-ops';

const UNCLAIMED = `query { unclaimedNodes { serial connected } }`;
const DEVICES = 6;

jest.setTimeout(240_000);

describe('a reboot rollout survives kill -9 of the controller [sqlite file]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ops-kill-'));
  const scheduler = new DelayScheduler();
  const devices: SimulatedDevice[] = [];
  let controller: ControllerChild | undefined;

  afterAll(async () => {
    await controller?.kill();
    for (const d of devices) await d.stop();
    scheduler.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes after a restart without rebooting any node twice', async () => {
    const ovsdbPort = await freePort();
    const env = { OPERATIONS_REBOOT_TIMEOUT_MS: '60000', OPERATIONS_DEVICE_WAIT_MS: '60000', OPERATIONS_REBOOT_DELAY_S: '15', LOG_LEVEL: 'log' };
    const database = join(dir, 'controller.sqlite');
    controller = await startControllerChild(database, ovsdbPort, env);
    const schema = loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH);
    for (let i = 0; i < DEVICES; i++) {
      const device = new SimulatedDevice({
        schema,
        profile: defaultProfile(`KILL${String(i).padStart(3, '0')}`, { managerAddr: `tcp:127.0.0.1:${ovsdbPort}`, minBackoff: 1, maxBackoff: 2 }),
        // upgrade_timer 15 "seconds" of 100 ms: each reboot is pending 1.5 s, then the device is down 1 s.
        behaviour: { backoffUnitMs: 100, bootTimeMs: 1000, applyDelayMs: 100 },
        scheduler,
      });
      await device.start();
      devices.push(device);
    }
    const app = controller.app;
    const group = await createGroupWithAdmin(app);
    const locationId = (await createCustomer(app, group.adminToken)).locations[0].id;
    const root = await platformAdmin(app);
    const nodeIds: string[] = [];
    for (const device of devices) {
      await until(`${device.serial} connected`, async () => {
        const list = expectData(await gql<{ unclaimedNodes: { serial: string; connected: boolean }[] }>(app, UNCLAIMED, {}, root)).unclaimedNodes;
        return list.some((n) => n.serial === device.serial && n.connected);
      });
      nodeIds.push(expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId, serial: device.serial }, group.adminToken)).claimNode.id);
    }
    const boots = devices.map((d) => d.bootCount);
    const op = expectData(await gql<{ createRebootOperation: { id: string } }>(app, CREATE_REBOOT, { input: { targets: { locationIds: [locationId] }, waveSize: 2 } }, group.adminToken)).createRebootOperation;

    // Kill while the first wave is commanded and not finished.
    await until('nodes commanded', async () => {
      const progress = (await readOperation(app, group.adminToken, op.id)).progress;
      return progress.some((p) => (p.state === 'SENT' || p.state === 'REBOOTING') && p.count > 0);
    });
    await controller.kill();
    const stateAtKill = devices.map((d) => d.bootCount - boots[devices.indexOf(d)]);
    expect(Math.max(...stateAtKill)).toBeLessThanOrEqual(1);

    controller = await startControllerChild(database, ovsdbPort, env);
    const { token } = await login(controller.app, group.adminEmail, USER_PASSWORD);
    const done = await untilOperation(controller.app, token, op.id, 'COMPLETED');
    expect(Object.values(targetStates(done))).toEqual(Array(DEVICES).fill('SUCCEEDED'));
    // Every node rebooted exactly once for the one request.
    expect(devices.map((d) => d.bootCount - boots[devices.indexOf(d)])).toEqual(Array(DEVICES).fill(1));
  });
});
