//! The report records, read for the Reports page. Cases stored before schema 7 have none, and
//! the upgrade cannot derive them in a protected workspace (it runs before the key is there), so
//! the first read derives each missing one from its case, seals it as every record is, and keeps
//! it: once per case, never over a record a save wrote meanwhile.

use std::collections::HashSet;

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::IdbTransactionMode;

use super::codec::Kind;
use super::schema::{CASES, REPORTS};
use super::{key, raw, StorageError, Store};
use crate::domain::report::ReportRecord;
use crate::domain::CaseId;

impl Store {
    /// What the reports count of every case, and how many records could not be read. Reads only
    /// the report records, except for cases that have none yet.
    pub async fn report_records(&self) -> Result<(Vec<ReportRecord>, usize), StorageError> {
        let tx = self.transaction(&[CASES, REPORTS], IdbTransactionMode::Readonly)?;
        let (records, kept, cases) = (
            tx.object_store(REPORTS)?.get_all()?,
            tx.object_store(REPORTS)?.get_all_keys()?,
            tx.object_store(CASES)?.get_all_keys()?,
        );
        let (records, kept, cases) =
            (raw::request(&records).await?, raw::request(&kept).await?, raw::request(&cases).await?);
        let (mut read, unreadable) = self.codec().decode_all(Kind::Report, &records, "the report records").await?;
        let kept: HashSet<String> = strings(&kept).collect();
        let missing: Vec<CaseId> =
            strings(&cases).filter(|k| !kept.contains(k)).filter_map(|k| k.parse().ok()).collect();
        if missing.is_empty() {
            return Ok((read, unreadable));
        }
        // A case that cannot be read has no record to derive: it is counted as unreadable, and
        // must not keep the others from being read (each is then read on its own).
        let found = match self.get_many(&missing).await {
            Ok(found) => found,
            Err(_) => {
                let mut each = Vec::with_capacity(missing.len());
                for id in &missing {
                    each.push(self.get(*id).await.ok().flatten());
                }
                each
            }
        };
        let derived: Vec<ReportRecord> = found.iter().flatten().map(|case| case.report_record()).collect();
        let encoded = self.codec().encode(Kind::Report, &derived.iter().collect::<Vec<_>>()).await?;
        let tx = self.transaction(&[REPORTS], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            let store = tx.object_store(REPORTS)?;
            let checks = derived.iter().map(|r| store.get(&key(r.id))).collect::<Result<Vec<_>, _>>()?;
            for (check, record) in checks.iter().zip(&encoded) {
                if raw::request(check).await?.is_undefined() {
                    store.put(record)?;
                }
            }
            Ok(())
        })
        .await?;
        let unread = missing.len() - derived.len();
        read.extend(derived);
        Ok((read, unreadable + unread))
    }
}

/// The keys of a `getAllKeys` answer, as text.
fn strings(keys: &wasm_bindgen::JsValue) -> impl Iterator<Item = String> + '_ {
    keys.unchecked_ref::<Array>().iter().filter_map(|k| k.as_string())
}
