// The core workflow with the keyboard alone: create a case, move through the steps, add and
// fill a list item. Focus lands where the next keystroke is expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, group } from './harness.mjs';

const app = withApp('/tools/homeward/');

/** Presses Tab until the focused element's accessible name matches, like a keyboard user. */
// A case's page has its header, the sign-off bar, the tabs and fifteen steps before its form.
async function tabTo(page, name, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el?.labels?.[0]?.textContent ?? '';
      return (el?.getAttribute('aria-label') || label || el?.textContent || '').trim();
    });
    if (name instanceof RegExp ? name.test(focused) : focused === name) return;
  }
  assert.fail(`Tab never reached ${name}`);
}

const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim());

test('create a case and fill a list item with the keyboard alone', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
  await tabTo(page, 'New case');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'New case' }).waitFor();
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');

  await tabTo(page, /^Child's name/);
  await page.keyboard.type('Tomás');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ana Ruiz');
  await page.keyboard.press('Enter');
  await page.waitForURL(/plan\/case$/);
  // The address changes before the plan is drawn: Tab from the drawn page, not the one leaving.
  await page.locator('#section-title').waitFor();

  await tabTo(page, 'Next');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Case worker' }).waitFor();
  assert.equal(await focusedText(page), 'Case worker', 'focus moves to the new step heading');

  await tabTo(page, /^Protection needs/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Protection needs' }).waitFor();
  await tabTo(page, 'Add a need');
  await page.keyboard.press('Enter');
  // Into the new item's first box, ready to type (its group is read with it).
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA'
    && document.activeElement.closest('fieldset')?.querySelector('legend')?.textContent.trim() === 'Need 1');
  await page.keyboard.type('Safe contact with father');
  await page.locator('.save-status').getByText(/^Saved/).waitFor();

  await page.reload();
  assert.equal(await field(group(page, 'Need 1'), 'Protection need').inputValue(), 'Safe contact with father');
});

test('tick checklist items and fill in their details with the keyboard alone', async () => {
  const page = await app.browser.page();
  await tabTo(page, 'Checklist and milestones');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
  assert.equal(await focusedText(page), 'Checklist and milestones', 'focus moves to the checklist heading');

  // No pathway yet: the worker's own activity, added from the keyboard.
  await tabTo(page, /^Your own activity/, 80);
  await page.keyboard.type('Meet the new school head');
  await page.keyboard.press('Enter');
  const box = page.getByRole('checkbox', { name: 'Meet the new school head' });
  await box.waitFor();
  // Focus moves a frame after the new activity appears.
  await page.waitForFunction(() => document.activeElement?.type === 'checkbox', null, { timeout: 5000 });
  await page.keyboard.press('Space');
  assert.equal(await box.isChecked(), true);
  await page.locator('.save-status').getByText(/^Saved/).waitFor();

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Details: Meet the new school head');
  await page.keyboard.press('Enter');
  await tabTo(page, /^Person responsible/);
  await page.keyboard.type('Tomás and Ana');
  await page.locator('.save-status').getByText(/^Saved/).waitFor();
  await page.reload();
  await page.getByRole('checkbox', { name: 'Meet the new school head' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Meet the new school head' }).isChecked(), true);
  await page.locator('.check-meta').getByText('Tomás and Ana').waitFor();
});
