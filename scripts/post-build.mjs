// Trunk's post_build hook: finishes the staged build before it becomes dist/.
//  1. A Content-Security-Policy <meta> that allows exactly the inline loader Trunk wrote (by its
//     hash), and a `_headers` file with the same policy plus what only a header can say.
//  2. sw.js with the precache list of this build's files (their names carry content hashes) and
//     a version that changes whenever any file does, so browsers pick up a new build.
// Also importable: the update test stamps a changed copy of dist/ the same way.
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval' HASHES",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
];
// Only honoured as a header: a <meta> policy cannot stop other sites framing the page.
const HEADER_ONLY = ["frame-ancestors 'none'"];
const NOT_PRECACHED = new Set(['sw.js', '_headers', '.trunk-lock', 'public/README.txt']);

const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

/** The inline <script> bodies of an HTML page, exactly as the browser hashes them. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

export function policyFor(html) {
  const hashes = inlineScripts(html).map((s) => `'sha256-${sha256(s, 'base64')}'`).join(' ');
  return POLICY.join('; ').replace('HASHES', hashes).replace(/ +;/g, ';');
}

async function files(dir, top = dir) {
  const found = [];
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) found.push(...(await files(path, top)));
    else found.push(relative(top, path).split(sep).join('/'));
  }
  return found;
}

/** Adds the policy to index.html and writes `_headers`. */
export async function lockDown(dir) {
  const page = join(dir, 'index.html');
  let html = await readFile(page, 'utf8');
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  const policy = policyFor(html);
  // Right after <meta charset> (quoted, or not once Trunk has minified the page), before
  // anything the policy governs. A page without it must not ship.
  const charset = /(<meta charset="?utf-8"?\s*\/?>)/i;
  if (!charset.test(html)) throw new Error(`${page}: no <meta charset> to put the Content-Security-Policy after`);
  html = html.replace(charset, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  await writeFile(page, html);
  await writeFile(join(dir, '_headers'), [
    '# Response headers for static hosts that read this file (Netlify, Cloudflare Pages); see README.',
    '/*',
    `  Content-Security-Policy: ${[policy, ...HEADER_ONLY].join('; ')}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '  X-Frame-Options: DENY',
    '',
  ].join('\n'));
}

/** Fills sw.js's precache list and version from the files in `dir`. */
export async function stampServiceWorker(dir) {
  const worker = join(dir, 'sw.js');
  const template = await readFile(worker, 'utf8');
  const precache = (await files(dir)).filter((f) => !NOT_PRECACHED.has(f));
  const digest = createHash('sha256');
  for (const file of precache) digest.update(file).update(await readFile(join(dir, file)));
  const version = digest.digest('hex').slice(0, 16);
  const stamped = template
    .replace(/const VERSION = .*;/, `const VERSION = '${version}';`)
    .replace(/const PRECACHE = .*;/, `const PRECACHE = ${JSON.stringify(['./', ...precache])};`);
  await writeFile(worker, stamped);
  return version;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) throw new Error('usage: node scripts/post-build.mjs DIR (or run by Trunk)');
  await lockDown(dir);
  const version = await stampServiceWorker(dir);
  console.log(`post-build: CSP set, sw.js version ${version}`);
}
