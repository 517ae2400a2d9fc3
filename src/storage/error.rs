//! What can go wrong with the browser's storage, told in words a case worker can act on.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error("The device is out of storage space, so this change was not saved. Free some space or export and remove closed cases, then try again.")]
    QuotaExceeded,
    #[error(
        "Homeward is open in another tab with an older version. Close the other Homeward tabs, then reload this one."
    )]
    Blocked,
    #[error("A newer version of Homeward was opened in another tab, so this tab can no longer save. Reload this tab; a change that was not saved is still on screen until you do.")]
    Superseded,
    #[error("This case was changed in another tab or window after you opened it, so your change was not saved over that one. Reload to see the other change; until then your change stays on screen to copy.")]
    ChangedElsewhere,
    #[error("This case was deleted in another tab or window, so your change could not be saved. It stays on screen until you leave, if you need to copy it.")]
    Deleted,
    #[error("The browser stopped the save before it finished ({0}). Nothing was changed; try again.")]
    Aborted(String),
    #[error("This browser does not allow Homeward to store data (private mode or storage turned off). Open Homeward in a normal window with site data allowed, then reload ({0}).")]
    Unavailable(String),
    #[error("The cases on this device were stored by an earlier version of Homeward, and the part of Homeward that brings them up to date could not be loaded. Connect to the internet, then reload.")]
    Outdated,
    #[error("This workspace is locked. Unlock it with your passphrase to go on; nothing was changed.")]
    Locked,
    #[error("A stored case could not be read ({0}).")]
    Corrupt(String),
    #[error("The browser's storage reported an error: {0}")]
    Other(String),
}

/// Where an error happened: the same DOMException means different things while opening the
/// database (storage refused altogether) and while using it (a single operation failed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Opening,
    InUse,
}

impl StorageError {
    /// Classifies anything IndexedDB throws or reports: a `DOMException` (or `Error`) by its
    /// `name`; any other value is kept as text so the cause is never lost.
    pub fn from_js(value: &JsValue, stage: Stage) -> Self {
        let field = |key: &str| {
            if !value.is_object() {
                return None;
            }
            Reflect::get(value, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
        };
        match field("name") {
            Some(name) => Self::from_dom_name(&name, &field("message").unwrap_or_default(), stage),
            None => Self::Other(value.as_string().unwrap_or_else(|| format!("{value:?}"))),
        }
    }

    /// Classifies a DOMException by its `name` (the stable part; messages differ by browser).
    pub fn from_dom_name(name: &str, message: &str, stage: Stage) -> Self {
        let detail = if message.trim().is_empty() { name.to_string() } else { format!("{name}: {message}") };
        match (name, stage) {
            ("QuotaExceededError", _) => Self::QuotaExceeded,
            // The database on disk is newer than this page's code, i.e. another tab upgraded it.
            ("VersionError", _) => Self::Superseded,
            ("AbortError" | "TransactionInactiveError" | "TimeoutError", _) => Self::Aborted(detail),
            // Firefox private windows, disabled site data and broken profiles all refuse the open.
            (
                "InvalidStateError" | "SecurityError" | "UnknownError" | "NotAllowedError" | "NotSupportedError",
                Stage::Opening,
            ) => Self::Unavailable(detail),
            _ => Self::Other(detail),
        }
    }
}

/// Turns a failed serde conversion of a stored record into an error naming the record.
pub(crate) fn corrupt(what: &str, err: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt(format!("{what}: {err}"))
}

/// An exception thrown by an operation on an open database (a synchronous `put`, say).
impl From<JsValue> for StorageError {
    fn from(value: JsValue) -> Self {
        Self::from_js(&value, Stage::InUse)
    }
}
