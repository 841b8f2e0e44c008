// The venue pages of the support console in a real browser against the real controller
// (SQLite) and a simulated device at the venue's lobby. A group admin adds a unit to a venue
// (finding the location through its customer), issues a key to the unit's subscriber (the
// passphrase shown once), sees where it works and that the lobby's node carries it, sees a
// client that joined with it, suspends, resumes and rotates it, is told by code when a key would
// repeat a passphrase, issues and revokes a whole-pool key with an imported passphrase and an
// end date, creates a scratch-card batch, downloads its CSV, extends and
// invalidates it, and sets a deny list on the pool's network. Support staff see the same
// pages on a phone without any action and without a passphrase.
// Screenshots go to docs/console/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { associateClient } from '../e2e/clients/sim-clients';
import { CLAIM_NODE, CREATE_NETWORK, createCustomer, type CustomerView } from '../e2e/provisioning/provisioning-ops';
import { SimHandle, startSimDevice, until, vifConfigs } from '../e2e/reconciliation/sim-device';
import { createGroupWithAdmin, createSupportUser, expectData, gql, GroupWithAdmin, login, startTestApp, TestApp, USER_PASSWORD } from '../e2e/support';
import { browserUnavailable, buildConsole, launchChromium, SCREENSHOTS } from './console-browser';
import { logIn, newConsolePage, PHONE } from './console-page';

const SERIAL = 'VENUELOBBY01';
const POOL_VIF = 'ctl2-ap-24';
const CLIENT_MAC = 'aa:bb:cc:00:4b:01';
const CREATE_VENUE = `mutation ($input: CreateVenueInput!) { createVenue(input: $input) { id } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const ASSIGN_MANAGER = `mutation ($u: ID!, $v: ID!) { assignVenueManager(userId: $u, venueId: $v) { id } }`;
const CREATE_UNIT = `mutation ($input: CreateVenueUnitInput!) { createVenueUnit(input: $input) { id } }`;
const CREATE_POOL = `mutation ($input: CreateKeyPoolInput!) { createKeyPool(input: $input) { id } }`;
const MAC_LIST = `query ($id: ID!) { wifiNetwork(id: $id) { macList { mode macs } } }`;
/** Elements sticking out of the viewport on the right (outside scrolling table boxes), as tag.class "text". */
const OVERFLOWING = `[...document.querySelectorAll('body *')]
  .filter((e) => e.closest('.table-wrap') === null && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map((e) => e.tagName.toLowerCase() + '.' + e.className + ' "' + (e.textContent ?? '').slice(0, 40) + '"')`;
// The venue pages' screenshots are taken at 1280×900 (the console spec's at 1280×860).
const VIEWPORT = { width: 1280, height: 900 };
const unavailable = browserUnavailable();
if (unavailable !== undefined) console.warn(`browser tests skipped: ${unavailable}`);

(unavailable === undefined ? describe : describe.skip)('venue pages of the support console in a browser', () => {
  let app: TestApp;
  let base: string;
  let browser: Browser;
  let group: GroupWithAdmin;
  let supportEmail: string;
  let managerEmail: string;
  let property: CustomerView;
  let sim: SimHandle;
  let venueId: string;
  let poolId: string;
  let lobbyNetworkId: string;
  let passphrase = '';

  beforeAll(async () => {
    buildConsole();
    app = await startTestApp('sqlite');
    base = app.url.replace(/\/graphql$/, '');
    group = await createGroupWithAdmin(app);
    supportEmail = (await createSupportUser(app, group.groupId)).email;
    await createCustomer(app, group.adminToken, { name: 'Ada Resident' });
    property = await createCustomer(app, group.adminToken, { name: 'Harbour Property Ltd' });
    const admin = group.adminToken;
    venueId = expectData(await gql<{ createVenue: { id: string } }>(app, CREATE_VENUE, { input: { name: 'Harbour House', address: '1 Quay St', timeZone: 'Europe/Paris' } }, admin)).createVenue.id;
    const lobby = property.locations[0].id;
    expectData(await gql(app, CREATE_UNIT, { input: { venueId, locationId: lobby, name: 'Lobby', kind: 'COMMON_AREA' } }, admin));
    const network = { kind: 'IOT', isolated: false, ssid: 'Harbour Residents', securityMode: 'WPA2_PSK', passphrase: 'network passphrase', bands: ['BAND_2_4G'] };
    lobbyNetworkId = expectData(await gql<{ createWifiNetwork: { id: string } }>(app, CREATE_NETWORK, { locationId: lobby, input: network }, admin)).createWifiNetwork.id;
    poolId = expectData(await gql<{ createKeyPool: { id: string } }>(app, CREATE_POOL, { input: { venueId, name: 'Residents', networkIds: [lobbyNetworkId] } }, admin)).createKeyPool.id;
    managerEmail = `manager-${Date.now()}@tenant.test`;
    expectData(await gql(app, CREATE_USER, { input: { email: managerEmail, password: USER_PASSWORD, role: 'VENUE_MANAGER', groupIds: [group.groupId] } }, admin));
    const managerId = (await login(app, managerEmail, USER_PASSWORD)).userId;
    expectData(await gql(app, ASSIGN_MANAGER, { u: managerId, v: venueId }, admin));
    sim = await startSimDevice(app, SERIAL, { behaviour: { applyDelayMs: 1000 } });
    expectData(await gql(app, CLAIM_NODE, { locationId: lobby, serial: SERIAL }, admin));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
    await app?.close();
  });

  it('an admin adds a unit to the venue, issues its subscriber a key (shown once) and sees where it works and who used it', async () => {
    const { context, page, problems } = await newConsolePage(browser, VIEWPORT);
    await logIn(page, base, group.adminEmail);
    await page.getByRole('link', { name: 'Venues' }).click();
    await page.getByRole('table', { name: 'Venues' }).getByRole('link', { name: 'Harbour House' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harbour House' }).waitFor();
    const pools = page.getByRole('table', { name: 'Key pools' });
    await pools.locator('tr[data-pool="Residents"]').filter({ hasText: 'Harbour Residents' }).filter({ hasText: '0 units, 1 common area' }).waitFor();

    // A unit from the resident's location, found through the customer.
    await page.getByRole('button', { name: 'Add a unit' }).click();
    const form = page.getByRole('form', { name: 'Add a unit' });
    await form.getByLabel('Customer of the location').fill('Ada Res');
    await form.getByRole('button', { name: 'Ada Resident' }).click();
    const locationSelect = form.getByLabel('Location');
    await locationSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    await locationSelect.selectOption({ index: 1 });
    await form.getByLabel('Unit name').fill('Apt 4B');
    await form.getByRole('button', { name: 'Add unit' }).click();
    await form.getByRole('status').filter({ hasText: 'Apt 4B added.' }).waitFor();
    const unitRow = page.getByRole('table', { name: 'Units and common areas' }).locator('tr[data-unit="Apt 4B"]');
    await unitRow.filter({ hasText: 'Ada Resident' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'venue.png'), fullPage: true });

    // The pool: deployed at the lobby, on the lobby's node.
    await pools.getByRole('link', { name: 'Residents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Key pool Residents' }).waitFor();
    const deployed = page.getByRole('table', { name: 'Where the pool is deployed' });
    await deployed.locator(`tr[data-network-id="${lobbyNetworkId}"]`).filter({ hasText: 'Harbour Residents' }).filter({ hasText: 'WPA2 personal' }).waitFor();
    await deployed.locator(`li[data-serial="${SERIAL}"]`).waitFor();

    const issue = page.getByRole('form', { name: 'Issue a key' });
    await issue.getByLabel('Unit').selectOption({ label: 'Apt 4B' });
    await issue.getByText('For Ada Resident, the subscriber of Apt 4B.').waitFor();
    await issue.getByLabel('Passphrase start (optional)').fill('harbour-');
    await issue.getByRole('button', { name: 'Issue key' }).click();
    const once = page.getByRole('status', { name: /^Passphrase of key-/ });
    await once.waitFor();
    passphrase = (await once.locator('code.secret').textContent()) ?? '';
    expect(passphrase).toMatch(/^harbour-.{10}$/);
    const keyRow = page.locator('tr[data-key="key-1"]');
    await page.locator('tr[data-key="key-1"][data-state="ACTIVE"]').filter({ hasText: 'Apt 4B' }).filter({ hasText: 'Ada Resident' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'key-pool.png'), fullPage: true });
    await once.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(passphrase);

    // The lobby's node carries it: the key works at the unit's common areas.
    await until('the lobby VIF carries key-1', () => (vifConfigs(sim.device).find((r) => r.if_name === POOL_VIF)?.wpa_psks as Map<string, string> | undefined)?.get('key-1') === passphrase);
    const where = page.getByRole('region', { name: 'Where key-1 works' });
    const applied = where.locator('li[data-status="APPLIED"]').filter({ hasText: `Lobby (common area): applied on ${SERIAL}` });
    // "Where" reads the state when opened: opened again until the node has reported the key.
    await until('the key reads applied at the lobby', async () => {
      if ((await where.count()) > 0) await keyRow.getByRole('button', { name: 'Where' }).click();
      await keyRow.getByRole('button', { name: 'Where' }).click();
      await where.waitFor();
      await page.waitForTimeout(300);
      return (await applied.count()) > 0;
    });

    // A client joins the lobby with the key: the key's sessions name it and the node.
    await associateClient(sim.device, { ifName: POOL_VIF, mac: CLIENT_MAC, keyId: 'key-1' });
    await keyRow.getByRole('button', { name: 'Sessions' }).click();
    const sessions = page.getByRole('table', { name: 'Sessions of key-1' });
    await until('the session is recorded', async () => {
      await keyRow.getByRole('button', { name: 'Where' }).click();
      await keyRow.getByRole('button', { name: 'Sessions' }).click();
      await sessions.waitFor();
      return (await sessions.locator(`tr[data-mac="${CLIENT_MAC}"]`).count()) > 0;
    });
    await sessions.locator(`tr[data-mac="${CLIENT_MAC}"]`).filter({ hasText: SERIAL }).filter({ hasText: POOL_VIF }).waitFor();

    // Suspend (said first), then resume.
    await keyRow.getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Suspend key-1?' });
    await dialog.getByText('its clients are disconnected').waitFor();
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await page.locator('tr[data-key="key-1"][data-state="SUSPENDED"]').waitFor();
    await page.locator('tr[data-key="key-1"]').getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('dialog', { name: 'Resume key-1?' }).getByRole('button', { name: 'Resume' }).click();
    await page.locator('tr[data-key="key-1"][data-state="ACTIVE"]').waitFor();

    // A rotation with a chosen start: the new passphrase shown once, and on the lobby's node.
    await page.locator('tr[data-key="key-1"]').getByRole('button', { name: 'Rotate' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate key-1?' });
    await rotate.getByLabel('Start (optional)').fill('rotated-');
    await rotate.getByRole('button', { name: 'Rotate' }).click();
    const rotated = page.getByRole('status', { name: 'New passphrase of key-1' });
    const old = passphrase;
    passphrase = (await rotated.locator('code.secret').textContent()) ?? '';
    expect(passphrase).toMatch(/^rotated-.{10}$/);
    await until('the lobby VIF carries the new passphrase', () => (vifConfigs(sim.device).find((r) => r.if_name === POOL_VIF)?.wpa_psks as Map<string, string> | undefined)?.get('key-1') === passphrase);
    await rotated.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(passphrase);
    expect(await page.content()).not.toContain(old);

    // A second key with the first one's passphrase: the API refuses it, and the page says so with the code.
    await issue.getByLabel('Unit').selectOption({ label: 'Apt 4B' });
    await issue.getByLabel('Imported (typed here)').check();
    await issue.getByLabel('Passphrase (8 to 63 characters)').fill(passphrase);
    await issue.getByRole('button', { name: 'Issue key' }).click();
    await issue.locator('.error-note[data-code="CONFLICT"]').filter({ hasText: 'CONFLICT' }).waitFor();
    expect(await page.locator('tr[data-key="key-2"]').count()).toBe(0);
    // The form checks what it can before sending.
    await issue.getByLabel('Passphrase (8 to 63 characters)').fill('short');
    await issue.getByRole('button', { name: 'Issue key' }).click();
    await issue.getByRole('alert', { name: 'Fix these fields' }).filter({ hasText: 'must have 8 to 63 characters' }).waitFor();

    // A staff key for every location of the pool, imported, ending on a date of the venue's clock; then revoked.
    await issue.getByLabel('Unit').selectOption({ label: 'No unit: every location of the pool' });
    await issue.getByLabel('Subscriber').fill('Harbour Prop');
    await issue.getByRole('button', { name: 'Harbour Property Ltd' }).click();
    await issue.getByLabel('Passphrase (8 to 63 characters)').fill('front desk staff 2030');
    await issue.getByLabel('Valid until (Europe/Paris)').fill('2030-01-02T10:00');
    await issue.getByRole('button', { name: 'Issue key' }).click();
    await issue.getByRole('status').filter({ hasText: 'key-2 issued with the imported passphrase.' }).waitFor();
    const staffKey = page.locator('tr[data-key="key-2"]');
    await staffKey.filter({ hasText: 'every location' }).filter({ hasText: 'Harbour Property Ltd' }).filter({ hasText: '2030' }).waitFor();
    expect(await page.content()).not.toContain('front desk staff 2030');
    await staffKey.getByRole('button', { name: 'Revoke' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke key-2?' });
    await revoke.getByText('This cannot be undone.').waitFor();
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('tr[data-key="key-2"][data-state="REVOKED"]').waitFor();
    expect(await page.locator('tr[data-key="key-2"]').getByRole('button', { name: 'Rotate' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 150_000);

  it('an admin creates scratch cards, downloads their CSV, extends and invalidates them, and sets a deny list on the pool network', async () => {
    const { context, page, problems } = await newConsolePage(browser, VIEWPORT);
    await logIn(page, base, group.adminEmail);
    await page.goto(`${base}/#/key-pools/${poolId}`);
    await page.getByRole('heading', { level: 1, name: 'Key pool Residents' }).waitFor();
    await page.getByRole('button', { name: 'New batch' }).click();
    const form = page.getByRole('form', { name: 'New scratch card batch' });
    await form.getByLabel("Issued to (the property's account)").fill('Harbour Prop');
    await form.getByRole('button', { name: 'Harbour Property Ltd' }).click();
    await form.getByLabel('Name').fill('Lobby guests');
    await form.getByLabel('Cards (1 to 64)').fill('3');
    await form.getByLabel('Each works for').fill('2');
    await form.getByRole('button', { name: 'Create cards' }).click();
    const batch = page.locator('tr[data-batch="Lobby guests"]');
    await batch.filter({ hasText: '3: 3 unused, 0 in use, 0 ended' }).filter({ hasText: '2 h from first use' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), batch.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('scratch-cards-lobby-guests.csv');
    const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(4);
    expect(csv.slice(1).every((line) => line.includes('Lobby guests'))).toBe(true);
    // The page holds no card passphrase after the download.
    const cardPassphrase = /^"Lobby guests","key-\d+","([^"]+)","120"$/.exec(csv[1])?.[1] ?? '';
    expect(cardPassphrase).toMatch(/^.{8,63}$/);
    expect(await page.content()).not.toContain(cardPassphrase);

    await batch.getByRole('button', { name: 'Extend' }).click();
    const extend = page.getByRole('dialog', { name: 'Extend Lobby guests?' });
    await extend.getByLabel('New period').fill('4');
    await extend.getByRole('button', { name: 'Extend' }).click();
    await batch.filter({ hasText: '4 h from first use' }).waitFor();
    await batch.getByRole('button', { name: 'Invalidate' }).click();
    const invalidate = page.getByRole('dialog', { name: 'Invalidate Lobby guests?' });
    await invalidate.getByText('This cannot be undone.').waitFor();
    await invalidate.getByRole('button', { name: 'Invalidate' }).click();
    await page.locator('tr[data-batch="Lobby guests"][data-invalidated="yes"]').filter({ hasText: '3 ended' }).waitFor();
    expect(await batch.getByRole('button', { name: 'Extend' }).count()).toBe(0);

    // A deny list on the lobby network: a bad entry is named before anything is sent.
    await page.getByRole('button', { name: 'Edit the MAC list of Lobby' }).click();
    const macs = page.getByRole('form', { name: 'MAC list of Harbour Residents at Lobby' });
    await macs.getByLabel('MAC addresses, one per line').fill('AA-BB-CC-00-00-99\nnot-a-mac');
    await macs.getByRole('button', { name: 'Save list' }).click();
    await macs.getByRole('alert').filter({ hasText: 'Not a MAC address: not-a-mac.' }).waitFor();
    await macs.getByLabel('MAC addresses, one per line').fill('AA-BB-CC-00-00-99');
    await macs.getByRole('button', { name: 'Save list' }).click();
    await page.locator(`tr[data-network-id="${lobbyNetworkId}"]`).filter({ hasText: '1 denied' }).waitFor();
    expect(expectData(await gql<{ wifiNetwork: { macList: unknown } }>(app, MAC_LIST, { id: lobbyNetworkId }, group.adminToken)).wifiNetwork.macList).toEqual({ mode: 'DENY', macs: ['aa:bb:cc:00:00:99'] });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('support sees the venue and the pool on a phone, with sessions but without actions or passphrases', async () => {
    const { context, page, problems } = await newConsolePage(browser, PHONE);
    await logIn(page, base, supportEmail);
    await page.goto(`${base}/#/venues/${venueId}`);
    await page.getByRole('heading', { level: 1, name: 'Harbour House' }).waitFor();
    await page.locator('tr[data-unit="Apt 4B"]').filter({ hasText: 'Ada Resident' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add a unit' }).count()).toBe(0);

    await page.goto(`${base}/#/key-pools/${poolId}`);
    const keyRow = page.locator('tr[data-key="key-1"][data-state="ACTIVE"]');
    await keyRow.filter({ hasText: 'Apt 4B' }).waitFor();
    await page.getByText('Passphrases are not shown to support staff.').waitFor();
    await page.locator('tr[data-batch="Lobby guests"]').waitFor();
    expect(await page.getByRole('form', { name: 'Issue a key' }).count()).toBe(0);
    for (const action of ['Rotate', 'Suspend', 'Revoke', 'Resume', 'New batch', 'Download CSV', 'Extend', 'Invalidate']) {
      expect(await page.getByRole('button', { name: action, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Edit the MAC list of Lobby' }).count()).toBe(0);
    await keyRow.getByRole('button', { name: 'Sessions' }).click();
    await page.getByRole('table', { name: 'Sessions of key-1' }).locator(`tr[data-mac="${CLIENT_MAC}"]`).waitFor();
    expect(await page.content()).not.toContain(passphrase);
    // Nothing wider than the phone except inside a scrolling table box.
    expect(await page.evaluate<string[]>(OVERFLOWING)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'key-pool-support.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('a venue manager lands on their venues, sees no group pages, and suspends and resumes a key of their pool', async () => {
    const { context, page, problems } = await newConsolePage(browser, VIEWPORT);
    await logIn(page, base, managerEmail);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Venues' }).waitFor();
    for (const groupPage of ['Search', 'Operations', 'Audit log', 'Users']) expect(await nav.getByRole('link', { name: groupPage, exact: true }).count()).toBe(0);
    await page.getByRole('table', { name: 'Venues' }).getByRole('link', { name: 'Harbour House' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harbour House' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add a unit' }).count()).toBe(0);
    await page.goto(`${base}/#/key-pools/${poolId}`);
    const keyRow = page.locator('tr[data-key="key-1"]');
    await keyRow.filter({ hasText: 'Apt 4B' }).waitFor();
    await page.getByText('A passphrase is shown once, when the key is issued or rotated.').waitFor();
    expect(await page.getByRole('button', { name: 'Edit the MAC list of Lobby' }).count()).toBe(0);
    await page.getByRole('list', { name: 'Where the pool is deployed' }).getByText('Lobby').waitFor();
    expect(await page.getByText('FORBIDDEN').count()).toBe(0);
    await keyRow.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.getByRole('dialog', { name: 'Suspend key-1?' }).getByRole('button', { name: 'Suspend' }).click();
    await page.locator('tr[data-key="key-1"][data-state="SUSPENDED"]').waitFor();
    await page.locator('tr[data-key="key-1"]').getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByRole('dialog', { name: 'Resume key-1?' }).getByRole('button', { name: 'Resume' }).click();
    await page.locator('tr[data-key="key-1"][data-state="ACTIVE"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
