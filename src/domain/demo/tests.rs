use chrono::{NaiveDate, Utc};

use super::*;
use crate::domain::checklist::MilestoneStatus;
use crate::domain::exchange::merge::{exported, Comparison, ImportPlan, Resolution};
use crate::domain::exchange::{read, write, ExportDocument};
use crate::domain::history::Event;
use crate::domain::monitoring::SeenAlone;
use crate::domain::overview::Overview;
use crate::domain::passphrase::assess;
use crate::domain::{validate, ChildAgreement, Choice, Determination, PlanStatus, Section};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Whatever day the course runs: an ordinary day, new year, a leap day, a year's last day.
fn course_days() -> [NaiveDate; 4] {
    [d("2026-11-23"), d("2027-01-01"), d("2028-02-29"), d("2031-12-31")]
}

fn named<'a>(cases: &'a [Case], child: &str) -> &'a Case {
    cases.iter().find(|c| c.plan.child.name.starts_with(child)).unwrap_or_else(|| panic!("a case of {child}"))
}

#[test]
fn every_placement_pathway_is_shown() {
    let cases = demo_cases(course_days()[0]);
    for &pathway in PlacementType::ALL {
        assert!(cases.iter().any(|c| c.plan.placement.kind == Some(pathway)), "{} is missing", pathway.label());
    }
    assert_eq!(cases.len(), 8);
}

#[test]
fn every_stage_is_shown_whatever_day_the_course_runs() {
    for today in course_days() {
        let cases = demo_cases(today);
        let draft: Vec<&Case> = cases.iter().filter(|c| c.plan.status == PlanStatus::Draft).collect();
        assert_eq!(draft.len(), 1);
        let (complete, _) = Section::completed(draft[0], &validate(draft[0], today));
        assert!(complete <= 3 && draft[0].checklist_progress(today).done == 0, "a draft with little filled in");

        let overdue = cases.iter().filter(|c| {
            c.plan.status == PlanStatus::Active
                && c.checklist_progress(today).overdue >= 2
                && c.summary().is_overdue(today)
        });
        assert!(overdue.count() >= 1, "an active plan with overdue activities on {today}");

        let nearly = cases.iter().filter(|c| {
            let progress = c.checklist_progress(today);
            c.plan.status == PlanStatus::Active
                && progress.percent().is_some_and(|p| (80..100).contains(&p))
                && progress.milestones_reached >= 4
                && progress.overdue == 0
        });
        assert_eq!(nearly.count(), 1, "a nearly complete plan on {today}");

        let closed: Vec<&Case> = cases.iter().filter(|c| c.is_closed()).collect();
        assert_eq!(closed.len(), 1);
        let closure = closed[0].closure.as_ref().expect("closed with its outcome");
        assert!(!closure.reason.is_empty() && closure.closed_on < today);
        assert!(
            closed[0].due_items().is_empty()
                && matches!(
                    closed[0].history.0.last().unwrap().event,
                    Some(Event::Closed { outcome: crate::domain::closure::ClosureOutcome::IndependentLiving, .. })
                )
        );

        let overview = Overview::build(&cases.iter().map(Case::deadlines).collect::<Vec<_>>(), today);
        assert!(
            !overview.overdue.is_empty() && !overview.due_soon.is_empty(),
            "the overview has something late and something due this week"
        );
    }
}

#[test]
fn an_overdue_visit_an_unanswered_urgent_referral_and_a_handover() {
    for today in course_days() {
        let cases = demo_cases(today);
        let late_visit = cases.iter().filter(|c| !c.is_closed()).any(|c| {
            c.plan.monitoring.next_visit(c.plan.start_date).is_some_and(|next| next < today)
                && c.plan.monitoring.visits.len() >= 2
        });
        assert!(late_visit, "a monitoring visit overdue on {today}");
        let valentina = named(&cases, "Valentina");
        let urgent: Vec<_> = valentina
            .plan
            .referrals
            .iter()
            .filter(|r| {
                r.days_unanswered(today).is_some_and(|days| days > crate::domain::items::URGENT_ANSWER_DAYS as i64)
            })
            .collect();
        assert_eq!(urgent.len(), 1);
        assert!(valentina
            .due_items()
            .iter()
            .any(|i| matches!(i.what, crate::domain::DueWhat::ReferralAnswer { .. }) && i.is_overdue(today)));
        // A visit's follow-up made into an action, still pointing at it.
        let visit = valentina
            .plan
            .monitoring
            .visits
            .iter()
            .find(|v| v.follow_up_action.is_some())
            .expect("a follow-up made an action");
        assert!(valentina.plan.actions.get(visit.follow_up_action.unwrap()).is_some());
    }
    let cases = demo_cases(course_days()[0]);
    let mateo = named(&cases, "Mateo");
    assert_eq!(mateo.handovers.len(), 1);
    assert_eq!(
        (mateo.handovers[0].from.name.as_str(), mateo.plan.worker.name.as_str()),
        ("Marisol Huamán", "Daniel Mensah")
    );
    assert!(mateo.history.0.iter().any(|e| matches!(&e.event,
        Some(Event::HandedOver { from, to, .. }) if from == "Marisol Huamán" && to == "Daniel Mensah")));
}

#[test]
fn every_history_is_a_readable_timeline() {
    let today = course_days()[0];
    let end_of_yesterday = today.and_hms_opt(0, 0, 0).unwrap().and_utc();
    let mut people = std::collections::HashSet::new();
    for case in demo_cases(today).iter().chain(&exercise_cases(today)) {
        let history = &case.history.0;
        assert!(history.len() >= 2, "{} has a history", case.title());
        assert_eq!(history[0].event, Some(Event::Created));
        assert!(history.windows(2).all(|w| w[0].at <= w[1].at), "oldest first");
        assert!(history.iter().all(|e| e.at < end_of_yesterday && !e.by.is_empty()), "nothing in the future");
        assert!(history.iter().any(|e| !e.changes.is_empty()), "field changes as well as events");
        people.extend(history.iter().map(|e| e.by.clone()));
        assert_eq!(case.created_at, history[0].at);
        assert_eq!(case.updated_at, history.last().unwrap().at.max(case.updated_at));
    }
    assert!(people.len() >= 6, "{people:?}");
}

#[test]
fn plans_are_full_valid_and_use_every_choice() {
    let today = course_days()[0];
    let cases = demo_cases(today);
    for case in &cases {
        assert_eq!(validate(case, today), vec![], "{}", case.title());
        assert!(case.case_number.starts_with("DEMO-"));
        assert!(case.checklist.items.iter().all(|i| i.problems(today).is_empty()), "{}", case.title());
        for record in &case.checklist.milestones {
            assert_eq!(record.status == MilestoneStatus::Reached, record.reached_on.is_some());
            assert!(record.status == MilestoneStatus::NotReached || !record.evidence.is_empty());
        }
    }
    let numbers: std::collections::HashSet<_> = cases.iter().map(|c| &c.case_number).collect();
    assert_eq!(numbers.len(), cases.len());
    let items = || cases.iter().flat_map(|c| &c.checklist.items);
    for &status in crate::domain::checklist::ChecklistStatus::ALL {
        // Every open or done activity shown has someone responsible; not applicable ones a reason.
        let shown = |i: &&crate::domain::checklist::ChecklistItem| {
            i.status == status && (!i.responsible.is_empty() || !i.not_applicable_reason.is_empty())
        };
        assert!(items().any(|i| shown(&i)), "an activity {}", status.label());
    }
    assert!(items().any(|i| !i.notes.is_empty()) && items().any(|i| i.due.is_some()));
    let milestones = || cases.iter().flat_map(|c| &c.checklist.milestones);
    for &status in MilestoneStatus::ALL {
        assert!(milestones().any(|m| m.status == status));
    }
    let referrals: Vec<_> = cases.iter().flat_map(|c| c.plan.referrals.iter()).collect();
    for &status in crate::domain::ReferralStatus::ALL {
        assert!(referrals.iter().any(|r| r.status == status), "a referral {}", status.label());
    }
    assert!(referrals.iter().any(|r| r.status_changes.len() >= 3 && !r.feedback.is_empty()));
    let visits: Vec<_> = cases.iter().flat_map(|c| c.plan.monitoring.visits.iter()).collect();
    for seen in [SeenAlone::Yes, SeenAlone::No, SeenAlone::NotAppropriate] {
        assert!(visits.iter().any(|v| v.seen_alone == seen));
    }
    assert!(visits.iter().any(|v| !v.concerns.is_empty() && !v.follow_up.is_empty()));
    for &determination in Determination::ALL {
        assert!(cases.iter().any(|c| c.plan.best_interests.determination == determination));
    }
    for agreement in [ChildAgreement::Agrees, ChildAgreement::Partly] {
        assert!(cases.iter().any(|c| c.plan.participation.child_agrees == agreement));
    }
    let active: Vec<_> = cases.iter().filter(|c| c.plan.status == PlanStatus::Active).collect();
    assert!(active.iter().all(|c| c.plan.worker.organisation == ORGANISATION
        && !c.plan.needs.is_empty()
        && !c.plan.services.is_empty()
        && !c.plan.actions.is_empty()
        && c.plan.monitoring.frequency.is_some()
        && !c.plan.participation.child_views.is_empty()));
}

#[test]
fn the_exercise_file_is_one_conflict_and_the_rest_new() {
    for today in course_days() {
        let demo = demo_cases(today);
        let exercise = exercise_cases(today);
        let local = |id| demo.iter().find(|c| c.id == id).cloned();
        let mut plan = ImportPlan::new(exercise.clone(), local);
        assert_eq!((plan.count(Comparison::Conflict), plan.count(Comparison::New)), (1, exercise.len() - 1));
        assert!((2..=3).contains(&exercise.len()));
        let conflict = plan.entries.iter().find(|e| e.comparison == Comparison::Conflict).unwrap();
        let mine = conflict.local.as_ref().unwrap();
        assert_eq!(mine.plan.child.name, "Joaquín Benítez");
        assert!(!crate::domain::history::diff(mine, &conflict.incoming).is_empty(), "edited differently");
        assert_eq!(conflict.incoming.history.0.last().unwrap().by, "Rosa Villanueva");
        // Still a conflict however the workspace was stored: imported, or saved again since.
        let mut stored = exported(mine.clone());
        assert_eq!(Comparison::of(Some(&stored), &conflict.incoming), Comparison::Conflict);
        stored.touch(Utc::now());
        assert_eq!(Comparison::of(Some(&stored), &conflict.incoming), Comparison::Conflict);
        assert_eq!(plan.writes(Utc::now()).unwrap_err().0, 1);
        plan.resolve_all(Resolution::KeepBoth);
        assert_eq!(plan.writes(Utc::now()).unwrap().len(), exercise.len());
        // As written into the file and read back.
        let document = ExportDocument::new(exercise.clone(), "0.1.0", Utc::now());
        assert_eq!(read(&write(&document)).unwrap().cases, exercise);
    }
}

#[test]
fn the_exercise_file_is_a_conflict_whatever_day_the_workspace_was_made() {
    let seeded = demo_cases(d("2026-11-02"));
    let exercise = exercise_cases(d("2026-11-23"));
    let plan = ImportPlan::new(exercise.clone(), |id| seeded.iter().find(|c| c.id == id).cloned());
    assert_eq!((plan.count(Comparison::Conflict), plan.count(Comparison::New)), (1, exercise.len() - 1));
    // Imported once and taken: the same file again changes nothing.
    let mut first = plan.clone();
    first.resolve_all(Resolution::TakeTheirs);
    let stored: Vec<Case> = first.writes(Utc::now()).unwrap().into_iter().map(|w| w.case).collect();
    let again = ImportPlan::new(exercise, |id| stored.iter().find(|c| c.id == id).cloned());
    assert_eq!(again.count(Comparison::Identical), again.entries.len());
}

#[test]
fn the_exercise_passphrase_passes_the_rules() {
    assert_eq!(assess(EXERCISE_PASSPHRASE).refusal, None);
}

#[test]
fn the_same_day_gives_the_same_cases_with_fixed_ids() {
    let today = course_days()[0];
    assert_eq!(demo_cases(today), demo_cases(today));
    assert_eq!(exercise_cases(today), exercise_cases(today));
    let all: Vec<Case> = demo_cases(today).into_iter().chain(exercise_cases(today)).collect();
    let json = serde_json::to_string(&all).unwrap();
    // No random (v4) id anywhere: a uuid's version digit is the 15th character.
    let random =
        json.split('"').filter(|s| s.len() == 36 && s.as_bytes()[8] == b'-' && s.as_bytes()[14] == b'4').count();
    assert_eq!(random, 0);
    let ids: std::collections::HashSet<_> = demo_cases(today).iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 8);
    assert_ne!(demo_cases(today), demo_cases(today + chrono::Duration::days(1)), "dates follow the day");
}

#[test]
fn every_case_round_trips_through_json() {
    let today = course_days()[0];
    for case in demo_cases(today).into_iter().chain(exercise_cases(today)) {
        let json = serde_json::to_string(&case).unwrap();
        assert_eq!(serde_json::from_str::<Case>(&json).unwrap(), case);
    }
}
