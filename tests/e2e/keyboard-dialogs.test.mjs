// Focus with the keyboard alone: every change of page puts it on the new page, and the handover
// and closure dialogs take it on opening, keep it while open, and give it back on Escape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, createCase, saved, WORKER } from './harness.mjs';
import { tabTo, focusShown, assertPageFocus, assertFocusReaches } from './keys.mjs';

const app = withApp('/');
let plan;

const inDialog = (page) => page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null);
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent?.trim());

/** Tab a full round: focus never lands outside the open dialog (the browser's own controls aside). */
async function heldIn(page, presses) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    assert.equal(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest('dialog[open]') !== null), true, 'focus stays in the dialog');
    await focusShown(page);
  }
}

test('each page of the main navigation takes the focus when reached', async () => {
  const page = await app.browser.page();
  plan = await createCase(page, app.server.url, 'Ana Ruiz');
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  for (const [link, heading] of [['Overview', 'Overview'], ['New case', 'New case'], ['Import', 'Import cases'], ['Storage', 'Storage and backup'], [`You: ${WORKER.name}`, 'Your name'], ['Cases', 'Cases']]) {
    // From the page's main area, back up into the navigation.
    await tabTo(page, link, { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await assertPageFocus(page, heading);
  }
  // The skip link leads to the content too. Loading the page again locks the workspace; once
  // unlocked, the focus is on the page, as after any change of page.
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await assertPageFocus(page, 'the case list, unlocked');
  // The skip link is the page's first stop: before it there are only the browser's own
  // controls, and the first Tab from them reaches it.
  await tabTo(page, 'Skip to content', { back: true });
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'nothing of the page comes before the skip link');
  await page.keyboard.press('Tab');
  assert.equal(await focusedText(page), 'Skip to content');
  await focusShown(page);
  await page.keyboard.press('Enter');
  await assertPageFocus(page, 'the skip link');
});

test('the handover dialog: focus in, held, Escape, focus back; handing over moves it to the new name', async () => {
  const page = await app.browser.page();
  await page.goto(`${plan}worker`);
  await page.getByRole('heading', { level: 2, name: 'Case worker' }).waitFor();
  await tabTo(page, 'Hand over to another case worker…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Hand over the case' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'f-handover-name');
  assert.equal(await inDialog(page), true, 'focus goes into the dialog, on its first field');
  await heldIn(page, 14);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focusedText(page), 'Hand over to another case worker…', 'focus returns to the button that opened it');
  await focusShown(page);

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'f-handover-name');
  await page.keyboard.type('Marc Dubois');
  await tabTo(page, /^Handover note/);
  await page.keyboard.type('Calls after 6 pm.');
  await tabTo(page, 'The plan was reviewed with the new case worker');
  await page.keyboard.press('Space');
  await tabTo(page, 'Hand over');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await assertFocusReaches(page, 'f-worker-name', 'focus goes to the new worker\'s name');
  await saved(page);
});

test('the closure dialog: focus in, held, Escape, focus back; closing moves it to what happened', async () => {
  const page = await app.browser.page();
  await tabTo(page, 'Close case…', { back: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Close this case' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'f-closure-outcome');
  assert.equal(await inDialog(page), true, 'focus goes into the dialog, on its first field');
  await heldIn(page, 8);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focusedText(page), 'Close case…', 'focus returns to the button that opened it');

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'f-closure-outcome');
  // A select takes its choice from the arrow keys.
  await page.keyboard.press('ArrowDown');
  await tabTo(page, /^Reason/);
  await page.keyboard.type('Settled with her aunt.');
  await tabTo(page, 'Close case');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await assertFocusReaches(page, 'closed-banner', 'focus goes to the closed banner');
  await focusShown(page);
  // Reopening asks why: focus in its question, then back to "Close case…".
  await tabTo(page, 'Reopen case…');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Reopen this case' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'f-reopen-reason');
  await page.keyboard.type('The school reports new concerns.');
  await tabTo(page, 'Reopen case');
  await page.keyboard.press('Enter');
  await saved(page);
  await assertFocusReaches(page, 'close-case', 'focus goes back to "Close case…"');
  await focusShown(page);
});

test('the case tabs: focus goes to the heading of the tab reached', async () => {
  const page = await app.browser.page();
  for (const name of ['Checklist and milestones', 'History', 'Care and Protection Plan']) {
    // From a tab's heading, Tab goes on through the whole page (the checklist has many fields,
    // and a workspace's page has a few more stops: Lock now, Switch worker) and around to the tabs.
    await tabTo(page, name, { limit: 90 });
    await page.keyboard.press('Enter');
    const heading = name === 'Care and Protection Plan' ? 'Case worker' : name;
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    // The heading itself, not the tab link of the same name that had focus before.
    await page.waitForFunction((h) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent === h, heading);
  }
  assert.deepEqual(app.browser.errors, []);
});

test('a dialog opened again at once after Escape closed it stays open', async () => {
  const page = await app.browser.page();
  await page.goto(`${plan}worker`);
  const opener = 'Hand over to another case worker…';
  await page.getByRole('button', { name: opener }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand over the case' });
  await dialog.waitFor();
  // As Escape does, the browser closes the dialog and tells the page a task later: here only
  // after the button has been pressed again. That late word must not close the new dialog.
  await page.evaluate((opener) => {
    document.querySelector('dialog[open]').close();
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === opener).click();
  }, opener);
  await page.waitForTimeout(300);
  assert.equal(await dialog.isVisible(), true, 'the dialog opened again is still open');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
});
