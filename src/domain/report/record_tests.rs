//! Edge cases of reading a case's history into its record (days in the worker's own time zone,
//! a draft closed and reopened, a closure backdated before an earlier reopening) and of the
//! periods people choose (one not begun yet, one whose year is still being typed).

use chrono::{DateTime, FixedOffset, Utc};

use super::tests::{at, d, edit, new_case, new_draft, TODAY};
use super::*;
use crate::domain::history::diff;
use crate::domain::{ClosureOutcome, PlacementType, PlanStatus};

#[test]
fn days_are_the_workers_own_not_greenwich() {
    // In Quito (UTC−5), half past nine on the evening of 31 August is already 1 September in UTC.
    let quito = FixedOffset::west_opt(5 * 3600).unwrap();
    let evening: DateTime<Utc> = "2026-09-01T02:30:00Z".parse().unwrap();
    let mut case = new_case("Ana Ruiz", "2026-01-10", None);
    case.created_at = "2026-01-01T03:00:00Z".parse().unwrap();
    case.plan.placement.kind = Some(PlacementType::Foster);
    let before = case.clone();
    case.plan.placement.kind = Some(PlacementType::Kinship);
    let changes = diff(&before, &case);
    case.history.record(changes, "Ana Ruiz", evening);
    case.close(ClosureOutcome::Kinship, "Placed", d("2026-08-31"), "Ana Ruiz", evening).unwrap();
    case.reopen("", "Ana Ruiz", evening + chrono::Duration::minutes(20));

    let record = case.report_record_in(&quito);
    assert_eq!(record.opened_on, d("2025-12-31"), "recorded on New Year's Eve, in Quito");
    assert_eq!(record.pathway.before, [(d("2026-08-31"), Some(PlacementType::Foster))]);
    assert_eq!(record.closures, [], "closed and reopened the same evening: not a closure");
    let greenwich = case.report_record_in(&Utc);
    assert_eq!((greenwich.opened_on, greenwich.pathway.before[0].0), (d("2026-01-01"), d("2026-09-01")));
}

#[test]
fn a_draft_closed_and_reopened_was_a_draft_until_it_was_reopened() {
    let mut case = new_draft("Ana Ruiz", "2026-01-10", Some("2026-02-01"));
    case.close(ClosureOutcome::Other, "Moved away", d("2026-03-01"), "Ana Ruiz", at("2026-03-01")).unwrap();
    let closed = case.report_record_in(&Utc);
    assert_eq!(closed.status.on(d("2026-02-15")), PlanStatus::Draft, "a draft when it was closed");
    assert_eq!(closed.status.now, PlanStatus::Draft);

    case.reopen("", "Ana Ruiz", at("2026-04-01"));
    let reopened = case.report_record_in(&Utc);
    assert_eq!(reopened.status.on(d("2026-02-15")), PlanStatus::Draft, "still a draft before the closure");
    assert_eq!(reopened.status.on(d("2026-04-01")), PlanStatus::Active, "reopening makes the plan active");
    assert_eq!(reopened.status.now, PlanStatus::Active);

    // Set back to a draft after the reopening, then made active again.
    edit(&mut case, "2026-05-01", |c| c.plan.status = PlanStatus::Draft);
    edit(&mut case, "2026-06-01", |c| c.plan.status = PlanStatus::Active);
    let record = case.report_record_in(&Utc);
    let on = |day: &str| record.status.on(d(day));
    assert_eq!(
        [on("2026-02-15"), on("2026-04-15"), on("2026-05-15"), on("2026-06-15")],
        [PlanStatus::Draft, PlanStatus::Active, PlanStatus::Draft, PlanStatus::Active]
    );
}

#[test]
fn a_closure_backdated_before_the_last_reopening_starts_at_that_reopening() {
    let mut case = new_case("Ana Ruiz", "2026-01-10", Some("2026-02-01"));
    case.close(ClosureOutcome::Transferred, "Moved", d("2026-05-10"), "Ana Ruiz", at("2026-05-10")).unwrap();
    case.reopen("", "Ana Ruiz", at("2026-06-01"));
    // Closed again on 1 July, saying it ended on 20 May: while it was closed the first time.
    case.close(ClosureOutcome::Foster, "Placed", d("2026-05-20"), "Ana Ruiz", at("2026-07-01")).unwrap();
    let record = case.report_record_in(&Utc);
    let days: Vec<_> = record.closures.iter().map(|c| (c.closed_on, c.reopened_on)).collect();
    assert_eq!(days, [(d("2026-05-10"), Some(d("2026-06-01"))), (d("2026-06-01"), None)]);
    assert_eq!(record.closure_on(d("2026-05-25")).and_then(|c| c.outcome), Some(ClosureOutcome::Transferred));
    let june = report(&[record], Period::new(d("2026-06-01"), d("2026-06-30")).unwrap(), &Filter::default(), d(TODAY));
    assert_eq!(june.outcomes.values().sum::<u32>(), 1, "one closure in June, the second");
}

#[test]
fn a_period_that_has_not_begun_counts_nothing() {
    let case = new_case("Ana Ruiz", "2026-01-10", Some("2026-02-01"));
    let next_year = Period::new(d("2027-01-01"), d("2027-03-31")).unwrap();
    let counted = report(&[case.report_record_in(&Utc)], next_year, &Filter::default(), d(TODAY));
    assert_eq!((counted.cases, counted.open, counted.settings.len()), (0, 0, 0));
    assert!(!next_year.begun(d(TODAY)));
    assert!(Period::new(d(TODAY), d("2027-01-31")).unwrap().begun(d(TODAY)));
}

#[test]
fn a_period_from_a_year_still_being_typed_has_few_points() {
    // A date field fires as soon as the year reads 2, then 20, 202, 2026.
    for from in ["0002-01-01", "0020-01-01", "0202-01-01", "1926-01-01"] {
        let points = Period::new(d(from), d("2026-12-31")).unwrap().points(d(TODAY));
        assert!(points.len() <= 41, "{from}: {} points", points.len());
        assert_eq!(points.last(), Some(&d(TODAY)));
        assert!(points.windows(2).all(|w| w[0] < w[1]));
    }
    let decade = Period::new(d("2016-01-01"), d("2025-12-31")).unwrap().points(d(TODAY));
    assert_eq!((decade.len(), decade[0]), (40, d("2016-03-31")), "quarters up to ten years");
}
