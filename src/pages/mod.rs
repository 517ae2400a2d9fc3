pub mod case_list;
pub mod checklist;
pub mod exchange;
pub mod new_case;
pub mod overview;
pub mod plan;
pub mod storage;
pub mod profile;
