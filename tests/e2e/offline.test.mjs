// Offline use and the locked-down page: the service worker keeps the app working with the
// server gone, a new build waits for the user, and the Content-Security-Policy holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, openBrowser, field, saved, createCase, WORKER, enter } from './harness.mjs';
import { startServer } from './server.mjs';
import { inlineScripts, stampServiceWorker } from '../../scripts/post-build.mjs';

/** Waits until the service worker has stored the build and controls the page. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

function workerVersion(page) {
  return page.evaluate(() => new Promise((ok) => {
    navigator.serviceWorker.addEventListener('message', (e) => ok(e.data.version), { once: true });
    navigator.serviceWorker.controller.postMessage('version');
  }));
}

const newCase = createCase;

test('after one visit Homeward starts with the server gone, and new work is kept', async () => {
  const server = await startServer({ root: DIST, base: '/field-office/homeward/' });
  const browser = await openBrowser({ worker: WORKER });
  try {
    const page = await browser.page();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await controlled(page);
    // Installable: Chromium finds nothing missing (manifest, icons, service worker).
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(JSON.parse(manifest.data).short_name, 'Homeward');
    await server.close();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    const plan = await newCase(page, server.url, 'Rosa Díaz');
    await page.goto(`${plan}worker`);
    await field(page, 'Role').fill('Social worker');
    await saved(page);
    // A fresh start of the browser, still with no server.
    await browser.restart();
    const again = await browser.page();
    await again.goto(`${plan}worker`);
    assert.equal(await field(again, 'Role').inputValue(), 'Social worker');
    // Encryption works offline too: its worker and module come from the cache.
    assert.equal(await again.evaluate(async () => (await fetch('crypto_worker_bg.wasm')).ok), true);
    await again.goto(`${server.url}#/`);
    await again.getByRole('row', { name: /Rosa Díaz/ }).waitFor();
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(browser.outside, []);
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});

test('a new build is announced, and used only when the user chooses to reload', async () => {
  const copy = await mkdtemp(join(tmpdir(), 'homeward-build-'));
  await cp(DIST, copy, { recursive: true });
  const server = await startServer({ root: copy, base: '/' });
  const browser = await openBrowser({ worker: WORKER });
  try {
    const page = await browser.page();
    const plan = await newCase(page, server.url, 'Tomás Gil');
    await controlled(page);
    const first = await workerVersion(page);
    await page.goto(`${plan}worker`);
    await field(page, 'Role').waitFor();
    assert.equal(await page.getByText('A new version of Homeward is ready').count(), 0, 'a first install is not an update');
    await page.evaluate(() => { window.stillTheSamePage = true; });

    // A new build is published while the worker is typing.
    const css = (await readdir(copy)).find((f) => f.endsWith('.css'));
    await appendFile(join(copy, css), '\n/* the next build */\n');
    const second = await stampServiceWorker(copy);
    assert.notEqual(second, first);
    await field(page, 'Role').fill('Psycholo');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.getByText('A new version of Homeward is ready').waitFor();
    await field(page, 'Role').fill('Psychologist');
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true, 'nothing reloaded by itself');
    assert.equal(await workerVersion(page), first);

    const other = await browser.context.newPage();
    await other.goto(`${server.url}#/overview`);
    await other.getByRole('heading', { level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Reload to update' }).click();
    await page.waitForFunction(() => window.stillTheSamePage === undefined);
    // A tab still running the old build is told to reload, not left with files that are gone.
    await other.getByText('A new version of Homeward was started in another tab').waitFor();
    // The reload locked the workspace: the worker unlocks it again.
    await enter(page);
    await field(page, 'Role').waitFor();
    assert.equal(await workerVersion(page), second);
    assert.equal(await field(page, 'Role').inputValue(), 'Psychologist', 'the edit made before the update is kept');
    assert.equal(await page.getByText('A new version of Homeward is ready').count(), 0);
  } finally {
    await browser.close();
    await server.close();
    await rm(copy, { recursive: true, force: true });
  }
});

test('the built page carries a strict Content-Security-Policy, and the app runs under it', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'index.html has a CSP meta element');
  const policy = Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.ok(policy['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(!meta[1].includes('unsafe-inline') && !meta[1].includes("'unsafe-eval'"));
  const scripts = inlineScripts(html);
  assert.equal(scripts.length, 1, "Trunk's loader is the only inline script");
  for (const s of scripts) {
    assert.ok(policy['script-src'].includes(`'sha256-${createHash('sha256').update(s).digest('base64')}'`), 'each is allowed by its hash');
  }
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');
  const headers = await readFile(join(DIST, '_headers'), 'utf8');
  assert.match(headers, /Content-Security-Policy: .*frame-ancestors 'none'/);

  const server = await startServer({ root: DIST, base: '/' });
  const browser = await openBrowser({ worker: WORKER });
  try {
    const page = await browser.page();
    const response = await page.goto(server.url);
    assert.match(response.headers()['content-security-policy'], /frame-ancestors 'none'/);
    const plan = await newCase(page, server.url, 'Eva Soto');
    await field(page, 'Child\'s name').or(page.getByRole('heading', { level: 2 })).first().waitFor();
    for (const where of ['#/', '#/overview', `${plan.slice(plan.indexOf('#'))}needs`, '#/import', '#/storage']) {
      await page.goto(`${server.url}${where}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    // The encryption worker and its module load under the policy the host sends.
    const ready = await page.evaluate(() => new Promise((ok) => {
      const worker = new Worker('crypto_worker_loader.js');
      worker.onmessage = (e) => { ok(e.data.ready === true); worker.terminate(); };
      worker.onerror = () => ok(false);
    }));
    assert.equal(ready, true);
    const violations = () => browser.errors.filter((e) => e.startsWith('CSP violation'));
    assert.deepEqual(browser.errors, [], 'the app itself needs nothing the policy refuses');
    assert.deepEqual(browser.outside, []);
    // Injected code does not run.
    const injected = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.injectedRan = true';
      document.body.append(s);
      const box = document.createElement('div');
      box.innerHTML = '<img src="missing.png" onerror="window.handlerRan = true">';
      document.body.append(box);
      await new Promise((ok) => setTimeout(ok, 500));
      return { script: window.injectedRan === true, handler: window.handlerRan === true };
    });
    assert.deepEqual(injected, { script: false, handler: false });
    assert.ok(violations().some((e) => e.includes('script-src-elem')) && violations().some((e) => e.includes('script-src-attr')), violations().join('\n'));
  } finally {
    await browser.close();
    await server.close();
  }
});
