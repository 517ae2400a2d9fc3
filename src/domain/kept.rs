//! Edits that could not be saved when a workspace locked — waiting for the worker's choice
//! between two tabs' changes, or refused by the browser — kept beside the case (sealed, like
//! every record) and offered back once the workspace is unlocked. Put back, they are combined
//! with the case as stored then, the way two tabs' changes are (`concurrent::combine`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::history::diff;
use super::{Case, CaseId};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptEdits {
    pub id: CaseId,
    /// The case as the editor last read or wrote it: what the edits started from.
    pub base: Case,
    /// The case as it was on screen when the workspace locked.
    pub mine: Case,
    pub kept_at: DateTime<Utc>,
}

impl KeptEdits {
    pub fn new(base: Case, mine: Case, kept_at: DateTime<Utc>) -> Self {
        Self { id: mine.id, base, mine, kept_at }
    }

    /// How many fields the edits changed, for the offer to put them back.
    pub fn changes(&self) -> usize {
        diff(&self.base, &self.mine).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::concurrent::{combine, Prefer};
    use uuid::Uuid;

    #[test]
    fn kept_edits_put_back_over_a_case_saved_since_keep_both_changes() {
        let at: DateTime<Utc> = "2026-12-07T10:00:00Z".parse().unwrap();
        let base = Case::start(Uuid::new_v4(), "HW-1", "Child", "Ana Ruiz", at);
        let mut mine = base.clone();
        mine.plan.child.name = "Lucía".into();
        mine.plan.placement.caregivers = "Aunt Rosa".into();
        let kept = KeptEdits::new(base.clone(), mine, at);
        assert_eq!((kept.id, kept.changes()), (base.id, 2));
        let text = serde_json::to_string(&kept).unwrap();
        assert_eq!(serde_json::from_str::<KeptEdits>(&text).unwrap(), kept, "reads back as stored");

        // Saved in another tab after the lock: a different field.
        let mut theirs = base.clone();
        theirs.plan.worker.name = "Marc Dubois".into();
        theirs.revision += 1;
        let combined = combine(&kept.base, &kept.mine, &theirs, Prefer::Mine);
        assert!(combined.conflicts.is_empty());
        assert_eq!(
            (combined.case.plan.child.name.as_str(), combined.case.plan.placement.caregivers.as_str()),
            ("Lucía", "Aunt Rosa")
        );
        assert_eq!(combined.case.plan.worker.name, "Marc Dubois");
    }
}
