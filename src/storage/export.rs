//! What an export reads and records: the cases as the file holds them, and afterwards which of
//! their versions went into a file. Both work on the stored records themselves, changing only
//! their list of exchanged versions, rather than building each `Case` and writing it again.

use js_sys::{Array, Reflect};
use uuid::Uuid;
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

use super::error::corrupt;
use super::schema::{from_js, to_js, CASES};
use super::{key, raw, Store, StorageError};
use crate::domain::exchange::merge::remember;
use crate::domain::CaseId;

/// The fields of a stored case (`domain::Case`, as serde names them) that recording an export
/// reads and changes in place.
const VERSION_FIELD: &str = "version";
const EXCHANGED_FIELD: &str = "exchanged";
const CASE_NUMBER_FIELD: &str = "case_number";

/// See [`Store::export_cases`].
pub struct ExportedCases {
    /// The cases, a JSON array as the export file holds it.
    pub json: Box<serde_json::value::RawValue>,
    pub cases: Vec<ExportedCase>,
}

pub struct ExportedCase {
    pub id: CaseId,
    pub version: Uuid,
    pub case_number: String,
}

impl Store {
    /// Cases as an export file holds them: each stored record with its version recorded among
    /// those exchanged (as `merge::exported` does), all as one JSON array, taken as stored
    /// rather than built into a `Case` and written again, which took most of an export's time.
    /// Beside it, each case's id, version and number. A case no longer stored is left out.
    pub async fn export_cases(&self, ids: &[CaseId]) -> Result<ExportedCases, StorageError> {
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readonly)?;
        let store = tx.object_store(CASES)?;
        let requests = ids.iter().map(|id| store.get(&key(*id))).collect::<Result<Vec<_>, _>>()?;
        let (records, mut cases) = (Array::new(), Vec::with_capacity(ids.len()));
        for (request, id) in requests.iter().zip(ids) {
            let stored = raw::request(request).await?;
            if stored.is_undefined() {
                continue;
            }
            let damaged = || corrupt(&format!("case {id}"), "not a case");
            let version = stored_version(&stored).ok_or_else(damaged)?;
            let case_number = Reflect::get(&stored, &JsValue::from_str(CASE_NUMBER_FIELD)).ok().and_then(|n| n.as_string()).ok_or_else(damaged)?;
            remember_in_record(&stored, version, *id)?;
            records.push(&stored);
            cases.push(ExportedCase { id: *id, version, case_number });
        }
        let text: String = js_sys::JSON::stringify(&records).map_err(|_| corrupt("cases", "not plain data"))?.into();
        let json = serde_json::value::RawValue::from_string(text).map_err(|e| corrupt("cases", e))?;
        Ok(ExportedCases { json, cases })
    }

    /// Records that these versions of these cases went into an export file, so importing that
    /// file here later is recognised as older, not as a conflict. A case changed since it was
    /// read for the export is left as it is.
    pub async fn mark_exported(&self, exported: &[(CaseId, Uuid)]) -> Result<(), StorageError> {
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
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
        .await
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
    let mut exchanged: Vec<Uuid> = if exchanged.is_undefined() { Vec::new() } else { from_js(exchanged).map_err(damaged)? };
    remember(&mut exchanged, version);
    Reflect::set(stored, &JsValue::from_str(EXCHANGED_FIELD), &to_js(&exchanged)?).map_err(|_| damaged("not an object".into()))?;
    Ok(())
}
