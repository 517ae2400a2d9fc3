// The training demo: one action opens a workspace of fictional cases in its own database; a
// banner says so on every page; changes are undone by "Reset demo"; the exercise file imports
// with the passphrase shown, with one conflict; "Leave demo" finds the real cases untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, field, createCase, saved, enter } from './harness.mjs';

const app = withApp('/tools/homeward/');
const DEMO_CHILDREN = ['Valentina Quispe', 'Mateo Cruz', 'Joaquín Benítez', 'Yerlin Ramírez', 'Dayana Mendoza', 'Andrés Villca', 'Ikram Haddad', 'Thiago Pereira'];

/** Every case stored in the named database, as IndexedDB holds it, in id order. */
const snapshot = (page, name) => page.evaluate(async (name) => {
  const db = await new Promise((ok, fail) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  if (!db.objectStoreNames.contains('cases')) { db.close(); return '[]'; }
  const all = await new Promise((ok) => { const r = db.transaction(['cases']).objectStore('cases').getAll(); r.onsuccess = () => ok(r.result); });
  db.close();
  // A worker's cases are sealed: their bytes, not an empty object, are compared.
  const bytes = (_, v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : ArrayBuffer.isView(v) ? [...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)] : v);
  return JSON.stringify(all.sort((a, b) => a.id.localeCompare(b.id)), bytes);
}, name);

const banner = (page) => page.getByRole('region', { name: 'Demo workspace' });
const caseRow = (page, child) => page.getByRole('row').filter({ hasText: child });
/** Besides its eight, the demo holds a year of generated cases for the reports (`domain::demo::PAST_YEAR_CASES`). */
const DEMO_CASES = DEMO_CHILDREN.length + 40;

/** A child's row, found as a person finds it among dozens: by typing the name into the filter. */
async function findRow(page, child) {
  await field(page, 'Filter cases').fill(child);
  await caseRow(page, child).waitFor();
  return caseRow(page, child);
}

async function everyDemoChild(page) {
  for (const child of DEMO_CHILDREN) await findRow(page, child);
  await field(page, 'Filter cases').fill('');
}

test('the demo opens in one step beside the real cases, is reset in one step, and is left with the real cases untouched', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Real Worker');
  await page.goto(plan + 'child');
  await field(page, "Child's name").fill('Real Child');
  await saved(page);
  const workspace = await app.browser.database(page);
  const real = await snapshot(page, workspace);
  assert.equal(JSON.parse(real).length, 1);

  // Real cases never backed up bring the reminder.
  await page.goto(app.server.url);
  const reminder = page.getByRole('heading', { name: 'Time for a backup' });
  await reminder.waitFor();

  // One action, from any page.
  await page.getByRole('button', { name: 'Open the training demo' }).click();
  await banner(page).getByText('Demo: fictional cases for training.').waitFor();
  await everyDemoChild(page);
  await page.getByText(`${DEMO_CASES} cases`, { exact: true }).waitFor();
  assert.equal(await caseRow(page, 'Real Child').count(), 0, 'real cases are not shown in the demo');
  // Fictional cases need no backup: no reminder, which showed within moments for the real one.
  await page.waitForTimeout(1500);
  assert.equal(await reminder.count(), 0, 'the demo does not ask to back up fictional cases');

  // The banner is on every page, and the demo stays open across a reload.
  for (const address of ['#/overview', '#/cases/new', '#/import', '#/storage']) {
    await page.goto(app.server.url + address);
    await banner(page).waitFor();
  }
  await page.reload();
  await banner(page).waitFor();

  // The overview shows what is late in the fictional cases.
  await page.goto(app.server.url + '#/overview');
  await page.getByText('Valentina Quispe').first().waitFor();

  // Change things: rename a child, add a case.
  await page.goto(app.server.url);
  await (await findRow(page, 'Valentina Quispe')).getByRole('link').first().click();
  await page.waitForURL(/plan\//);
  const valentina = page.url().replace(/plan\/.*$/, '');
  await page.goto(valentina + 'plan/child');
  await field(page, "Child's name").fill('Valentina Changed');
  await saved(page);
  await createCase(page, app.server.url, 'Trainee');
  await page.goto(app.server.url);
  await findRow(page, 'Valentina Changed');
  const changed = JSON.parse(await snapshot(page, 'homeward-demo'));
  assert.equal(changed.length, DEMO_CASES + 1);

  // Reset: the initial state, in one step.
  await page.goto(app.server.url + '#/demo');
  await page.getByRole('button', { name: 'Reset demo' }).click();
  await page.waitForURL(/#\/$/);
  await everyDemoChild(page);
  await findRow(page, 'Valentina');
  assert.equal(await caseRow(page, 'Valentina Changed').count(), 0);
  await field(page, 'Filter cases').fill('');
  const reset = JSON.parse(await snapshot(page, 'homeward-demo'));
  assert.equal(reset.length, DEMO_CASES, 'the added case is gone');
  assert.equal(await snapshot(page, workspace), real, 'the reset touched no real case');

  // Leave: the opening screen, and the worker's own cases, unlocked again, exactly as they were.
  await banner(page).getByRole('button', { name: 'Leave demo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Who is working?' }).waitFor();
  await enter(page);
  await caseRow(page, 'Real Child').waitFor();
  assert.equal(await banner(page).count(), 0);
  for (const child of DEMO_CHILDREN) assert.equal(await caseRow(page, child).count(), 0, `${child} is not among the real cases`);
  assert.equal(await snapshot(page, workspace), real, 'real cases untouched');
  assert.deepEqual(app.browser.errors, []);
});

test('the exercise file imports with the passphrase shown, and one case is a conflict to decide', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url + '#/demo');
  const workspace = await app.browser.database(page);
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await banner(page).waitFor();
  await page.goto(app.server.url + '#/demo');
  const passphrase = (await page.locator('code.passphrase').innerText()).trim();
  assert.ok(passphrase.length >= 12);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the exercise file' }).click()]);
  const path = join(await mkdtemp(join(tmpdir(), 'homeward-demo-')), download.suggestedFilename());
  await download.saveAs(path);

  await page.goto(app.server.url + '#/import');
  await page.getByLabel('Export file').setInputFiles(path);
  await field(page, 'Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByText('2 new · 0 newer · 1 changed on both sides · 0 identical · 0 older').waitFor();
  await page.getByRole('group', { name: /^What to do with .*Joaquín/ }).getByLabel('Keep both (theirs as a copy)').check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported/).first().waitFor();
  const cases = JSON.parse(await snapshot(page, 'homeward-demo'));
  assert.equal(cases.length, DEMO_CASES + 3, 'two new cases and a copy of the conflicting one');
  await page.getByRole('button', { name: 'Leave demo' }).click();
  await page.getByRole('button', { name: 'Training demo (fictional cases, not protected)' }).waitFor();
  assert.equal(JSON.parse(await snapshot(page, workspace)).length, 1, 'the import went into the demo only');
  assert.deepEqual(app.browser.errors, []);
});
