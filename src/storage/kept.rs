//! Edits a lock came before they could be saved (`domain::kept::KeptEdits`): one record per
//! case, sealed like every record, written while the key is still there, read back once the
//! workspace is unlocked, and deleted when they are put back or thrown away, or with the case.

use web_sys::IdbTransactionMode;

use super::codec::Kind;
use super::schema::KEPT_EDITS;
use super::{key, raw, StorageError, Store};
use crate::domain::kept::KeptEdits;
use crate::domain::CaseId;

impl Store {
    /// Keeps `kept` in place of any kept before for the same case: the later edits hold the
    /// earlier ones, since the editor that kept them had started from them.
    pub async fn keep_edits(&self, kept: &KeptEdits) -> Result<(), StorageError> {
        let record = self.codec().encode(Kind::Kept, &[kept]).await?.remove(0);
        let tx = self.transaction(&[KEPT_EDITS], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            tx.object_store(KEPT_EDITS)?.put(&record)?;
            Ok(())
        })
        .await
    }

    /// The edits kept for case `id`, if any.
    pub async fn kept_edits(&self, id: CaseId) -> Result<Option<KeptEdits>, StorageError> {
        let tx = self.transaction(&[KEPT_EDITS], IdbTransactionMode::Readonly)?;
        let found = raw::request(&tx.object_store(KEPT_EDITS)?.get(&key(id))?).await?;
        if found.is_undefined() {
            return Ok(None);
        }
        self.codec().decode_one(Kind::Kept, found, "the edits kept at the lock").await.map(Some)
    }

    /// Forgets the edits kept for case `id`: put back and saved, or thrown away.
    pub async fn drop_kept_edits(&self, id: CaseId) -> Result<(), StorageError> {
        let tx = self.transaction(&[KEPT_EDITS], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            tx.object_store(KEPT_EDITS)?.delete(&key(id))?;
            Ok(())
        })
        .await
    }
}
