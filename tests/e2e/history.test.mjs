// The case history: every change recorded with when, by whom (the worker whose workspace it is),
// which section and what changed; a timeline filterable by section, kept across reloads and
// carried in export files, to another worker who adds their own changes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, field, saved, createCase, WORKER } from './harness.mjs';

const app = withApp('/');
/** A second worker on the same device, with a passphrase of their own. */
const OTHER = { name: 'Marc Dubois', passphrase: 'copper meadow violet anchor' };
/** The export file's passphrase. */
const PASS = 'harbour pencil quiet meadow';
let dir;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'homeward-history-')); });

test('changes are recorded with who made them, and the timeline filters by section', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  // In a worker's workspace, changes are recorded as made by that worker.
  await page.getByRole('link', { name: `You: ${WORKER.name}` }).click();
  await page.getByText(`You are working as ${WORKER.name}. Your name is recorded in the history of every case you change.`).waitFor();

  // The case worker named in the plan is someone else: the name in the history is the author's.
  const plan = await createCase(page, app.server.url, 'Lena Vogel');
  await page.goto(`${plan}worker`);
  await field(page, 'Role').fill('Social worker');
  await saved(page);
  await field(page, 'Role').fill('Psychologist');
  await saved(page);
  await page.goto(`${plan}needs`);
  await page.getByRole('button', { name: /^Add a need/ }).click();
  await field(page, 'Protection need').fill('School bullying');
  await saved(page);

  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
  const entries = page.locator('.timeline-entry');
  // Newest first; typing in one section within minutes is one entry, from the first value to the last.
  assert.match(await entries.nth(0).innerText(), new RegExp(`Protection needs[\\s\\S]*${WORKER.name}[\\s\\S]*Protection needs: added “School bullying”`));
  assert.match(await entries.nth(1).innerText(), new RegExp(`Case worker[\\s\\S]*${WORKER.name}[\\s\\S]*Case worker: Role: “\\(empty\\)” → “Psychologist”`));
  assert.match(await entries.last().innerText(), new RegExp(`Case created[\\s\\S]*${WORKER.name}`));

  await field(page, 'Show changes to').selectOption({ label: 'Case worker' });
  assert.equal(await entries.count(), 1);
  await field(page, 'Show changes to').selectOption({ label: 'The whole case' });
  assert.equal(await entries.count(), 3);

  // Someone else on this device: a second worker, who receives the case in an export file.
  await page.goto(`${app.server.url}#/export`);
  await page.getByText('1 of 1 chosen').waitFor();
  await field(page, 'Passphrase').fill(PASS);
  await field(page, 'Repeat the passphrase').fill(PASS);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 1 case, encrypted' }).click();
  const file = join(dir, 'case.age');
  await (await downloading).saveAs(file);
  await page.getByText(/^Saved homeward-/).waitFor();

  await page.getByRole('button', { name: 'Switch worker' }).click();
  await page.getByRole('heading', { level: 1, name: 'Who is working?' }).waitFor();
  await page.getByRole('link', { name: 'Add a worker on this device' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a worker on this device' }).waitFor();
  await field(page, 'Your name').fill(OTHER.name);
  await field(page, 'Passphrase').fill(OTHER.passphrase);
  await field(page, 'Repeat the passphrase').fill(OTHER.passphrase);
  await page.getByRole('button', { name: 'Make my workspace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('The recovery key is printed or written down, and will be kept safe').check();
  await page.getByRole('button', { name: 'Open my workspace' }).click();
  await page.getByRole('link', { name: `You: ${OTHER.name}` }).waitFor({ timeout: 30_000 });

  // (Addresses within the page from here: loading the page again would lock this workspace.)
  await page.goto(`${app.server.url}#/import`);
  await page.getByLabel('Export file').setInputFiles(file);
  await field(page, 'Passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByRole('heading', { name: 'What this file would change' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported: /).waitFor();

  await page.goto(`${plan}worker`);
  await field(page, 'Organisation').fill('Casa Esperanza');
  await saved(page);
  // Kept across a reload (which locks the workspace: Marc unlocks it again).
  await page.evaluate(() => setTimeout(() => location.reload()));
  await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
  await field(page, 'Passphrase').fill(OTHER.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: `You: ${OTHER.name}` }).waitFor({ timeout: 30_000 });
  await page.goto(`${plan.replace(/plan\/$/, '')}history`);
  await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
  await entries.nth(3).waitFor();
  // Marc's change on top; Ana's, carried in the file, below it, still hers.
  const texts = await entries.allInnerTexts();
  assert.match(texts[0], new RegExp(`Case worker[\\s\\S]*${OTHER.name}[\\s\\S]*Organisation: “\\(empty\\)” → “Casa Esperanza”`), texts.join('\n---\n'));
  assert.doesNotMatch(texts[0], new RegExp(WORKER.name));
  assert.match(texts[1], new RegExp(`Protection needs[\\s\\S]*${WORKER.name}[\\s\\S]*Protection needs: added “School bullying”`), texts.join('\n---\n'));
  assert.doesNotMatch(texts[1], new RegExp(OTHER.name));
  assert.equal(texts.length, 4, texts.join('\n---\n'));
  assert.deepEqual(app.browser.errors, []);
});
