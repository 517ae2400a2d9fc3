// The Reports page at the largest size (10,000 cases in the training demo's plain database):
// from the click on "Reports" to every figure painted; a period changed, until the figures show
// it; and the case-level CSV of every case counted, from the click on its confirmation to the
// file handed to the browser. Timed in the page, on its own clock (see in-page.mjs).
import { installProbes } from './in-page.mjs';

export async function reportFigures({ browser, server, runs, median }) {
  await browser.context.addInitScript(installProbes);
  const page = await browser.page();
  page.setDefaultTimeout(600_000);
  const shown = [];
  const changed = [];
  const csv = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(server.url);
    await page.locator('.case-table').waitFor();
    shown.push(await page.evaluate(async () => {
      const link = document.querySelector('nav a[href="#/reports"]');
      const start = performance.now();
      const done = window.__benchUntil(() => document.querySelector('#figure-themes') !== null);
      link.click();
      return (await done) - start;
    }));
    // A year instead of the quarter: every figure counted again.
    changed.push(await page.evaluate(async () => {
      const said = () => document.querySelector('.report-counted')?.textContent;
      const before = said();
      const select = document.querySelector('#report-period');
      const start = performance.now();
      const done = window.__benchUntil(() => said() !== before && document.querySelector('#figure-themes') !== null);
      select.value = 'this_year';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return (await done) - start;
    }));
    await page.getByRole('button', { name: 'Download the case-level CSV…' }).click();
    const download = page.waitForEvent('download');
    csv.push(await page.evaluate(async () => {
      const confirm = [...document.querySelectorAll('dialog button')].find((b) => b.textContent.trim() === 'Download the case-level CSV');
      window.__bench.fileAt = undefined;
      const start = performance.now();
      confirm.click();
      while (window.__bench.fileAt === undefined) await new Promise((ok) => setTimeout(ok, 5));
      return window.__bench.fileAt - start;
    }));
    await (await download).cancel();
  }
  await browser.close();
  return { shown: median(shown), changed: median(changed), caseCsv: median(csv) };
}
