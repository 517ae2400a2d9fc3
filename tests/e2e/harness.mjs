// Shared set-up for the end-to-end tests: serve the release build from dist/, start Chromium
// with a fresh profile and the flags that keep it off the network, and let tests find things
// the way a person does (by label, by name).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { startServer } from './server.mjs';

// Service workers' requests are reported too (Chromium only).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.HOMEWARD_DIST ?? join(ROOT, 'dist');

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * For a test file: serves the app under `base` and opens a browser before its tests, and
 * closes both after them. The returned object is filled in once `before` has run.
 */
export function withApp(base = '/tools/homeward/', options = {}) {
  const app = {};
  before(async () => {
    app.server = await serve(base);
    app.browser = await openBrowser(options);
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** Serves dist/ under `base`; `compress` sends brotli, as most static hosts do. */
export function serve(base = '/tools/homeward/', { compress = false } = {}) {
  return startServer({ root: DIST, base, compress });
}

/**
 * Chromium sends everything not for 127.0.0.1 through this "proxy", which records and refuses
 * it. Unlike request interception it also sees what service workers and web workers ask for.
 */
function startTrap(trapped) {
  const server = createServer((req, res) => {
    trapped.push(req.url);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    trapped.push(`https://${req.url}`);
    // Chromium may reset the refused tunnel; that must not crash the test run.
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * A browser with its own profile folder (made inside `under`). `restart()` closes it and opens the same profile
 * again, as a person closing and reopening the browser would.
 */
export async function openBrowser({ under = tmpdir(), locale = 'en-US' } = {}) {
  const profile = await mkdtemp(join(under, 'homeward-e2e-'));
  const outside = [];
  const trapped = [];
  const errors = [];
  let context;
  const trap = await startTrap(trapped);
  const launch = async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      // Loopback is never proxied, so the app's own server is reached directly.
      args: [...CHROMIUM_FLAGS, `--proxy-server=http://127.0.0.1:${trap.address().port}`],
      viewport: { width: 1280, height: 900 },
      // The interface follows the browser's language; tests read it in English unless they switch.
      locale,
    });
    // Whatever any tab throws or logs as an error.
    context.on('weberror', (e) => errors.push(String(e.error())));
    // A bare page (a fixture laid down on the manifest's address) asks for /favicon.ico, which the
    // app never does; under load its 404 can be reported after a test has cleared the errors.
    context.on('console', (m) => {
      if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location()?.url ?? '')) errors.push(m.text());
    });
    // Every request made by a page, its workers and its service worker must stay on 127.0.0.1.
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:') outside.push(url.href);
    });
    // Anything the page's Content-Security-Policy refuses counts as an error too.
    await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline code'}`)));
    return context;
  };
  await launch();
  return {
    get context() { return context; },
    /** The profile's folder, kept until `close()`. */
    profile,
    /** Requests by the app (pages, workers, service worker) for anywhere but 127.0.0.1. */
    outside,
    /** Everything that tried to leave the machine, Chromium's own traffic included; all refused. */
    trapped,
    /** Errors thrown or logged by any tab of this browser. */
    errors,
    /** The first tab. */
    async page() {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(10_000);
      return page;
    },
    async restart() {
      await context.close();
      await launch();
    },
    async close() {
      await context.close().catch(() => {});
      trap.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The input whose visible label reads `name` (a required field's label adds " *"), inside
 * `scope`: a page, or a group such as "Need 1".
 */
export function field(scope, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Makes a case through the new-case form of the app at `base`; returns its plan's address up to the step. */
export async function createCase(page, base, worker) {
  await page.goto(`${base}#/cases/new`);
  // On the new-case page (the page left behind may have a case number too), once it has one.
  await page.waitForFunction(() => document.querySelector('a[aria-current=page][href="#/cases/new"]')
    && document.querySelector('#f-case_number')?.value !== '');
  await field(page, "Case worker's name").fill(worker);
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.waitForURL(/plan\/case$/);
  return page.url().replace(/case$/, '');
}

/** Waits until the plan says everything on screen is stored. */
export async function saved(page) {
  await page.locator('.save-status').getByText(/^Saved/).waitFor();
}

export function group(page, name) {
  return page.getByRole('group', { name, exact: false });
}

/**
 * Lays a database down as `fixture` describes it (`{name, version, stores: {store: {keyPath,
 * records}}}`, as in tests/fixtures), from a page of the same origin that does not start the app.
 */
export async function layDown(page, origin, fixture) {
  await page.goto(`${origin}public/manifest.webmanifest`);
  await page.evaluate((fx) => new Promise((done, fail) => {
    const request = indexedDB.open(fx.name, fx.version);
    request.onupgradeneeded = () => {
      for (const [store, { keyPath }] of Object.entries(fx.stores)) request.result.createObjectStore(store, { keyPath });
    };
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(Object.keys(fx.stores), 'readwrite');
      for (const [store, { records }] of Object.entries(fx.stores)) for (const r of records) tx.objectStore(store).put(r);
      tx.oncomplete = () => { db.close(); done(); };
      tx.onerror = () => fail(tx.error);
    };
  }), fixture);
}
