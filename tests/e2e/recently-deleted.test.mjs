// A deleted case can be brought back for 30 days, or erased at once; after 30 days its content
// is erased by itself. Its tombstone stays either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, WORKER } from './harness.mjs';
import { auditor } from './axe.mjs';

const app = withApp('/');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** Every record of an object store of the workspace's database, read straight from IndexedDB:
 *  sealed, with only their `id` (and a case's `revision`, `version`, `exchanged`) in clear. */
const records = async (page, store) => page.evaluate(async ([name, store]) => {
  const db = await new Promise((ok, fail) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const all = await new Promise((ok) => { const r = db.transaction([store]).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
  db.close();
  // The ciphertext's length, not its bytes (typed arrays do not survive the trip as they are).
  return all.map(({ ct, ...clear }) => ({ ...clear, ct: ct?.byteLength }));
}, [await app.browser.database(page), store]);

async function makeAndDelete(page, child) {
  await page.goto(`${app.server.url}#/cases/new`);
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  await field(page, "Child's name").fill(child);
  await field(page, "Case worker's name").fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  const number = await field(page, 'Case number').inputValue();
  const id = page.url().match(/cases\/([0-9a-f-]+)\//)[1];
  await page.getByRole('button', { name: 'Delete case' }).click();
  const dialog = page.getByRole('dialog');
  assert.match(await dialog.innerText(), /restore it from Recently deleted for 30 days/);
  await dialog.getByRole('button', { name: /^Delete case / }).click();
  await page.getByText(`Case ${number} (${child}) was deleted from this device. You can restore it from Recently deleted for 30 days.`).waitFor();
  return { number, id, title: `${number} (${child})` };
}

test('a deleted case is listed under Recently deleted and comes back whole when restored', async () => {
  const page = await app.browser.page();
  const { id, title } = await makeAndDelete(page, 'Lucía Fernández');
  await page.getByRole('link', { name: 'Recently deleted' }).click();
  await page.getByRole('heading', { level: 1, name: 'Recently deleted' }).waitFor();
  const row = page.locator('li', { has: page.getByRole('heading', { level: 2, name: title }) });
  const audit = auditor();
  await audit.check(page, 'recently deleted, one case');
  const said = await row.innerText();
  assert.match(said, new RegExp(`Deleted on ${longDate(new Date())} by ${WORKER.name}\\.`));
  assert.ok(said.includes(`Can be restored until ${longDate(new Date(Date.now() + 30 * 86400000))}.`), said);

  await page.getByRole('button', { name: `Restore ${title}` }).click();
  await page.getByText(`Case ${title} was restored and is back in the case list.`).waitFor();
  await page.getByText('No case deleted on this device in the last 30 days is waiting here.').waitFor();
  assert.equal((await records(page, 'tombstones')).length, 0, 'no longer deleted');
  await audit.check(page, 'recently deleted, empty');
  assert.equal(audit.found.length, 0, `axe found violations:\n${audit.report()}`);

  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('link', { name: title.split(' ')[0] }).click();
  await page.getByRole('link', { name: /^Child/ }).first().click();
  assert.equal(await field(page, "Child's name").inputValue(), 'Lucía Fernández');
  await field(page, "Child's name").fill('Lucía Fernández Ruiz');
  await saved(page);
  assert.equal((await records(page, 'cases')).filter((c) => c.id === id).length, 1, 'stored among the cases again');
  // Read back from storage: a reload (which locks the workspace; it is unlocked again).
  const child = page.url();
  await page.reload();
  assert.equal(page.url(), child);
  assert.equal(await field(page, "Child's name").inputValue(), 'Lucía Fernández Ruiz', 'it is edited and saved as before');
  // Its history tells that it was gone, and who brought it back: newest first.
  await page.getByRole('navigation', { name: 'This case' }).getByRole('link', { name: 'History' }).click();
  const entries = page.locator('.timeline-entry');
  await entries.nth(2).waitFor();
  assert.match(await entries.nth(1).innerText(), new RegExp(`Case restored from Recently deleted[\\s\\S]*${WORKER.name}`));
  assert.match(await entries.nth(2).innerText(), new RegExp(`Case deleted from this device[\\s\\S]*${WORKER.name}`));
  await page.close();
});

test('deleting permanently asks, erases the content at once, and keeps only the tombstone', async () => {
  const page = await app.browser.page();
  const { id, title } = await makeAndDelete(page, 'Daniel Mensah');
  await page.goto(`${app.server.url}#/storage`);
  await page.getByRole('link', { name: 'See recently deleted cases' }).click();
  await page.getByRole('button', { name: `Delete permanently ${title}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete case ${title} permanently?` });
  assert.match(await dialog.innerText(), /cannot be restored/);
  const audit = auditor();
  await audit.check(page, 'delete permanently, asking');
  assert.equal(audit.found.length, 0, `axe found violations:\n${audit.report()}`);
  await dialog.getByRole('button', { name: `Delete ${title} permanently` }).click();
  await page.getByText(`The content of case ${title} was erased from this device.`).waitFor();
  // The list is read again (and, in a worker's workspace, opened again) after the message.
  await page.getByRole('heading', { level: 2, name: title }).waitFor({ state: 'detached' });

  assert.deepEqual((await records(page, 'recently_deleted')).filter((c) => c.id === id), [], 'content erased');
  const stones = (await records(page, 'tombstones')).filter((t) => t.id === id);
  assert.deepEqual(Object.keys(stones[0]).sort(), ['ct', 'id', 'iv'], 'the tombstone keeps only its id in clear');
  // Sealed (AES-GCM: the plaintext's length and a 16-byte tag), it has room for no more than
  // the case's id, when and by whom it was deleted: it holds nothing of the case.
  const most = JSON.stringify({ id, deleted_at: '2026-01-01T00:00:00.000000000+00:00', deleted_by: WORKER.name }).length + 16;
  assert.ok(stones[0].ct <= most, `the tombstone's ${stones[0].ct} bytes hold no more than ${most}`);
  await page.close();
});

test('content deleted more than 30 days ago is erased when Homeward opens, and no longer offered', async () => {
  const page = await app.browser.page();
  const { id, title } = await makeAndDelete(page, 'Rosa Condori');
  assert.equal((await records(page, 'recently_deleted')).filter((c) => c.id === id).length, 1, 'still kept before');
  await page.goto(`${app.server.url}#/deleted`);
  await page.getByRole('heading', { level: 2, name: title }).waitFor();

  // 31 days later (the tombstone is sealed: its date cannot be moved back, so the browser's
  // clock is moved on), Homeward is opened again.
  await page.clock.install({ time: new Date(Date.now() + 31 * 86400000) });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Recently deleted' }).waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('heading', { level: 2, name: title }).count(), 0, 'not offered');
  await page.waitForFunction(async ([name, id]) => {
    const db = await new Promise((ok) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); });
    const found = await new Promise((ok) => { const r = db.transaction(['recently_deleted']).objectStore('recently_deleted').get(id); r.onsuccess = () => ok(r.result); });
    db.close();
    return found === undefined;
  }, [await app.browser.database(page), id]);
  assert.equal((await records(page, 'tombstones')).filter((t) => t.id === id).length, 1, 'the tombstone stays');
  await page.close();
});
