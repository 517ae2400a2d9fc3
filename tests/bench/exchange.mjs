// Export and import of 1,000 cases through the app's own pages, key derivation in the page, and
// the stock `age` tool deriving the same key on the same machine.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser } from '../e2e/harness.mjs';

const PASS = 'copper kettle winter garden';

/** Wall time of a command typed into a terminal (`script`), in ms, with `answers` typed in. */
function timedInTerminal(command, answers = []) {
  const start = process.hrtime.bigint();
  execFileSync('script', ['-qec', command, '/dev/null'], { input: answers.map((a) => a + '\n').join(''), timeout: 120_000 });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function exchangeFigures({ server, harnessUrl, runs, median, browserWith, installProbes, timeClick }) {
  const dir = await mkdtemp(join(tmpdir(), 'homeward-bench-'));
  const source = await browserWith(1000);
  await source.context.addInitScript(installProbes);
  const page = await source.page();
  page.setDefaultTimeout(120_000);

  // A one-byte file at Homeward's work factor, for the stock age tool to open.
  await page.goto(harnessUrl);
  await page.waitForFunction(() => window.harnessReady === true);
  const derived = await page.evaluate((pass) => {
    const workFactor = window.harness.work_factor();
    return { workFactor, file: Array.from(window.harness.encrypt_one_byte(pass, workFactor)) };
  }, PASS);
  // Key derivation alone, as an export does it: a freshly started crypto worker (its memory
  // grown for scrypt, as the stock tool's is) writing a file's header, timed once it is loaded.
  await page.goto(server.url + '#/');
  await page.locator('.case-table').waitFor();
  derived.times = await page.evaluate(async ({ runs, pass }) => {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const worker = new Worker('./crypto_worker_loader.js');
      const next = () => new Promise((ok) => { worker.onmessage = (e) => ok(e.data); });
      await next();
      const start = performance.now();
      worker.postMessage({ op: 'header', passphrase: pass, file_key: crypto.getRandomValues(new Uint8Array(16)) });
      const reply = await next();
      times.push(performance.now() - start);
      worker.terminate();
      if (!reply.ok || !reply.header) throw new Error(`the crypto worker wrote no header: ${reply.error}`);
    }
    return times;
  }, { runs, pass: PASS });
  const oneByte = join(dir, 'one-byte.age');
  await writeFile(oneByte, Uint8Array.from(derived.file));

  // The stock age tool opening that file: the same key derivation, natively. Starting the
  // terminal and age takes time too; it is measured apart and taken off.
  const started = [];
  const cli = [];
  const out = join(dir, 'one-byte.txt');
  for (let run = 0; run < runs; run++) {
    started.push(timedInTerminal('age --version'));
    await rm(out, { force: true });
    cli.push(timedInTerminal(`age -d -o '${out}' '${oneByte}'`, [PASS]));
    if ((await readFile(out, 'utf8')) !== 'x') throw new Error('stock age did not open the file');
  }
  const cliKdf = median(cli) - median(started);

  // Export of every case (1,000) through the export page. The passphrase is typed key by key,
  // as a person types it, though far faster (TYPED_MS a key); the page reads the cases
  // meanwhile. Then once more with the button pressed the moment the page shows the cases (both
  // fields filled at once), which no person does, so the reading shares the machine with the
  // key derivation.
  const TYPED_MS = 40;
  const fileReady = [];
  const fileReadyAtOnce = [];
  const done = [];
  let exported;
  for (const typed of [true, false]) {
    for (let run = 0; run < runs; run++) {
      // From the list each time, so the export page is a new one.
      await page.goto(server.url + '#/');
      await page.locator('.case-table').waitFor();
      await page.goto(server.url + '#/export');
      await page.getByText('1,000 of 1,000 chosen').waitFor();
      for (const label of [/^Passphrase/, /^Repeat the passphrase/]) {
        const input = page.getByLabel(label);
        await (typed ? input.pressSequentially(PASS, { delay: TYPED_MS }) : input.fill(PASS));
      }
      const download = page.waitForEvent('download');
      const clickToSaved = await timeClick(page, '.exchange-form button[type=submit]', 'exported');
      const clickToFile = await page.evaluate(() => window.__bench.fileAt - window.__bench.clickAt);
      if (typed) {
        done.push(clickToSaved);
        fileReady.push(clickToFile);
      } else {
        fileReadyAtOnce.push(clickToFile);
      }
      const file = await download;
      if (!exported) {
        exported = join(dir, 'cases.age');
        await file.saveAs(exported);
      }
    }
  }
  await source.close();

  // Import of that file into an empty device, through the import page.
  const target = await openBrowser();
  // In the training demo, as the source: the one workspace stored plain.
  await target.context.addInitScript(() => sessionStorage.setItem('homeward.workspace', JSON.stringify('demo')));
  await target.context.addInitScript(installProbes);
  const into = await target.page();
  into.setDefaultTimeout(120_000);
  const opened = [];
  const written = [];
  for (let run = 0; run < runs; run++) {
    await into.goto(harnessUrl);
    await into.evaluate(() => new Promise((ok, fail) => { const r = indexedDB.deleteDatabase('homeward-demo'); r.onsuccess = ok; r.onerror = fail; r.onblocked = () => fail(new Error('blocked')); }));
    await into.goto(server.url + '#/import');
    await into.locator('#import-file').setInputFiles(exported);
    await into.getByLabel(/^Passphrase/).fill(PASS);
    opened.push(await timeClick(into, 'Open file', 'preview'));
    await into.getByText('1,000 new', { exact: false }).first().waitFor();
    written.push(await timeClick(into, '.preview button.primary', 'imported'));
  }
  await target.close();
  await rm(dir, { recursive: true, force: true });

  return {
    workFactor: derived.workFactor,
    kdfPage: median(derived.times),
    kdfCli: cliKdf,
    kdfRatio: median(derived.times) / cliKdf,
    exportFileReady: median(fileReady),
    exportFileReadyAtOnce: median(fileReadyAtOnce),
    exportDone: median(done),
    importOpen: median(opened),
    importWrite: median(written),
  };
}
