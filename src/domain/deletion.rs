//! What a deletion leaves behind. A deleted case leaves a tombstone: its id, when and by whom,
//! and nothing of its content, so that no tab, no closing save, no import and no later sync can
//! bring it back without being told. Its content is kept apart, as "recently deleted", until it
//! is restored or deleted permanently.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::history::{Event, HistoryEntry};
use super::{Case, CaseId};

/// How long a deleted case's content is kept to be restored; after that it is erased.
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

    /// Until when the case can be restored; its content is erased then.
    pub fn restorable_until(&self) -> DateTime<Utc> {
        self.deleted_at + Duration::days(RESTORABLE_FOR_DAYS)
    }

    /// Whether the case's content is still to be kept at `now`.
    pub fn is_restorable(&self, now: DateTime<Utc>) -> bool {
        now < self.restorable_until()
    }
}

/// A case deleted on this device whose content is still kept, to be restored.
#[derive(Debug, Clone, PartialEq)]
pub struct RecentlyDeleted {
    pub tombstone: Tombstone,
    pub case: Case,
}

/// The recently deleted cases as listed: the most recently deleted first, and only those still
/// restorable at `now` (one past its time is erased at the next opening, not shown meanwhile).
pub fn listed(mut deleted: Vec<RecentlyDeleted>, now: DateTime<Utc>) -> Vec<RecentlyDeleted> {
    deleted.retain(|d| d.tombstone.is_restorable(now));
    deleted.sort_by_key(|d| std::cmp::Reverse(d.tombstone.deleted_at));
    deleted
}

/// The case as it comes back: as it was deleted, with a new revision so that every tab and any
/// later sync takes it for the newest version. Its history tells both steps: the deletion (when
/// and by whom, from the tombstone) and the restore.
pub fn restored(mut case: Case, tombstone: &Tombstone, now: DateTime<Utc>, by: &str) -> Case {
    case.history.push(HistoryEntry::event(tombstone.deleted_at, &tombstone.deleted_by, "case", Event::Deleted));
    case.history.push(HistoryEntry::event(now, by, "case", Event::Restored));
    case.touch(now);
    case
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn deleted(n: u128, when: &str) -> RecentlyDeleted {
        let case = Case::new(Uuid::from_u128(n), format!("C-{n}"), at("2026-01-01T00:00:00Z"));
        RecentlyDeleted { tombstone: Tombstone::new(case.id, at(when), "Ana"), case }
    }

    #[test]
    fn a_deleted_case_can_be_restored_for_thirty_days_and_not_a_moment_longer() {
        let t = Tombstone::new(Uuid::from_u128(1), at("2026-11-01T09:00:00Z"), "Ana");
        assert_eq!(t.restorable_until(), at("2026-12-01T09:00:00Z"));
        assert!(t.is_restorable(at("2026-12-01T08:59:59Z")));
        assert!(!t.is_restorable(at("2026-12-01T09:00:00Z")));
    }

    #[test]
    fn the_list_shows_the_most_recently_deleted_first_and_leaves_out_what_is_past_its_time() {
        let now = at("2026-12-06T12:00:00Z");
        let shown = listed(
            vec![
                deleted(1, "2026-12-01T10:00:00Z"),
                deleted(2, "2026-10-01T10:00:00Z"),
                deleted(3, "2026-12-05T10:00:00Z"),
            ],
            now,
        );
        let order: Vec<u128> = shown.iter().map(|d| d.case.id.as_u128()).collect();
        assert_eq!(order, [3, 1]);
    }

    #[test]
    fn a_restored_case_reads_as_newer_than_the_one_deleted() {
        let gone = deleted(1, "2026-12-01T10:00:00Z");
        let back = restored(gone.case.clone(), &gone.tombstone, at("2026-12-06T12:00:00Z"), "Ben");
        assert_eq!(back.revision, gone.case.revision + 1);
        assert_ne!(back.version, gone.case.version);
        assert_eq!(back.plan, gone.case.plan);
    }

    /// A restored case's history went straight from its last edit to its next one, as if it had
    /// never been gone.
    #[test]
    fn a_restored_case_records_its_deletion_and_its_restore() {
        let gone = deleted(1, "2026-12-01T10:00:00Z");
        let back = restored(gone.case.clone(), &gone.tombstone, at("2026-12-06T12:00:00Z"), "Ben");
        let told: Vec<_> = back.history.0[gone.case.history.0.len()..]
            .iter()
            .map(|e| (e.event.clone(), e.at, e.by.as_str(), e.area.as_str()))
            .collect();
        assert_eq!(
            told,
            [
                (Some(Event::Deleted), at("2026-12-01T10:00:00Z"), "Ana", "case"),
                (Some(Event::Restored), at("2026-12-06T12:00:00Z"), "Ben", "case"),
            ]
        );
    }

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
