// Kill -9 during a client block, with the controller as a real child process on one SQLite
// file: restarted at once, it keeps a block still in force (read back from the database; a
// controller that forgot it would lift it at the device's first pass) and lifts it at its
// end; down past a block's end (the device keeps the blacklist meanwhile: nobody is there
// to lift it), its first pass after the restart lifts it. Each time the client comes back.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Row } from '@lib/ovsdb';
import { DelayScheduler, defaultProfile, loadSchemaFile, OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice } from '@lib/device-sim';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, expectData, gql, login, platformAdmin, USER_PASSWORD } from '../support';
import { until } from '../reconciliation/sim-device';
import { ControllerChild, freePort, startControllerChild } from './controller-child';
import { targetStates, untilOperation } from './operations-ops';

const UNCLAIMED = `query { unclaimedNodes { serial connected } }`;
const KICK = `mutation ($input: CreateClientKickInput!) { createClientKickOperation(input: $input) { id } }`;
const BLOCK_S = 5;
/** Long enough to outlast a restart of the controller process and the device's reconnect. */
const LONG_BLOCK_S = 30;
const NODE = `query ($id: ID!) { node(id: $id) { connected } }`;

jest.setTimeout(240_000);

describe('a client block survives kill -9 of the controller [sqlite file]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kick-kill-'));
  const scheduler = new DelayScheduler();
  let device: SimulatedDevice | undefined;
  let controller: ControllerChild | undefined;

  afterAll(async () => {
    await controller?.kill();
    await device?.stop();
    scheduler.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const owned = (): readonly Readonly<Row>[] => (device as SimulatedDevice).database.rows('Wifi_VIF_Config').filter((r) => String(r.if_name).startsWith('ctl'));
  const blacklisted = (mac: string): boolean => owned().length > 0 && owned().every((r) => r.mac_list_type === 'blacklist' && (r.mac_list as string[]).includes(mac));
  const associated = (): string[] => (device as SimulatedDevice).database.rows('Wifi_Associated_Clients').map((r) => String(r.mac));

  let ovsdbPort: number;
  let nodeId: string;
  let mac: string;
  let adminEmail: string;

  it('lifts a block that ended while the controller was down, at its first pass after the restart', async () => {
    ovsdbPort = await freePort();
    const database = join(dir, 'controller.sqlite');
    controller = await startControllerChild(database, ovsdbPort, { LOG_LEVEL: 'log' });
    device = new SimulatedDevice({
      schema: loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH),
      profile: defaultProfile('KICKKILL01', { managerAddr: `tcp:127.0.0.1:${ovsdbPort}`, minBackoff: 1, maxBackoff: 2 }),
      behaviour: { backoffUnitMs: 100, applyDelayMs: 50, clientsPerDevice: 1 },
      scheduler,
    });
    await device.start();
    const app = controller.app;
    const group = await createGroupWithAdmin(app);
    const locationId = (await createCustomer(app, group.adminToken)).locations[0].id;
    const root = await platformAdmin(app);
    await until('the device connected', async () => {
      const list = expectData(await gql<{ unclaimedNodes: { serial: string; connected: boolean }[] }>(app, UNCLAIMED, {}, root)).unclaimedNodes;
      return list.some((n) => n.serial === 'KICKKILL01' && n.connected);
    });
    adminEmail = group.adminEmail;
    nodeId = expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId, serial: 'KICKKILL01' }, group.adminToken)).claimNode.id;
    [mac] = await until('the client associated', () => associated().length === 1 && associated());

    const op = expectData(await gql<{ createClientKickOperation: { id: string } }>(app, KICK, { input: { targets: { nodeIds: [nodeId] }, mac, blockForSeconds: BLOCK_S } }, group.adminToken)).createClientKickOperation;
    const done = await untilOperation(app, group.adminToken, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ KICKKILL01: 'SUCCEEDED' });
    const blockEnds = Date.now() + BLOCK_S * 1000;
    await until('the blacklist on the device', () => blacklisted(mac));
    await controller.kill();

    // Down past the block's end: the device still holds the entry and keeps the client out.
    await until('the block over', () => Date.now() > blockEnds + 500);
    expect(blacklisted(mac)).toBe(true);
    expect(associated()).not.toContain(mac);

    controller = await startControllerChild(database, ovsdbPort, { LOG_LEVEL: 'log' });
    await until('the blacklist lifted after the restart', () => owned().length > 0 && owned().every((r) => (r.mac_list as string[]).length === 0 && r.mac_list_type === undefined));
    await until('the client back', () => associated().includes(mac));
  });

  it('keeps a block still in force across a restart, then lifts it at its end', async () => {
    const before = (controller as ControllerChild).app;
    const { token } = await login(before, adminEmail, USER_PASSWORD);
    await until('the client back before the next kick', () => associated().includes(mac));
    const op = expectData(await gql<{ createClientKickOperation: { id: string } }>(before, KICK, { input: { targets: { nodeIds: [nodeId] }, mac, blockForSeconds: LONG_BLOCK_S } }, token)).createClientKickOperation;
    const blockEnds = Date.now() + LONG_BLOCK_S * 1000;
    expect(targetStates(await untilOperation(before, token, op.id, 'COMPLETED'))).toEqual({ KICKKILL01: 'SUCCEEDED' });
    await until('the blacklist on the device', () => blacklisted(mac));
    await (controller as ControllerChild).kill();

    controller = await startControllerChild(join(dir, 'controller.sqlite'), ovsdbPort, { LOG_LEVEL: 'log' });
    const after = controller.app;
    const again = (await login(after, adminEmail, USER_PASSWORD)).token;
    await until('the node connected again', async () => expectData(await gql<{ node: { connected: boolean } }>(after, NODE, { id: nodeId }, again)).node.connected);
    // Its passes after the reconnect keep the block while it is in force.
    while (Date.now() < blockEnds - 3000) {
      expect(blacklisted(mac)).toBe(true);
      expect(associated()).not.toContain(mac);
      await new Promise((r) => setTimeout(r, 100));
    }
    await until('the blacklist lifted at its end', () => owned().every((r) => (r.mac_list as string[]).length === 0));
    await until('the client back', () => associated().includes(mac));
  });
});
