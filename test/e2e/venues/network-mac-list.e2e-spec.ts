// A network's MAC access list (the calling-station whitelist) end to end with a simulated
// device: a deny list becomes a blacklist on every VIF of the network, an allow list a
// whitelist, clearing it empties both columns; MACs are stored canonical and once; bad
// MACs and empty lists are refused naming the entry, with nothing written; support staff
// read the list and cannot change it.

import { DataSource } from 'typeorm';
import { SimulatedDevice } from '@lib/device-sim';
import { CLAIM_NODE, createCustomer } from '../provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { SimHandle, startSimDevice, until, vifConfigs } from '../reconciliation/sim-device';

const SET = `mutation ($networkId: ID!, $input: SetNetworkMacListInput!) { setNetworkMacList(networkId: $networkId, input: $input) { networkId mode macs } }`;
const CLEAR = `mutation ($networkId: ID!) { clearNetworkMacList(networkId: $networkId) }`;
const READ = `query ($id: ID!) { wifiNetwork(id: $id) { macList { mode macs } } }`;

const acl = (device: SimulatedDevice, ifName: string) => {
  const row = vifConfigs(device).find((r) => r.if_name === ifName);
  return row === undefined ? undefined : { type: row.mac_list_type ?? null, macs: Array.isArray(row.mac_list) ? row.mac_list : [] };
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describeEachDatabase('MAC access list of a network', (db) => {
  const t = useTestApp(db);
  let admin: string;
  let groupId: string;
  let networkId: string;
  let sim: SimHandle;
  let device: SimulatedDevice;

  beforeAll(async () => {
    ({ adminToken: admin, groupId } = await createGroupWithAdmin(t.current));
    const customer = await createCustomer(t.current, admin);
    networkId = customer.locations[0].wifiNetworks[0].id;
    const serial = `MACL${db.toUpperCase()}`;
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 20 } });
    device = sim.device;
    expectData(await gql(t.current, CLAIM_NODE, { locationId: customer.locations[0].id, serial }, admin));
    await until('the PRIMARY VIF', () => acl(device, 'ctl1-ap-24') !== undefined);
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('a deny list is a blacklist on every VIF of the network, stored canonical and once', async () => {
    const list = expectData(await gql<{ setNetworkMacList: unknown }>(t.current, SET, { networkId, input: { mode: 'DENY', macs: ['AA-BB-CC-00-00-02', 'aa:bb:cc:00:00:01', 'aa:bb:cc:00:00:02'] } }, admin)).setNetworkMacList;
    expect(list).toEqual({ networkId, mode: 'DENY', macs: ['aa:bb:cc:00:00:01', 'aa:bb:cc:00:00:02'] });
    const want = { type: 'blacklist', macs: ['aa:bb:cc:00:00:01', 'aa:bb:cc:00:00:02'] };
    await until('the blacklist on both bands', () => same(acl(device, 'ctl1-ap-24'), want) && same(acl(device, 'ctl1-ap-50'), want));
  });

  it('an allow list is a whitelist; support staff read it and cannot change it', async () => {
    expectData(await gql(t.current, SET, { networkId, input: { mode: 'ALLOW', macs: ['aa:bb:cc:00:00:09'] } }, admin));
    await until('the whitelist', () => same(acl(device, 'ctl1-ap-24'), { type: 'whitelist', macs: ['aa:bb:cc:00:00:09'] }));
    const support = await createSupportUser(t.current, groupId);
    expect(expectData(await gql<{ wifiNetwork: { macList: unknown } }>(t.current, READ, { id: networkId }, support.token)).wifiNetwork.macList).toEqual({ mode: 'ALLOW', macs: ['aa:bb:cc:00:00:09'] });
    expectErrorCode(await gql(t.current, SET, { networkId, input: { mode: 'DENY', macs: ['aa:bb:cc:00:00:01'] } }, support.token), 'FORBIDDEN');
    expectErrorCode(await gql(t.current, CLEAR, { networkId }, support.token), 'FORBIDDEN');
  });

  it('refuses bad MACs and an empty list naming the entry, and writes nothing', async () => {
    const dataSource = t.current.app.get(DataSource);
    const audits = () => dataSource.createQueryBuilder().from('audit_events', 'a').getCount();
    const before = await audits();
    const bad = expectErrorCode(await gql(t.current, SET, { networkId, input: { mode: 'ALLOW', macs: ['aa:bb:cc:00:00:01', 'not-a-mac'] } }, admin), 'VALIDATION_FAILED');
    expect((bad.extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['macs[1]']);
    expectErrorCode(await gql(t.current, SET, { networkId, input: { mode: 'ALLOW', macs: [] } }, admin), 'VALIDATION_FAILED');
    expectErrorCode(await gql(t.current, SET, { networkId: 'nope', input: { mode: 'DENY', macs: ['aa:bb:cc:00:00:01'] } }, admin), 'VALIDATION_FAILED');
    expect(await audits()).toBe(before);
    expect(expectData(await gql<{ wifiNetwork: { macList: unknown } }>(t.current, READ, { id: networkId }, admin)).wifiNetwork.macList).toEqual({ mode: 'ALLOW', macs: ['aa:bb:cc:00:00:09'] });
  });

  it('clearing the list empties both columns', async () => {
    expect(expectData(await gql<{ clearNetworkMacList: boolean }>(t.current, CLEAR, { networkId }, admin)).clearNetworkMacList).toBe(true);
    await until('no ACL left', () => same(acl(device, 'ctl1-ap-24'), { type: null, macs: [] }));
    expect(expectData(await gql<{ clearNetworkMacList: boolean }>(t.current, CLEAR, { networkId }, admin)).clearNetworkMacList).toBe(false);
    expect(expectData(await gql<{ wifiNetwork: { macList: unknown } }>(t.current, READ, { id: networkId }, admin)).wifiNetwork.macList).toBeNull();
  });
});
