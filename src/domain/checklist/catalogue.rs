//! The reintegration activities and key milestones of the *case plan implementation and
//! placement* stage, taken line by line from the source text (`seed.txt`).
//!
//! Identifiers are stored in cases and files. They never change meaning: a later catalogue may
//! reword a title or add activities, never reuse or remove an identifier. An item whose
//! identifier this build does not know (from a newer catalogue) still shows, under the title
//! stored with it.

use super::super::choices::{Choice, PlacementType, ServiceType};
use serde::{Deserialize, Serialize};

/// Raised when activities or milestones are added. Recorded on each checklist.
pub const CATALOGUE_VERSION: u32 = 1;

choice!(
    /// How the checklist is grouped on screen, in this order.
    Theme {
        PreparingChild = "preparing_child": "Preparing the child or young person",
        Family = "family": "Strengthening the family",
        Services = "services": "Services, school and health",
        Safety = "safety": "Safety and monitoring",
        Legal = "legal": "Legal steps and documents",
        Community = "community": "Community",
        IndependentLiving = "independent_living": "Independent living",
        DayOfPlacement = "day_of_placement": "The day of placement",
    }
);

choice!(
    /// The five key milestones of the stage.
    Milestone {
        Prepared = "prepared": "Prepared for placement",
        LegalSteps = "legal_steps": "Legal steps complete",
        SafetyPlan = "safety_plan": "Safety and monitoring plan in place",
        Referrals = "referrals": "Referrals completed",
        Placed = "placed": "Placed or transitioned",
    }
);

default_choice!(Theme => PreparingChild);

impl Milestone {
    /// What reaching the milestone means, in the source's words.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Prepared => "Children/youth and families have been well prepared for reunification/placement or transition to independent living",
            Self::LegalSteps => "All legal steps and procedures for reintegration/placement have been completed",
            Self::SafetyPlan => "Safety and monitoring plans have been put in place for all children/youth",
            Self::Referrals => "Referrals to new services, including school transfers and course enrollments, have been completed to support children and their families post reunification/placement/transition",
            Self::Placed => "All children/youth have been reunified, placed in more suitable alternative care settings (priority given to family-based) or have transitioned into independent living",
        }
    }

    /// What to write down as evidence that it is reached.
    pub fn evidence_hint(self) -> &'static str {
        match self {
            Self::Prepared => {
                "For example: sessions held with the child and the family, the home visit that found it ready."
            }
            Self::LegalSteps => "Which legal steps and documents, with dates and reference numbers.",
            Self::SafetyPlan => "Where the safety plan is kept, who monitors and how often.",
            Self::Referrals => "Which services, schools or courses the child and family are now enrolled with.",
            Self::Placed => "Where the child or young person now lives, since when, and with whom.",
        }
    }
}

/// One activity that may happen in the stage.
#[derive(Debug)]
pub struct Activity {
    /// Stable: stored in cases and export files.
    pub id: &'static str,
    pub title: &'static str,
    /// One line in plain words.
    pub explanation: &'static str,
    pub theme: Theme,
    pub pathways: &'static [PlacementType],
    /// The milestones the activity counts towards.
    pub milestones: &'static [Milestone],
    /// The line of the source text it comes from, word for word.
    pub source: &'static str,
}

impl Activity {
    pub fn applies_to(&self, pathway: PlacementType) -> bool {
        self.pathways.contains(&pathway)
    }

    /// The kind of plan service that does this activity's work, where one does: the checklist
    /// then points to the plan's services of that kind, so the same work is not tracked as two
    /// unrelated things.
    pub fn service_kind(&self) -> Option<ServiceType> {
        match self.id {
            "counselling" | "addiction" => Some(ServiceType::Psychosocial),
            "vocational_training" | "job_readiness" => Some(ServiceType::Livelihood),
            "school_transfer" | "school_reintegration" => Some(ServiceType::Education),
            "medical_transfer" => Some(ServiceType::Health),
            "disability_services" | "assistive_devices" => Some(ServiceType::Disability),
            "placement_documents" => Some(ServiceType::LegalDocumentation),
            _ => None,
        }
    }
}

use Milestone as M;
use PlacementType::*;
use Theme as T;

const ALL: &[PlacementType] =
    &[Reunification, Kinship, Foster, SmallGroupHome, SupportedIndependentLiving, IndependentLiving];
/// Pathways where the child goes to live in a family or family-like home.
const FAMILY: &[PlacementType] = &[Reunification, Kinship, Foster, SmallGroupHome];
/// Pathways where a family or carers take the child into their own home.
const HOME: &[PlacementType] = &[Reunification, Kinship, Foster];
/// Young people leaving care to live on their own, with or without support.
const YOUTH: &[PlacementType] = &[SupportedIndependentLiving, IndependentLiving];

macro_rules! activity {
    ($id:literal, $theme:expr, $pathways:expr, [$($m:expr),*], $title:literal, $explanation:literal, $source:literal) => {
        Activity { id: $id, title: $title, explanation: $explanation, theme: $theme, pathways: $pathways, milestones: &[$($m),*], source: $source }
    };
}

/// In the order of the source text.
pub const ACTIVITIES: &[Activity] = &[
    activity!("care_setting", T::Family, FAMILY, [M::Prepared], "Improve the care setting before placement",
        "Make the home or setting the child will go to safe and suitable before they move.",
        "Improving the care setting/environment pre-reunification/placement"),
    activity!("life_skills", T::PreparingChild, ALL, [M::Prepared], "Life skills training",
        "Everyday skills for the child's age: cooking, money, hygiene, getting around.",
        "Life skills training"),
    activity!("vocational_training", T::PreparingChild, ALL, [M::Prepared], "Vocational training",
        "Training in a trade or skill that can lead to work.",
        "Vocational training"),
    activity!("language_culture", T::PreparingChild, ALL, [M::Prepared], "Local language and culture",
        "Help the child regain the local language or dialect and reconnect with cultural practices.",
        "Language and local culture acquisition (where children no longer speak their local language or dialect and have disconnected from their cultural practices)"),
    activity!("job_readiness", T::IndependentLiving, YOUTH, [M::Prepared], "Job readiness training",
        "Prepare the young person to look for, get and keep a job.",
        "Job readiness training (youth)"),
    activity!("protective_behaviours", T::PreparingChild, ALL, [M::Prepared, M::SafetyPlan], "Protective behaviours training",
        "Teach the child how to recognise risk and who to tell when they feel unsafe.",
        "Protective behaviors training"),
    activity!("counselling", T::Services, ALL, [M::Prepared], "Counselling or other therapies",
        "Counselling or therapy for the child to deal with what happened and the move ahead.",
        "Counselling and/or other therapies"),
    activity!("family_visits", T::Family, ALL, [M::Prepared], "Family re-connection and visits",
        "Regular contact and visits between the child and their family before the move.",
        "Ongoing family re-connection and family visits"),
    activity!("addiction", T::Services, ALL, [M::Prepared, M::Referrals], "Address addiction",
        "Treatment or support for alcohol or drug use, of the child or in the family.",
        "Addressing addiction"),
    activity!("family_strengthening", T::Family, HOME, [M::Prepared], "Family strengthening",
        "Build the family's capacity to care: income, support network, coping with stress.",
        "Family strengthening and capacity building"),
    activity!("positive_parenting", T::Family, HOME, [M::Prepared], "Conflict resolution and positive parenting",
        "Training for caregivers in positive parenting and in resolving conflict without violence.",
        "Conflict resolution and positive parenting training"),
    activity!("safety_plan", T::Safety, ALL, [M::SafetyPlan], "Child and family safety plan",
        "Write with the child and family what keeps the child safe and what to do if things go wrong.",
        "Developing child and family safety plans"),
    activity!("life_book", T::PreparingChild, ALL, [M::Prepared], "Life book or life story",
        "Help the child put together their own story, with photos and memories.",
        "Developing life books/life stories"),
    activity!("expression", T::PreparingChild, ALL, [M::Prepared], "Chances for expression",
        "Dance, art, journaling or other ways for the child to express feelings.",
        "Creating opportunities for expression (dance, art, journaling etc.)"),
    activity!("care_leaver_network", T::IndependentLiving, YOUTH, [M::Referrals], "Care-leaver support and peer networks",
        "Connect the young person with care-leaver support services and peer networks.",
        "Connecting children and youth with existing care leaver support services/peer networks"),
    activity!("assistive_devices", T::Services, ALL, [M::Prepared], "Assistive devices and home adaptations",
        "For a child with a disability: the devices they need and the changes the home needs.",
        "Ensuring children with disabilities have assistive devices as needed and equipping homes with adaptations"),
    activity!("mentor", T::IndependentLiving, YOUTH, [M::Referrals], "Community or peer mentor",
        "Link the young person with a mentor from the community or a peer who has left care.",
        "Connecting youth with community or peer mentors"),
    activity!("service_referrals", T::Services, ALL, [M::Referrals], "Referrals to government and community services",
        "Connect or refer the child and family to the government and community services they need.",
        "Connecting or referring children/families to government and community-based services"),
    activity!("respite_care", T::Family, HOME, [M::Referrals], "Respite care",
        "Arrange short breaks for the caregivers where the support plan includes them.",
        "Arranging for respite care services (where this is a feature of support plans)"),
    activity!("school_transfer", T::Services, ALL, [M::Referrals], "Prepare the school transfer",
        "Records, place and enrolment at the new school or course.",
        "Preparing for school transfers"),
    activity!("medical_transfer", T::Services, ALL, [M::Referrals], "Transfer medical care",
        "Move the child's medical care and records to the local clinic or hospital.",
        "Preparing for transfer of medical care to local clinics/hospitals"),
    activity!("disability_services", T::Services, ALL, [M::Referrals], "Local disability services and rehabilitation",
        "Set up or find community-based services and rehabilitation for a child with a disability.",
        "Setting up or locating community-based services/rehabilitation for children with disabilities"),
    activity!("placement_documents", T::Legal, ALL, [M::LegalSteps], "Placement documents with local authorities",
        "Prepare and file the documents the local authorities need for the placement.",
        "Preparing placement documentation with local authorities"),
    activity!("community_sensitisation", T::Community, ALL, [M::Prepared], "Community engagement and sensitisation",
        "Prepare the community to receive the child and address any discrimination.",
        "Conducting community engagement/sensitization activities and addressing any discrimination"),
    activity!("realistic_expectations", T::PreparingChild, ALL, [M::Prepared], "Realistic expectations",
        "Talk with the child and family about what life will really be like after the move.",
        "Preparing families and children for realistic expectations after placement/reunification"),
    activity!("community_leaders", T::Community, ALL, [M::SafetyPlan], "Community leaders in support and monitoring",
        "Involve trusted community leaders in supporting the child and keeping an eye on them.",
        "Engaging community leaders in support and/or monitoring activities"),
    activity!("reintegration_kit", T::DayOfPlacement, ALL, [M::Prepared], "Reintegration kit",
        "A package of essential supplies for the child's first weeks in the new home.",
        "Preparing reintegration kits or packages (essential supplies)"),
    activity!("prepare_home", T::Family, HOME, [M::Prepared], "Help the family prepare the home",
        "A bed, space and what else the child needs, ready before they arrive.",
        "Helping families prepare the home"),
    activity!("school_reintegration", T::Services, ALL, [M::Referrals], "Connect to the school and prepare teachers",
        "Meet the school and prepare the teachers to welcome the child back.",
        "Connecting to schools and preparing teachers for school reintegration"),
    activity!("accommodation", T::IndependentLiving, YOUTH, [M::Placed], "Accommodation for independent living",
        "Find a suitable place to live, with supported independent living services where needed.",
        "Finding suitable accommodation for young people transitioning into independent living, including supported independent living services where required"),
    activity!("aftercare", T::IndependentLiving, YOUTH, [M::Referrals], "Aftercare services",
        "Connect the young person with the aftercare services that continue after they leave care.",
        "Connecting young people with aftercare services"),
    activity!("farewell", T::DayOfPlacement, ALL, [M::Placed], "Farewell party",
        "A goodbye with staff and friends at the residential care facility.",
        "Farewell parties"),
    activity!("day_planning", T::DayOfPlacement, ALL, [M::Placed], "Plan the day of the move together",
        "Plan the day of reunification, placement or transition with the child and family.",
        "Participatory planning for the day of reunification/placement/transitiong with children, young people and families"),
    activity!("community_welcome", T::Community, ALL, [M::Placed], "Community welcome event",
        "A welcome for the child in the community they are joining.",
        "Community welcome events"),
];

/// The activity with this identifier, if this build's catalogue has it.
pub fn activity(id: &str) -> Option<&'static Activity> {
    ACTIVITIES.iter().find(|a| a.id == id)
}

/// The activities proposed for a pathway, in catalogue order.
pub fn for_pathway(pathway: PlacementType) -> impl Iterator<Item = &'static Activity> {
    ACTIVITIES.iter().filter(move |a| a.applies_to(pathway))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const SEED: &str = include_str!("seed.txt");

    /// The bullet lines of one part of the source text.
    fn bullets(after: &str, before: &str) -> Vec<String> {
        let start = SEED.find(after).expect("heading in the seed");
        let end = SEED[start..].find(before).map_or(SEED.len(), |e| start + e);
        SEED[start..end].lines().filter_map(|l| l.trim().strip_prefix('•')).map(|l| l.trim().to_string()).collect()
    }

    #[test]
    fn every_activity_of_the_seed_is_there_once_in_order() {
        let lines = bullets("Activities that might occur", "Key Milestones");
        assert_eq!(lines.len(), 34);
        assert_eq!(ACTIVITIES.len(), 34);
        let sources: Vec<&str> = ACTIVITIES.iter().map(|a| a.source).collect();
        assert_eq!(sources, lines);
    }

    #[test]
    fn every_milestone_of_the_seed_is_there() {
        let lines = bullets("Key milestones associated", "Resources");
        assert_eq!(lines.len(), 5);
        let meanings: Vec<&str> = Milestone::ALL.iter().map(|m| m.meaning()).collect();
        assert_eq!(meanings, lines);
    }

    #[test]
    fn identifiers_are_stable_and_unique() {
        let ids: HashSet<&str> = ACTIVITIES.iter().map(|a| a.id).collect();
        assert_eq!(ids.len(), ACTIVITIES.len());
        // Stored in cases: these exact identifiers must keep meaning the same activity.
        for (id, source) in [
            ("care_setting", "Improving the care setting"),
            ("job_readiness", "Job readiness training"),
            ("safety_plan", "Developing child and family safety plans"),
            ("placement_documents", "Preparing placement documentation"),
            ("accommodation", "Finding suitable accommodation"),
            ("community_welcome", "Community welcome events"),
        ] {
            assert!(activity(id).unwrap().source.starts_with(source), "{id}");
        }
        let milestone_keys: Vec<&str> = Milestone::ALL.iter().map(|m| m.key()).collect();
        assert_eq!(milestone_keys, ["prepared", "legal_steps", "safety_plan", "referrals", "placed"]);
        assert!(ACTIVITIES
            .iter()
            .all(|a| !a.id.is_empty() && a.id.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
    }

    #[test]
    fn every_activity_is_explained_and_counts_somewhere() {
        for a in ACTIVITIES {
            assert!(!a.title.is_empty() && a.title.len() <= 60, "{}: short title", a.id);
            assert!(a.explanation.ends_with('.') && a.explanation.len() <= 110, "{}: one plain line", a.id);
            assert!(!a.pathways.is_empty(), "{}", a.id);
            assert!(!a.milestones.is_empty(), "{}", a.id);
        }
        for m in Milestone::ALL {
            assert!(ACTIVITIES.iter().any(|a| a.milestones.contains(m)), "{m:?} has activities bearing on it");
        }
    }

    #[test]
    fn youth_only_activities_belong_to_independent_living() {
        for id in ["job_readiness", "accommodation", "aftercare", "mentor", "care_leaver_network"] {
            let a = activity(id).unwrap();
            assert_eq!(a.pathways, YOUTH, "{id}");
        }
        for pathway in [Reunification, Kinship, Foster, SmallGroupHome] {
            assert!(for_pathway(pathway).all(|a| a.pathways != YOUTH), "{pathway:?} gets no youth-only activity");
        }
    }

    #[test]
    fn every_pathway_has_a_sensible_set() {
        for &pathway in PlacementType::ALL {
            let ids: Vec<&str> = for_pathway(pathway).map(|a| a.id).collect();
            assert!(ids.len() >= 20, "{pathway:?} has {} activities", ids.len());
            for needed in ["safety_plan", "placement_documents", "day_planning", "service_referrals"] {
                assert!(ids.contains(&needed), "{pathway:?} needs {needed}");
            }
            let reachable: HashSet<Milestone> =
                for_pathway(pathway).flat_map(|a| a.milestones.iter().copied()).collect();
            assert_eq!(reachable.len(), 5, "{pathway:?} has activities for every milestone");
        }
        let home_only = ["family_strengthening", "positive_parenting", "prepare_home", "respite_care"];
        for id in home_only {
            assert!(
                activity(id).unwrap().applies_to(Reunification) && !activity(id).unwrap().applies_to(IndependentLiving)
            );
        }
        assert!(for_pathway(IndependentLiving).any(|a| a.id == "accommodation"));
        assert!(!for_pathway(SmallGroupHome).any(|a| a.id == "prepare_home"));
    }

    #[test]
    fn unknown_identifiers_are_not_guessed() {
        assert!(activity("from_a_newer_catalogue").is_none());
    }
}
