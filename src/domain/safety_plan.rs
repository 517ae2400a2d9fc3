//! The child and family safety plan: what could go wrong and how to see it coming, what the
//! caregivers agreed to do, the people and places the child can turn to and how to reach them,
//! who checks the plan and when it is reviewed. One per case; the "safety and monitoring plan in
//! place" milestone links to it by a mark, not by a sentence.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choices::Choice;
use super::items::{ItemList, ListItem};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SafetyPlan {
    /// The risks to the child and the warning signs that one is coming back.
    pub risks: String,
    /// What the caregivers agreed to do, in their words where possible.
    pub caregivers_agreed: String,
    /// People and places the child can turn to.
    pub contacts: ItemList<SafeContact>,
    /// Who checks that the plan is followed, and how.
    pub checked_by: String,
    pub agreed_on: Option<NaiveDate>,
    /// Falls due like any deadline of the case.
    pub review_on: Option<NaiveDate>,
}

/// A person or a place the child can turn to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SafeContact {
    pub id: Uuid,
    /// Who or where: "Aunt Marta", "the school's counsellor", "the parish hall".
    pub name: String,
    /// How the child reaches them: a number, a route, a signal agreed.
    pub how_to_reach: String,
}

impl Default for SafeContact {
    fn default() -> Self {
        Self { id: Uuid::new_v4(), name: String::new(), how_to_reach: String::new() }
    }
}

impl ListItem for SafeContact {
    fn id(&self) -> Uuid {
        self.id
    }
}

impl SafeContact {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.how_to_reach.trim().is_empty()
    }
}

impl SafetyPlan {
    /// Nothing written in it yet.
    pub fn is_empty(&self) -> bool {
        let blank = |s: &str| s.trim().is_empty();
        blank(&self.risks)
            && blank(&self.caregivers_agreed)
            && self.contacts.iter().all(SafeContact::is_empty)
            && blank(&self.checked_by)
            && self.agreed_on.is_none()
            && self.review_on.is_none()
    }

    /// Everything the plan asks for: risks, what was agreed, someone to turn to, who checks it,
    /// and when it was agreed and is reviewed.
    pub fn is_complete(&self) -> bool {
        let has = |s: &str| !s.trim().is_empty();
        has(&self.risks)
            && has(&self.caregivers_agreed)
            && self.contacts.iter().any(|c| has(&c.name))
            && has(&self.checked_by)
            && self.agreed_on.is_some()
            && self.review_on.is_some()
    }
}

choice!(
    /// A record of the case a milestone is backed by, so its card and the printout show it.
    LinkedRecord {
        SafetyPlan = "safety_plan": "The safety plan",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_safety_plan_is_empty_then_in_progress_then_complete() {
        let mut plan = SafetyPlan::default();
        assert!(plan.is_empty() && !plan.is_complete());
        plan.contacts.push(SafeContact::default());
        assert!(plan.is_empty(), "an empty contact row is not yet content");
        plan.risks = "Father's drinking at weekends".into();
        assert!(!plan.is_empty() && !plan.is_complete());
        plan.caregivers_agreed = "No alcohol in the house".into();
        plan.contacts.0[0].name = "Aunt Marta".into();
        plan.checked_by = "Ana, at each visit".into();
        plan.agreed_on = Some(d("2026-11-02"));
        assert!(!plan.is_complete(), "a plan without a review date is not complete");
        plan.review_on = Some(d("2027-02-02"));
        assert!(plan.is_complete());
    }

    #[test]
    fn a_safety_plan_reads_from_a_plan_stored_without_one_and_reads_back() {
        let plan: SafetyPlan = serde_json::from_str("{}").unwrap();
        assert_eq!(plan, SafetyPlan::default());
        let mut plan = SafetyPlan { risks: "Risks".into(), review_on: Some(d("2027-01-05")), ..Default::default() };
        plan.contacts.push(SafeContact { name: "Marta".into(), how_to_reach: "555 0101".into(), ..Default::default() });
        let text = serde_json::to_string(&plan).unwrap();
        assert_eq!(serde_json::from_str::<SafetyPlan>(&text).unwrap(), plan);
    }
}
