// The Reports page's files, over the hand-built caseload of the domain's report tests: each
// table as CSV and the workbook, read by Python (its csv module and openpyxl, neither written
// here), small counts hidden by default; the case-level CSV only after its warning, naming no
// child; accents kept; the printed report read with pdftotext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withApp, field } from './harness.mjs';

const CASELOAD = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'report-caseload.json');
const app = withApp('/');

async function importCaseload(page) {
  await page.goto(`${app.server.url}#/import`);
  await page.getByLabel('Export file').setInputFiles(CASELOAD);
  await page.getByRole('button', { name: 'Open file' }).click();
  await page.getByText('8 new', { exact: false }).first().waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported/).first().waitFor();
}

/** A file the page hands to the browser after `click`, saved where the test can read it. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(await mkdtemp(join(tmpdir(), 'homeward-report-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Read by Python: CSV by its csv module, a workbook by openpyxl (neither written here). */
function python(script, path) {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' }));
}
const READ_CSV = 'import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))';
const READ_XLSX = 'import json, sys, openpyxl\nbook = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}))';

test('each table as CSV, the workbook and the case-level file read by Python, small counts hidden by default; the printed report', async () => {
  const page = await app.browser.page();
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await importCaseload(page);
  await page.goto(`${app.server.url}#/reports`);
  await field(page, 'Period').selectOption({ label: 'Last quarter' });
  await page.getByText(/^6 cases in the caseload/).waitFor();

  // Small counts hidden by default, so a file can leave the organisation.
  assert.equal(await page.getByLabel('Hide counts under 5 in the files').isChecked(), true);
  const hidden = await downloaded(page, () => page.getByRole('button', { name: 'Download as CSV: Open cases by pathway and plan status' }).click());
  assert.match(hidden, /homeward-caseload-2026-07-01-2026-09-30\.csv$/);
  const bytes = await readFile(hidden);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, for Excel');
  assert.match(bytes.toString('utf8'), /\r\n/, 'CRLF line ends');
  assert.deepEqual(python(READ_CSV, hidden), [
    ['Pathway', 'Draft', 'Active', 'Total'],
    ['Not decided', '<5', '<5', '<5'],
    ['Reunification with parents or family', '0', '<5', '<5'],
    ['Kinship care', '0', '<5', '<5'],
    ['Foster care', '0', '<5', '<5'],
  ]);
  await page.getByLabel('Hide counts under 5 in the files').uncheck();
  const shown = await downloaded(page, () => page.getByRole('button', { name: 'Download as CSV: Open cases by pathway and plan status' }).click());
  assert.deepEqual(python(READ_CSV, shown)[1], ['Not decided', '1', '1', '2']);

  // The workbook: a sheet per table, numbers as numbers, equal to the page's.
  const book = python(READ_XLSX, await downloaded(page, () => page.getByRole('button', { name: 'Download the report (.xlsx)' }).click()));
  assert.deepEqual(Object.keys(book), ['About', 'Caseload', 'Stages', 'Settings over time', 'Milestones', 'Outcomes', 'Time to placement', 'Visits', 'Overdue by worker', 'Urgent referrals', 'Referrals', 'Checklist by theme']);
  assert.deepEqual(book.About.slice(1, 3), [['Period', '1 Jul 2026 – 30 Sept 2026'], ['Counted as of', '30 Sept 2026']]);
  assert.deepEqual(book.Caseload, [['Pathway', 'Draft', 'Active', 'Total'], ['Not decided', 1, 1, 2], ['Reunification with parents or family', 0, 1, 1], ['Kinship care', 0, 1, 1], ['Foster care', 0, 1, 1]]);
  assert.deepEqual(book['Time to placement'].slice(1), [['Placements timed', 1], ['Shortest', 193], ['Lower quartile', 193], ['Median', 193], ['Upper quartile', 193], ['Longest', 193]]);
  assert.deepEqual(book['Overdue by worker'].slice(1), [['Ana Ruiz', 5], ['Marc Dubois', 1]]);

  // The case-level file comes only after its warning, and names no child.
  await page.getByRole('button', { name: 'Download the case-level CSV…' }).click();
  const warning = page.getByRole('dialog', { name: 'A file about children, not encrypted' });
  await warning.getByText(/one line for each of the 6 cases counted/).waitFor();
  const cases = python(READ_CSV, await downloaded(page, () => warning.getByRole('button', { name: 'Download the case-level CSV' }).click()));
  assert.equal(cases.length, 7);
  assert.deepEqual(cases[0].slice(0, 5), ['case_number', 'case_worker', 'pathway', 'plan_status', 'stage']);
  const b = cases.find((row) => row[0] === 'REPORT-2026-20260301');
  assert.deepEqual([b[2], b[4], b[8], b[9]], ['reunification', 'follow_up', '2026-09-10', '193']);
  assert.ok(!JSON.stringify(cases).includes('Child '), 'no child is named');

  // In French, the files keep their accents.
  await page.getByLabel('Language').selectOption({ label: 'Français' });
  await page.getByRole('heading', { level: 1, name: 'Rapports' }).waitFor();
  const french = python(READ_CSV, await downloaded(page, () => page.locator('#figure-caseload').locator('xpath=..').locator('button.figure-csv').click()));
  assert.ok(french.flat().some((cell) => /é/.test(cell)), `accents kept: ${JSON.stringify(french)}`);
  await page.getByLabel(/^(Idioma|Langue)$/).selectOption({ label: 'English' });

  // Printed: the figures, the period and the day; no buttons.
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const pdf = join(await mkdtemp(join(tmpdir(), 'homeward-print-')), 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of ['Reports', '1 Jul 2026 – 30 Sept 2026', 'Printed on 7 Dec 2026', 'Open cases by pathway and plan status', 'Urgent referrals answered within 7 days']) {
    assert.ok(text.includes(words), `printed: ${words}`);
  }
  assert.ok(!/Download|Hide counts/.test(text), 'no controls printed');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(app.browser.errors, []);
});
