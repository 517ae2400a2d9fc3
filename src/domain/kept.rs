//! Edits that could not be saved when a workspace locked — waiting for the worker's choice
//! between two tabs' changes, or refused by the browser — kept beside the case (sealed, like
//! every record) and offered back once the workspace is unlocked. Put back, they are combined
//! with the case as stored then, the way two tabs' changes are (`concurrent::combine`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::history::diff;
use super::monitoring::Visit;
use super::{Case, CaseId};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptEdits {
    pub id: CaseId,
    /// The case as the editor last read or wrote it: what the edits started from.
    pub base: Case,
    /// The case as it was on screen when the workspace locked.
    pub mine: Case,
    pub kept_at: DateTime<Utc>,
    /// A visit being written when the workspace locked, not yet logged (absent in records
    /// kept before drafts were).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_draft: Option<Visit>,
}

impl KeptEdits {
    pub fn new(base: Case, mine: Case, kept_at: DateTime<Utc>) -> Self {
        Self { id: mine.id, base, mine, kept_at, visit_draft: None }
    }

    /// Keeps the visit being written too, when something is written in it.
    pub fn with_visit_draft(self, draft: Option<Visit>) -> Self {
        Self { visit_draft: draft.filter(Visit::has_notes), ..self }
    }

    /// Whether there is anything to offer back.
    pub fn holds_anything(&self) -> bool {
        self.visit_draft.is_some() || self.base != self.mine
    }

    /// Whether all that was kept is a visit being written: no edit to the case to combine.
    pub fn only_visit_draft(&self) -> bool {
        self.visit_draft.is_some() && self.base == self.mine
    }

    /// How many changes the edits made, for the offer to put them back: each field changed,
    /// and a visit being written counts as one.
    pub fn changes(&self) -> usize {
        diff(&self.base, &self.mine).len() + usize::from(self.visit_draft.is_some())
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

    #[test]
    fn a_visit_being_written_is_kept_with_the_edits_and_counts_as_one_change() {
        let at: DateTime<Utc> = "2026-12-07T10:00:00Z".parse().unwrap();
        let case = Case::start(Uuid::new_v4(), "HW-1", "Child", "Ana Ruiz", at);
        let empty = Visit { visited_by: "Ana Ruiz".into(), ..Visit::default() };
        let nothing = KeptEdits::new(case.clone(), case.clone(), at).with_visit_draft(Some(empty.clone()));
        assert!(!nothing.holds_anything(), "a draft with nothing written in it is not kept");

        let written = Visit { concerns: "Nobody home".into(), ..empty };
        let kept = KeptEdits::new(case.clone(), case.clone(), at).with_visit_draft(Some(written.clone()));
        assert!(kept.holds_anything());
        assert!(kept.only_visit_draft());
        assert_eq!(kept.changes(), 1);
        let mut edited = case.clone();
        edited.plan.child.name = "Lucía".into();
        let both = KeptEdits::new(case.clone(), edited, at).with_visit_draft(Some(written.clone()));
        assert!(!both.only_visit_draft(), "an edit to the case is combined as well");
        assert_eq!(both.changes(), 2);
        let text = serde_json::to_string(&kept).unwrap();
        assert_eq!(serde_json::from_str::<KeptEdits>(&text).unwrap().visit_draft, Some(written));

        // Records kept before drafts were read as keeping none.
        let older = serde_json::to_string(&KeptEdits::new(case.clone(), case, at)).unwrap();
        assert!(!older.contains("visit_draft"));
        assert_eq!(serde_json::from_str::<KeptEdits>(&older).unwrap().visit_draft, None);
    }
}
