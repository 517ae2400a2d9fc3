//! A child's case: identity, bookkeeping and the plan.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::checklist::{Checklist, ChecklistItem, Progress};
use super::choices::{Choice, PlacementType, PlanStatus, ReferralStatus};
use super::closure::Closure;
use super::due::{DueItem, DuePlace, DueState, DueWhat};
use super::handover::Handover;
use super::history::History;
use super::plan::Plan;
use super::Service;

pub type CaseId = Uuid;

/// The shape of a stored case. Raised when a change needs old records rewritten.
pub const CASE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    #[serde(default = "current_format")]
    pub format: u32,
    pub case_number: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Counts the saved changes on this device; a save from a tab that has not seen the stored
    /// revision is refused.
    pub revision: u64,
    /// Changes with every saved revision. Tells versions apart across devices, where revision
    /// numbers can collide.
    #[serde(default)]
    pub version: Uuid,
    /// The versions of this case that were exported or imported, oldest first. Carried in export
    /// files, so an import can tell a newer version from one changed on both sides.
    #[serde(default)]
    pub exchanged: Vec<Uuid>,
    #[serde(default)]
    pub plan: Plan,
    #[serde(default)]
    pub checklist: Checklist,
    /// Who changed what, and when. Travels with the case in export files.
    #[serde(default)]
    pub history: History,
    /// How and why the case was closed, while it is.
    #[serde(default)]
    pub closure: Option<Closure>,
    /// Every change of case worker, oldest first.
    #[serde(default)]
    pub handovers: Vec<Handover>,
}

fn current_format() -> u32 {
    CASE_FORMAT
}

impl Case {
    pub fn new(id: CaseId, case_number: String, now: DateTime<Utc>) -> Self {
        Self {
            id,
            format: CASE_FORMAT,
            case_number,
            created_at: now,
            updated_at: now,
            revision: 0,
            version: Uuid::new_v4(),
            exchanged: Vec::new(),
            plan: Plan::default(),
            checklist: Checklist::default(),
            history: History::default(),
            closure: None,
            handovers: Vec::new(),
        }
    }

    /// A new case as the worker starts it: the number and the names, trimmed.
    pub fn start(id: CaseId, case_number: &str, child_name: &str, worker_name: &str, now: DateTime<Utc>) -> Self {
        let mut case = Self::new(id, case_number.trim().to_string(), now);
        case.plan.child.name = child_name.trim().to_string();
        case.plan.worker.name = worker_name.trim().to_string();
        case
    }

    /// Sets the placement pathway and proposes its activities on the checklist, keeping every
    /// item already there. Returns how many activities were added.
    pub fn set_pathway(&mut self, pathway: Option<PlacementType>) -> usize {
        self.plan.placement.kind = pathway;
        pathway.map_or(0, |p| self.checklist.propose(p))
    }

    /// The plan's services that do the work of checklist activity `item` (`Activity::service_kind`).
    pub fn services_for(&self, item: &ChecklistItem) -> Vec<&Service> {
        let Some(kind) = item.catalogue_entry().and_then(|a| a.service_kind()) else { return Vec::new() };
        self.plan.services.iter().filter(|s| s.kind == kind).collect()
    }

    /// The people this case names as doing things (its worker and earlier ones, the household,
    /// visitors, whoever is responsible for a need, an action or an activity), each once, in alphabetical order:
    /// offered when "who is responsible" is typed again.
    pub fn people_named(&self) -> Vec<String> {
        let plan = &self.plan;
        let mut names: Vec<String> = std::iter::once(plan.worker.name.as_str())
            .chain(self.handovers.iter().map(|h| h.from.name.as_str()))
            .chain(plan.household.iter().map(|p| p.name.as_str()))
            .chain(plan.monitoring.visits.iter().map(|v| v.visited_by.as_str()))
            .chain(plan.needs.iter().map(|n| n.by_whom.as_str()))
            .chain(plan.actions.iter().map(|a| a.responsible.as_str()))
            .chain(self.checklist.items.iter().map(|i| i.responsible.as_str()))
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
        names
    }

    /// The checklist's progress; on a closed plan nothing is overdue any more.
    pub fn checklist_progress(&self, today: NaiveDate) -> Progress {
        let mut progress = self.checklist.progress(today);
        if self.plan.status == PlanStatus::Closed {
            progress.overdue = 0;
        }
        progress
    }

    /// Marks a change as saved: one more revision, stamped with the time.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.revision += 1;
        self.version = Uuid::new_v4();
        self.updated_at = now.max(self.updated_at);
    }

    /// How the case is named to a person: its number, and the child's name when there is one.
    pub fn title(&self) -> String {
        let number = display_number(&self.case_number);
        match self.plan.child.name.trim() {
            "" => number.to_string(),
            name => format!("{number} ({name})"),
        }
    }

    /// What the case list shows, small enough to read thousands of without decoding whole cases.
    pub fn summary(&self) -> CaseSummary {
        CaseSummary {
            id: self.id,
            case_number: self.case_number.clone(),
            child_name: self.plan.child.name.clone(),
            worker_name: self.plan.worker.name.clone(),
            placement: self.plan.placement.kind,
            status: self.plan.status,
            next_due: self.next_due(),
            checklist: ChecklistCounts::of(self),
            updated_at: self.updated_at,
            revision: self.revision,
        }
    }

    /// Every open dated item of the case, for the overview across cases.
    pub fn deadlines(&self) -> CaseDeadlines {
        CaseDeadlines {
            id: self.id,
            case_number: self.case_number.clone(),
            child_name: self.plan.child.name.clone(),
            worker_name: self.plan.worker.name.clone(),
            items: self.due_items(),
        }
    }

    /// The earliest date by which something on the plan must happen.
    pub fn next_due(&self) -> Option<DueItem> {
        self.due_items().into_iter().min_by_key(|item| item.date)
    }

    /// Everything open on the plan and the checklist that carries a date.
    /// Whether `other` is this case with only its sign-offs changed: the one edit a closed case
    /// takes besides being reopened, so its closure can be asked for review and decided.
    pub fn differs_only_in_sign_offs(&self, other: &Case) -> bool {
        let (mut this, mut other) = (self.clone(), other.clone());
        this.plan.sign_offs = Default::default();
        other.plan.sign_offs = Default::default();
        this == other
    }

    pub fn due_items(&self) -> Vec<DueItem> {
        let plan = &self.plan;
        if plan.status == PlanStatus::Closed {
            return Vec::new();
        }
        let mut items = Vec::new();
        let mut add = |place: DuePlace, id: Option<uuid::Uuid>, what: DueWhat, date: Option<chrono::NaiveDate>| {
            if let Some(date) = date {
                items.push(DueItem::at(place, id, what, date));
            }
        };
        let text = |text: &str| text.trim().to_string();
        for need in plan.needs.iter().filter(|n| n.status.is_open()) {
            add(DuePlace::Needs, Some(need.id), DueWhat::Need { text: text(&need.need) }, need.by_when);
        }
        for service in plan.services.in_display_order().iter().filter(|s| s.status.is_open()) {
            let what = DueWhat::Service { service_type: Some(service.kind), description: text(&service.description) };
            add(DuePlace::Services, Some(service.id), what, service.by_when);
        }
        for action in plan.actions.iter().filter(|a| a.status.is_open()) {
            add(DuePlace::Actions, Some(action.id), DueWhat::Action { text: text(&action.what) }, action.by_when);
        }
        // A planned referral's date is when it is to be made; once made, it waits on the service.
        for referral in plan.referrals.iter().filter(|r| r.status == ReferralStatus::Planned) {
            add(DuePlace::Referrals, Some(referral.id), DueWhat::Referral { to: text(&referral.to) }, referral.date);
        }
        // An urgent referral that was made waits a set number of days for the service's answer.
        for referral in plan.referrals.iter() {
            add(
                DuePlace::Referrals,
                Some(referral.id),
                DueWhat::ReferralAnswer { to: text(&referral.to) },
                referral.answer_due(),
            );
        }
        for item in self.checklist.items.iter().filter(|i| i.status.is_open()) {
            let what = DueWhat::Checklist { activity: item.activity.clone(), title: text(&item.title) };
            add(DuePlace::Checklist, Some(item.id), what, item.due);
        }
        add(DuePlace::Monitoring, None, DueWhat::MonitoringVisit, plan.monitoring.next_visit(plan.start_date));
        add(DuePlace::SafetyPlan, None, DueWhat::SafetyPlanReview, plan.safety_plan.review_on);
        add(DuePlace::Case, None, DueWhat::PlanReview, plan.next_review);
        items
    }
}

/// The case number as shown, saying so when there is none rather than showing nothing.
pub fn display_number(number: &str) -> &str {
    match number.trim() {
        "" => "Case without a number",
        number => number,
    }
}

/// One row of the case list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: CaseId,
    pub case_number: String,
    pub child_name: String,
    pub worker_name: String,
    pub placement: Option<PlacementType>,
    pub status: PlanStatus,
    pub next_due: Option<DueItem>,
    #[serde(default)]
    pub checklist: ChecklistCounts,
    #[serde(deserialize_with = "super::stored_dates::time")]
    pub updated_at: DateTime<Utc>,
    pub revision: u64,
}

/// The checklist's progress as the case list needs it. Keeps the due dates rather than an
/// overdue count, which would go stale as the days pass.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistCounts {
    pub done: usize,
    pub applicable: usize,
    pub milestones_reached: usize,
    #[serde(deserialize_with = "super::stored_dates::days")]
    pub open_due: Vec<NaiveDate>,
}

impl ChecklistCounts {
    pub fn of(case: &Case) -> Self {
        let checklist = &case.checklist;
        // Any day will do: the overdue count is not kept.
        let progress = checklist.progress(NaiveDate::MIN);
        // Nothing on a closed plan falls due, as on the overview.
        let open_due = if case.plan.status == PlanStatus::Closed {
            Vec::new()
        } else {
            checklist.items.iter().filter(|i| i.status.is_open()).filter_map(|i| i.due).collect()
        };
        Self {
            done: progress.done,
            applicable: progress.applicable,
            milestones_reached: progress.milestones_reached,
            open_due,
        }
    }

    pub fn progress(&self, today: NaiveDate) -> Progress {
        Progress {
            done: self.done,
            applicable: self.applicable,
            overdue: self.open_due.iter().filter(|&&d| DueState::of(Some(d), today) == DueState::Overdue).count(),
            milestones_reached: self.milestones_reached,
        }
    }
}

/// The open dated items of one case, kept apart from the case so the overview across every
/// case reads only these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseDeadlines {
    pub id: CaseId,
    /// The case's number and the child's name, to name the case by ([`Case::title`]).
    #[serde(default)]
    pub case_number: String,
    #[serde(default)]
    pub child_name: String,
    #[serde(default)]
    pub worker_name: String,
    pub items: Vec<DueItem>,
}

impl CaseSummary {
    pub fn display_number(&self) -> &str {
        display_number(&self.case_number)
    }

    pub fn placement_label(&self) -> &'static str {
        self.placement.map_or("Not decided", |p| p.label())
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.next_due.as_ref().is_some_and(|due| due.is_overdue(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_people_a_case_names_are_offered_once_each() {
        let mut case = Case::new(uuid::Uuid::new_v4(), "HW-1".into(), Utc::now());
        case.plan.worker.name = "Ana Ruiz".into();
        case.plan.actions.push(crate::domain::Action { responsible: " Legal team ".into(), ..Default::default() });
        case.plan.needs.push(crate::domain::ProtectionNeed { by_whom: "ana ruiz".into(), ..Default::default() });
        case.plan.needs.push(crate::domain::ProtectionNeed::default());
        assert_eq!(case.people_named(), ["Ana Ruiz", "Legal team"]);
        case.plan.household.push(crate::domain::Person { name: "Rosa Gómez".into(), ..Default::default() });
        assert_eq!(case.people_named(), ["Ana Ruiz", "Legal team", "Rosa Gómez"], "the family can be responsible too");
    }

    #[test]
    fn a_checklist_activity_leads_to_the_plan_services_doing_its_work() {
        use crate::domain::choices::ServiceType;
        let mut case = Case::new(uuid::Uuid::new_v4(), "HW-1".into(), Utc::now());
        case.checklist.propose(PlacementType::Kinship);
        let counselling = Service {
            kind: ServiceType::Psychosocial,
            description: "Weekly trauma-focused counselling".into(),
            ..Default::default()
        };
        case.plan.services.push(counselling.clone());
        case.plan.services.push(Service { kind: ServiceType::Health, ..Default::default() });
        let item = |id: &str| case.checklist.items.iter().find(|i| i.activity.as_deref() == Some(id)).unwrap();
        assert_eq!(case.services_for(item("counselling")), [&counselling]);
        assert!(case.services_for(item("life_skills")).is_empty(), "no service does this work");
        let own = crate::domain::checklist::ChecklistItem::custom(
            "Counselling",
            crate::domain::checklist::Theme::Services,
            None,
        );
        assert!(case.services_for(&own).is_empty(), "a worker's own activity is matched to nothing by its words");
    }
    use crate::domain::choices::ItemStatus;
    use crate::domain::items::{Action, Service};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn case() -> Case {
        Case::new(Uuid::new_v4(), "K7Q2M-2026-0001".into(), Utc::now())
    }

    #[test]
    fn a_started_case_keeps_trimmed_names() {
        let c = Case::start(Uuid::new_v4(), " ORG-17 ", " Maya ", "Ana Ruiz  ", Utc::now());
        assert_eq!(
            (c.case_number.as_str(), c.plan.child.name.as_str(), c.plan.worker.name.as_str()),
            ("ORG-17", "Maya", "Ana Ruiz")
        );
        assert_eq!(c.revision, 0);
        assert_eq!(c.summary().display_number(), "ORG-17");
    }

    #[test]
    fn touching_counts_revisions() {
        let mut c = case();
        let before = c.updated_at;
        c.touch(before + chrono::Duration::seconds(5));
        c.touch(before + chrono::Duration::seconds(9));
        assert_eq!(c.revision, 2);
        assert_eq!(c.updated_at, before + chrono::Duration::seconds(9));
    }

    #[test]
    fn next_due_is_the_earliest_open_dated_item() {
        let mut c = case();
        assert_eq!(c.next_due(), None);
        c.plan.next_review = Some(d("2027-01-10"));
        c.plan.actions.push(Action {
            what: "Visit school".into(),
            by_when: Some(d("2026-12-01")),
            ..Default::default()
        });
        c.plan.actions.push(Action {
            what: "Done already".into(),
            by_when: Some(d("2026-11-01")),
            status: ItemStatus::Done,
            ..Default::default()
        });
        c.plan.services.push(Service { by_when: Some(d("2026-12-05")), ..Default::default() });
        let due = c.next_due().unwrap();
        assert_eq!(due.what, DueWhat::Action { text: "Visit school".into() });
        assert_eq!(due.date, d("2026-12-01"));
        assert!(due.is_overdue(d("2026-12-02")));
        assert!(!due.is_overdue(d("2026-12-01")));
    }

    #[test]
    fn a_closed_plan_has_nothing_due() {
        let mut c = case();
        c.plan.next_review = Some(d("2027-01-10"));
        let mut late =
            crate::domain::checklist::ChecklistItem::custom("Late", crate::domain::checklist::Theme::Legal, None);
        late.due = Some(d("2026-01-01"));
        c.checklist.add(late);
        assert_eq!(c.checklist_progress(d("2026-11-23")).overdue, 1);
        c.plan.status = PlanStatus::Closed;
        assert_eq!(c.summary().next_due, None);
        assert_eq!(c.checklist_progress(d("2026-11-23")).overdue, 0);
        assert_eq!(c.summary().checklist.progress(d("2026-11-23")).overdue, 0);
    }

    #[test]
    fn summary_and_title_name_the_case() {
        let mut c = case();
        c.plan.child.name = "Maya".into();
        c.plan.worker.name = "Ana Ruiz".into();
        let s = c.summary();
        assert_eq!((s.child_name.as_str(), s.worker_name.as_str()), ("Maya", "Ana Ruiz"));
        assert_eq!(c.title(), "K7Q2M-2026-0001 (Maya)");
        c.case_number.clear();
        assert_eq!(c.title(), "Case without a number (Maya)");
    }

    #[test]
    fn stored_json_round_trips() {
        let mut c = case();
        c.plan.services.push(Service { urgent: true, provider: "Clinic".into(), ..Default::default() });
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<Case>(&json).unwrap(), c);
    }
}
