// Equipment-based localisation against a real ovsdb-server with the full OpenSync schema:
// a DHCP_leased_IP row inserted with ovsdb-client (as NM2 writes it from dnsmasq or DHCP
// sniffing, option 60 in vendor_class) for a client that never associates over WiFi (a
// wired set-top box) notifies the provider whose vendor id matches it left to right.

import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { verifySignature } from '../../src/ebl/delivery/signature';
import { CLAIM_NODE, createCustomer } from '../e2e/provisioning/provisioning-ops';
import { createGroupWithAdmin, gql, startTestApp, TestApp } from '../e2e/support';
import { EBL_TEST_ENV, NotificationReceiver, rest, setUpProvider, TestProvider } from '../e2e/ebl/ebl-support';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows } from './support/device-rows';
import { until } from './support/until';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-EBL-1';

describeWithOvsdb('EBL: a DHCP lease on a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let wifiManager: RealServerDevice | undefined;
  let provider: TestProvider;
  let serviceId: string;
  const receiver = new NotificationReceiver();
  const scheduler = new DelayScheduler();

  beforeAll(async () => {
    Object.assign(process.env, EBL_TEST_ENV);
    app = await startTestApp('sqlite');
    await receiver.start();
    const port = app.app.get(SouthboundService).addresses[0].port;
    const group = await createGroupWithAdmin(app);
    const location = (await createCustomer(app, group.adminToken)).locations[0] as unknown as { id: string; serviceId: string };
    serviceId = location.serviceId;
    provider = await setUpProvider(app, group.adminToken, group.groupId, receiver);
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    wifiManager = await attachToOvsdbServer({ socketPath: device.socketPath, profile: defaultProfile(SERIAL), behaviour: { applyDelayMs: 50 }, scheduler, bootstrap: true });
    await until('the device connected', async () => (await selectRows(device, 'AWLAN_Node')).length > 0);
    await until('the claim', async () => (await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId: location.id, serial: SERIAL }, group.adminToken)).data?.claimNode.id);
  });

  afterAll(async () => {
    wifiManager?.stop();
    scheduler.close();
    await device?.stop();
    await receiver.stop();
    await app?.close();
    for (const key of Object.keys(EBL_TEST_ENV)) delete process.env[key];
  });

  it('a lease whose vendor class starts with a registered vendor id notifies the provider, signed', async () => {
    expect((await rest(app, 'POST', '/ebl/vendorids', provider.token, { vendorids: [{ vendorid: 'sp_stb', match_type: 'partial_match', serviceType: 'IPTV' }] })).status).toBe(201);
    // A lease of another make first: no notification for it.
    await device.transact(DB, { op: 'insert', table: 'DHCP_leased_IP', row: { hwaddr: '02:00:00:00:02:01', inet_addr: '192.168.1.40', hostname: 'laptop', fingerprint: '1,3,6', vendor_class: 'other_make', lease_time: 1900000000 } });
    await device.transact(DB, { op: 'insert', table: 'DHCP_leased_IP', row: { hwaddr: '02:00:00:00:02:02', inet_addr: '192.168.1.41', hostname: 'stb', fingerprint: '1,3,6,15', vendor_class: 'sp_stb_4k v3.2', lease_time: 1900000000 } });
    const [got] = await until('the notification', () => receiver.delivered.length > 0 && receiver.delivered);
    expect(JSON.parse(got.body)).toEqual({ mac: '02:00:00:00:02:02', accessID: serviceId, vendorID: 'sp_stb_4k v3.2', timestamp: expect.any(String) });
    expect(verifySignature(provider.secret, got.body, got.headers['x-ebl-signature'] as string)).toBe(true);
    expect(receiver.received).toHaveLength(1);
  });
});
