// The case history: every change recorded with when, by whom (the name set in this browser),
// which section and what changed; a timeline filterable by section, kept across reloads and
// carried in export files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, createCase } from './harness.mjs';

const app = withApp('/');

test('changes are recorded with who made them, and the timeline filters by section', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  await page.getByRole('link', { name: 'Set your name' }).click();
  await field(page, 'Your name').fill('Ana Ruiz');
  await page.getByText('Changes are recorded as made by Ana Ruiz.').waitFor();
  await page.getByRole('link', { name: 'You: Ana Ruiz' }).waitFor();

  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
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
  assert.match(await entries.nth(0).innerText(), /Protection needs[\s\S]*Ana Ruiz[\s\S]*Protection needs: added “School bullying”/);
  assert.match(await entries.nth(1).innerText(), /Case worker[\s\S]*Ana Ruiz[\s\S]*Case worker: Role: “\(empty\)” → “Psychologist”/);
  assert.match(await entries.last().innerText(), /Case created[\s\S]*Ana Ruiz/);

  await field(page, 'Show changes to').selectOption({ label: 'Case worker' });
  assert.equal(await entries.count(), 1);
  await field(page, 'Show changes to').selectOption({ label: 'The whole case' });
  assert.equal(await entries.count(), 3);

  // Someone else on this browser: their name from now on.
  await page.getByRole('link', { name: 'You: Ana Ruiz' }).click();
  await field(page, 'Your name').fill('Marc Dubois');
  await page.goto(`${plan}worker`);
  await field(page, 'Organisation').fill('Casa Esperanza');
  await saved(page);
  await page.reload();
  await page.goto(`${plan.replace(/plan\/$/, '')}history`);
  assert.match(await entries.nth(0).innerText(), /Case worker[\s\S]*Marc Dubois[\s\S]*Organisation: “\(empty\)” → “Casa Esperanza”/);
  assert.equal(await entries.count(), 4);
  assert.deepEqual(app.browser.errors, []);
});
