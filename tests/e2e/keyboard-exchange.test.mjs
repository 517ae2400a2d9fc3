// Export and import with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys; typing
// only where Tab has put the focus), with a visible focus ring on every control reached, focus
// on the new page after each change of page, and the delete dialog holding and returning focus.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, createCase, casesAsExported } from './harness.mjs';
import { tabTo, focusShown, assertPageFocus, assertFocusReaches } from './keys.mjs';

const app = withApp('/');
const PASS = 'copper kettle winter garden';
let dir;
let file;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'homeward-keys-')); });

test('export every case with the keyboard alone', async () => {
  const page = await app.browser.page();
  await createCase(page, app.server.url, 'Ana Ruiz');
  await createCase(page, app.server.url, 'Marc Dubois');
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'Marc Dubois' }).waitFor();

  await tabTo(page, 'Export…');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Export cases' }).waitFor();
  await assertPageFocus(page, 'the export page');
  await page.getByText('2 of 2 chosen').waitFor();

  // Unticking one case and ticking it again, from the keyboard.
  await tabTo(page, /^Select none$/);
  await page.keyboard.press('Enter');
  await page.getByText('0 of 2 chosen').waitFor();
  await page.keyboard.press('Tab');
  await focusShown(page);
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await focusShown(page);
  await page.keyboard.press('Space');
  await page.getByText('2 of 2 chosen').waitFor();

  await tabTo(page, /^Passphrase/);
  await page.keyboard.type(PASS);
  await tabTo(page, /^Repeat the passphrase/);
  await page.keyboard.type(PASS);
  await tabTo(page, 'Export 2 cases, encrypted');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await page.getByText(/^Saved homeward-2-cases-/).waitFor();
  await assertFocusReaches(page, 'export-outcome', 'focus moves to the outcome');
});

test('delete a case from the keyboard: the dialog takes focus, Escape gives it back', async () => {
  const page = await app.browser.page();
  // Back up to the main navigation, from where the export left the focus.
  await tabTo(page, 'Cases', { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await assertPageFocus(page, 'the case list');
  await page.getByRole('row').filter({ hasText: 'Marc Dubois' }).waitFor();
  // The case numbers are the links of the rows; Marc Dubois's case is the second made.
  const number = await page.getByRole('row').filter({ hasText: 'Marc Dubois' }).getByRole('link').innerText();
  await tabTo(page, number);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Case' }).waitFor();
  await assertPageFocus(page, 'the case');

  await tabTo(page, 'Delete case');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), true, 'focus goes into the dialog');
  await focusShown(page);
  // Focus stays in the dialog: Tab goes round its two buttons (or to the browser's own controls).
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest('dialog[open]') !== null), true, 'Tab stays in the dialog');
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Delete case', 'focus returns to the button that opened it');
  await focusShown(page);

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await tabTo(page, /^Delete case ./, { back: true });
  await page.keyboard.press('Enter');
  await page.getByText(/was deleted from this device\./).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await assertPageFocus(page, 'the case list after deleting');
});

test('import the file back with the keyboard alone', async () => {
  const page = await app.browser.page();
  await tabTo(page, 'Import', { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Import cases' }).waitFor();
  await assertPageFocus(page, 'the import page');

  // Listening well before the key is pressed, so Playwright catches the chooser it opens.
  const choosing = page.waitForEvent('filechooser');
  await tabTo(page, 'Export file');
  await page.keyboard.press('Space');
  await (await choosing).setFiles(file);
  await tabTo(page, /^Passphrase/);
  await page.keyboard.type(PASS);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'What this file would change' }).waitFor({ timeout: 60_000 });
  // The case deleted just before comes back only when the worker says so.
  await page.getByText('0 new · 0 newer · 0 changed on both sides · 1 identical · 0 older · 1 deleted on this device').waitFor();
  await assertFocusReaches(page, 'preview-title', 'focus moves to the preview');
  await tabTo(page, 'Keep it deleted');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByRole('radio', { name: 'Bring it back' }).isChecked(), true, 'the arrow key chooses');
  await tabTo(page, 'Import');
  await page.keyboard.press('Enter');
  await page.getByText('Imported: 1 brought back after being deleted here.').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await assertPageFocus(page, 'the case list after importing');
  await page.getByRole('row').filter({ hasText: 'Marc Dubois' }).waitFor();
});

test('a conflict decided with the arrow keys', async () => {
  const page = await app.browser.page();
  // Set-up, not part of the run: a colleague's file with both cases changed there as well. The
  // stored cases are read whole through an export made in a tab of its own, so this one stays as
  // it is (the export only records their versions as exchanged: they are conflicts still).
  const reading = await app.browser.context.newPage();
  reading.setDefaultTimeout(10_000);
  const stored = await casesAsExported(reading, app.server.url);
  await reading.close();
  const theirs = stored.map((c) => ({ ...c, plan: { ...c.plan, child: { ...c.plan.child, languages: 'Theirs' } }, revision: c.revision + 1, version: crypto.randomUUID(), exchanged: [] }));
  const json = join(dir, 'theirs.json');
  await writeFile(json, JSON.stringify({ format: 'homeward-export', format_version: 1, app_version: 'test', exported_at: new Date().toISOString(), cases: theirs }));

  await tabTo(page, 'Import', { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Import cases' }).waitFor();
  await assertPageFocus(page, 'the import page');
  const choosing = page.waitForEvent('filechooser');
  await tabTo(page, 'Export file');
  await page.keyboard.press('Enter');
  await (await choosing).setFiles(json);
  await tabTo(page, 'Open file');
  await page.keyboard.press('Enter');
  await page.getByText('0 new · 0 newer · 2 changed on both sides · 0 identical · 0 older').waitFor();

  // The first case: Tab into its choices, the arrow keys move and choose.
  await tabTo(page, 'Keep mine');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await focusShown(page);
  assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), 'Take theirs');
  // The second: Tab leaves the first group and enters the next.
  await page.keyboard.press('Tab');
  await focusShown(page);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), 'Keep both (theirs as a copy)');
  await tabTo(page, 'Import');
  await page.keyboard.press('Enter');
  await page.getByText('Imported: 1 replaced by theirs, 1 added as a copy.').waitFor();
  await assertPageFocus(page, 'the case list after importing');
  assert.equal(await page.locator('.case-table tbody tr').count(), 3);
  assert.deepEqual(app.browser.errors, []);
});
