// A console page in the shared browser, and logging in on it: both browser specs open each
// test's page the same way (a fresh context: its own session storage), collecting the page's
// script errors and Content-Security-Policy refusals, which a test expects to be none.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { USER_PASSWORD } from '../e2e/support';

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Script errors and CSP refusals seen so far. */
  problems: string[];
}

export async function newConsolePage(browser: Browser, viewport = DESKTOP): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Opens the console at `base` and submits the login form; what follows is the caller's to see. */
export async function submitLogIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Logs in and waits until the console shows the signed-in shell. */
export async function logIn(page: Page, base: string, email: string, password = USER_PASSWORD): Promise<void> {
  await submitLogIn(page, base, email, password);
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}
