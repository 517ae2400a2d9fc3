pub mod case_list;
pub mod new_case;
pub mod plan;
