// Every database layout Homeward has ever written opens in this build: the cases are listed,
// open with every value, and can be edited. Fixtures in tests/fixtures are dumps of real
// databases (see make-fixture.mjs); keep one for each schema version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, serve, field, saved, layDown } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const names = (await readdir(FIXTURES)).filter((f) => /^schema-v\d+\.json$/.test(f)).sort();

test('there is a fixture for every schema version up to the current one', async () => {
  const versions = names.map((n) => Number(n.match(/v(\d+)/)[1]));
  const schema = await readFile(join(FIXTURES, '..', '..', 'src', 'storage', 'schema.rs'), 'utf8');
  const current = Number(schema.match(/SCHEMA_VERSION: u32 = (\d+)/)[1]);
  assert.deepEqual(versions, Array.from({ length: current }, (_, i) => i + 1));
});

for (const name of names) {
  test(`a database written at ${name.replace('.json', '')} opens, lists and edits its cases`, async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURES, name), 'utf8'));
    const server = await serve('/');
    const browser = await openBrowser();
    try {
      const page = await browser.page();
      await layDown(page, server.url, fixture);

      const cases = fixture.stores.cases.records;
      browser.errors.length = 0; // the bare page's missing favicon
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      for (const c of cases) await page.getByRole('row', { name: new RegExp(c.plan.child.name) }).waitFor();
      assert.equal(await page.getByRole('alert').filter({ hasText: /could not be read/ }).count(), 0);

      for (const c of cases) {
        const plan = `${server.url}#/cases/${c.id}/plan/`;
        await page.goto(`${plan}child`);
        assert.equal(await field(page, "Child's name").inputValue(), c.plan.child.name);
        assert.equal(await field(page, 'Date of birth').inputValue(), c.plan.child.birth_date);
        await page.goto(`${plan}needs`);
        assert.equal(await field(page, 'Protection need').inputValue(), c.plan.needs[0].need);
        await page.goto(`${plan}participation`);
        assert.equal(await field(page, "The child's views and wishes").inputValue(), c.plan.participation.child_views);
        const done = c.checklist?.items?.find((i) => i.status === 'done');
        if (done) {
          await page.goto(`${server.url}#/cases/${c.id}/checklist`);
          assert.equal(await page.locator(`#tick-${done.id}`).isChecked(), true);
        }
      }

      // Still editable, and the edit is kept.
      const first = cases[0];
      await page.goto(`${server.url}#/cases/${first.id}/plan/worker`);
      await field(page, 'Contact').fill('+51 84 000 111');
      await saved(page);
      await page.reload();
      assert.equal(await field(page, 'Contact').inputValue(), '+51 84 000 111');
      // The overview reads what the upgrade derived.
      await page.goto(`${server.url}#/overview`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}
