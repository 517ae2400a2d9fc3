// Durable storage: the browser is asked to keep the data and the answer is shown, with the
// space used; the worker is reminded to export a backup, and an encrypted export of every case
// counts as one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved, createCase } from './harness.mjs';

const app = withApp('/');
const PASS = 'orchard violin mellow quarry';

const newCase = (page, worker) => createCase(page, app.server.url, worker);

test('the storage page shows whether the data is protected and how much space it uses', async () => {
  const page = await app.browser.page();
  await page.goto(`${app.server.url}#/storage`);
  await page.getByRole('heading', { level: 1, name: 'Storage and backup' }).waitFor();
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  const kept = page.getByRole('region', { name: 'Kept on this device' });
  await kept.getByText(persisted ? /^Protected\./ : /^Not protected yet\./).waitFor();
  await kept.getByText(/^Homeward uses .+ here\. The browser lets it use about .+ on this device\.$/).waitFor();
  if (!persisted) {
    await kept.getByRole('button', { name: "Ask the browser to keep Homeward's data" }).click();
    const granted = await page.evaluate(() => navigator.storage.persisted());
    await kept.getByText(granted ? /^Protected\./ : /The browser did not agree this time/).waitFor();
  }
  await page.getByRole('region', { name: 'When browsers delete data' }).getByText(/after 7 days without a visit/).waitFor();
  await page.getByRole('region', { name: 'Backups' }).getByText('Last backup of every case: never.').waitFor();
});

test('cases never backed up bring a reminder, which an encrypted export of every case clears', async () => {
  const page = await app.browser.page();
  const plan = await newCase(page, 'Clara Núñez');
  await page.goto(`${plan}worker`);
  await field(page, 'Role').fill('Social worker');
  await saved(page);

  await page.goto(app.server.url);
  const reminder = page.getByRole('region', { name: 'Time for a backup' });
  await reminder.getByText('You have not exported a backup yet. 1 case has no copy outside this browser.', { exact: false }).waitFor();

  // Put off for a day, it stays away after a reload.
  await reminder.getByRole('button', { name: 'Remind me tomorrow' }).click();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  await page.getByRole('row', { name: /Clara Núñez/ }).waitFor();
  assert.equal(await reminder.count(), 0);
  await page.evaluate(() => localStorage.removeItem('homeward.backup.snoozed_until'));
  await page.reload();
  await reminder.waitFor();

  await reminder.getByRole('link', { name: 'Export a backup of all cases' }).click();
  await field(page, 'Passphrase').fill(PASS);
  await field(page, 'Repeat the passphrase').fill(PASS);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export 1 case, encrypted$/ }).click()]);
  assert.match(download.suggestedFilename(), /\.age$/);
  await page.getByText(/It is a backup of every case on this device/).waitFor();

  await page.goto(app.server.url);
  await page.getByRole('row', { name: /Clara Núñez/ }).waitFor();
  assert.equal(await reminder.count(), 0, 'no reminder right after a backup');
  await page.goto(`${app.server.url}#/storage`);
  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByText('Last backup of every case: today.').waitFor();
  await backups.getByText('Every case is in that backup as it is now.').waitFor();

  // A change after the backup is counted.
  await page.goto(`${plan}worker`);
  await field(page, 'Role').fill('Social worker and lawyer');
  await saved(page);
  await page.goto(`${app.server.url}#/storage`);
  await backups.getByText('1 case has changed since, or is new.').waitFor();
  assert.deepEqual(app.browser.errors, []);
  assert.deepEqual(app.browser.outside, []);
});
