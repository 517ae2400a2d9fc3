// Status messages are announced (WCAG 4.1.3): "Saving…", "Saved", a refused save, field
// errors, undo offers, export and import results and errors, and the notices that outlive a
// page, each in a live region that was rendered before the message came.
import { test, before } from 'node:test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, field, saved, createCase } from './harness.mjs';
import { watchRegions, assertAnnounced } from './live.mjs';

const app = withApp('/');
const PASS = 'harbour pencil quiet meadow';
let dir;
let plan;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'homeward-live-')); });

test('new case: the errors of a form sent incomplete', async () => {
  const page = await app.browser.page();
  await page.goto(`${app.server.url}#/cases/new`);
  await page.waitForFunction(() => !!document.querySelector('#f-case_number')?.value);
  await watchRegions(page);
  await page.getByRole('button', { name: 'Create case' }).click();
  await assertAnnounced(page, 'Name the case worker responsible for this plan.', 'status');
});

test('the plan: Saving…, Saved, undo after a removal, a refused save', async () => {
  const page = await app.browser.page();
  plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}worker`);
  await saved(page);
  await watchRegions(page);
  await field(page, 'Role').pressSequentially('Social worker');
  await assertAnnounced(page, 'Saving…', 'status');
  await assertAnnounced(page, /^Saved at \d/, 'status');

  await page.goto(`${plan}needs`);
  await page.getByRole('button', { name: 'Add a need' }).click();
  await field(page, 'Protection need').fill('Safe contact with father');
  await saved(page);
  await watchRegions(page);
  await page.getByRole('button', { name: /^Remove: need 1/ }).click();
  await assertAnnounced(page, 'Need 1 removed.', 'status');
  await page.getByRole('button', { name: 'Undo' }).click();
  await saved(page);

  await page.goto(`${plan}child`);
  await watchRegions(page);
  await field(page, 'Estimated age in years').fill('99');
  await assertAnnounced(page, 'Enter an age of 30 or under, in years.', 'status');

  // The case disappears from the workspace's storage behind the page's back: the next save is refused.
  const id = plan.match(/cases\/([^/]+)\//)[1];
  await page.evaluate(async ([name, id]) => {
    const db = await new Promise((ok) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); });
    await new Promise((ok) => { const tx = db.transaction(['cases'], 'readwrite'); tx.objectStore('cases').delete(id); tx.oncomplete = ok; });
    db.close();
  }, [await app.browser.database(page), id]);
  await watchRegions(page);
  await field(page, 'Languages').fill('Spanish');
  await assertAnnounced(page, /^Not saved: /, 'alert');
  // Leaving the case with that change unsaved is asked about first.
  page.once('dialog', (d) => d.accept());
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
});

test('export: a passphrase refused, then the file saved', async () => {
  const page = await app.browser.page();
  await createCase(page, app.server.url, 'Marc Dubois');
  await page.goto(`${app.server.url}#/export`);
  await page.getByText(/\d+ of \d+ chosen/).waitFor();
  await field(page, 'Passphrase').fill(PASS);
  await field(page, 'Repeat the passphrase').fill(`${PASS}x`);
  await watchRegions(page);
  await page.getByRole('button', { name: /^Export \d+ cases?, encrypted$/ }).click();
  await assertAnnounced(page, 'The two passphrases are not the same.', 'status');
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.getByRole('button', { name: /^Export 0 cases/ }).click();
  await assertAnnounced(page, 'Choose at least one case.', 'alert');
  await page.getByRole('button', { name: 'Select all' }).click();

  await field(page, 'Passphrase').fill(PASS);
  await field(page, 'Repeat the passphrase').fill(PASS);
  await watchRegions(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export \d+ cases?, encrypted$/ }).click();
  await assertAnnounced(page, 'Encrypting…', 'status');
  await (await downloading).saveAs(join(dir, 'cases.age'));
  await assertAnnounced(page, /^Saved homeward-/, 'status');
});

test('import: a wrong passphrase, then the cases imported', async () => {
  const page = await app.browser.page();
  await page.goto(`${app.server.url}#/import`);
  await page.getByLabel('Export file').setInputFiles(join(dir, 'cases.age'));
  await field(page, 'Passphrase').fill('not the passphrase at all');
  await watchRegions(page);
  await page.getByRole('button', { name: 'Open file' }).click();
  await assertAnnounced(page, 'The passphrase is not the one this file was encrypted with', 'status');

  await page.goto(app.server.url);
  await page.getByRole('row').filter({ hasText: 'Marc Dubois' }).getByRole('link').click();
  await page.getByRole('button', { name: 'Delete case' }).click();
  await watchRegions(page);
  await page.getByRole('dialog').getByRole('button', { name: /^Delete case/ }).click();
  await assertAnnounced(page, /was deleted from this device\./, 'status');

  await page.goto(`${app.server.url}#/import`);
  await page.getByLabel('Export file').setInputFiles(join(dir, 'cases.age'));
  await field(page, 'Passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByRole('heading', { name: 'What this file would change' }).waitFor({ timeout: 60_000 });
  // The case deleted just before waits for a decision, which is announced.
  await page.getByText('Decide whether to bring back the case deleted on this device.').waitFor();
  await page.getByRole('radio', { name: 'Bring it back' }).check();
  await watchRegions(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await assertAnnounced(page, /^Imported: /, 'status');
});
