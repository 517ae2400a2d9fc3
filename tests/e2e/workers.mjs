// Protected workspaces driven as a worker would: a fresh browser per test, a worker added
// through the form, a tab unlocked from the opening screen, a case made. Shared by
// workspaces.test.mjs and lock.test.mjs.
import assert from 'node:assert/strict';
import { serve, openBrowser, field, storedAsJson } from './harness.mjs';

export const PASS = 'river lantern pepper orbit';

/** A fresh server and browser for one test, closed after it; no errors, nothing past 127.0.0.1. */
export async function fresh(run) {
  const server = await serve();
  const browser = await openBrowser();
  try {
    await run({ url: server.url, browser, page: await browser.page() });
    assert.deepEqual(browser.errors, [], 'no errors in any tab');
    assert.deepEqual(browser.outside, [], 'nothing left 127.0.0.1');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Adds a worker through the form; returns the recovery key shown and the workspace's id. */
export async function addWorker(page, url, name, passphrase = PASS) {
  await page.goto(`${url}#/workspaces/new`);
  await page.getByRole('heading', { level: 1, name: 'Add a worker on this device' }).waitFor();
  await field(page, 'Your name').fill(name);
  await field(page, 'Passphrase').fill(passphrase);
  await field(page, 'Repeat the passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Make my workspace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
  const key = await page.locator('.recovery-key code').innerText();
  await page.getByLabel('The recovery key is printed or written down, and will be kept safe').check();
  await page.getByRole('button', { name: 'Open my workspace' }).click();
  await page.getByRole('link', { name: `You: ${name}` }).waitFor();
  const id = JSON.parse(await page.evaluate(() => sessionStorage.getItem('homeward.workspace')));
  return { key, id };
}

/** Types the passphrase on the unlock form shown and waits for the workspace to open. */
export async function unlock(page, name, passphrase = PASS) {
  await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
  await field(page, 'Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: `You: ${name}` }).waitFor({ timeout: 30_000 });
}

/** A new tab of the same browser, unlocked as `name` from the opening screen. `before` runs on
 *  the tab before it loads the app (a clock installed, say). */
export async function unlockedTab(browser, url, name, { passphrase = PASS, before = async () => {} } = {}) {
  const tab = await browser.context.newPage();
  tab.setDefaultTimeout(10_000);
  await before(tab);
  await tab.goto(url);
  await tab.getByRole('button', { name }).click();
  await unlock(tab, name, passphrase);
  return tab;
}

/** Makes a case for `child`; returns its plan's address (up to the step) and its case number. */
export async function caseFor(page, url, child) {
  await page.goto(`${url}#/cases/new`);
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  const number = await page.locator('#f-case_number').inputValue();
  await field(page, "Child's name").fill(child);
  await field(page, "Case worker's name").fill('Ana Pérez');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  return { plan: page.url().replace(/case$/, ''), number };
}

/** Every record of every store of database `name`, as stored, as one text (sealed bytes as base64). */
export const dump = (page, name) => storedAsJson(page, name);

/** The names of the databases of the app's origin. */
export const databases = async (page) => (await page.evaluate(() => indexedDB.databases())).map((d) => d.name);
