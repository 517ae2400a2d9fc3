pub mod confirm;
pub mod fields;
pub mod save_status;
