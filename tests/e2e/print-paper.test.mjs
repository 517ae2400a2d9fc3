// A printed plan an authority would accept (issue 22, point 3): every demo case, in English,
// Spanish and French, printed to A4 and to Letter as Chromium prints it, read back with
// pdftotext: every person's full name and every date on one line, never broken inside a word,
// and "Page x of y" on every page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, openBrowser, WORKER } from './harness.mjs';

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');
const CHILDREN = ['Valentina Quispe', 'Mateo Cruz', 'Joaquín Benítez', 'Yerlin Ramírez', 'Dayana Mendoza', 'Andrés Villca', 'Ikram Haddad', 'Thiago Pereira'];
// A date as each language writes it in full, and its page numbers.
const MONTHS = {
  en: 'January|February|March|April|May|June|July|August|September|October|November|December',
  es: 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre',
  fr: 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
};
const DATE = {
  en: new RegExp(`\\b\\d{1,2} (${MONTHS.en}) \\d{4}\\b`, 'g'),
  es: new RegExp(`\\b\\d{1,2} de (${MONTHS.es}) de \\d{4}\\b`, 'g'),
  fr: new RegExp(`\\b\\d{1,2}(er)? (${MONTHS.fr}) \\d{4}\\b`, 'g'),
};
const PAGE = { en: (n, of) => `Page ${n} of ${of}`, es: (n, of) => `Página ${n} de ${of}`, fr: (n, of) => `Page ${n} sur ${of}` };
// As a person prints: the browser's usual margins, which the page numbers sit in.
const MARGIN = { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' };

async function texts(language) {
  const out = {};
  for (const file of await readdir(join(LOCALES, language))) {
    const flatten = (value, prefix) => {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string') out[`${prefix}.${k}`] = v; else flatten(v, `${prefix}.${k}`);
      }
    };
    flatten(JSON.parse(await readFile(join(LOCALES, language, file), 'utf8')), file.replace(/\.json$/, ''));
  }
  return out;
}

const oneLine = (text) => text.replace(/\u00a0/g, ' ');
let server;
const dir = await mkdtemp(join(tmpdir(), 'homeward-paper-'));
after(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

for (const language of ['en', 'es', 'fr']) {
  test(`every demo case prints whole names and dates, numbered pages, on A4 and Letter (${language})`, async () => {
    server ??= await serve('/');
    const words = await texts(language);
    const browser = await openBrowser({ worker: WORKER, locale: { en: 'en-GB', es: 'es-ES', fr: 'fr-FR' }[language] });
    try {
      const page = await browser.page();
      await page.goto(server.url);
      await page.getByRole('button', { name: words['app.open_demo'] }).click();
      await page.getByRole('region', { name: words['demo.banner_label'] }).waitFor();
      for (const child of CHILDREN) {
        await page.goto(server.url);
        await page.locator('#case-filter').fill(child);
        const row = page.getByRole('row').filter({ hasText: child });
        await row.first().waitFor();
        const worker = (await row.first().innerText()).split('\t').map((t) => t.trim()).find((t) => /^[A-ZÁÉÍÓÚ][a-záéíóúñ]+ [A-ZÁÉÍÓÚ]/.test(t) && t !== child);
        await row.getByRole('link').first().click();
        await page.waitForURL(/plan\//);
        await page.goto(page.url().replace(/plan\/.*$/, 'print'));
        const doc = page.locator('.plan-document');
        await doc.waitFor();
        const shown = oneLine(await doc.innerText());
        const people = new Set([child, ...(worker ? [worker] : []),
          ...(await doc.locator('.person').allInnerTexts()).map((t) => oneLine(t).trim()).filter(Boolean)]);
        const dates = new Set(shown.match(DATE[language]) ?? []);
        assert.ok(dates.size > 0, `${child}: the document has dates`);
        for (const format of ['A4', 'Letter']) {
          const pdf = join(dir, `${language}-${format}.pdf`);
          await page.emulateMedia({ media: 'print' });
          await writeFile(pdf, await page.pdf({ format, margin: MARGIN }));
          await page.emulateMedia({ media: 'screen' });
          const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
          const lines = pages.flatMap((p) => p.split('\n')).map(oneLine);
          const where = `${child}, ${language}, ${format}`;
          for (const person of people) {
            assert.ok(lines.some((l) => l.includes(person)), `${where}: “${person}” on one line`);
          }
          for (const date of dates) {
            assert.ok(lines.some((l) => l.includes(date)), `${where}: “${date}” on one line`);
          }
          // A printed demo plan says it is fictional, but prints no link or button of the demo.
          assert.ok(!lines.some((l) => l.includes(words['demo.about'])), `${where}: no “${words['demo.about']}” on paper`);
          pages.forEach((p, i) => assert.ok(oneLine(p).includes(PAGE[language](i + 1, pages.length)),
            `${where}: “${PAGE[language](i + 1, pages.length)}” on page ${i + 1}:\n${p.slice(-300)}`));
        }
      }
      assert.deepEqual(browser.errors, []);
    } finally {
      await browser.close();
    }
  });
}
