//! Across every case: what is late and what falls due in the coming week.

use chrono::NaiveDate;

use super::case::{CaseDeadlines, CaseId};
use super::due::{DueItem, DueState};

#[derive(Debug, Clone, PartialEq)]
pub struct OverviewEntry {
    pub case_id: CaseId,
    /// The case's number and the child's name, to name the case by.
    pub case_number: String,
    pub child_name: String,
    pub worker_name: String,
    pub item: DueItem,
    pub state: DueState,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    /// The longest overdue first: what is most late most needs attention.
    pub overdue: Vec<OverviewEntry>,
    /// Due today and in the next seven days, soonest first.
    pub due_soon: Vec<OverviewEntry>,
}

impl Overview {
    pub fn build(cases: &[CaseDeadlines], today: NaiveDate) -> Self {
        let mut overview = Self::default();
        for case in cases {
            for item in &case.items {
                let state = item.state(today);
                if !state.is_pressing() {
                    continue;
                }
                let entry = OverviewEntry {
                    case_id: case.id,
                    case_number: case.case_number.clone(),
                    child_name: case.child_name.clone(),
                    worker_name: case.worker_name.clone(),
                    item: item.clone(),
                    state,
                };
                if state == DueState::Overdue {
                    overview.overdue.push(entry);
                } else {
                    overview.due_soon.push(entry);
                }
            }
        }
        let by_case = |a: &OverviewEntry, b: &OverviewEntry| {
            (a.case_number.trim(), a.child_name.trim(), a.item.what.text()).cmp(&(
                b.case_number.trim(),
                b.child_name.trim(),
                b.item.what.text(),
            ))
        };
        // The longest overdue first: what is most late is what most needs someone's attention.
        overview.overdue.sort_by(|a, b| a.item.date.cmp(&b.item.date).then_with(|| by_case(a, b)));
        overview.due_soon.sort_by(|a, b| a.item.date.cmp(&b.item.date).then_with(|| by_case(a, b)));
        overview
    }

    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty() && self.due_soon.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::ChecklistItem;
    use crate::domain::due::{DuePlace, DueWhat};
    use crate::domain::items::{Action, ProtectionNeed, Referral, Service};
    use crate::domain::{Case, ItemStatus, PlanStatus, ReferralStatus};
    use chrono::Utc;
    use uuid::Uuid;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn case(number: &str) -> Case {
        Case::start(Uuid::new_v4(), number, "Child", "Worker", Utc::now())
    }

    #[test]
    fn overdue_and_coming_week_from_every_kind_of_item() {
        let today = d("2026-11-23");
        let mut a = case("A-1");
        let mut checklist_item =
            ChecklistItem::custom("Visit the school", crate::domain::checklist::Theme::Services, None);
        checklist_item.due = Some(d("2026-11-20"));
        a.checklist.add(checklist_item.clone());
        a.plan.actions.push(Action {
            what: "Call the aunt".into(),
            by_when: Some(d("2026-11-23")),
            ..Default::default()
        });
        a.plan.services.push(Service {
            description: "Clinic".into(),
            by_when: Some(d("2026-11-30")),
            ..Default::default()
        });
        a.plan.needs.push(ProtectionNeed {
            need: "Birth certificate".into(),
            by_when: Some(d("2026-11-10")),
            ..Default::default()
        });
        a.plan.referrals.push(Referral { to: "School".into(), date: Some(d("2026-11-25")), ..Default::default() });
        // Not pressing: done, too far ahead, already made, or undated.
        a.plan.actions.push(Action {
            what: "Done".into(),
            by_when: Some(d("2026-11-01")),
            status: ItemStatus::Done,
            ..Default::default()
        });
        a.plan.actions.push(Action { what: "Later".into(), by_when: Some(d("2026-12-01")), ..Default::default() });
        a.plan.referrals.push(Referral {
            to: "Made".into(),
            date: Some(d("2026-11-01")),
            status: ReferralStatus::Made,
            ..Default::default()
        });
        a.plan.actions.push(Action { what: "Someday".into(), ..Default::default() });
        let mut b = case("B-2");
        b.plan.next_review = Some(d("2026-11-22"));
        let mut closed = case("C-3");
        closed.plan.next_review = Some(d("2026-11-22"));
        closed.plan.status = PlanStatus::Closed;

        let overview = Overview::build(&[a.deadlines(), b.deadlines(), closed.deadlines()], today);
        let overdue: Vec<(&str, &str, &DueWhat)> =
            overview.overdue.iter().map(|e| (e.case_number.as_str(), e.child_name.as_str(), &e.item.what)).collect();
        assert_eq!(
            overdue,
            [
                ("A-1", "Child", &DueWhat::Need { text: "Birth certificate".into() }),
                ("A-1", "Child", &DueWhat::Checklist { activity: None, title: "Visit the school".into() }),
                ("B-2", "Child", &DueWhat::PlanReview),
            ],
            "the longest overdue first: the most late stands out at the top"
        );
        let soon: Vec<&DueWhat> = overview.due_soon.iter().map(|e| &e.item.what).collect();
        assert_eq!(
            soon,
            [
                &DueWhat::Action { text: "Call the aunt".into() },
                &DueWhat::Referral { to: "School".into() },
                &DueWhat::Service {
                    service_type: Some(crate::domain::ServiceType::Health),
                    description: "Clinic".into()
                }
            ]
        );
        assert_eq!(overview.due_soon[0].state, DueState::Today);
        let checklist = &overview.overdue[1].item;
        assert_eq!((checklist.place, checklist.item), (DuePlace::Checklist, Some(checklist_item.id)));
    }

    #[test]
    fn nothing_pressing_is_an_empty_overview() {
        let overview = Overview::build(&[case("A-1").deadlines()], d("2026-11-23"));
        assert!(overview.is_empty());
    }
}
