// Sign-off travels in export files (issue 21, point 5): a worker asks for review and sends the
// case; a supervisor on another device imports it, records changes asked, and sends it back;
// the worker's import shows the decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, openBrowser, field, saved, createCase } from './harness.mjs';

const app = withApp('/');
const dir = await mkdtemp(join(tmpdir(), 'homeward-sign-off-'));

/** Exports every case as a training file; returns its path and its document. */
async function exportAll(page, base) {
  await page.goto(base + '#/export');
  await page.getByLabel('Export without encryption (training with fictional cases only)').check();
  await page.getByLabel('These cases are fictional').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases? without encryption$/ }).click()]);
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { path, document: JSON.parse(await readFile(path, 'utf8')) };
}

async function importFile(page, base, path, counts) {
  await page.goto(base + '#/import');
  await page.getByLabel('Export file').setInputFiles(path);
  await field(page, 'Passphrase').fill('');
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByText(counts).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported: 1 /).waitFor();
}

test('a supervisor reviews an imported case and sends it back with the decision', async () => {
  const base = app.server.url;
  const worker = await app.browser.page();
  const plan = await createCase(worker, base, 'Ana Ruiz');
  const id = plan.match(/cases\/([0-9a-f-]{36})\//)[1];
  await worker.goto(`${plan}child`);
  await field(worker, "Child's name").fill('Koffi Mensah');
  await worker.locator('.sign-off').getByRole('button', { name: 'Ask for review' }).click();
  await worker.locator('.sign-off').getByText(/^Review of the plan asked on .* by Ana Ruiz\.$/).waitFor();
  await saved(worker);
  const sent = await exportAll(worker, base);
  assert.equal(sent.document.cases.find((c) => c.id === id).plan.sign_offs[0].decision, null);

  const supervisorBrowser = await openBrowser({ worker: { name: 'Rosa Villanueva', passphrase: 'harbour violet compass meadow' } });
  try {
    const supervisor = await supervisorBrowser.page();
    await supervisor.goto(base);
    await importFile(supervisor, base, sent.path, /^1 new/);
    await supervisor.goto(`${base}#/cases/${id}/plan/case`);
    const bar = supervisor.locator('.sign-off');
    await bar.getByText(/^Review of the plan asked on .* by Ana Ruiz\.$/).waitFor();
    await bar.getByRole('button', { name: 'Record the review' }).click();
    const form = supervisor.getByRole('form', { name: "The reviewer's decision" });
    await field(form, "Reviewer's name").fill('Rosa Villanueva');
    await field(form, "Reviewer's role").fill('Supervisor');
    await field(form, 'Decision').selectOption({ label: 'Changes asked' });
    await field(form, 'Comment').fill('Add the household.');
    await form.getByRole('button', { name: 'Save the review' }).click();
    await bar.getByText(/^Changes asked by Rosa Villanueva \(Supervisor\) on .*: Add the household\.$/).waitFor();
    await saved(supervisor);
    const back = await exportAll(supervisor, base);

    await importFile(worker, base, back.path, /^0 new · 1 newer/);
    await worker.goto(`${plan}case`);
    await worker.locator('.sign-off').getByText(/^Changes asked by Rosa Villanueva \(Supervisor\) on .*: Add the household\.$/).waitFor();
    await worker.locator('.sign-off').getByRole('button', { name: 'Ask for review' }).waitFor();
  } finally {
    await supervisorBrowser.close();
  }
});
