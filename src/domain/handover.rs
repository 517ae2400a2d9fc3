//! Handing a case to another case worker: a guided step with the new worker's details, the
//! date, a note, and a short checklist, so that nothing the old worker knew is lost. The plan
//! names the current worker; earlier workers and their periods are kept.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use super::choices::HandoverPoint;
use super::history::{Event, HistoryEntry};
use super::plan::CaseWorker;
use super::Case;

/// The path of a handover's note in its history entry.
pub const HANDOVER_NOTE: &str = "handover.note";

/// One change of case worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Handover {
    pub id: Uuid,
    pub on: Option<NaiveDate>,
    /// The worker who handed the case over, with the date they had taken it on.
    pub from: CaseWorker,
    pub to: CaseWorker,
    pub note: String,
    pub plan_reviewed: bool,
    pub child_and_family_told: bool,
    pub referrals_and_needs_reviewed: bool,
}

impl Default for Handover {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            on: None,
            from: CaseWorker::default(),
            to: CaseWorker::default(),
            note: String::new(),
            plan_reviewed: false,
            child_and_family_told: false,
            referrals_and_needs_reviewed: false,
        }
    }
}

/// The handover checklist, as the worker reads it in English, in the order of [`HandoverPoint::ALL`].
pub const CHECKLIST: [&str; 3] = [
    "The plan was reviewed with the new case worker",
    "The child and the family were told who their new case worker is",
    "Open referrals and urgent needs were reviewed together",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandoverProblem {
    #[error("Name the new case worker.")]
    NoName,
    #[error("The new case worker is already responsible for this case.")]
    SameWorker,
    #[error("Enter the date of the handover.")]
    NoDate,
    #[error("A handover is recorded once it has happened: the date cannot be in the future.")]
    FutureDate,
    #[error("Write a handover note: what the new case worker needs to know.")]
    NoNote,
}

impl Handover {
    /// Whether each point of [`CHECKLIST`] was done, in its order.
    pub fn checklist_done(&self) -> [bool; 3] {
        [self.plan_reviewed, self.child_and_family_told, self.referrals_and_needs_reviewed]
    }

    /// The checklist points left undone.
    pub fn undone(&self) -> Vec<HandoverPoint> {
        let done = self.checklist_done();
        HandoverPoint::ALL.into_iter().zip(done).filter(|(_, d)| !d).map(|(point, _)| point).collect()
    }
}

impl HandoverProblem {
    /// The handover form's field the problem is about, so it is shown beside it.
    pub fn field(&self) -> &'static str {
        match self {
            Self::NoName | Self::SameWorker => "handover.name",
            Self::NoDate | Self::FutureDate => "handover.on",
            Self::NoNote => "handover.note",
        }
    }
}

impl Case {
    /// Every reason `handover` cannot be recorded yet, in the form's order, so all are shown
    /// at once.
    pub fn handover_problems(&self, handover: &Handover, now: DateTime<Utc>) -> Vec<HandoverProblem> {
        let mut problems = Vec::new();
        let name = handover.to.name.trim();
        if name.is_empty() {
            problems.push(HandoverProblem::NoName);
        } else if name.eq_ignore_ascii_case(self.plan.worker.name.trim()) {
            problems.push(HandoverProblem::SameWorker);
        }
        match handover.on {
            None => problems.push(HandoverProblem::NoDate),
            // A day's grace: the device's day may be ahead of UTC.
            Some(on) if on > (now + chrono::Duration::days(1)).date_naive() => {
                problems.push(HandoverProblem::FutureDate)
            }
            Some(_) => {}
        }
        if handover.note.trim().is_empty() {
            problems.push(HandoverProblem::NoNote);
        }
        problems
    }

    /// Makes `handover.to` the case worker from its date on, keeping the one before in the
    /// handovers and the history.
    pub fn hand_over(&mut self, mut handover: Handover, by: &str, now: DateTime<Utc>) -> Result<(), HandoverProblem> {
        if let Some(first) = self.handover_problems(&handover, now).into_iter().next() {
            return Err(first);
        }
        let (Some(on), name) = (handover.on, handover.to.name.trim().to_string()) else {
            return Err(HandoverProblem::NoDate);
        };
        handover.from = self.plan.worker.clone();
        handover.to.name = name;
        handover.to.since = Some(on);
        let event = Event::HandedOver {
            from: handover.from.name.clone(),
            to: handover.to.name.clone(),
            not_done: handover.undone(),
        };
        let mut entry = HistoryEntry::event(now, by, "worker", event);
        entry.changes.push(super::history::FieldChange::added(
            HANDOVER_NOTE,
            serde_json::Value::String(handover.note.trim().to_string()),
        ));
        self.plan.worker = handover.to.clone();
        self.handovers.push(handover);
        self.history.push(entry);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-23T10:00:00Z".parse().unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_handover_names_the_new_worker_and_keeps_the_old_one_with_their_period() {
        let mut case = Case::new(Uuid::new_v4(), "HW-1".into(), now());
        case.plan.worker = CaseWorker {
            name: "Ana Ruiz".into(),
            contact: "ana@example.org".into(),
            since: Some(d("2026-03-01")),
            ..CaseWorker::default()
        };
        let mut handover = Handover {
            on: Some(d("2026-11-20")),
            note: "Grandmother prefers calls after 6 pm.".into(),
            plan_reviewed: true,
            ..Handover::default()
        };
        handover.to =
            CaseWorker { name: " Marc Dubois ".into(), contact: "marc@example.org".into(), ..CaseWorker::default() };
        let before = case.clone();
        case.hand_over(handover, "Ana Ruiz", now()).unwrap();
        assert_eq!((case.plan.worker.name.as_str(), case.plan.worker.since), ("Marc Dubois", Some(d("2026-11-20"))));
        let past = &case.handovers[0];
        assert_eq!(
            (past.from.name.as_str(), past.from.since, past.on),
            ("Ana Ruiz", Some(d("2026-03-01")), Some(d("2026-11-20")))
        );
        let entry = case.history.0.last().unwrap();
        assert_eq!(
            entry.event,
            Some(Event::HandedOver {
                from: "Ana Ruiz".into(),
                to: "Marc Dubois".into(),
                not_done: vec![HandoverPoint::ChildAndFamilyTold, HandoverPoint::ReferralsAndNeedsReviewed],
            })
        );
        assert_eq!(entry.changes[0].new, "Grandmother prefers calls after 6 pm.");
        // The worker change itself is told by the entry, not again as field edits.
        assert!(crate::domain::history::diff(&before, &case).is_empty());
    }

    #[test]
    fn a_handover_needs_a_new_name_a_date_and_a_note() {
        let mut case = Case::new(Uuid::new_v4(), "HW-1".into(), now());
        case.plan.worker.name = "Ana Ruiz".into();
        let ask = |to: &str, on: Option<NaiveDate>, note: &str| Handover {
            on,
            note: note.into(),
            to: CaseWorker { name: to.into(), ..CaseWorker::default() },
            ..Handover::default()
        };
        assert_eq!(
            case.clone().hand_over(ask(" ", Some(d("2026-11-20")), "n"), "x", now()),
            Err(HandoverProblem::NoName)
        );
        assert_eq!(
            case.clone().hand_over(ask("ana ruiz", Some(d("2026-11-20")), "n"), "x", now()),
            Err(HandoverProblem::SameWorker)
        );
        assert_eq!(case.clone().hand_over(ask("Marc", None, "n"), "x", now()), Err(HandoverProblem::NoDate));
        assert_eq!(
            case.clone().hand_over(ask("Marc", Some(d("2026-11-20")), " "), "x", now()),
            Err(HandoverProblem::NoNote)
        );
        assert_eq!(
            case.clone().hand_over(ask("Marc", Some(d("2026-12-20")), "n"), "x", now()),
            Err(HandoverProblem::FutureDate)
        );
    }

    #[test]
    fn every_problem_of_a_handover_is_told_at_once_with_its_field() {
        let mut case = Case::new(Uuid::new_v4(), "HW-1".into(), now());
        case.plan.worker.name = "Ana Ruiz".into();
        let empty = Handover::default();
        let problems = case.handover_problems(&empty, now());
        assert_eq!(problems, [HandoverProblem::NoName, HandoverProblem::NoDate, HandoverProblem::NoNote]);
        let fields: Vec<_> = problems.iter().map(HandoverProblem::field).collect();
        assert_eq!(fields, ["handover.name", "handover.on", "handover.note"]);
        let mut late = Handover { on: Some(d("2026-12-20")), note: "n".into(), ..Handover::default() };
        late.to.name = "ANA RUIZ".into();
        assert_eq!(case.handover_problems(&late, now()), [HandoverProblem::SameWorker, HandoverProblem::FutureDate]);
        late.to.name = "Marc".into();
        late.on = Some(d("2026-11-20"));
        assert!(case.handover_problems(&late, now()).is_empty());
    }
}
