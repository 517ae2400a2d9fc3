//! Writing one case: creating it (its number claimed in the same transaction), saving an edit
//! (refused over a later save or a deletion), and the save queued as the page closes.

use js_sys::Reflect;
use uuid::Uuid;
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

use super::codec::{put_prepared, Prepared};
use super::schema::{from_js, to_js, MetaRecord, CASES, CASE_NUMBERS, DEADLINES, META, REPORTS, SUMMARIES, TOMBSTONES};
use super::{case_numbers, deletion, key, raw, Change, StorageError, Store, CREATE_TRIES};
use crate::domain::exchange::merge::with_recorded_exchanges;
use crate::domain::{Case, CaseId};

impl Store {
    /// Stores a new case and its summary, and returns it as stored. Its number is claimed from
    /// the device's numbering in the same transaction: a proposal another tab already used is
    /// replaced by the next number ([`CaseNumber::claim`]). Fails, keeping nothing, if a case
    /// with this id is already stored.
    pub async fn create(&self, case: &Case) -> Result<Case, StorageError> {
        let mut case = case.clone();
        for _ in 0..CREATE_TRIES {
            // Encoded before the transaction (a sealed record cannot be made inside one), so a
            // number another tab took meanwhile means encoding again with the next one.
            let prepared = self.codec().prepare(&case).await?;
            let tx = self.transaction(&[CASES, SUMMARIES, DEADLINES, REPORTS, META], IdbTransactionMode::Readwrite)?;
            let result = raw::write(&tx, async {
                let meta = tx.object_store(META)?;
                let mut numbers = case_numbers(&meta).await?;
                let claimed = numbers.claim(&case.case_number);
                if claimed != case.case_number {
                    return Ok(Some(claimed));
                }
                // `add`, not `put`: creating must never overwrite a stored case.
                tx.object_store(CASES)?.add(&prepared.case)?;
                put_prepared(&tx, &prepared)?;
                meta.put(&to_js(&MetaRecord { key: CASE_NUMBERS.into(), value: numbers })?)?;
                Ok(None)
            })
            .await;
            match result {
                Ok(Some(claimed)) => case.case_number = claimed,
                result => {
                    let result = result.map(|_| case.clone());
                    self.remember_holding_cases(&result);
                    return self.announce(result, || Change::Saved { id: case.id, revision: case.revision });
                }
            }
        }
        Err(StorageError::Aborted("the case number was taken in another tab each time; try again".into()))
    }

    /// Writes the case and its summary in one transaction. Ok only once the browser reports the
    /// transaction committed; a save that did not commit is an error. The case must carry a
    /// revision above the stored one ([`Case::touch`]): a save from a tab that has not seen a
    /// later save, or of a case deleted meanwhile, is refused rather than written over it.
    pub async fn save(&self, case: &Case) -> Result<(), StorageError> {
        let prepared = self.codec().prepare(case).await?;
        let tx = self.transaction(&[CASES, SUMMARIES, DEADLINES, REPORTS, META], IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let cases = tx.object_store(CASES)?;
            // Every request is queued before anything is awaited, so a save started as the tab
            // closes reaches the browser whole. The check then aborts it, undoing both writes,
            // if the stored case is newer or gone.
            let stored = cases.get(&key(case.id))?;
            cases.put(&prepared.case)?;
            put_prepared(&tx, &prepared)?;
            let stored = raw::request(&stored).await?;
            if stored.is_undefined() {
                return Err(StorageError::Deleted);
            }
            let stored_revision =
                Reflect::get(&stored, &JsValue::from_str("revision")).ok().and_then(|r| r.as_f64()).unwrap_or(0.0);
            if stored_revision >= case.revision as f64 {
                return Err(StorageError::ChangedElsewhere);
            }
            // An export recorded meanwhile (without a new revision) must not be erased by an
            // editor that read the case before it.
            let recorded: Vec<Uuid> = Reflect::get(&stored, &JsValue::from_str("exchanged"))
                .ok()
                .and_then(|v| from_js(v).ok())
                .unwrap_or_default();
            if let Some(merged) = with_recorded_exchanges(case, &recorded) {
                // The one field that differs, kept in clear even in a sealed record.
                Reflect::set(&prepared.case, &JsValue::from_str("exchanged"), &to_js(&merged.exchanged)?)?;
                cases.put(&prepared.case)?;
            }
            Ok(())
        })
        .await;
        self.announce(result, || Change::Saved { id: case.id, revision: case.revision })
    }

    /// For a page that is being closed: the same writes, committed at once without the
    /// revision check, because the browser runs no more of the page's code once it is gone
    /// and a transaction left to commit by itself is dropped with the page. The cost: if
    /// another tab saved this case in the last moment, this save lands over it. A case deleted
    /// meanwhile is not written back: its tombstone makes the transaction fail.
    pub async fn save_while_closing(&self, case: &Case) -> Result<(), StorageError> {
        let prepared = self.connection.codec.prepare_now(case)?;
        self.save_prepared_while_closing(case.id, case.revision, &prepared).await
    }

    /// A case and what is kept beside it, encoded for a save that cannot wait for the
    /// encoding: a protected workspace's closing save is sealed ahead, while the worker types.
    pub async fn prepare(&self, case: &Case) -> Result<Prepared, StorageError> {
        self.codec().prepare(case).await
    }

    /// [`Store::save_while_closing`] of a case prepared ahead ([`Store::prepare`]).
    pub async fn save_prepared_while_closing(
        &self,
        id: CaseId,
        revision: u64,
        prepared: &Prepared,
    ) -> Result<(), StorageError> {
        let stores = [CASES, SUMMARIES, DEADLINES, REPORTS, META, TOMBSTONES];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let queued = (|| {
            // A case deleted in another tab, even a moment ago, is not written back.
            deletion::refuse_if_deleted(&tx, id)?;
            tx.object_store(CASES)?.put(&prepared.case)?;
            put_prepared(&tx, prepared)
        })();
        if let Err(err) = queued {
            // Left to commit by itself, the case could land without its summary or deadlines.
            let _ = tx.abort();
            return Err(err);
        }
        // `commit()` is in every browser Homeward supports (web-sys flags it deprecated only
        // because it was missing from an older spec); where it is not, the transaction still
        // commits by itself if the page lives long enough.
        #[allow(deprecated)]
        let _ = tx.commit();
        let result = raw::committed(&tx).await;
        self.announce(result, || Change::Saved { id, revision })
    }
}
