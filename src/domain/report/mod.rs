//! Reports across the caseload: the record kept beside each case for them (`record.rs`), the
//! period they cover (`period.rs`) and the figures counted from the records (`figures.rs`).
//! Reports read these small records, never whole cases.

mod figures;
mod period;
mod record;
#[cfg(test)]
mod tests;

pub use figures::*;
pub use period::{Period, Preset};
pub use record::*;
