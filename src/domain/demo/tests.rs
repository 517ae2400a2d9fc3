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

fn every_placement_pathway_is_shown(language: Language) {
    let cases = demo_cases(course_days()[0], language);
    for &pathway in PlacementType::ALL {
        assert!(cases.iter().any(|c| c.plan.placement.kind == Some(pathway)), "{} is missing", pathway.label());
    }
    assert_eq!(cases.len(), 8);
}

fn every_stage_is_shown_whatever_day_the_course_runs(language: Language) {
    for today in course_days() {
        let cases = demo_cases(today, language);
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

fn an_overdue_visit_an_unanswered_urgent_referral_and_a_handover(language: Language) {
    for today in course_days() {
        let cases = demo_cases(today, language);
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
    let cases = demo_cases(course_days()[0], language);
    let mateo = named(&cases, "Mateo");
    assert_eq!(mateo.handovers.len(), 1);
    assert_eq!(
        (mateo.handovers[0].from.name.as_str(), mateo.plan.worker.name.as_str()),
        ("Marisol Huamán", "Daniel Mensah")
    );
    assert!(mateo.history.0.iter().any(|e| matches!(&e.event,
        Some(Event::HandedOver { from, to, .. }) if from == "Marisol Huamán" && to == "Daniel Mensah")));
}

fn every_history_is_a_readable_timeline(language: Language) {
    let today = course_days()[0];
    let end_of_yesterday = today.and_hms_opt(0, 0, 0).unwrap().and_utc();
    let mut people = std::collections::HashSet::new();
    for case in demo_cases(today, language).iter().chain(&exercise_cases(today, language)) {
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

fn plans_are_full_valid_and_use_every_choice(language: Language) {
    let today = course_days()[0];
    let cases = demo_cases(today, language);
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
    // The Reports page counts referrals by type: a course shows each case's kind, never "not recorded".
    assert!(referrals.iter().all(|r| r.kind.is_some()), "every referral has its type of service");
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
    assert!(active.iter().all(|c| c.plan.worker.organisation == organisation(language)
        && !c.plan.needs.is_empty()
        && !c.plan.services.is_empty()
        && !c.plan.actions.is_empty()
        && c.plan.monitoring.frequency.is_some()
        && !c.plan.participation.child_views.is_empty()));
}

fn the_exercise_file_is_one_conflict_and_the_rest_new(language: Language) {
    for today in course_days() {
        let demo = demo_cases(today, language);
        let exercise = exercise_cases(today, language);
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

fn the_exercise_file_is_a_conflict_whatever_day_the_workspace_was_made(language: Language) {
    let seeded = demo_cases(d("2026-11-02"), language);
    let exercise = exercise_cases(d("2026-11-23"), language);
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

fn the_same_day_gives_the_same_cases_with_fixed_ids(language: Language) {
    let today = course_days()[0];
    assert_eq!(demo_cases(today, language), demo_cases(today, language));
    assert_eq!(exercise_cases(today, language), exercise_cases(today, language));
    let all: Vec<Case> = demo_cases(today, language).into_iter().chain(exercise_cases(today, language)).collect();
    let json = serde_json::to_string(&all).unwrap();
    // No random (v4) id anywhere: a uuid's version digit is the 15th character.
    let random =
        json.split('"').filter(|s| s.len() == 36 && s.as_bytes()[8] == b'-' && s.as_bytes()[14] == b'4').count();
    assert_eq!(random, 0);
    let ids: std::collections::HashSet<_> = demo_cases(today, language).iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 8);
    assert_ne!(
        demo_cases(today, language),
        demo_cases(today + chrono::Duration::days(1), language),
        "dates follow the day"
    );
}

fn every_case_round_trips_through_json(language: Language) {
    let today = course_days()[0];
    for case in demo_cases(today, language).into_iter().chain(exercise_cases(today, language)) {
        let json = serde_json::to_string(&case).unwrap();
        assert_eq!(serde_json::from_str::<Case>(&json).unwrap(), case);
    }
}

/// Every text a worker wrote in a case: what changes with the demo's language.
fn written(case: &Case) -> Vec<String> {
    let p = &case.plan;
    let mut texts = vec![
        &p.child.languages,
        &p.child.disability_needs,
        &p.child.current_setting,
        &p.placement.location,
        &p.placement.caregivers,
        &p.placement.relationship,
        &p.worker.role,
        &p.worker.organisation,
        &p.monitoring.notes,
        &p.participation.child_views,
        &p.participation.consulted_how,
        &p.participation.family_views,
        &p.best_interests.outcome,
    ];
    for person in p.household.iter() {
        texts.extend([&person.name, &person.notes]);
    }
    for n in p.needs.iter() {
        texts.extend([&n.need, &n.response, &n.by_whom]);
    }
    for s in p.services.iter() {
        texts.extend([&s.description, &s.provider, &s.location]);
    }
    for a in p.actions.iter() {
        texts.extend([&a.what, &a.responsible]);
    }
    for r in p.referrals.iter() {
        texts.extend([&r.to, &r.reason, &r.feedback]);
    }
    for v in p.monitoring.visits.iter() {
        texts.extend([&v.place, &v.seen, &v.wellbeing, &v.services_checked, &v.concerns, &v.follow_up]);
    }
    for i in &case.checklist.items {
        texts.extend([&i.responsible, &i.notes, &i.not_applicable_reason]);
    }
    texts.extend(case.checklist.milestones.iter().map(|m| &m.evidence));
    for h in &case.handovers {
        texts.extend([&h.note, &h.to.role, &h.from.role, &h.to.organisation]);
    }
    texts.extend(case.closure.iter().map(|c| &c.reason));
    texts.into_iter().cloned().collect()
}

/// A sentence rather than a name: a word in it starts with a small letter ("Lucía Fernández"
/// is a name; "Ana and Rafael Duarte" is English, "Ana y Rafael Duarte" Spanish).
fn sentence(text: &str) -> bool {
    text.split_whitespace().count() > 1 && text.split_whitespace().any(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// A case as JSON with every text written in words blanked out: what must be the same in every
/// language (ids, dates, times, statuses, activity ids, case numbers, addresses, counts).
fn structure(case: &Case) -> serde_json::Value {
    fn blank(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) => {
                // A sign-off's fingerprint is a hash of the plan's words, so it differs by language.
                let fingerprint = s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit());
                let data = !fingerprint
                    && (s.parse::<uuid::Uuid>().is_ok()
                        || s.parse::<NaiveDate>().is_ok()
                        || s.parse::<chrono::DateTime<Utc>>().is_ok()
                        || s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                        || s.contains('@')
                        || s.starts_with("DEMO-"));
                if !data {
                    *s = "…".into();
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(blank),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(blank),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(case).unwrap();
    blank(&mut value);
    value
}

#[test]
fn every_language_gives_the_same_cases_in_its_own_words() {
    for today in course_days() {
        let all = |l| demo_cases(today, l).into_iter().chain(exercise_cases(today, l)).collect::<Vec<_>>();
        let english = all(Language::En);
        let english_sentences: std::collections::HashSet<String> =
            english.iter().flat_map(written).filter(|t| sentence(t)).collect();
        assert!(english_sentences.len() > 250, "{}", english_sentences.len());
        for language in [Language::Es, Language::Fr] {
            let cases = all(language);
            assert_eq!(cases.len(), english.len());
            for (case, en) in cases.iter().zip(&english) {
                assert_eq!((case.id, case.version, &case.case_number), (en.id, en.version, &en.case_number));
                assert_eq!(case.plan.child.name, en.plan.child.name);
                assert_eq!(structure(case), structure(en), "{} in {}", en.title(), language.code());
                let texts = written(case);
                assert_eq!(texts.len(), written(en).len());
                for text in texts {
                    assert!(
                        !english_sentences.contains(&text),
                        "English left in {}'s case in {}: {text}",
                        en.plan.child.name,
                        language.code()
                    );
                }
                // Nothing written is left empty where English has words, nor the other way round.
                for (text, en_text) in written(case).iter().zip(written(en)) {
                    assert_eq!(text.is_empty(), en_text.is_empty(), "{en_text}");
                }
            }
        }
        let spanish = all(Language::Es);
        let french = all(Language::Fr);
        assert!(spanish.iter().flat_map(written).any(|t| t.contains("Servicio Infantil Ejemplo")));
        assert!(french.iter().flat_map(written).any(|t| t.contains("Service de l'enfance Exemple")));
    }
}

/// The tests above, for the demo in every language.
mod every_language {
    use super::*;

    #[test]
    fn every_placement_pathway_is_shown() {
        for language in Language::ALL {
            super::every_placement_pathway_is_shown(language);
        }
    }

    #[test]
    fn every_stage_is_shown_whatever_day_the_course_runs() {
        for language in Language::ALL {
            super::every_stage_is_shown_whatever_day_the_course_runs(language);
        }
    }

    #[test]
    fn an_overdue_visit_an_unanswered_urgent_referral_and_a_handover() {
        for language in Language::ALL {
            super::an_overdue_visit_an_unanswered_urgent_referral_and_a_handover(language);
        }
    }

    #[test]
    fn every_history_is_a_readable_timeline() {
        for language in Language::ALL {
            super::every_history_is_a_readable_timeline(language);
        }
    }

    #[test]
    fn plans_are_full_valid_and_use_every_choice() {
        for language in Language::ALL {
            super::plans_are_full_valid_and_use_every_choice(language);
        }
    }

    #[test]
    fn the_exercise_file_is_one_conflict_and_the_rest_new() {
        for language in Language::ALL {
            super::the_exercise_file_is_one_conflict_and_the_rest_new(language);
        }
    }

    #[test]
    fn the_exercise_file_is_a_conflict_whatever_day_the_workspace_was_made() {
        for language in Language::ALL {
            super::the_exercise_file_is_a_conflict_whatever_day_the_workspace_was_made(language);
        }
    }

    #[test]
    fn the_same_day_gives_the_same_cases_with_fixed_ids() {
        for language in Language::ALL {
            super::the_same_day_gives_the_same_cases_with_fixed_ids(language);
        }
    }

    #[test]
    fn every_case_round_trips_through_json() {
        for language in Language::ALL {
            super::every_case_round_trips_through_json(language);
        }
    }
}

/// The Reports page of a course has something in every chart, whatever day the course runs.
#[test]
fn the_past_year_fills_every_chart_of_the_reports() {
    use crate::domain::report::{report, Filter, Period};
    for today in course_days() {
        for language in [Language::En, Language::Es, Language::Fr] {
            let past = past_year_cases(today, language);
            assert_eq!(past.len(), usize::from(PAST_YEAR_CASES));
            for case in &past {
                let days: Vec<_> = case.history.0.iter().map(|e| e.at).collect();
                assert!(
                    days.windows(2).all(|w| w[0] <= w[1]),
                    "{}: the history in the order it happened",
                    case.title()
                );
            }
            let records: Vec<_> = demo_cases(today, language).iter().chain(&past).map(|c| c.report_record()).collect();
            let year = Period::new(today - chrono::Duration::days(365), today).unwrap();
            let r = report(&records, year, &Filter::default(), today);
            assert!(r.stages.iter().all(|&n| n > 0), "every stage: {:?}", r.stages);
            assert!(r.outcomes.len() >= 4, "closed with several outcomes: {:?}", r.outcomes);
            let spread = r.time_to_placement.as_ref().expect("placements timed");
            assert!(spread.count >= 10, "{spread:?}");
            let last = r.settings.last().unwrap().counts;
            assert!(last[0] > 0 && last[1] > 0 && last[3] > 0, "residential, family-based, independent: {last:?}");
            assert!(r.milestones.iter().all(|&n| n > 0) || r.milestones[4] > 0, "{:?}", r.milestones);
            assert!(r.visits_due > 0 && r.visits_done > 0);
            assert!(r.urgent_referrals.made >= 5 && r.urgent_referrals.percent_in_time().is_some());
            assert!(r.referrals.len() >= 5, "{:?}", r.referrals.keys().collect::<Vec<_>>());
            assert!(!r.themes.is_empty() && !r.overdue_by_worker.is_empty());
            let quarter = crate::domain::report::Preset::LastQuarter.period(today);
            assert!(report(&records, quarter, &Filter::default(), today).cases >= 15);
        }
    }
}

#[test]
fn the_demo_shows_a_plan_approved_and_one_changed_since_approval() {
    use crate::domain::sign_off::{SignOffOf, SignOffState};
    for language in [Language::En, Language::Es, Language::Fr] {
        for today in course_days() {
            let cases = demo_cases(today, language);
            let state = |child: &str| {
                let case = named(&cases, child);
                match case.plan.sign_offs.state(SignOffOf::Plan, &case.plan) {
                    SignOffState::Approved(_) => "approved",
                    SignOffState::ChangedSinceApproval(_) => "changed",
                    _ => "other",
                }
            };
            assert_eq!(state("Yerlin"), "approved");
            assert_eq!(state("Mateo"), "changed", "the handover changed the plan after its approval");
        }
    }
}

#[test]
fn the_demo_shows_two_assessments_compared_and_needs_made_from_the_first() {
    use crate::domain::assessment::{compare, Change};
    use crate::domain::CareDomain;
    for language in [Language::En, Language::Es, Language::Fr] {
        let cases = demo_cases(course_days()[0], language);
        let valentina = named(&cases, "Valentina");
        let (latest, before) = valentina.plan.assessments.latest_two().expect("two assessments");
        assert!(latest.is_complete() && before.date < latest.date);
        let changes = compare(latest, before);
        let change = |domain| changes.iter().find(|(d, _)| *d == domain).map(|(_, c)| *c);
        assert_eq!(change(CareDomain::Family), Some(Change::Better));
        assert_eq!(change(CareDomain::Emotional), Some(Change::Worse));
        assert_eq!(change(CareDomain::Disability), Some(Change::NewlyRated));
        let from_first =
            valentina.plan.needs.iter().filter(|n| n.from.is_some_and(|f| f.assessment == before.id)).count();
        assert_eq!(from_first, 2, "the needs the first assessment led to point back at it");
    }
}
