//! What an export reads and records: the cases as the file holds them, and afterwards which of
//! their versions went into a file. Both work on the stored records themselves, changing only
//! their list of exchanged versions, rather than building each `Case` and writing it again.

use std::collections::HashMap;

use js_sys::{Array, JsString, Reflect};
use uuid::Uuid;
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

use super::error::corrupt;
use super::schema::{from_js, mark_list_changed, to_js, CASES, META};
use super::{key, list_changed, raw, Change, StorageError, Store};
use crate::domain::exchange::merge::remember;
use crate::domain::CaseId;

/// The fields of a stored case (`domain::Case`, as serde names them) that recording an export
/// reads and changes in place.
const VERSION_FIELD: &str = "version";
const EXCHANGED_FIELD: &str = "exchanged";
const CASE_NUMBER_FIELD: &str = "case_number";

/// Cases as an export file holds them (see [`Store::read_for_export`]).
pub struct ExportRead {
    /// The store's change mark when they were read: while it is the same, so are they.
    mark: Option<String>,
    pub cases: Vec<ExportedCase>,
}

#[derive(Clone)]
pub struct ExportedCase {
    pub id: CaseId,
    pub version: Uuid,
    pub case_number: String,
    /// The stored record as JSON text, with its version recorded among those exchanged. Kept in
    /// JavaScript: the file is made from it there, without a copy through Rust.
    json: JsString,
}

impl ExportRead {
    /// The file's document as the parts of a `Blob`, in order: `before`, the cases as one JSON
    /// array, `after` (see `exchange::write_around`).
    pub fn document(&self, before: &str, after: &str) -> Array {
        let parts = Array::new();
        parts.push(&JsValue::from_str(before));
        parts.push(&JsValue::from_str("["));
        for (at, case) in self.cases.iter().enumerate() {
            if at > 0 {
                parts.push(&JsValue::from_str(","));
            }
            parts.push(&case.json);
        }
        parts.push(&JsValue::from_str("]"));
        parts.push(&JsValue::from_str(after));
        parts
    }
}

impl Store {
    /// Cases as an export file holds them: each stored record with its version recorded among
    /// those exchanged (as `merge::exported` does), as JSON text, taken as stored rather than
    /// built into a `Case` and written again. In the order asked; a case no longer stored is
    /// left out. Those in `earlier` are taken from it if nothing stored has changed since it
    /// was read, so an export can read ahead while the passphrase is typed.
    pub async fn read_for_export(
        &self,
        ids: &[CaseId],
        earlier: Option<&ExportRead>,
    ) -> Result<ExportRead, StorageError> {
        let tx = self.transaction(&[CASES, META], IdbTransactionMode::Readonly)?;
        let mark = list_changed(&tx.object_store(META)?).await?;
        let mut reused: HashMap<CaseId, &ExportedCase> = match earlier {
            Some(earlier) if earlier.mark == mark => earlier.cases.iter().map(|c| (c.id, c)).collect(),
            _ => HashMap::new(),
        };
        let store = tx.object_store(CASES)?;
        let requests = ids
            .iter()
            .map(|id| (!reused.contains_key(id)).then(|| store.get(&key(*id))).transpose())
            .collect::<Result<Vec<_>, _>>()?;
        // Every answer taken before any record is opened: decrypting awaits the browser's
        // cryptography, and a request's answer comes only while the transaction is alive.
        let mut answers = Vec::with_capacity(ids.len());
        for request in &requests {
            answers.push(match request {
                Some(request) => Some(raw::request(request).await?),
                None => None,
            });
        }
        let mut cases = Vec::with_capacity(ids.len());
        for (answer, id) in answers.into_iter().zip(ids) {
            let Some(stored) = answer else {
                cases.extend(reused.remove(id).cloned());
                continue;
            };
            if stored.is_undefined() {
                continue;
            }
            let stored = self.codec().decode_case_record(stored, &format!("case {id}")).await?;
            let damaged = || corrupt(&format!("case {id}"), "not a case");
            let version = stored_version(&stored).ok_or_else(damaged)?;
            let case_number = Reflect::get(&stored, &JsValue::from_str(CASE_NUMBER_FIELD))
                .ok()
                .and_then(|n| n.as_string())
                .ok_or_else(damaged)?;
            remember_in_record(&stored, version, *id)?;
            let json =
                js_sys::JSON::stringify(&stored).map_err(|_| corrupt(&format!("case {id}"), "not plain data"))?;
            cases.push(ExportedCase { id: *id, version, case_number, json });
        }
        Ok(ExportRead { mark, cases })
    }

    /// Records that these versions of these cases went into an export file, so importing that
    /// file here later is recognised as older, not as a conflict. A case changed since it was
    /// read for the export is left as it is.
    pub async fn mark_exported(&self, exported: &[(CaseId, Uuid)]) -> Result<(), StorageError> {
        let tx = self.transaction(&[CASES, META], IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            // Cases read ahead for another export are now out of date.
            mark_list_changed(&tx)?;
            let cases = tx.object_store(CASES)?;
            // All asked for at once; each record changed only in its list of exchanged versions
            // and put back as it was read, rather than read and written whole through Rust.
            let requests = exported.iter().map(|(id, _)| cases.get(&key(*id))).collect::<Result<Vec<_>, _>>()?;
            for (request, (id, version)) in requests.iter().zip(exported) {
                let stored = raw::request(request).await?;
                if stored.is_undefined() || stored_version(&stored) != Some(*version) {
                    continue;
                }
                remember_in_record(&stored, *version, *id)?;
                cases.put(&stored)?;
            }
            Ok(())
        })
        .await;
        // A tab editing one of these cases takes the record over, so its next save keeps it.
        self.announce(result, || Change::Exported)
    }
}

fn stored_version(stored: &JsValue) -> Option<Uuid> {
    Reflect::get(stored, &JsValue::from_str(VERSION_FIELD)).ok()?.as_string()?.parse().ok()
}

/// Records `version` among a stored case's exchanged versions, in the record itself (see
/// `merge::remember`), leaving the rest of it as it was read.
fn remember_in_record(stored: &JsValue, version: Uuid, id: CaseId) -> Result<(), StorageError> {
    let damaged = |e: String| corrupt(&format!("case {id}"), e);
    let exchanged = Reflect::get(stored, &JsValue::from_str(EXCHANGED_FIELD)).unwrap_or(JsValue::UNDEFINED);
    let mut exchanged: Vec<Uuid> =
        if exchanged.is_undefined() { Vec::new() } else { from_js(exchanged).map_err(damaged)? };
    remember(&mut exchanged, version);
    Reflect::set(stored, &JsValue::from_str(EXCHANGED_FIELD), &to_js(&exchanged)?)
        .map_err(|_| damaged("not an object".into()))?;
    Ok(())
}
