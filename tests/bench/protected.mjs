// A protected workspace (issue 19): the workspace key derived from a passphrase in the kdf
// worker, as the unlock form does it, and the storage module's list, open and save on sealed
// records at each size, through the benchmark's harness.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { openBrowser } from '../e2e/harness.mjs';

export async function protectedFigures({ server, harnessUrl, site, runs, sizes, median, log }) {
  const browser = await openBrowser();
  const page = await browser.page();
  page.setDefaultTimeout(300_000);
  // scrypt at OWASP's 2^17 in a freshly started worker, its start and loading included.
  await page.goto(server.url);
  // Typing a passphrase takes seconds, in which the whole app's code (fetched 1.5 s after the
  // list shows) is compiled; timed before that ends, scrypt shares the two cores with it.
  await page.waitForTimeout(6000);
  const kdf = await page.evaluate(async (runs) => {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const worker = new Worker('./kdf_worker_loader.js');
      const reply = await new Promise((ok) => {
        worker.onmessage = (e) => { if (!e.data.ready) ok(e.data); };
        worker.postMessage({ passphrase: 'copper kettle winter garden', salt: crypto.getRandomValues(new Uint8Array(16)), log_n: 17, r: 8, p: 1 });
      });
      times.push(performance.now() - start);
      worker.terminate();
      if (!reply.ok) throw new Error('the kdf worker derived no key');
    }
    return times;
  }, runs);
  const brotli = async (file) => brotliCompressSync(await readFile(join(site, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const results = { kdf: median(kdf), kdfBytes: (await brotli('kdf_worker_bg.wasm')) + (await brotli('kdf_worker.js')), lists: {} };
  log(`kdf ${JSON.stringify(kdf.map(Math.round))}`);
  await page.goto(harnessUrl);
  await page.waitForFunction(() => window.harnessReady === true);
  for (const count of sizes) {
    const each = [];
    for (let run = 0; run < Math.min(runs, 3); run++) {
      each.push(JSON.parse(await page.evaluate((count) => window.harness.protected_steps(count), count)));
    }
    const of = (key) => median(each.map((e) => e[key]));
    results.lists[count] = { list: of('list'), open: of('open'), save: of('save'), write1000: of('write1000') };
    log(`protected ${count}: ${JSON.stringify(results.lists[count])}`);
  }
  await browser.close();
  return results;
}
