// Consent and data sharing (issue 21, point 4): who decided, about what, with which service, the
// decision, when and how, each a record; a withdrawal is a new record beside the consent given;
// a referral made to a service with no consent standing to share with it is warned about in
// words on the referral, on the consent step and on paper, never blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, group, saved, createCase } from './harness.mjs';

const app = withApp('/');
const WARNING = "No consent is recorded to share the child's information with Clínica San José. Urgent protection comes first: record the consent when you can.";

test('a referral made without consent is warned about, the consent recorded, withdrawn, kept and printed', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');

  // A referral planned has shared nothing; once made, the warning shows on it.
  await page.goto(`${plan}referrals`);
  await page.getByRole('button', { name: 'Add a referral' }).click();
  const referral = group(page, 'Referral 1');
  await field(referral, 'Referred to').fill('Clínica San José');
  await field(referral, 'Referral date').fill('2026-11-10');
  assert.equal(await referral.getByText(WARNING).count(), 0);
  await field(referral, 'Referral status').selectOption({ label: 'Made' });
  await referral.getByText(WARNING).waitFor();
  await saved(page);
  await referral.getByRole('link', { name: 'Record the consent' }).click();

  await page.getByRole('heading', { level: 2, name: 'Consent and data sharing' }).waitFor();
  await page.getByRole('link', { name: /^Consent and data sharing Not started$/ }).waitFor();
  await page.getByText(WARNING).waitFor();
  await page.getByRole('button', { name: 'Record consent to share with Clínica San José' }).click();
  const given = group(page, 'Decision 1');
  assert.equal(await field(given, 'Consent to').inputValue(), 'sharing');
  assert.equal(await field(given, 'With which service').inputValue(), 'Clínica San José');
  // Who decided, about what and what: pointed out once the worker moves on without it.
  await field(given, 'Decision').focus();
  await field(given, 'Their name').focus();
  await given.getByText('Say who decided, about what, and what they decided, or remove it.').waitFor();
  await field(given, 'Who decided').selectOption({ label: 'A caregiver' });
  await field(given, 'Their name').fill('Rosa Gómez');
  await field(given, 'Decision').selectOption({ label: 'Given' });
  await given.getByText('Say who decided').waitFor({ state: 'detached' });
  await field(given, 'Date of the decision').fill('2026-11-09');
  await field(given, 'How it was taken down').selectOption({ label: 'In writing' });
  await page.getByText(WARNING).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: /^Consent and data sharing Complete$/ }).waitFor();
  await saved(page);
  await page.goto(`${plan}referrals`);
  await group(page, 'Referral 1').getByText('Referred to').waitFor();
  assert.equal(await page.getByText(WARNING).count(), 0, 'the referral no longer warns');

  // Taken back: a record of its own, the consent given kept beside it; the warning is back.
  await page.goto(`${plan}consent`);
  await group(page, 'Decision 1').getByRole('button', { name: 'Record a withdrawal' }).click();
  const withdrawn = group(page, 'Decision 2');
  await page.waitForFunction(() => document.activeElement?.tagName === 'LEGEND');
  assert.equal(await field(withdrawn, 'Decision').inputValue(), 'withdrawn');
  assert.equal(await field(withdrawn, 'Their name').inputValue(), 'Rosa Gómez');
  assert.equal(await field(withdrawn, 'With which service').inputValue(), 'Clínica San José');
  await page.getByText(WARNING).waitFor();
  await saved(page);

  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Consent and data sharing' }).waitFor();
  assert.equal(await field(group(page, 'Decision 1'), 'Decision').inputValue(), 'given');
  assert.equal(await field(group(page, 'Decision 1'), 'Date of the decision').inputValue(), '2026-11-09');
  assert.equal(await field(group(page, 'Decision 2'), 'Decision').inputValue(), 'withdrawn');
  await page.getByText(WARNING).waitFor();
  await page.goto(`${plan}referrals`);
  await page.getByText(WARNING).waitFor();

  const caseUrl = plan.replace(/plan\/$/, '');
  await page.goto(`${caseUrl}history`);
  await page.locator('.timeline-entry', { has: page.locator('strong', { hasText: /^Consent and data sharing$/ }) }).first().waitFor();

  await page.goto(`${caseUrl}print`);
  const printed = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Consent and data sharing' }) });
  await printed.getByText(WARNING).waitFor();
  assert.equal(await printed.getByRole('heading', { level: 3, name: 'Rosa Gómez (A caregiver)' }).count(), 2);
  const text = (await printed.innerText()).replaceAll('\u00a0', ' ');
  for (const part of ['Sharing information with a service', 'Clínica San José', 'Given', 'Withdrawn', 'In writing', '9 November 2026']) {
    assert.ok(text.includes(part), `printed: ${part}\n${text}`);
  }
});
