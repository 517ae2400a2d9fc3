// Locking a worker's workspace (issue 19, point 3): "Lock now", the idle time (the browser's
// clock moved on), and every tab of the workspace locking with the one that locks. A locked page
// holds no case data: not in its text, not in its title; the address stays, so unlocking returns
// to the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, saved } from './harness.mjs';
import { fresh, addWorker, unlock, unlockedTab, caseFor } from './workers.mjs';

/** What the page holds that a person or a script could read: its text, fields and title. */
const pageHolds = (page) => page.evaluate(() => [document.title, document.body.innerText,
  ...[...document.querySelectorAll('input, textarea')].map((e) => e.value)].join('\n'));

test('"Lock now" writes the last edit, leaves no case data on the page, and unlocking returns to the same page', async () => {
  await fresh(async ({ url, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    const { plan, number } = await caseFor(page, url, 'Lockedaway Child');
    await page.goto(`${plan}worker`);
    await field(page, 'Role').fill('Social worker');
    await saved(page);
    await field(page, 'Role').pressSequentially(' (lead)');
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
    assert.equal(page.url(), `${plan}worker`, 'the address stays');
    const held = await pageHolds(page);
    for (const marker of ['Lockedaway', number, 'Social worker']) {
      assert.ok(!held.includes(marker), `the locked page holds no "${marker}"`);
    }
    await unlock(page, 'Ana Pérez');
    await field(page, 'Role').waitFor();
    assert.equal(await field(page, 'Role').inputValue(), 'Social worker (lead)', 'the edit typed just before was saved');
  });
});

test('when one tab of a workspace locks, its other tabs lock too', async () => {
  await fresh(async ({ url, browser, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    await caseFor(page, url, 'Twotabs Child');
    const other = await unlockedTab(browser, url, 'Ana Pérez');
    await other.getByText('Twotabs Child').waitFor();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await other.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
    assert.ok(!(await pageHolds(other)).includes('Twotabs'), 'the other tab holds no case data');
    await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor();
  });
});

test('after the idle time the worker chose, the workspace locks itself; use in another tab keeps it open', async () => {
  await fresh(async ({ url, browser, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    await caseFor(page, url, 'Idle Child');
    await page.goto(`${url}#/profile`);
    await page.getByLabel('Lock Homeward after this long without use').selectOption({ label: '5 minutes' });
    await page.getByText('Saved: Homeward locks after 5 minutes without use').waitFor();
    await page.close();

    const tab = await unlockedTab(browser, url, 'Ana Pérez', { before: (t) => t.clock.install() });
    await tab.getByText('Idle Child').waitFor();
    await tab.clock.fastForward('04:00');
    await tab.waitForTimeout(200);
    assert.ok(await tab.getByRole('link', { name: 'You: Ana Pérez' }).isVisible(), 'still open after 4 minutes');
    await tab.keyboard.press('Shift');
    await tab.clock.fastForward('04:00');
    await tab.waitForTimeout(200);
    assert.ok(await tab.getByRole('link', { name: 'You: Ana Pérez' }).isVisible(), 'a key pressed started the time again');
    await tab.clock.fastForward('02:00');
    await tab.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
    assert.ok(!(await pageHolds(tab)).includes('Idle Child'));
  });
});

test('an edit waiting for a choice between two tabs is kept at the lock, sealed, and put back after the unlock', async () => {
  await fresh(async ({ url, browser, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    const { plan } = await caseFor(page, url, 'Keptedit Child');
    await page.goto(`${plan}worker`);
    await saved(page);
    const other = await unlockedTab(browser, url, 'Ana Pérez');
    await other.goto(`${plan}worker`);
    await saved(other);
    // Both change the same field: this tab's edit waits for the worker's choice.
    await field(other, 'Organisation').fill('Casa Esperanza');
    await field(page, 'Organisation').fill('Casa Luz');
    await saved(other);
    await page.getByText('Changed in another tab at the same time').waitFor();
    // The worker walks away; the other tab is locked, and this one with it.
    await other.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
    assert.ok(!(await pageHolds(page)).includes('Casa Luz'), 'the locked page holds no kept edit');
    await other.close();

    await unlock(page, 'Ana Pérez');
    await page.getByRole('heading', { name: 'Changes kept when Homeward locked' }).waitFor();
    await page.getByText(/^When Homeward locked at .*, 1 change to this case was not saved yet/).waitFor();
    await page.getByRole('button', { name: 'Put my changes back' }).click();
    await page.getByText('Changed in another tab at the same time').waitFor();
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await saved(page);
    assert.equal(await field(page, 'Organisation').inputValue(), 'Casa Luz');

    // Saved, and offered no more.
    await page.reload();
    await unlock(page, 'Ana Pérez');
    await field(page, 'Organisation').waitFor();
    assert.equal(await field(page, 'Organisation').inputValue(), 'Casa Luz');
    await page.waitForTimeout(500);
    assert.equal(await page.getByRole('heading', { name: 'Changes kept when Homeward locked' }).count(), 0);
  });
});

test('a visit written but not saved when the workspace locks is kept, sealed, and put back after the unlock', async () => {
  await fresh(async ({ url, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    const { plan } = await caseFor(page, url, 'Draftkept Child');
    await page.goto(`${plan}monitoring`);
    await page.getByRole('button', { name: 'Log a visit' }).click();
    const draft = page.getByRole('form', { name: 'New visit' });
    await field(draft, 'Where').fill('Uncle Tomás\'s flat');
    await field(draft, 'Concerns').fill('Nobody home at the agreed time');
    await page.waitForTimeout(500);
    // The worker walks away; the idle lock comes without asking anyone.
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Unlock your workspace' }).waitFor({ timeout: 20_000 });
    assert.ok(!(await pageHolds(page)).includes('Nobody home'), 'the locked page holds no kept visit');
    await unlock(page, 'Ana Pérez');
    await page.getByRole('heading', { name: 'Changes kept when Homeward locked' }).waitFor();
    await page.getByRole('button', { name: 'Put my changes back' }).click();
    assert.equal(await field(draft, 'Concerns').inputValue(), 'Nobody home at the agreed time');
    assert.equal(await field(draft, 'Where').inputValue(), 'Uncle Tomás\'s flat');
    await draft.getByRole('button', { name: 'Save visit' }).click();
    await draft.waitFor({ state: 'detached' });
    await saved(page);
    await page.reload();
    await unlock(page, 'Ana Pérez');
    await page.getByText('Nobody home at the agreed time').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.getByRole('heading', { name: 'Changes kept when Homeward locked' }).count(), 0, 'offered no more');
  });
});
