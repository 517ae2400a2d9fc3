pub mod alert;
pub mod backup_reminder;
pub mod case_loader;
pub mod confirm;
pub mod fields;
pub mod focus;
pub mod near_screen;
pub mod save_status;
