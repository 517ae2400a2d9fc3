// The benchmark (run through scripts/bench.sh, which builds what it needs): Homeward at 1,000 and
// 10,000 cases in headless Chromium, printed as one table of medians with the budgets beside
// them, and optionally written as JSON. Not a test: it measures, and says which budgets hold.
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { openBrowser } from '../e2e/harness.mjs';
import { startServer } from '../e2e/server.mjs';
import { installProbes, listReady, filterKeystrokes, timeClick } from './in-page.mjs';
import { exchangeFigures } from './exchange.mjs';
import { loadFigures, firstCaseFigures } from './load.mjs';
import { protectedFigures } from './protected.mjs';
import { reportFigures } from './reports.mjs';
import { printTable } from './table.mjs';

const { values: options } = parseArgs({
  options: {
    site: { type: 'string' },
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1000,10000' },
    json: { type: 'string' },
    // Only the case list at each size, for a quick look at a change (no table is printed).
    'lists-only': { type: 'boolean', default: false },
    // Only the bulk write, module against plain IndexedDB (no table is printed).
    'bulk-only': { type: 'boolean', default: false },
    // Only the protected workspace's figures (printed as JSON, no table).
    'protected-only': { type: 'boolean', default: false },
    // Only the Reports page's figures at the largest size (printed as JSON, no table).
    'reports-only': { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
  },
});
const RUNS = Number(options.runs);
const SIZES = options.sizes.split(',').map(Number);
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const log = (...words) => console.error('  ·', ...words);

const server = await startServer({ root: options.site, base: '/', compress: true });
const harnessUrl = `${server.url}bench/`;

const WORKER = 'Bench Worker';
const PASSPHRASE = 'copper kettle winter garden';

/** Puts a tab in the training demo before the app starts: the one workspace stored plain. */
const IN_DEMO = () => sessionStorage.setItem('homeward.workspace', JSON.stringify('demo'));

/**
 * A browser whose profile holds `count` cases, stored through the storage module: plain, in the
 * training demo's database (real cases are only ever in a worker's workspace, and the demo is
 * the one workspace stored without the seal; its tabs start in it), or with `sealed` in a
 * worker's protected workspace, as the app makes it.
 */
async function browserWith(count, { sealed = false } = {}) {
  const browser = await openBrowser();
  if (!sealed) {
    browser.inDemo = true;
    await browser.context.addInitScript(IN_DEMO);
  }
  const page = await browser.page();
  page.setDefaultTimeout(600_000);
  await page.goto(harnessUrl);
  await page.waitForFunction(() => window.harnessReady === true);
  const started = Date.now();
  await page.evaluate(async ({ count, sealed, worker, passphrase }) => {
    if (sealed) return window.harness.make_workspace(worker, passphrase, count);
    await window.harness.open('homeward-demo');
    await window.harness.without_demo_cases();
    for (let first = 0; first < count; first += 1000) {
      window.harness.prepare(first, Math.min(1000, count - first));
      await window.harness.write_prepared();
    }
    window.harness.close();
  }, { count, sealed, worker: WORKER, passphrase: PASSPHRASE });
  log(`stored ${count.toLocaleString('en')} cases${sealed ? ', sealed,' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return browser;
}

/**
 * A page of a freshly started browser (same profile), with the probes in place; with `cpu`, its
 * processor slowed that many times through the DevTools protocol, as Lighthouse's mobile
 * profile does (a low-end phone).
 */
async function coldPage(browser, { cpu = 1 } = {}) {
  await browser.restart();
  if (browser.inDemo) await browser.context.addInitScript(IN_DEMO);
  await browser.context.addInitScript(installProbes);
  const page = await browser.page();
  page.setDefaultTimeout(120_000);
  if (cpu > 1) await (await browser.context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return page;
}

/**
 * To the case list: kept unprotected, from the navigation's start; or, in a protected
 * workspace, the worker chosen and the passphrase typed, from the click on "Unlock" (the key's
 * derivation included: the table takes the kdf's own figure off against the budget).
 */
async function reachList(page, sealed) {
  await page.goto(server.url);
  if (!sealed) return listReady(page);
  await page.getByRole('button', { name: WORKER }).click();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  const clicked = await page.evaluate(() => {
    window.__benchFirstRows = window.__benchUntil(() => document.querySelector('.case-table tbody tr') !== null);
    window.__bench.longTasks.length = 0;
    const at = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Unlock').click();
    return at;
  });
  const { firstRows, interactive } = await listReady(page);
  return { firstRows: firstRows - clicked, interactive: interactive - clicked };
}

/**
 * Start, filter, open a case, save an edit: `runs` times, each in a freshly started browser;
 * `sealed`: in a worker's protected workspace; `cpu`: the processor slowed that many times.
 */
async function listFigures(count, { sealed = false, cpu = 1, runs = RUNS } = {}) {
  const browser = await browserWith(count, { sealed });
  const figures = { firstRows: [], interactive: [], keystroke: [], open: [], save: [] };
  // Once unmeasured, so the service worker has stored the app, as on any day after the first.
  let page = await coldPage(browser);
  await page.goto(server.url);
  await page.locator(sealed ? 'button.worker' : '.case-table').first().waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  for (let run = 0; run < runs; run++) {
    page = await coldPage(browser, { cpu });
    const { firstRows, interactive } = await reachList(page, sealed);
    figures.firstRows.push(firstRows);
    figures.interactive.push(interactive);
    figures.keystroke.push(...(await filterKeystrokes(page, 'martina')));
    // A different open case each run (closed ones cannot be edited), so none is read twice;
    // among the first rows drawn, as a person would pick one without scrolling.
    const link = page.locator('.case-table tbody tr').filter({ hasNotText: 'Closed' }).nth(run * 2 + 1).locator('a').first();
    const href = await link.getAttribute('href');
    figures.open.push(await timeClick(page, `.case-table a[href="${href}"]`, 'caseShown'));
    await page.goto(server.url + href.replace(/plan\/.*$/, 'checklist'));
    await page.waitForFunction(() => window.__benchChecks.checklistShown());
    const box = await page.locator('input[id^="tick-"]:not(:checked):not(:disabled)').first().getAttribute('id');
    figures.save.push(await timeClick(page, `#${box}`, 'saved'));
  }
  await browser.close();
  return {
    firstRows: median(figures.firstRows),
    interactive: median(figures.interactive),
    keystroke: median(figures.keystroke),
    keystrokeWorst: Math.max(...figures.keystroke),
    open: median(figures.open),
    save: median(figures.save),
  };
}

/** The storage module's bulk write of 1,000 cases against plain IndexedDB puts of the same records. */
async function bulkFigures() {
  const browser = await openBrowser();
  const page = await browser.page();
  page.setDefaultTimeout(600_000);
  await page.goto(harnessUrl);
  await page.waitForFunction(() => window.harnessReady === true);
  const runs = await page.evaluate(async (runs) => {
    const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const committed = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });
    const STORES = ['cases', 'summaries', 'deadlines', 'reports'];
    const out = [];
    window.harness.prepare(0, 1000);
    for (let run = 0; run < runs; run++) {
      const [viaModule, viaPlain] = [`bench-module-${run}`, `bench-plain-${run}`];
      await window.harness.open(viaModule);
      let start = performance.now();
      await window.harness.write_prepared();
      const module = performance.now() - start;
      window.harness.close();

      // The very records the module wrote, and its stores' shape, written again by hand.
      const source = await request(indexedDB.open(viaModule));
      const shapes = STORES.map((name) => {
        const store = source.transaction(name).objectStore(name);
        return { name, keyPath: store.keyPath, indexes: [...store.indexNames].map((i) => store.index(i)).map((i) => ({ name: i.name, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry })) };
      });
      const records = {};
      for (const name of STORES) records[name] = await request(source.transaction(name).objectStore(name).getAll());
      source.close();
      const open = indexedDB.open(viaPlain, 1);
      open.onupgradeneeded = () => {
        for (const shape of shapes) {
          const store = open.result.createObjectStore(shape.name, { keyPath: shape.keyPath });
          for (const i of shape.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        }
      };
      const plainDb = await request(open);
      // With the browser's default durability, and with the strict durability the module asks
      // for (a commit then waits for the disk), each into an empty database.
      const timed = async (durability) => {
        const clearing = plainDb.transaction(STORES, 'readwrite');
        for (const name of STORES) clearing.objectStore(name).clear();
        await committed(clearing);
        const begun = performance.now();
        const tx = plainDb.transaction(STORES, 'readwrite', { durability });
        for (const name of STORES) {
          const store = tx.objectStore(name);
          for (const record of records[name]) store.put(record);
        }
        await committed(tx);
        return performance.now() - begun;
      };
      const plain = await timed('default');
      const plainStrict = await timed('strict');
      plainDb.close();
      await request(indexedDB.deleteDatabase(viaModule));
      await request(indexedDB.deleteDatabase(viaPlain));
      out.push({ module, plain, plainStrict, records: records.cases.length });
    }
    return out;
  }, RUNS);
  await browser.close();
  if (runs.some((r) => r.records !== 1000)) throw new Error('the bulk write did not store 1,000 cases');
  return {
    module: median(runs.map((r) => r.module)),
    plain: median(runs.map((r) => r.plain)),
    plainStrict: median(runs.map((r) => r.plainStrict)),
    // The budget's ratio: against the same records written with the same durability.
    ratio: median(runs.map((r) => r.module / r.plainStrict)),
    ratioDefault: median(runs.map((r) => r.module / r.plain)),
  };
}

const results = { date: new Date().toISOString(), runs: RUNS, lists: {} };
if (options['reports-only']) {
  const count = Math.max(...SIZES);
  console.log(JSON.stringify(await reportFigures({ browser: await browserWith(count), server, runs: RUNS, median }), null, 2));
  await server.close();
  process.exit(0);
}
if (options['load-only']) {
  const load = await loadFigures({ server, runs: RUNS, median });
  load.firstCase = await firstCaseFigures({ server, runs: RUNS, median });
  console.log(JSON.stringify(load, null, 2));
  await server.close();
  process.exit(0);
}
if (options['protected-only']) {
  console.log(JSON.stringify(await protectedFigures({ server, harnessUrl, site: options.site, runs: RUNS, sizes: SIZES, median, log }), null, 2));
  await server.close();
  process.exit(0);
}
for (const count of options['bulk-only'] ? [] : SIZES) {
  console.error(`== ${count.toLocaleString('en')} cases`);
  results.lists[count] = await listFigures(count);
  log(JSON.stringify(results.lists[count]));
}
// Protected, and a low-end phone (the processor slowed 4×), through the app as a person uses it.
const LARGEST = Math.max(...SIZES);
results.sealedLists = {};
results.lowEnd = {};
for (const count of options['bulk-only'] ? [] : SIZES) {
  console.error(`== ${count.toLocaleString('en')} cases in a protected workspace`);
  results.sealedLists[count] = await listFigures(count, { sealed: true });
  log(JSON.stringify(results.sealedLists[count]));
}
if (!options['bulk-only']) {
  for (const sealed of [false, true]) {
    console.error(`== ${LARGEST.toLocaleString('en')} cases${sealed ? ', protected,' : ''} on a low-end phone (CPU 4× slower)`);
    results.lowEnd[sealed ? 'sealed' : 'plain'] = await listFigures(LARGEST, { sealed, cpu: 4, runs: Math.min(RUNS, 3) });
    log(JSON.stringify(results.lowEnd[sealed ? 'sealed' : 'plain']));
  }
}
if (options['lists-only']) {
  await server.close();
  process.exit(0);
}
console.error('== Bulk write');
results.bulk = await bulkFigures();
log(JSON.stringify(results.bulk));
if (options['bulk-only']) {
  await server.close();
  process.exit(0);
}
console.error('== Export, import and key derivation');
results.exchange = await exchangeFigures({ server, harnessUrl, runs: RUNS, median, browserWith, installProbes, timeClick, log });
log(JSON.stringify(results.exchange));
console.error(`== Reports at ${LARGEST.toLocaleString('en')} cases`);
results.reports = await reportFigures({ browser: await browserWith(LARGEST), server, runs: RUNS, median });
log(JSON.stringify(results.reports));
console.error('== Protected workspace');
results.protected = await protectedFigures({ server, harnessUrl, site: options.site, runs: RUNS, sizes: SIZES, median, log });
log(JSON.stringify(results.protected));
console.error('== First load');
results.load = await loadFigures({ server, runs: RUNS, median });
results.load.firstCase = await firstCaseFigures({ server, runs: RUNS, median });
await server.close();

printTable(results, SIZES);
if (options.json) {
  await writeFile(options.json, JSON.stringify(results, null, 2) + '\n');
  console.error(`written to ${options.json}`);
}
