// The history reads as a worker speaks (issue 22, point 4): items are named by their title or
// date (a milestone by its name, a referral by whom it is to even when it was added empty, a
// visit by its day), values are the labels on screen, never stored codes or identifiers, and a
// long description is written out once, not on every change to its item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, group } from './harness.mjs';

const app = withApp('/');

const LONG = 'Weekly trauma-focused counselling with the same counsellor at the clinic near school, after classes on Thursdays';
const longDay = (d) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = (d) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

test('the history names items by title or date, shows labels, never identifiers, and long text once', async () => {
  const page = await app.browser.page();
  await page.goto(`${app.server.url}#/cases/new`);
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  await field(page, "Child's name").fill('Lucía Mendoza');
  await field(page, "Case worker's name").fill('Ana Ruiz');
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  const plan = page.url().replace(/case$/, '');
  const base = plan.replace(/plan\/$/, '');

  // A service with a long description, then two more of its fields changed.
  await page.goto(`${plan}services`);
  await page.getByRole('button', { name: 'Add a service' }).click();
  await field(group(page, 'Service 1'), 'Service').fill(LONG);
  await saved(page);
  await field(group(page, 'Service 1'), 'Provider').fill('Clínica San José');
  await saved(page);
  await field(group(page, 'Service 1'), 'Where').fill('Cusco');
  await saved(page);
  // A referral added empty, named afterwards.
  await page.goto(`${plan}referrals`);
  await page.getByRole('button', { name: 'Add a referral' }).click();
  await saved(page);
  await field(group(page, 'Referral 1'), 'Referred to').fill('Centro de Salud Mental');
  await saved(page);
  // A visit with a follow-up that becomes an action of the plan.
  await page.goto(`${plan}monitoring`);
  await field(page, 'Visit frequency').selectOption({ label: 'Every two weeks' });
  await page.getByRole('button', { name: 'Log a visit' }).click();
  await field(page, 'Follow-up').fill('Call the counselling service about the missed session');
  // (Saved as a visit of its own where a visit is written in a draft first.)
  const save = page.getByRole('button', { name: 'Save visit' });
  if (await save.count()) await save.click();
  const addFollowUp = page.getByRole('button', { name: "Add the follow-up to the plan's actions" });
  if (await addFollowUp.count()) await addFollowUp.click();
  await saved(page);
  // An activity ticked and a milestone reached.
  await page.goto(`${base}checklist`);
  await page.getByRole('checkbox', { name: 'Life skills training', exact: true }).click();
  await saved(page);
  await field(page.getByRole('article', { name: /^Legal steps complete/ }), 'Milestone status').selectOption({ label: 'Reached' });
  await saved(page);

  await page.goto(`${base}history`);
  await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
  const text = (await page.locator('.timeline-entry').allInnerTexts()).join('\n');
  const today = new Date();
  assert.doesNotMatch(text, /an item/, `every item is named:\n${text}`);
  assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/, `no identifier shows:\n${text}`);
  assert.doesNotMatch(text, /“(not started|in progress|done|not reached|reached)”/, `labels, not stored codes:\n${text}`);
  assert.match(text, /“Not started” → “Done”/, text);
  assert.match(text, /Legal steps complete/, `the milestone by its name:\n${text}`);
  assert.match(text, /Referrals[^\n]*Centro de Salud Mental/, `the referral by whom it is to:\n${text}`);
  assert.match(text, new RegExp(`Monitoring: [^\\n]*(— |added “)(${longDay(today)}|${shortDay(today)})`), `the visit by its day:\n${text}`);
  assert.doesNotMatch(text, /Monitoring: [^\n]*(— |added “)Call the counselling/, `not by its follow-up:\n${text}`);
  // The follow-up made an action: told by its words, and in the visit's entry (when it was a
  // change of its own) in words too.
  assert.match(text, /Other actions: added “Call the counselling service about the missed session”/, text);
  assert.doesNotMatch(text, /Follow.up action[^\n]*→ “(?!an action of the plan”)/, `the follow-up's action in words:\n${text}`);
  const times = text.split(LONG).length - 1;
  assert.equal(times, 1, `the long description is written out once, not ${times} times:\n${text}`);
  assert.deepEqual(app.browser.errors, []);
});
