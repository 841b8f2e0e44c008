// Log pull end to end with simulated devices uploading over real HTTP: a support user pulls
// a node's logs (multipart POST, method lm) and downloads the archive with their bearer
// token; the upload token is one-time; the raw PUT method (lm-s3-presigned) works too; an
// archive over the size limit fails the node; another group cannot see the archive.

import { gunzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATIONS_CONFIG, OperationsConfig } from '../../../src/operations/operations-config';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, platformAdmin, useTestApp } from '../support';
import { SimHandle, until } from '../reconciliation/sim-device';
import { claimWhenConnected, readOperation, startModelDevice, targetStates, untilOperation } from './operations-ops';

const CREATE = `mutation ($input: CreateRebootInput!) { createLogPullOperation(input: $input) { id kind state } }`;
const ARCHIVE = `query ($id: ID!) { deviceOperation(id: $id) { targets(first: 10) { edges { node { serial state logArchiveUrl } } } } }`;

const logDir = mkdtempSync(join(tmpdir(), 'device-logs-'));
process.env.OPERATIONS_LOG_DIR = logDir;

describeEachDatabase('log pull operations', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let support: string;
  let nodeId: string;
  let sim: SimHandle;
  let config: OperationsConfig;
  const serial = `LP${db.toUpperCase().slice(0, 2)}01`;

  const pull = async (token: string): Promise<{ id: string; url: string | null }> => {
    const op = expectData(await gql<{ createLogPullOperation: { id: string } }>(t.current, CREATE, { input: { targets: { nodeIds: [nodeId] } } }, token)).createLogPullOperation;
    await untilOperation(t.current, token, op.id, 'COMPLETED');
    const read = expectData(await gql<{ deviceOperation: { targets: { edges: { node: { logArchiveUrl: string | null } }[] } } }>(t.current, ARCHIVE, { id: op.id }, token));
    return { id: op.id, url: read.deviceOperation.targets.edges[0].node.logArchiveUrl };
  };

  beforeAll(async () => {
    config = t.current.app.get<OperationsConfig>(OPERATIONS_CONFIG);
    const group = await createGroupWithAdmin(t.current);
    admin = group.adminToken;
    support = (await createSupportUser(t.current, group.groupId)).token;
    const locationId = (await createCustomer(t.current, admin)).locations[0].id;
    sim = await startModelDevice(t.current, serial, 'SIM-AP-1');
    nodeId = await claimWhenConnected(t.current, await platformAdmin(t.current), admin, locationId, serial);
  });

  afterAll(async () => {
    await sim?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('is refused while the address devices upload to is not configured', async () => {
    expectErrorCode(await gql(t.current, CREATE, { input: { targets: { nodeIds: [nodeId] } } }, support), 'PRECONDITION_FAILED');
    // The port is known only now; operators set OPERATIONS_PUBLIC_URL.
    config.publicUrl = t.current.url.replace(/\/graphql$/, '');
  });

  it('a support user pulls logs (multipart POST) and downloads the archive; the token is one-time', async () => {
    const { url } = await pull(support);
    expect(url).toMatch(/\/device-logs\/archives\/[0-9a-f-]{36}$/);
    const response = await fetch(url as string, { headers: { authorization: `Bearer ${support}` } });
    expect(response.status).toBe(200);
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toContain(`serial ${serial}`);
    expect(sim.device.logUploads.at(-1)).toEqual({ method: 'lm', status: 201 });
    // The same token again: refused.
    const [row] = sim.device.database.rows('AW_LM_Config');
    expect(row).toMatchObject({ name: 'lm' });
    const again = await fetch(row.upload_location as string, { method: 'PUT', body: 'x' });
    expect(again.status).toBe(404);
    // Without a token, or from another group: nothing.
    expect((await fetch(url as string)).status).toBe(401);
    const other = await createGroupWithAdmin(t.current);
    expect((await fetch(url as string, { headers: { authorization: `Bearer ${other.adminToken}` } })).status).toBe(404);
  });

  it('the raw PUT method (lm-s3-presigned) works too', async () => {
    config.logMethod = 'lm-s3-presigned';
    try {
      const { url } = await pull(admin);
      expect(url).not.toBeNull();
      expect(sim.device.logUploads.at(-1)).toEqual({ method: 'lm-s3-presigned', status: 201 });
    } finally {
      config.logMethod = 'lm';
    }
  });

  it('an archive over the size limit fails the node with LOG_TOO_LARGE', async () => {
    const saved = config.logMaxBytes;
    config.logMaxBytes = 16;
    try {
      const op = expectData(await gql<{ createLogPullOperation: { id: string } }>(t.current, CREATE, { input: { targets: { nodeIds: [nodeId] } } }, admin)).createLogPullOperation;
      const done = await untilOperation(t.current, admin, op.id, 'COMPLETED');
      expect(targetStates(done)).toEqual({ [serial]: 'FAILED LOG_TOO_LARGE' });
      await until('the device saw 413', () => sim.device.logUploads.at(-1)?.status === 413);
      expect((await readOperation(t.current, admin, op.id)).progress).toEqual([{ state: 'FAILED', count: 1 }]);
    } finally {
      config.logMaxBytes = saved;
    }
  });
});
