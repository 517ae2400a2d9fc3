//! The plan's texts: sections, visits, the handover, problems, open items, case titles, referrals.

use super::catalogue::checklist_item_title;
use crate::domain::checklist::ItemProblem;
use crate::domain::closure::{OpenItem, OpenKind};
use crate::domain::handover::HandoverProblem;
use crate::domain::monitoring::{Visit, VisitFrequency};
use crate::domain::section::Section;
use crate::domain::validation::{Problem, ProblemKind};
use crate::domain::{Case, CaseSummary, Person, PlacementType, Referral};
use crate::i18n::{date, long_date, td_string, Locale, Translate};

/// The one line telling the worker what a plan step is for.
pub fn section_purpose(l: Locale, section: Section) -> &'static str {
    match section {
        Section::Case => td_string!(l, vocab.section_purpose.case),
        Section::Worker => td_string!(l, vocab.section_purpose.worker),
        Section::Child => td_string!(l, vocab.section_purpose.child),
        Section::Household => td_string!(l, vocab.section_purpose.household),
        Section::Placement => td_string!(l, vocab.section_purpose.placement),
        Section::Assessment => td_string!(l, vocab.section_purpose.assessment),
        Section::Needs => td_string!(l, vocab.section_purpose.needs),
        Section::Services => td_string!(l, vocab.section_purpose.services),
        Section::Actions => td_string!(l, vocab.section_purpose.actions),
        Section::Monitoring => td_string!(l, vocab.section_purpose.monitoring),
        Section::SafetyPlan => td_string!(l, vocab.section_purpose.safety_plan),
        Section::Participation => td_string!(l, vocab.section_purpose.participation),
        Section::Consent => td_string!(l, vocab.section_purpose.consent),
        Section::Referrals => td_string!(l, vocab.section_purpose.referrals),
        Section::BestInterests => td_string!(l, vocab.section_purpose.best_interests),
    }
}

/// A person of the household as a choice or a title: "Rosa Gómez (Grandparent)", the name or
/// the relationship alone when only one is known, else "Person 2" by their place in the list.
pub fn person_name(l: Locale, person: &Person, n: usize) -> String {
    let name = person.name.trim();
    match (name.is_empty(), person.relationship) {
        (false, Some(r)) => td_string!(l, plan.sections.person_choice, name, relationship = r.in_locale(l)).to_string(),
        (false, None) => name.to_string(),
        (true, Some(r)) => r.in_locale(l).to_string(),
        (true, None) => td_string!(l, plan.household.item, n).to_string(),
    }
}

/// A choice of the visit-frequency `<select>`, by its key (`VisitFrequency::CHOICES`).
pub fn visit_frequency_choice(l: Locale, key: &str) -> &'static str {
    match key {
        "weekly" => td_string!(l, vocab.visit_frequency.weekly),
        "every_two_weeks" => td_string!(l, vocab.visit_frequency.every_two_weeks),
        "monthly" => td_string!(l, vocab.visit_frequency.monthly),
        "quarterly" => td_string!(l, vocab.visit_frequency.quarterly),
        _ => td_string!(l, vocab.visit_frequency.every_n_days),
    }
}

/// How often visits are planned, in words: "Monthly", "Every 10 days", "Every day".
pub fn visit_frequency(l: Locale, frequency: VisitFrequency) -> String {
    match frequency {
        VisitFrequency::EveryNDays(1) => td_string!(l, vocab.visit_frequency.every_day).to_string(),
        VisitFrequency::EveryNDays(n) => td_string!(l, vocab.visit_frequency.every_days, n).to_string(),
        other => visit_frequency_choice(l, other.key()).to_string(),
    }
}

/// The three points of the handover checklist, in the order of `handover::CHECKLIST`.
pub fn handover_points(l: Locale) -> [&'static str; 3] {
    [
        td_string!(l, vocab.handover_point.plan_reviewed),
        td_string!(l, vocab.handover_point.child_and_family_told),
        td_string!(l, vocab.handover_point.referrals_and_needs_reviewed),
    ]
}

/// A validation problem in the interface's language. Dates in it stay year-month-day, as the
/// English has them.
pub fn problem_message(l: Locale, problem: &Problem) -> String {
    match problem.kind {
        ProblemKind::NoCaseNumber => td_string!(l, vocab.problem.no_case_number).to_string(),
        ProblemKind::ReviewBeforeStart(start) => {
            td_string!(l, vocab.problem.review_before_start, date = start).to_string()
        }
        ProblemKind::NoCaseWorker => td_string!(l, vocab.problem.no_case_worker).to_string(),
        ProblemKind::BirthInFuture => td_string!(l, vocab.problem.birth_in_future).to_string(),
        ProblemKind::AgeTooHigh(max) => td_string!(l, vocab.problem.age_too_high, max).to_string(),
        ProblemKind::PersonNotIdentified => td_string!(l, vocab.problem.person_not_identified).to_string(),
        ProblemKind::NeedNotDescribed => td_string!(l, vocab.problem.need_not_described).to_string(),
        ProblemKind::ServiceNotDescribed => td_string!(l, vocab.problem.service_not_described).to_string(),
        ProblemKind::ActionNotDescribed => td_string!(l, vocab.problem.action_not_described).to_string(),
        ProblemKind::DaysOutOfRange => td_string!(l, vocab.problem.days_out_of_range).to_string(),
        ProblemKind::LastVisitInFuture => td_string!(l, vocab.problem.last_visit_in_future).to_string(),
        ProblemKind::VisitNotDated => td_string!(l, vocab.problem.visit_not_dated).to_string(),
        ProblemKind::VisitInFuture => td_string!(l, vocab.problem.visit_in_future).to_string(),
        ProblemKind::ConsultedInFuture => td_string!(l, vocab.problem.consulted_in_future).to_string(),
        ProblemKind::ReferralNotNamed => td_string!(l, vocab.problem.referral_not_named).to_string(),
        ProblemKind::StatusInFuture => td_string!(l, vocab.problem.status_in_future).to_string(),
        ProblemKind::StatusBeforePrevious(previous) => {
            td_string!(l, vocab.problem.status_before_previous, date = previous).to_string()
        }
        ProblemKind::AssessmentInFuture => td_string!(l, vocab.problem.assessment_in_future).to_string(),
        ProblemKind::ConsentUnclear => td_string!(l, vocab.problem.consent_unclear).to_string(),
        ProblemKind::ConsentInFuture => td_string!(l, vocab.problem.consent_in_future).to_string(),
        ProblemKind::ContactNotNamed => td_string!(l, vocab.problem.contact_not_named).to_string(),
        ProblemKind::AgreedInFuture => td_string!(l, vocab.problem.agreed_in_future).to_string(),
        ProblemKind::ReviewBeforeAgreed(agreed) => {
            td_string!(l, vocab.problem.review_before_agreed, date = agreed).to_string()
        }
        ProblemKind::DeterminationBeforeAssessment(assessed) => {
            td_string!(l, vocab.problem.determination_before_assessment, date = assessed).to_string()
        }
    }
}

/// Says a typed date is not a real one (the text as typed, trimmed).
pub fn not_a_real_date(l: Locale, text: &str) -> String {
    td_string!(l, vocab.problem.not_a_real_date, text = text.trim()).to_string()
}

/// A problem with a checklist item as entered.
pub fn item_problem(l: Locale, problem: ItemProblem) -> &'static str {
    match problem {
        ItemProblem::NoReason => td_string!(l, vocab.item_problem.no_reason),
        ItemProblem::DoneInFuture => td_string!(l, vocab.item_problem.done_in_future),
        ItemProblem::NoTitle => td_string!(l, vocab.item_problem.no_title),
    }
}

/// Why a handover could not be recorded.
pub fn handover_problem(l: Locale, problem: &HandoverProblem) -> &'static str {
    match problem {
        HandoverProblem::NoName => td_string!(l, vocab.handover_problem.no_name),
        HandoverProblem::SameWorker => td_string!(l, vocab.handover_problem.same_worker),
        HandoverProblem::NoDate => td_string!(l, vocab.handover_problem.no_date),
        HandoverProblem::FutureDate => td_string!(l, vocab.handover_problem.future_date),
        HandoverProblem::NoNote => td_string!(l, vocab.handover_problem.no_note),
    }
}

/// One thing still open when closing a case: "Protection need: …", "Referral to … (made)".
pub fn open_item(l: Locale, item: &OpenItem) -> String {
    let name = |text: &str| {
        if text.is_empty() {
            td_string!(l, vocab.open_item.not_described).to_string()
        } else {
            text.to_string()
        }
    };
    match item {
        OpenItem::Need(need) => td_string!(l, vocab.open_item.need, name = name(need)).to_string(),
        OpenItem::Service(service) => td_string!(l, vocab.open_item.service, name = name(service)).to_string(),
        OpenItem::Action(what) => td_string!(l, vocab.open_item.action, name = name(what)).to_string(),
        OpenItem::Referral(to, status) => {
            td_string!(l, vocab.open_item.referral, name = name(to), status = status.in_locale(l).to_lowercase())
                .to_string()
        }
        OpenItem::Checklist(checklist_item) => {
            // The English has always shown the title as stored.
            let title =
                if l == Locale::en { checklist_item.title.clone() } else { checklist_item_title(l, checklist_item) };
            td_string!(l, vocab.open_item.checklist, title).to_string()
        }
    }
}

/// Everything still open on a case, as [`Case::open_items`] tells it, in the interface's language.
pub fn open_items(l: Locale, case: &Case) -> Vec<String> {
    case.open_item_list().iter().map(|item| open_item(l, item)).collect()
}

/// How many of a kind are still open: "3 protection needs", "1 checklist activity".
pub fn open_count(l: Locale, kind: OpenKind, n: usize) -> String {
    match (kind, n) {
        (OpenKind::Need, 1) => td_string!(l, vocab.open_count.need_one).to_string(),
        (OpenKind::Need, n) => td_string!(l, vocab.open_count.need_many, n).to_string(),
        (OpenKind::Service, 1) => td_string!(l, vocab.open_count.service_one).to_string(),
        (OpenKind::Service, n) => td_string!(l, vocab.open_count.service_many, n).to_string(),
        (OpenKind::Action, 1) => td_string!(l, vocab.open_count.action_one).to_string(),
        (OpenKind::Action, n) => td_string!(l, vocab.open_count.action_many, n).to_string(),
        (OpenKind::Referral, 1) => td_string!(l, vocab.open_count.referral_one).to_string(),
        (OpenKind::Referral, n) => td_string!(l, vocab.open_count.referral_many, n).to_string(),
        (OpenKind::Activity, 1) => td_string!(l, vocab.open_count.activity_one).to_string(),
        (OpenKind::Activity, n) => td_string!(l, vocab.open_count.activity_many, n).to_string(),
    }
}

/// "Visit on 3 May 2026", or that its date is not set.
pub fn visit_title(l: Locale, visit: &Visit) -> String {
    match visit.date {
        Some(day) => td_string!(l, vocab.visit.title, date = long_date(l, day)).to_string(),
        None => td_string!(l, vocab.visit.no_date).to_string(),
    }
}

/// The case number as shown, or that there is none.
pub fn case_number(l: Locale, number: &str) -> String {
    match number.trim() {
        "" => td_string!(l, vocab.case.without_number).to_string(),
        number => number.to_string(),
    }
}

/// How a case is named to a person, as [`Case::title`]: its number, and the child's name.
pub fn case_title(l: Locale, case: &Case) -> String {
    named_case(l, &case.case_number, &case.plan.child.name)
}

/// A case named by its number and the child's name (as the overview's deadlines keep them), as
/// [`case_title`] names it.
pub fn named_case(l: Locale, number: &str, child_name: &str) -> String {
    let number = case_number(l, number);
    match child_name.trim() {
        "" => number,
        name => format!("{number} ({name})"),
    }
}

/// What a case-list row shows in this language, for the search to find it by
/// (`CaseIndex::with_words`): the number (or that there is none), the placement and the status.
pub fn case_search_words(l: Locale, summary: &CaseSummary) -> String {
    format!(
        "{} {} {}",
        case_number(l, &summary.case_number),
        placement_label(l, summary.placement),
        summary.status.in_locale(l)
    )
}

/// The planned placement, or that it is not decided yet (as `CaseSummary::placement_label`).
pub fn placement_label(l: Locale, placement: Option<PlacementType>) -> &'static str {
    placement.map_or_else(|| td_string!(l, vocab.case.placement_not_decided), |p| p.in_locale(l))
}

/// A referral's steps: "Made on 12 Jan 2026 → Accepted on 22 Jan 2026"; empty before any change.
pub fn referral_status_trail(l: Locale, referral: &Referral) -> String {
    referral
        .status_changes
        .iter()
        .map(|c| {
            td_string!(l, vocab.referral_trail_step, status = c.status.in_locale(l), date = date(l, c.on)).to_string()
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::backup::{self, BackupStatus};
    use crate::domain::history::HistoryEntry;
    use crate::domain::passphrase::Strength;
    use crate::domain::section::SectionState;
    use crate::domain::validation;
    use crate::domain::{Determination, DueItem, DuePlace, DueWhat, ReferralStatus, ServiceType};
    use crate::vocabulary::{backup_last, backup_reminder, bytes, due_description, due_item_what, history_area};
    use chrono::{NaiveDate, Utc};

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn other_vocabularies_read_in_english_as_before() {
        for s in Section::ALL {
            assert_eq!(s.in_locale(Locale::en), s.title());
            assert_eq!(section_purpose(Locale::en, s), s.purpose());
        }
        for s in
            [SectionState::NotStarted, SectionState::InProgress, SectionState::Complete, SectionState::NeedsAttention]
        {
            assert_eq!(s.in_locale(Locale::en), s.label());
        }
        for s in [Strength::Weak, Strength::Fair, Strength::Strong, Strength::VeryStrong] {
            assert_eq!(s.in_locale(Locale::en), s.label());
        }
        for (key, label) in VisitFrequency::CHOICES {
            assert_eq!(visit_frequency_choice(Locale::en, key), label);
        }
        for f in [
            VisitFrequency::Weekly,
            VisitFrequency::EveryTwoWeeks,
            VisitFrequency::Monthly,
            VisitFrequency::Quarterly,
            VisitFrequency::EveryNDays(1),
            VisitFrequency::EveryNDays(9),
        ] {
            assert_eq!(visit_frequency(Locale::en, f), f.describe());
        }
        assert_eq!(visit_frequency(Locale::es, VisitFrequency::EveryNDays(9)), "Cada 9 días");
        assert_eq!(handover_points(Locale::en), crate::domain::handover::CHECKLIST);
        for (area, title) in
            [("checklist", "Checklist and milestones"), ("worker", "Case worker"), ("unknown", Section::Case.title())]
        {
            let entry = HistoryEntry { area: area.into(), ..HistoryEntry::default() };
            assert_eq!(history_area(Locale::en, &entry), title);
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn messages_read_in_english_as_the_domain_tells_them() {
        use crate::domain::items::{Action, Service};
        use chrono::TimeZone;
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let mut case = Case::new(uuid::Uuid::new_v4(), " ".into(), now);
        case.plan.child.birth_date = Some("2027-01-01".parse().unwrap());
        case.plan.child.estimated_age = Some(40);
        case.plan.start_date = Some("2026-11-01".parse().unwrap());
        case.plan.next_review = Some("2026-10-01".parse().unwrap());
        case.plan.services.push(Service::default());
        case.plan.actions.push(Action::default());
        case.plan.household.push(crate::domain::Person::default());
        case.plan.monitoring.frequency = Some(VisitFrequency::EveryNDays(0));
        case.plan.best_interests.determination = Determination::Done;
        case.plan.best_interests.assessment_date = Some("2026-10-10".parse().unwrap());
        case.plan.best_interests.determination_date = Some("2026-10-01".parse().unwrap());
        let problems = validation::validate(&case, today);
        assert!(problems.len() >= 8);
        for p in &problems {
            assert_eq!(problem_message(Locale::en, p), p.kind.message());
            assert!(!problem_message(Locale::fr, p).is_empty());
        }
        for p in [ItemProblem::NoReason, ItemProblem::DoneInFuture, ItemProblem::NoTitle] {
            assert_eq!(item_problem(Locale::en, p), p.message());
        }
        for p in [
            HandoverProblem::NoName,
            HandoverProblem::SameWorker,
            HandoverProblem::NoDate,
            HandoverProblem::FutureDate,
            HandoverProblem::NoNote,
        ] {
            assert_eq!(handover_problem(Locale::en, &p), p.to_string());
        }
        case.set_pathway(Some(PlacementType::Kinship));
        case.plan.referrals.push(Referral { to: "Clinic".into(), status: ReferralStatus::Made, ..Referral::default() });
        assert_eq!(open_items(Locale::en, &case), case.open_items());
        assert!(open_items(Locale::es, &case).contains(&"Derivación a Clinic (realizada)".to_string()));
        for (d, words) in [
            ("2026-11-23", "due today"),
            ("2026-11-24", "due tomorrow"),
            ("2026-11-22", "1 day overdue"),
            ("2026-11-03", "20 days overdue"),
            ("2026-11-26", "due in 3 days"),
        ] {
            assert_eq!(due_description(Locale::en, d.parse().unwrap(), today), words);
        }
        let review = DueItem::at(DuePlace::Case, None, DueWhat::PlanReview, today);
        assert_eq!(due_item_what(Locale::en, &review), "Plan review");
        assert_eq!(due_item_what(Locale::fr, &review), "Révision du plan");
        let respite = DueWhat::Checklist { activity: Some("respite_care".into()), title: "Respite care".into() };
        let checklist = DueItem::at(DuePlace::Checklist, None, respite, today);
        assert_eq!(due_item_what(Locale::es, &checklist), "Lista de actividades: Cuidado de respiro");
        let untitled = DueItem::at(DuePlace::Actions, None, DueWhat::Action { text: String::new() }, today);
        assert_eq!(due_item_what(Locale::fr, &untitled), "Action : (pas encore décrit)");
        let service = DueWhat::Service { service_type: Some(ServiceType::Health), description: String::new() };
        assert_eq!(
            due_item_what(Locale::es, &DueItem::at(DuePlace::Services, None, service, today)),
            "Servicio: Salud"
        );
        assert_eq!(case_title(Locale::en, &case), case.title());
        assert_eq!(named_case(Locale::fr, " ", ""), "Dossier sans numéro");
        assert_eq!(placement_label(Locale::en, case.summary().placement), case.summary().placement_label());
        assert_eq!(placement_label(Locale::en, None), "Not decided");
        for size in [0.0, 532.0, 1_500.0, 25_000.0, 3_200_000.0] {
            assert_eq!(bytes(Locale::en, size), backup::format_bytes(size));
        }
        assert_eq!(bytes(Locale::fr, 1_500.0), "1,5 Ko");
        let status = BackupStatus { last: None, changed: 2, due: true };
        assert_eq!(backup_reminder(Locale::en, &status, now), status.reminder(now));
        let status = BackupStatus { last: Some(now), changed: 1, due: false };
        assert_eq!(backup_reminder(Locale::en, &status, now), status.reminder(now));
        assert_eq!(backup_last(Locale::es, &status, now), "hoy");
    }
}
