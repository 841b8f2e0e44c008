// The support console in a real browser against the real controller (SQLite) and a
// simulated device: a group admin logs in, finds a customer by accountId, opens the
// location, creates a guest network and watches it turn APPLIED on the node (pushed by the
// status subscription); the session survives a reload; support sees no edit controls and no
// passphrase; a wrong password says so; an ended session keeps the form; a client found by
// MAC, then disconnected (a client kick that succeeds); a platform admin's groups and users;
// a reboot's progress; an API client registered, approved and deleted; an EBL provider
// configured. The venue pages have their own spec (venues.browser-spec.ts).
// Screenshots of the main pages go to docs/console/.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CLAIM_NODE, createCustomer, type CustomerView } from '../e2e/provisioning/provisioning-ops';
import { SimHandle, startSimDevice, until } from '../e2e/reconciliation/sim-device';
import { associateClient } from '../e2e/clients/sim-clients';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createGroupWithAdmin, createSupportUser, expectData, gql, GroupWithAdmin, login, platformAdmin, startTestApp, TestApp, USER_PASSWORD } from '../e2e/support';
import { browserUnavailable, buildConsole, launchChromium, SCREENSHOTS } from './console-browser';
import { logIn, newConsolePage, PHONE, submitLogIn } from './console-page';

const SERIAL = 'CONSOLE0001';
const REVOKE = `mutation ($id: ID!) { revokeUserSessions(id: $id) { id } }`;
const CLIENTS = `query ($id: ID!) { location(id: $id) { clients(connectedOnly: true) { mac connected } } }`;
const REGISTER_CLIENT = `mutation ($input: RegisterApiClientInput!) { registerApiClient(input: $input) { client { id } } }`;
const APPROVE_CLIENT = `mutation ($id: ID!) { approveApiClientScopes(id: $id) { id } }`;
const unavailable = browserUnavailable();
if (unavailable !== undefined) console.warn(`browser tests skipped: ${unavailable}`);

(unavailable === undefined ? describe : describe.skip)('support console in a browser', () => {
  let app: TestApp;
  let base: string;
  let browser: Browser;
  let group: GroupWithAdmin;
  let supportEmail: string;
  let customer: CustomerView;
  let sim: SimHandle;

  beforeAll(async () => {
    buildConsole();
    app = await startTestApp('sqlite');
    base = app.url.replace(/\/graphql$/, '');
    group = await createGroupWithAdmin(app);
    supportEmail = (await createSupportUser(app, group.groupId)).email;
    customer = await createCustomer(app, group.adminToken);
    // The device applies a change 3 s after it is written: long enough to see it pending first.
    sim = await startSimDevice(app, SERIAL, { behaviour: { applyDelayMs: 3000 } });
    expectData(await gql(app, CLAIM_NODE, { locationId: customer.locations[0].id, serial: SERIAL }, group.adminToken));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
    await app?.close();
  });

  it('serves the console at / under a Content-Security-Policy without inline script', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await fetch(`${base}/no-such-page`)).status).toBe(404);
  });

  it('a wrong password says so, and nothing else happens', async () => {
    const { context, page } = await newConsolePage(browser);
    await submitLogIn(page, base, group.adminEmail, 'not the password');
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'login.png') });
    await context.close();
  });

  it('a group admin finds the customer by accountId, opens the location and watches a new guest network turn APPLIED', async () => {
    const { context, page, problems } = await newConsolePage(browser);
    await logIn(page, base, group.adminEmail);
    const search = page.getByRole('combobox');
    await search.fill(customer.accountId ?? '');
    await page.getByRole('option').filter({ hasText: customer.name }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();
    await page.getByText('Onboarding', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'customer.png') });

    // The session survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();

    await page.getByRole('link', { name: customer.locations[0].name }).click();
    await page.getByRole('heading', { level: 2, name: 'Networks' }).waitFor();
    await page.locator(`tr[data-serial="${SERIAL}"]`).first().waitFor();

    await page.getByRole('button', { name: 'Add a guest or IoT network' }).click();
    await page.getByLabel('SSID', { exact: true }).fill('Guests');
    await page.getByLabel('Passphrase', { exact: true }).fill('welcome guests 1');
    await page.getByRole('button', { name: 'Create network' }).click();
    const card = page.locator('li.network[data-ssid="Guests"]');
    const onNode = card.locator(`table.convergence tr[data-serial="${SERIAL}"]`);
    await onNode.waitFor();
    // The device applies after a delay: the row is seen PENDING first, then APPLIED pushed
    // by wifiNetworkStatusChanged (the page does not poll).
    await card.locator('tr[data-status="PENDING"]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'location-pending.png'), fullPage: true });
    await card.locator(`tr[data-serial="${SERIAL}"][data-status="APPLIED"]`).waitFor({ timeout: 30_000 });
    await card.locator('.overall[data-status="APPLIED"]').waitFor();
    expect(await card.getByRole('button', { name: 'Show' }).count()).toBe(1);
    expect(await card.textContent()).not.toContain('welcome guests 1');
    await page.screenshot({ path: join(SCREENSHOTS, 'location.png'), fullPage: true });
    expect(sim.device.database.rows('Wifi_VIF_Config').some((r) => r.ssid === 'Guests')).toBe(true);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('wifiNetwork.create').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'audit.png') });
    // Filtered by the API as the agent types.
    await page.getByLabel('What').fill('customer.');
    await page.getByText('1 event match.').waitFor();
    expect(await page.getByText('wifiNetwork.create').count()).toBe(0);
    expect(problems).toEqual([]);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await context.close();
  }, 120_000);

  it('support sees the location read-only: no edit controls, passphrases hidden', async () => {
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, supportEmail);
    await page.goto(`${base}/#/locations/${customer.locations[0].id}`);
    await page.locator('li.network[data-ssid="Guests"]').waitFor();
    expect(await page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a guest or IoT network' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show' }).count()).toBe(0);
    expect(await page.locator('.passphrase').first().textContent()).toBe('hidden');
    expect(await page.content()).not.toContain('correct horse battery');
    await page.goto(`${base}/#/customers/${customer.id}`);
    await page.getByRole('heading', { level: 1, name: customer.name }).waitFor();
    expect(await page.getByRole('button', { name: 'Suspend' }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('works on a phone-sized screen', async () => {
    const { context, page } = await newConsolePage(browser, PHONE);
    await logIn(page, base, group.adminEmail);
    await page.goto(`${base}/#/locations/${customer.locations[0].id}`);
    await page.locator('li.network[data-ssid="Guests"]').waitFor();
    // A function in the page's own context (no DOM types on the server side).
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'location-phone.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('an ended session asks for the password again over the page and keeps what was typed', async () => {
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, group.adminEmail);
    await page.goto(`${base}/#/locations/${customer.locations[0].id}`);
    await page.getByRole('button', { name: 'Add a guest or IoT network' }).click();
    await page.getByLabel('Kind').selectOption('IOT');
    await page.getByLabel('SSID', { exact: true }).fill('Sensors');
    await page.getByLabel('Passphrase', { exact: true }).fill('sensors passphrase');
    expectData(await gql(app, REVOKE, { id: group.adminUserId }, await platformAdmin(app)));

    await page.getByRole('button', { name: 'Create network' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'session-ended.png') });
    await dialog.getByLabel('Password').fill(USER_PASSWORD);
    await dialog.getByRole('button', { name: 'Log in', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('SSID', { exact: true }).inputValue()).toBe('Sensors');
    expect(await page.getByLabel('Kind').inputValue()).toBe('IOT');
    await page.getByRole('button', { name: 'Create network' }).click();
    await page.locator('li.network[data-ssid="Sensors"]').waitFor();
    await context.close();
  }, 60_000);

  it('a client found by its MAC opens the location\'s clients and usage', async () => {
    await associateClient(sim.device, { ifName: 'ctl1-ap-24', mac: 'AA:BB:CC:00:00:42', ip: '192.168.40.10', hostname: 'annas-laptop' });
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, group.adminEmail);
    const search = page.getByRole('combobox');
    await search.fill('aa-bb-cc-00-00-42');
    await page.getByRole('option').filter({ hasText: 'annas-laptop' }).waitFor();
    await search.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Clients of ${customer.locations[0].name}` }).waitFor();
    await page.getByRole('row').filter({ hasText: 'aa:bb:cc:00:00:42' }).filter({ hasText: 'connected' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'clients.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('a platform admin creates a group and sees the users', async () => {
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('textbox', { name: 'New group' }).fill('Console test group');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('row').filter({ hasText: 'Console test group' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'groups.png') });
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('row').filter({ hasText: supportEmail }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'users.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('a reboot started from the node\'s page shows its progress', async () => {
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, group.adminEmail);
    await page.goto(`${base}/#/locations/${customer.locations[0].id}`);
    await page.getByRole('link', { name: SERIAL }).click();
    await page.getByRole('heading', { level: 1, name: `Node ${SERIAL}` }).waitFor();
    await page.getByRole('button', { name: 'Reboot' }).click();
    const dialog = page.getByRole('dialog', { name: `Reboot: node ${SERIAL}?` });
    await dialog.getByText('clients lose WiFi').waitFor();
    await dialog.getByRole('button', { name: 'Reboot' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reboot of 1 node' }).waitFor();
    await page.getByRole('row').filter({ hasText: SERIAL }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'operation.png') });
    await page.getByRole('link', { name: 'Operations' }).first().click();
    await page.getByRole('link', { name: 'Reboot, 1 node' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'operations.png') });
    await context.close();
  }, 60_000);

  it('an admin edits a network; the change reaches the device', async () => {
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, group.adminEmail);
    await page.goto(`${base}/#/locations/${customer.locations[0].id}`);
    await page.getByRole('button', { name: 'Edit Guests' }).click();
    const form = page.getByRole('form', { name: 'Edit Guests' });
    await form.getByLabel('SSID', { exact: true }).fill('Visitors');
    await form.getByRole('button', { name: 'Save' }).click();
    const card = page.locator('li.network[data-ssid="Visitors"]');
    await card.locator(`tr[data-serial="${SERIAL}"][data-status="APPLIED"]`).waitFor({ timeout: 30_000 });
    expect(sim.device.database.rows('Wifi_VIF_Config').some((r) => r.ssid === 'Visitors')).toBe(true);
    await context.close();
  }, 60_000);

  it('suspending a customer says what will happen first, and resume brings it back', async () => {
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, group.adminEmail);
    await page.goto(`${base}/#/customers/${customer.id}`);
    await page.getByRole('button', { name: 'Suspend' }).click();
    const dialog = page.getByRole('dialog', { name: `Suspend ${customer.name}?` });
    await dialog.getByText('is turned off on 1 node until the customer is resumed').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-suspend.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('.badge').filter({ hasText: 'suspended' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Suspend' }).click();
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await page.locator('.badge').filter({ hasText: 'suspended' }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('dialog', { name: `Resume ${customer.name}?` }).getByRole('button', { name: 'Resume' }).click();
    await page.locator('.badge').filter({ hasText: 'active' }).waitFor();
    await context.close();
  }, 60_000);
  it('a connected client is disconnected from the clients list: the kick says what happens first, then succeeds', async () => {
    const mac = 'aa:bb:cc:00:00:43';
    const adminToken = (await login(app, group.adminEmail, USER_PASSWORD)).token;
    await until('the PRIMARY VIF on the node', () => sim.device.database.rows('Wifi_VIF_State').some((r) => r.if_name === 'ctl1-ap-24'));
    await associateClient(sim.device, { ifName: 'ctl1-ap-24', mac: mac.toUpperCase(), ip: '192.168.40.11', hostname: 'toms-phone' });
    await until('the controller sees the client', async () => {
      const seen = expectData(await gql<{ location: { clients: { mac: string; connected: boolean }[] } }>(app, CLIENTS, { id: customer.locations[0].id }, adminToken));
      return seen.location.clients.some((c) => c.mac === mac && c.connected);
    });
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, supportEmail);
    await page.goto(`${base}/#/locations/${customer.locations[0].id}/clients`);
    const row = page.getByRole('row').filter({ hasText: mac });
    await row.filter({ hasText: 'connected' }).waitFor();
    await row.getByRole('button', { name: 'Disconnect toms-phone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect toms-phone?' });
    await dialog.getByText('blocked for 1 minute; then it may connect again').waitFor();
    await dialog.getByLabel('Blocked for').selectOption('300');
    await dialog.getByText('blocked for 5 minutes').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'confirm-disconnect.png') });
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('heading', { level: 1, name: 'Client kick of 1 node' }).waitFor();
    await page.getByText('1/1 finished').waitFor({ timeout: 30_000 });
    expect(await page.getByText(/failed/).count()).toBe(0);
    await page.reload();
    await page.getByRole('row').filter({ hasText: SERIAL }).filter({ hasText: 'succeeded' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'operation-kick.png') });
    expect(sim.device.database.rows('Wifi_Associated_Clients').some((r) => String(r.mac).toLowerCase() === mac)).toBe(false);
    await context.close();
  }, 90_000);

  it('a platform admin registers an API client (its secret shown once), approves its sensitive scope and deletes it', async () => {
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'API clients' }).click();
    const form = page.getByRole('form', { name: 'Register an API client' });
    await form.getByLabel('Group').selectOption(group.groupId);
    await form.getByLabel('Name (shown to customers)').fill('Field app');
    await form.getByLabel('Scopes (one per line)').fill('cpe-management-service-sites-location-read');
    await form.getByLabel('Justification (required with sensitive scopes)').fill('Technicians find the site');
    await form.getByRole('button', { name: 'Register client' }).click();
    const once = page.getByRole('status', { name: /^Secret of Field app/ });
    await once.waitFor();
    const secret = (await once.locator('code.secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const row = page.getByRole('row').filter({ hasText: 'Field app' });
    await row.getByText('sensitive scopes await approval').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'api-clients.png'), fullPage: true });
    await once.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(secret);
    await row.getByRole('button', { name: 'Approve scopes' }).click();
    await row.getByText('sensitive scopes await approval').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Delete Field app' }).click();
    await page.getByRole('dialog', { name: 'Delete Field app?' }).getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    await context.close();
  }, 60_000);
  it('a group admin configures an EBL provider for an API client (its secret shown once), reads its deliveries and removes it', async () => {
    const admin = await platformAdmin(app);
    const registered = expectData(
      await gql<{ registerApiClient: { client: { id: string } } }>(app, REGISTER_CLIENT, { input: { groupId: group.groupId, name: 'Locator', scopes: ['ebl'], justification: 'Emergency location' } }, admin),
    ).registerApiClient.client;
    expectData(await gql(app, APPROVE_CLIENT, { id: registered.id }, admin));
    const { context, page } = await newConsolePage(browser);
    await logIn(page, base, group.adminEmail);
    await page.getByRole('link', { name: 'EBL' }).click();
    const form = page.getByRole('form', { name: 'Configure a provider' });
    await form.getByLabel('API client').selectOption({ label: 'Locator' });
    await form.getByLabel('Notification URL').fill('https://sp.example/ebl/notification');
    await form.getByRole('button', { name: 'Save provider' }).click();
    const once = page.getByRole('status', { name: 'Signing secret' });
    await once.waitFor();
    const secret = (await once.locator('code.secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const provider = page.locator('li[data-provider="Locator"]');
    await provider.getByText('https://sp.example/ebl/notification').waitFor();
    await provider.getByRole('button', { name: 'Deliveries' }).click();
    await provider.getByText('No delivery yet.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'ebl.png'), fullPage: true });
    await once.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(secret);
    await provider.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('dialog', { name: 'Remove Locator?' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No provider for this group.').waitFor();
    await context.close();
  }, 60_000);
});
