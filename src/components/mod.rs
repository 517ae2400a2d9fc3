pub mod case_loader;
pub mod confirm;
pub mod fields;
pub mod focus;
pub mod save_status;
