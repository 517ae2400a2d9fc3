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

  // A visit is written in a draft: nothing changes until it is saved.
  await page.getByRole('button', { name: 'Log a visit' }).click();
  const draft = page.getByRole('form', { name: 'New visit' });
  const today = new Date();
  assert.equal(await field(draft, 'Date of the visit').inputValue(), today.toLocaleDateString('en-CA'));
  assert.equal(await field(draft, 'Visited by').inputValue(), 'Ana Ruiz');
  // The cursor in its first box.
  await page.waitForFunction(async (id) => document.activeElement?.id === id, await field(draft, 'Date of the visit').getAttribute('id'));
  await field(draft, 'Concerns').fill('Typed by mistake');
  await draft.getByRole('button', { name: 'Cancel' }).click();
  // Something typed is thrown away only when the worker says so.
  await page.getByRole('dialog', { name: 'Throw away this visit?' }).getByRole('button', { name: 'Throw it away' }).click();
  await draft.waitFor({ state: 'detached' });
  await page.getByText('No visit logged yet.').waitFor();
  await page.getByText('Next visit due: 19 January 2026 (overdue)').waitFor();

  await page.getByRole('button', { name: 'Log a visit' }).click();
  await field(draft, 'Where').fill('Grandmother\'s home, Cusco');
  await field(draft, 'Who was seen').fill('Lucía, her grandmother');
  await field(draft, 'Was the child seen alone?').selectOption({ label: 'Yes' });
  await field(draft, "The child's wellbeing and safety, as observed").fill('Settled, eating well, no signs of harm.');
  await field(draft, 'Services checked against the plan').fill('School: attending. Counselling: first session missed.');
  await field(draft, 'Concerns').fill('Counselling not started.');
  await field(draft, 'Follow-up').fill('Call the counselling service about the missed session');
  await page.getByText('Next visit due: 19 January 2026 (overdue)').waitFor();
  await draft.getByRole('button', { name: 'Save visit' }).click();
  await draft.waitFor({ state: 'detached' });
  await page.getByText(`Next visit due: ${day(addDays(today, 14))}`, { exact: true }).waitFor();
  assert.notEqual((await look())[0], 'rgb(166, 27, 27)', 'a visit not yet due is told calmly');
  await saved(page);

  // Listed compactly: its day, who, where and what to follow up; no form until Edit.
  const visit = page.locator('.visit-log li').filter({ has: page.getByRole('heading', { name: `Visit on ${day(today)}` }) });
  await visit.getByText('Counselling not started.').waitFor();
  assert.equal(await page.locator('.visit-log').getByRole('textbox').count(), 0, 'a saved visit shows no form');
  await visit.getByRole('button', { name: "Add the follow-up to the plan's actions" }).click();
  await visit.getByRole('link', { name: 'The follow-up is an action of the plan' }).waitFor();
  await saved(page);

  // The visit really happened long ago: the next one is now overdue.
  await visit.getByRole('button', { name: `Edit: Visit on ${day(today)}` }).click();
  await field(page.locator('.visit-log'), 'Date of the visit').fill('2026-02-02');
  await page.getByText('Next visit due: 16 February 2026 (overdue)').waitFor();
  await page.getByRole('group', { name: 'Visit on 2 February 2026' }).getByRole('button', { name: 'Done' }).click();
  await page.getByRole('heading', { name: 'Visit on 2 February 2026' }).waitFor();
  // Remove is apart from the follow-up's link, and says what it removes.
  assert.equal(await page.getByRole('button', { name: /^Remove/ }).count(), 0, 'Remove only while editing');
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
  await page.getByRole('button', { name: 'Edit: Visit on 2 February 2026' }).click();
  assert.equal(await field(page, 'Concerns').inputValue(), 'Counselling not started.');
  assert.equal(await field(page, 'Was the child seen alone?').inputValue(), 'yes');
  assert.deepEqual(app.browser.errors, []);
});

test('a visit written but not saved is not lost by leaving the case inside the app', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Rosa Quispe');
  await page.goto(`${plan}monitoring`);
  await page.getByRole('button', { name: 'Log a visit' }).click();
  const draft = page.getByRole('form', { name: 'New visit' });
  await field(draft, 'Concerns').fill('Bruise on the left arm, explained as a fall');
  // Another step of the plan keeps it.
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link').first().click();
  await page.waitForURL(/plan\/case$/);
  await page.goto(`${plan}monitoring`);
  assert.equal(await field(draft, 'Concerns').inputValue(), 'Bruise on the left arm, explained as a fall');
  // The case list is another page: the app asks first, and staying keeps the draft.
  const asked = [];
  page.once('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await page.waitForTimeout(300);
  assert.equal(asked.length, 1, 'leaving asks first');
  assert.match(asked[0], /visit/i, `the question says what would be lost: ${asked[0]}`);
  assert.equal(await field(draft, 'Concerns').inputValue(), 'Bruise on the left arm, explained as a fall');
  // Going anyway is the worker's choice.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  // Back on the case, nothing is asked any more (the draft was given up).
  await page.goto(`${plan}monitoring`);
  await page.getByText('No visit logged yet.').waitFor();
  let askedAgain = false;
  page.once('dialog', (d) => { askedAgain = true; d.accept(); });
  await page.getByRole('link', { name: 'Cases', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  assert.equal(askedAgain, false, 'nothing written, nothing asked');
  assert.deepEqual(app.browser.errors, []);
});
