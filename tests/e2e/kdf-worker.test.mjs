// The key-derivation worker of protected workspaces (src/bin/kdf_worker.rs), as the release build
// serves it: its key is scrypt's as Node's own implementation computes it, at OWASP's settings
// too, and settings no Homeward reads are refused rather than derived.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { withApp } from './harness.mjs';

const app = withApp();

/** One request to a fresh worker, as the unlock form sends it; the answer with `kek` as hex. */
function derive(page, request) {
  return page.evaluate((request) => new Promise((ok, fail) => {
    const worker = new Worker('kdf_worker_loader.js');
    const started = performance.now();
    worker.onmessage = (event) => {
      if (event.data.ready) return;
      worker.terminate();
      const { kek, ...rest } = event.data;
      ok({ ...rest, ms: performance.now() - started, kek: kek && [...kek].map((b) => b.toString(16).padStart(2, '0')).join('') });
    };
    worker.onerror = (event) => fail(new Error(event.message));
    // Sent at once: the loader keeps it until the wasm listens.
    worker.postMessage({ ...request, salt: new Uint8Array(request.salt) });
  }), request);
}

const salt = [...Array(16).keys()].map((i) => (i * 37 + 11) % 256);

test('the worker derives the key Node derives, quickly at the test setting and at OWASP\'s', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  for (const [passphrase, logN] of [['correct horse battery staple', 10], ['Ñandú: contraseña larga 🔑', 17]]) {
    const got = await derive(page, { passphrase, salt, log_n: logN, r: 8, p: 1 });
    const expected = scryptSync(Buffer.from(passphrase, 'utf8'), Buffer.from(salt), 32, {
      N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 1024 * 1024,
    }).toString('hex');
    assert.equal(got.ok, true, JSON.stringify(got));
    assert.equal(got.kek, expected, `scrypt 2^${logN}`);
    console.log(`  scrypt 2^${logN} in the worker (start included): ${Math.round(got.ms)} ms`);
  }
  assert.deepEqual(app.browser.errors, []);
});

test('the worker refuses settings too weak for any Homeward to have written, or too heavy for a page', async () => {
  const page = await app.browser.page();
  await page.goto(app.server.url);
  const weak = await derive(page, { passphrase: 'x', salt, log_n: 9, r: 8, p: 1 });
  assert.deepEqual({ ok: weak.ok, too_weak: weak.too_weak, kek: weak.kek }, { ok: false, too_weak: 9, kek: undefined });
  const heavy = await derive(page, { passphrase: 'x', salt, log_n: 21, r: 8, p: 1 });
  assert.deepEqual({ ok: heavy.ok, too_much_work: heavy.too_much_work }, { ok: false, too_much_work: 21 });
  const otherR = await derive(page, { passphrase: 'x', salt, log_n: 10, r: 16, p: 1 });
  assert.equal(otherR.ok, false);
});
