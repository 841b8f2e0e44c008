// The CPE Management API end to end against a real OpenSync ovsdb-server, as the issue's
// rental-app story goes: a client registered by a group admin gets the customer's consent
// through the browser flow (authorization code with PKCE, openid-client, the consent page
// submitted as a browser would), creates an expiring guest network on the customer's
// default device, and the network is applied on the device and isolated (its own bridge,
// ap_bridge=false, Netfilter drops towards the home LAN); at expiry it is gone from the
// device by itself, with its isolation rows.

import * as oidc from 'openid-client';
import { attachToOvsdbServer, DelayScheduler, defaultProfile, RealServerDevice } from '@lib/device-sim';
import { CPE_SCOPES as S } from '../../src/oauth/oauth-scopes';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { CLAIM_NODE, createCustomer } from '../e2e/provisioning/provisioning-ops';
import { Browser, expectPage, expectRedirect } from '../e2e/oauth/browser';
import { createGroupWithAdmin, expectData, gql, startTestApp, TestApp } from '../e2e/support';
import { oidcConfiguration, originOf, registerApiClient } from '../support/oauth-clients';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { selectRows, WireRow } from './support/device-rows';
import { until } from './support/until';

const DB = 'Open_vSwitch';
const SERIAL = 'SN-CPE-RENTAL-1';
const PASSWORD = 'customer password 1';
const REDIRECT = 'http://127.0.0.1/callback';
const STATUS = `query ($id: ID!) { wifiNetwork(id: $id) { id status { overall } } }`;

describeWithOvsdb('CPE Management API: a rental app guest network on a real OpenSync ovsdb-server', () => {
  let app: TestApp;
  let device: OvsdbServerProcess;
  let managers: RealServerDevice | undefined;
  const scheduler = new DelayScheduler();
  const rows = (table: string): Promise<WireRow[]> => selectRows(device, table);

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    const port = app.app.get(SouthboundService).addresses[0].port;
    device = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${port}`] });
    managers = await attachToOvsdbServer({ socketPath: device.socketPath, profile: defaultProfile(SERIAL), behaviour: { applyDelayMs: 100 }, scheduler, bootstrap: true });
    await device.transact(DB, {
      op: 'insert',
      table: 'Wifi_Inet_Config',
      row: { if_name: 'br-home', if_type: 'bridge', enabled: true, network: true, NAT: false, ip_assign_scheme: 'static', inet_addr: '192.168.40.1', netmask: '255.255.255.0' },
    });
  });

  afterAll(async () => {
    managers?.stop();
    scheduler.close();
    await device?.stop();
    await app?.close();
  });

  it('consents in the browser, creates an expiring guest network on the default device, sees it applied and isolated, and gone after expiry', async () => {
    const { groupId, adminToken } = await createGroupWithAdmin(app);
    const customer = await createCustomer(app, adminToken, { password: PASSWORD });
    const primaryId = customer.locations[0].wifiNetworks[0].id as string;
    expectData(await gql(app, CLAIM_NODE, { locationId: customer.locations[0].id, serial: SERIAL }, adminToken));
    const status = async (id: string): Promise<string> => expectData(await gql<{ wifiNetwork: { status: { overall: string } } }>(app, STATUS, { id }, adminToken)).wifiNetwork.status.overall;
    await until('PRIMARY applied', async () => (await status(primaryId)) === 'APPLIED');

    // The rental app, registered by the group admin, asks the customer in the browser.
    const client = await registerApiClient(app, adminToken, groupId, [S.AUXILIARY_WRITE], { name: 'Rental Manager', confidential: false, redirectUris: [REDIRECT] });
    const config = await oidcConfiguration(app, client);
    const browser = new Browser();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: S.AUXILIARY_WRITE,
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const login = expectPage(await browser.open(url.href));
    const consent = expectPage(await browser.submit(login, '/login', { email: customer.email as string, password: PASSWORD }));
    expect(consent.html).toContain('Rental Manager');
    const tokens = await oidc.authorizationCodeGrant(config, expectRedirect(await browser.submit(consent, '/confirm')), { pkceCodeVerifier: verifier, expectedState: state });

    // A guest network for a short stay, on the default device (no site or device scope).
    const expiration = new Date(Date.now() + 8000).toISOString();
    const response = await fetch(`${originOf(app)}/cpe-management/v0/isolated-networks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Stay 1042', expiration, accessDetail: { accessType: 'Wi-Fi', ssid: 'Beach Guests', securityMode: { password: 'sand and sun 42', securityModeType: 'WPA2-Personal' } } }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; expiration: string };
    expect(created.expiration).toBe(expiration);

    // Applied on the device, and isolated from the home LAN.
    await until('the guest network APPLIED', async () => (await status(created.id)) === 'APPLIED');
    const vifs = (await rows('Wifi_VIF_Config')).filter((r) => r.ssid === 'Beach Guests');
    expect(vifs.length).toBeGreaterThan(0);
    const bridge = String(vifs[0].bridge);
    expect(bridge).toMatch(/^br-ctl\d+$/);
    for (const vif of vifs) expect(vif).toMatchObject({ bridge, ap_bridge: false });
    expect((await rows('Bridge')).map((r) => r.name)).toContain(bridge);
    expect((await rows('Netfilter')).map((r) => `${String(r.rule)} ${String(r.target)}`)).toEqual(
      expect.arrayContaining([`-i ${bridge} -o br-home DROP`, `-i br-home -o ${bridge} DROP`]),
    );

    // At expiry the controller takes it off the device by itself, isolation rows included.
    await until('the guest VIFs to go at expiry', async () => (await rows('Wifi_VIF_Config')).every((r) => r.ssid !== 'Beach Guests'));
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiration));
    await until('the guest bridge to go', async () => (await rows('Bridge')).every((r) => r.name !== bridge));
    expect((await rows('Netfilter')).filter((r) => String(r.rule).includes(bridge))).toEqual([]);
    expect((await rows('Wifi_VIF_Config')).some((r) => r.bridge === 'br-home')).toBe(true);
  });
});
