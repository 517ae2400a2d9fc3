//! Talks to the export worker (`src/bin/crypto_worker.rs`). A worker is started for each file
//! and stopped after it, so its code is fetched only when someone exports or imports.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::exchange::{Damage, ReadError, WorkerError};
use crate::i18n::{td_string, Locale};
use crate::storage::StorageError;
use crate::vocabulary::InWords;
use crate::worker_session::WorkerSession;
pub use crate::worker_session::{field, request};

/// Trunk's loader for the worker, beside `index.html`, so this works from any sub-path.
const WORKER_URL: &str = "./crypto_worker_loader.js";

/// Why an export or import did not happen. Kept as what went wrong, not as words, so the
/// message is written in the language showing when it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The worker could not be started, or stopped before it answered.
    Unavailable,
    /// The worker's own refusal: a wrong passphrase, a damaged file…
    Worker(WorkerError),
    /// The worker refused in words only (a worker from another build).
    Said(String),
    Storage(StorageError),
    /// The browser would not make the file, or would not hand it over.
    NotMade,
    NotSaved,
    /// The chosen file could not be read from the disk.
    Unreadable,
    /// Decrypted cases that do not fit what this build reads.
    Damaged(Damage),
}

impl InWords for Failure {
    fn in_words(&self, l: Locale) -> String {
        match self {
            Self::Unavailable => td_string!(l, exchange.errors.unavailable).to_string(),
            Self::Worker(WorkerError::Crypto(e)) => e.in_words(l),
            Self::Worker(WorkerError::Read(e)) => read_error(l, e),
            Self::Worker(WorkerError::NeedsPassphrase) => td_string!(l, exchange.errors.needs_passphrase).to_string(),
            Self::Worker(WorkerError::Prepare(detail)) => td_string!(l, exchange.errors.prepare, detail).to_string(),
            Self::Worker(WorkerError::UnknownRequest) => td_string!(l, exchange.errors.unknown_request).to_string(),
            Self::Said(text) => text.clone(),
            Self::Storage(e) => e.in_words(l),
            Self::NotMade => td_string!(l, exchange.errors.not_made).to_string(),
            Self::NotSaved => td_string!(l, exchange.errors.not_saved).to_string(),
            Self::Unreadable => td_string!(l, exchange.errors.unreadable).to_string(),
            Self::Damaged(damage) => {
                td_string!(l, exchange.errors.damaged, detail = damage_in_words(l, damage)).to_string()
            }
        }
    }
}

impl From<StorageError> for Failure {
    fn from(error: StorageError) -> Self {
        Self::Storage(error)
    }
}

/// A case as the exchange pages name it: its number, then the child's name when known.
pub fn case_label(l: Locale, number: &str, child_name: &str) -> String {
    let number = crate::vocabulary::case_number(l, number);
    match child_name.trim() {
        "" => number,
        name => format!("{number} ({name})"),
    }
}

/// Why a decrypted file cannot be imported, in a language.
pub fn read_error(l: Locale, error: &ReadError) -> String {
    match error {
        ReadError::TooLarge { size_mb, limit_mb } => {
            td_string!(l, exchange.errors.too_large, size_mb = *size_mb, limit_mb = *limit_mb).to_string()
        }
        ReadError::NotAnExport => td_string!(l, exchange.errors.not_an_export).to_string(),
        ReadError::TooNew { found, supported } => {
            td_string!(l, exchange.errors.too_new, found = *found, supported = *supported).to_string()
        }
        ReadError::Damaged(damage) => {
            td_string!(l, exchange.errors.damaged, detail = damage_in_words(l, damage)).to_string()
        }
    }
}

/// What is wrong inside a document, the part of the sentence after "damaged:".
fn damage_in_words(l: Locale, damage: &Damage) -> String {
    match damage {
        Damage::CutShort => td_string!(l, exchange.errors.damage.cut_short).to_string(),
        Damage::Malformed { line, column } => {
            td_string!(l, exchange.errors.damage.malformed, line = *line, column = *column).to_string()
        }
        Damage::UnexpectedValue { line: 0, .. } => td_string!(l, exchange.errors.damage.unexpected_value).to_string(),
        Damage::UnexpectedValue { line, column } => {
            td_string!(l, exchange.errors.damage.unexpected_value_at, line = *line, column = *column).to_string()
        }
        Damage::CaseTwice { case_number } => {
            let case = crate::vocabulary::case_number(l, case_number);
            td_string!(l, exchange.errors.damage.case_twice, case).to_string()
        }
        Damage::RevisionTooLarge { case_number } => {
            let case = crate::vocabulary::case_number(l, case_number);
            td_string!(l, exchange.errors.damage.revision_too_large, case).to_string()
        }
    }
}

/// Sends one request and waits for the reply; the reply's `failure` becomes `Err`.
pub async fn ask(request: &JsValue) -> Result<JsValue, Failure> {
    let session = Session::start()?;
    session.send(request)?;
    session.reply().await
}

/// The two workers an encrypted export uses: one derives the key from the passphrase and writes
/// the file's header, the other encrypts the contents meanwhile, as soon as they are gathered
/// (see `crypto::Contents`). Started when the export page opens, so neither is waited for.
pub struct Sealer {
    header: Session,
    contents: Session,
}

impl Sealer {
    pub fn start() -> Result<Self, Failure> {
        Ok(Self { header: Session::start()?, contents: Session::start()? })
    }

    /// The export file, as the parts of a download: its header, then its encrypted contents.
    /// `plaintext` is awaited while the key is derived.
    pub async fn seal(
        self,
        passphrase: &str,
        plaintext: impl std::future::Future<Output = Result<web_sys::Blob, Failure>>,
    ) -> Result<js_sys::Array, Failure> {
        self.contents.send(&request(&[("op", "contents".into())]))?;
        let file_key = field(&self.contents.reply().await?, "file_key");
        self.header.send(&request(&[
            ("op", "header".into()),
            ("passphrase", passphrase.into()),
            ("file_key", file_key),
        ]))?;
        // A blob is passed by reference: the worker reads the contents' bytes itself.
        self.contents.send(&request(&[("op", "seal".into()), ("plaintext", plaintext.await?.into())]))?;
        let contents = field(&self.contents.reply().await?, "bytes");
        let header = field(&self.header.reply().await?, "header");
        Ok(js_sys::Array::of2(&header, &contents))
    }
}

/// A worker started for one file, stopped when dropped; its refusals read as [`Failure`]s.
struct Session(WorkerSession);

impl Session {
    fn start() -> Result<Self, Failure> {
        WorkerSession::start(WORKER_URL).map(Self).map_err(|_| Failure::Unavailable)
    }

    fn send(&self, request: &JsValue) -> Result<(), Failure> {
        self.0.send(request).map_err(|_| Failure::Unavailable)
    }

    /// The answer to the oldest request not yet answered; the worker's refusal as `Err`.
    async fn reply(&self) -> Result<JsValue, Failure> {
        let reply = self.0.reply().await.map_err(|_| Failure::Unavailable)?;
        if Reflect::get(&reply, &"ok".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
            return Ok(reply);
        }
        if let Ok(failure) = serde_wasm_bindgen::from_value::<WorkerError>(field(&reply, "failure")) {
            return Err(Failure::Worker(failure));
        }
        Err(field(&reply, "error").as_string().map_or(Failure::Unavailable, Failure::Said))
    }
}

/// The bytes as a `Blob`, as a file's contents are handed to the worker.
pub fn blob_of(bytes: &[u8]) -> Result<web_sys::Blob, Failure> {
    web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)))
        .map_err(|_| Failure::NotMade)
}

/// Hands the bytes (one `Uint8Array`, or the parts of a file in order) to the browser as a
/// download with this name.
pub fn download(bytes: &JsValue, name: &str, mime: &str) -> Result<(), Failure> {
    let parts = if bytes.is_array() { bytes.clone().unchecked_into() } else { js_sys::Array::of1(bytes) };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options).map_err(|_| Failure::NotMade)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| Failure::NotMade)?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| Failure::NotSaved)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later: the browser reads the file after this returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}
