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
