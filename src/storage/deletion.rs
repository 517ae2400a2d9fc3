//! Deleting a case so that it stays deleted: the case, its summary and deadlines go, a
//! tombstone (`domain::deletion`) stays, and the content is kept apart as recently deleted.

use chrono::Utc;
use web_sys::{IdbTransaction, IdbTransactionMode};

use super::schema::{summaries_to_write, to_js, CASES, DEADLINES, META, RECENTLY_DELETED, SUMMARIES, TOMBSTONES};
use super::{key, raw, Change, StorageError, Store};
use crate::domain::deletion::Tombstone;
use crate::domain::CaseId;

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
