// Measures how long Homeward takes to show the case list over a slow link: a first visit (all
// files from the server) and a repeat visit (files from the service worker), with the network
// throttled to DevTools' "Slow 3G" through the DevTools protocol. The server compresses with
// brotli, as static hosts do. Not a test: prints medians.
// Usage: node tests/e2e/measure-load.mjs [runs=5]   (after `trunk build --release`)
import { openBrowser, serve } from './harness.mjs';

const RUNS = Number(process.argv[2] ?? 5);
// DevTools' "Slow 3G" preset: 400 ms × 5 latency, 500 kbit/s × 0.8 each way.
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1000) / 8 * 0.8, uploadThroughput: (500 * 1000) / 8 * 0.8 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** From navigation start to the case list (or its empty state) on screen, in ms. */
async function visit(page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('.empty-state, .case-table').first().waitFor({ timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

const server = await serve('/', { compress: true });
const first = [];
const repeat = [];
let bytes = 0;
for (let run = 0; run < RUNS; run++) {
  const browser = await openBrowser();
  const page = await browser.page();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  let received = 0;
  cdp.on('Network.loadingFinished', (e) => { received += e.encodedDataLength; });
  first.push(await visit(page, server.url));
  bytes = received;
  // Let the service worker finish storing this build before the next visit.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
  repeat.push(await visit(page, server.url));
  await browser.close();
}
await server.close();
console.log(`Slow 3G (2,000 ms latency, 400 kbit/s), ${RUNS} runs, median:`);
console.log(`  first visit to the case list:  ${Math.round(median(first))} ms   (${Math.round(bytes / 1000)} KB over the wire before it showed)`);
console.log(`  repeat visit (service worker): ${Math.round(median(repeat))} ms`);
