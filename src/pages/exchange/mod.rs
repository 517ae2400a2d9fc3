//! Export files out of and into this device: encrypted, previewed before anything is written,
//! and written whole or not at all.

mod export;
mod import;
mod preview;

pub use export::ExportPage;
pub use import::ImportPage;
