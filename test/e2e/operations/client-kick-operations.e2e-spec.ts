// Client kick end to end with simulated devices: a support user kicks a connected client from
// a location; the client's MAC is blacklisted on the controller-owned VIFs of every node
// (desired state, read back from Wifi_VIF_State), the device throws the client out, the node
// SUCCEEDS, a node the client was not on SUCCEEDS with NOT_CONNECTED; after the block period
// the entry is gone and the client associates again. Firmware that never enforces the list
// fails CLIENT_STILL_CONNECTED; a node offline fails NODE_OFFLINE; a bad
// MAC or duration is refused and nothing is written; a block read back at start is lifted on
// time; every step is audited.

import { Row } from '@lib/ovsdb';
import { DataSource } from 'typeorm';
import { ClientBlockRecord } from '../../../src/operations/kick/client-block.entity';
import { ClientBlocksService } from '../../../src/operations/kick/client-blocks.service';
import { ReconcilerService } from '../../../src/reconciler/reconciler.service';
import { createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, platformAdmin, useTestApp } from '../support';
import { SimHandle, startSimDevice, until } from '../reconciliation/sim-device';
import { claimWhenConnected, OPERATIONS, readOperation, targetStates, untilOperation } from './operations-ops';

const KICK = `mutation ($input: CreateClientKickInput!) { createClientKickOperation(input: $input) { id kind state targetCount clientMac blockForSeconds } }`;
const AUDIT = `query ($objectId: ID) { auditEvents(objectId: $objectId, first: 100) { edges { node { action actorEmail after } } } }`;
const NODE_CONNECTED = `query ($id: ID!) { node(id: $id) { connected } }`;

/** The controller-owned VIF configs of a device and their ACL columns. */
function aclOf(sim: SimHandle, table = 'Wifi_VIF_Config'): { ifName: string; list: string[]; type: unknown }[] {
  return sim.device.database
    .rows(table)
    .filter((r: Readonly<Row>) => String(r.if_name).startsWith('ctl'))
    .map((r) => ({ ifName: String(r.if_name), list: Array.isArray(r.mac_list) ? (r.mac_list as string[]) : [], type: r.mac_list_type }));
}

function associated(sim: SimHandle): string[] {
  return sim.device.database.rows('Wifi_Associated_Clients').map((r) => String(r.mac));
}

process.env.OPERATIONS_KICK_DEVICE_WAIT_MS = '1000';
process.env.OPERATIONS_KICK_TIMEOUT_MS = '4000';

describeEachDatabase('client kick operations', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let support: string;
  let otherAdmin: string;
  let locationId: string;
  let withClient: SimHandle;
  let withoutClient: SimHandle;
  let mac: string;
  const ids: Record<string, string> = {};
  const tag = db.toUpperCase().slice(0, 2);
  const serials = [`KK${tag}01`, `KK${tag}02`];

  const kick = (token: string, input: Record<string, unknown>) => gql<{ createClientKickOperation: { id: string; kind: string; targetCount: number; clientMac: string; blockForSeconds: number } }>(t.current, KICK, { input }, token);

  beforeAll(async () => {
    const group = await createGroupWithAdmin(t.current);
    admin = group.adminToken;
    support = (await createSupportUser(t.current, group.groupId)).token;
    otherAdmin = (await createGroupWithAdmin(t.current)).adminToken;
    locationId = (await createCustomer(t.current, admin)).locations[0].id;
    withClient = await startSimDevice(t.current, serials[0], { behaviour: { applyDelayMs: 50, clientsPerDevice: 1 } });
    withoutClient = await startSimDevice(t.current, serials[1], { behaviour: { applyDelayMs: 50 } });
    const root = await platformAdmin(t.current);
    for (const serial of serials) ids[serial] = await claimWhenConnected(t.current, root, admin, locationId, serial);
    // The simulated client joins once the location's VIFs are up.
    [mac] = await until('the simulated client associated', () => associated(withClient).length === 1 && associated(withClient));
  });

  afterAll(async () => {
    await withClient?.stop();
    await withoutClient?.stop();
  });

  it('refuses a bad MAC, duration or target with stable codes and writes nothing', async () => {
    expectErrorCode(await kick(admin, { targets: { locationIds: [locationId] }, mac: 'not-a-mac' }), 'VALIDATION_FAILED');
    expectErrorCode(await kick(admin, { targets: { locationIds: [locationId] }, mac: 'aa:bb:cc:dd:ee' }), 'VALIDATION_FAILED');
    expectErrorCode(await kick(admin, { targets: { locationIds: [locationId] }, mac, blockForSeconds: 1 }), 'VALIDATION_FAILED');
    expectErrorCode(await kick(admin, { targets: { locationIds: [locationId] }, mac, blockForSeconds: 86_400 }), 'VALIDATION_FAILED');
    expectErrorCode(await kick(admin, { targets: { groupId: '00000000-0000-4000-8000-000000000001' }, mac }), 'VALIDATION_FAILED');
    expectErrorCode(await kick(otherAdmin, { targets: { locationIds: [locationId] }, mac }), 'NOT_FOUND');
    const list = expectData(await gql<{ deviceOperations: { edges: unknown[] } }>(t.current, OPERATIONS, { filter: { kind: 'CLIENT_KICK' } }, admin)).deviceOperations;
    expect(list.edges).toEqual([]);
    expect(await t.current.app.get(DataSource).manager.count(ClientBlockRecord)).toBe(0);
    expect(aclOf(withClient).every((v) => v.list.length === 0 && v.type === undefined)).toBe(true);
  });

  it('a support user kicks a client from the location: it leaves, stays out for the block, then comes back', async () => {
    const created = expectData(await kick(support, { targets: { locationIds: [locationId] }, mac: mac.toUpperCase().replace(/:/g, '-'), blockForSeconds: 5 })).createClientKickOperation;
    expect(created).toMatchObject({ kind: 'CLIENT_KICK', targetCount: 2, clientMac: mac, blockForSeconds: 5 });
    const done = await untilOperation(t.current, support, created.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [serials[0]]: 'SUCCEEDED', [serials[1]]: 'SUCCEEDED' });
    const detail = Object.fromEntries(done.targets.edges.map((e) => [e.node.serial, e.node.detail]));
    expect(detail[serials[0]]).toContain('Wifi_Associated_Clients row was deleted');
    expect(detail[serials[1]]).toMatch(/^NOT_CONNECTED:/);
    // The client is out, and the blacklist is on every controller-owned VIF of both nodes, applied.
    expect(associated(withClient)).toEqual([]);
    for (const sim of [withClient, withoutClient]) {
      await until('the blacklist applied', () => aclOf(sim, 'Wifi_VIF_State').length > 0 && aclOf(sim, 'Wifi_VIF_State').every((v) => v.type === 'blacklist' && v.list.includes(mac)));
    }
    // The block ends by itself: the entry goes and the client associates again.
    await until('the blacklist lifted', () => aclOf(withClient).every((v) => v.list.length === 0 && v.type === undefined));
    await until('the client back', () => associated(withClient).includes(mac));
    await until('the other node lifted too', () => aclOf(withoutClient).every((v) => v.list.length === 0));
    const audit = expectData(await gql<{ auditEvents: { edges: { node: { action: string; actorEmail: string; after: Record<string, unknown> } }[] } }>(t.current, AUDIT, { objectId: created.id }, admin)).auditEvents.edges.map((e) => e.node);
    expect(audit.find((e) => e.action === 'deviceOperation.create')?.after).toMatchObject({ kind: 'CLIENT_KICK', mac, blockForSeconds: 5 });
    expect(audit.filter((e) => e.action === 'deviceOperation.nodeState' && e.after.state === 'SUCCEEDED')).toHaveLength(2);
  });

  it('a block read back at start is sent again and lifted at its end', async () => {
    const dataSource = t.current.app.get(DataSource);
    const [op] = expectData(await gql<{ deviceOperations: { edges: { node: { id: string } }[] } }>(t.current, OPERATIONS, { filter: { kind: 'CLIENT_KICK' } }, admin)).deviceOperations.edges;
    const { targets } = await readOperation(t.current, admin, op.node.id);
    const targetId = (await dataSource.query(`SELECT id FROM device_operation_targets WHERE node_id = '${ids[serials[0]]}' AND operation_id = '${op.node.id}'`))[0].id as string;
    expect(targets.edges).toHaveLength(2);
    // As a controller that stopped during a block finds it: one row still in force, one past its end.
    const now = Date.now();
    await dataSource.manager.save(ClientBlockRecord, { targetId, nodeId: ids[serials[0]], mac, blockedUntil: new Date(now + 4000), createdAt: new Date(now) });
    const otherTarget = (await dataSource.query(`SELECT id FROM device_operation_targets WHERE node_id = '${ids[serials[1]]}'`))[0].id as string;
    await dataSource.manager.save(ClientBlockRecord, { targetId: otherTarget, nodeId: ids[serials[1]], mac, blockedUntil: new Date(now - 1000), createdAt: new Date(now - 6000) });
    await t.current.app.get(ClientBlocksService).onModuleInit();
    expect(await dataSource.manager.countBy(ClientBlockRecord, { targetId: otherTarget })).toBe(0);
    // The device's next pass (its connect, after a real restart) carries the block.
    t.current.app.get(ReconcilerService).kick(ids[serials[0]]);
    await until('the client blocked again', () => !associated(withClient).includes(mac) && aclOf(withClient).every((v) => v.list.includes(mac)));
    expect(aclOf(withoutClient).every((v) => v.list.length === 0)).toBe(true);
    await until('the block lifted at its end', () => aclOf(withClient).every((v) => v.list.length === 0));
    await until('the client back', () => associated(withClient).includes(mac));
  });

  it('a node whose firmware does not enforce the list fails CLIENT_STILL_CONNECTED', async () => {
    const serial = `KK${tag}03`;
    const lax = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 50, clientsPerDevice: 1, enforceAcl: false } });
    try {
      const otherLocation = (await createCustomer(t.current, admin)).locations[0].id;
      const nodeId = await claimWhenConnected(t.current, await platformAdmin(t.current), admin, otherLocation, serial);
      const [laxMac] = await until('its client associated', () => associated(lax).length === 1 && associated(lax));
      const created = expectData(await kick(admin, { targets: { nodeIds: [nodeId] }, mac: laxMac, blockForSeconds: 30 })).createClientKickOperation;
      const done = await untilOperation(t.current, admin, created.id, 'COMPLETED');
      expect(targetStates(done)).toEqual({ [serial]: 'FAILED CLIENT_STILL_CONNECTED' });
      // The device applied the list (it reads back in Wifi_VIF_State) and kept the client anyway.
      await until('the list applied', () => aclOf(lax, 'Wifi_VIF_State').length > 0 && aclOf(lax, 'Wifi_VIF_State').every((v) => v.type === 'blacklist' && v.list.includes(laxMac)));
      expect(associated(lax)).toEqual([laxMac]);
    } finally {
      await lax.stop();
    }
  });

  it('a node offline at its turn fails NODE_OFFLINE', async () => {
    await withoutClient.stop();
    await until('the node offline', async () => !expectData(await gql<{ node: { connected: boolean } }>(t.current, NODE_CONNECTED, { id: ids[serials[1]] }, admin)).node.connected);
    const created = expectData(await kick(admin, { targets: { nodeIds: [ids[serials[1]]] }, mac })).createClientKickOperation;
    expect(created.blockForSeconds).toBe(60);
    const done = await untilOperation(t.current, admin, created.id, 'COMPLETED');
    expect(targetStates(done)).toEqual({ [serials[1]]: 'FAILED NODE_OFFLINE' });
    expect(await t.current.app.get(DataSource).manager.countBy(ClientBlockRecord, { nodeId: ids[serials[1]] })).toBe(0);
  });
});
