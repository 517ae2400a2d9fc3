//! Things on a plan that fall due.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub what: String,
    pub date: NaiveDate,
}

impl DueItem {
    pub fn new(what: String, date: NaiveDate) -> Self {
        Self { what, date }
    }

    /// Due on a day means it can still be done that day.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.date < today
    }
}
