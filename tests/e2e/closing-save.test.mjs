// What a tab writes as it closes keeps what other tabs recorded meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, createCase, saved } from './harness.mjs';

const app = withApp('/');
const PASS = 'river lamp quick dolphin';

/** The stored record of case `id`, read straight from IndexedDB. */
const stored = (page, id) => page.evaluate(async (id) => {
  const db = await new Promise((ok, fail) => { const r = indexedDB.open('homeward'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const record = await new Promise((ok) => { const r = db.transaction(['cases']).objectStore('cases').get(id); r.onsuccess = () => ok(r.result); });
  db.close();
  return record;
}, id);

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
  const recorded = (await stored(second, id)).exchanged;
  assert.equal(recorded.length, 1, 'the export is recorded in the case');
  await first.waitForTimeout(300);

  await field(first, 'Role').pressSequentially(' (lead)');
  await first.close({ runBeforeUnload: true });
  await second.waitForTimeout(500);

  const after = await stored(second, id);
  assert.equal(after.plan.worker.role, 'Social worker (lead)', 'the closing save landed');
  assert.deepEqual(after.exchanged, recorded, 'and kept the export recorded meanwhile');
  await second.close();
});

/** Holds a readwrite transaction on `cases` open from `page` until `release(page)`: saves from
 *  any tab queue behind it, as they would behind a slow import or an old phone's disk. */
const hold = (page) => page.evaluate(() => new Promise((ok, fail) => {
  const r = indexedDB.open('homeward');
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
}));
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
  const asked = first.waitForEvent('dialog');
  await first.close({ runBeforeUnload: true });
  const dialog = await asked;
  assert.equal(dialog.type(), 'beforeunload', 'leaving asks first');
  await dialog.dismiss();
  await release(second);
  await saved(first);

  const after = await stored(second, id);
  assert.equal(after.plan.worker.role, 'Social worker AB', 'every letter typed before closing was written');
  // Once saved, closing asks nothing.
  first.on('dialog', () => assert.fail('closing after "Saved" asked'));
  const closed = first.waitForEvent('close');
  await first.close({ runBeforeUnload: true });
  await closed;
  await second.close();
});
