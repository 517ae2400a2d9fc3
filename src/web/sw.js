// Homeward's service worker: keeps this build's files so the app starts with no network, and
// never sends anything anywhere. VERSION and PRECACHE are filled in after each build
// (scripts/post-build.mjs); a new build therefore means a new worker, which waits until the
// page asks it to take over (the user clicked "Reload to update"), never mid-edit.
const VERSION = 'unstamped';
const PRECACHE = [];

// Caches are shared by the whole origin: name them by scope so two Homewards on one host
// (say /training/ and /cases/) never evict each other's files.
const PREFIX = `homeward ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload`: straight from the server, never from the HTTP cache, which may hold the
    // previous build's unhashed files (sw.js, the crypto worker's loader).
    await cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.registration.scope), { cache: 'reload' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
  if (event.data === 'version') event.source?.postMessage({ version: VERSION });
});

// The app's own page, with or without its name; routes live in the #fragment. Any other page
// in scope (a file opened directly, a mistyped address) is left to the server.
const PAGES = [INDEX, `${INDEX}index.html`];

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  const page = request.mode === 'navigate';
  if (page && !PAGES.includes(request.url.split(/[?#]/)[0])) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = page ? INDEX : request;
    const kept = await cache.match(key, { ignoreSearch: page });
    return kept ?? fetch(request);
  })());
});
