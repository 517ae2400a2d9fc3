// First load over a slow link: the bytes of the first load (the case list and a worker's unlock
// form, as brotli, the way static hosts send them) and the time to a new device's first screen,
// interactive, with the network throttled to DevTools' "Slow 3G" through the DevTools protocol;
// then a repeat visit, served by the service worker. A new device's first screen is the opening
// screen (nobody's workspace yet), which is the whole app's: its bytes are not the first load's.
import { openBrowser } from '../e2e/harness.mjs';
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
