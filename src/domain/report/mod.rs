//! Reports across the caseload: the record kept beside each case for them (`record.rs`), the
//! period they cover (`period.rs`), the figures counted from the records (`figures.rs`), and
//! tables of them as data, hidden small counts and CSV included (`table.rs`).
//! Reports read these small records, never whole cases.

mod figures;
mod period;
mod record;
#[cfg(test)]
mod record_tests;
mod table;
#[cfg(test)]
mod tests;
mod workbook;

pub use figures::*;
pub use period::{Period, Preset};
pub use record::*;
pub use table::*;
pub use workbook::{workbook, Sheet};
