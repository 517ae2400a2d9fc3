// Assessments (issue 21, point 2): dated, by whom, each domain rated from "urgent need" to
// "strength" with notes; every assessment kept, the latest compared with the one before; a
// domain rated as a need leads in one click to a protection need or a service, linked back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, group, saved, createCase } from './harness.mjs';

const app = withApp('/');
const chosen = (select) => select.evaluate((s) => s.selectedOptions[0].textContent);

test('an assessment is rated by domain, kept, compared with the one before, and its needs lead to the plan', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}assessment`);
  await page.getByRole('heading', { level: 2, name: 'Assessment' }).waitFor();
  await page.getByText('No assessment recorded yet.').waitFor();

  // By keyboard: the keyboard lands on the new assessment, dated today and by the case worker,
  // and goes on to its date.
  await page.getByRole('button', { name: 'Start a new assessment' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id.startsWith('assessment-'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.labels?.[0]?.textContent), 'Date of the assessment');
  assert.equal(await field(page, 'Assessed by').inputValue(), 'Ana Ruiz');
  assert.match(await field(page, 'Date of the assessment').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
  await field(page, 'Date of the assessment').fill('2026-06-01');
  await field(group(page, 'Health'), 'Rating').selectOption({ label: 'Need' });
  await field(group(page, 'Education'), 'Rating').selectOption({ label: 'Urgent need' });
  await field(group(page, 'Education'), 'Notes').fill('Out of school for two years');
  await field(group(page, 'Family relationships'), 'Rating').selectOption({ label: 'Managing' });
  await field(group(page, 'Safety and protection'), 'Rating').selectOption({ label: 'Strength' });
  // Only a domain rated as a need leads to the plan.
  assert.equal(await group(page, 'Family relationships').getByRole('button', { name: /^Add a/ }).count(), 0);
  await page.getByRole('button', { name: 'Add a protection need: Education' }).click();
  await group(page, 'Education').getByText('In the plan: need 1').waitFor();
  await page.getByRole('button', { name: 'Add a service: Education' }).click();
  await group(page, 'Education').getByText('In the plan: need 1, service 1').waitFor();
  await saved(page);

  await page.reload();
  await page.getByRole('heading', { level: 3, name: 'Assessment of 1 June 2026' }).waitFor();
  assert.equal(await chosen(field(group(page, 'Education'), 'Rating')), 'Urgent need');
  assert.equal(await field(group(page, 'Education'), 'Notes').inputValue(), 'Out of school for two years');
  assert.equal(await chosen(field(group(page, 'Disability and assistive needs'), 'Rating')), 'Not rated yet');

  // The need and the service made from it say where they came from.
  await group(page, 'Education').getByRole('link', { name: 'need 1' }).click();
  await page.getByRole('heading', { level: 2, name: 'Protection needs' }).waitFor();
  assert.equal(await field(group(page, 'Need 1'), 'Protection need').inputValue(), 'Out of school for two years');
  await group(page, 'Need 1').getByText('From the assessment of 1 June 2026: Education').waitFor();
  await page.goto(`${plan}services`);
  assert.equal(await field(group(page, 'Service 1'), 'Type of service').inputValue(), 'education');
  assert.equal(await field(group(page, 'Service 1'), 'Urgent: the child needs this quickly').isChecked(), true, 'an urgent need');
  await group(page, 'Service 1').getByText('From the assessment of 1 June 2026: Education').waitFor();

  // A reassessment starts from the last ratings, without the notes.
  await page.goto(`${plan}assessment`);
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  const latest = page.locator('section.assessment').first();
  assert.equal(await chosen(field(group(latest, 'Education'), 'Rating')), 'Urgent need');
  assert.equal(await field(group(latest, 'Education'), 'Notes').inputValue(), '');
  await field(latest, 'Date of the assessment').fill('2026-11-20');
  await field(group(latest, 'Health'), 'Rating').selectOption({ label: 'Strength' });
  await field(group(latest, 'Family relationships'), 'Rating').selectOption({ label: 'Need' });
  await field(group(latest, 'Identity and documents'), 'Rating').selectOption({ label: 'Managing' });
  const comparison = page.getByRole('region', { name: 'Compared with the assessment of 1 June 2026' });
  await comparison.waitFor();
  const compared = (await comparison.innerText()).replace(/\s+/g, ' ');
  for (const line of ['Better Health', 'Worse Family relationships', 'The same Safety and protection, Education', 'Rated for the first time Identity and documents']) {
    assert.ok(compared.includes(line), `${line} in: ${compared}`);
  }
  // The earlier one is folded under its date, kept whole.
  await page.getByRole('heading', { level: 3, name: 'Earlier assessments' }).waitFor();
  await page.locator('details.earlier-assessment summary', { hasText: 'Assessment of 1 June 2026' }).click();
  assert.equal(await field(group(page.locator('details.earlier-assessment'), 'Education'), 'Notes').inputValue(), 'Out of school for two years');
  await saved(page);

  // Removing one can be undone.
  await page.getByRole('button', { name: 'Remove: Assessment of 20 November 2026' }).click();
  await page.getByText('Assessment of 20 November 2026 removed.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await comparison.waitFor();
  await saved(page);

  const caseUrl = plan.replace(/plan\/$/, '');
  await page.goto(`${caseUrl}history`);
  const entry = page.locator('.timeline-entry', { has: page.locator('strong', { hasText: /^Assessment$/ }) }).first();
  await entry.waitFor();
  // Named by their dates (a later change names its domain: "Assessment: Health: Rating", tested natively).
  assert.match(await entry.innerText(), /Assessment: added “1 Jun 2026”\s+Assessment: added “20 Nov 2026”/);

  await page.goto(`${caseUrl}print`);
  const printed = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Assessments' }) });
  await printed.getByRole('heading', { level: 3, name: 'Assessment of 20 November 2026' }).waitFor();
  const text = (await printed.innerText()).replaceAll('\u00a0', ' ');
  for (const line of ['Compared with the assessment of 1 June 2026: Better: Health. Worse: Family relationships', 'Urgent need. Out of school for two years', 'Assessment of 1 June 2026']) {
    assert.ok(text.includes(line), `printed: ${line}\n${text}`);
  }
});
