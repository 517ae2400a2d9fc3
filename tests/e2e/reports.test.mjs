// The Reports page over the hand-built caseload of the domain's report tests
// (tests/fixtures/report-caseload.json, kept true to them by a native test): imported into a
// worker's workspace, it shows the figures those tests work out by hand, for the third quarter
// of 2026, for one worker, and for the year; every figure has its chart and table; axe finds
// nothing at 1280 and 360 px. Marc Dubois is renamed "=Marc Dubois" on the way in: a name that
// starts like a formula is still a name to filter by.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withApp, field } from './harness.mjs';
import { auditor } from './axe.mjs';

const CASELOAD = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'report-caseload.json');
const app = withApp('/');

/** The rows of a figure's table, each as its cells' texts. */
async function table(page, title) {
  const figure = page.getByRole('region', { name: title });
  return figure.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.innerText.trim())));
}

async function summary(page, title) {
  return page.getByRole('region', { name: title }).locator('.figure-summary').innerText();
}

test('the Reports page shows the figures worked out by hand, each chart with its table', async () => {
  const page = await app.browser.page();
  // "Today" as the domain's tests have it, so the overdue items and the year are theirs.
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  const renamed = join(await mkdtemp(join(tmpdir(), 'homeward-reports-')), 'report-caseload.json');
  await writeFile(renamed, (await readFile(CASELOAD, 'utf8')).replaceAll('Marc Dubois', '=Marc Dubois'));
  await page.goto(`${app.server.url}#/import`);
  await page.getByLabel('Export file').setInputFiles(renamed);
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByText('8 new', { exact: false }).first().waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported/).first().waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  // One live region tells the count, kept across changes so a screen reader hears each one.
  const live = await page.locator('.report-counted[aria-live="polite"]').elementHandle();
  await field(page, 'Period').selectOption({ label: 'Last quarter' });
  await page.getByText('6 cases in the caseload during 1 Jul 2026 – 30 Sept 2026. Figures are counted as of 30 Sept 2026.').waitFor();

  // Every figure: a heading naming a region, a chart named by the same title, and a table.
  const titles = [
    'Open cases by pathway and plan status',
    'Where the children are in the stage',
    'Residential care, family-based care and independent living over time',
    'Open cases that have reached each milestone',
    'Cases closed in the period, by outcome',
    'Time from plan start to placement',
    'Monitoring visits done against due',
    'Overdue items by case worker, today',
    'Urgent referrals answered within 7 days',
    'Referrals by service type and status',
    'Checklist activities done against applicable, by theme',
  ];
  for (const title of titles) {
    const figure = page.getByRole('region', { name: title });
    await figure.waitFor();
    assert.equal(await figure.getByRole('table').count(), 1, `${title}: its table`);
    assert.equal(await figure.getByRole('img', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).count(), 1, `${title}: its chart`);
  }
  // On a wide screen each table stands beside its chart, not under it.
  const beside = await page.getByRole('region', { name: 'Where the children are in the stage' }).evaluate((f) => {
    const [chart, table] = [f.querySelector('svg.chart'), f.querySelector('table')].map((e) => e.getBoundingClientRect());
    return table.left >= chart.right && table.top < chart.bottom;
  });
  assert.ok(beside, 'the table beside its chart at 1280 px');

  assert.deepEqual(await table(page, 'Open cases by pathway and plan status'), [
    ['Not decided', '1', '1', '2'],
    ['Reunification with parents or family', '0', '1', '1'],
    ['Kinship care', '0', '1', '1'],
    ['Foster care', '0', '1', '1'],
  ]);
  assert.deepEqual(await table(page, 'Where the children are in the stage'), [
    ['Planning: the plan is a draft', '1'],
    ['Preparing: plan active, not placed yet', '2'],
    ['Placed or transitioned, not visited since', '1'],
    ['In follow-up after placement', '1'],
    ['Closed in the period', '1'],
  ]);
  assert.deepEqual(await table(page, 'Residential care, family-based care and independent living over time'), [
    ['31 Jul 2026', '3', '0', '1', '1'],
    ['31 Aug 2026', '3', '0', '1', '1'],
    ['30 Sept 2026', '3', '1', '1', '1'],
  ]);
  assert.deepEqual((await table(page, 'Open cases that have reached each milestone')).map((r) => r.slice(0, 2)), [
    ['Prepared for placement', '1'], ['Legal steps complete', '0'], ['Safety and monitoring plan in place', '0'],
    ['Referrals completed', '0'], ['Placed or transitioned', '2'],
  ]);
  assert.deepEqual(await table(page, 'Cases closed in the period, by outcome'), [['Independent living', '1']]);
  assert.match(await summary(page, 'Time from plan start to placement'), /^Median 193 days over 1 placement in the period;.* 1 placement had no plan start or no placement date and is not timed\./);
  assert.deepEqual(await table(page, 'Monitoring visits done against due'), [['Visits done', '3'], ['Visits due', '4']]);
  assert.deepEqual(await table(page, 'Overdue items by case worker, today'), [['Ana Ruiz', '5'], ['=Marc Dubois', '1']]);
  assert.match(await summary(page, 'Urgent referrals answered within 7 days'), /^33% answered within 7 days, of 3 whose 7 days have run\./);
  assert.deepEqual(await table(page, 'Referrals by service type and status'), [
    ['Type not recorded', '1', '1', '0', '0', '0', '2'],
    ['Health', '0', '0', '1', '0', '0', '1'],
    ['Education', '0', '0', '1', '0', '0', '1'],
    ['Psychosocial support', '0', '1', '0', '0', '0', '1'],
  ]);
  assert.deepEqual(await table(page, 'Checklist activities done against applicable, by theme'), [['Strengthening the family', '2', '3', '67%']]);

  // One worker's cases.
  await field(page, 'Case worker').selectOption({ label: '=Marc Dubois' });
  await page.getByText(/^1 case in the caseload/).waitFor();
  assert.deepEqual(await table(page, 'Where the children are in the stage'), [
    ['Planning: the plan is a draft', '1'], ['Preparing: plan active, not placed yet', '0'],
    ['Placed or transitioned, not visited since', '0'], ['In follow-up after placement', '0'], ['Closed in the period', '0'],
  ]);
  await field(page, 'Case worker').selectOption({ label: 'All case workers' });

  // The year so far: F's reunification counts, and B's and E's placements.
  await field(page, 'Period').selectOption({ label: 'This year' });
  await page.getByText(/^8 cases in the caseload during 1 Jan 2026 – 31 Dec 2026\. Figures are counted as of 7 Dec 2026\./).waitFor();
  assert.deepEqual(await table(page, 'Cases closed in the period, by outcome'), [['Reunified with family', '1'], ['Independent living', '1']]);
  assert.match(await summary(page, 'Time from plan start to placement'), /^Median 177 days over 2 placements in the period; the middle half took 169 to 185 days\./);

  // Dates chosen by hand: a period that ends before it begins is told, not counted.
  await field(page, 'Period').selectOption({ label: 'Choose the dates' });
  await field(page, 'From').fill('2026-10-01');
  await field(page, 'To').fill('2026-09-01');
  await page.getByRole('alert').filter({ hasText: 'The period ends before it begins.' }).waitFor();
  await field(page, 'To').fill('2026-10-31');
  await page.getByText(/^6 cases in the caseload during 1 Oct 2026 – 31 Oct 2026/).waitFor();
  assert.ok(await live.evaluate((p) => p.isConnected && p.textContent.includes('1 Oct 2026 – 31 Oct 2026')), 'the same live region');

  // A year still being typed (a date field reports 0002 on the way to 2026): a few points, not thousands.
  await field(page, 'From').fill('0002-01-01');
  await page.waitForFunction(() => !document.querySelector('.report-counted').textContent.includes('1 Oct 2026 –'));
  const points = await table(page, 'Residential care, family-based care and independent living over time');
  assert.ok(points.length <= 41, `${points.length} points over the time chart`);

  // A period that has not begun counts nothing and says so.
  await field(page, 'To').fill('2027-03-31');
  await field(page, 'From').fill('2027-01-01');
  await page.getByRole('alert').filter({ hasText: 'The period has not begun: it starts on 1 Jan 2027.' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Where the children are in the stage' }).count(), 0);
  await field(page, 'From').fill('2026-10-01');

  const audit = auditor();
  await audit.check(page, 'reports');
  assert.equal(audit.found.length, 0, `axe found violations:\n${audit.report()}`);
  assert.deepEqual(app.browser.errors, []);
});
