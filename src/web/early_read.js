// Inlined into index.html ahead of the app's loader. When the page opens on the case list, this
// starts reading the cases' summaries at once, so IndexedDB works while the app's code is still
// being fetched and compiled; with ten thousand cases that read is a third of the start.
// `src/storage/early.rs` takes the result and uses it only if it is still what is stored: the
// database was at the app's schema, and the mark every write to the summaries changes
// (`list_changed` in `meta`) is the one read here.
(() => {
  try {
    const route = location.hash.replace(/^#/, '').replace(/^\/+|\/+$/g, '');
    const inDemo = sessionStorage.getItem('homeward.workspace') === '"demo"';
    if ((route !== '' && route !== 'cases') || inDemo || !self.indexedDB) return;
    window.homewardEarlyRead = new Promise((resolve) => {
      const open = indexedDB.open('homeward');
      // No database yet: the app creates it with its stores; this must not create an empty one.
      open.onupgradeneeded = () => open.transaction.abort();
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        db.onversionchange = () => db.close();
        try {
          const tx = db.transaction(['meta', 'summaries'], 'readonly');
          const meta = tx.objectStore('meta');
          const [schema, changed] = [meta.get('schema_version'), meta.get('list_changed')];
          const summaries = tx.objectStore('summaries').getAll();
          tx.oncomplete = () => {
            db.close();
            try {
              resolve({
                version: db.version,
                schema: schema.result?.value ?? null,
                changed: changed.result?.value ?? null,
                summaries: JSON.stringify(summaries.result),
              });
            } catch {
              // A record JSON cannot hold: the app reads again and says what it found.
              resolve(null);
            }
          };
          tx.onabort = () => { db.close(); resolve(null); };
        } catch {
          // An older database without these stores: the app upgrades it and reads for itself.
          db.close();
          resolve(null);
        }
      };
    });
  } catch {
    // Storage refused (a locked-down browser): the app reads, and reports, for itself.
  }
})();
