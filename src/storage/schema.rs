//! The database layout, version by version, and how stored records are encoded.
//!
//! Each step names the stores it adds and the data step it needs. Stores can only be made in the
//! browser's upgrade transaction, which [`create_stores`] runs. Data steps run afterwards in one
//! readwrite transaction that also records the reached version in `meta`, so a step cut short
//! (the tab closed between the two) simply runs again on the next open. Data steps must
//! therefore be safe to repeat.

use js_sys::{Array, Reflect};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbTransaction, IdbTransactionMode};

use super::error::{corrupt, StorageError};
use super::raw;
use crate::domain::legacy::upgrade_case;
use crate::domain::{Case, CaseSummary, PlanStatus};

/// The IndexedDB version and the version recorded in `meta` once its data steps have run.
pub const SCHEMA_VERSION: u32 = 9;

pub(crate) const CASES: &str = "cases";
pub(crate) const SUMMARIES: &str = "summaries";
pub(crate) const DEADLINES: &str = "deadlines";
/// What the reports count of each case (`domain::report::ReportRecord`).
pub(crate) const REPORTS: &str = "reports";
/// The cases and the stores of what is kept beside each, written together.
pub(crate) const CASE_STORES: [&str; 4] = [CASES, SUMMARIES, DEADLINES, REPORTS];
pub(crate) const META: &str = "meta";
/// Edits a lock came before they could be saved, one record per case (`domain::kept::KeptEdits`).
pub(crate) const KEPT_EDITS: &str = "kept_edits";
/// What each deleted case leaves behind: id, when, by whom (`domain::deletion::Tombstone`).
pub(crate) const TOMBSTONES: &str = "tombstones";
/// The content of deleted cases, until restored or deleted permanently.
pub(crate) const RECENTLY_DELETED: &str = "recently_deleted";
pub(crate) const CASE_NUMBERS: &str = "case_numbers";
/// When every case on the device last went into an encrypted export.
pub(crate) const LAST_BACKUP: &str = "last_backup";
const SCHEMA_KEY: &str = "schema_version";
/// Changed with every write to the summaries ([`summaries_to_write`]), and so with every write
/// to the stored cases, which writes their summaries too, or marks them itself ([`mark_list_changed`]).
pub(crate) const LIST_CHANGED: &str = "list_changed";

struct Step {
    version: u32,
    /// (store name, key path)
    stores: &'static [(&'static str, &'static str)],
    data: Option<DataStep>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DataStep {
    /// The list reads summaries only and the overview deadlines only, so every case stored
    /// before they existed, or before they carried what they carry now, needs them rewritten.
    RebuildDerived,
    /// Every case written again in today's form: history events and changes as data rather than
    /// English sentences (`domain::legacy` upgrades the old forms), with its summary and
    /// deadlines rebuilt (due items as data too). Upgrading a case already in today's form gives
    /// it back unchanged, so the step is safe to repeat. Only this step reads the old forms.
    RewriteCases,
}

const STEPS: &[Step] = &[
    Step { version: 1, stores: &[(CASES, "id"), (META, "key")], data: None },
    Step { version: 2, stores: &[(SUMMARIES, "id")], data: Some(DataStep::RebuildDerived) },
    // Summaries gained checklist progress; deadlines feed the overview.
    Step { version: 3, stores: &[(DEADLINES, "id")], data: Some(DataStep::RebuildDerived) },
    // Every write to the summaries marks the list changed. A new version so no tab still
    // running older code, which does not mark, can write beside this one.
    Step { version: 4, stores: &[], data: None },
    // History events, changes, due items and unnamed authors stored as data.
    Step { version: 5, stores: &[], data: Some(DataStep::RewriteCases) },
    // Deletion leaves a tombstone, and the content apart until it is restored or erased.
    Step { version: 6, stores: &[(TOMBSTONES, "id"), (RECENTLY_DELETED, "id")], data: None },
    // The reports read a small record kept beside each case. No data step: a protected
    // workspace's cases cannot be read before it is unlocked, so the records missing are
    // derived when the reports first read them (`reports.rs`).
    Step { version: 7, stores: &[(REPORTS, "id")], data: None },
    // Edits a lock came before they could be saved, kept to be offered back.
    Step { version: 8, stores: &[(KEPT_EDITS, "id")], data: None },
    // The plan's household and family. No store and no data step (a case kept before reads with
    // none, and the caregivers written as text stay as written until the worker takes them in):
    // a new version so that no tab still running an older Homeward, which would drop the
    // household on its next save, can write beside this one.
    Step { version: 9, stores: &[], data: None },
];

/// Runs in `onupgradeneeded`. Only ever adds stores: rexie's builder, by contrast, deletes every
/// store the current code does not declare, which would silently drop data on a careless edit.
pub(crate) fn create_stores(db: &IdbDatabase, old_version: u32) -> Result<(), JsValue> {
    let existing = db.object_store_names();
    for step in STEPS.iter().filter(|step| step.version > old_version) {
        for &(name, key_path) in step.stores {
            if !existing.contains(name) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str(key_path));
                db.create_object_store_with_optional_parameters(name, &params)?;
            }
        }
    }
    Ok(())
}

/// A `meta` record: `{key: "case_numbers", value: {...}}`.
#[derive(Serialize, Deserialize)]
pub(crate) struct MetaRecord<T> {
    pub key: String,
    pub value: T,
}

/// A record as IndexedDB keeps it: a plain object, the same as `JSON.parse` of its JSON. Going
/// through JSON text is several times faster than building the object field by field across the
/// wasm boundary, which mattered for whole cases (tens of kilobytes each).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StorageError> {
    let text = crate::ascii_json::to_string(value)
        .map_err(|err| StorageError::Other(format!("a record could not be prepared for storage: {err}")))?;
    js_sys::JSON::parse(&text).map_err(|_| StorageError::Other("a record could not be prepared for storage".into()))
}

/// Many records at once (see [`to_js`]): one JSON text and one `JSON.parse` for the lot
/// rather than one crossing of the wasm boundary per record.
pub(crate) fn to_js_each<T: Serialize>(values: &[T]) -> Result<Array, StorageError> {
    Ok(to_js(&values)?.unchecked_into())
}

/// Reads a stored record back (see [`to_js`]); the error says what did not fit.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    if value.is_undefined() {
        return Err("no record".into());
    }
    let text = js_sys::JSON::stringify(&value).map_err(|_| "not plain data".to_string())?;
    serde_json::from_str(&String::from(text)).map_err(|err| err.to_string())
}

/// Reads many stored records back at once: one `JSON.stringify` for the whole array, rather
/// than one crossing of the wasm boundary per record, which dominated reading ten thousand
/// summaries. A record that does not fit is counted, not allowed to hide the others.
pub(crate) fn from_js_each<T: DeserializeOwned>(records: &JsValue) -> Result<(Vec<T>, usize), String> {
    from_json_each(&json_text(records)?)
}

/// Stored records as one JSON text, as [`from_json_each`] reads them.
pub(crate) fn json_text(records: &JsValue) -> Result<String, String> {
    Ok(js_sys::JSON::stringify(records).map_err(|_| "not plain data".to_string())?.into())
}

/// Reads a JSON array of stored records (see [`from_js_each`]).
pub(crate) fn from_json_each<T: DeserializeOwned>(text: &str) -> Result<(Vec<T>, usize), String> {
    // All readable, as almost always: one pass. Otherwise each record again, on its own.
    if let Ok(all) = serde_json::from_str::<Vec<T>>(text) {
        return Ok((all, 0));
    }
    let each: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).map_err(|err| err.to_string())?;
    let (mut read, mut unreadable) = (Vec::with_capacity(each.len()), 0);
    for record in each {
        match serde_json::from_str(record.get()) {
            Ok(value) => read.push(value),
            Err(_) => unreadable += 1,
        }
    }
    Ok((read, unreadable))
}

/// The version whose data steps this database has had, read in `tx` (which includes `meta`).
async fn reached_version(tx: &IdbTransaction) -> Result<u32, StorageError> {
    let found = raw::request(&tx.object_store(META)?.get(&JsValue::from_str(SCHEMA_KEY))?).await?;
    // Version 1 recorded nothing. A brand-new database also lands here.
    if found.is_undefined() {
        return Ok(1);
    }
    Ok(from_js::<MetaRecord<u32>>(found).map_err(|e| corrupt("the schema version record", e))?.value)
}

/// For the first load, which carries no data steps: a database whose data steps have all run
/// is ready; so is one with no cases, or one that missed only versions without a data step,
/// which is recorded as having had them. One with cases
/// stored by an earlier version is left as it is, [`StorageError::Outdated`], for the whole
/// app to upgrade.
pub(crate) async fn check_current(db: &IdbDatabase) -> Result<(), StorageError> {
    let tx = raw::transaction(db, &[CASES, META], IdbTransactionMode::Readwrite)?;
    raw::write(&tx, async {
        let reached = reached_version(&tx).await?;
        if reached >= SCHEMA_VERSION {
            return Ok(());
        }
        // Versions that only added stores (made when the database opened) need nothing more.
        let data_steps = STEPS.iter().any(|step| step.version > reached && step.data.is_some());
        let cases = raw::request(&tx.object_store(CASES)?.count()?).await?.as_f64().unwrap_or(0.0);
        if cases > 0.0 && data_steps {
            return Err(StorageError::Outdated);
        }
        tx.object_store(META)?.put(&to_js(&MetaRecord { key: SCHEMA_KEY.into(), value: SCHEMA_VERSION })?)?;
        Ok(())
    })
    .await
}

/// Runs the data steps this database has not had yet, all in one transaction.
pub(crate) async fn run_data_steps(db: &IdbDatabase) -> Result<(), StorageError> {
    let tx = raw::transaction(db, &[CASES, SUMMARIES, DEADLINES, REPORTS, META], IdbTransactionMode::Readwrite)?;
    raw::write(&tx, async {
        let meta = tx.object_store(META)?;
        // A brand-new database's data steps run over empty stores, which costs one transaction once.
        let reached = reached_version(&tx).await?;
        if reached >= SCHEMA_VERSION {
            return Ok(());
        }
        let mut steps: Vec<DataStep> =
            STEPS.iter().filter(|step| step.version > reached).filter_map(|step| step.data).collect();
        // Each rebuild writes everything derived, so one is enough however many versions behind;
        // rewriting the cases rebuilds it too.
        if steps.contains(&DataStep::RewriteCases) {
            steps.retain(|step| *step == DataStep::RewriteCases);
        }
        steps.dedup_by_key(|step| *step as u8);
        for step in steps {
            match step {
                DataStep::RebuildDerived => rebuild_derived(&tx, false).await?,
                DataStep::RewriteCases => rebuild_derived(&tx, true).await?,
            }
        }
        meta.put(&to_js(&MetaRecord { key: SCHEMA_KEY.into(), value: SCHEMA_VERSION })?)?;
        Ok(())
    })
    .await
}

/// The records kept beside each case so the list, the overview and the reports never read
/// whole cases. Queued in the caller's transaction, so they never disagree with the case.
pub(crate) fn put_derived(tx: &IdbTransaction, case: &Case) -> Result<(), StorageError> {
    summaries_to_write(tx)?.put(&to_js(&case.summary())?)?;
    tx.object_store(DEADLINES)?.put(&to_js(&case.deadlines())?)?;
    tx.object_store(REPORTS)?.put(&to_js(&case.report_record())?)?;
    Ok(())
}

/// The summaries, to write to in `tx` (which must include `meta`). Every such write goes through
/// here, so it also gives the list a new [`LIST_CHANGED`] mark: a list read before can then tell
/// that it is out of date (an export's read ahead, `export.rs`). A blind write, so a save queued as the page closes
/// still reaches the browser whole.
pub(crate) fn summaries_to_write(tx: &IdbTransaction) -> Result<IdbObjectStore, StorageError> {
    mark_list_changed(tx)?;
    Ok(tx.object_store(SUMMARIES)?)
}

/// Gives the stored cases a new [`LIST_CHANGED`] mark, in `tx` (which must include `meta`).
pub(crate) fn mark_list_changed(tx: &IdbTransaction) -> Result<(), StorageError> {
    tx.object_store(META)?.put(&to_js(&MetaRecord { key: LIST_CHANGED.into(), value: uuid::Uuid::new_v4() })?)?;
    Ok(())
}

/// Writes every case's summary and deadlines again, and with `rewrite` the case itself, as
/// upgraded (in today's form).
async fn rebuild_derived(tx: &IdbTransaction, rewrite: bool) -> Result<(), StorageError> {
    let summaries = summaries_to_write(tx)?;
    let cases = tx.object_store(CASES)?;
    let records: Array = raw::request(&cases.get_all()?).await?.unchecked_into();
    for record in records.iter() {
        let upgraded =
            from_js::<serde_json::Value>(record.clone()).and_then(|v| upgrade_case(v).map_err(|e| e.to_string()));
        let summary = match upgraded {
            Ok(case) => {
                if rewrite {
                    cases.put(&to_js(&case)?)?;
                }
                put_derived(tx, &case)?;
                continue;
            }
            // A case this code cannot read must not stop the whole app from opening, nor vanish
            // from the list: list it by number, and opening it reports it as unreadable. Its
            // deadlines and report record, derived by an earlier version, go: they cannot be
            // derived again.
            Err(_) => match summary_of_unreadable(&record) {
                Some(summary) => {
                    for store in [DEADLINES, REPORTS] {
                        tx.object_store(store)?.delete(&JsValue::from_str(&summary.id.to_string()))?;
                    }
                    summary
                }
                None => continue,
            },
        };
        summaries.put(&to_js(&summary)?)?;
    }
    Ok(())
}

fn summary_of_unreadable(record: &JsValue) -> Option<CaseSummary> {
    let text = |key: &str| Reflect::get(record, &JsValue::from_str(key)).ok()?.as_string();
    Some(CaseSummary {
        id: text("id")?.parse().ok()?,
        case_number: text("case_number").unwrap_or_default(),
        child_name: String::new(),
        worker_name: String::new(),
        placement: None,
        status: PlanStatus::default(),
        next_due: None,
        checklist: Default::default(),
        updated_at: text("updated_at").and_then(|t| crate::domain::stored_dates::parse_time(&t)).unwrap_or_default(),
        revision: 0,
    })
}
