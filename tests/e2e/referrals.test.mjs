// Referrals are followed up: each status change keeps its date, an urgent referral with no
// answer after a set number of days is flagged (on the referral, the case list and the
// overview), and the service's feedback is recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, createCase } from './harness.mjs';

const app = withApp('/');
test('a referral moves through its statuses with dates; an urgent one left unanswered is flagged', async () => {
  const page = await app.browser.page();
  // The browser's clock is set, so days can pass within the test.
  await page.clock.setFixedTime(new Date('2026-01-12T10:00:00'));
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}referrals`);
  await page.getByRole('button', { name: /^Add a referral/ }).click();
  await field(page, 'Referred to').fill('Centro de Salud Mental');
  await field(page, 'Referral date').fill('2026-01-05');
  await page.getByLabel('Urgent referral').check();
  await field(page, 'Referral status').selectOption({ label: 'Made' });
  await page.getByText('Status so far: Made on 12 Jan 2026').waitFor();
  const flag = page.getByText(/^Urgent referral without an answer for \d+ days \(more than 7\)\. Follow it up with the service\.$/);
  await saved(page);
  assert.equal(await flag.count(), 0, 'just made: not flagged, even though it was planned for an earlier date');

  // Ten days later there is still no answer.
  await page.clock.setFixedTime(new Date('2026-01-22T10:00:00'));
  await page.reload();
  await page.getByText('Urgent referral without an answer for 10 days (more than 7). Follow it up with the service.').waitFor();

  await page.goto(app.server.url);
  await page.getByRole('row').filter({ hasText: 'Ana Ruiz' }).getByText('Answer to urgent referral: Centro de Salud Mental').waitFor();
  await page.goto(`${app.server.url}#/overview`);
  await page.getByRole('region', { name: /overdue/i }).getByRole('row').filter({ hasText: 'Answer to urgent referral: Centro de Salud Mental' }).waitFor();

  await page.goto(`${plan}referrals`);
  await field(page, 'Referral status').selectOption({ label: 'Accepted' });
  await page.getByText('Status so far: Made on 12 Jan 2026 → Accepted on 22 Jan 2026').waitFor();
  assert.equal(await flag.count(), 0, 'answered: no longer flagged');
  await field(page, 'Feedback received').fill('First appointment on 2 February.');
  await field(page, 'Feedback received on').fill('2026-01-20');
  await saved(page);
  await page.reload();
  assert.equal(await field(page, 'Feedback received on').inputValue(), '2026-01-20');
  await page.getByText(/Status so far: Made on .+ → Accepted on/).waitFor();
  await page.goto(`${app.server.url}#/overview`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByText('Answer to urgent referral').count(), 0);
  assert.deepEqual(app.browser.errors, []);
});

test('an urgent referral recorded days after it was made counts its 7 days from the day it was made', async () => {
  const page = await app.browser.page();
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00'));
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}referrals`);
  await page.getByRole('button', { name: /^Add a referral/ }).click();
  await field(page, 'Referred to').fill('Hospital del Niño');
  await field(page, 'Referral date').fill('2026-11-20');
  await page.getByLabel('Urgent referral').check();
  await field(page, 'Referral status').selectOption({ label: 'Made' });
  // Made on the 20th, typed on 5 December: the worker gives the day.
  assert.equal(await field(page, 'Date of this status').inputValue(), '2026-12-05', 'today by default');
  await field(page, 'Date of this status').fill('2026-11-20');
  await page.getByText('Status so far: Made on 20 Nov 2026').waitFor();
  await page.getByText('Urgent referral without an answer for 15 days (more than 7). Follow it up with the service.').waitFor();
  await saved(page);

  await page.goto(`${app.server.url}#/overview`);
  await page.getByRole('region', { name: /overdue/i }).getByRole('row').filter({ hasText: 'Answer to urgent referral: Hospital del Niño' }).waitFor();

  // A day still to come is refused in words.
  await page.goto(`${plan}referrals`);
  await field(page, 'Date of this status').fill('2026-12-09');
  await page.getByText('The date of this status cannot be in the future.').waitFor();
  assert.deepEqual(app.browser.errors, []);
});
