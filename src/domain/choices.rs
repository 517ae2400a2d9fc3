//! The closed vocabularies of the plan. Each carries a stable key (what is stored and what a
//! `<select>` posts) and a label a case worker reads.

use serde::{Deserialize, Serialize};

/// Implemented by every closed vocabulary so one `<select>` component can show any of them.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// Reads a choice by its key, taking the default for a key this build does not know (written by
/// a newer Homeward), so one unknown value never makes a whole case unreadable.
pub fn lenient<'de, D: serde::Deserializer<'de>, C: Choice + Default>(d: D) -> Result<C, D::Error> {
    let key = String::deserialize(d)?;
    Ok(C::from_key(&key).unwrap_or_default())
}

/// [`lenient`] for an optional choice: an unknown key reads as none.
pub fn lenient_option<'de, D: serde::Deserializer<'de>, C: Choice>(d: D) -> Result<Option<C>, D::Error> {
    let key = Option::<String>::deserialize(d)?;
    Ok(key.and_then(|k| C::from_key(&k)))
}

/// The value a choice takes when none was given, or when the stored key is unknown ([`lenient`]).
macro_rules! default_choice {
    ($name:ident => $variant:ident) => {
        impl Default for $name {
            fn default() -> Self {
                Self::$variant
            }
        }
    };
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal : $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $key)] $variant),+ }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn key(self) -> &'static str { match self { $(Self::$variant => $key),+ } }
            fn label(self) -> &'static str { match self { $(Self::$variant => $label),+ } }
        }
    };
}

choice!(
    /// Where the plan is in its life.
    PlanStatus {
        Draft = "draft": "Draft",
        Active = "active": "Active",
        Closed = "closed": "Closed",
    }
);

choice!(
    /// The planned placement, from the reintegration pathways.
    PlacementType {
        Reunification = "reunification": "Reunification with parents or family",
        Kinship = "kinship": "Kinship care",
        Foster = "foster": "Foster care",
        SmallGroupHome = "small_group_home": "Small group home",
        SupportedIndependentLiving = "supported_independent_living": "Supported independent living",
        IndependentLiving = "independent_living": "Independent living",
    }
);

impl PlacementType {
    /// Young people moving to live on their own have no caregiver to name.
    pub fn has_caregiver(self) -> bool {
        !matches!(self, Self::IndependentLiving)
    }
}

choice!(
    Sex {
        Female = "female": "Female",
        Male = "male": "Male",
        Other = "other": "Other",
        NotRecorded = "not_recorded": "Not recorded",
    }
);

choice!(
    /// Progress of a need, service or action.
    ItemStatus {
        NotStarted = "not_started": "Not started",
        InProgress = "in_progress": "In progress",
        Done = "done": "Done",
        Cancelled = "cancelled": "No longer needed",
    }
);

default_choice!(ItemStatus => NotStarted);

default_choice!(ServiceType => Other);

default_choice!(ReferralStatus => Planned);

default_choice!(ChildAgreement => NotAsked);

default_choice!(Determination => NotDecided);

impl ItemStatus {
    /// Open items can fall due; finished ones cannot.
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
    }
}

choice!(
    ServiceType {
        Health = "health": "Health",
        Education = "education": "Education",
        Psychosocial = "psychosocial": "Psychosocial support",
        LegalDocumentation = "legal_documentation": "Legal and documentation",
        Livelihood = "livelihood": "Livelihood and vocational",
        Disability = "disability": "Disability support",
        Other = "other": "Other",
    }
);

choice!(
    ReferralStatus {
        Planned = "planned": "Planned",
        Made = "made": "Made",
        Accepted = "accepted": "Accepted",
        Completed = "completed": "Completed",
        Declined = "declined": "Declined",
    }
);

impl ReferralStatus {
    /// A referral still waiting for something to happen.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Planned | Self::Made | Self::Accepted)
    }
}

choice!(
    /// Whether the child agrees with the plan, in the child's own terms.
    ChildAgreement {
        NotAsked = "not_asked": "Not asked yet",
        Agrees = "agrees": "Agrees",
        Partly = "partly": "Agrees in part",
        Disagrees = "disagrees": "Does not agree",
    }
);

choice!(
    /// Whether a formal Best Interests Determination is needed, and where it stands.
    Determination {
        NotDecided = "not_decided": "Not decided yet",
        NotNeeded = "not_needed": "Not needed",
        Needed = "needed": "Needed, not done yet",
        Done = "done": "Done",
    }
);

choice!(
    /// Where the child's case ended.
    ClosureOutcome {
        Reunified = "reunified": "Reunified with family",
        Kinship = "kinship": "Kinship care",
        Foster = "foster": "Foster care",
        SmallGroupHome = "small_group_home": "Small group home",
        SupportedIndependentLiving = "supported_independent_living": "Supported independent living",
        IndependentLiving = "independent_living": "Independent living",
        Transferred = "transferred": "Transferred to another agency",
        Other = "other": "Other",
    }
);
default_choice!(ClosureOutcome => Other);

/// A point of the handover checklist, as stored in a handover's history event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandoverPoint {
    PlanReviewed,
    ChildAndFamilyTold,
    ReferralsAndNeedsReviewed,
}

impl HandoverPoint {
    pub const ALL: [Self; 3] = [Self::PlanReviewed, Self::ChildAndFamilyTold, Self::ReferralsAndNeedsReviewed];

    /// Its place in `handover::CHECKLIST`.
    pub fn index(self) -> usize {
        match self {
            Self::PlanReviewed => 0,
            Self::ChildAndFamilyTold => 1,
            Self::ReferralsAndNeedsReviewed => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<C: Choice + std::fmt::Debug>() {
        for &c in C::ALL {
            assert_eq!(C::from_key(c.key()), Some(c));
            assert!(!c.label().is_empty());
        }
        assert_eq!(C::from_key("no such key"), None);
    }

    #[test]
    fn every_choice_round_trips_through_its_key() {
        round_trip::<PlanStatus>();
        round_trip::<PlacementType>();
        round_trip::<Sex>();
        round_trip::<ItemStatus>();
        round_trip::<ServiceType>();
        round_trip::<ReferralStatus>();
        round_trip::<ChildAgreement>();
        round_trip::<Determination>();
    }

    #[test]
    fn serialised_form_is_the_stable_key() {
        let json = serde_json::to_string(&PlacementType::SmallGroupHome).unwrap();
        assert_eq!(json, "\"small_group_home\"");
        let back: PlacementType = serde_json::from_str("\"kinship\"").unwrap();
        assert_eq!(back, PlacementType::Kinship);
    }

    #[test]
    fn the_six_pathways_are_all_there() {
        assert_eq!(PlacementType::ALL.len(), 6);
        assert!(!PlacementType::IndependentLiving.has_caregiver());
        assert!(PlacementType::SupportedIndependentLiving.has_caregiver());
    }
}
