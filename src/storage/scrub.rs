//! An unprotected database deleted so that its values leave the browser's files at once, not
//! days later.
//!
//! Chromium keeps every database of an origin in one LevelDB, and `deleteDatabase` leaves the
//! values on disk: it writes deletion markers and compacts the database's key range, but values
//! LevelDB still holds in memory are flushed, markers and all, into a new table file that
//! nothing rewrites, and a table file the compaction emptied stays until the next flush.
//! Chromium's own full compaction runs at most once every one to three days. So, measured on
//! Chromium 156 (61 runs of 61 left no value in any file): junk pushes the database's values
//! out of memory, its stores are cleared, more junk pushes the clearing's markers onto the
//! disk above the values, and then the database and the junk are deleted, each given a second
//! to compact. Nothing here can be confirmed from the page (a deletion succeeds before its
//! compaction runs); `tests/e2e/at-rest.test.mjs` scans the profile's files after a move.

use gloo_timers::future::TimeoutFuture;
use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::{delete_database, keys, raw, StorageError, Store};

const SCRATCH: &str = "homeward-scrub";
const JUNK: &str = "junk";
/// Twice over 5 MB: more than the 4 MB LevelDB holds in memory before writing a table file.
const JUNK_ROUNDS: usize = 5;
const JUNK_PER_ROUND: usize = 16;
/// Random bytes per value, written as 64,000 base64 characters: below the size at which
/// Chromium keeps a value in a file of its own, outside LevelDB.
const JUNK_BYTES: usize = 48_000;
/// Time for a deletion's compaction, which runs after the deletion has succeeded.
const SETTLE_MS: u32 = 1_000;

/// Deletes database `name`, held open as `store`, and drives its values out of the browser's
/// files (see the module's notes). Its stores are cleared first: call this only once what it
/// holds is kept elsewhere.
pub(crate) async fn delete_scrubbed(store: Store, name: &str) -> Result<(), StorageError> {
    let scratch = raw::open(SCRATCH, 1, |db, old| {
        if old < 1 {
            db.create_object_store(JUNK)?;
        }
        Ok(())
    })
    .await?;
    let scrubbed = async {
        write_junk(&scratch, 0).await?;
        clear_every_store(&store).await?;
        store.close();
        write_junk(&scratch, 1).await?;
        scratch.close();
        delete_database(name).await?;
        TimeoutFuture::new(SETTLE_MS).await;
        raw::delete(SCRATCH).await?;
        TimeoutFuture::new(SETTLE_MS).await;
        Ok(())
    }
    .await;
    scratch.close();
    scrubbed
}

/// Deletes the junk of a scrub cut short (the tab closed before its last step).
pub(crate) async fn forget_leftover() {
    let _ = raw::delete(SCRATCH).await;
}

async fn clear_every_store(store: &Store) -> Result<(), StorageError> {
    let names = store.connection.db.object_store_names();
    let names: Vec<String> = (0..names.length()).filter_map(|i| names.get(i)).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let tx = raw::transaction(&store.connection.db, &names, IdbTransactionMode::Readwrite)?;
    raw::write(&tx, async {
        for name in &names {
            tx.object_store(name)?.clear()?;
        }
        Ok(())
    })
    .await
}

/// About 5 MB of random text, which does not compress: batch `batch`, under keys of its own.
async fn write_junk(scratch: &IdbDatabase, batch: usize) -> Result<(), StorageError> {
    for round in 0..JUNK_ROUNDS {
        let texts: Array = (0..JUNK_PER_ROUND).map(|_| JsValue::from_str(&junk_text())).collect();
        let tx = raw::transaction(scratch, &[JUNK], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            let junk = tx.object_store(JUNK)?;
            for (at, text) in texts.iter().enumerate() {
                let key = JsValue::from_f64(((batch * JUNK_ROUNDS + round) * JUNK_PER_ROUND + at) as f64);
                junk.put_with_key(&text, &key)?;
            }
            Ok(())
        })
        .await?;
    }
    Ok(())
}

fn junk_text() -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bytes = vec![0u8; JUNK_BYTES];
    let _ = keys::crypto().get_random_values_with_u8_array(&mut bytes);
    bytes
        .chunks(3)
        .flat_map(|c| {
            let n = (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32;
            [18, 12, 6, 0].map(|shift| ALPHABET[(n >> shift & 63) as usize] as char)
        })
        .collect()
}
