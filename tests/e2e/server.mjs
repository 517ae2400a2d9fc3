// A static file server for dist/, like the simplest static host: files as they are, and
// index.html for a directory. It can put the app under a sub-path to prove that works.
// Each request is answered on its own; Chromium's idle speculative sockets cannot stall it.
import { createServer } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The headers a static host would add from dist/_headers (the `/*` block), as Netlify and
 * Cloudflare Pages do, so tests see the policy a real deployment sends.
 */
async function hostHeaders(top) {
  const headers = {};
  try {
    const text = await readFile(join(top, '_headers'), 'utf8');
    let inBlock = false;
    for (const line of text.split('\n')) {
      if (/^\S/.test(line)) inBlock = line.trim() === '/*';
      else if (inBlock && line.includes(':')) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
    }
  } catch {
    // No _headers: a plain host.
  }
  return headers;
}

// Static hosts compress what they send; so does this one, once per file.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);
const compressed = new Map();
function brotli(file, body, mtime) {
  const key = `${file}:${mtime}`;
  if (!compressed.has(key)) compressed.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  return compressed.get(key);
}

/** Serves `root` at `base` (e.g. '/tools/homeward/') on 127.0.0.1. Port 0 picks a free one. */
export function startServer({ root, base = '/', port = 0, compress = false }) {
  const top = resolve(root);
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = normalize(join(top, path.slice(base.length)));
    if (file !== top && !file.startsWith(top + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      if (file === join(top, '_headers')) throw new Error('instructions for the host, not content');
      let body = await readFile(file);
      const headers = {
        ...(await hostHeaders(top)),
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
      };
      if (compress && COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = brotli(file, body, (await stat(file)).mtimeMs);
        headers['content-encoding'] = 'br';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  // A browser closing mid-request resets its socket; that is its business, not a crash.
  server.on('clientError', (_error, socket) => socket.destroy());
  server.keepAliveTimeout = 1000;
  server.headersTimeout = 5000;
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}${base}`;
      ok({ url, close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) });
    }),
  );
}

// `node server.mjs DIST [PORT] [BASE]`: serve until stopped.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  const { url } = await startServer({ root, base, port: Number(port), compress: true });
  console.log(`Homeward is served at ${url}  (Ctrl+C stops it)`);
}
