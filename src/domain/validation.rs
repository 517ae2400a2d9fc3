//! What must be right in a plan, with messages a case worker understands. Problems never stop
//! a save: a half-written plan is kept, and the form shows what still needs correcting.

use chrono::NaiveDate;

use super::case::Case;
use super::choices::Determination;
use super::items::ListItem;
use super::monitoring::{Visit, VisitFrequency};
use super::section::{Section, SectionState};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub section: Section,
    /// Names the field the message belongs beside: `worker.name`, or `services.<id>.provider`
    /// for a field of a list item.
    pub field: String,
    /// What is wrong, for the message in the interface's language (`vocabulary::problem_message`).
    pub kind: ProblemKind,
}

/// What validation found wrong, with the values its message names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    NoCaseNumber,
    /// The review is not after the plan's start (the start date).
    ReviewBeforeStart(NaiveDate),
    NoCaseWorker,
    BirthInFuture,
    /// The estimated age is over the most allowed (that most).
    AgeTooHigh(u8),
    /// A person of the household with neither a name nor a relationship.
    PersonNotIdentified,
    NeedNotDescribed,
    ServiceNotDescribed,
    ActionNotDescribed,
    DaysOutOfRange,
    LastVisitInFuture,
    VisitNotDated,
    VisitInFuture,
    ConsultedInFuture,
    ReferralNotNamed,
    /// A referral's present status is dated after today.
    StatusInFuture,
    /// A referral's present status is dated before its previous step (that step's day).
    StatusBeforePrevious(NaiveDate),
    AssessmentInFuture,
    /// A person or place of the safety plan with no name.
    ContactNotNamed,
    AgreedInFuture,
    /// The safety plan's review is not after the day it was agreed (that day).
    ReviewBeforeAgreed(NaiveDate),
    /// A consent without who decided, about what, or the decision.
    ConsentUnclear,
    ConsentInFuture,
    /// The determination is dated before the assessment (the assessment date).
    DeterminationBeforeAssessment(NaiveDate),
}

impl ProblemKind {
    /// The message in English: what the vocabulary's tests hold `locales/en` to. The app words
    /// messages through `vocabulary::problem_message`.
    #[cfg(test)]
    pub fn message(self) -> String {
        match self {
            Self::NoCaseNumber => "Give the case a number. It keeps the child's name out of lists and files.".into(),
            Self::ReviewBeforeStart(start) => format!("The review must come after the plan starts ({start})."),
            Self::NoCaseWorker => "Name the case worker responsible for this plan.".into(),
            Self::BirthInFuture => "A date of birth cannot be in the future.".into(),
            Self::AgeTooHigh(max) => format!("Enter an age of {max} or under, in years."),
            Self::PersonNotIdentified => {
                "Give the person's name or their relationship to the child, or remove them.".into()
            }
            Self::NeedNotDescribed => "Describe the need, or remove it.".into(),
            Self::ServiceNotDescribed => "Say what the service is or who provides it, or remove it.".into(),
            Self::ActionNotDescribed => "Say what is to be done, or remove it.".into(),
            Self::DaysOutOfRange => "Enter a number of days from 1 to 365.".into(),
            Self::LastVisitInFuture => "The last visit cannot be in the future.".into(),
            Self::VisitNotDated => "Enter the date of the visit.".into(),
            Self::VisitInFuture => {
                "A visit cannot be logged for a day still to come; plan it as the next visit instead.".into()
            }
            Self::ConsultedInFuture => "The child cannot have been consulted on a day still to come.".into(),
            Self::ReferralNotNamed => "Name the service or agency the referral is to, or remove it.".into(),
            Self::StatusInFuture => "The date of this status cannot be in the future.".into(),
            Self::StatusBeforePrevious(previous) => {
                format!("This status cannot come before the previous one ({previous}).")
            }
            Self::AssessmentInFuture => "The assessment cannot be dated in the future.".into(),
            Self::ConsentUnclear => "Say who decided, about what, and what they decided, or remove it.".into(),
            Self::ConsentInFuture => "A decision cannot be dated on a day still to come.".into(),
            Self::ContactNotNamed => "Say who or where the child can turn to, or remove it.".into(),
            Self::AgreedInFuture => "The plan cannot have been agreed on a day still to come.".into(),
            Self::ReviewBeforeAgreed(agreed) => format!("The review must come after the plan is agreed ({agreed})."),
            Self::DeterminationBeforeAssessment(assessed) => {
                format!("The determination comes after the assessment ({assessed}).")
            }
        }
    }
}

impl Problem {
    pub fn new(section: Section, field: impl Into<String>, kind: ProblemKind) -> Self {
        Self { section, field: field.into(), kind }
    }
}

/// A section's state depends on the problems found in it, so it is worked out here, beside
/// validation, and `section.rs` needs nothing of this file.
impl Section {
    /// How far the section is filled in, given the problems validation found in the case.
    pub fn state(self, case: &Case, problems: &[Problem]) -> SectionState {
        if problems.iter().any(|p| p.section == self) {
            return SectionState::NeedsAttention;
        }
        let (filled, started) = self.progress(case);
        if filled {
            SectionState::Complete
        } else if started {
            SectionState::InProgress
        } else {
            SectionState::NotStarted
        }
    }

    /// How many of the plan's sections are complete, out of all of them.
    pub fn completed(case: &Case, problems: &[Problem]) -> (usize, usize) {
        let done = Self::ALL.iter().filter(|s| s.state(case, problems) == SectionState::Complete).count();
        (done, Self::ALL.len())
    }
}

/// The key of a field inside a list item, as used in [`Problem::field`].
pub fn item_field(list: &str, item: &impl ListItem, field: &str) -> String {
    format!("{list}.{}.{field}", item.id())
}

/// Reads a date as typed. Browsers without a date picker hand over raw text, so anything but a
/// real calendar date is refused with a message rather than stored.
pub fn parse_date_input(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("\u{201c}{text}\u{201d} is not a real date. Pick it from the calendar, or write it as year-month-day, for example 2026-03-31."))
}

const MAX_AGE: u8 = 30;

/// Why a visit's date cannot stand: none given, or a day still to come. Also checks a visit
/// being written before it is logged.
pub fn visit_date_problem(visit: &Visit, today: NaiveDate) -> Option<ProblemKind> {
    match visit.date {
        None => Some(ProblemKind::VisitNotDated),
        Some(day) if day > today => Some(ProblemKind::VisitInFuture),
        Some(_) => None,
    }
}

pub fn validate(case: &Case, today: NaiveDate) -> Vec<Problem> {
    let plan = &case.plan;
    let mut problems = Vec::new();
    let mut check = |ok: bool, section: Section, field: String, kind: ProblemKind| {
        if !ok {
            problems.push(Problem::new(section, field, kind));
        }
    };
    let blank = |s: &str| s.trim().is_empty();
    let not_future = |d: Option<NaiveDate>| d.is_none_or(|d| d <= today);

    check(!blank(&case.case_number), Section::Case, "case_number".into(), ProblemKind::NoCaseNumber);
    if let (Some(start), Some(review)) = (plan.start_date, plan.next_review) {
        check(review > start, Section::Case, "next_review".into(), ProblemKind::ReviewBeforeStart(start));
    }

    check(!blank(&plan.worker.name), Section::Worker, "worker.name".into(), ProblemKind::NoCaseWorker);

    check(not_future(plan.child.birth_date), Section::Child, "child.birth_date".into(), ProblemKind::BirthInFuture);
    check(
        plan.child.estimated_age.is_none_or(|a| a <= MAX_AGE),
        Section::Child,
        "child.estimated_age".into(),
        ProblemKind::AgeTooHigh(MAX_AGE),
    );

    for person in plan.household.iter() {
        check(
            person.is_identified(),
            Section::Household,
            item_field("household", person, "name"),
            ProblemKind::PersonNotIdentified,
        );
        check(
            not_future(person.birth_date),
            Section::Household,
            item_field("household", person, "birth_date"),
            ProblemKind::BirthInFuture,
        );
    }

    for assessment in plan.assessments.iter() {
        check(
            not_future(assessment.date),
            Section::Assessment,
            item_field("assessments", assessment, "date"),
            ProblemKind::AssessmentInFuture,
        );
    }

    for need in plan.needs.iter() {
        check(!blank(&need.need), Section::Needs, item_field("needs", need, "need"), ProblemKind::NeedNotDescribed);
    }
    for service in plan.services.iter() {
        check(
            !blank(&service.description) || !blank(&service.provider),
            Section::Services,
            item_field("services", service, "description"),
            ProblemKind::ServiceNotDescribed,
        );
    }
    for action in plan.actions.iter() {
        check(
            !blank(&action.what),
            Section::Actions,
            item_field("actions", action, "what"),
            ProblemKind::ActionNotDescribed,
        );
    }

    let safety = &plan.safety_plan;
    for contact in safety.contacts.iter() {
        check(
            !blank(&contact.name),
            Section::SafetyPlan,
            item_field("safe_contacts", contact, "name"),
            ProblemKind::ContactNotNamed,
        );
    }
    check(
        not_future(safety.agreed_on),
        Section::SafetyPlan,
        "safety_plan.agreed_on".into(),
        ProblemKind::AgreedInFuture,
    );
    if let (Some(agreed), Some(review)) = (safety.agreed_on, safety.review_on) {
        check(
            review > agreed,
            Section::SafetyPlan,
            "safety_plan.review_on".into(),
            ProblemKind::ReviewBeforeAgreed(agreed),
        );
    }

    if let Some(VisitFrequency::EveryNDays(days)) = plan.monitoring.frequency {
        check((1..=365).contains(&days), Section::Monitoring, "monitoring.days".into(), ProblemKind::DaysOutOfRange);
    }
    check(
        not_future(plan.monitoring.last_visit),
        Section::Monitoring,
        "monitoring.last_visit".into(),
        ProblemKind::LastVisitInFuture,
    );
    for visit in plan.monitoring.visits.iter() {
        if let Some(kind) = visit_date_problem(visit, today) {
            check(false, Section::Monitoring, item_field("visits", visit, "date"), kind);
        }
    }

    check(
        not_future(plan.participation.consulted_on),
        Section::Participation,
        "participation.consulted_on".into(),
        ProblemKind::ConsultedInFuture,
    );

    for consent in plan.consents.iter() {
        check(
            consent.is_clear(),
            Section::Consent,
            item_field("consents", consent, "who"),
            ProblemKind::ConsentUnclear,
        );
        check(
            not_future(consent.date),
            Section::Consent,
            item_field("consents", consent, "date"),
            ProblemKind::ConsentInFuture,
        );
    }

    for referral in plan.referrals.iter() {
        check(
            !blank(&referral.to),
            Section::Referrals,
            item_field("referrals", referral, "to"),
            ProblemKind::ReferralNotNamed,
        );
        let since = referral.status_since();
        let field = item_field("referrals", referral, "status_since");
        check(not_future(since), Section::Referrals, field.clone(), ProblemKind::StatusInFuture);
        if let (Some(since), Some(previous)) = (since, referral.previous_step_on()) {
            check(since >= previous, Section::Referrals, field, ProblemKind::StatusBeforePrevious(previous));
        }
    }

    let bi = &plan.best_interests;
    check(
        not_future(bi.assessment_date),
        Section::BestInterests,
        "best_interests.assessment_date".into(),
        ProblemKind::AssessmentInFuture,
    );
    // The determination date is asked for, and shown, only once the determination is done.
    if let (Determination::Done, Some(assessed), Some(determined)) =
        (bi.determination, bi.assessment_date, bi.determination_date)
    {
        check(
            determined >= assessed,
            Section::BestInterests,
            "best_interests.determination_date".into(),
            ProblemKind::DeterminationBeforeAssessment(assessed),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::items::Service;
    use chrono::Utc;
    use uuid::Uuid;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_visit_being_written_is_checked_as_a_logged_one() {
        let today = d("2026-12-07");
        let mut visit = Visit::new(today, "Ana");
        assert_eq!(visit_date_problem(&visit, today), None);
        visit.date = Some(d("2026-12-08"));
        assert_eq!(visit_date_problem(&visit, today), Some(ProblemKind::VisitInFuture));
        visit.date = None;
        assert_eq!(visit_date_problem(&visit, today), Some(ProblemKind::VisitNotDated));
    }

    fn today() -> NaiveDate {
        d("2026-11-23")
    }

    fn fields(case: &Case) -> Vec<String> {
        validate(case, today()).into_iter().map(|p| p.field).collect()
    }

    fn valid_case() -> Case {
        let mut case = Case::new(Uuid::new_v4(), "K7Q2M-2026-0001".into(), Utc::now());
        case.plan.worker.name = "Ana Ruiz".into();
        case
    }

    #[test]
    fn a_person_of_the_household_is_named_or_related_and_born_already() {
        use crate::domain::{Person, Relationship};
        let mut case = valid_case();
        let person = Person::default();
        let id = person.id;
        case.plan.household.push(person);
        assert_eq!(fields(&case), [format!("household.{id}.name")]);
        assert_eq!(Section::Household.state(&case, &validate(&case, today())), SectionState::NeedsAttention);
        case.plan.household.update(id, |p| p.relationship = Some(Relationship::Grandparent));
        assert!(fields(&case).is_empty(), "a relationship is enough to point at someone");
        case.plan.household.update(id, |p| p.birth_date = Some(d("2027-01-01")));
        assert_eq!(fields(&case), [format!("household.{id}.birth_date")]);
        case.plan.household.update(id, |p| p.birth_date = Some(d("1960-01-01")));
        assert_eq!(Section::Household.state(&case, &validate(&case, today())), SectionState::Complete);
    }

    #[test]
    fn a_safety_plan_names_who_the_child_turns_to_and_is_agreed_before_its_review() {
        use crate::domain::SafeContact;
        let mut case = valid_case();
        let contact = SafeContact { how_to_reach: "555 0101".into(), ..SafeContact::default() };
        let id = contact.id;
        case.plan.safety_plan.contacts.push(contact);
        assert_eq!(fields(&case), [format!("safe_contacts.{id}.name")]);
        assert_eq!(Section::SafetyPlan.state(&case, &validate(&case, today())), SectionState::NeedsAttention);
        case.plan.safety_plan.contacts.update(id, |c| c.name = "Aunt Marta".into());
        case.plan.safety_plan.agreed_on = Some(d("2026-11-24"));
        assert_eq!(fields(&case), ["safety_plan.agreed_on"], "agreed tomorrow");
        case.plan.safety_plan.agreed_on = Some(d("2026-11-20"));
        case.plan.safety_plan.review_on = Some(d("2026-11-20"));
        let problems = validate(&case, today());
        assert_eq!(problems[0].kind, ProblemKind::ReviewBeforeAgreed(d("2026-11-20")));
        assert_eq!(problems[0].field, "safety_plan.review_on");
        case.plan.safety_plan.review_on = Some(d("2027-02-20"));
        assert!(fields(&case).is_empty());
        assert_eq!(Section::SafetyPlan.state(&case, &[]), SectionState::InProgress, "no risks or agreement written");
    }

    #[test]
    fn a_consent_says_who_decided_what_and_is_not_dated_ahead() {
        use crate::domain::{Consent, ConsentDecision, ConsentScope, Consenter};
        let mut case = valid_case();
        let consent = Consent { who: Some(Consenter::Child), ..Consent::default() };
        let id = consent.id;
        case.plan.consents.push(consent);
        assert_eq!(fields(&case), [format!("consents.{id}.who")]);
        case.plan.consents.update(id, |c| {
            c.scope = Some(ConsentScope::Assessment);
            c.decision = Some(ConsentDecision::Given);
            c.date = Some(d("2026-11-24"));
        });
        assert_eq!(fields(&case), [format!("consents.{id}.date")]);
        case.plan.consents.update(id, |c| c.date = Some(d("2026-11-23")));
        assert!(fields(&case).is_empty());
        assert_eq!(Section::Consent.state(&case, &[]), SectionState::Complete);
        case.plan.referrals.push(crate::domain::Referral {
            to: "Clinic".into(),
            status: crate::domain::ReferralStatus::Made,
            ..Default::default()
        });
        assert_eq!(
            Section::Consent.state(&case, &validate(&case, today())),
            SectionState::InProgress,
            "a referral made with no consent to share leaves the step open, as a warning, not a problem"
        );
    }

    #[test]
    fn a_referral_step_recorded_later_keeps_the_day_it_was_taken() {
        use crate::domain::{Referral, ReferralStatus};
        // Dated 20 November, marked urgent and made on 5 December, when it was typed.
        let mut referral =
            Referral { to: "Clinic".into(), urgent: true, date: Some(d("2026-11-20")), ..Default::default() };
        referral.set_status(ReferralStatus::Made, d("2026-12-05"));
        assert_eq!(referral.answer_due(), Some(d("2026-12-12")), "as typed: seven days from the 5th");
        // The worker gives the day it was made: the answer was due on the 27th, 8 days before.
        referral.set_status_since(d("2026-11-20"));
        assert_eq!((referral.made_on(), referral.answer_due()), (Some(d("2026-11-20")), Some(d("2026-11-27"))));
        assert_eq!(referral.days_unanswered(d("2026-12-05")), Some(15));
        assert_eq!(referral.status_changes.len(), 1, "the step's day changed, no step added");

        // Accepted later: its own day, which cannot be before the step before it, nor to come.
        referral.set_status(ReferralStatus::Accepted, d("2026-11-23"));
        assert_eq!(
            (referral.status_since(), referral.previous_step_on()),
            (Some(d("2026-11-23")), Some(d("2026-11-20")))
        );
        let mut case = valid_case();
        let field = format!("referrals.{}.status_since", referral.id);
        case.plan.referrals.push(referral);
        assert_eq!(fields(&case), Vec::<String>::new());
        let edit = |case: &mut Case, on: &str| {
            case.plan.referrals.0[0].set_status_since(d(on));
            validate(case, today()).into_iter().map(|p| (p.field, p.kind)).collect::<Vec<_>>()
        };
        assert_eq!(
            edit(&mut case, "2026-11-19"),
            [(field.clone(), ProblemKind::StatusBeforePrevious(d("2026-11-20")))]
        );
        assert_eq!(edit(&mut case, "2026-11-24"), [(field, ProblemKind::StatusInFuture)]);
    }

    #[test]
    fn case_number_and_case_worker_are_required() {
        assert!(fields(&valid_case()).is_empty());
        let mut case = valid_case();
        case.case_number = "  ".into();
        case.plan.worker.name.clear();
        assert_eq!(fields(&case), ["case_number", "worker.name"]);
    }

    #[test]
    fn review_must_come_after_start() {
        let mut case = valid_case();
        case.plan.start_date = Some(d("2026-11-01"));
        case.plan.next_review = Some(d("2026-11-01"));
        let problems = validate(&case, today());
        assert_eq!(problems[0].field, "next_review");
        assert_eq!(problems[0].kind, ProblemKind::ReviewBeforeStart(d("2026-11-01")));
        case.plan.next_review = Some(d("2027-02-01"));
        assert!(fields(&case).is_empty());
    }

    #[test]
    fn dates_in_the_past_only_where_they_record_what_happened() {
        let mut case = valid_case();
        case.plan.child.birth_date = Some(d("2027-01-01"));
        case.plan.participation.consulted_on = Some(d("2026-12-01"));
        case.plan.monitoring.last_visit = Some(d("2026-11-24"));
        assert_eq!(fields(&case), ["child.birth_date", "monitoring.last_visit", "participation.consulted_on"]);
    }

    #[test]
    fn list_items_need_their_main_text() {
        let mut case = valid_case();
        let service = Service::default();
        let id = service.id;
        case.plan.services.push(service);
        let problems = validate(&case, today());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].section, Section::Services);
        assert_eq!(problems[0].field, format!("services.{id}.description"));
        case.plan.services.update(id, |s| s.provider = "Clínica San José".into());
        assert!(fields(&case).is_empty());
    }

    #[test]
    fn every_n_days_needs_a_sensible_number() {
        let mut case = valid_case();
        case.plan.monitoring.frequency = Some(VisitFrequency::EveryNDays(0));
        assert_eq!(fields(&case), ["monitoring.days"]);
        case.plan.monitoring.frequency = Some(VisitFrequency::EveryNDays(10));
        assert!(fields(&case).is_empty());
    }

    #[test]
    fn determination_after_assessment() {
        let mut case = valid_case();
        case.plan.best_interests.assessment_date = Some(d("2026-10-10"));
        case.plan.best_interests.determination_date = Some(d("2026-10-01"));
        assert!(
            fields(&case).is_empty(),
            "a date left from before the determination was undone is not shown, so not checked"
        );
        case.plan.best_interests.determination = Determination::Done;
        assert_eq!(fields(&case), ["best_interests.determination_date"]);
    }

    #[test]
    fn typed_dates_must_be_real() {
        assert_eq!(parse_date_input(""), Ok(None));
        assert_eq!(parse_date_input("2026-02-28"), Ok(Some(d("2026-02-28"))));
        let err = parse_date_input("2026-02-30").unwrap_err();
        assert!(err.contains("not a real date"), "{err}");
        assert!(parse_date_input("31/01/2026").is_err());
    }

    #[test]
    fn each_problem_carries_its_kind_with_the_values_its_message_names() {
        let mut case = valid_case();
        case.plan.start_date = Some(d("2026-11-01"));
        case.plan.next_review = Some(d("2026-10-01"));
        case.plan.child.estimated_age = Some(31);
        let problems = validate(&case, today());
        let kinds: Vec<ProblemKind> = problems.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [ProblemKind::ReviewBeforeStart(d("2026-11-01")), ProblemKind::AgeTooHigh(30)]);
        assert_eq!(problems[1].kind.message(), "Enter an age of 30 or under, in years.");
    }
}
