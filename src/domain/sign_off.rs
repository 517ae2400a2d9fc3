//! Supervisor sign-off: a worker asks for review of the plan or of the case's closure; the
//! reviewer's name, role, the day and the decision (approved, or changes asked with a comment) are
//! recorded on the same request. An approval holds a fingerprint of the plan it approved, so a
//! later change shows as "changed since approval" until the plan is approved again. Requests are
//! a log: kept, never overwritten, and they travel in export files with the plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::choices::{lenient, lenient_option, Choice};
use super::items::{ItemList, ListItem};

choice!(
    /// What a review is asked about.
    SignOffOf {
        Plan = "plan": "The plan",
        Closure = "closure": "Closing the case",
    }
);
default_choice!(SignOffOf => Plan);

choice!(
    SignOffDecision {
        Approved = "approved": "Approved",
        ChangesAsked = "changes_asked": "Changes asked",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOff {
    pub id: Uuid,
    #[serde(deserialize_with = "lenient")]
    pub of: SignOffOf,
    pub asked_on: Option<NaiveDate>,
    pub asked_by: String,
    pub reviewer: String,
    pub reviewer_role: String,
    pub decided_on: Option<NaiveDate>,
    #[serde(deserialize_with = "lenient_option")]
    pub decision: Option<SignOffDecision>,
    /// The changes asked for, or a note with an approval.
    pub comment: String,
    /// The plan's [`fingerprint`] when the decision was recorded.
    pub fingerprint: String,
}

impl Default for SignOff {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            of: SignOffOf::Plan,
            asked_on: None,
            asked_by: String::new(),
            reviewer: String::new(),
            reviewer_role: String::new(),
            decided_on: None,
            decision: None,
            comment: String::new(),
            fingerprint: String::new(),
        }
    }
}

impl ListItem for SignOff {
    fn id(&self) -> Uuid {
        self.id
    }
}

impl SignOff {
    pub fn asked(of: SignOffOf, on: NaiveDate, by: &str) -> Self {
        Self { of, asked_on: Some(on), asked_by: by.trim().to_string(), ..Self::default() }
    }
}

/// What a decision records, as the reviewer gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub reviewer: String,
    pub role: String,
    pub on: NaiveDate,
    pub decision: SignOffDecision,
    pub comment: String,
}

/// Why a review cannot be recorded as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewProblem {
    NoReviewer,
    /// Changes asked for without saying which.
    NoComment,
    InFuture,
}

impl Review {
    pub fn problems(&self, today: NaiveDate) -> Vec<ReviewProblem> {
        let mut problems = Vec::new();
        if self.reviewer.trim().is_empty() {
            problems.push(ReviewProblem::NoReviewer);
        }
        if self.decision == SignOffDecision::ChangesAsked && self.comment.trim().is_empty() {
            problems.push(ReviewProblem::NoComment);
        }
        if self.on > today {
            problems.push(ReviewProblem::InFuture);
        }
        problems
    }
}

/// Where the plan or the closure stands with its reviewer.
#[derive(Debug, Clone, PartialEq)]
pub enum SignOffState<'a> {
    NotAsked,
    /// Asked, not decided yet.
    Waiting(&'a SignOff),
    Approved(&'a SignOff),
    /// Approved, and the plan has changed since.
    ChangedSinceApproval(&'a SignOff),
    ChangesAsked(&'a SignOff),
}

/// The plan's content as a reviewer approves it, as a SHA-256 of its canonical JSON (keys in
/// order). Left out: the sign-offs themselves and the monitoring visits, since logging a visit
/// carries the plan out rather than changing it.
pub fn fingerprint(plan: &impl Serialize) -> String {
    let mut value = serde_json::to_value(plan).expect("a plan is always JSON");
    if let Some(plan) = value.as_object_mut() {
        plan.remove("sign_offs");
        if let Some(monitoring) = plan.get_mut("monitoring").and_then(|m| m.as_object_mut()) {
            monitoring.remove("visits");
        }
    }
    let text = serde_json::to_string(&value).expect("a plan is always JSON");
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl ItemList<SignOff> {
    /// The latest request about `of`: the one asked last (the one written last among equals).
    pub fn latest(&self, of: SignOffOf) -> Option<&SignOff> {
        self.iter().enumerate().filter(|(_, s)| s.of == of).max_by_key(|(i, s)| (s.asked_on, *i)).map(|(_, s)| s)
    }

    pub fn state(&self, of: SignOffOf, plan: &impl Serialize) -> SignOffState<'_> {
        let Some(latest) = self.latest(of) else { return SignOffState::NotAsked };
        match latest.decision {
            None => SignOffState::Waiting(latest),
            Some(SignOffDecision::ChangesAsked) => SignOffState::ChangesAsked(latest),
            // A closure approved stays approved: the case is closed, the plan no longer moves.
            Some(SignOffDecision::Approved) if of == SignOffOf::Closure => SignOffState::Approved(latest),
            Some(SignOffDecision::Approved) if latest.fingerprint == fingerprint(plan) => {
                SignOffState::Approved(latest)
            }
            Some(SignOffDecision::Approved) => SignOffState::ChangedSinceApproval(latest),
        }
    }

    /// Records the reviewer's decision on the request `id`, with the plan as it stands.
    pub fn decide(&mut self, id: Uuid, review: Review, plan: &impl Serialize) -> bool {
        let fingerprint = fingerprint(plan);
        self.update(id, |s| {
            s.reviewer = review.reviewer.trim().to_string();
            s.reviewer_role = review.role.trim().to_string();
            s.decided_on = Some(review.on);
            s.decision = Some(review.decision);
            s.comment = review.comment.trim().to_string();
            s.fingerprint = fingerprint;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Plan;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn review(decision: SignOffDecision, comment: &str) -> Review {
        Review {
            reviewer: "Rosa Díaz".into(),
            role: "Supervisor".into(),
            on: d("2026-12-03"),
            decision,
            comment: comment.into(),
        }
    }

    #[test]
    fn an_approved_plan_shows_changed_since_approval_until_approved_again() {
        let mut plan = Plan::default();
        plan.child.name = "Lucía".into();
        assert_eq!(plan.sign_offs.state(SignOffOf::Plan, &plan), SignOffState::NotAsked);
        let asked = SignOff::asked(SignOffOf::Plan, d("2026-12-01"), "Ana Ruiz");
        let id = asked.id;
        plan.sign_offs.push(asked);
        assert!(matches!(plan.sign_offs.state(SignOffOf::Plan, &plan), SignOffState::Waiting(_)));

        plan.decide_sign_off(id, review(SignOffDecision::Approved, ""));
        let SignOffState::Approved(approved) = plan.sign_offs.state(SignOffOf::Plan, &plan) else { panic!("approved") };
        assert_eq!((approved.reviewer.as_str(), approved.decided_on), ("Rosa Díaz", Some(d("2026-12-03"))));

        // A visit logged carries the plan out: still approved. A need added changes it.
        plan.monitoring.visits.push(super::super::monitoring::Visit::new(d("2026-12-04"), "Ana"));
        assert!(matches!(plan.sign_offs.state(SignOffOf::Plan, &plan), SignOffState::Approved(_)));
        plan.needs.push(super::super::items::ProtectionNeed { need: "School".into(), ..Default::default() });
        assert!(matches!(plan.sign_offs.state(SignOffOf::Plan, &plan), SignOffState::ChangedSinceApproval(_)));

        // Asked again and approved: approved, the earlier request kept.
        let again = SignOff::asked(SignOffOf::Plan, d("2026-12-05"), "Ana Ruiz");
        let again_id = again.id;
        plan.sign_offs.push(again);
        plan.decide_sign_off(again_id, review(SignOffDecision::Approved, ""));
        assert!(matches!(plan.sign_offs.state(SignOffOf::Plan, &plan), SignOffState::Approved(_)));
        assert_eq!(plan.sign_offs.iter().count(), 2);
        assert_eq!(
            plan.sign_offs.state(SignOffOf::Closure, &plan),
            SignOffState::NotAsked,
            "the closure is asked apart"
        );
    }

    #[test]
    fn a_closed_case_takes_a_sign_off_and_nothing_else() {
        let before = crate::domain::Case::new(Uuid::new_v4(), "X-1".into(), chrono::Utc::now());
        let mut after = before.clone();
        after.plan.sign_offs.push(SignOff::asked(SignOffOf::Closure, d("2026-12-01"), "Ana"));
        assert!(before.differs_only_in_sign_offs(&after));
        after.plan.child.name = "Lucía".into();
        assert!(!before.differs_only_in_sign_offs(&after));
    }

    #[test]
    fn changes_asked_say_which_and_a_review_is_not_dated_ahead() {
        let today = d("2026-12-03");
        assert_eq!(review(SignOffDecision::ChangesAsked, " ").problems(today), [ReviewProblem::NoComment]);
        assert!(review(SignOffDecision::ChangesAsked, "Add the school's contact").problems(today).is_empty());
        let unnamed = Review { reviewer: " ".into(), on: d("2026-12-04"), ..review(SignOffDecision::Approved, "") };
        assert_eq!(unnamed.problems(today), [ReviewProblem::NoReviewer, ReviewProblem::InFuture]);
    }

    #[test]
    fn the_fingerprint_follows_the_content_not_the_sign_offs() {
        let mut plan = Plan::default();
        let before = fingerprint(&plan);
        assert_eq!(before.len(), 64);
        plan.sign_offs.push(SignOff::asked(SignOffOf::Plan, d("2026-12-01"), "Ana"));
        assert_eq!(fingerprint(&plan), before);
        plan.placement.location = "Rosa's home".into();
        assert_ne!(fingerprint(&plan), before);
        let read: SignOff = serde_json::from_str(r#"{"of":"budget","decision":"maybe"}"#).unwrap();
        assert_eq!((read.of, read.decision), (SignOffOf::Plan, None), "unknown keys read leniently");
    }
}
