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
  // A milestone reached with its evidence, one activity done.
  await page.goto(`${plan.replace(/plan\/$/, '')}checklist`);
  await page.getByRole('heading', { level: 2, name: 'Checklist and milestones' }).waitFor();
  const propose = page.getByRole('button', { name: /^Add the \d+ proposed activities$/ });
  if (await propose.count()) await propose.click();
  const prepared = page.getByRole('article', { name: /^Prepared for placement/ });
  await field(prepared, 'Milestone status').selectOption({ label: 'Reached' });
  await field(prepared, 'Evidence or note').fill('Family visits every Saturday since March');
  await page.getByRole('checkbox', { name: 'Life skills training', exact: true }).click();
  await saved(page);

  await page.getByRole('link', { name: 'Print view' }).click();
  await page.getByRole('heading', { level: 1, name: 'Care and Protection Plan' }).waitFor();
  const doc = page.locator('.plan-document');
  for (const heading of ['Child', 'Case worker', 'Placement', 'Protection needs', 'Services', 'Other actions', 'Monitoring visits', 'Child participation', 'Referrals', 'Best interests', 'Checklist and milestones']) {
    await doc.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
  }
  // (Names and dates are held on one line with no-break spaces.)
  const text = (await doc.innerText()).replace(/\u00a0/g, ' ');
  for (const expected of [number, 'Lucía Gómez', 'Ana Ruiz', 'Kinship care', 'Need number 45', 'Counselling not started.', 'Quiere vivir con su abuela.', 'Prepared for placement',
    'Family visits every Saturday since March', 'Life skills training']) {
    assert.ok(text.includes(expected), `the document shows ${expected}`);
  }
  assert.match(text, /\d+ activities not started are not printed\./);
  // Activities not started are left out unless asked for (two of seven pages were "Not started").
  assert.ok(!text.includes('Help the family prepare the home'), 'an activity not started is left out');
  await page.getByLabel('Print the activities not started too').check();
  await doc.getByText('Help the family prepare the home').waitFor();
  await page.getByLabel('Print the activities not started too').uncheck();
  // Lines to sign: the case worker named, the supervisor, the child or family.
  const signatures = doc.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Signatures' }) });
  const signing = (await signatures.innerText()).replace(/\u00a0/g, ' ');
  for (const expected of ['Case worker', 'Ana Ruiz', 'Supervisor', 'The child or the family, where appropriate']) {
    assert.ok(signing.includes(expected), `the signatures name ${expected}: ${signing}`);
  }
  assert.equal((signing.match(/Signature:/g) ?? []).length, 3, signing);

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
