// A case deleted on purpose stays deleted: no other tab, no closing save brings it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, createCase, saved } from './harness.mjs';

const app = withApp('/');
const DELETED_ELSEWHERE = 'Deleted in another tab';

/** The case numbers the case list shows, read from a fresh load of the list. */
async function listedNumbers(page) {
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await page.waitForTimeout(300);
  return page.locator('main table tbody tr').allInnerTexts();
}

async function deleteOpenCase(page, number) {
  await page.getByRole('button', { name: 'Delete case' }).click();
  await page.getByRole('dialog').getByRole('button', { name: new RegExp(`^Delete case ${number}`) }).click();
  await page.getByText(`Case ${number} was deleted from this device.`).waitFor();
}

test('deleted in one tab, then a case made there, then one letter typed in the other tab as it closes: the case stays deleted', async () => {
  const first = await app.browser.page();
  const plan = await createCase(first, app.server.url, 'Lucía Fernández');
  const number = await field(first, 'Case number').inputValue();
  await saved(first);
  await first.goto(`${plan}worker`);
  await field(first, 'Role').waitFor();
  const second = await app.browser.context.newPage();
  await second.goto(`${plan}case`);
  await field(second, 'Case number').waitFor();

  await deleteOpenCase(second, number);
  // Any other message after the deletion (here, a case made in the same tab) used to hide it.
  await createCase(second, app.server.url, 'Daniel Mensah');
  await saved(second);
  // The first tab finds out, though the last message it heard was about the other case.
  await first.getByRole('heading', { level: 2, name: DELETED_ELSEWHERE }).waitFor();

  await field(first, 'Role').pressSequentially('x');
  // Typed after the deletion: said to be unsaved, not "Saving…" for ever; leaving asks first.
  await first.locator('.save-status').getByText(/^Not saved: This case was deleted/).waitFor();
  first.once('dialog', (d) => d.accept());
  await first.close({ runBeforeUnload: true });
  await second.waitForTimeout(500);

  const rows = await listedNumbers(second);
  assert.equal(rows.filter((r) => r.includes(number)).length, 0, `case ${number} came back: ${rows.join(' | ')}`);
  await second.goto(`${plan}case`);
  await second.getByRole('heading', { level: 1, name: 'Case not found' }).waitFor();
  await second.close();
});
