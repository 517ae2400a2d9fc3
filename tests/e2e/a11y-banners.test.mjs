// The messages about other tabs and new versions: each is announced (a live region rendered
// before it came) and the page that shows it passes axe-core, at 1280 and at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, openBrowser, field, saved, createCase, WORKER, enter } from './harness.mjs';
import { startServer } from './server.mjs';
import { stampServiceWorker } from '../../scripts/post-build.mjs';
import { auditor } from './axe.mjs';
import { watchRegions, assertAnnounced } from './live.mjs';

test('other tabs and new versions: announced, and axe finds nothing', async () => {
  // A copy of the build, so that a new version can be published during the test.
  const copy = await mkdtemp(join(tmpdir(), 'homeward-build-'));
  await cp(DIST, copy, { recursive: true });
  const server = await startServer({ root: copy, base: '/' });
  const browser = await openBrowser({ worker: WORKER });
  const audit = auditor();
  try {
    const page = await browser.page();
    const plan = await createCase(page, server.url, 'Inés Mora');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.goto(`${plan}worker`);
    await saved(page);
    const other = await browser.context.newPage();
    await other.goto(`${plan}worker`);
    await saved(other);

    // A save in one tab is taken over by the other.
    await watchRegions(other);
    await field(page, 'Role').fill('Psychologist');
    await saved(page);
    await assertAnnounced(other, /^Updated with a change saved in another tab at/, 'status');
    await audit.check(other, 'updated by another tab');

    // Both change the same field before either is saved: the worker chooses.
    await watchRegions(page);
    await field(other, 'Organisation').fill('Casa Esperanza');
    await field(page, 'Organisation').fill('Casa Luz');
    await saved(other);
    await assertAnnounced(page, 'Changed in another tab at the same time', 'alert');
    await audit.check(page, 'changed in two tabs: the choice');
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await saved(page);

    // The case is deleted in one tab while the other shows it.
    const second = await createCase(other, server.url, 'Raúl Pinto');
    await page.goto(`${second}worker`);
    await saved(page);
    await watchRegions(page);
    await other.getByRole('button', { name: 'Delete case' }).click();
    await other.getByRole('dialog').getByRole('button', { name: /^Delete case/ }).click();
    await assertAnnounced(page, 'Deleted in another tab', 'alert');
    await audit.check(page, 'deleted in another tab');
    await assertAnnounced(other, /was deleted from this device\./, 'status');

    // A new version is published while both tabs are open.
    await page.goto(`${plan}worker`);
    await saved(page);
    await other.goto(`${server.url}#/overview`);
    await other.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const css = (await readdir(copy)).find((f) => f.endsWith('.css'));
    await appendFile(join(copy, css), '\n/* the next build */\n');
    await stampServiceWorker(copy);
    await watchRegions(page);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await assertAnnounced(page, 'A new version of Homeward is ready', 'status');
    await audit.check(page, 'a new version is ready');
    await watchRegions(other);
    await page.evaluate(() => { window.stillTheSamePage = true; });
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await assertAnnounced(other, 'A new version of Homeward was started in another tab', 'status');
    await audit.check(other, 'a new version started in another tab');

    // A newer Homeward upgrades the database in another tab: this one lets go and says so.
    // The updated tab has reloaded itself.
    await page.waitForFunction(() => window.stillTheSamePage === undefined);
    await enter(page);
    await field(page, 'Role').waitFor();
    await saved(page);
    await other.goto(`${server.url}public/manifest.webmanifest`);
    await watchRegions(page);
    await other.evaluate((name) => new Promise((done, fail) => {
      const request = indexedDB.open(name, 99);
      request.onsuccess = () => { request.result.close(); done(); };
      request.onerror = () => fail(request.error);
    }), await browser.database(page));
    await assertAnnounced(page, 'Homeward was updated in another tab', 'alert');
    await field(page, 'Organisation').fill('Casa Esperanza');
    await assertAnnounced(page, /^Not saved: A newer version of Homeward/, 'alert');
    await audit.check(page, 'updated in another tab: this tab must reload');
    await other.close();
    assert.equal(audit.found.length, 0, `axe found violations:\n${audit.report()}`);
  } finally {
    await browser.close();
    await server.close();
    await rm(copy, { recursive: true, force: true });
  }
});
