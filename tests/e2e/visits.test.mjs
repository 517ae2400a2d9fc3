// Monitoring visits: the next visit is due one interval after the latest visit; a missed visit
// shows as overdue on the case, in the case list and on the overview; a follow-up becomes a
// plan action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, createCase } from './harness.mjs';

const app = withApp('/');

const day = (d) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const addDays = (d, n) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

test('a logged visit moves the next due date; a missed one is overdue everywhere', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await field(page, 'Plan start date').fill('2026-01-05');
  await page.goto(`${plan}monitoring`);
  await field(page, 'Visit frequency').selectOption({ label: 'Every two weeks' });
  await page.getByText('Next visit due: 19 January 2026 (overdue)').waitFor();
  // Overdue stands out, in the errors' red and bold, not in the calm box of any other line.
  const look = () => page.locator('p.derived').filter({ hasText: 'Next visit due' })
    .evaluate((p) => [getComputedStyle(p).color, Number(getComputedStyle(p).fontWeight)]);
  const [color, weight] = await look();
  assert.ok(color === 'rgb(166, 27, 27)' && weight >= 600, `the overdue visit stands out: ${color} ${weight}`);

  await page.getByRole('button', { name: 'Log a visit' }).click();
  const today = new Date();
  assert.equal(await field(page, 'Date of the visit').inputValue(), today.toLocaleDateString('en-CA'));
  assert.equal(await field(page, 'Visited by').inputValue(), 'Ana Ruiz');
  await page.getByText(`Next visit due: ${day(addDays(today, 14))}`, { exact: true }).waitFor();
  assert.notEqual((await look())[0], 'rgb(166, 27, 27)', 'a visit not yet due is told calmly');
  await field(page, 'Where').fill('Grandmother\'s home, Cusco');
  await field(page, 'Who was seen').fill('Lucía, her grandmother');
  await field(page, 'Was the child seen alone?').selectOption({ label: 'Yes' });
  await field(page, "The child's wellbeing and safety, as observed").fill('Settled, eating well, no signs of harm.');
  await field(page, 'Services checked against the plan').fill('School: attending. Counselling: first session missed.');
  await field(page, 'Concerns').fill('Counselling not started.');
  await field(page, 'Follow-up').fill('Call the counselling service about the missed session');
  await page.getByRole('button', { name: "Add the follow-up to the plan's actions" }).click();
  await page.getByRole('link', { name: 'The follow-up is an action of the plan' }).waitFor();
  await saved(page);

  // The visit really happened long ago: the next one is now overdue.
  await field(page, 'Date of the visit').fill('2026-02-02');
  await page.getByText('Next visit due: 16 February 2026 (overdue)').waitFor();
  await page.getByRole('group', { name: 'Visit on 2 February 2026' }).waitFor();
  await saved(page);

  await page.goto(`${plan}actions`);
  assert.equal(await field(page, 'Action').inputValue(), 'Call the counselling service about the missed session');
  assert.equal(await field(page, 'Who is responsible').inputValue(), 'Ana Ruiz');

  await page.goto(app.server.url);
  const row = page.getByRole('row').filter({ hasText: 'Ana Ruiz' });
  await row.getByText('Monitoring visit').waitFor();
  await row.getByText(/overdue/i).first().waitFor();

  await page.goto(`${app.server.url}#/overview`);
  const late = page.getByRole('region', { name: /overdue/i });
  await late.getByRole('row').filter({ hasText: 'Monitoring visit' }).waitFor();

  await page.reload();
  await page.goto(`${plan}monitoring`);
  assert.equal(await field(page, 'Concerns').inputValue(), 'Counselling not started.');
  assert.equal(await field(page, 'Was the child seen alone?').inputValue(), 'yes');
  assert.deepEqual(app.browser.errors, []);
});
