// Turning protection on for cases an earlier Homeward kept unprotected (issue 19, point 4): the
// device's first worker takes them all in, from a database of any schema version; the old
// database is deleted; a move cut short by a killed browser goes on at the next unlock; a worker
// whose workspace was already here is asked first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { field, layDown, openBrowser, serve } from './harness.mjs';
import { PASS, addWorker, dump, databases, fresh, unlock } from './workers.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const names = (await readdir(FIXTURES)).filter((f) => /^schema-v\d+\.json$/.test(f)).sort();
const fixtureOf = async (name) => JSON.parse(await readFile(join(FIXTURES, name), 'utf8'));

for (const name of names) {
  test(`the first worker takes in every case of a database written at ${name.replace('.json', '')}`, async () => {
    const fixture = await fixtureOf(name);
    const cases = fixture.stores.cases.records;
    await fresh(async ({ url, browser, page }) => {
      await layDown(page, url, fixture);
      browser.errors.length = 0; // the bare page's missing favicon
      await page.goto(url);
      // No worker yet: the cases stay closed, and the opening screen says what adding one does.
      await page.getByText('They stay closed until a worker is added').waitFor();
      const closed = await page.locator('body').innerText();
      for (const c of cases) assert.ok(!closed.includes(c.plan.child.name), `${c.plan.child.name} is not shown unprotected`);
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no way into the cases');

      const { id } = await addWorker(page, url, 'Ana Pérez');
      await page.getByText(`Cases now protected in your workspace: ${cases.length}.`).waitFor();
      for (const c of cases) await page.getByRole('row', { name: new RegExp(c.plan.child.name) }).waitFor();
      assert.ok(!(await databases(page)).includes('homeward'), 'the unprotected database is deleted');
      const sealed = await dump(page, `homeward-w-${id}`);
      for (const c of cases) {
        for (const marker of [c.plan.child.name, c.case_number, c.plan.participation.child_views]) {
          assert.ok(!sealed.includes(marker), `"${marker}" is not stored in clear`);
        }
      }
      // Read back whole, and the history's author is the worker now.
      const [first] = cases;
      await page.goto(`${url}#/cases/${first.id}/plan/child`);
      assert.equal(await field(page, "Child's name").inputValue(), first.plan.child.name);
      await page.goto(`${url}#/cases/${first.id}/plan/participation`);
      assert.equal(await field(page, "The child's views and wishes").inputValue(), first.plan.participation.child_views);
    });
  });
}

/** The schema-v6 fixture with `count` cases made from its first one. */
async function manyCases(count) {
  const fixture = await fixtureOf('schema-v6.json');
  const [template] = fixture.stores.cases.records;
  const [summary] = fixture.stores.summaries.records;
  const [deadlines] = fixture.stores.deadlines.records;
  const ids = Array.from({ length: count }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
  const child = (n) => `Child Number${n}`;
  fixture.stores.cases.records = ids.map((id, n) => ({ ...template, id, plan: { ...template.plan, child: { ...template.plan.child, name: child(n) } } }));
  fixture.stores.summaries.records = ids.map((id, n) => ({ ...summary, id, child_name: child(n) }));
  fixture.stores.deadlines.records = ids.map((id) => ({ ...deadlines, id }));
  fixture.stores.tombstones.records = [];
  fixture.stores.recently_deleted.records = [];
  return fixture;
}

test('a move cut short by a killed browser goes on at the next unlock and loses nothing', async () => {
  const server = await serve();
  const browser = await openBrowser();
  try {
    const page = await browser.page();
    await layDown(page, server.url, await manyCases(3000));
    browser.errors.length = 0;
    await page.goto(`${server.url}#/workspaces/new`);
    await field(page, 'Your name').fill('Ana Pérez');
    await field(page, 'Passphrase').fill(PASS);
    await field(page, 'Repeat the passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Make my workspace' }).click();
    await page.getByLabel('The recovery key is printed or written down, and will be kept safe').check({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Open my workspace' }).click();
    // Killed once some batches are in, the rest not.
    await page.getByText(/^Cases moved: [1-9][\d,]* of 3,?000$/).waitFor({ timeout: 30_000 });
    await browser.restart();

    const again = await browser.page();
    await again.goto(server.url);
    await again.getByRole('button', { name: 'Ana Pérez' }).click();
    await unlock(again, 'Ana Pérez');
    await again.getByText(/^Cases now protected in your workspace: 3,?000\./).waitFor({ timeout: 60_000 });
    await again.getByText(/^3,?000 cases$/).waitFor();
    assert.ok(!(await databases(again)).includes('homeward'), 'the unprotected database is deleted once all is in');
    assert.deepEqual(browser.outside, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a worker whose workspace was already here is asked before cases found unprotected move in', async () => {
  await fresh(async ({ url, browser, page }) => {
    await addWorker(page, url, 'Ana Pérez');
    // Cases an older Homeward wrote after the move (or an earlier one left): a database of its own.
    const fixture = await fixtureOf('schema-v6.json');
    const other = await browser.context.newPage();
    await layDown(other, url, fixture);
    await other.evaluate(() => localStorage.setItem('homeward.held_cases.homeward', 'true'));
    browser.errors.length = 0;
    await other.goto(url);
    await other.getByText('This device also holds cases that an earlier version of Homeward kept without protection.', { exact: false }).waitFor();
    await other.getByRole('button', { name: 'Ana Pérez' }).click();
    // Unlocked in the first load (a reload shows its unlock form), which hands over to the
    // whole app: asked before the workspace opens.
    await other.getByRole('heading', { name: 'Unlock your workspace' }).waitFor();
    await other.reload();
    await field(other, 'Passphrase').fill(PASS);
    await other.getByRole('button', { name: 'Unlock' }).click();
    await other.getByText('Cases on this device without protection: 2.', { exact: false }).waitFor({ timeout: 30_000 });
    await other.getByRole('button', { name: 'Move them into my workspace' }).click();
    await other.getByText('Cases now protected in your workspace: 2.').waitFor();
    for (const c of fixture.stores.cases.records) await other.getByRole('row', { name: new RegExp(c.plan.child.name) }).waitFor();
    assert.ok(!(await databases(other)).includes('homeward'));
  });
});
