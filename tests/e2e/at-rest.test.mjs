// No plaintext on disk (issue 19, "Done means"): a worker's workspace filled with a child's name,
// a case number, a long note and a history entry, locked, the browser closed, and then every file
// of the Chromium profile scanned for those strings: IndexedDB and its blob files, Local and
// Session Storage, the service worker's cache, the browser's own history and session files. The
// same scan over the same work in the cases kept unprotected (a device with no worker yet) finds
// them, so the scan can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { field, openBrowser, saved, serve } from './harness.mjs';
import { addWorker } from './workers.mjs';

const CHILD = 'Zyxwvu Diskmarkchild';
const NOTE = `Qvxj diskmarknote ${'met the aunt at the market and agreed the next visit '.repeat(40)}`;
const ROLE = 'Kwpzh diskmarkhistory';

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Where each marker is found in the profile's files, in the encodings the browser writes. */
async function scan(profile, markers) {
  const found = {};
  for await (const path of files(profile)) {
    let bytes;
    try {
      bytes = await readFile(path);
    } catch {
      continue; // a lock file or socket
    }
    for (const marker of markers) {
      const forms = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
      if (forms.some((form) => bytes.includes(form))) (found[marker] ??= []).push(path.slice(profile.length));
    }
  }
  return found;
}

/** A case with the markers: the child, a long note, and a role recorded in its history. */
async function fillCase(page, url) {
  await page.goto(`${url}#/cases/new`);
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  const number = await page.locator('#f-case_number').inputValue();
  await field(page, "Child's name").fill(CHILD);
  await field(page, "Case worker's name").fill('Ana Pérez');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  const plan = page.url().replace(/case$/, '');
  await page.goto(`${plan}participation`);
  await field(page, "The child's views and wishes").fill(NOTE);
  await saved(page);
  await page.goto(`${plan}worker`);
  await field(page, 'Role').fill(ROLE);
  await saved(page);
  await page.goto(plan.replace(/plan\/$/, 'history'));
  await page.getByText(ROLE, { exact: false }).first().waitFor();
  return number;
}

/** The markers of one case, as they would be stored: the note's distinctive words. */
const markers = (number) => ['Diskmarkchild', 'diskmarknote', 'diskmarkhistory', number];

test('the same work in the cases kept unprotected is found by the scan (the control)', async () => {
  const server = await serve();
  const browser = await openBrowser();
  try {
    const page = await browser.page();
    await page.goto(server.url);
    const number = await fillCase(page, server.url);
    await browser.context.close();
    const found = await scan(browser.profile, markers(number));
    for (const marker of markers(number)) assert.ok(found[marker], `the control finds "${marker}" on disk`);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a locked worker's workspace leaves no child's name, case number, note or history in the profile's files", async () => {
  const server = await serve();
  const browser = await openBrowser();
  try {
    const page = await browser.page();
    await addWorker(page, server.url, 'Ana Pérez');
    const number = await fillCase(page, server.url);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
    await browser.context.close();
    assert.deepEqual(await scan(browser.profile, markers(number)), {}, 'nothing readable anywhere in the profile');
    assert.deepEqual(browser.outside, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
