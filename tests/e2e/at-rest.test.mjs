// No plaintext on disk (issue 19, "Done means"): a worker's workspace filled with a child's name,
// a case number, a long note and a history entry, locked, the browser closed, and then every file
// of the Chromium profile scanned for those strings: IndexedDB and its blob files, Local and
// Session Storage, the service worker's cache, the browser's own history and session files. The
// same scan over the same work in the cases kept unprotected (a device with no worker yet) finds
// them, so the scan can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, field, layDown, openBrowser, saved, serve } from './harness.mjs';
import { addWorker, caseFor } from './workers.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const fixtures = (await readdir(FIXTURES)).filter((f) => /^schema-v\d+\.json$/.test(f)).sort();

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
      const forms = ['utf8', 'utf16le', 'latin1'].map((encoding) => Buffer.from(marker, encoding));
      if (forms.some((form) => bytes.includes(form))) (found[marker] ??= []).push(path.slice(profile.length));
    }
  }
  return found;
}

/** A case with the markers: the child, a long note, and a role recorded in its history. */
async function fillCase(page, url) {
  const { plan, number } = await caseFor(page, url, CHILD);
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

test('the same work in the training demo, which is not protected, is found by the scan (the control)', async () => {
  const server = await serve();
  const browser = await openBrowser();
  try {
    const page = await browser.page();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Training demo (fictional cases, not protected)' }).click();
    await page.getByRole('region', { name: 'Demo workspace' }).waitFor();
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

/** What a fixture's cases hold that names them: the children's surnames, the case numbers, the
 *  child's own words; not those the app's own files hold (the demo has a Mensah too), which the
 *  browser's caches keep. */
async function fixtureMarkers(fixture) {
  const own = [];
  for await (const path of files(DIST)) own.push(await readFile(path));
  return fixture.stores.cases.records
    .flatMap((c) => [c.plan.child.name.split(' ').at(-1), c.case_number, c.plan.participation.child_views.slice(0, 24)])
    .filter((m) => m.length >= 6 && !own.some((bytes) => bytes.includes(Buffer.from(m))));
}

for (const name of fixtures) {
  test(`after protection is turned on over a database written at ${name.replace('.json', '')}, none of its cases is left in the profile's files`, async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURES, name), 'utf8'));
    const markers = await fixtureMarkers(fixture);
    assert.ok(markers.length >= 4, `markers to look for: ${markers}`);
    const server = await serve();
    const browser = await openBrowser();
    try {
      let page = await browser.page();
      await layDown(page, server.url, fixture);
      await page.goto(server.url);
      await page.getByText('They stay closed until a worker is added').waitFor();
      // The control: the unprotected cases are on disk, where the scan finds them.
      await browser.restart();
      const before = await scan(browser.profile, markers);
      for (const marker of markers) assert.ok(before[marker], `the control finds "${marker}" on disk`);

      page = await browser.page();
      browser.errors.length = 0; // the bare page's missing favicon, before the restart
      await addWorker(page, server.url, 'Ana Pérez');
      await page.getByText(/^Cases now protected in your workspace/).waitFor();
      await page.getByRole('button', { name: 'Lock now' }).click();
      await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
      await browser.context.close();
      assert.deepEqual(await scan(browser.profile, markers), {}, 'nothing of the old cases anywhere in the profile');
      assert.deepEqual(browser.outside, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}
