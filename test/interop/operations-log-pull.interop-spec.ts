// Log pull against a real ovsdb-server with the full OpenSync schema: the AW_LM_Config row
// PM keeps (upserted at its start) is updated with the token and upload URL, the real
// server accepts the write, the simulator's log pull manager (attached over the server's
// socket) uploads to the controller, and the node is SUCCEEDED through the API.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { OPERATIONS_CONFIG, OperationsConfig } from '../../src/operations/operations-config';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { claimWhenConnected, targetStates, untilOperation } from '../e2e/operations/operations-ops';
import { createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, expectData, gql, platformAdmin, startTestApp, TestApp } from '../e2e/support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows } from './support/device-rows';

const SERIAL = 'SN-OPS-LOGS-1';
const CREATE = `mutation ($input: CreateRebootInput!) { createLogPullOperation(input: $input) { id } }`;
const ARCHIVE = `query ($id: ID!) { deviceOperation(id: $id) { targets(first: 1) { edges { node { logArchiveUrl } } } } }`;

describeWithOvsdb('log pull with a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let managers: RealServerDevice | undefined;
  const scheduler = new DelayScheduler();
  const logDir = mkdtempSync(join(tmpdir(), 'device-logs-'));
  process.env.OPERATIONS_LOG_DIR = logDir;

  afterAll(async () => {
    managers?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('updates the AW_LM_Config row PM keeps; the upload arrives; support downloads the archive', async () => {
    app = await startTestApp('sqlite');
    app.app.get<OperationsConfig>(OPERATIONS_CONFIG).publicUrl = app.url.replace(/\/graphql$/, '');
    const port = app.app.get(SouthboundService).addresses[0].port;
    const group = await createGroupWithAdmin(app);
    const support = (await createSupportUser(app, group.groupId)).token;
    const locationId = (await createCustomer(app, group.adminToken)).locations[0].id;
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    await device.transact('Open_vSwitch', { op: 'insert', table: 'AW_LM_Config', row: { name: 'lm', periodicity: 'weekly', upload_token: '', upload_location: '' } });
    managers = await attachToOvsdbServer({ socketPath: device.socketPath, profile: defaultProfile(SERIAL), scheduler, bootstrap: true });
    const nodeId = await claimWhenConnected(app, await platformAdmin(app), group.adminToken, locationId, SERIAL);

    const op = expectData(await gql<{ createLogPullOperation: { id: string } }>(app, CREATE, { input: { targets: { nodeIds: [nodeId] } } }, support)).createLogPullOperation;
    const done = await untilOperation(app, support, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [SERIAL]: 'SUCCEEDED' });
    const rows = await selectRows(device, 'AW_LM_Config');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'lm', periodicity: 'weekly' });
    expect(String(rows[0].upload_location)).toBe(`${app.url.replace(/\/graphql$/, '')}/device-logs/${String(rows[0].upload_token)}`);
    const url = expectData(await gql<{ deviceOperation: { targets: { edges: { node: { logArchiveUrl: string } }[] } } }>(app, ARCHIVE, { id: op.id }, support)).deviceOperation.targets.edges[0].node.logArchiveUrl;
    const response = await fetch(url, { headers: { authorization: `Bearer ${support}` } });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
  });
});
