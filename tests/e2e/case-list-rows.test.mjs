// The case list draws a screenful of rows at a time: more as the end of those drawn nears the
// screen, the rest of each hundred on request, and a key that leaves the same rows redraws none.
// 160 cases: the current schema's fixture (two cases) laid down eighty times under new ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { openBrowser, serve, layDown, WORKER } from './harness.mjs';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'schema-v3.json');
const COPIES = 80;

/** Scrolls to the end of the page until `count` rows are drawn (or fails after a while). */
async function scrollUntil(page, count) {
  for (let i = 0; i < 40; i++) {
    if ((await page.locator('.case-table tbody tr').count()) >= count) break;
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
  }
  assert.equal(await page.locator('.case-table tbody tr').count(), count);
}

test('the case list draws rows as they near the screen, shows the rest on request, and a key leaving the same rows redraws none', async () => {
  const fixture = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const server = await serve('/');
  const browser = await openBrowser({ worker: WORKER });
  try {
    const page = await browser.page();
    const stores = Object.fromEntries(Object.entries(fixture.stores).map(([name, { keyPath }]) => [name, { keyPath, records: [] }]));
    stores.meta.records = fixture.stores.meta.records;
    for (let copy = 1; copy <= COPIES; copy++) {
      for (const original of fixture.stores.cases.records) {
        const id = randomUUID();
        const number = `${original.case_number}-${copy}`;
        const of = (store) => fixture.stores[store].records.find((r) => r.id === original.id);
        stores.cases.records.push({ ...original, id, case_number: number, version: randomUUID() });
        stores.summaries.records.push({ ...of('summaries'), id, case_number: number });
        stores.deadlines.records.push({ ...of('deadlines'), id });
      }
    }
    await layDown(page, server.url, { ...fixture, stores });
    browser.errors.length = 0; // the bare page's missing favicon

    await page.goto(server.url);
    const rows = page.locator('.case-table tbody tr');
    await page.locator('.result-count', { hasText: /^160 cases$/ }).waitFor();
    await page.waitForTimeout(500);
    const first = await rows.count();
    assert.ok(first >= 10 && first < 100, `a screenful or two drawn at first, not the hundred listed: ${first}`);

    // Nearing the end of the rows drawn brings the rest of the first hundred, and no more.
    await scrollUntil(page, 100);
    await page.waitForTimeout(300);
    assert.equal(await rows.count(), 100);
    await page.getByRole('button', { name: 'Show more (60 not shown)' }).click();
    await scrollUntil(page, 160);
    assert.equal(await page.getByRole('button', { name: /^Show more/ }).count(), 0);

    // A key that leaves the same rows (a space) redraws none of them.
    await page.evaluate(() => { document.querySelector('.case-table tbody tr').dataset.seen = 'yes'; });
    const filter = page.getByLabel('Filter cases');
    await filter.focus();
    await page.keyboard.press(' ');
    await page.waitForTimeout(300);
    assert.equal(await rows.count(), 160, 'every row is still drawn');
    assert.equal(await page.locator('.case-table tbody tr[data-seen="yes"]').count(), 1, 'the first row is the same element');

    // A key that changes the rows starts again from a screenful; the rest follow on scrolling.
    await page.keyboard.type('Koffi');
    await page.locator('.result-count', { hasText: /^80 of 160 cases match$/ }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const narrowed = await rows.count();
    assert.ok(narrowed >= 10 && narrowed < 80, `a screenful or two drawn after typing: ${narrowed}`);
    assert.equal(await rows.filter({ hasNotText: 'Koffi Mensah' }).count(), 0);
    await scrollUntil(page, 80);
    assert.deepEqual(browser.errors, []);

    // Leaving the list while it is still drawing rows (found by the crash test, after an import
    // brought many cases) must not touch the rows of the page that is gone.
    await filter.fill('');
    const aCase = await rows.first().locator('a').first().getAttribute('href');
    for (let i = 0; i < 12; i++) {
      await page.goto(`${server.url}#/`);
      await page.waitForTimeout(i * 5);
      await page.goto(`${server.url}${aCase}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
    }
    await page.waitForTimeout(500);
    assert.deepEqual(browser.errors, [], 'no error after leaving the list mid-drawing');
  } finally {
    await browser.close();
    await server.close();
  }
});
