// Starts the export worker (src/bin/crypto_worker.rs). Messages that arrive while its wasm is
// still loading wait here and are handed over once it listens, so the page can ask for the
// key at once and gather the cases while it is derived.
const waiting = [];
self.onmessage = (event) => waiting.push(event);
importScripts('./crypto_worker.js');
wasm_bindgen('./crypto_worker_bg.wasm').then(() => {
  for (const event of waiting.splice(0)) self.onmessage(event);
});
