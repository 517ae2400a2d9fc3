// Whatever is typed is shown as text everywhere it appears: markup stays inert, very long words
// wrap instead of widening a phone's page, and right-to-left text and emoji come back intact.
// With protection on, the tab's title names neither the child nor the case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, field, saved } from './harness.mjs';

const app = withApp('/');
const SCRIPT = '<script>window.pwned = "script"</script>';
const IMG = '<img src=x onerror="window.pwned = \'img\'">';
const RTL = 'مريم العلي';
const EMOJI = '👧🏽 Lucía 🏠';
const LONG = `Nombre${'Largo'.repeat(60)}`;
const CHILD = `${IMG} ${RTL} ${EMOJI}`;
const WORKER = `${SCRIPT} ${LONG}`;

/** No markup from the text became an element, nothing ran, and the page is no wider than the screen. */
async function inert(page, where) {
  const found = await page.evaluate(() => ({
    pwned: window.pwned ?? null,
    img: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('body script')].length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  assert.deepEqual(found, { pwned: null, img: 0, scripts: 0, overflow: 0 }, where);
}

test('hostile, long, right-to-left and emoji text shows as text on every page, on a phone', async () => {
  const page = await app.browser.page();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${app.server.url}#/cases/new`);
  await page.waitForFunction(() => document.querySelector('#f-case_number')?.value !== '');
  await field(page, "Child's name").fill(CHILD);
  await field(page, "Case worker's name").fill(WORKER);
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  const plan = page.url().replace(/case$/, '');
  await page.getByRole('heading', { level: 1 }).filter({ hasText: EMOJI }).waitFor();
  // With protection on, the tab title (kept in the browser's history and read out by screen
  // readers) names neither the child nor the case.
  const number = await field(page, 'Case number').inputValue();
  const title = await page.title();
  assert.match(title, / – Homeward$/, 'the tab is still named');
  for (const part of [CHILD, RTL, EMOJI, 'Lucía', IMG, number]) {
    assert.ok(!title.includes(part), `the tab title "${title}" does not carry "${part}"`);
  }
  await inert(page, 'case header');

  await page.goto(`${plan}needs`);
  await page.getByRole('button', { name: /^Add a need/ }).click();
  await field(page, 'Protection need').fill(`${SCRIPT} ${RTL}`);
  await field(page, 'By when').fill('2026-01-05');
  await saved(page);
  await inert(page, 'needs');

  await page.goto(`${plan.replace(/plan\/$/, '')}checklist`);
  await field(page, 'Your own activity').fill(`${IMG} ${LONG}`);
  await page.getByRole('button', { name: 'Add your own activity' }).click();
  await page.getByText(`${IMG} ${LONG}`, { exact: true }).first().waitFor();
  await saved(page);
  await inert(page, 'checklist');

  await page.reload();
  await page.getByText(`${IMG} ${LONG}`, { exact: true }).first().waitFor();
  await inert(page, 'checklist after a reload');

  await page.goto(app.server.url);
  const row = page.getByRole('row').filter({ hasText: RTL });
  await row.waitFor();
  assert.ok((await row.innerText()).includes(CHILD));
  await inert(page, 'case list');

  await page.goto(`${app.server.url}#/overview`);
  await page.getByText(`${SCRIPT} ${RTL}`).first().waitFor();
  await inert(page, 'overview');

  await page.goto(`${app.server.url}#/export`);
  await page.getByText(CHILD, { exact: false }).first().waitFor();
  await inert(page, 'export');

  await page.goto(`${plan}child`);
  assert.equal(await field(page, "Child's name").inputValue(), CHILD);
  await page.goto(`${plan}worker`);
  assert.equal(await field(page, "Case worker's name").inputValue(), WORKER);
  await inert(page, 'plan fields');
  assert.deepEqual(app.browser.errors, []);
});
