// Reboots as durable jobs, end to end with simulated devices: a location's nodes rebooted at
// a scheduled time all reach SUCCEEDED only after they came back with a new boot (each
// rebooted exactly once); a device whose firmware has no reboot through firmware_url fails
// REBOOT_UNSUPPORTED while the others carry on; an offline node times out; roles, bad input
// and cancel/pause/resume behave as documented, and every step is in the audit log.

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, platformAdmin, useTestApp } from '../support';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { CANCEL, CREATE_REBOOT, OPERATIONS, PAUSE, readOperation, RESUME, targetStates, untilOperation } from './operations-ops';

const AUDIT = `query ($objectId: ID) { auditEvents(objectId: $objectId, first: 100) { edges { node { action actorEmail after } } } }`;
const UNCLAIMED = `query { unclaimedNodes { serial connected } }`;

process.env.OPERATIONS_MAX_TARGETS = '3';
process.env.OPERATIONS_DEVICE_WAIT_MS = '2000';
process.env.OPERATIONS_REBOOT_TIMEOUT_MS = '20000';

describeEachDatabase('reboot operations', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let support: string;
  let locationId: string;
  const sims: SimHandle[] = [];
  const ids: Record<string, string> = {};
  const tag = db.toUpperCase().slice(0, 2);
  const serials = [`RB${tag}01`, `RB${tag}02`, `RB${tag}03`, `RB${tag}04`];

  beforeAll(async () => {
    const group = await createGroupWithAdmin(t.current);
    admin = group.adminToken;
    support = (await createSupportUser(t.current, group.groupId)).token;
    locationId = (await createCustomer(t.current, admin)).locations[0].id;
    for (const [i, serial] of serials.entries()) {
      // The third device runs stock upstream firmware: "reboot" is a failed download there.
      sims.push(await startSimDevice(t.current, serial, { behaviour: { bootTimeMs: 500, upgradeStepMs: 100, rebootViaFirmwareUrl: i !== 2 } }));
    }
    const root = await platformAdmin(t.current);
    for (const serial of serials) {
      await until(`${serial} connected`, async () => {
        const list = (await gql<{ unclaimedNodes: { serial: string; connected: boolean }[] }>(t.current, UNCLAIMED, {}, root)).data?.unclaimedNodes ?? [];
        return list.some((n) => n.serial === serial && n.connected);
      });
      ids[serial] = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId, serial }, admin)).claimNode.id;
    }
  });

  afterAll(async () => {
    for (const sim of sims) await sim.stop();
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const res = await gql(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[0]], unknown] } } }, admin);
    expect(expectErrorCode(res, 'NOT_FOUND').message).toContain(unknown);
    expectErrorCode(await gql(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[0]]] }, startAt: new Date(Date.now() - 3_600_000).toISOString() } }, admin), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, CREATE_REBOOT, { input: { targets: { locationIds: [locationId] } } }, admin), 'TOO_MANY_TARGETS');
    expectErrorCode(await gql(t.current, CREATE_REBOOT, { input: { targets: {} } }, admin), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[0]]] }, localStartTime: '2020-01-01T03:00' } }, admin), 'VALIDATION_FAILED');
    // Support staff reboot one node, never a bulk.
    expectErrorCode(await gql(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[0]], ids[serials[1]]] } } }, support), 'FORBIDDEN');
    // Another group's admin does not see these nodes.
    const other = await createGroupWithAdmin(t.current);
    expectErrorCode(await gql(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[0]]] } } }, other.adminToken), 'NOT_FOUND');
    const list = expectData(await gql<{ deviceOperations: { edges: unknown[] } }>(t.current, OPERATIONS, {}, admin)).deviceOperations;
    expect(list.edges).toEqual([]);
  });

  it('reboots nodes at the scheduled time; SUCCEEDED only after each came back with a new boot, once each', async () => {
    const boots = sims.map((s) => s.device.bootCount);
    const startAt = new Date(Date.now() + 1500).toISOString();
    const created = expectData(
      await gql<{ createRebootOperation: { id: string; state: string; targetCount: number } }>(
        t.current,
        CREATE_REBOOT,
        { input: { targets: { nodeIds: serials.slice(0, 3).map((s) => ids[s]) }, startAt, waveSize: 2 } },
        admin,
      ),
    ).createRebootOperation;
    expect(created).toMatchObject({ state: 'SCHEDULED', targetCount: 3 });
    // Nothing happens before the start time.
    expect((await readOperation(t.current, admin, created.id)).progress).toEqual([{ state: 'PENDING', count: 3 }]);
    const done = await untilOperation(t.current, admin, created.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({
      [serials[0]]: 'SUCCEEDED',
      [serials[1]]: 'SUCCEEDED',
      [serials[2]]: 'FAILED REBOOT_UNSUPPORTED',
    });
    expect(done.progress).toEqual([
      { state: 'FAILED', count: 1 },
      { state: 'SUCCEEDED', count: 2 },
    ]);
    expect(sims.map((s) => s.device.bootCount - boots[sims.indexOf(s)])).toEqual([1, 1, 0, 0]);
    // The Reboot_Status rows read were deleted on the device.
    await until('Reboot_Status cleared', () => sims[0].device.database.rows('Reboot_Status').length === 0);
    const audit = expectData(await gql<{ auditEvents: { edges: { node: { action: string; actorEmail: string; after: Record<string, unknown> } }[] } }>(t.current, AUDIT, { objectId: created.id }, admin)).auditEvents.edges.map((e) => e.node);
    expect(audit.filter((e) => e.action === 'deviceOperation.create')).toHaveLength(1);
    const succeeded = audit.filter((e) => e.action === 'deviceOperation.nodeState' && e.after.state === 'SUCCEEDED').map((e) => e.after.serial);
    expect(succeeded.sort()).toEqual([serials[0], serials[1]]);
    expect(audit.some((e) => e.action === 'deviceOperation.state' && e.after.state === 'COMPLETED')).toBe(true);
    // The list filters by node, kind and state.
    const byNode = expectData(await gql<{ deviceOperations: { edges: { node: { id: string } }[] } }>(t.current, OPERATIONS, { filter: { nodeId: ids[serials[0]], kind: 'REBOOT', state: 'COMPLETED' } }, admin)).deviceOperations;
    expect(byNode.edges.map((e) => e.node.id)).toEqual([created.id]);
    const none = expectData(await gql<{ deviceOperations: { edges: unknown[] } }>(t.current, OPERATIONS, { filter: { nodeId: ids[serials[3]] } }, admin)).deviceOperations;
    expect(none.edges).toEqual([]);
  });

  it('a support user reboots one node; a node offline when its turn comes times out', async () => {
    await sims[3].stop();
    await until('node offline', async () => {
      const r = await gql<{ node: { connected: boolean } }>(t.current, `query ($id: ID!) { node(id: $id) { connected } }`, { id: ids[serials[3]] }, admin);
      return r.data?.node.connected === false;
    });
    const one = expectData(await gql<{ createRebootOperation: { id: string } }>(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[3]]] } } }, support)).createRebootOperation;
    const done = await untilOperation(t.current, support, one.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [serials[3]]: 'TIMED_OUT' });
  });

  it('pushes progress over graphql-ws until the operation completes; another group cannot subscribe', async () => {
    const SUBSCRIBE = `subscription ($id: ID!) { deviceOperationProgress(id: $id) { operationId state counts { state count } } }`;
    const op = expectData(await gql<{ createRebootOperation: { id: string } }>(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[1]]] }, startAt: new Date(Date.now() + 1000).toISOString() } }, admin)).createRebootOperation;
    const subscribe = (token: string): { seen: { state: string; counts: { state: string; count: number }[] }[]; errors: string[]; dispose: () => Promise<void> } => {
      const client = createClient({ url: t.current.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      const out = { seen: [] as { state: string; counts: { state: string; count: number }[] }[], errors: [] as string[], dispose: () => client.dispose() as Promise<void> };
      client.subscribe<{ deviceOperationProgress: { state: string; counts: { state: string; count: number }[] } }>(
        { query: SUBSCRIBE, variables: { id: op.id } },
        {
          next: (msg) => {
            if (msg.errors) out.errors.push(...msg.errors.map((e) => String(e.extensions?.code)));
            if (msg.data) out.seen.push(msg.data.deviceOperationProgress);
          },
          error: (e) => out.errors.push(...(Array.isArray(e) ? e.map((x: { extensions?: { code?: string } }) => String(x.extensions?.code)) : [String(e)])),
          complete: () => undefined,
        },
      );
      return out;
    };
    const mine = subscribe(admin);
    const other = subscribe((await createGroupWithAdmin(t.current)).adminToken);
    try {
      await until('COMPLETED pushed', () => mine.seen.some((p) => p.state === 'COMPLETED'));
      expect(mine.seen[0]).toEqual({ operationId: op.id, state: 'SCHEDULED', counts: [{ state: 'PENDING', count: 1 }] });
      expect(mine.seen.at(-1)).toEqual({ operationId: op.id, state: 'COMPLETED', counts: [{ state: 'SUCCEEDED', count: 1 }] });
      await until('the other group refused', () => other.errors.length > 0);
      expect(other.errors).toEqual(['NOT_FOUND']);
      expect(other.seen).toEqual([]);
    } finally {
      await mine.dispose();
      await other.dispose();
    }
  });

  it('reschedule, pause, resume and cancel: a cancelled scheduled operation commands nothing', async () => {
    const boots = sims.map((s) => s.device.bootCount);
    const startAt = new Date(Date.now() + 3_600_000).toISOString();
    const op = expectData(await gql<{ createRebootOperation: { id: string } }>(t.current, CREATE_REBOOT, { input: { targets: { nodeIds: [ids[serials[0]]] }, startAt } }, admin)).createRebootOperation;
    const RESCHEDULE = `mutation ($id: ID!, $input: RescheduleInput!) { rescheduleDeviceOperation(id: $id, input: $input) { id state startAt } }`;
    const later = new Date(Date.now() + 7_200_000).toISOString();
    expect(expectData(await gql<{ rescheduleDeviceOperation: { startAt: string } }>(t.current, RESCHEDULE, { id: op.id, input: { startAt: later } }, admin)).rescheduleDeviceOperation.startAt).toBe(later);
    const local = expectData(await gql<{ rescheduleDeviceOperation: { startAt: string } }>(t.current, RESCHEDULE, { id: op.id, input: { localStartTime: '2099-06-01T03:00' } }, admin)).rescheduleDeviceOperation;
    expect(local.startAt.slice(0, 10)).toMatch(/^2099-0[56]-/);
    expectErrorCode(await gql(t.current, RESCHEDULE, { id: op.id, input: { startAt: '2020-01-01T00:00:00Z' } }, admin), 'VALIDATION_FAILED');
    expect(expectData(await gql<{ pauseDeviceOperation: { state: string } }>(t.current, PAUSE, { id: op.id }, admin)).pauseDeviceOperation.state).toBe('PAUSED');
    expect(expectData(await gql<{ resumeDeviceOperation: { state: string } }>(t.current, RESUME, { id: op.id }, admin)).resumeDeviceOperation.state).toBe('SCHEDULED');
    expect(expectData(await gql<{ cancelDeviceOperation: { state: string } }>(t.current, CANCEL, { id: op.id }, admin)).cancelDeviceOperation.state).toBe('CANCELLED');
    expectErrorCode(await gql(t.current, CANCEL, { id: op.id }, admin), 'PRECONDITION_FAILED');
    expectErrorCode(await gql(t.current, RESCHEDULE, { id: op.id, input: { startAt: later } }, admin), 'PRECONDITION_FAILED');
    const read = await readOperation(t.current, admin, op.id);
    expect(read.progress).toEqual([{ state: 'CANCELLED', count: 1 }]);
    expect(sims.map((s) => s.device.bootCount)).toEqual(boots);
  });
});
