//! The small record kept beside each case for the reports: what they count, with the days things
//! changed, so a period in the past is counted as it was then. Derived from the whole case (its
//! history included) on every save, like the summary and the deadlines.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::checklist::{Milestone, MilestoneStatus, Theme};
use crate::domain::choices::{Choice, ClosureOutcome, PlacementType, PlanStatus, ReferralStatus, ServiceType};
use crate::domain::history::{Event, HistoryEntry};
use crate::domain::monitoring::VisitFrequency;
use crate::domain::{Case, CaseId};

/// The day an instant fell on, where the record is read.
type Day<'a> = dyn Fn(DateTime<Utc>) -> NaiveDate + 'a;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRecord {
    pub id: CaseId,
    /// For the case-level file, which names each case by its number (never by the child's name).
    #[serde(default)]
    pub case_number: String,
    /// The day the case entered the caseload: the plan's start or the day the case was recorded,
    /// whichever is earlier.
    pub opened_on: NaiveDate,
    #[serde(default)]
    pub plan_start: Option<NaiveDate>,
    /// The case worker now; the reports' filter and the overdue items go by this name.
    #[serde(default)]
    pub worker: String,
    pub pathway: Changing<Option<PlacementType>>,
    /// Draft or active, apart from closures (which [`closures`](Self::closures) tells).
    pub status: Changing<PlanStatus>,
    #[serde(default)]
    pub closures: Vec<ClosureSpan>,
    /// The milestones ever reached, with the days they were.
    #[serde(default)]
    pub milestones: Vec<MilestoneSpans>,
    #[serde(default)]
    pub visit_frequency: Option<VisitFrequency>,
    /// The days of logged visits, and of the last visit entered before the log.
    #[serde(default)]
    pub visits: Vec<NaiveDate>,
    #[serde(default)]
    pub referrals: Vec<ReferralRecord>,
    /// Checklist activities by theme, as they stand now.
    #[serde(default)]
    pub themes: Vec<ThemeCount>,
    /// The days of everything open on the plan and the checklist that carries one.
    #[serde(default)]
    pub open_due: Vec<NaiveDate>,
}

/// A value now, and what it was before each change: `(the day it changed, the value until
/// then)`, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changing<T> {
    pub now: T,
    #[serde(default)]
    pub before: Vec<(NaiveDate, T)>,
}

impl<T: Copy> Changing<T> {
    /// The value at the end of `day`.
    pub fn on(&self, day: NaiveDate) -> T {
        self.before.iter().find(|(changed, _)| *changed > day).map_or(self.now, |(_, value)| *value)
    }
}

/// A time the case was closed: from the day it closed until the day it was reopened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosureSpan {
    pub closed_on: NaiveDate,
    #[serde(default)]
    pub reopened_on: Option<NaiveDate>,
    /// None when the case was closed without one being recorded.
    #[serde(default)]
    pub outcome: Option<ClosureOutcome>,
}

impl ClosureSpan {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.closed_on <= day && self.reopened_on.is_none_or(|reopened| reopened > day)
    }
}

/// From the day a milestone was reached (none when no day was recorded) until the day it was
/// set back (none while it stays reached).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Span {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= day) && self.until.is_none_or(|until| until > day)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneSpans {
    pub milestone: Milestone,
    pub reached: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralRecord {
    #[serde(default)]
    pub kind: Option<ServiceType>,
    #[serde(default)]
    pub urgent: bool,
    pub status: ReferralStatus,
    /// When it was made, else when it is planned for.
    #[serde(default)]
    pub dated: Option<NaiveDate>,
    #[serde(default)]
    pub made_on: Option<NaiveDate>,
    /// The first day the service accepted, completed or declined it.
    #[serde(default)]
    pub answered_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeCount {
    pub theme: Theme,
    pub applicable: u32,
    pub done: u32,
}

impl ReportRecord {
    /// Closed at the end of `day`.
    pub fn closed_on(&self, day: NaiveDate) -> bool {
        self.closures.iter().any(|c| c.covers(day))
    }

    /// The closure that covers `day`.
    pub fn closure_on(&self, day: NaiveDate) -> Option<&ClosureSpan> {
        self.closures.iter().rev().find(|c| c.covers(day))
    }

    /// In the caseload and not closed at the end of `day`.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.opened_on <= day && !self.closed_on(day)
    }

    pub fn reached_on(&self, milestone: Milestone, day: NaiveDate) -> bool {
        self.spans(milestone).iter().any(|s| s.covers(day))
    }

    /// The day the child was placed or transitioned (the fifth milestone), if reached by `day`:
    /// `Some(None)` when reached on a day not recorded.
    pub fn placed_by(&self, day: NaiveDate) -> Option<Option<NaiveDate>> {
        self.spans(Milestone::Placed).iter().rev().find(|s| s.covers(day)).map(|s| s.from)
    }

    fn spans(&self, milestone: Milestone) -> &[Span] {
        self.milestones.iter().find(|m| m.milestone == milestone).map_or(&[], |m| &m.reached)
    }
}

impl Case {
    /// What the reports count of this case, its days as this device's clock reads them (the
    /// days a worker gives and "today" are that clock's too).
    pub fn report_record(&self) -> ReportRecord {
        self.report_record_in(&Local)
    }

    /// What the reports count of this case, its days as they were in `zone`.
    pub fn report_record_in<Tz: TimeZone>(&self, zone: &Tz) -> ReportRecord {
        let day = |at: DateTime<Utc>| at.with_timezone(zone).date_naive();
        let mut entries: Vec<&HistoryEntry> = self.history.0.iter().collect();
        entries.sort_by_key(|e| e.at);
        let plan = &self.plan;
        let recorded = day(self.created_at);
        ReportRecord {
            id: self.id,
            case_number: self.case_number.clone(),
            opened_on: plan.start_date.map_or(recorded, |start| start.min(recorded)),
            plan_start: plan.start_date,
            worker: plan.worker.name.trim().to_string(),
            pathway: changing(&entries, &day, "plan.placement.kind", plan.placement.kind, |v| {
                Some(v.as_str().and_then(PlacementType::from_key))
            }),
            status: self.status_changes(&entries, &day),
            closures: self.closure_spans(&entries, &day),
            milestones: Milestone::ALL
                .iter()
                .map(|&m| MilestoneSpans { milestone: m, reached: self.milestone_spans(&entries, &day, m) })
                .filter(|m| !m.reached.is_empty())
                .collect(),
            visit_frequency: plan.monitoring.frequency,
            visits: plan.monitoring.visits.iter().filter_map(|v| v.date).chain(plan.monitoring.last_visit).collect(),
            referrals: plan
                .referrals
                .iter()
                .map(|r| ReferralRecord {
                    kind: r.kind,
                    urgent: r.urgent,
                    status: r.status,
                    dated: r.made_on().or(r.date),
                    made_on: (r.status != ReferralStatus::Planned).then(|| r.made_on()).flatten(),
                    answered_on: r
                        .status_changes
                        .iter()
                        .find(|c| {
                            matches!(
                                c.status,
                                ReferralStatus::Accepted | ReferralStatus::Completed | ReferralStatus::Declined
                            )
                        })
                        .map(|c| c.on),
                })
                .collect(),
            themes: Theme::ALL
                .iter()
                .map(|&theme| {
                    let of_theme = || self.checklist.items.iter().filter(move |i| i.theme() == theme && i.applies());
                    ThemeCount {
                        theme,
                        applicable: of_theme().count() as u32,
                        done: of_theme().filter(|i| i.is_done()).count() as u32,
                    }
                })
                .filter(|t| t.applicable > 0)
                .collect(),
            open_due: self.due_items().iter().map(|i| i.date).collect(),
        }
    }

    /// The plan's status apart from closures, from its changes in the history: a closure keeps
    /// the status the plan was closed from, and a reopening makes the plan active.
    fn status_changes(&self, entries: &[&HistoryEntry], day: &Day) -> Changing<PlanStatus> {
        const PATH: &str = "plan.status";
        let read = |v: &Value| v.as_str().and_then(PlanStatus::from_key).filter(|s| *s != PlanStatus::Closed);
        // Until the history tells a change, the plan was as the first change found it; with no
        // change told before a reopening, as a new case's plan starts.
        let first_told = entries.iter().find_map(|e| match e.event {
            Some(Event::Reopened) => Some(None),
            _ => e.changes.iter().find(|c| c.path == PATH).map(|c| read(&c.old)),
        });
        let untold =
            entries.iter().all(|e| e.event != Some(Event::Reopened) && e.changes.iter().all(|c| c.path != PATH));
        let mut current = match first_told {
            Some(Some(status)) => status,
            _ if untold => Some(self.plan.status).filter(|s| *s != PlanStatus::Closed).unwrap_or_default(),
            _ => PlanStatus::default(),
        };
        let mut before = Vec::new();
        for entry in entries {
            let reopened = (entry.event == Some(Event::Reopened)).then_some(PlanStatus::Active);
            let changed = entry.changes.iter().filter(|c| c.path == PATH).filter_map(|c| read(&c.new));
            for status in reopened.into_iter().chain(changed) {
                if status != current {
                    before.push((day(entry.at), current));
                    current = status;
                }
            }
        }
        let now = if self.plan.status == PlanStatus::Closed { current } else { self.plan.status };
        Changing { now, before }
    }

    /// Closings and reopenings from the history; the closure in force has the day the worker gave,
    /// or the day of the last reopening if it gave one before that.
    fn closure_spans(&self, entries: &[&HistoryEntry], day: &Day) -> Vec<ClosureSpan> {
        let mut spans: Vec<ClosureSpan> = Vec::new();
        for entry in entries {
            let day = day(entry.at);
            match &entry.event {
                Some(Event::Closed { outcome, .. }) => {
                    spans.push(ClosureSpan { closed_on: day, reopened_on: None, outcome: Some(*outcome) })
                }
                Some(Event::Reopened) => {
                    if let Some(last) = spans.last_mut().filter(|s| s.reopened_on.is_none()) {
                        last.reopened_on = Some(day);
                    }
                }
                _ => {}
            }
        }
        let still_open = spans.last().is_some_and(|s| s.reopened_on.is_none());
        match (&self.closure, self.plan.status == PlanStatus::Closed) {
            (Some(closure), _) => {
                if still_open {
                    spans.pop();
                }
                let last_reopened = spans.iter().filter_map(|s| s.reopened_on).max();
                let closed_on = last_reopened.map_or(closure.closed_on, |r| closure.closed_on.max(r));
                spans.push(ClosureSpan { closed_on, reopened_on: None, outcome: Some(closure.outcome) });
            }
            (None, true) if !still_open => {
                spans.push(ClosureSpan { closed_on: day(self.updated_at), reopened_on: None, outcome: None })
            }
            (None, true) => {}
            // Open now, though the history never told the reopening: that closure did not last.
            (None, false) if still_open => {
                spans.pop();
            }
            (None, false) => {}
        }
        // A reopening recorded before a closing day the worker gave later (a backdated closure):
        // closed and reopened the same day, not a closure at all.
        spans.retain(|s| s.reopened_on.is_none_or(|r| r > s.closed_on));
        spans
    }

    /// When `milestone` was reached and set back, from its changes in the history; the time it is
    /// reached now starts on the day the worker gave.
    fn milestone_spans(&self, entries: &[&HistoryEntry], day: &Day, milestone: Milestone) -> Vec<Span> {
        let status_path = format!("checklist.milestones[{}].status", milestone.key());
        let day_path = format!("checklist.milestones[{}].reached_on", milestone.key());
        let mut spans: Vec<Span> = Vec::new();
        for entry in entries {
            let day = day(entry.at);
            let given = entry
                .changes
                .iter()
                .find(|c| c.path == day_path)
                .map(|c| c.new.as_str().and_then(|d| d.parse::<NaiveDate>().ok()));
            let Some(change) = entry.changes.iter().find(|c| c.path == status_path) else {
                // The day changed while it stayed reached.
                if let (Some(Some(given)), Some(span)) = (given, spans.last_mut().filter(|s| s.until.is_none())) {
                    span.from = Some(given);
                }
                continue;
            };
            let reached = |v: &Value| v.as_str() == Some(MilestoneStatus::Reached.key());
            let reached_already = spans.last().is_some_and(|s| s.until.is_none());
            if reached(&change.new) && !reached_already {
                spans.push(Span { from: given.flatten().or(Some(day)), until: None });
            } else if reached(&change.old) && !reached(&change.new) {
                match spans.last_mut().filter(|s| s.until.is_none()) {
                    Some(span) => span.until = Some(day),
                    // Reached before the history began.
                    None => spans.push(Span { from: None, until: Some(day) }),
                }
            }
        }
        let record = self.checklist.milestones.iter().find(|m| m.milestone == milestone);
        let reached_now = record.is_some_and(|m| m.status == MilestoneStatus::Reached);
        match spans.last_mut().filter(|s| s.until.is_none()) {
            Some(span) if reached_now => span.from = record.and_then(|m| m.reached_on).or(span.from),
            None if reached_now => spans.push(Span { from: record.and_then(|m| m.reached_on), until: None }),
            // Set back without the history telling it: reached until the last change.
            Some(span) => span.until = Some(day(self.updated_at)),
            None => {}
        }
        spans.retain(|s| !matches!((s.from, s.until), (Some(from), Some(until)) if until <= from));
        spans
    }
}

/// A value and its changes in the history at `path`; `read` turns a stored value into the
/// value, none for one it cannot read (that change is left out).
fn changing<T: Copy>(
    entries: &[&HistoryEntry],
    day: &Day,
    path: &str,
    now: T,
    read: impl Fn(&Value) -> Option<T>,
) -> Changing<T> {
    let before = entries
        .iter()
        .flat_map(|e| e.changes.iter().filter(|c| c.path == path).map(move |c| (day(e.at), c)))
        .filter_map(|(day, change)| Some((day, read(&change.old)?)))
        .collect();
    Changing { now, before }
}
