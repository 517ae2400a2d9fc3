// Workers' protected workspaces (issue 19): one per worker on a device, each opened with its own
// passphrase, its cases sealed at rest; a recovery key shown once; wrong tries answered with
// waits that a reload does not reset, never with a wipe; a new passphrase that rewrites no case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, saved } from './harness.mjs';
import { PASS, fresh, addWorker, unlockedTab, caseFor, dump, databases } from './workers.mjs';
import { auditor } from './axe.mjs';
import { tabTo } from './keys.mjs';

const OTHER = 'copper meadow violin tundra';

/** The registry's record of workspace `id`. */
const registered = (page, id) => page.evaluate(async (id) => {
  const db = await new Promise((ok, fail) => { const r = indexedDB.open('homeward-workspaces'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const record = await new Promise((ok) => { const r = db.transaction(['workspaces']).objectStore('workspaces').get(id); r.onsuccess = () => ok(r.result); });
  db.close();
  return record;
}, id);

test('a worker is added with a recovery key shown once, and their cases are sealed at rest under their name', async () => {
  await fresh(async ({ url, browser, page }) => {
    await page.goto(url);
    // A new device: nobody's workspace yet, and no case can be written before there is one.
    await page.getByText('Nobody has a workspace on this device yet.').waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no way to the cases');
    const { key, id } = await addWorker(page, url, 'Ana Pérez');
    await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
    // A control: the same dump reads what is stored in clear (the registry's worker names).
    assert.ok((await dump(page, 'homeward-workspaces')).includes('Ana P'), 'the dump reads plain records');
    assert.match(key, /^([0-9A-HJKMNP-TV-Z]{4} ){13}[0-9A-HJKMNP-TV-Z]{4}$/, 'the key: 56 characters in groups of four');

    await page.goto(`${url}#/cases/new`);
    await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
    const number = await page.locator('#f-case_number').inputValue();
    await field(page, "Child's name").fill('Zyxwvu Markerchild');
    await field(page, "Case worker's name").fill('Ana Pérez');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.waitForURL(/plan\/case$/);
    const plan = page.url().replace(/case$/, '');
    await page.goto(`${plan}worker`);
    await field(page, 'Role').fill('Qwertz markernote');
    await saved(page);
    const title = await page.title();
    assert.ok(!title.includes('Markerchild') && !title.includes(number), `the title names no child and no case number: ${title}`);
    await page.goto(plan.replace(/plan\/$/, 'history'));
    await page.getByText('Ana Pérez').first().waitFor();

    const stored = await dump(page, `homeward-w-${id}`);
    for (const marker of ['Markerchild', 'markernote', number, 'Ana P']) {
      assert.ok(!stored.includes(marker), `"${marker}" is not stored in clear`);
    }
    assert.ok(stored.length > 2000, 'the workspace holds the case, sealed');
    assert.ok(!(await databases(page)).includes('homeward'), 'nothing went to an unprotected database');

    const other = await unlockedTab(browser, url, 'Ana Pérez');
    await other.getByText('Zyxwvu Markerchild').waitFor();
  });
});

test('two workers on one device each see only their own cases', async () => {
  await fresh(async ({ url, browser, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    await caseFor(page, url, 'Ana Onlychild');
    const second = await browser.context.newPage();
    second.setDefaultTimeout(10_000);
    await second.goto(url);
    await second.getByRole('link', { name: 'Add a worker on this device' }).click();
    await addWorker(second, url, 'Bruno Silva', OTHER);
    await second.getByRole('heading', { name: 'No cases yet' }).waitFor();
    await caseFor(second, url, 'Bruno Onlychild');
    // An address in the page, not a reload: a reload locks the workspace again.
    await second.goto(`${url}#/`);
    await second.getByText('Bruno Onlychild').waitFor();
    assert.equal(await second.getByText('Ana Onlychild').count(), 0, "Bruno does not see Ana's case");

    const chooser = await browser.context.newPage();
    await chooser.goto(url);
    await chooser.getByRole('heading', { name: 'Who is working?' }).waitFor();
    // The heading comes before the registry is read: wait for the list itself.
    await chooser.getByRole('button', { name: 'Bruno Silva' }).waitFor();
    const workers = await chooser.getByRole('list', { name: 'Workers on this device' }).getByRole('button').allInnerTexts();
    assert.deepEqual(workers, ['Ana Pérez', 'Bruno Silva']);
    await chooser.close();

    const ana = await unlockedTab(browser, url, 'Ana Pérez');
    await ana.getByText('Ana Onlychild').waitFor();
    assert.equal(await ana.getByText('Bruno Onlychild').count(), 0, "Ana does not see Bruno's case");
    const wrong = await browser.context.newPage();
    await wrong.goto(url);
    await wrong.getByRole('button', { name: 'Bruno Silva' }).click();
    await field(wrong, 'Passphrase').fill(PASS);
    await wrong.getByRole('button', { name: 'Unlock' }).click();
    await wrong.getByText('That passphrase does not open this workspace.').waitFor({ timeout: 30_000 });
  });
});

test('wrong passphrases bring a wait that a reload keeps, and nothing is wiped', async () => {
  await fresh(async ({ url, browser, page }) => {
    const { id } = await addWorker(page, url, 'Ana Pérez');
    await caseFor(page, url, 'Kept Child');
    const tab = await browser.context.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(url);
    await tab.getByRole('button', { name: 'Ana Pérez' }).click();
    for (let i = 1; i <= 4; i++) {
      await field(tab, 'Passphrase').fill(`wrong guess number ${i}`);
      await tab.getByRole('button', { name: 'Unlock' }).click();
      await tab.getByRole('alert').filter({ hasText: 'does not open this workspace' }).waitFor({ timeout: 30_000 });
      await tab.waitForFunction(() => !document.body.innerText.includes('Unlocking…'));
    }
    await tab.getByText(/^You can try again in 0:0\d\.$/).waitFor();
    // Said once with the refusal, which is announced (the countdown itself is not).
    await tab.getByRole('alert').filter({ hasText: /does not open this workspace\..* You can try again in 0:0\d\.$/ }).waitFor();
    assert.equal((await registered(tab, id)).failed_tries, 4, 'the tries are counted in the registry');

    await tab.reload();
    await tab.getByRole('heading', { name: 'Unlock your workspace' }).waitFor();
    await tab.getByText(/^You can try again in 0:0\d\.$/).waitFor();
    await field(tab, 'Passphrase').fill(PASS);
    await tab.getByRole('button', { name: 'Unlock' }).click();
    await tab.getByRole('alert').filter({ hasText: /^Too many wrong tries\. You can try again in 0:0\d\.$/ }).waitFor();

    await tab.waitForFunction(() => document.querySelector('.wait')?.innerText === '', null, { timeout: 10_000 });
    await tab.getByRole('button', { name: 'Unlock' }).click();
    await tab.getByRole('link', { name: 'You: Ana Pérez' }).waitFor({ timeout: 30_000 });
    await tab.getByText('Kept Child').waitFor();
    const record = await registered(tab, id);
    assert.equal(record.failed_tries, 0, 'an unlock forgets the wrong tries');
    assert.equal(record.next_try_at, null);
  });
});

test('the recovery key opens the workspace and sets a new passphrase; the old one no longer opens it', async () => {
  await fresh(async ({ url, browser, page }) => {
    const { key } = await addWorker(page, url, 'Ana Pérez');
    await caseFor(page, url, 'Recovered Child');
    const tab = await browser.context.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(url);
    await tab.getByRole('button', { name: 'Ana Pérez' }).click();
    await tab.getByRole('link', { name: 'Forgotten your passphrase? Use the recovery key' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Open with the recovery key' }).waitFor({ timeout: 30_000 });
    // One character mistyped: told as a typo, before any key is tried.
    const typo = key.replace(/^(.)/, (c) => (c === '7' ? '8' : '7'));
    await field(tab, 'Recovery key').fill(typo.toLowerCase());
    await field(tab, 'New passphrase').fill(OTHER);
    await field(tab, 'Repeat the passphrase').fill(OTHER);
    await tab.getByRole('button', { name: 'Open and set the new passphrase' }).click();
    await tab.getByText('This recovery key has a typing mistake.').waitFor();
    await field(tab, 'Recovery key').fill(key.replace(/ /g, '-').toLowerCase());
    await tab.getByRole('button', { name: 'Open and set the new passphrase' }).click();
    await tab.getByRole('link', { name: 'You: Ana Pérez' }).waitFor({ timeout: 30_000 });
    await tab.getByText('Recovered Child').waitFor();

    const old = await browser.context.newPage();
    await old.goto(url);
    await old.getByRole('button', { name: 'Ana Pérez' }).click();
    await field(old, 'Passphrase').fill(PASS);
    await old.getByRole('button', { name: 'Unlock' }).click();
    await old.getByText('That passphrase does not open this workspace.').waitFor({ timeout: 30_000 });
    const renewed = await unlockedTab(browser, url, 'Ana Pérez', { passphrase: OTHER });
    await renewed.getByText('Recovered Child').waitFor();
  });
});

test('a new passphrase rewraps the key only: every stored record keeps its bytes', async () => {
  await fresh(async ({ url, browser, page }) => {
    const { id } = await addWorker(page, url, 'Ana Pérez');
    await caseFor(page, url, 'Unchanged Child');
    const before = await dump(page, `homeward-w-${id}`);
    const wrapBefore = (await registered(page, id)).by_passphrase;
    await page.goto(`${url}#/profile`);
    await page.getByText('You are working as Ana Pérez.').waitFor();
    await field(page, 'Current passphrase').fill(PASS);
    await field(page, 'New passphrase').fill(OTHER);
    await field(page, 'Repeat the passphrase').fill(OTHER);
    await page.getByRole('button', { name: 'Change the passphrase' }).click();
    await page.getByText('Your passphrase is changed.').waitFor({ timeout: 30_000 });
    assert.equal(await dump(page, `homeward-w-${id}`), before, 'no record was written again');
    assert.notEqual((await registered(page, id)).by_passphrase, wrapBefore, 'the key is wrapped anew');
    const tab = await unlockedTab(browser, url, 'Ana Pérez', { passphrase: OTHER });
    await tab.getByText('Unchanged Child').waitFor();
  });
});

test('a protected workspace\'s last edit is saved as the tab closes, sealed while it was typed', async () => {
  await fresh(async ({ url, browser, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    const { plan } = await caseFor(page, url, 'Closing Child');
    await page.goto(`${plan}worker`);
    await field(page, 'Role').fill('Social worker');
    await saved(page);
    const asked = [];
    page.on('dialog', (dialog) => { asked.push(dialog.type()); dialog.accept(); });
    await field(page, 'Role').pressSequentially(' (lead)');
    // Sealed within milliseconds, long before the autosave's pause of 400 ms is over.
    await page.waitForTimeout(120);
    await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
    assert.deepEqual(asked, [], 'closing did not ask: the edit was sealed already');
    const tab = await unlockedTab(browser, url, 'Ana Pérez');
    await tab.goto(`${plan}worker`);
    await field(tab, 'Role').waitFor();
    assert.equal(await field(tab, 'Role').inputValue(), 'Social worker (lead)');
  });
});

test('the opening screens work by keyboard, and axe finds nothing on them', async () => {
  await fresh(async ({ url, browser, page }) => {
    const audit = auditor();
    await page.goto(`${url}#/workspaces/new`);
    await page.getByRole('heading', { level: 1, name: 'Add a worker on this device' }).waitFor();
    await page.getByRole('button', { name: 'Make my workspace' }).click();
    await page.getByText('Type your name.').waitFor();
    await audit.check(page, 'add a worker, with every problem shown');
    const { key } = await (async () => {
      await field(page, 'Your name').fill('Ana Pérez');
      await field(page, 'Passphrase').fill(PASS);
      await field(page, 'Repeat the passphrase').fill(PASS);
      await page.getByRole('button', { name: 'Make my workspace' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
      await audit.check(page, 'the recovery key');
      const key = await page.locator('.recovery-key code').innerText();
      await page.getByLabel('The recovery key is printed or written down, and will be kept safe').check();
      await page.getByRole('button', { name: 'Open my workspace' }).click();
      await page.getByRole('link', { name: 'You: Ana Pérez' }).waitFor();
      return { key };
    })();
    assert.ok(key);

    // By keyboard: the worker chosen, the passphrase typed, Enter.
    const tab = await browser.context.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(url);
    await tab.getByRole('heading', { name: 'Who is working?' }).waitFor();
    await audit.check(tab, 'the opening screen');
    await tabTo(tab, 'Ana Pérez');
    await tab.keyboard.press('Enter');
    await tab.getByRole('heading', { name: 'Unlock your workspace' }).waitFor();
    await tabTo(tab, /^Passphrase/);
    await tab.keyboard.type('not the passphrase');
    await tab.keyboard.press('Enter');
    await tab.getByText('That passphrase does not open this workspace.').waitFor({ timeout: 30_000 });
    await audit.check(tab, 'unlock, after a wrong passphrase');
    await tab.getByRole('link', { name: 'Forgotten your passphrase? Use the recovery key' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Open with the recovery key' }).waitFor({ timeout: 30_000 });
    await tab.getByRole('button', { name: 'Open and set the new passphrase' }).click();
    await tab.locator('[aria-invalid=true]').first().waitFor();
    await audit.check(tab, 'recovery, with every problem shown');
    await tab.getByRole('link', { name: 'Back to the passphrase' }).click();
    await tab.getByRole('heading', { name: 'Unlock your workspace' }).waitFor();
    await tab.getByLabel(/^Passphrase/).focus();
    await tab.keyboard.type(PASS);
    await tab.keyboard.press('Enter');
    await tab.getByRole('link', { name: 'You: Ana Pérez' }).waitFor({ timeout: 30_000 });
    if (audit.found.length) console.log('axe violations by rule:', audit.counts);
    assert.equal(audit.found.length, 0, `axe found violations:\n${audit.report()}`);
  });
});
