//! Export files: the document inside the encryption, how it is read back, and how an import is
//! weighed against the cases already on the device. The format is described in the README
//! ("Export file format"), so another program can read it.

pub mod merge;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::case::Case;

/// Names the document, so a JSON file of something else is told apart.
pub const FORMAT_NAME: &str = "homeward-export";
/// Raised when a change means an older Homeward could misread the document. Version 2 stores
/// history events and changes as data; version 1 files, with them in English sentences, are
/// upgraded as they are read (`domain::legacy`). Version 3 adds the plan's household: an older
/// Homeward must refuse such a file ("Update Homeward") rather than import it and drop the
/// household on its next save. Version 2 files read as they are, with no household.
pub const FORMAT_VERSION: u32 = 3;
/// The largest file an import reads: decrypting and holding it takes several times its size in
/// memory, which an old phone may not have. About 40,000 full cases.
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// The largest revision an imported case may have: the browser stores a case as JSON parsed into
/// JavaScript numbers, exact up to 2^53 − 1 (`Number.MAX_SAFE_INTEGER`). Above it the stored
/// number is rounded, and near 2^64 rounded past what a `u64` holds, so the case stored could
/// no longer be read. A real case counts one revision per save.
pub const MAX_REVISION: u64 = (1 << 53) - 1;

/// The document inside an export file. Read, its cases are `Case`s. Written by an export, its
/// cases are the stored records' JSON put between the rest of it ([`write_around`]), which is
/// the same text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument<Cases = Vec<Case>> {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub cases: Cases,
}

impl<Cases> ExportDocument<Cases> {
    pub fn new(cases: Cases, app_version: &str, now: DateTime<Utc>) -> Self {
        Self {
            format: FORMAT_NAME.into(),
            format_version: FORMAT_VERSION,
            app_version: app_version.into(),
            exported_at: now,
            cases,
        }
    }
}

/// Why a decrypted file cannot be imported. Worded for the person importing it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ReadError {
    #[error("This file is too large to import here ({size_mb} MB; the limit is {limit_mb} MB). Export fewer cases at a time.")]
    TooLarge { size_mb: usize, limit_mb: usize },
    #[error("This file is not a Homeward export: its content is not what Homeward writes.")]
    NotAnExport,
    #[error("This file was made by a newer Homeward (export format {found}; this one reads up to {supported}). Update Homeward, then import it again.")]
    TooNew { found: u32, supported: u32 },
    #[error("This Homeward export is damaged: {0}. Nothing was imported.")]
    Damaged(Damage),
}

/// What is wrong inside a decrypted export, as data: the page words it in the reader's
/// language (`vocabulary`), so no reader's own English reaches the worker.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum Damage {
    /// The text stops before the document does: the file was cut short before it was encrypted.
    #[error("it ends before its last case")]
    CutShort,
    /// Not JSON at this place: a broken escape, a character out of place, nesting too deep.
    #[error("its text is broken at line {line}, column {column}")]
    Malformed { line: usize, column: usize },
    /// JSON, but a value is missing or not of the kind Homeward writes. `line` 0: no place known
    /// (a format-1 case, read after it was parsed).
    #[error("a value is missing or is not what Homeward writes, at line {line}, column {column}")]
    UnexpectedValue { line: usize, column: usize },
    /// Two different cases under one id.
    #[error("case {case_number} appears twice")]
    CaseTwice { case_number: String },
    /// A revision above what the browser stores exactly ([`MAX_REVISION`]).
    #[error("case {case_number} has a revision number too large to store")]
    RevisionTooLarge { case_number: String },
}

impl Damage {
    /// Where and how the JSON reader stopped, without its English words.
    pub fn of_json(error: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let (line, column) = (error.line(), error.column());
        match error.classify() {
            Category::Eof => Self::CutShort,
            Category::Syntax | Category::Io => Self::Malformed { line, column },
            Category::Data => Self::UnexpectedValue { line, column },
        }
    }
}

/// Why the export worker did not do what it was asked, sent to the page as it is so the page
/// words it in the interface's language. The English text goes along for anything else.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum WorkerError {
    #[error(transparent)]
    Crypto(crate::crypto::CryptoError),
    #[error(transparent)]
    Read(ReadError),
    #[error("This file is encrypted: type its passphrase.")]
    NeedsPassphrase,
    #[error("The cases could not be prepared: {0}")]
    Prepare(String),
    #[error("Unknown request to the export worker.")]
    UnknownRequest,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// How every document Homeward writes begins ([`write`]).
const WRITTEN_START: &[u8] = br#"{"format":"homeward-export""#;

/// The header fields, read first so a newer or foreign document is named for what it is
/// before its cases are looked at.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u32>,
}

/// Reads a decrypted export. Anything but a Homeward export this version understands is refused
/// with its reason; nothing is guessed.
pub fn read(plaintext: &[u8]) -> Result<ExportDocument, ReadError> {
    check_size(plaintext.len())?;
    // A text editor on Windows may put a byte-order mark before the training export it saved.
    let plaintext = plaintext.strip_prefix(UTF8_BOM).unwrap_or(plaintext);
    let header: Header = serde_json::from_slice(plaintext).map_err(|e| {
        // Homeward writes its name first, so a document that starts as one and stops is one cut
        // short, not something else.
        if e.is_eof() && plaintext.trim_ascii_start().starts_with(WRITTEN_START) {
            ReadError::Damaged(Damage::CutShort)
        } else {
            ReadError::NotAnExport
        }
    })?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(ReadError::NotAnExport);
    }
    match header.format_version {
        Some(v) if v > FORMAT_VERSION => return Err(ReadError::TooNew { found: v, supported: FORMAT_VERSION }),
        Some(_) => {}
        None => return Err(ReadError::NotAnExport),
    }
    let damaged = |e: serde_json::Error| ReadError::Damaged(Damage::of_json(&e));
    let document: ExportDocument = if header.format_version == Some(1) {
        let ExportDocument { format, format_version, app_version, exported_at, cases } =
            serde_json::from_slice::<ExportDocument<Vec<serde_json::Value>>>(plaintext).map_err(damaged)?;
        let cases = cases.into_iter().map(super::legacy::upgrade_case).collect::<Result<_, _>>().map_err(damaged)?;
        ExportDocument { format, format_version, app_version, exported_at, cases }
    } else {
        serde_json::from_slice(plaintext).map_err(damaged)?
    };
    let mut seen = std::collections::HashSet::new();
    for case in &document.cases {
        if !seen.insert(case.id) {
            return Err(ReadError::Damaged(Damage::CaseTwice { case_number: case.case_number.clone() }));
        }
        if case.revision > MAX_REVISION {
            return Err(ReadError::Damaged(Damage::RevisionTooLarge { case_number: case.case_number.clone() }));
        }
    }
    Ok(document)
}

pub fn check_size(bytes: usize) -> Result<(), ReadError> {
    if bytes > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            size_mb: bytes.div_ceil(1024 * 1024),
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// The document as written into the file.
pub fn write<Cases: Serialize>(document: &ExportDocument<Cases>) -> Vec<u8> {
    serde_json::to_vec(document).expect("a case always serialises")
}

/// The document's text before and after its cases, so the cases' JSON array, as stored, can be
/// put between them without passing through Rust: `before + cases + after` is [`write`]'s text.
pub fn write_around(app_version: &str, now: DateTime<Utc>) -> (String, String) {
    const NO_CASES: &str = "[]";
    let empty = serde_json::value::RawValue::from_string(NO_CASES.into()).expect("valid JSON");
    let text =
        String::from_utf8(write(&ExportDocument::new(empty, app_version, now))).expect("serde_json writes UTF-8");
    // The cases are the document's last field, so the last `[]` is theirs.
    let at = text.rfind(NO_CASES).expect("the cases are written");
    (text[..at].to_string(), text[at + NO_CASES.len()..].to_string())
}

/// A file name that says what is inside and when: `homeward-K7Q2M-2026-0001-2026-11-23.age`,
/// or `homeward-12-cases-2026-11-23.age`. Only characters every file system accepts.
pub fn file_name(case_numbers: &[&str], date: chrono::NaiveDate, encrypted: bool) -> String {
    let what = match case_numbers {
        [one] if !one.trim().is_empty() => safe(one),
        [_] => "1-case".to_string(),
        many => format!("{}-cases", many.len()),
    };
    let extension = if encrypted { "age" } else { "json" };
    format!("homeward-{what}-{date}.{extension}")
}

fn safe(text: &str) -> String {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .take(60)
        .collect();
    cleaned
}

#[cfg(test)]
mod tests;
