//! The Care and Protection Plan: what it must specify for one child.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::choices::{lenient, lenient_option, ChildAgreement, Determination, PlacementType, PlanStatus, Sex};
use super::consent::Consent;
use super::household::Person;
use super::items::{Action, ItemList, ProtectionNeed, Referral, Service};
use super::monitoring::Monitoring;
use super::safety_plan::SafetyPlan;
use super::sign_off::{Review, SignOff};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    #[serde(deserialize_with = "lenient")]
    pub status: PlanStatus,
    pub start_date: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub worker: CaseWorker,
    pub child: Child,
    /// The people around the child; the placement's caregivers are marked among them.
    pub household: ItemList<Person>,
    pub placement: Placement,
    /// Every assessment of the child's situation, the worker's order; shown newest first.
    pub assessments: ItemList<Assessment>,
    pub needs: ItemList<ProtectionNeed>,
    pub services: ItemList<Service>,
    pub actions: ItemList<Action>,
    pub monitoring: Monitoring,
    pub safety_plan: SafetyPlan,
    pub participation: Participation,
    /// Who consented, or refused or withdrew, to what; a withdrawal is a record of its own.
    pub consents: ItemList<Consent>,
    pub referrals: ItemList<Referral>,
    pub best_interests: BestInterests,
    /// Every request for a supervisor's review of the plan or the closure, and its decision: a
    /// log, never overwritten. Left out of the plan's fingerprint.
    pub sign_offs: ItemList<SignOff>,
}

default_choice!(PlanStatus => Draft);

impl Plan {
    /// Records a reviewer's decision on the request `id`, with this plan as it stands now.
    pub fn decide_sign_off(&mut self, id: uuid::Uuid, review: Review) -> bool {
        let mut sign_offs = std::mem::take(&mut self.sign_offs);
        let decided = sign_offs.decide(id, review, self);
        self.sign_offs = sign_offs;
        decided
    }
}

/// The named person with overall responsibility for carrying the plan out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseWorker {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub contact: String,
    pub since: Option<NaiveDate>,
}

/// As little identifying data as the work needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Child {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    /// In years, when the date of birth is not known.
    pub estimated_age: Option<u8>,
    #[serde(deserialize_with = "lenient_option")]
    pub sex: Option<Sex>,
    pub languages: String,
    pub disability_needs: String,
    pub current_setting: String,
}

impl Child {
    /// Age in whole years on `today`, from the birth date or else the estimate.
    pub fn age_on(&self, today: NaiveDate) -> Option<u32> {
        match self.birth_date {
            Some(born) => today.years_since(born),
            None => self.estimated_age.map(u32::from),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Placement {
    #[serde(deserialize_with = "lenient_option")]
    pub kind: Option<PlacementType>,
    pub location: String,
    /// The caregivers as earlier versions kept them, one free text. Today they are the
    /// household's people marked as caregivers; the text stays until the worker takes it into
    /// the household.
    pub caregivers: String,
    /// Their relationship to the child, as earlier versions kept it beside that text.
    pub relationship: String,
    pub planned_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Participation {
    /// In the child's own words.
    pub child_views: String,
    pub consulted_on: Option<NaiveDate>,
    pub consulted_how: String,
    #[serde(deserialize_with = "lenient")]
    pub child_agrees: ChildAgreement,
    pub family_views: String,
}

impl Default for Participation {
    fn default() -> Self {
        Self {
            child_views: String::new(),
            consulted_on: None,
            consulted_how: String::new(),
            child_agrees: ChildAgreement::NotAsked,
            family_views: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BestInterests {
    pub assessment_date: Option<NaiveDate>,
    #[serde(deserialize_with = "lenient")]
    pub determination: Determination,
    pub determination_date: Option<NaiveDate>,
    pub outcome: String,
}

impl Default for BestInterests {
    fn default() -> Self {
        Self {
            assessment_date: None,
            determination: Determination::NotDecided,
            determination_date: None,
            outcome: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_from_birth_date_or_estimate() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        let mut child = Child { estimated_age: Some(12), ..Default::default() };
        assert_eq!(child.age_on(today), Some(12));
        child.birth_date = Some("2014-11-24".parse().unwrap());
        assert_eq!(child.age_on(today), Some(11));
    }

    #[test]
    fn values_from_a_newer_homeward_read_as_defaults() {
        let plan: Plan = serde_json::from_str(r#"{"status":"archived","placement":{"kind":"boarding_school"},"child":{"sex":"x"},
            "needs":[{"need":"Food","status":"escalated"}],"services":[{"kind":"telehealth"}],
            "referrals":[{"status":"bounced"}],"participation":{"child_agrees":"maybe"},"best_interests":{"determination":"pending"}}"#).unwrap();
        assert_eq!((plan.status, plan.placement.kind, plan.child.sex), (PlanStatus::Draft, None, None));
        assert_eq!(plan.needs.iter().next().unwrap().need, "Food");
        assert_eq!(plan.participation.child_agrees, ChildAgreement::NotAsked);
        assert_eq!(plan.best_interests.determination, Determination::NotDecided);
    }

    #[test]
    fn a_plan_saved_before_a_field_existed_still_opens() {
        let plan: Plan = serde_json::from_str(r#"{"worker":{"name":"Ana"}}"#).unwrap();
        assert_eq!(plan.worker.name, "Ana");
        assert_eq!(plan.status, PlanStatus::Draft);
        assert!(plan.needs.is_empty());
    }
}
