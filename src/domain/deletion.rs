//! What a deletion leaves behind. A deleted case leaves a tombstone: its id, when and by whom,
//! and nothing of its content, so that no tab, no closing save, no import and no later sync can
//! bring it back without being told. Its content is kept apart, as "recently deleted", until it
//! is restored or deleted permanently.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::CaseId;

/// How long a deleted case can be restored.
pub const RESTORABLE_FOR_DAYS: i64 = 30;

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

    /// Whether the content kept beside it may still be restored at `now`.
    pub fn restorable_at(&self, now: DateTime<Utc>) -> bool {
        now < self.deleted_at + Duration::days(RESTORABLE_FOR_DAYS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn a_deleted_case_can_be_restored_for_thirty_days_and_not_after() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z").unwrap().with_timezone(&Utc);
        let stone = Tombstone::new(Uuid::from_u128(7), at, "  Ana Ruiz ");
        assert_eq!(stone.deleted_by, "Ana Ruiz");
        assert!(stone.restorable_at(at + Duration::days(29)));
        assert!(!stone.restorable_at(at + Duration::days(30)));
    }

    #[test]
    fn a_tombstone_holds_no_content_of_the_case() {
        let at = DateTime::parse_from_rfc3339("2026-12-06T10:00:00Z").unwrap().with_timezone(&Utc);
        let stored = serde_json::to_value(Tombstone::new(Uuid::from_u128(7), at, "")).unwrap();
        let fields: Vec<&String> = stored.as_object().unwrap().keys().collect();
        assert_eq!(fields, ["deleted_at", "deleted_by", "id"]);
    }
}
