//! What a deletion leaves behind. A deleted case leaves a tombstone: its id, when and by whom,
//! and nothing of its content, so that no tab, no closing save, no import and no later sync can
//! bring it back without being told. Its content is kept apart, as "recently deleted", until it
//! is restored or deleted permanently.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::CaseId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: CaseId,
    pub deleted_at: DateTime<Utc>,
    /// The worker's name as the history records it: empty when none was set.
    pub deleted_by: String,
}

impl Tombstone {
    pub fn new(id: CaseId, deleted_at: DateTime<Utc>, deleted_by: &str) -> Self {
        Self { id, deleted_at, deleted_by: deleted_by.trim().to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn a_tombstone_records_who_deleted_without_surrounding_spaces() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(Tombstone::new(Uuid::from_u128(7), at, "  Ana Ruiz ").deleted_by, "Ana Ruiz");
    }

    #[test]
    fn a_tombstone_holds_no_content_of_the_case() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z").unwrap().with_timezone(&Utc);
        let stored = serde_json::to_value(Tombstone::new(Uuid::from_u128(7), at, "")).unwrap();
        let fields: Vec<&String> = stored.as_object().unwrap().keys().collect();
        assert_eq!(fields, ["deleted_at", "deleted_by", "id"]);
    }
}
