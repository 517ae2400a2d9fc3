// First load over a slow link: the bytes of the first load (the case list and a worker's unlock
// form, as brotli, the way static hosts send them) and the time to a new device's first screen,
// interactive, with the network throttled to DevTools' "Slow 3G" through the DevTools protocol;
// then a repeat visit, served by the service worker. A new device's first screen is the opening
// screen (nobody's workspace yet), which is the whole app's: its bytes are not the first load's.
import { openBrowser, createCase, WORKER } from '../e2e/harness.mjs';
import { installProbes } from './in-page.mjs';

// DevTools' "Slow 3G" preset: 400 ms × 5 latency, 500 kbit/s × 0.8 each way.
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8 };

const kind = (url, type) => {
  if (/\.wasm$/.test(url)) return 'wasm';
  if (type === 'Document') return 'html';
  if (type === 'Script' || /\.m?js$/.test(url)) return 'js';
  if (type === 'Stylesheet' || /\.css$/.test(url)) return 'css';
  return 'other';
};

/** The case list (or its empty state), or the opening screen's choices. */
const SHOWN = '.empty-state, .case-table, ul.workers, p.actions';

/**
 * From navigation start to the case list (here, its empty state) painted and free for input.
 * `onShown` is called as soon as it is on screen.
 */
async function visit(page, url, onShown = () => {}) {
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator(SHOWN).filter({ visible: true }).first().waitFor({ timeout: 120_000 });
  onShown();
  const shown = await page.evaluate((shown) => window.__benchUntil(() => document.querySelector(shown) !== null), SHOWN);
  await page.waitForTimeout(500);
  const lastBusy = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks));
  return Math.max(shown, lastBusy);
}

export async function loadFigures({ server, runs, median }) {
  const first = [];
  const repeat = [];
  let bytes;
  for (let run = 0; run < runs; run++) {
    const browser = await openBrowser();
    await browser.context.addInitScript(installProbes);
    const page = await browser.page();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    // What was asked for before the list showed (not what is fetched afterwards, in the
    // background), counted once it has arrived.
    const asked = new Set();
    const kinds = new Map();
    const received = { html: 0, js: 0, wasm: 0, css: 0, other: 0, rest: 0 };
    let listShown = false;
    cdp.on('Network.requestWillBeSent', (e) => { if (!listShown) asked.add(e.requestId); });
    cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, /homeward_app|_worker/.test(e.response.url) ? 'rest' : kind(e.response.url, e.type)));
    cdp.on('Network.loadingFinished', (e) => { if (asked.has(e.requestId)) received[kinds.get(e.requestId) ?? 'other'] += e.encodedDataLength; });
    first.push(await visit(page, server.url, () => { listShown = true; }));
    bytes = received;
    // Let the service worker finish storing this build before the repeat visit.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    repeat.push(await visit(page, server.url));
    await browser.close();
  }
  // Icons and the manifest are asked for too, but the list does not wait for them.
  const total = bytes.html + bytes.js + bytes.wasm + bytes.css;
  return { bytes: { ...bytes, total }, firstVisit: median(first), repeatVisit: median(repeat) };
}

// A plain 1.5 Mbit/s link (a slow office or mobile connection), as the walkthrough had it.
const LINK_1_5 = { offline: false, latency: 40, downloadThroughput: (1.5 * 1000 * 1000) / 8, uploadThroughput: (0.75 * 1000 * 1000) / 8 };

/**
 * The first case opened right after the list shows: a worker's workspace with one case, the
 * page loaded again over a 1.5 Mbit/s link with nothing cached and no service worker (as on a
 * first visit, or when a new version comes), the
 * passphrase typed as soon as the unlock form shows, the case's link clicked as soon as it is on
 * screen; until its plan is shown. The unlock form and the list are the first load's; the case
 * is the whole app's, fetched behind them.
 */
export async function firstCaseFigures({ server, runs, median }) {
  const listed = [];
  const opened = [];
  let wholeApp = 0;
  for (let run = 0; run < runs; run++) {
    const browser = await openBrowser({ worker: WORKER });
    const page = await browser.page();
    await createCase(page, server.url, WORKER.name);
    await page.goto(server.url);
    await page.locator('.case-table tbody tr a').first().waitFor({ timeout: 120_000 });
    // As on a first visit, or with a new version: nothing from the service worker.
    await page.evaluate(async () => { for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister(); });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', LINK_1_5);
    const sizes = new Map();
    cdp.on('Network.responseReceived', (e) => { if (/homeward_app.*\.(wasm|js)$/.test(e.response.url)) sizes.set(e.requestId, 0); });
    cdp.on('Network.loadingFinished', (e) => { if (sizes.has(e.requestId)) sizes.set(e.requestId, e.encodedDataLength); });
    const start = Date.now();
    // The harness types the passphrase as the unlock form shows.
    await page.reload({ waitUntil: 'commit' });
    const link = page.locator('.case-table tbody tr a').first();
    await link.waitFor({ timeout: 120_000 });
    const shown = Date.now() - start;
    await link.click();
    await page.locator('#section-title').waitFor({ timeout: 120_000 });
    listed.push(shown);
    opened.push(Date.now() - start - shown);
    wholeApp = [...sizes.values()].reduce((a, b) => a + b, 0);
    await browser.close();
  }
  return { listShown: median(listed), caseOpenedAfter: median(opened), wholeAppBytes: wholeApp };
}
