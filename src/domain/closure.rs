//! Closing a case, with its outcome and reason, and reopening it. A closed case is read-only
//! until it is reopened; both are recorded in the history.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::ChecklistItem;
pub use super::choices::ClosureOutcome;
use super::choices::{lenient, Choice, PlanStatus, ReferralStatus};
use super::history::{Event, FieldChange, HistoryEntry};
use super::Case;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closure {
    #[serde(deserialize_with = "lenient")]
    pub outcome: ClosureOutcome,
    pub reason: String,
    pub closed_on: NaiveDate,
    /// Empty when the person had set no name (worded "Unnamed user" when shown).
    pub closed_by: String,
}

/// Something still open when a case is closed. The texts are the worker's own, trimmed; empty
/// when not described.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenItem {
    Need(String),
    Service(String),
    Action(String),
    Referral(String, ReferralStatus),
    Checklist(ChecklistItem),
}

impl OpenItem {
    /// In English: "Protection need: …", "Referral to … (made)".
    pub fn describe(&self) -> String {
        let name = |text: &str| if text.is_empty() { "(not described)".to_string() } else { text.to_string() };
        match self {
            Self::Need(need) => format!("Protection need: {}", name(need)),
            Self::Service(service) => format!("Service: {}", name(service)),
            Self::Action(what) => format!("Action: {}", name(what)),
            Self::Referral(to, status) => format!("Referral to {} ({})", name(to), status.label().to_lowercase()),
            Self::Checklist(item) => format!("Checklist: {}", item.title),
        }
    }
}

/// The kinds of what can still be open, in the order they are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenKind {
    Need,
    Service,
    Action,
    Referral,
    Activity,
}

impl OpenItem {
    pub fn kind(&self) -> OpenKind {
        match self {
            Self::Need(_) => OpenKind::Need,
            Self::Service(_) => OpenKind::Service,
            Self::Action(_) => OpenKind::Action,
            Self::Referral(..) => OpenKind::Referral,
            Self::Checklist(_) => OpenKind::Activity,
        }
    }
}

/// Where a reopening's reason is kept in its history entry, beside the event.
pub const REOPEN_REASON: &str = "reopen.reason";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClosureProblem {
    #[error("Give the reason for closing the case.")]
    NoReason,
    #[error("The case is already closed.")]
    AlreadyClosed,
}

impl Case {
    pub fn is_closed(&self) -> bool {
        self.plan.status == PlanStatus::Closed
    }

    /// What is still open, to show before closing: activities, needs, services, actions not
    /// done, and referrals without an outcome.
    /// How many of each kind are still open, the kinds with none left out: what the question
    /// before closing shows first, the whole list only on asking.
    pub fn open_counts(&self) -> Vec<(OpenKind, usize)> {
        let open = self.open_item_list();
        [OpenKind::Need, OpenKind::Service, OpenKind::Action, OpenKind::Referral, OpenKind::Activity]
            .into_iter()
            .map(|kind| (kind, open.iter().filter(|i| i.kind() == kind).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    pub fn open_items(&self) -> Vec<String> {
        self.open_item_list().iter().map(OpenItem::describe).collect()
    }

    /// What is still open on the plan and the checklist, in the order [`open_items`](Self::open_items) tells it.
    pub fn open_item_list(&self) -> Vec<OpenItem> {
        let plan = &self.plan;
        let name = |text: &str| text.trim().to_string();
        let mut open = Vec::new();
        open.extend(plan.needs.iter().filter(|n| n.status.is_open()).map(|n| OpenItem::Need(name(&n.need))));
        open.extend(
            plan.services
                .iter()
                .filter(|s| s.status.is_open())
                .map(|s| OpenItem::Service(name(if s.description.is_empty() { &s.provider } else { &s.description }))),
        );
        open.extend(plan.actions.iter().filter(|a| a.status.is_open()).map(|a| OpenItem::Action(name(&a.what))));
        open.extend(
            plan.referrals.iter().filter(|r| r.status.is_open()).map(|r| OpenItem::Referral(name(&r.to), r.status)),
        );
        open.extend(self.checklist.items.iter().filter(|i| i.status.is_open()).map(|i| OpenItem::Checklist(i.clone())));
        open
    }

    pub fn close(
        &mut self,
        outcome: ClosureOutcome,
        reason: &str,
        on: NaiveDate,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ClosureProblem> {
        if self.is_closed() {
            return Err(ClosureProblem::AlreadyClosed);
        }
        if reason.trim().is_empty() {
            return Err(ClosureProblem::NoReason);
        }
        self.plan.status = PlanStatus::Closed;
        self.closure =
            Some(Closure { outcome, reason: reason.trim().to_string(), closed_on: on, closed_by: by.to_string() });
        self.history.push(HistoryEntry::event(
            now,
            by,
            "case",
            Event::Closed { outcome, reason: reason.trim().to_string() },
        ));
        Ok(())
    }

    /// Opens a closed case again, as an active plan; the closure stays in the history, and the
    /// reason given (the interface asks for one) beside the reopening.
    pub fn reopen(&mut self, reason: &str, by: &str, now: DateTime<Utc>) {
        if !self.is_closed() {
            return;
        }
        self.plan.status = PlanStatus::Active;
        self.closure = None;
        let mut entry = HistoryEntry::event(now, by, "case", Event::Reopened);
        if !reason.trim().is_empty() {
            entry.changes.push(FieldChange::added(REOPEN_REASON, serde_json::Value::String(reason.trim().to_string())));
        }
        self.history.push(entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::ChecklistStatus;
    use crate::domain::{Action, ItemStatus, PlacementType};
    use uuid::Uuid;

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn closing_lists_what_is_open_needs_a_reason_and_is_recorded() {
        let mut case = Case::new(Uuid::new_v4(), "HW-1".into(), now());
        case.set_pathway(Some(PlacementType::Kinship));
        let total = case.checklist.items.len();
        case.checklist.items[0].status = ChecklistStatus::Done;
        case.plan.actions.push(Action { what: "Visit school".into(), ..Action::default() });
        case.plan.actions.push(Action { what: "Done already".into(), status: ItemStatus::Done, ..Action::default() });
        let open = case.open_items();
        assert_eq!(open.len(), 1 + total - 1);
        assert_eq!(open[0], "Action: Visit school");

        let today = now().date_naive();
        assert_eq!(case.close(ClosureOutcome::Kinship, "  ", today, "Ana", now()), Err(ClosureProblem::NoReason));
        assert!(!case.is_closed());
        let before = case.clone();
        case.close(ClosureOutcome::Kinship, "Living with her aunt, stable for six months", today, "Ana", now())
            .unwrap();
        assert!(crate::domain::history::diff(&before, &case).is_empty(), "the closing entry says it all");
        assert!(case.is_closed());
        assert_eq!(case.closure.as_ref().unwrap().outcome, ClosureOutcome::Kinship);
        assert_eq!(
            case.history.0.last().unwrap().event,
            Some(Event::Closed {
                outcome: ClosureOutcome::Kinship,
                reason: "Living with her aunt, stable for six months".into()
            })
        );
        assert_eq!(case.close(ClosureOutcome::Other, "again", today, "Ana", now()), Err(ClosureProblem::AlreadyClosed));

        case.reopen(" The school reports new concerns. ", "Marc", now());
        assert!(!case.is_closed());
        assert_eq!(case.plan.status, PlanStatus::Active);
        assert!(case.closure.is_none());
        let reopened = case.history.0.last().unwrap();
        assert_eq!(reopened.event, Some(Event::Reopened));
        assert_eq!(reopened.by, "Marc");
        assert_eq!(
            reopened.changes,
            [FieldChange::added(REOPEN_REASON, "The school reports new concerns.".into())],
            "the reason is kept with the reopening"
        );
    }

    #[test]
    fn open_items_are_told_from_their_kinds() {
        let mut case = Case::new(Uuid::new_v4(), "HW-1".into(), now());
        case.plan.actions.push(Action { what: "  ".into(), ..Action::default() });
        case.plan.referrals.push(crate::domain::Referral {
            to: "Clinic".into(),
            status: ReferralStatus::Made,
            ..Default::default()
        });
        let kinds = case.open_item_list();
        assert_eq!(kinds, [OpenItem::Action(String::new()), OpenItem::Referral("Clinic".into(), ReferralStatus::Made)]);
        assert_eq!(case.open_items(), ["Action: (not described)", "Referral to Clinic (made)"]);
        case.set_pathway(Some(PlacementType::Kinship));
        let activities = case.checklist.items.len();
        assert_eq!(
            case.open_counts(),
            [(OpenKind::Action, 1), (OpenKind::Referral, 1), (OpenKind::Activity, activities)],
            "counted by kind, none of a kind left out"
        );
    }
}
