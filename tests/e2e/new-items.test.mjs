// A new item of the plan is not an error before the worker has typed (issue 22, point 6):
// "Add a need" puts the cursor in the need's first box, says nothing is wrong and leaves the
// step's state alone; the check speaks once the box is left empty, and an item left empty is
// still flagged when the step is opened again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, group, createCase } from './harness.mjs';

const app = withApp('/');

const stepState = (page, title) => page.getByRole('navigation', { name: 'Plan sections' })
  .getByRole('link', { name: new RegExp(`^${title} `) }).locator('.step-state').textContent();

// [step's address, its title in the step list, the button, the item, its first box, the check's words]
const LISTS = [
  ['needs', 'Protection needs', 'Add a need', 'Need 1', 'Protection need', 'Describe the need, or remove it.'],
  ['services', 'Services', 'Add a service', 'Service 1', 'Type of service', 'Say what the service is or who provides it, or remove it.'],
  ['actions', 'Other actions', 'Add an action', 'Action 1', 'Action', 'Say what is to be done, or remove it.'],
  ['referrals', 'Referrals', 'Add a referral', 'Referral 1', 'Referred to', 'Name the service or agency the referral is to, or remove it.'],
];

test('a new item waits for the worker: the cursor in its first box, no error until the box is left', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  for (const [step, title, add, item, first, check] of LISTS) {
    await page.goto(`${plan}${step}`);
    await page.getByRole('button', { name: add }).click();
    const box = field(group(page, item), first);
    await page.waitForFunction((id) => document.activeElement?.id === id, await box.getAttribute('id'));
    // A frame for a wrong message to show, if one would.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    assert.equal(await page.getByText(check).count(), 0, `${item}: no error before typing`);
    assert.equal(await stepState(page, title), 'In progress', `${title}: begun, not in error`);
    assert.notEqual(await box.getAttribute('aria-invalid'), 'true');

    // Left empty, the item is told at once what it lacks.
    const required = step === 'services' ? field(group(page, item), 'Service') : box;
    await required.focus();
    await page.keyboard.press('Tab');
    await page.getByText(check).waitFor();
    assert.equal(await stepState(page, title), 'Needs attention');
  }
  // An item left empty is flagged when its step is opened again.
  await page.goto(`${plan}case`);
  await page.goto(`${plan}needs`);
  await page.getByText('Describe the need, or remove it.').waitFor();
});
