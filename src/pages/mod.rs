pub mod case_list;
pub mod checklist;
pub mod new_case;
pub mod overview;
pub mod plan;
