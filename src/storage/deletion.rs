//! Deleting a case so that it stays deleted: the case, its summary and deadlines go, a
//! tombstone (`domain::deletion`) stays, and the content is kept apart as recently deleted.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbTransaction, IdbTransactionMode};

use super::codec::{put_prepared, Kind};
use super::schema::{
    summaries_to_write, CASES, DEADLINES, KEPT_EDITS, META, RECENTLY_DELETED, REPORTS, SUMMARIES, TOMBSTONES,
};
use super::{key, raw, Change, StorageError, Store};
use crate::domain::deletion::{restored, RecentlyDeleted, Tombstone};
use crate::domain::{Case, CaseId};

impl Store {
    /// Removes the case and what is kept beside it, in one transaction, leaving its tombstone
    /// (deleted now by `by`) and its content apart.
    pub async fn delete(&self, id: CaseId, by: &str) -> Result<(), StorageError> {
        let tombstone = self.codec().encode(Kind::Tombstone, &[&Tombstone::new(id, Utc::now(), by)]).await?.remove(0);
        let stores = [CASES, SUMMARIES, DEADLINES, REPORTS, KEPT_EDITS, META, TOMBSTONES, RECENTLY_DELETED];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let cases = tx.object_store(CASES)?;
            let stored = raw::request(&cases.get(&key(id))?).await?;
            if !stored.is_undefined() {
                tx.object_store(RECENTLY_DELETED)?.put(&stored)?;
            }
            cases.delete(&key(id))?;
            summaries_to_write(&tx)?.delete(&key(id))?;
            tx.object_store(DEADLINES)?.delete(&key(id))?;
            tx.object_store(REPORTS)?.delete(&key(id))?;
            // Edits kept at a lock must not outlive the case, nor bring it back.
            tx.object_store(KEPT_EDITS)?.delete(&key(id))?;
            tx.object_store(TOMBSTONES)?.put(&tombstone)?;
            Ok(())
        })
        .await;
        self.announce(result, || Change::Deleted { id })
    }

    /// The tombstones of these cases, in the order asked for (`None` where there is none).
    pub async fn tombstones_of(&self, ids: &[CaseId]) -> Result<Vec<Option<Tombstone>>, StorageError> {
        self.get_each(TOMBSTONES, Kind::Tombstone, ids, |id| format!("the tombstone of case {id}")).await
    }

    /// The tombstone a deletion of this case left, if it was deleted on this device.
    pub async fn tombstone(&self, id: CaseId) -> Result<Option<Tombstone>, StorageError> {
        Ok(self.tombstones_of(&[id]).await?.pop().flatten())
    }

    /// Every deleted case whose content is still kept, with its tombstone, in no order
    /// (`domain::deletion::listed` orders them).
    pub async fn recently_deleted(&self) -> Result<Vec<RecentlyDeleted>, StorageError> {
        let tx = self.transaction(&[RECENTLY_DELETED, TOMBSTONES], IdbTransactionMode::Readonly)?;
        let kept = raw::request(&tx.object_store(RECENTLY_DELETED)?.get_all()?).await?;
        let tombstones = raw::request(&tx.object_store(TOMBSTONES)?.get_all()?).await?;
        let (cases, _) = self.codec().decode_cases(&kept, "the recently deleted cases").await?;
        let (tombstones, _) =
            self.codec().decode_all::<Tombstone>(Kind::Tombstone, &tombstones, "the tombstones").await?;
        Ok(cases
            .into_iter()
            .filter_map(|case| {
                let tombstone = tombstones.iter().find(|t| t.id == case.id)?.clone();
                Some(RecentlyDeleted { tombstone, case })
            })
            .collect())
    }

    /// Brings a recently deleted case back, as it was when deleted: the case and what is kept
    /// beside it return, its tombstone and kept content go, in one transaction. Returns it as
    /// stored. Refused (`Deleted`) if its content is no longer kept (erased meanwhile, or
    /// already restored in another tab).
    pub async fn restore(&self, id: CaseId, now: DateTime<Utc>, by: &str) -> Result<Case, StorageError> {
        // Read first, and the case brought back prepared between the two transactions (a
        // sealed record cannot be made inside one); written only if the tombstone read is
        // still the one stored.
        let tx = self.transaction(&[TOMBSTONES, RECENTLY_DELETED], IdbTransactionMode::Readonly)?;
        let (found, tombstone) =
            (tx.object_store(RECENTLY_DELETED)?.get(&key(id))?, tx.object_store(TOMBSTONES)?.get(&key(id))?);
        let (found, tombstone) = (raw::request(&found).await?, raw::request(&tombstone).await?);
        if found.is_undefined() || tombstone.is_undefined() {
            return Err(StorageError::Deleted);
        }
        let read_tombstone = fingerprint(&tombstone);
        let case = self.codec().decode_case(found, &format!("recently deleted case {id}")).await?;
        let tombstone: Tombstone =
            self.codec().decode_one(Kind::Tombstone, tombstone, &format!("tombstone {id}")).await?;
        let case = restored(case, &tombstone, now, by);
        let prepared = self.codec().prepare(&case).await?;
        let stores = [CASES, SUMMARIES, DEADLINES, REPORTS, META, TOMBSTONES, RECENTLY_DELETED];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let (kept, tombstones) = (tx.object_store(RECENTLY_DELETED)?, tx.object_store(TOMBSTONES)?);
            let (still_kept, still_tombstone) = (kept.get(&key(id))?, tombstones.get(&key(id))?);
            // `add`: a case stored under this id meanwhile is never overwritten.
            tx.object_store(CASES)?.add(&prepared.case)?;
            put_prepared(&tx, &prepared)?;
            tombstones.delete(&key(id))?;
            kept.delete(&key(id))?;
            let (still_kept, still_tombstone) =
                (raw::request(&still_kept).await?, raw::request(&still_tombstone).await?);
            if still_kept.is_undefined() || fingerprint(&still_tombstone) != read_tombstone {
                return Err(StorageError::Deleted);
            }
            Ok(case)
        })
        .await;
        let revision = result.as_ref().map_or(0, |case| case.revision);
        self.announce(result, || Change::Saved { id, revision })
    }

    /// Erases a deleted case's content at once (a request to erase a child's data). Its
    /// tombstone stays, holding nothing of it, so no import or tab brings it back unasked.
    pub async fn delete_permanently(&self, id: CaseId) -> Result<(), StorageError> {
        let tx = self.transaction(&[RECENTLY_DELETED], IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            tx.object_store(RECENTLY_DELETED)?.delete(&key(id))?;
            Ok(())
        })
        .await;
        self.announce(result, || Change::Deleted { id })
    }

    /// Erases the content of every case deleted longer ago than it can be restored.
    pub async fn erase_expired(&self, now: DateTime<Utc>) -> Result<(), StorageError> {
        // Read, opened, then erased in a second transaction (nothing can be decrypted inside
        // one), each only if its tombstone is still the one read: a case restored and deleted
        // again meanwhile keeps its new content.
        let tx = self.transaction(&[TOMBSTONES], IdbTransactionMode::Readonly)?;
        let records = raw::request(&tx.object_store(TOMBSTONES)?.get_all()?).await?;
        let read: HashMap<String, Option<String>> = records
            .unchecked_ref::<Array>()
            .iter()
            .filter_map(|r| Some((Reflect::get(&r, &"id".into()).ok()?.as_string()?, fingerprint(&r))))
            .collect();
        let (tombstones, _) = self.codec().decode_all::<Tombstone>(Kind::Tombstone, &records, "the tombstones").await?;
        let expired: Vec<&Tombstone> = tombstones.iter().filter(|t| !t.is_restorable(now)).collect();
        if expired.is_empty() {
            return Ok(());
        }
        let tx = self.transaction(&[RECENTLY_DELETED, TOMBSTONES], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            let (kept, stored) = (tx.object_store(RECENTLY_DELETED)?, tx.object_store(TOMBSTONES)?);
            let requests = expired.iter().map(|t| stored.get(&key(t.id))).collect::<Result<Vec<_>, _>>()?;
            for (request, tombstone) in requests.iter().zip(&expired) {
                let now_stored = fingerprint(&raw::request(request).await?);
                if read.get(&tombstone.id.to_string()) == Some(&now_stored) {
                    kept.delete(&key(tombstone.id))?;
                }
            }
            Ok(())
        })
        .await
    }
}

/// A stored record's bytes as text, to tell whether it was written again between two
/// transactions (a sealed record's fresh IV changes it even when its content does not).
fn fingerprint(record: &JsValue) -> Option<String> {
    if record.is_undefined() {
        return None;
    }
    let bytes =
        |name: &str| Reflect::get(record, &name.into()).ok().filter(|v| v.is_instance_of::<js_sys::Uint8Array>());
    match bytes("iv") {
        // A sealed record: its IV is fresh with every write.
        Some(iv) => Some(format!("{:?}", js_sys::Uint8Array::new(&iv).to_vec())),
        None => js_sys::JSON::stringify(record).ok().map(String::from),
    }
}

/// Makes `tx` fail, undoing everything queued in it, if case `id` has a tombstone, without
/// awaiting anything (for a save queued as the page closes, which cannot wait for a read): an
/// `add` under its key fails on a tombstone, and a failed request aborts its transaction;
/// otherwise the probe is taken away again by the next request. Queue it first.
pub(crate) fn refuse_if_deleted(tx: &IdbTransaction, id: CaseId) -> Result<(), StorageError> {
    let tombstones = tx.object_store(TOMBSTONES)?;
    let probe = js_sys::Object::new();
    js_sys::Reflect::set(&probe, &"id".into(), &key(id))?;
    tombstones.add(&probe)?;
    tombstones.delete(&key(id))?;
    Ok(())
}
