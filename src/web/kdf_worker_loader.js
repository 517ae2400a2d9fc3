// Starts the key-derivation worker (src/bin/kdf_worker.rs). A message that arrives while its
// wasm is still loading waits here and is handed over once it listens, so the unlock form can
// start the worker as it appears and send the passphrase the moment it is typed.
const waiting = [];
self.onmessage = (event) => waiting.push(event);
importScripts('./kdf_worker.js');
wasm_bindgen('./kdf_worker_bg.wasm').then(() => {
  for (const event of waiting.splice(0)) self.onmessage(event);
});
