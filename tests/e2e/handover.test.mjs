// Handing a case to another case worker is a guided step: the plan then names the new worker,
// the earlier one is listed with their period, and the history tells it with the note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, createCase } from './harness.mjs';

const app = withApp('/');

/** What a screen reader reads after a field's label: its hint and its error. */
const described = (box) => box.evaluate((e) => (e.getAttribute('aria-describedby') ?? '').split(' ')
  .map((id) => document.getElementById(id)?.textContent.trim() ?? '').filter(Boolean).join(' '));

test('a handover names the new worker, keeps the earlier one with their period, and is in the history', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(`${plan}worker`);
  await field(page, 'Role').fill('Social worker');
  await field(page, 'Responsible since').fill('2026-03-01');
  await saved(page);
  assert.equal(await field(page, "Case worker's name").isEditable(), false, 'not a text edit');

  await page.getByRole('button', { name: 'Hand over to another case worker…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand over the case' });
  assert.equal(await field(dialog, 'Role').inputValue(), 'Social worker', 'the role is offered as it was');
  // Every problem at once, each beside its field (read with it), and the cursor in the first.
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  const name = field(dialog, "New case worker's name");
  const note = field(dialog, 'Handover note');
  await page.waitForFunction(() => document.activeElement?.id === 'f-handover-name');
  assert.equal(await described(name), 'Name the new case worker.');
  assert.match(await described(note), /^What the new case worker needs to know: .*Write a handover note: what the new case worker needs to know\.$/);
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await name.fill('Marc Dubois');
  await field(dialog, 'Contact').fill('marc@example.org');
  await field(dialog, 'Date of the handover').fill('2026-11-20');
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'f-handover-note');
  assert.equal(await described(name), '', 'a mended field says so at once');
  assert.match(await described(note), /Write a handover note/);
  await field(dialog, 'Handover note').fill('Grandmother prefers calls after 6 pm. School meeting pending.');
  await dialog.getByLabel('The plan was reviewed with the new case worker').check();
  await dialog.getByLabel('Open referrals and urgent needs were reviewed together').check();
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await saved(page);

  assert.equal(await field(page, "Case worker's name").inputValue(), 'Marc Dubois');
  assert.equal(await field(page, 'Contact').inputValue(), 'marc@example.org');
  assert.equal(await field(page, 'Responsible since').inputValue(), '2026-11-20');
  const earlier = page.getByRole('region', { name: 'Earlier case workers' });
  await earlier.getByText(/Ana Ruiz: from 1 Mar 2026 to 20 Nov 2026, handed over to Marc Dubois\./).waitFor();

  await page.reload();
  assert.equal(await field(page, "Case worker's name").inputValue(), 'Marc Dubois');
  await page.goto(app.server.url);
  await page.getByRole('row').filter({ hasText: 'Marc Dubois' }).waitFor();

  await page.goto(`${plan.replace(/plan\/$/, '')}history`);
  const entry = page.locator('.timeline-entry').filter({ hasText: 'Handed over from Ana Ruiz to Marc Dubois' });
  const text = await entry.innerText();
  assert.match(text, /not done: the child and the family were told who their new case worker is/);
  assert.match(text, /Handover note: added “Grandmother prefers calls after 6 pm\. School meeting pending\.”/);
  assert.deepEqual(app.browser.errors, []);
});
