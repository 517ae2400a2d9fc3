//! How a database's records are kept: as plain objects (the training demo, and cases not yet
//! protected), or sealed under a protected workspace's data key (`sealed.rs`). Every record the
//! store writes is encoded here before its transaction starts, and read back here after its
//! transaction ends: WebCrypto answers in later tasks, and IndexedDB commits a transaction that
//! has nothing queued when a task ends (see `raw.rs`).
//!
//! A sealed case keeps three fields in clear beside its ciphertext, so a transaction can check
//! and change them without decrypting: `revision` (the save check), `version` and `exchanged`
//! (an export's record of which versions left the device). `exchanged` in clear is the truth:
//! recording an export changes it alone. Nothing that names a child or a case is in clear.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbTransaction;

use super::error::{corrupt, StorageError};
use super::keys::{DataKey, KeyError};
use super::schema::{from_js, from_js_each, from_json_each, summaries_to_write, to_js, to_js_each, DEADLINES, REPORTS};
use super::sealed::{self, place};
use crate::domain::deletion::Tombstone;
use crate::domain::kept::KeptEdits;
use crate::domain::report::ReportRecord;
use crate::domain::{Case, CaseDeadlines, CaseSummary};

/// What a sealed record is bound to besides its id: the kind of record it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// In `cases` and, unchanged, in `recently_deleted`.
    Case,
    Summary,
    Deadlines,
    Report,
    Tombstone,
    Kept,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Case => "case",
            Kind::Summary => "summary",
            Kind::Deadlines => "deadlines",
            Kind::Report => "report",
            Kind::Tombstone => "tombstone",
            Kind::Kept => "kept_edits",
        }
    }
}

/// A record that knows its key (the `id` its store's key path reads).
pub(crate) trait Keyed {
    fn key(&self) -> String;
}

macro_rules! keyed_by_id {
    ($($t:ty),*) => {$(impl Keyed for $t { fn key(&self) -> String { self.id.to_string() } })*};
}
keyed_by_id!(Case, CaseSummary, CaseDeadlines, ReportRecord, Tombstone, KeptEdits);

/// The fields of a sealed case kept in clear (as `domain::Case` names them).
const CLEAR_CASE_FIELDS: [&str; 3] = ["revision", "version", "exchanged"];
const EXCHANGED: &str = "exchanged";

pub(crate) enum Codec {
    Plain,
    /// The workspace's data key while unlocked; `None` while locked.
    Sealed(RefCell<Option<DataKey>>),
}

/// A case as stored, with what is kept beside it, encoded ahead of its transaction.
#[derive(Clone)]
pub struct Prepared {
    pub(crate) case: JsValue,
    pub(crate) summary: JsValue,
    pub(crate) deadlines: JsValue,
    pub(crate) report: JsValue,
}

/// What is kept beside a prepared case (its summary, its deadlines, its report record), queued
/// in `tx` (which must include `meta`: the list is marked changed, as `schema::put_derived` does).
pub(crate) fn put_prepared(tx: &IdbTransaction, prepared: &Prepared) -> Result<(), StorageError> {
    summaries_to_write(tx)?.put(&prepared.summary)?;
    tx.object_store(DEADLINES)?.put(&prepared.deadlines)?;
    tx.object_store(REPORTS)?.put(&prepared.report)?;
    Ok(())
}

impl Codec {
    /// The data key, `None` for a plain database; `Locked` while a protected one is locked.
    pub(crate) fn key(&self) -> Result<Option<DataKey>, StorageError> {
        match self {
            Codec::Plain => Ok(None),
            Codec::Sealed(key) => key.borrow().clone().map(Some).ok_or(StorageError::Locked),
        }
    }

    pub(crate) fn is_sealed(&self) -> bool {
        matches!(self, Codec::Sealed(_))
    }

    pub(crate) fn unlock(&self, key: DataKey) {
        if let Codec::Sealed(held) = self {
            held.replace(Some(key));
        }
    }

    pub(crate) fn lock(&self) {
        if let Codec::Sealed(held) = self {
            held.replace(None);
        }
    }

    pub(crate) fn is_locked(&self) -> bool {
        matches!(self, Codec::Sealed(key) if key.borrow().is_none())
    }

    /// Records of one kind as stored, in order.
    pub(crate) async fn encode<T: Serialize + Keyed>(
        &self,
        kind: Kind,
        values: &[&T],
    ) -> Result<Vec<JsValue>, StorageError> {
        let Some(key) = self.key()? else {
            return Ok(to_js_each(values)?.iter().collect());
        };
        let plaintexts = values
            .iter()
            .map(|value| Ok((place(kind.name(), &value.key()), json_bytes(value)?)))
            .collect::<Result<Vec<_>, StorageError>>()?;
        let sealed = sealed::seal_each(&key, &plaintexts).await.map_err(sealing_failed)?;
        Ok(values.iter().zip(&sealed).map(|(value, sealed)| sealed::to_record(&value.key(), sealed).into()).collect())
    }

    /// Cases as stored, with their clear fields when sealed.
    pub(crate) async fn encode_cases(&self, cases: &[&Case]) -> Result<Vec<JsValue>, StorageError> {
        let records = self.encode(Kind::Case, cases).await?;
        if self.is_sealed() {
            for (record, case) in records.iter().zip(cases) {
                for (field, value) in CLEAR_CASE_FIELDS.into_iter().zip(clear_fields(case)?) {
                    Reflect::set(record, &field.into(), &value)?;
                }
            }
        }
        Ok(records)
    }

    /// A case and what is kept beside it, encoded for one transaction.
    pub(crate) async fn prepare(&self, case: &Case) -> Result<Prepared, StorageError> {
        let record = self.encode_cases(&[case]).await?.remove(0);
        let summary = self.encode(Kind::Summary, &[&case.summary()]).await?.remove(0);
        let deadlines = self.encode(Kind::Deadlines, &[&case.deadlines()]).await?.remove(0);
        let report = self.encode(Kind::Report, &[&case.report_record()]).await?.remove(0);
        Ok(Prepared { case: record, summary, deadlines, report })
    }

    /// Cases with what is kept beside each, encoded for one transaction: the cases, then their
    /// summaries, deadlines and report records, in the order of `schema::CASE_STORES`.
    pub(crate) async fn encode_with_derived(&self, cases: &[&Case]) -> Result<[Vec<JsValue>; 4], StorageError> {
        let summaries: Vec<CaseSummary> = cases.iter().map(|c| c.summary()).collect();
        let deadlines: Vec<CaseDeadlines> = cases.iter().map(|c| c.deadlines()).collect();
        let reports: Vec<ReportRecord> = cases.iter().map(|c| c.report_record()).collect();
        Ok([
            self.encode_cases(cases).await?,
            self.encode(Kind::Summary, &summaries.iter().collect::<Vec<_>>()).await?,
            self.encode(Kind::Deadlines, &deadlines.iter().collect::<Vec<_>>()).await?,
            self.encode(Kind::Report, &reports.iter().collect::<Vec<_>>()).await?,
        ])
    }

    /// [`Codec::prepare`] without awaiting, for a save queued as the page closes: possible for
    /// a plain database only. A sealed one is prepared ahead of time (`Store::prepare`).
    pub(crate) fn prepare_now(&self, case: &Case) -> Result<Prepared, StorageError> {
        if self.is_sealed() {
            return Err(StorageError::Other("a protected workspace's closing save must be sealed ahead".into()));
        }
        Ok(Prepared {
            case: to_js(case)?,
            summary: to_js(&case.summary())?,
            deadlines: to_js(&case.deadlines())?,
            report: to_js(&case.report_record())?,
        })
    }

    /// Stored records of one kind read back; one that cannot be read (or opened) is counted,
    /// not allowed to hide the others. `what` names them in an error that stops the lot.
    pub(crate) async fn decode_all<T: DeserializeOwned>(
        &self,
        kind: Kind,
        records: &JsValue,
        what: &str,
    ) -> Result<(Vec<T>, usize), StorageError> {
        let Some(key) = self.key()? else {
            return from_js_each(records).map_err(|e| corrupt(what, e));
        };
        let records: &Array = records.unchecked_ref();
        let (texts, mut unreadable) = open_texts(&key, kind, records.iter()).await?;
        let text = format!("[{}]", texts.into_iter().flatten().collect::<Vec<_>>().join(","));
        let (read, also_unreadable) = from_json_each(&text).map_err(|e| corrupt(what, e))?;
        unreadable += also_unreadable;
        Ok((read, unreadable))
    }

    /// Stored cases read back (see [`Codec::decode_all`]), with their clear `exchanged`.
    pub(crate) async fn decode_cases(&self, records: &JsValue, what: &str) -> Result<(Vec<Case>, usize), StorageError> {
        let (mut cases, unreadable) = self.decode_all::<Case>(Kind::Case, records, what).await?;
        if self.is_sealed() {
            let records: &Array = records.unchecked_ref();
            let exchanged: HashMap<String, Vec<Uuid>> = records
                .iter()
                .filter_map(|r| Some((Reflect::get(&r, &"id".into()).ok()?.as_string()?, clear_exchanged(&r).ok()?)))
                .collect();
            for case in &mut cases {
                if let Some(exchanged) = exchanged.get(&case.id.to_string()) {
                    case.exchanged = exchanged.clone();
                }
            }
        }
        Ok((cases, unreadable))
    }

    /// One stored record read back. One that does not open or parse is `Corrupt`, named by
    /// `what`; a store locked meanwhile is `Locked`, not a damaged record.
    pub(crate) async fn decode_one<T: DeserializeOwned>(
        &self,
        kind: Kind,
        record: JsValue,
        what: &str,
    ) -> Result<T, StorageError> {
        let Some(key) = self.key()? else {
            return from_js(record).map_err(|e| corrupt(what, e));
        };
        serde_json::from_str(&open_one(&key, kind, record, what).await?).map_err(|e| corrupt(what, e))
    }

    /// One stored case read back (see [`Codec::decode_one`]), with its clear `exchanged`.
    pub(crate) async fn decode_case(&self, record: JsValue, what: &str) -> Result<Case, StorageError> {
        let mut case: Case = self.decode_one(Kind::Case, record.clone(), what).await?;
        if self.is_sealed() {
            case.exchanged = clear_exchanged(&record).map_err(|e| corrupt(what, e))?;
        }
        Ok(case)
    }

    /// One stored case as a plain object, as a plain database keeps it (for an export, which
    /// works on the record itself).
    pub(crate) async fn decode_case_record(&self, record: JsValue, what: &str) -> Result<JsValue, StorageError> {
        let Some(key) = self.key()? else {
            return Ok(record);
        };
        let text = open_one(&key, Kind::Case, record.clone(), what).await?;
        let object = js_sys::JSON::parse(&text).map_err(|_| corrupt(what, "not plain data"))?;
        let exchanged = Reflect::get(&record, &EXCHANGED.into()).map_err(|_| corrupt(what, "no exchanged list"))?;
        Reflect::set(&object, &EXCHANGED.into(), &exchanged).map_err(|_| corrupt(what, "not an object"))?;
        Ok(object)
    }
}

/// The plaintext of one sealed record, or `Corrupt` naming it.
async fn open_one(key: &DataKey, kind: Kind, record: JsValue, what: &str) -> Result<String, StorageError> {
    let (mut texts, _) = open_texts(key, kind, std::iter::once(record)).await?;
    texts.pop().flatten().ok_or_else(|| corrupt(what, "it does not decrypt: changed, damaged or moved"))
}

/// The plaintext of each record, `None` where it does not open, and how many did not.
async fn open_texts(
    key: &DataKey,
    kind: Kind,
    records: impl Iterator<Item = JsValue>,
) -> Result<(Vec<Option<String>>, usize), StorageError> {
    let mut places = Vec::new();
    let mut positions = Vec::new();
    let mut texts = Vec::new();
    for record in records {
        // A record that is not an envelope at all is counted with those that do not open.
        if let Ok((id, sealed)) = sealed::from_record(&record) {
            positions.push(texts.len());
            places.push((place(kind.name(), &id), sealed));
        }
        texts.push(None);
    }
    let mut unreadable = texts.len() - places.len();
    for (opened, at) in sealed::open_each(key, &places).await.into_iter().zip(positions) {
        match opened {
            Ok(bytes) => texts[at] = String::from_utf8(bytes).ok(),
            Err(KeyError::Undecryptable(_)) => {}
            // Not the record's fault: the browser's cryptography failed.
            Err(error) => return Err(StorageError::Other(error.to_string())),
        }
        if texts[at].is_none() {
            unreadable += 1;
        }
    }
    Ok((texts, unreadable))
}

fn json_bytes<T: Serialize>(value: &T) -> Result<Vec<u8>, StorageError> {
    crate::ascii_json::to_string(value)
        .map(String::into_bytes)
        .map_err(|err| StorageError::Other(format!("a record could not be prepared for storage: {err}")))
}

fn sealing_failed(error: KeyError) -> StorageError {
    StorageError::Other(error.to_string())
}

fn clear_fields(case: &Case) -> Result<[JsValue; 3], StorageError> {
    Ok([JsValue::from_f64(case.revision as f64), JsValue::from_str(&case.version.to_string()), to_js(&case.exchanged)?])
}

fn clear_exchanged(record: &JsValue) -> Result<Vec<Uuid>, String> {
    let exchanged = Reflect::get(record, &EXCHANGED.into()).unwrap_or(JsValue::UNDEFINED);
    if exchanged.is_undefined() {
        return Ok(Vec::new());
    }
    from_js(exchanged)
}
