// The print view: the whole plan as a document, without the app's navigation, and as a PDF
// (Chromium's print to PDF) with the case number on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, field, saved, group, createCase } from './harness.mjs';

const app = withApp('/');

test('the print view holds the whole plan, and its PDF has the case number on every page', async () => {
  const page = await app.browser.page();
  const plan = await createCase(page, app.server.url, 'Ana Ruiz');
  const number = await field(page, 'Case number').inputValue();
  await page.goto(`${plan}child`);
  await field(page, "Child's name").fill('Lucía Gómez');
  await page.goto(`${plan}placement`);
  await field(page, 'Planned placement').selectOption({ label: 'Kinship care' });
  await page.goto(`${plan}needs`);
  // Enough needs to run over several pages.
  for (let n = 1; n <= 45; n++) {
    await page.getByRole('button', { name: 'Add a need' }).click();
    await field(group(page, `Need ${n}`), 'Protection need').fill(`Need number ${n}: ${'support at school and at home '.repeat(3)}`);
  }
  await page.goto(`${plan}monitoring`);
  await field(page, 'Visit frequency').selectOption({ label: 'Monthly' });
  await page.getByRole('button', { name: 'Log a visit' }).click();
  await field(page, 'Concerns').fill('Counselling not started.');
  await page.getByRole('button', { name: 'Save visit' }).click();
  await page.goto(`${plan}participation`);
  await field(page, "The child's views and wishes").fill('Quiere vivir con su abuela.');
  await saved(page);

  await page.getByRole('link', { name: 'Print view' }).click();
  await page.getByRole('heading', { level: 1, name: 'Care and Protection Plan' }).waitFor();
  const doc = page.locator('.plan-document');
  for (const heading of ['Child', 'Case worker', 'Placement', 'Protection needs', 'Services', 'Other actions', 'Monitoring visits', 'Child participation', 'Referrals', 'Best interests', 'Checklist and milestones']) {
    await doc.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
  }
  const text = await doc.innerText();
  for (const expected of [number, 'Lucía Gómez', 'Ana Ruiz', 'Kinship care', 'Need number 45', 'Counselling not started.', 'Quiere vivir con su abuela.', 'Prepared for placement']) {
    assert.ok(text.includes(expected), `the document shows ${expected}`);
  }

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app-header').isVisible(), false, 'no navigation on paper');
  assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
  const dir = await mkdtemp(join(tmpdir(), 'homeward-pdf-'));
  try {
    for (const format of ['A4', 'Letter']) {
      const pdf = join(dir, `plan-${format}.pdf`);
      await writeFile(pdf, await page.pdf({ format }));
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
      assert.ok(pages.length >= 3, `${format}: several pages (${pages.length})`);
      pages.forEach((p, i) => assert.ok(p.includes(`Case ${number}`), `${format} page ${i + 1} carries the case number`));
      assert.ok(pages[0].includes('Printed'), 'the date printed');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(app.browser.errors, []);
});
