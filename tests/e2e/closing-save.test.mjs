// What a tab writes as it closes keeps what other tabs recorded meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, createCase, saved } from './harness.mjs';

const app = withApp('/');
const PASS = 'river lamp quick dolphin';

/** What the workspace's database keeps in clear of case `id` (its `revision`, `version` and
 *  `exchanged`; the rest is sealed), read straight from IndexedDB in `page`'s tab. */
const stored = async (page, id) => page.evaluate(async ([name, id]) => {
  const db = await new Promise((ok, fail) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const record = await new Promise((ok) => { const r = db.transaction(['cases']).objectStore('cases').get(id); r.onsuccess = () => ok(r.result); });
  db.close();
  return { revision: record.revision, version: record.version, exchanged: record.exchanged };
}, [await app.browser.database(page), id]);

/** The case worker's role in case `plan` as the app shows it in `page`'s tab, loaded afresh
 *  (a reload locks the workspace; it is unlocked again). */
async function roleShown(page, plan) {
  await page.goto(`${plan}worker`);
  await page.reload();
  await field(page, 'Role').waitFor();
  return field(page, 'Role').inputValue();
}

test('an export made in another tab is still recorded after this tab closes with an edit waiting', async () => {
  const first = await app.browser.page();
  const plan = await createCase(first, app.server.url, 'Amina Diallo');
  const id = plan.match(/cases\/([0-9a-f-]+)\//)[1];
  await first.goto(`${plan}worker`);
  await field(first, 'Role').fill('Social worker');
  await saved(first);

  const second = await app.browser.context.newPage();
  await second.goto(`${app.server.url}#/export`);
  await field(second, 'Passphrase').fill(PASS);
  await field(second, 'Repeat the passphrase').fill(PASS);
  await Promise.all([second.waitForEvent('download'), second.getByRole('button', { name: /^Export \d+ cases?, encrypted$/ }).click()]);
  await second.getByText(/^Saved homeward-/).waitFor();
  const before = await stored(second, id);
  const recorded = before.exchanged;
  assert.equal(recorded.length, 1, 'the export is recorded in the case');
  await first.waitForTimeout(300);

  await field(first, 'Role').pressSequentially(' (lead)');
  await first.close({ runBeforeUnload: true });
  await second.waitForTimeout(500);

  const after = await stored(second, id);
  assert.ok(after.revision > before.revision, 'the closing save landed');
  assert.deepEqual(after.exchanged, recorded, 'and kept the export recorded meanwhile');
  assert.equal(await roleShown(second, plan), 'Social worker (lead)', 'the closing save landed, whole');
  assert.deepEqual((await stored(second, id)).exchanged, recorded, 'opening it again records nothing');
  await second.close();
});

/** Holds a readwrite transaction on `cases` open from `page` until `release(page)`: saves from
 *  any tab queue behind it, as they would behind a slow import or an old phone's disk. */
const hold = async (page) => page.evaluate((name) => new Promise((ok, fail) => {
  const r = indexedDB.open(name);
  r.onerror = () => fail(r.error);
  r.onsuccess = () => {
    const db = r.result;
    window.heldUntil = false;
    const tx = db.transaction(['cases'], 'readwrite');
    const store = tx.objectStore('cases');
    const spin = () => { if (!window.heldUntil) store.get('none').onsuccess = spin; };
    spin();
    window.released = new Promise((done) => { tx.oncomplete = tx.onabort = () => { db.close(); done(); }; });
    ok();
  };
}), await app.browser.database(page));
const release = (page) => page.evaluate(() => { window.heldUntil = true; return window.released; });

test('F1: closing the tab while a save is still on its way to the disk asks first, and the edits are then saved', async () => {
  const first = await app.browser.page();
  const plan = await createCase(first, app.server.url, 'Amina Diallo');
  const id = plan.match(/cases\/([0-9a-f-]+)\//)[1];
  await first.goto(`${plan}worker`);
  await field(first, 'Role').fill('Social worker');
  await saved(first);

  const second = await app.browser.context.newPage();
  await second.goto(app.server.url);
  const held = await stored(second, id);
  await hold(second);
  // The first letter's save starts and waits behind the held transaction…
  await field(first, 'Role').pressSequentially(' A');
  await first.locator('.save-status').getByText(/^Saving/).waitFor();
  await first.waitForTimeout(1000);
  // …and the next letter is typed while it is still running; then the worker closes the tab.
  // The browser drops a write not yet committed with the page, whether queued or under way and
  // whether or not `commit()` was called (tried: nothing of either letter was stored), so the
  // tab asks; the worker stays.
  await field(first, 'Role').pressSequentially('B');
  // (In a protected workspace too: the edit sealed ahead for the closing save is queued behind
  // the same held transaction, and dropped with the page just the same.)
  const asked = first.waitForEvent('dialog').catch(() => null);
  await first.close({ runBeforeUnload: true });
  const dialog = await asked;
  assert.ok(dialog, 'leaving asks first: the tab closed without asking, with a save still on its way to the disk');
  assert.equal(dialog.type(), 'beforeunload', 'leaving asks first');
  await dialog.dismiss();
  await release(second);
  await saved(first);

  const after = await stored(second, id);
  assert.ok(after.revision > held.revision, 'the edits held back were written');
  // Once saved, closing asks nothing.
  first.on('dialog', () => assert.fail('closing after "Saved" asked'));
  const closed = first.waitForEvent('close');
  await first.close({ runBeforeUnload: true });
  await closed;
  assert.equal(await roleShown(second, plan), 'Social worker AB', 'every letter typed before closing was written');
  await second.close();
});
