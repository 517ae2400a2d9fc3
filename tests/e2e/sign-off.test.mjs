// Supervisor sign-off (issue 21, point 5): "Ask for review" on the plan and, once closed, on the
// closure; the reviewer's name, role, day and decision recorded (changes asked need a comment);
// an approved plan shows "Approved by … on …" until it changes; the sign-offs are in the history,
// the print view and the export file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { withApp, field, saved, createCase } from './harness.mjs';

const app = withApp('/');

/** Today as the interface writes a date in full ("8 December 2026"). */
const today = () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

test('a plan is asked for review, sent back with changes, approved, changed since, and the sign-offs travel', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}worker`);
  const bar = page.locator('.sign-off');
  await bar.getByText('The plan has not been reviewed by a supervisor.').waitFor();

  await bar.getByRole('button', { name: 'Ask for review' }).click();
  await bar.getByText(`Review of the plan asked on ${today()} by`).waitFor();
  await saved(page);

  // The reviewer's decision: a name, and which changes when changes are asked.
  await bar.getByRole('button', { name: 'Record the review' }).click();
  const form = page.getByRole('form', { name: "The reviewer's decision" });
  await page.waitForFunction(() => document.activeElement?.id === 'f-sign-off-reviewer');
  await field(form, 'Decision').selectOption({ label: 'Changes asked' });
  await form.getByRole('button', { name: 'Save the review' }).click();
  await form.getByText("Give the reviewer's name.").waitFor();
  await form.getByText('Say which changes are asked.').waitFor();
  await field(form, "Reviewer's name").fill('Rosa Villanueva');
  await field(form, "Reviewer's role").fill('Supervisor');
  await field(form, 'Comment').fill("Add the school's contact.");
  await form.getByRole('button', { name: 'Save the review' }).click();
  await bar.getByText(`Changes asked by Rosa Villanueva (Supervisor) on ${today()}: Add the school's contact.`).waitFor();
  await saved(page);

  // Asked again, approved.
  await bar.getByRole('button', { name: 'Ask for review' }).click();
  await bar.getByRole('button', { name: 'Record the review' }).click();
  await field(form, "Reviewer's name").fill('Rosa Villanueva');
  await field(form, "Reviewer's role").fill('Supervisor');
  await form.getByRole('button', { name: 'Save the review' }).click();
  const approved = `Plan approved by Rosa Villanueva (Supervisor) on ${today()}.`;
  await bar.getByText(approved).waitFor();
  assert.equal(await bar.getByRole('button', { name: 'Ask for review' }).count(), 0);
  await saved(page);
  await page.reload();
  await bar.getByText(approved).waitFor();

  // On paper, above the signatures; in the export file, with the plan.
  const caseUrl = plan.replace(/plan\/$/, '');
  await page.goto(`${caseUrl}print`);
  await page.locator('.sign-off-line').getByText(approved).waitFor();
  await page.goto(app.server.url + '#/export');
  await page.getByLabel('Export without encryption (training with fictional cases only)').check();
  await page.getByLabel('These cases are fictional').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases? without encryption$/ }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const signOffs = exported.cases[0].plan.sign_offs;
  assert.deepEqual(signOffs.map((s) => s.decision), ['changes_asked', 'approved']);
  assert.equal(signOffs[1].reviewer, 'Rosa Villanueva');
  assert.match(signOffs[1].fingerprint, /^[0-9a-f]{64}$/);

  // A change to the plan after approval shows, until it is approved again.
  await page.goto(`${plan}worker`);
  await field(page, 'Contact').fill('+51 84 000 111');
  await bar.getByText(`Changed since approval by Rosa Villanueva (Supervisor) on ${today()}: ask for review again.`).waitFor();
  await bar.getByRole('button', { name: 'Ask for review' }).waitFor();
  await saved(page);

  await page.goto(`${caseUrl}history`);
  const entry = page.locator('.timeline-entry', { has: page.locator('strong', { hasText: /^Supervisor review$/ }) }).first();
  await entry.waitFor();
  assert.doesNotMatch(await entry.innerText(), /[0-9a-f]{64}/, 'the fingerprint is bookkeeping, not shown');
});

test('once the case is closed, the closure is asked for review', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}case`);
  await page.getByRole('button', { name: 'Close case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close this case' });
  await field(dialog, 'Outcome').selectOption({ label: 'Kinship care' });
  await field(dialog, 'Reason').fill('Living with her aunt; stable for six months.');
  await dialog.getByRole('button', { name: 'Close case' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const bar = page.locator('.sign-off');
  await bar.getByText('Closing the case has not been reviewed by a supervisor.').waitFor();
  await bar.getByRole('button', { name: 'Ask for review' }).click();
  await bar.getByText(`Review of the closure asked on ${today()} by`).waitFor();
  await bar.getByRole('button', { name: 'Record the review' }).click();
  const form = page.getByRole('form', { name: "The reviewer's decision" });
  await field(form, "Reviewer's name").fill('Rosa Villanueva');
  await form.getByRole('button', { name: 'Save the review' }).click();
  await bar.getByText(`Closure approved by Rosa Villanueva on ${today()}.`).waitFor();
  await saved(page);
});
