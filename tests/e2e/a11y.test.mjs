// WCAG 2.1 AA: axe-core finds nothing on any page or state of the app, at a desktop width and
// on a 360-px phone. Each test walks through the states of one part of the app and then lists
// every violation found (state, rule, impact, what to do, the elements).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, field, saved, group, casesAsExported } from './harness.mjs';
import { auditor } from './axe.mjs';

const app = withApp('/tools/homeward/');
const PASS = 'river lamp quick dolphin';
let dir;
before(async () => { dir = await mkdtemp(join(tmpdir(), 'homeward-a11y-')); });

const url = (hash = '') => `${app.server.url}${hash}`;
const h1 = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

function done(audit) {
  if (audit.found.length) console.log('axe violations by rule:', audit.counts);
  assert.equal(audit.found.length, 0, `axe found violations:\n${audit.report()}`);
}

async function newCase(page, child, pathway) {
  await page.goto(url('#/cases/new'));
  await page.waitForFunction(() => !!document.querySelector('#f-case_number')?.value);
  await field(page, "Child's name").fill(child);
  await field(page, "Case worker's name").fill('Ana Ruiz');
  if (pathway) await field(page, 'Planned placement').selectOption({ label: pathway });
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  return page.url().replace(/plan\/case$/, '');
}

test('pages without cases: empty list, new case, overview, export, import, storage, profile', async () => {
  const audit = auditor();
  const page = await app.browser.page();
  await page.goto(url());
  await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
  await audit.check(page, 'empty case list');

  await page.goto(url('#/cases/new'));
  await page.waitForFunction(() => !!document.querySelector('#f-case_number')?.value);
  await audit.check(page, 'new case form');
  await field(page, 'Case number').fill('');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByText('Name the case worker', { exact: false }).first().waitFor();
  await audit.check(page, 'new case form with errors');

  await page.goto(url('#/overview'));
  await h1(page, 'Overview');
  await page.getByRole('heading', { name: 'Nothing overdue or due this week' }).waitFor();
  await audit.check(page, 'empty overview');

  await page.goto(url('#/export'));
  await page.getByText('There are no cases on this device to export.').waitFor();
  await audit.check(page, 'export without cases');

  await page.goto(url('#/import'));
  await h1(page, 'Import cases');
  await audit.check(page, 'import page');
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.locator('#import-outcome .error-box').getByText('Choose the file to import.').waitFor();
  await audit.check(page, 'import without a file');

  await page.goto(url('#/storage'));
  await h1(page, 'Storage and backup');
  await page.getByText(/^Homeward uses .+ here\./).waitFor();
  await audit.check(page, 'storage page');

  // A worker's profile: their name, the idle time, a new passphrase.
  await page.goto(url('#/profile'));
  await h1(page, 'Your name');
  await page.getByRole('button', { name: 'Change the passphrase' }).waitFor();
  await audit.check(page, 'profile page');

  await page.goto(url('#/nowhere'));
  await h1(page, 'Page not found');
  await audit.check(page, 'page not found');
  await page.goto(url('#/cases/00000000-0000-4000-8000-000000000000/plan/case'));
  await h1(page, 'Case not found');
  await audit.check(page, 'case not found');
  done(audit);
});

test('every step of the plan, with list items, visits, referrals and the handover dialog', async () => {
  const audit = auditor();
  const page = await app.browser.page();
  const base = await newCase(page, 'Lucía', 'Kinship care');
  const step = async (name, key) => {
    await page.goto(`${base}plan/${key}`);
    await page.getByRole('heading', { level: 2, name }).waitFor();
  };
  await step('Case', 'case');
  await audit.check(page, 'plan: case');
  // The supervisor's sign-off under the title, its form showing a problem.
  const signOff = page.locator('.sign-off');
  await signOff.getByRole('button', { name: 'Ask for review' }).click();
  await signOff.getByRole('button', { name: 'Record the review' }).click();
  const review = page.getByRole('form', { name: "The reviewer's decision" });
  await review.getByRole('button', { name: 'Save the review' }).click();
  await review.getByText("Give the reviewer's name.").waitFor();
  await audit.check(page, 'plan: the reviewer\'s decision with a problem');
  await review.getByRole('button', { name: 'Cancel' }).click();
  await field(page, 'Plan start date').fill('2026-11-02');
  await field(page, 'Next review date').fill('2020-01-01');
  await page.locator('.field.has-error').first().waitFor();
  await saved(page);
  await audit.check(page, 'plan: case with an error');
  await field(page, 'Next review date').fill('');
  await saved(page);

  await step('Case worker', 'worker');
  await field(page, 'Role').fill('Social worker');
  await saved(page);
  await audit.check(page, 'plan: case worker');
  await page.getByRole('button', { name: 'Hand over to another case worker…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand over the case' });
  await dialog.waitFor();
  await audit.check(page, 'handover dialog');
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await dialog.locator('#f-handover-name-error').getByText('Name the new case worker.').waitFor();
  await audit.check(page, 'handover dialog with an error');
  await field(dialog, "New case worker's name").fill('Marc Dubois');
  await field(dialog, 'Handover note').fill('Grandmother prefers calls after 6 pm.');
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await saved(page);
  await page.getByRole('region', { name: 'Earlier case workers' }).waitFor();
  await audit.check(page, 'plan: case worker after a handover');

  await step('Child', 'child');
  await field(page, 'Estimated age in years').fill('99');
  await page.locator('.field.has-error').first().waitFor();
  await audit.check(page, 'plan: child (number error)');
  await step('Household and family', 'household');
  await audit.check(page, 'plan: household, empty');
  await page.getByRole('button', { name: 'Add a person' }).click();
  await field(group(page, 'Person 1'), 'Name').fill('Rosa Gómez');
  await page.getByRole('button', { name: 'Add a person' }).click();
  await field(group(page, 'Person 2'), 'Name').focus();
  await field(group(page, 'Person 2'), 'Contact').focus();
  await page.locator('.field.has-error').first().waitFor();
  await audit.check(page, 'plan: household, a person with an error');
  await page.getByRole('button', { name: 'Remove: person 2' }).click();
  await saved(page);
  await step('Placement', 'placement');
  await field(page, 'Rosa Gómez').check();
  await saved(page);
  await audit.check(page, 'plan: placement, a caregiver from the household');
  await step('Assessment', 'assessment');
  await audit.check(page, 'plan: assessment, none');
  for (const date of ['2026-06-01', '2026-11-20']) {
    await page.getByRole('button', { name: 'Start a new assessment' }).click();
    await field(page.locator('section.assessment').first(), 'Date of the assessment').fill(date);
    await field(group(page.locator('section.assessment').first(), 'Health'), 'Rating').selectOption({ label: date === '2026-06-01' ? 'Need' : 'Strength' });
  }
  await field(group(page.locator('section.assessment').first(), 'Education'), 'Rating').selectOption({ label: 'Urgent need' });
  await page.getByRole('button', { name: 'Add a protection need: Education' }).click();
  await page.locator('details.earlier-assessment summary').click();
  await saved(page);
  await audit.check(page, 'plan: assessment, compared, an earlier one open, a need made');

  for (const [name, key, add, fill] of [
    ['Protection needs', 'needs', 'Add a need', 'Protection need'],
    ['Services', 'services', 'Add a service', null],
    ['Other actions', 'actions', 'Add an action', 'Action'],
    ['Consent and data sharing', 'consent', 'Record a decision', 'Their name'],
    ['Referrals', 'referrals', 'Add a referral', null],
  ]) {
    await step(name, key);
    await audit.check(page, `plan: ${key}, empty`);
    await page.getByRole('button', { name: add }).click();
    await page.getByRole('button', { name: add }).click();
    if (fill) await field(page.locator('.item').first(), fill).fill(`First ${key}`);
    await saved(page);
    await audit.check(page, `plan: ${key} with two items`);
    await page.getByRole('button', { name: /^Remove/ }).first().click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await audit.check(page, `plan: ${key} after a removal (undo)`);
  }

  await step('Monitoring', 'monitoring');
  await audit.check(page, 'plan: monitoring, no visit');
  await page.getByRole('button', { name: 'Log a visit' }).click();
  const draft = page.getByRole('form', { name: 'New visit' });
  await field(draft, 'Follow-up').fill('Call the school');
  await audit.check(page, 'plan: monitoring, a visit being written');
  await draft.getByRole('button', { name: 'Save visit' }).click();
  await saved(page);
  await audit.check(page, 'plan: monitoring with a visit');
  await page.getByRole('button', { name: /^Edit: Visit on / }).click();
  await page.locator('.visits fieldset').waitFor();
  await audit.check(page, 'plan: monitoring, a visit being edited');

  await step('Safety plan', 'safety-plan');
  await audit.check(page, 'plan: safety plan, empty');
  await page.getByRole('button', { name: 'Add a person or place' }).click();
  await field(page, 'Agreed on').fill('2026-11-10');
  await field(page, 'Review the safety plan on').fill('2026-11-01');
  await field(page, 'Agreed on').focus();
  await page.getByText(/^The review must come after the plan is agreed/).waitFor();
  await saved(page);
  await audit.check(page, 'plan: safety plan with a person or place and a problem');

  for (const [name, key] of [['Child participation', 'participation'], ['Best interests', 'best-interests']]) {
    await page.goto(`${base}plan/${key}`);
    await page.locator('#section-title').waitFor();
    await audit.check(page, `plan: ${key}`);
  }
  done(audit);
});

test('checklist, milestones, history, closing, print view, overview and the case list', async () => {
  const audit = auditor();
  const page = await app.browser.page();
  const base = await newCase(page, 'Tomás', 'Foster care');
  await page.goto(`${base}checklist`);
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
  await audit.check(page, 'checklist');
  await page.getByRole('checkbox', { name: 'Life skills training', exact: true }).click();
  await saved(page);
  const open = page.locator('.check-item:not(.done)').first();
  await open.getByRole('button', { name: /^Details: / }).click();
  const details = open.locator('.check-details');
  await field(details, 'Due by').fill('2020-01-01');
  await field(details, 'Person responsible').fill('Ana');
  await saved(page);
  await audit.check(page, 'checklist with an item expanded');
  await page.getByLabel('Status', { exact: true }).first().selectOption({ index: 1 });
  await page.getByLabel('Only overdue').check();
  await page.getByRole('button', { name: 'Clear filters' }).waitFor();
  await audit.check(page, 'checklist filtered');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'Add your own activity' }).click();
  await audit.check(page, 'checklist: own activity with an error');
  await page.getByRole('button', { name: /^Remove from the checklist/ }).first().click();
  await page.locator('#undo-checklist').waitFor();
  await audit.check(page, 'checklist after a removal (undo)');
  await page.locator('#undo-checklist').click();
  await saved(page);
  await page.locator('.milestone').first().getByLabel('Milestone status').selectOption({ index: 2 });
  await saved(page);
  await audit.check(page, 'milestones with one reached');

  await page.goto(url('#/overview'));
  await h1(page, 'Overview');
  await page.locator('table').first().waitFor();
  await audit.check(page, 'overview with deadlines');

  await page.goto(`${base}history`);
  await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
  await audit.check(page, 'history');

  await page.goto(`${base}plan/case`);
  await page.getByRole('button', { name: 'Delete case' }).click();
  await page.getByRole('dialog').waitFor();
  await audit.check(page, 'delete dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Close case…' }).click();
  const closing = page.getByRole('dialog', { name: 'Close this case' });
  await closing.getByRole('button', { name: 'Close case' }).click();
  await closing.getByText('Choose how the case ended.').waitFor();
  await audit.check(page, 'closure dialog with errors');
  await field(closing, 'Outcome').selectOption({ label: 'Foster care' });
  await field(closing, 'Reason').fill('Settled with the foster family.');
  await closing.getByRole('button', { name: 'Close case' }).click();
  await closing.waitFor({ state: 'hidden' });
  await saved(page);
  await audit.check(page, 'closed case: plan');
  await page.goto(`${base}checklist`);
  await page.locator('.closed-banner').waitFor();
  await audit.check(page, 'closed case: checklist');

  await page.goto(`${base}print`);
  await page.getByRole('heading', { level: 1, name: 'Care and Protection Plan' }).waitFor();
  await audit.check(page, 'print view');

  await page.goto(url());
  await page.getByRole('heading', { name: 'Time for a backup' }).waitFor();
  await audit.check(page, 'case list with cases and the backup reminder');
  await field(page, 'Filter cases').fill('nobody at all');
  await page.getByText(/No case matches/).waitFor();
  await audit.check(page, 'case list filtered to nothing');
  done(audit);
});

test('export and import: forms, errors, outcome, the conflict view', async () => {
  const audit = auditor();
  const page = await app.browser.page();
  await page.goto(url('#/export'));
  await page.getByText(/\d+ of \d+ chosen/).waitFor();
  await audit.check(page, 'export page');
  await field(page, 'Passphrase').fill('password1234');
  await field(page, 'Repeat the passphrase').fill('password');
  await page.getByRole('button', { name: /^Export \d+ cases, encrypted$/ }).click();
  await page.getByText('The two passphrases are not the same.').waitFor();
  await audit.check(page, 'export with errors');
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.getByRole('button', { name: /^Export 0 cases/ }).click();
  await page.getByText('Choose at least one case.').waitFor();
  await page.getByRole('button', { name: 'Select all' }).click();
  await page.getByLabel(/without encryption/i).first().check();
  await audit.check(page, 'export without encryption (warning)');
  await page.getByLabel(/without encryption/i).first().uncheck();
  await field(page, 'Passphrase').fill(PASS);
  await field(page, 'Repeat the passphrase').fill(PASS);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export \d+ cases, encrypted$/ }).click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await page.getByText(/^Saved homeward-/).waitFor();
  await audit.check(page, 'export done');
  // The stored cases, whole, for the colleague's file below: read through an export (which only
  // records their versions as exchanged), before the import page is opened.
  const stored = await casesAsExported(page, url());

  await page.goto(url('#/import'));
  await page.getByLabel('Export file').setInputFiles(file);
  await field(page, 'Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.locator('#import-outcome .error-box').waitFor({ timeout: 60_000 });
  await audit.check(page, 'import with a wrong passphrase');

  // The colleague's side: every case changed after this side changed it too.
  const theirs = stored.map((c) => ({ ...c, revision: c.revision + 1, version: crypto.randomUUID(), exchanged: [] }));
  theirs.push({ ...stored[0], id: crypto.randomUUID(), case_number: 'NEW-2026-0001', exchanged: [] });
  const json = join(dir, 'theirs.json');
  await writeFile(json, JSON.stringify({ format: 'homeward-export', format_version: 1, app_version: 'test', exported_at: new Date().toISOString(), cases: theirs }));
  await page.getByLabel('Export file').setInputFiles(json);
  await field(page, 'Passphrase').fill('');
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByRole('heading', { name: 'What this file would change' }).waitFor();
  await audit.check(page, 'import preview with conflicts');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Decide what to do with the \d+ cases changed on both sides\.$/).waitFor();
  await audit.check(page, 'import preview, conflicts undecided');
  await page.getByRole('button', { name: 'Keep mine for all' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported:/).waitFor();
  await audit.check(page, 'case list after an import (notice)');
  done(audit);
});

test('the training demo and the other languages: its eight cases, their plans, and the pages in Spanish and French', async () => {
  const audit = auditor();
  const page = await app.browser.page();
  await page.goto(url());
  await page.getByRole('button', { name: 'Open the training demo' }).click();
  const demo = page.getByRole('region', { name: 'Demo workspace' });
  await demo.waitFor();
  await page.locator('.case-table tbody tr').nth(7).waitFor();
  await audit.check(page, 'demo: case list');
  await page.goto(url('#/overview'));
  await page.locator('table').first().waitFor();
  await audit.check(page, 'demo: overview');
  await page.goto(url());
  await page.locator('.case-table tbody th a').first().click();
  await page.waitForURL(/plan\//);
  const base = page.url().replace(/plan\/.*$/, '');
  for (const [where, ready] of [
    ['plan/services', () => page.locator('#section-title').waitFor()],
    ['plan/monitoring', () => page.locator('#section-title').waitFor()],
    ['plan/referrals', () => page.locator('#section-title').waitFor()],
    ['checklist', () => page.locator('#checklist-title').waitFor()],
    ['history', () => page.locator('.timeline-entry').first().waitFor()],
    ['print', () => page.getByRole('heading', { level: 1 }).waitFor()],
  ]) {
    await page.goto(`${base}${where}`);
    await ready();
    await audit.check(page, `demo: ${where}`);
  }
  for (const [language, label] of [['Español', 'Language'], ['Français', 'Idioma']]) {
    await page.getByLabel(label, { exact: true }).selectOption({ label: language });
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), language === 'Español' ? 'es' : 'fr');
    for (const address of ['', '#/cases/new', '#/import', '#/storage']) {
      await page.goto(url(address));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await audit.check(page, `${language}: ${address || 'case list'}`);
    }
    await page.goto(`${base}plan/case`);
    await page.locator('#section-title').waitFor();
    await audit.check(page, `${language}: plan`);
  }
  await page.getByLabel('Langue', { exact: true }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Leave demo' }).click();
  done(audit);
});
