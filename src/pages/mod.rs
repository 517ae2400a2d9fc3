//! One module per screen. A page imports context, components, the editor, the domain and
//! storage, never the shell (`crate::app`) and never another page.

pub mod case;
pub mod case_list;
pub mod deleted;
pub mod demo;
pub mod exchange;
pub mod new_case;
pub mod opening;
pub mod overview;
pub mod print;
pub mod profile;
pub mod reports;
pub mod storage;
