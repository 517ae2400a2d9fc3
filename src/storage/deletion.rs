//! Deleting a case so that it stays deleted: the case, its summary and deadlines go, a
//! tombstone (`domain::deletion`) stays, and the content is kept apart as recently deleted.

use chrono::{DateTime, Utc};
use web_sys::{IdbTransaction, IdbTransactionMode};

use super::error::corrupt;
use super::schema::{
    from_js, from_js_each, put_derived, summaries_to_write, to_js, CASES, DEADLINES, META, RECENTLY_DELETED, SUMMARIES,
    TOMBSTONES,
};
use super::{key, raw, Change, StorageError, Store};
use crate::domain::deletion::{restored, RecentlyDeleted, Tombstone};
use crate::domain::{Case, CaseId};

impl Store {
    /// Removes the case and what is kept beside it, in one transaction, leaving its tombstone
    /// (deleted now by `by`) and its content apart.
    pub async fn delete(&self, id: CaseId, by: &str) -> Result<(), StorageError> {
        let stores = [CASES, SUMMARIES, DEADLINES, META, TOMBSTONES, RECENTLY_DELETED];
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
            tx.object_store(TOMBSTONES)?.put(&to_js(&Tombstone::new(id, Utc::now(), by))?)?;
            Ok(())
        })
        .await;
        self.announce(result, || Change::Deleted { id })
    }

    /// The tombstones of these cases, in the order asked for (`None` where there is none).
    pub async fn tombstones_of(&self, ids: &[CaseId]) -> Result<Vec<Option<Tombstone>>, StorageError> {
        self.get_each(TOMBSTONES, ids, |id| format!("the tombstone of case {id}")).await
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
        let (cases, _) = from_js_each::<Case>(&kept).map_err(|e| corrupt("the recently deleted cases", e))?;
        let (tombstones, _) = from_js_each::<Tombstone>(&tombstones).map_err(|e| corrupt("the tombstones", e))?;
        Ok(cases
            .into_iter()
            .filter_map(|case| {
                let tombstone = tombstones.iter().find(|t| t.id == case.id)?.clone();
                Some(RecentlyDeleted { tombstone, case })
            })
            .collect())
    }

    /// Brings a recently deleted case back, as it was when deleted, in one transaction: the case
    /// and what is kept beside it return, its tombstone and kept content go. Returns it as
    /// stored. Refused (`Deleted`) if its content is no longer kept (erased meanwhile, or
    /// already restored in another tab).
    pub async fn restore(&self, id: CaseId, now: DateTime<Utc>, by: &str) -> Result<Case, StorageError> {
        let stores = [CASES, SUMMARIES, DEADLINES, META, TOMBSTONES, RECENTLY_DELETED];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let kept = tx.object_store(RECENTLY_DELETED)?;
            let tombstones = tx.object_store(TOMBSTONES)?;
            let (found, tombstone) = (kept.get(&key(id))?, tombstones.get(&key(id))?);
            let (found, tombstone) = (raw::request(&found).await?, raw::request(&tombstone).await?);
            if found.is_undefined() || tombstone.is_undefined() {
                return Err(StorageError::Deleted);
            }
            let case: Case = from_js(found).map_err(|e| corrupt(&format!("recently deleted case {id}"), e))?;
            let tombstone: Tombstone = from_js(tombstone).map_err(|e| corrupt(&format!("tombstone {id}"), e))?;
            let case = restored(case, &tombstone, now, by);
            // `add`: a case stored under this id meanwhile is never overwritten.
            tx.object_store(CASES)?.add(&to_js(&case)?)?;
            put_derived(&tx, &case)?;
            tombstones.delete(&key(id))?;
            kept.delete(&key(id))?;
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
        let tx = self.transaction(&[RECENTLY_DELETED, TOMBSTONES], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            let tombstones = raw::request(&tx.object_store(TOMBSTONES)?.get_all()?).await?;
            let (tombstones, _) = from_js_each::<Tombstone>(&tombstones).map_err(|e| corrupt("the tombstones", e))?;
            let kept = tx.object_store(RECENTLY_DELETED)?;
            for tombstone in tombstones.iter().filter(|t| !t.is_restorable(now)) {
                kept.delete(&key(tombstone.id))?;
            }
            Ok(())
        })
        .await
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
