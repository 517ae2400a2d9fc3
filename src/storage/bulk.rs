//! Writing many cases at once: an import (all of it or nothing), the training demo's cases, and
//! the record of a full backup.

use chrono::{DateTime, Utc};
use js_sys::Reflect;
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

use super::schema::{
    from_js, put_derived, summaries_to_write, to_js, MetaRecord, CASES, CASE_STORES, DEADLINES, LAST_BACKUP, META,
    RECENTLY_DELETED, REPORTS, SUMMARIES, TOMBSTONES,
};
use super::{key, raw, Change, StorageError, Store, IMPORT_BATCH, SEEDED};
use crate::domain::exchange::merge::Write;
use crate::domain::Case;

impl Store {
    /// Writes an import: all of it in one transaction, or nothing. Each write names the revision
    /// the stored case must still have (or that none may exist); a case changed since the
    /// preview aborts the whole import with [`StorageError::ChangedElsewhere`].
    pub async fn import(&self, writes: &[Write]) -> Result<(), StorageError> {
        // A file of cases already here writes nothing, not even the case list's change mark.
        if writes.is_empty() {
            return Ok(());
        }
        // Encoded before the transaction, in batches, so the JSON text of each stays a few
        // megabytes however large the file (and a sealed batch is encrypted side by side).
        let mut encoded = Vec::with_capacity(writes.len().div_ceil(IMPORT_BATCH));
        for batch in writes.chunks(IMPORT_BATCH) {
            let cases: Vec<&Case> = batch.iter().map(|w| &w.case).collect();
            encoded.push(self.codec().encode_with_derived(&cases).await?);
        }
        let stores = [CASES, SUMMARIES, DEADLINES, REPORTS, META, TOMBSTONES, RECENTLY_DELETED];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let cases = tx.object_store(CASES)?;
            let summaries_store = summaries_to_write(&tx)?;
            let checks = writes.iter().map(|w| cases.get(&key(w.case.id))).collect::<Result<Vec<_>, _>>()?;
            let tombstones = tx.object_store(TOMBSTONES)?;
            let deleted = writes.iter().map(|w| tombstones.get(&key(w.case.id))).collect::<Result<Vec<_>, _>>()?;
            for w in writes.iter().filter(|w| w.restores) {
                tombstones.delete(&key(w.case.id))?;
                tx.object_store(RECENTLY_DELETED)?.delete(&key(w.case.id))?;
            }
            let targets = [cases.clone(), summaries_store, tx.object_store(DEADLINES)?, tx.object_store(REPORTS)?];
            for batch in &encoded {
                for (store, records) in targets.iter().zip(batch) {
                    for record in records {
                        store.put(record)?;
                    }
                }
            }
            for (check, w) in checks.iter().zip(writes) {
                let stored = raw::request(check).await?;
                let stored_revision = (!stored.is_undefined()).then(|| {
                    Reflect::get(&stored, &JsValue::from_str("revision")).ok().and_then(|r| r.as_f64()).unwrap_or(0.0)
                });
                if stored_revision != w.expect_revision.map(|r| r as f64) {
                    return Err(StorageError::ChangedElsewhere);
                }
            }
            // A case deleted here comes back only when the worker chose to bring it back.
            for (check, w) in deleted.iter().zip(writes) {
                if !w.restores && !raw::request(check).await?.is_undefined() {
                    return Err(StorageError::ChangedElsewhere);
                }
            }
            Ok(())
        })
        .await;
        self.remember_holding_cases(&result);
        self.announce(result, || Change::Imported)
    }

    /// Records that every case went into an encrypted export file at `at`.
    pub async fn record_backup(&self, at: DateTime<Utc>) -> Result<(), StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            tx.object_store(META)?.put(&to_js(&MetaRecord { key: LAST_BACKUP.into(), value: at })?)?;
            Ok(())
        })
        .await
    }

    /// Fills an empty workspace once (the demo's fictional cases): the cases, what the list and
    /// overview read, and the mark that it was done, in one transaction. The mark records `mark`
    /// (the language the cases are written in). A workspace filled before is left alone, so cases
    /// a trainee deleted do not come back until a reset; with `refill`, one filled under another
    /// mark has every case replaced by `cases` (the demo entered in another language).
    pub async fn seed_once(
        &self,
        mark: &str,
        refill: bool,
        cases: impl FnOnce() -> Vec<Case>,
    ) -> Result<bool, StorageError> {
        if self.connection.codec.is_sealed() {
            return Err(StorageError::Other("the training demo's cases go into the demo's own database only".into()));
        }
        let tx = self.transaction(&[META, CASES, SUMMARIES, DEADLINES, REPORTS], IdbTransactionMode::Readwrite)?;
        let seeded = raw::write(&tx, async {
            let meta = tx.object_store(META)?;
            let found = raw::request(&meta.get(&JsValue::from_str(SEEDED))?).await?;
            if !found.is_undefined() {
                // Marked `true` before the mark named a language: English, the only one then.
                let before = from_js::<MetaRecord<serde_json::Value>>(found)
                    .ok()
                    .and_then(|record| record.value.as_str().map(str::to_string))
                    .unwrap_or_else(|| "en".into());
                if before == mark || !refill {
                    return Ok(false);
                }
                for name in CASE_STORES {
                    tx.object_store(name)?.clear()?;
                }
            }
            let store = tx.object_store(CASES)?;
            for case in cases() {
                store.put(&to_js(&case)?)?;
                put_derived(&tx, &case)?;
            }
            meta.put(&to_js(&MetaRecord { key: SEEDED.into(), value: mark })?)?;
            Ok(true)
        })
        .await;
        self.announce(seeded, || Change::Imported)
    }
}
