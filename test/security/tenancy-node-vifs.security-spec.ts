// Findings 7 and 8: node.vifs must not show one group's secrets to another while a device
// that moved between groups still carries the old configuration, and group support sees an
// allow-list of columns only. Attacked as found: group A's node is unclaimed and claimed
// by group B, and B polls node.vifs while the device has not yet applied B's networks.

import { SUPPORT_COLUMNS } from '../../src/reconciler/status/vif-row-visibility';
import { CLAIM_NODE, createCustomer, UNCLAIM_NODE, UPDATE_NETWORK } from '../e2e/provisioning/provisioning-ops';
import { SimHandle, startSimDevice, until } from '../e2e/reconciliation/sim-device';
import { createGroupWithAdmin, createSupportUser, expectData, gql, useTestApp } from '../e2e/support';

const VIFS = `query ($id: ID!) { node(id: $id) { vifs { ifName inSync desired config state mismatches { column config state desired } } } }`;
const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { status { overall } } }`;

interface Vif {
  ifName: string;
  inSync: boolean;
  desired: Record<string, unknown> | null;
  config: Record<string, unknown> | null;
  state: Record<string, unknown> | null;
}

describe('node.vifs across groups (findings 7, 8)', () => {
  const t = useTestApp('sqlite');
  let sim: SimHandle | undefined;

  afterAll(async () => {
    await sim?.stop();
  });

  it("never shows group B group A's SSID or passphrase while the device still carries them", async () => {
    const a = await createGroupWithAdmin(t.current);
    const b = await createGroupWithAdmin(t.current);
    const customerA = await createCustomer(t.current, a.adminToken);
    const customerB = await createCustomer(t.current, b.adminToken);
    const networkA = customerA.locations[0].wifiNetworks[0].id;
    expectData(await gql(t.current, UPDATE_NETWORK, { id: networkA, input: { ssid: 'Secret Lab A', passphrase: 'group A private passphrase' } }, a.adminToken));

    const serial = 'TENANCY0001';
    sim = await startSimDevice(t.current, serial, { behaviour: { applyDelayMs: 2500 } });
    const nodeId = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: customerA.locations[0].id, serial }, a.adminToken)).claimNode.id;
    await until('group A applied', async () => {
      const res = await gql<{ wifiNetwork: { status: { overall: string } } }>(t.current, STATUS, { id: networkA }, a.adminToken);
      return res.data?.wifiNetwork.status.overall === 'APPLIED';
    });

    expectData(await gql(t.current, UNCLAIM_NODE, { id: nodeId, reason: 'moved to another provider' }, a.adminToken));
    expectData(await gql(t.current, CLAIM_NODE, { locationId: customerB.locations[0].id, serial }, b.adminToken));
    const supportB = await createSupportUser(t.current, b.groupId);

    const seen: Vif[][] = [];
    await until("group B's networks applied", async () => {
      for (const token of [b.adminToken, supportB.token]) {
        seen.push(expectData(await gql<{ node: { vifs: Vif[] } }>(t.current, VIFS, { id: nodeId }, token)).node.vifs);
      }
      return seen[seen.length - 2].length > 0 && seen[seen.length - 2].every((v) => v.inSync);
    });
    expect(seen.some((vifs) => vifs.some((v) => !v.inSync))).toBe(true);
    const everything = JSON.stringify(seen);
    expect(everything).not.toContain('Secret Lab A');
    expect(everything).not.toContain('group A private passphrase');
  });

  it('shows group support only allow-listed columns, and no passphrase anywhere', async () => {
    const group = await createGroupWithAdmin(t.current);
    const support = await createSupportUser(t.current, group.groupId);
    const customer = await createCustomer(t.current, group.adminToken);
    const serial = 'TENANCY0002';
    await sim?.stop();
    sim = await startSimDevice(t.current, serial);
    const nodeId = expectData(await gql<{ claimNode: { id: string } }>(t.current, CLAIM_NODE, { locationId: customer.locations[0].id, serial }, group.adminToken)).claimNode.id;
    const vifs = await until('VIFs in sync', async () => {
      const res = expectData(await gql<{ node: { vifs: Vif[] } }>(t.current, VIFS, { id: nodeId }, support.token)).node.vifs;
      return res.length > 0 && res.every((v) => v.inSync) ? res : undefined;
    });
    for (const vif of vifs) {
      for (const row of [vif.desired, vif.config, vif.state]) {
        expect(Object.keys(row ?? {}).filter((column) => !SUPPORT_COLUMNS.has(column))).toEqual([]);
      }
    }
    expect(JSON.stringify(vifs)).not.toMatch(/wpa_psks|correct horse|<redacted>/);
  });
});
