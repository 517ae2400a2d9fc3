//! The closed vocabularies' values (`vocab.<group>.<key>`): the `translate!` macro and its `Translate` impls.

use crate::domain::assessment::Change;
use crate::domain::checklist::{ChecklistStatus, Milestone, MilestoneStatus, StatusFilter, Theme};
use crate::domain::closure::ClosureOutcome;
use crate::domain::monitoring::SeenAlone;
use crate::domain::passphrase::Strength;
use crate::domain::section::{Section, SectionState};
use crate::domain::sign_off::{SignOffDecision, SignOffOf};
use crate::domain::{
    CareDomain, Caregiving, ChildAgreement, ConsentDecision, ConsentScope, ConsentWay, Consenter, Determination,
    ItemStatus, LinkedRecord, PlacementType, PlanStatus, Rating, ReferralStatus, Relationship, ServiceType, Sex,
};
use crate::i18n::{td_string, Locale, Translate};

/// `translate!(PlanStatus => plan_status { Draft => draft, … })`: each value of a closed
/// vocabulary read from `vocab.<group>.<key>`.
macro_rules! translate {
    ($ty:ty => $group:ident { $($variant:ident => $key:ident),+ $(,)? }) => {
        impl Translate for $ty {
            fn in_locale(self, l: Locale) -> &'static str {
                type This = $ty;
                match self {
                    $(This::$variant => td_string!(l, vocab.$group.$key)),+
                }
            }
        }
    };
}

translate!(PlanStatus => plan_status { Draft => draft, Active => active, Closed => closed });
translate!(PlacementType => placement_type {
    Reunification => reunification,
    Kinship => kinship,
    Foster => foster,
    SmallGroupHome => small_group_home,
    SupportedIndependentLiving => supported_independent_living,
    IndependentLiving => independent_living,
});
translate!(Sex => sex { Female => female, Male => male, Other => other, NotRecorded => not_recorded });
translate!(ItemStatus => item_status { NotStarted => not_started, InProgress => in_progress, Done => done, Cancelled => cancelled });
translate!(ServiceType => service_type {
    Health => health,
    Education => education,
    Psychosocial => psychosocial,
    LegalDocumentation => legal_documentation,
    Livelihood => livelihood,
    Disability => disability,
    Other => other,
});
translate!(ReferralStatus => referral_status { Planned => planned, Made => made, Accepted => accepted, Completed => completed, Declined => declined });
translate!(ChildAgreement => child_agreement { NotAsked => not_asked, Agrees => agrees, Partly => partly, Disagrees => disagrees });
translate!(Determination => determination { NotDecided => not_decided, NotNeeded => not_needed, Needed => needed, Done => done });
translate!(Theme => theme {
    PreparingChild => preparing_child,
    Family => family,
    Services => services,
    Safety => safety,
    Legal => legal,
    Community => community,
    IndependentLiving => independent_living,
    DayOfPlacement => day_of_placement,
});
translate!(Milestone => milestone { Prepared => prepared, LegalSteps => legal_steps, SafetyPlan => safety_plan, Referrals => referrals, Placed => placed });
translate!(ChecklistStatus => checklist_status { NotStarted => not_started, InProgress => in_progress, Done => done, NotApplicable => not_applicable });
translate!(MilestoneStatus => milestone_status { NotReached => not_reached, InProgress => in_progress, Reached => reached });
translate!(StatusFilter => status_filter {
    All => all,
    Open => open,
    NotStarted => not_started,
    InProgress => in_progress,
    Done => done,
    NotApplicable => not_applicable,
});
translate!(SectionState => section_state { NotStarted => not_started, InProgress => in_progress, Complete => complete, NeedsAttention => needs_attention });
// A section reads as its title.
translate!(Section => section {
    Case => case,
    Worker => worker,
    Child => child,
    Household => household,
    Placement => placement,
    Assessment => assessment,
    Needs => needs,
    Services => services,
    Actions => actions,
    Monitoring => monitoring,
    SafetyPlan => safety_plan,
    Participation => participation,
    Consent => consent,
    Referrals => referrals,
    BestInterests => best_interests,
});
translate!(Strength => strength { Weak => weak, Fair => fair, Strong => strong, VeryStrong => very_strong });
translate!(ClosureOutcome => closure_outcome {
    Reunified => reunified,
    Kinship => kinship,
    Foster => foster,
    SmallGroupHome => small_group_home,
    SupportedIndependentLiving => supported_independent_living,
    IndependentLiving => independent_living,
    Transferred => transferred,
    Other => other,
});
translate!(SeenAlone => seen_alone { NotRecorded => not_recorded, Yes => yes, No => no, NotAppropriate => not_appropriate });
translate!(Relationship => relationship {
    Mother => mother,
    Father => father,
    StepParent => step_parent,
    Grandparent => grandparent,
    AuntOrUncle => aunt_or_uncle,
    Sibling => sibling,
    OtherRelative => other_relative,
    FosterCarer => foster_carer,
    Guardian => guardian,
    NeighbourOrFriend => neighbour_or_friend,
    Other => other,
});
translate!(Caregiving => caregiving { No => no, Now => now, Planned => planned });
translate!(CareDomain => care_domain {
    Safety => safety,
    Health => health,
    Education => education,
    Family => family,
    Emotional => emotional,
    Living => living,
    Identity => identity,
    Disability => disability,
});
translate!(Consenter => consenter { Child => child, Caregiver => caregiver, Guardian => guardian, Other => other });
translate!(ConsentScope => consent_scope { Assessment => assessment, Sharing => sharing, Referral => referral, Photos => photos });
translate!(ConsentDecision => consent_decision { Given => given, Refused => refused, Withdrawn => withdrawn });
translate!(ConsentWay => consent_way { Written => written, Verbal => verbal, Recorded => recorded, Other => other });
translate!(SignOffOf => sign_off_of { Plan => plan, Closure => closure });
translate!(SignOffDecision => sign_off_decision { Approved => approved, ChangesAsked => changes_asked });
translate!(Change => change_kind {
    Better => better,
    Worse => worse,
    Same => same,
    NewlyRated => newly_rated,
    NoLongerRated => no_longer_rated,
});
translate!(LinkedRecord => linked_record { SafetyPlan => safety_plan });
translate!(Rating => rating { UrgentNeed => urgent_need, Need => need, Managing => managing, Strength => strength });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Choice;

    /// English must read exactly as the domain's labels: the end-to-end tests find fields by them.
    fn english_is_the_label<C: Choice + Translate + std::fmt::Debug>() {
        for &c in C::ALL {
            assert_eq!(c.in_locale(Locale::en), c.label(), "{c:?}");
            for l in [Locale::es, Locale::fr] {
                assert!(!c.in_locale(l).is_empty(), "{c:?}");
            }
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn every_choice_reads_in_english_as_its_label() {
        english_is_the_label::<PlanStatus>();
        english_is_the_label::<PlacementType>();
        english_is_the_label::<Sex>();
        english_is_the_label::<ItemStatus>();
        english_is_the_label::<ServiceType>();
        english_is_the_label::<ReferralStatus>();
        english_is_the_label::<ChildAgreement>();
        english_is_the_label::<Determination>();
        english_is_the_label::<Theme>();
        english_is_the_label::<Milestone>();
        english_is_the_label::<ChecklistStatus>();
        english_is_the_label::<MilestoneStatus>();
        english_is_the_label::<StatusFilter>();
        english_is_the_label::<ClosureOutcome>();
        english_is_the_label::<SeenAlone>();
        english_is_the_label::<Relationship>();
        english_is_the_label::<Caregiving>();
        english_is_the_label::<CareDomain>();
        english_is_the_label::<Rating>();
        english_is_the_label::<LinkedRecord>();
        english_is_the_label::<Consenter>();
        english_is_the_label::<ConsentScope>();
        english_is_the_label::<ConsentDecision>();
        english_is_the_label::<ConsentWay>();
        english_is_the_label::<SignOffOf>();
        english_is_the_label::<SignOffDecision>();
    }
}
