//! The supervisor's sign-off in words, for the case's header and the print view.

use chrono::NaiveDate;

use crate::domain::sign_off::{SignOff, SignOffOf, SignOffState};
use crate::i18n::{long_date, td_string, Locale};

/// Where the plan or the closure stands with its reviewer, in words: "Plan approved by Rosa Díaz
/// (supervisor) on 3 December 2026." Each date and name goes through `whole`, which on paper keeps
/// it on one line.
pub fn sign_off_words(l: Locale, of: SignOffOf, state: &SignOffState, whole: fn(&str) -> String) -> String {
    let day = |d: Option<NaiveDate>| d.map(|d| whole(&long_date(l, d))).unwrap_or_default();
    let name = |n: &str| whole(&super::person(l, n));
    let who = |s: &SignOff| match s.reviewer_role.trim() {
        "" => name(&s.reviewer),
        role => format!("{} ({role})", name(&s.reviewer)),
    };
    let plan = of == SignOffOf::Plan;
    match state {
        SignOffState::NotAsked if plan => td_string!(l, plan.sign_off.plan_not_asked).to_string(),
        SignOffState::NotAsked => td_string!(l, plan.sign_off.closure_not_asked).to_string(),
        SignOffState::Waiting(s) if plan => {
            td_string!(l, plan.sign_off.plan_waiting, date = day(s.asked_on), by = name(&s.asked_by)).to_string()
        }
        SignOffState::Waiting(s) => {
            td_string!(l, plan.sign_off.closure_waiting, date = day(s.asked_on), by = name(&s.asked_by)).to_string()
        }
        SignOffState::Approved(s) if plan => {
            td_string!(l, plan.sign_off.plan_approved, by = who(s), date = day(s.decided_on)).to_string()
        }
        SignOffState::Approved(s) => {
            td_string!(l, plan.sign_off.closure_approved, by = who(s), date = day(s.decided_on)).to_string()
        }
        SignOffState::ChangedSinceApproval(s) => {
            td_string!(l, plan.sign_off.plan_changed, by = who(s), date = day(s.decided_on)).to_string()
        }
        SignOffState::ChangesAsked(s) => td_string!(
            l,
            plan.sign_off.changes_asked,
            by = who(s),
            date = day(s.decided_on),
            comment = s.comment.clone()
        )
        .to_string(),
    }
}
