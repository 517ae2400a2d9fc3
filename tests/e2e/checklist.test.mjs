// A case worker starts a kinship case, works through its reintegration checklist and
// milestones, finds what is late on the overview, reloads, and changes the pathway.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved } from './harness.mjs';

const app = withApp('/tools/homeward/');

const day = (offset) => new Date(Date.now() + offset * 864e5).toISOString().slice(0, 10);
const LATE = day(-12);

/** An activity's box on the checklist (a milestone's card has one too, for its related activities). */
const tick = (page, title) => page.locator('.check-items').getByRole('checkbox', { name: title, exact: true });
/** The checklist row of an activity. */
const row = (page, title) => page.locator('li.check-item', { has: page.getByRole('checkbox', { name: title, exact: true }) });
const milestone = (page, title) => page.getByRole('article', { name: new RegExp(`^${title}`) });
const progressLine = (page) => page.locator('#checklist-progress-text');

async function details(page, title) {
  const item = row(page, title);
  const toggle = item.getByRole('button', { name: `Details: ${title}`, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return item;
}

async function openChecklist(page) {
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Checklist and milestones' }).click();
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
}

let caseUrl;

test('a case started on a pathway gets that pathway\'s activities proposed', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url + '#/cases/new');
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  await field(page, "Child's name").fill('Lucía Mendoza');
  await field(page, "Case worker's name").fill('Ana Ruiz');
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  caseUrl = page.url().replace(/\/plan\/case$/, '');

  await openChecklist(page);
  assert.ok(page.url().endsWith('/checklist'));
  await page.getByText('29 activities', { exact: true }).waitFor();
  await page.getByText('Pathway: Kinship care.').waitFor();
  for (const title of ['Help the family prepare the home', 'Life skills training', 'Placement documents with local authorities', 'Community welcome event']) {
    assert.equal(await tick(page, title).isChecked(), false, title);
  }
  assert.equal(await tick(page, 'Job readiness training').count(), 0, 'youth-only activities are not proposed for kinship care');
  // Grouped by theme, themes as headings.
  for (const theme of ['Preparing the child or young person', 'Strengthening the family', 'Legal steps and documents', 'The day of placement']) {
    await page.getByRole('heading', { level: 4, name: theme }).waitFor();
  }
  await progressLine(page).getByText('0 of 29 activities done (0%) · 0 of 5 milestones reached').waitFor();
});

test('ticking and unticking by click and by keyboard is saved at once', async () => {
  const page = await app.browser.page();
  await tick(page, 'Life skills training').click();
  assert.equal(await tick(page, 'Life skills training').isChecked(), true);
  await tick(page, 'Life book or life story').focus();
  await page.keyboard.press('Space');
  await progressLine(page).getByText(/^2 of 29 activities done/).waitFor();
  await tick(page, 'Life book or life story').click();
  assert.equal(await tick(page, 'Life book or life story').isChecked(), false);
  await progressLine(page).getByText(/^1 of 29 activities done \(3%\)/).waitFor();
  // Ticking records the day it was done.
  const done = row(page, 'Life skills training');
  await done.getByText(/^done /).waitFor();
  await saved(page);
});

test('a due date in the past shows as overdue, and the filters narrow the list', async () => {
  const page = await app.browser.page();
  const home = await details(page, 'Help the family prepare the home');
  await field(home, 'Due by').fill(LATE);
  await field(home, 'Person responsible').fill('Rosa Mendoza');
  // The next activity's "Person responsible" offers the names the case already holds
  // (issue 22, point 13: it was retyped every time).
  const life = await details(page, 'Life skills training');
  await page.waitForFunction(() => {
    const box = [...document.querySelectorAll('input[list]')].find((e) => e.closest('li.check-item')?.textContent.includes('Life skills training'));
    const offered = [...(box?.list?.options ?? [])].map((o) => o.value);
    return offered.includes('Ana Ruiz') && offered.includes('Rosa Mendoza');
  });
  await life.getByRole('button', { name: 'Details: Life skills training' }).click();
  await home.getByText('Overdue', { exact: true }).waitFor();
  await home.getByText('12 days overdue', { exact: false }).waitFor();
  await progressLine(page).getByText(/· 1 overdue ·/).waitFor();
  // An item whose details are open stays in view whatever the filters; closed, it follows them.
  await home.getByRole('button', { name: 'Details: Help the family prepare the home' }).click();

  await field(page, 'Only overdue').check();
  await page.getByText('Showing 1 of 29 activities').waitFor();
  assert.equal(await page.locator('li.check-item').count(), 1);
  await field(page, 'Only overdue').uncheck();
  await field(page, 'Person responsible').first().selectOption({ label: 'Rosa Mendoza' });
  await page.getByText('Showing 1 of 29 activities').waitFor();
  await field(page, 'Status').first().selectOption({ label: 'Done' });
  await page.getByText('Showing 0 of 29 activities').waitFor();
  await page.getByText('No activity matches these filters.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText('29 activities', { exact: true }).waitFor();
  await saved(page);
});

test('not applicable asks for a reason; own activities count towards milestones', async () => {
  const page = await app.browser.page();
  const farewell = await details(page, 'Farewell party');
  await field(farewell, 'Status').selectOption({ label: 'Not applicable' });
  await farewell.getByText('Say why this does not apply to the child').waitFor();
  await field(farewell, 'Why it does not apply').fill('Lucía asked to leave quietly');
  await farewell.getByText('Say why this does not apply to the child').waitFor({ state: 'detached' });
  await progressLine(page).getByText(/^1 of 28 activities done/).waitFor();

  await field(page, 'Your own activity').fill('Court hearing on guardianship');
  await page.locator('#f-new_activity-theme').selectOption({ label: 'Legal steps and documents' });
  await page.locator('#f-new_activity-milestone').selectOption({ label: 'Legal steps complete' });
  await page.getByRole('button', { name: 'Add your own activity' }).click();
  await tick(page, 'Court hearing on guardianship').waitFor();
  // Focus moves a frame after the new activity appears.
  await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent === 'Court hearing on guardianship', null, { timeout: 5000 });
  await milestone(page, 'Legal steps complete').getByText('0 of 2 related activities done').waitFor();

  // Any catalogue activity can be added, whatever the pathway.
  await field(page, 'Activity from the catalogue').selectOption({ label: 'Aftercare services' });
  await page.getByRole('button', { name: 'Add activity', exact: true }).click();
  await tick(page, 'Aftercare services').waitFor();
  await saved(page);
});

test('a milestone is marked reached and shows the activities bearing on it', async () => {
  const page = await app.browser.page();
  const legal = milestone(page, 'Legal steps complete');
  await field(legal, 'Milestone status').selectOption({ label: 'Reached' });
  assert.equal(await field(legal, 'Date reached').inputValue(), day(0), 'today, unless changed');
  await field(legal, 'Evidence or note').fill('Guardianship order 114/2026 filed with DIF');
  await legal.getByText('Marked reached, but 2 related activities are not done.').waitFor();
  await legal.locator('summary').click();
  // Each related activity leads to its box on the checklist.
  await legal.getByRole('button', { name: 'Show in the list: Placement documents with local authorities' }).click();
  await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent === 'Placement documents with local authorities');
  await page.keyboard.press('Space');
  await legal.getByText('1 of 2 related activities done').waitFor();
  await progressLine(page).getByText(/1 of 5 milestones reached$/).waitFor();
  await saved(page);
});

test('a milestone at a glance leads to its card, where its related activities are ticked in place', async () => {
  const page = await app.browser.page();
  await page.evaluate(() => window.scrollTo(0, 0));
  const glance = page.getByRole('list', { name: 'Key milestones at a glance' });
  await glance.getByRole('button', { name: /^Prepared for placement/ }).click();
  const prepared = milestone(page, 'Prepared for placement');
  await page.waitForFunction(() => document.activeElement?.matches('article.milestone h4')
    && document.activeElement.textContent.startsWith('Prepared for placement'));
  assert.ok(await prepared.locator('h4').evaluate((h) => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }),
    'the milestone is on screen');
  await prepared.locator('summary').click();
  const count = async () => Number((await prepared.locator('.milestone-count').innerText()).match(/^(\d+) of/)[1]);
  const before = await count();
  const first = prepared.locator('.related').getByRole('checkbox').first();
  const title = (await first.evaluate((box) => box.labels[0].textContent)).trim();
  assert.equal(await first.isChecked(), false);
  await first.check();
  await prepared.locator('.milestone-count').getByText(`${before + 1} of`).waitFor();
  assert.equal(await tick(page, title).isChecked(), true, 'the checklist agrees');
  await saved(page);
  // And by keyboard: the space bar unticks it where it is.
  await first.focus();
  await page.keyboard.press('Space');
  await prepared.locator('.milestone-count').getByText(`${before} of`).waitFor();
  assert.equal(await tick(page, title).isChecked(), false);
  await saved(page);
});

test('an activity the plan\'s services already do leads to them, instead of standing apart', async () => {
  const page = await app.browser.page();
  await page.goto(`${caseUrl}/plan/services`);
  await page.getByRole('button', { name: 'Add a service' }).click();
  const service = page.getByRole('group', { name: 'Service 1' });
  await field(service, 'Type of service').selectOption({ label: 'Psychosocial support' });
  await field(service, 'Service').fill('Weekly trauma-focused counselling at Clínica San José');
  await saved(page);
  await openChecklist(page);
  const counselling = row(page, 'Counselling or other therapies');
  const link = counselling.getByRole('link', { name: 'In the plan: Weekly trauma-focused counselling at Clínica San José' });
  await link.waitFor();
  assert.equal(await row(page, 'Life skills training').getByRole('link', { name: /^In the plan/ }).count(), 0, 'only where a service does the work');
  await link.click();
  await page.waitForURL(/plan\/services$/);
  await page.goto(`${caseUrl}/checklist`);
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
});

test('the overview and the case list show what is late, linking to where it is done', async () => {
  const page = await app.browser.page();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Overdue (1)' }).waitFor();
  const late = page.getByRole('link', { name: 'Checklist: Help the family prepare the home' });
  await page.getByText('12 days overdue').waitFor();
  await late.click();
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent === 'Help the family prepare the home');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  const listed = page.getByRole('row', { name: /Lucía Mendoza/ });
  await listed.getByText('2 of 30 done').waitFor();
  await listed.getByText('1 overdue').waitFor();
  await listed.getByText('1 of 5 milestones').waitFor();
  await listed.getByText('Overdue', { exact: true }).waitFor();
});

test('after a reload everything is kept', async () => {
  const page = await app.browser.page();
  await page.goto(caseUrl + '/checklist');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
  assert.equal(await tick(page, 'Life skills training').isChecked(), true);
  assert.equal(await tick(page, 'Life book or life story').isChecked(), false);
  assert.equal(await tick(page, 'Placement documents with local authorities').isChecked(), true);
  const home = await details(page, 'Help the family prepare the home');
  assert.equal(await field(home, 'Due by').inputValue(), LATE);
  assert.equal(await field(home, 'Person responsible').inputValue(), 'Rosa Mendoza');
  const farewell = await details(page, 'Farewell party');
  assert.equal(await field(farewell, 'Why it does not apply').inputValue(), 'Lucía asked to leave quietly');
  const legal = milestone(page, 'Legal steps complete');
  assert.equal(await field(legal, 'Milestone status').inputValue(), 'reached');
  assert.equal(await field(legal, 'Evidence or note').inputValue(), 'Guardianship order 114/2026 filed with DIF');
  await tick(page, 'Court hearing on guardianship').waitFor();
  await progressLine(page).getByText('2 of 30 activities done (6%) · 1 overdue · 1 of 5 milestones reached').waitFor();
});

test('changing the pathway proposes its activities and loses nothing', async () => {
  const page = await app.browser.page();
  await page.goto(caseUrl + '/plan/placement');
  await field(page, 'Planned placement').selectOption({ label: 'Supported independent living' });
  await page.getByText('4 activities proposed for Supported independent living are not on the checklist yet.').waitFor();
  await page.getByRole('button', { name: 'Add the 4 activities to the checklist' }).click();
  await page.getByText('4 activities were added to the checklist.').waitFor();
  await saved(page);
  await page.getByRole('link', { name: 'Open the checklist' }).click();
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
  await page.getByText('Pathway: Supported independent living.').waitFor();
  await tick(page, 'Job readiness training').waitFor();
  assert.equal(await tick(page, 'Life skills training').isChecked(), true);
  const home = await details(page, 'Help the family prepare the home');
  assert.equal(await field(home, 'Person responsible').inputValue(), 'Rosa Mendoza');
  assert.equal(await field(home, 'Due by').inputValue(), LATE);
  await tick(page, 'Court hearing on guardianship').waitFor();
  await page.getByText('35 activities', { exact: true }).waitFor();

  // Removing can be undone; a removed activity is not proposed again.
  const kit = await details(page, 'Reintegration kit');
  await kit.getByRole('button', { name: 'Remove from the checklist: Reintegration kit' }).click();
  await page.getByText('“Reintegration kit” was removed from the checklist.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await tick(page, 'Reintegration kit').waitFor();
  await saved(page);
  await page.reload();
  await page.getByText('35 activities', { exact: true }).waitFor();
  assert.deepEqual(app.browser.errors, []);
  assert.deepEqual(app.browser.outside, []);
});
