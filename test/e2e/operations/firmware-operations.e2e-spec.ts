// Firmware upgrades as durable jobs with simulated devices: the catalogue (platform admins),
// bad input refused with stable codes, a rollout stopped by its canary wave, a successful
// upgrade observed to the target firmware_version (the controller reboots a node whose
// platform does not reboot after 31), and a node already on the version.

import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, platformAdmin, useTestApp } from '../support';
import { SimHandle } from '../reconciliation/sim-device';
import { claimWhenConnected, CREATE_IMAGE, CREATE_UPGRADE, IMAGES, startModelDevice, targetStates, untilOperation } from './operations-ops';

process.env.OPERATIONS_FIRMWARE_REBOOT_GRACE_MS = '1500';
process.env.OPERATIONS_FIRMWARE_FLASH_DELAY_S = '2';
process.env.OPERATIONS_FIRMWARE_TIMEOUT_MS = '30000';

const GOOD = 'SIM-AP-1';
const BAD = 'SIM-AP-BAD';

describeEachDatabase('firmware upgrade operations', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let support: string;
  const sims: SimHandle[] = [];
  const ids: string[] = [];
  const tag = db.toUpperCase().slice(0, 2);
  const serials = [`FW${tag}01`, `FW${tag}02`, `FW${tag}03`, `FW${tag}04`];

  beforeAll(async () => {
    const group = await createGroupWithAdmin(t.current);
    admin = group.adminToken;
    support = (await createSupportUser(t.current, group.groupId)).token;
    const locationId = (await createCustomer(t.current, admin)).locations[0].id;
    const root = await platformAdmin(t.current);
    // The second node's model gets an image whose download fails; the fourth's platform does not reboot after 31.
    const models = [GOOD, BAD, GOOD, GOOD];
    for (const [i, serial] of serials.entries()) sims.push(await startModelDevice(t.current, serial, models[i], { rebootAfterCommit: i !== 3 }));
    for (const serial of serials) ids.push(await claimWhenConnected(t.current, root, admin, locationId, serial));
    for (const input of [
      { model: GOOD, version: 'sim-2.0.0', url: 'https://fw.example/sim-2.0.0.img', md5: '0123456789abcdef0123456789ABCDEF', notes: 'stable' },
      { model: BAD, version: 'sim-2.0.0', url: 'https://fw.example/fail-download/sim-2.0.0.img' },
      { model: GOOD, version: 'sim-3.0.0', url: 'https://fw.example/sim-3.0.0.img' },
    ]) {
      expectData(await gql(t.current, CREATE_IMAGE, { input }, root));
    }
  });

  afterAll(async () => {
    for (const sim of sims) await sim.stop();
  });

  it('the catalogue: platform admins write it, everyone reads it; bad entries refused', async () => {
    const input = { model: GOOD, version: 'sim-9', url: 'https://fw.example/x.img' };
    expectErrorCode(await gql(t.current, CREATE_IMAGE, { input }, admin), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, CREATE_IMAGE, { input: { ...input, url: 'ftp://x/' } }, await platformAdmin(t.current)), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, CREATE_IMAGE, { input: { ...input, version: 'sim-2.0.0' } }, await platformAdmin(t.current)), 'CONFLICT');
    const list = expectData(await gql<{ firmwareImages: { version: string }[] }>(t.current, IMAGES, { model: GOOD }, support)).firmwareImages;
    expect(list.map((i) => i.version)).toEqual(['sim-2.0.0', 'sim-3.0.0']);
  });

  it('refuses an unknown version and a model without that image, writing nothing', async () => {
    expectErrorCode(await gql(t.current, CREATE_UPGRADE, { input: { targets: { nodeIds: [ids[0]] }, firmwareVersion: 'sim-7' } }, admin), 'FIRMWARE_UNKNOWN');
    const res = await gql(t.current, CREATE_UPGRADE, { input: { targets: { nodeIds: [ids[0], ids[1]] }, firmwareVersion: 'sim-3.0.0' } }, admin);
    expect(expectErrorCode(res, 'MODEL_MISMATCH').message).toContain(`${serials[1]} (${BAD})`);
    expectErrorCode(await gql(t.current, CREATE_UPGRADE, { input: { targets: { nodeIds: [ids[0], ids[2]] }, firmwareVersion: 'sim-2.0.0' } }, support), 'FORBIDDEN');
  });

  it('a rollout whose canary wave fails stops itself; the nodes not started are CANCELLED', async () => {
    const op = expectData(
      await gql<{ createFirmwareOperation: { id: string } }>(t.current, CREATE_UPGRADE, { input: { targets: { nodeIds: ids }, firmwareVersion: 'sim-2.0.0', waveSize: 2, canaryFailurePercent: 0 } }, admin),
    ).createFirmwareOperation;
    const done = await untilOperation(t.current, admin, op.id, 'STOPPED');
    expect(targetStates(done)).toEqual({
      [serials[0]]: 'SUCCEEDED',
      [serials[1]]: 'FAILED FIRMWARE_DL_FW',
      [serials[2]]: 'CANCELLED',
      [serials[3]]: 'CANCELLED',
    });
    expect(sims.map((s) => s.device.firmwareVersion)).toEqual(['sim-2.0.0', '1.0.0', '1.0.0', '1.0.0']);
  });

  it('upgrades in waves to SUCCEEDED on the target version, rebooting a node whose platform does not', async () => {
    const op = expectData(
      await gql<{ createFirmwareOperation: { id: string } }>(t.current, CREATE_UPGRADE, { input: { targets: { nodeIds: [ids[0], ids[2], ids[3]] }, firmwareVersion: 'sim-2.0.0', waveSize: 2 } }, admin),
    ).createFirmwareOperation;
    const done = await untilOperation(t.current, admin, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [serials[0]]: 'SUCCEEDED', [serials[2]]: 'SUCCEEDED', [serials[3]]: 'SUCCEEDED' });
    const detail = Object.fromEntries(done.targets.edges.map((e) => [e.node.serial, e.node.detail]));
    expect(detail[serials[0]]).toBe('already runs sim-2.0.0');
    expect(detail[serials[2]]).toContain('back on sim-2.0.0');
    expect(sims.map((s) => s.device.firmwareVersion)).toEqual(['sim-2.0.0', '1.0.0', 'sim-2.0.0', 'sim-2.0.0']);
    // The fourth device only rebooted because the controller told it to, once.
    expect(sims[3].device.bootCount).toBe(2);
  });

  it('a support user downgrades one node', async () => {
    const op = expectData(
      await gql<{ createFirmwareOperation: { id: string } }>(t.current, CREATE_UPGRADE, { input: { targets: { nodeIds: [ids[2]] }, firmwareVersion: 'sim-3.0.0' } }, support),
    ).createFirmwareOperation;
    const done = await untilOperation(t.current, support, op.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [serials[2]]: 'SUCCEEDED' });
    expect(sims[2].device.firmwareVersion).toBe('sim-3.0.0');
  });
});
