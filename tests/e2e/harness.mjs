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
    app.browser = await openBrowser({ worker: WORKER, ...options });
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

/** The worker whose workspace the tests of a page of cases work in (see `openBrowser`). */
export const WORKER = { name: 'Ana Ruiz', passphrase: 'river lantern pepper orbit' };

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
 *
 * With `worker` ({name, passphrase}), every load of the app in any tab ends in that worker's
 * workspace, as a worker would take it: the first adds the worker (and keeps the recovery key),
 * later loads unlock it. Real cases are only ever in a worker's workspace, and a reload locks it.
 * `database()` names the workspace's database once it is made.
 */
export async function openBrowser({ under = tmpdir(), locale = 'en-US', worker = null } = {}) {
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
    if (worker) workInWorkspace(context, worker);
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
    /** The database of `worker`'s workspace, read in `page`'s tab once it is open. */
    async database(page) {
      const id = JSON.parse(await page.evaluate(() => sessionStorage.getItem('homeward.workspace')));
      if (!/^[0-9a-f-]{36}$/.test(id ?? '')) throw new Error(`this tab is in no worker's workspace (${id})`);
      return `homeward-w-${id}`;
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

/**
 * Makes every load of the app in `page` (by `goto`, `reload`, `goBack`, `goForward`) end in
 * `worker`'s workspace, at the address asked for. The screens before a workspace are found by
 * their structure, not their words, so this works in every language.
 */
function entering(page, worker) {
  if (page.enteringWorkspace) return;
  page.enteringWorkspace = true;
  for (const method of ['goto', 'reload', 'goBack', 'goForward']) {
    const original = page[method].bind(page);
    page[method] = async (...args) => {
      const response = await original(...args);
      await intoWorkspace(page, worker);
      return response;
    };
  }
}

/** Every load of the app in any tab of `context` ends in `worker`'s workspace (see `openBrowser`). */
export function workInWorkspace(context, worker = WORKER) {
  for (const page of context.pages()) entering(page, worker);
  context.on('page', (page) => entering(page, worker));
}

/** After the app reloaded `page` by itself (an update, a lock): back into `worker`'s workspace. */
export function enter(page, worker = WORKER) {
  return intoWorkspace(page, worker);
}

/** What the app's page shows: a workspace open, or one of the screens before it. */
const SHOWING = (passing) => {
  const now = (() => {
    if (document.querySelector('header a.you')) return 'open';
    if (document.querySelector('#recovery-key-kept')) return 'key';
    if (document.querySelector('#f-unlock-passphrase')) return 'unlock';
    if (document.querySelector('ul.workers')) return 'opening';
    if (document.querySelector('form.add-worker')) return 'adding';
    // Anything else with a heading (a failure, the move of unprotected cases), once nothing is
    // loading, is the test's to see.
    if (document.querySelector('main h1') && !document.querySelector('main .loading')) return 'other';
    return false;
  })();
  return now !== passing && now;
};

async function intoWorkspace(page, worker) {
  const asked = page.url();
  const url = new URL(asked);
  if (!url.pathname.endsWith('/') || !/^https?:/.test(url.protocol)) return;
  const showing = async (passing = null) => (await page.waitForFunction(SHOWING, passing, { timeout: 60_000 })).jsonValue();
  let now = await showing();
  if (now === 'opening') {
    const listed = page.locator('ul.workers button.worker', { hasText: worker.name });
    if (await listed.count()) {
      await listed.click();
      now = await showing('opening');
    } else {
      await page.evaluate(() => { location.hash = '#/workspaces/new'; });
      const form = page.locator('form.add-worker');
      await form.locator('input[type=text]').fill(worker.name);
      for (const input of await form.locator('input[type=password]').all()) await input.fill(worker.passphrase);
      await form.locator('button[type=submit]').click();
      now = await showing('adding');
    }
  }
  if (now === 'key') {
    await page.locator('#recovery-key-kept').check();
    await page.locator('.actions.no-print button.primary').click();
  } else if (now === 'unlock') {
    await page.locator('#f-unlock-passphrase').fill(worker.passphrase);
    await page.locator('form button[type=submit]').click();
  } else {
    return;
  }
  // Through the move of any cases kept unprotected, to the workspace at the address asked for.
  await page.locator('header a.you').waitFor({ state: 'attached', timeout: 60_000 });
  if (page.url() !== asked) await page.evaluate((hash) => { location.hash = hash; }, url.hash || '#/');
}

/**
 * Every case of the workspace open in `page` (the app served at `url`), whole, as the app writes
 * them: the cases of the export page's unencrypted export for training, sorted by id. The
 * workspace's records are sealed, so this is how a test reads what is stored. Like any export,
 * it records each case's current version in the case's `exchanged` list (a version already
 * recorded by an earlier export is left as it was, so reading twice gives the same); nothing
 * else stored changes (not the backup date: a training export is no backup). Leaves `page` on
 * the export page.
 */
export async function casesAsExported(page, url) {
  // Through the case list, so the export page opens afresh even from itself.
  await page.goto(`${url}#/`);
  await page.goto(`${url}#/export`);
  const form = page.locator('form.exchange-form');
  const none = page.getByText('There are no cases on this device to export.', { exact: true });
  await form.or(none).first().waitFor({ timeout: 30_000 });
  if (await none.count()) return [];
  // Every case listed is chosen, and none is left out as unreadable.
  const chosen = await page.getByText(/^\d+ of \d+ chosen$/).innerText();
  const [n, all] = chosen.match(/\d+/g).map(Number);
  if (n !== all) throw new Error(`casesAsExported: ${chosen}`);
  if (await page.getByText(/could not be read and cannot be exported/).count()) throw new Error('casesAsExported: unreadable cases');
  await page.getByLabel('Export without encryption (training with fictional cases only)').check();
  await page.getByLabel('These cases are fictional').check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: /^Export \d+ cases? without encryption$/ }).click(),
  ]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  // Saved once the export is recorded in the cases.
  await page.getByText(/^Saved homeward-/).waitFor({ timeout: 30_000 });
  const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (document.format !== 'homeward-export' || document.cases.length !== all) {
    throw new Error(`casesAsExported: ${document.cases?.length} cases of ${all} in a ${document.format} document`);
  }
  return [...document.cases].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Database `name` as stored, as JSON text: its version and, for each object store (every one, or
 * those named in `only`), its keys and values, all read in one read-only transaction, so they
 * see one state. Binary values (a worker's sealed records) are kept as base64, so two dumps
 * compare byte for byte: a record written again, even unchanged, has a fresh IV and is told.
 * Refuses a database that is not there (opening it would make an empty one).
 */
export const storedAsJson = (page, name, only = null) => page.evaluate(async ({ name, only }) => {
  if (!(await indexedDB.databases()).some((d) => d.name === name)) throw new Error(`no database ${name}`);
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const names = only ?? [...db.objectStoreNames].sort();
  const tx = db.transaction(names);
  const read = (request) => new Promise((ok, fail) => { request.onsuccess = () => ok(request.result); request.onerror = () => fail(request.error); });
  const stores = await Promise.all(names.map(async (store) => {
    const objects = tx.objectStore(store);
    return [store, await Promise.all([read(objects.getAllKeys()), read(objects.getAll())])];
  }));
  db.close();
  const base64 = (bytes) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  const bytes = (_key, value) => (value instanceof ArrayBuffer ? { ArrayBuffer: base64(new Uint8Array(value)) }
    : ArrayBuffer.isView(value) ? { [value.constructor.name]: base64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) }
    : value);
  return JSON.stringify({ version: db.version, stores }, bytes);
}, { name, only });
