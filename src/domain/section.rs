//! The steps of the guided plan form, and how far each one is filled in.

use super::case::Case;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Case,
    Worker,
    Child,
    Household,
    Placement,
    Assessment,
    Needs,
    Services,
    Actions,
    Monitoring,
    SafetyPlan,
    Participation,
    Consent,
    Referrals,
    BestInterests,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionState {
    NotStarted,
    InProgress,
    Complete,
    /// Something entered needs correcting.
    NeedsAttention,
}

impl SectionState {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::Complete => "Complete",
            Self::NeedsAttention => "Needs attention",
        }
    }
}

impl Section {
    pub const ALL: [Section; 15] = [
        Self::Case,
        Self::Worker,
        Self::Child,
        Self::Household,
        Self::Placement,
        Self::Assessment,
        Self::Needs,
        Self::Services,
        Self::Actions,
        Self::Monitoring,
        Self::SafetyPlan,
        Self::Participation,
        Self::Consent,
        Self::Referrals,
        Self::BestInterests,
    ];

    /// The part of the address after `/plan/`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Case => "case",
            Self::Worker => "worker",
            Self::Child => "child",
            Self::Household => "household",
            Self::Placement => "placement",
            Self::Assessment => "assessment",
            Self::Needs => "needs",
            Self::Services => "services",
            Self::Actions => "actions",
            Self::Monitoring => "monitoring",
            Self::SafetyPlan => "safety-plan",
            Self::Participation => "participation",
            Self::Consent => "consent",
            Self::Referrals => "referrals",
            Self::BestInterests => "best-interests",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The English title: what the vocabulary's tests hold `locales/en` to (the app words it
    /// through `vocabulary`), and the history's area in tests.
    #[cfg(test)]
    pub fn title(self) -> &'static str {
        match self {
            Self::Case => "Case and plan",
            Self::Worker => "Case worker",
            Self::Child => "Child",
            Self::Household => "Household and family",
            Self::Placement => "Placement",
            Self::Assessment => "Assessment",
            Self::Needs => "Protection needs",
            Self::Services => "Services",
            Self::Actions => "Other actions",
            Self::Monitoring => "Monitoring visits",
            Self::SafetyPlan => "Safety plan",
            Self::Participation => "Child participation",
            Self::Consent => "Consent and data sharing",
            Self::Referrals => "Referrals",
            Self::BestInterests => "Best interests",
        }
    }

    /// One line telling the worker what the step is for, in English (as [`Self::title`]).
    #[cfg(test)]
    pub fn purpose(self) -> &'static str {
        match self {
            Self::Case => "The case number keeps the child's identity private. Set the plan's status and when it will be reviewed.",
            Self::Worker => "The named person with overall responsibility for making sure the plan is carried out.",
            Self::Child => "Record only what the work needs.",
            Self::Household => "The people around the child: who they are to the child, who lives with the child, and who cares for the child now or will.",
            Self::Placement => "Where the child will live and who will provide care.",
            Self::Assessment => "How the child is doing in each area of their life, from urgent need to strength. Each new assessment is compared with the one before, and a need leads to the plan.",
            Self::Needs => "Each protection need, how it will be addressed, by whom and by when.",
            Self::Services => "Health, education, psychosocial and other services: who provides them, where and by when. Urgent services come first.",
            Self::Actions => "Any other action to take, who is responsible and by when.",
            Self::Monitoring => "How often the child will be visited to check they are safe and receiving what the plan sets out.",
            Self::SafetyPlan => "Agreed with the child and the caregivers: what could put the child at risk and how to see it coming, what each will do, and who the child can turn to.",
            Self::Participation => "The child's views and wishes in their own words, and the family's views.",
            Self::Consent => "Who agreed, or refused, to an assessment, to sharing the child's information with a service, to photos or to a referral; when and how. A withdrawal is recorded as a new decision.",
            Self::Referrals => "Services outside your organisation the child or family is referred to, and what came back.",
            Self::BestInterests => "Best Interests Assessment and, where needed, Determination.",
        }
    }

    pub fn position(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).expect("every section is in ALL")
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.position() + 1).copied()
    }

    pub fn previous(self) -> Option<Self> {
        self.position().checked_sub(1).map(|i| Self::ALL[i])
    }

    /// (everything the step asks for is there, something has been entered)
    pub(super) fn progress(self, case: &Case) -> (bool, bool) {
        let plan = &case.plan;
        let has = |s: &str| !s.trim().is_empty();
        match self {
            Self::Case => (
                has(&case.case_number) && plan.start_date.is_some() && plan.next_review.is_some(),
                plan.start_date.is_some() || plan.next_review.is_some(),
            ),
            Self::Worker => {
                let w = &plan.worker;
                (
                    has(&w.name) && has(&w.contact) && w.since.is_some(),
                    has(&w.name) || has(&w.role) || has(&w.organisation) || has(&w.contact) || w.since.is_some(),
                )
            }
            Self::Child => {
                let c = &plan.child;
                let age_known = c.birth_date.is_some() || c.estimated_age.is_some();
                (
                    has(&c.name) && age_known && c.sex.is_some(),
                    has(&c.name) || age_known || c.sex.is_some() || has(&c.languages) || has(&c.current_setting),
                )
            }
            Self::Household => (!plan.household.is_empty(), !plan.household.is_empty()),
            Self::Placement => {
                let p = &plan.placement;
                let named = has(&p.caregivers) || plan.household.caregivers().next().is_some();
                let caregiver_ok = p.kind.is_some_and(|k| !k.has_caregiver()) || named;
                (
                    p.kind.is_some() && caregiver_ok && p.planned_date.is_some(),
                    p.kind.is_some() || has(&p.location) || has(&p.caregivers) || p.planned_date.is_some(),
                )
            }
            Self::Assessment => (
                plan.assessments.newest_first().first().is_some_and(|a| a.is_complete()),
                plan.assessments.iter().any(|a| !a.is_empty()),
            ),
            Self::Needs => (!plan.needs.is_empty(), !plan.needs.is_empty()),
            Self::Services => (!plan.services.is_empty(), !plan.services.is_empty()),
            Self::Actions => (!plan.actions.is_empty(), !plan.actions.is_empty()),
            Self::Monitoring => (
                plan.monitoring.frequency.is_some(),
                plan.monitoring.frequency.is_some() || plan.monitoring.latest_visit().is_some(),
            ),
            Self::SafetyPlan => (plan.safety_plan.is_complete(), !plan.safety_plan.is_empty()),
            Self::Participation => {
                let p = &plan.participation;
                (
                    has(&p.child_views) && p.consulted_on.is_some(),
                    has(&p.child_views) || p.consulted_on.is_some() || has(&p.family_views),
                )
            }
            Self::Consent => (
                !plan.consents.is_empty()
                    && plan.consents.iter().all(|c| c.is_clear() && c.date.is_some())
                    && plan.consents.referrals_without_consent(&plan.referrals).is_empty(),
                !plan.consents.is_empty(),
            ),
            Self::Referrals => (!plan.referrals.is_empty(), !plan.referrals.is_empty()),
            Self::BestInterests => {
                use super::choices::Determination::*;
                let b = &plan.best_interests;
                let decided = match b.determination {
                    NotDecided | Needed => false,
                    NotNeeded => true,
                    Done => b.determination_date.is_some(),
                };
                (b.assessment_date.is_some() && decided, b.assessment_date.is_some() || b.determination != NotDecided)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::validate;
    use chrono::{NaiveDate, Utc};
    use uuid::Uuid;

    #[test]
    fn slugs_round_trip_and_steps_are_in_order() {
        for s in Section::ALL {
            assert_eq!(Section::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Section::Case.previous(), None);
        assert_eq!(Section::Case.next(), Some(Section::Worker));
        assert_eq!(Section::BestInterests.next(), None);
        assert_eq!(Section::from_slug("nope"), None);
    }

    #[test]
    fn states_move_from_not_started_to_complete() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let mut case = Case::new(Uuid::new_v4(), "X-1".into(), Utc::now());
        let state = |c: &Case| Section::Worker.state(c, &validate(c, today));
        assert_eq!(state(&case), SectionState::NeedsAttention, "a plan needs a named case worker");
        case.plan.worker.name = "Ana".into();
        assert_eq!(state(&case), SectionState::InProgress);
        case.plan.worker.contact = "+52 55 1234".into();
        case.plan.worker.since = Some(today);
        assert_eq!(state(&case), SectionState::Complete);
        assert_eq!(Section::Needs.state(&case, &[]), SectionState::NotStarted);
        assert_eq!(Section::completed(&case, &validate(&case, today)), (1, 15), "only the worker step is complete");
    }

    #[test]
    fn independent_living_needs_no_caregiver() {
        let mut case = Case::new(Uuid::new_v4(), "X-1".into(), Utc::now());
        case.plan.placement.kind = Some(crate::domain::PlacementType::IndependentLiving);
        case.plan.placement.planned_date = Some("2027-01-01".parse().unwrap());
        assert_eq!(Section::Placement.state(&case, &[]), SectionState::Complete);
        case.plan.placement.kind = Some(crate::domain::PlacementType::Kinship);
        assert_eq!(Section::Placement.state(&case, &[]), SectionState::InProgress);
    }

    #[test]
    fn a_caregiver_marked_in_the_household_or_written_before_completes_the_placement() {
        use crate::domain::{Caregiving, Person, PlacementType};
        let mut case = Case::new(Uuid::new_v4(), "X-1".into(), Utc::now());
        case.plan.placement.kind = Some(PlacementType::Kinship);
        case.plan.placement.planned_date = Some("2027-01-01".parse().unwrap());
        case.plan.household.push(Person { name: "Rosa".into(), ..Person::default() });
        assert_eq!(Section::Placement.state(&case, &[]), SectionState::InProgress, "in the household, not caring");
        case.plan.household.0[0].caregiver = Caregiving::Planned;
        assert_eq!(Section::Placement.state(&case, &[]), SectionState::Complete);
        case.plan.household.0.clear();
        case.plan.placement.caregivers = "Rosa (grandmother)".into();
        assert_eq!(Section::Placement.state(&case, &[]), SectionState::Complete, "as an earlier version kept it");
    }
}
