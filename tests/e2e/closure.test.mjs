// Closing a case: an outcome and a reason, a look at what is still open, then read-only until
// reopened; both recorded in the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, WORKER } from './harness.mjs';

const app = withApp('/');

test('a case is closed with an outcome and reason, read-only until reopened, and both are in the history', async () => {
  const page = await app.browser.page();
  // A kinship case: its pathway's activities, all open, and an action.
  await page.goto(`${app.server.url}#/cases/new`);
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  await field(page, "Case worker's name").fill('Ana Ruiz');
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  const plan = page.url().replace(/case$/, '');
  await page.goto(`${plan}actions`);
  await page.getByRole('button', { name: /^Add an action/ }).click();
  await field(page, 'Action').fill('Enrol at the local school');
  await saved(page);
  await page.goto(`${plan}worker`);

  await page.goto(`${plan}case`);
  const statuses = await field(page, 'Plan status').locator('option').allInnerTexts();
  assert.deepEqual(statuses, ['Draft', 'Active'], 'closing is its own step, not a status to pick');
  await page.getByRole('button', { name: 'Close case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close this case' });
  // What is still open, counted by kind, with the button to close in reach; the list on asking.
  await dialog.getByText('Still open (30)').waitFor();
  await dialog.getByText('1 other action', { exact: true }).waitFor();
  await dialog.getByText('29 checklist activities', { exact: true }).waitFor();
  const reach = await dialog.evaluate((d) => d.querySelector('button[type=submit]').getBoundingClientRect().bottom - d.getBoundingClientRect().top);
  assert.ok(reach < 700, `the Close button is ${Math.round(reach)} px down the dialog`);
  assert.equal(await dialog.getByText('Action: Enrol at the local school').isVisible(), false, 'the full list waits to be asked for');
  await dialog.getByText('Show all 30').click();
  await dialog.getByText('Action: Enrol at the local school').waitFor();
  // Both are asked for.
  await dialog.getByRole('button', { name: 'Close case' }).click();
  await dialog.getByText('Choose how the case ended.').waitFor();
  await dialog.getByText('Give the reason for closing the case.').waitFor();
  await field(dialog, 'Outcome').selectOption({ label: 'Kinship care' });
  await field(dialog, 'Reason').fill('Living with her aunt; stable for six months.');
  await dialog.getByRole('button', { name: 'Close case' }).click();
  await dialog.waitFor({ state: 'hidden' });

  const banner = page.locator('.closed-banner');
  await banner.getByText(new RegExp(`^Closed on .+ by ${WORKER.name}: Kinship care\\.$`)).waitFor();
  await saved(page);
  await page.goto(`${plan}worker`);
  assert.equal(await field(page, 'Role').isDisabled(), true, 'read-only while closed');
  assert.equal(await page.getByRole('button', { name: 'Hand over to another case worker…' }).isDisabled(), true);
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'Checklist and milestones' }).click();
  assert.equal(await field(page, 'Your own activity').isDisabled(), true);
  await page.reload();
  await banner.waitFor();
  assert.equal(await field(page, 'Your own activity').isDisabled(), true, 'still closed after a reload');
  await page.goto(app.server.url);
  await page.getByRole('row').filter({ hasText: 'Ana Ruiz' }).getByText('Closed').waitFor();

  await page.goto(`${plan}worker`);
  // Reopening asks why, and records it.
  await page.getByRole('button', { name: 'Reopen case…' }).click();
  const reopening = page.getByRole('dialog', { name: 'Reopen this case' });
  await reopening.getByRole('button', { name: 'Reopen case' }).click();
  await reopening.getByText('Give the reason for reopening the case.').waitFor();
  await field(reopening, 'Why is the case reopened?').fill('The school reports new concerns.');
  await reopening.getByRole('button', { name: 'Reopen case' }).click();
  await reopening.waitFor({ state: 'hidden' });
  await saved(page);
  assert.equal(await field(page, 'Role').isDisabled(), false);
  await field(page, 'Role').fill('Social worker');
  await saved(page);

  await page.goto(`${plan.replace(/plan\/$/, '')}history`);
  const entries = page.locator('.timeline-entry');
  const texts = await entries.allInnerTexts();
  assert.ok(texts.some((t) => t.startsWith('Case reopened') && t.includes('Reason for reopening: added “The school reports new concerns.”')), texts.join('\n'));
  assert.ok(texts.some((t) => t.startsWith('Case closed: Kinship care. Living with her aunt; stable for six months.')), texts.join('\n'));
  assert.deepEqual(app.browser.errors, []);
});
