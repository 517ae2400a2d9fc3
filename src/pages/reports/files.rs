//! What the report's files follow (small counts hidden or not, the report shown), shared by the
//! file controls and each figure's CSV button, and handing a file to the browser.

use leptos::prelude::*;

use crate::crypto_workers::Failure;
use crate::domain::report::{Period, Report, Table};

/// What the files of the report shown follow, shared with each figure's CSV button.
#[derive(Clone, Copy)]
pub struct Files {
    /// Counts from 1 to 4 hidden in the files.
    pub hide_small: RwSignal<bool>,
    pub report: Memo<Option<Report>>,
    /// Why the last file could not be made.
    pub failed: RwSignal<Option<Failure>>,
}

pub fn use_files() -> Files {
    expect_context::<Files>()
}

/// Hands `bytes` to the browser as a download named `name`.
pub fn save(bytes: &[u8], name: &str, mime: &str) -> Result<(), Failure> {
    let array: wasm_bindgen::JsValue = js_sys::Uint8Array::from(bytes).into();
    crate::crypto_workers::download(&array, name, mime)
}

pub fn span(period: Period) -> String {
    format!("{}-{}", period.from, period.to)
}

pub const CSV: &str = "text/csv;charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// One table as CSV, as the page shows it (small counts hidden if chosen).
pub fn save_table(files: Files, table: &Table) {
    let Some(report) = files.report.get_untracked() else { return };
    let table = if files.hide_small.get_untracked() { table.suppressed() } else { table.clone() };
    let name = format!("homeward-{}-{}.csv", table.id, span(report.period));
    files.failed.set(save(table.to_csv().as_bytes(), &name, CSV).err());
}
