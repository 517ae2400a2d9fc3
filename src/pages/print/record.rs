//! The printed parts of the case record an organisation keeps beside the plan's own: the
//! household, the assessments, the safety plan and the decisions on consent.

use leptos::prelude::*;

use super::parts::{date, facts, named, on, person, record, records, section, text, Shown};
use crate::context::today;
use crate::domain::{Case, Choice};
use crate::i18n::{td_string, Locale, Translate};

pub fn household(l: Locale, case: &Case) -> impl IntoView {
    let yes_no =
        |yes: bool| text(if yes { td_string!(l, print.household.yes) } else { td_string!(l, print.household.no) });
    let items = case
        .plan
        .household
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let age = p.age_on(today()).map(|a| td_string!(l, print.age_years, n = a).to_string()).unwrap_or_default();
            record(
                l,
                named(&crate::vocabulary::person_name(l, p, i + 1)),
                vec![
                    (
                        td_string!(l, print.child_section.sex),
                        Shown::Text(p.sex.map(|s| s.in_locale(l).to_string()).unwrap_or_default()),
                    ),
                    (td_string!(l, print.child_section.birth_date), on(p.birth_date)),
                    (td_string!(l, print.household.age), Shown::Text(age)),
                    (td_string!(l, print.household.lives_with_child), yes_no(p.lives_with_child)),
                    (td_string!(l, print.household.caregiver), text(p.caregiver.in_locale(l))),
                    (td_string!(l, print.household.contact), text(&p.contact)),
                    (td_string!(l, print.household.notes), text(&p.notes)),
                ],
            )
            .into_any()
        })
        .collect();
    section(td_string!(l, print.household.title), records(items, td_string!(l, print.household.empty)))
}

/// Each assessment as a block, newest first: a line per domain with its rating and notes, and
/// the latest compared with the one before.
pub fn assessments(l: Locale, case: &Case) -> impl IntoView {
    use crate::domain::assessment::{compare, grouped};
    use crate::domain::CareDomain;
    let plan = &case.plan;
    let compared = plan.assessments.latest_two().map(|(latest, before)| {
        let changes = compare(latest, before);
        let line = grouped(&changes)
            .into_iter()
            .map(|(kind, domains)| {
                let domains: Vec<&str> = domains.iter().map(|d| d.in_locale(l)).collect();
                format!("{}: {}", kind.in_locale(l), domains.join(", "))
            })
            .collect::<Vec<_>>()
            .join(". ");
        let date = before.date.map(|d| date(l, d)).unwrap_or_default();
        view! {
            <p>
                <strong>{td_string!(l, plan.assessment.compared, date).to_string()}</strong>
                ": "
                {line}
            </p>
        }
    });
    let items = plan
        .assessments
        .newest_first()
        .into_iter()
        .map(|a| {
            let title = match a.date {
                Some(d) => td_string!(l, plan.assessment.title, date = date(l, d)).to_string(),
                None => td_string!(l, plan.assessment.title_undated).to_string(),
            };
            let mut rows = vec![(td_string!(l, print.assessment.by), person(&a.by))];
            rows.extend(CareDomain::ALL.iter().map(|&d| {
                let rated = a.domain(d);
                let rating = rated.rating.map_or(td_string!(l, print.assessment.not_rated), |r| r.in_locale(l));
                let shown = match rated.notes.trim() {
                    "" => rating.to_string(),
                    notes => format!("{rating}. {notes}"),
                };
                (d.in_locale(l), text(&shown))
            }));
            record(l, title, rows).into_any()
        })
        .collect();
    section(
        td_string!(l, print.assessment.title),
        view! {
            {compared}
            {records(items, td_string!(l, print.assessment.empty))}
        },
    )
}

/// The safety plan: what it says, then the people and places the child can turn to.
pub fn safety_plan(l: Locale, case: &Case) -> impl IntoView {
    let plan = &case.plan.safety_plan;
    // One per line ("Aunt Marta: 555 0101"), as the worker wrote them.
    let contacts = plan
        .contacts
        .iter()
        .map(|c| match (c.name.trim(), c.how_to_reach.trim()) {
            (name, "") => name.to_string(),
            (name, how) => format!("{name}: {how}"),
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    section(
        td_string!(l, print.safety_plan.title),
        facts(
            l,
            vec![
                (td_string!(l, print.safety_plan.risks), text(&plan.risks)),
                (td_string!(l, print.safety_plan.caregivers_agreed), text(&plan.caregivers_agreed)),
                (td_string!(l, print.safety_plan.contacts), Shown::Text(contacts)),
                (td_string!(l, print.safety_plan.checked_by), text(&plan.checked_by)),
                (td_string!(l, print.safety_plan.agreed_on), on(plan.agreed_on)),
                (td_string!(l, print.safety_plan.review_on), on(plan.review_on)),
            ],
        ),
    )
}

/// Each decision on consent as a block, then any referral gone out without one, in words.
pub fn consents(l: Locale, case: &Case) -> impl IntoView {
    let plan = &case.plan;
    let items = plan
        .consents
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let who = c.who.map(|w| w.in_locale(l).to_string()).unwrap_or_default();
            let title = match (who.as_str(), c.name.trim()) {
                ("", "") => td_string!(l, plan.consent.item, n = i + 1).to_string(),
                (who, "") => who.to_string(),
                ("", name) => name.to_string(),
                (who, name) => format!("{name} ({who})"),
            };
            let choice = |words: Option<&'static str>| Shown::Text(words.unwrap_or_default().to_string());
            record(
                l,
                named(&title),
                vec![
                    (td_string!(l, print.consent.scope), choice(c.scope.map(|s| s.in_locale(l)))),
                    (td_string!(l, print.consent.with), text(&c.with)),
                    (td_string!(l, print.consent.decision), choice(c.decision.map(|d| d.in_locale(l)))),
                    (td_string!(l, print.consent.date), on(c.date)),
                    (td_string!(l, print.consent.how), choice(c.how.map(|h| h.in_locale(l)))),
                    (td_string!(l, print.consent.notes), text(&c.notes)),
                ],
            )
            .into_any()
        })
        .collect();
    let missing = plan
        .consents
        .referrals_without_consent(&plan.referrals)
        .into_iter()
        .map(|r| view! { <p class="warning">{td_string!(l, plan.consent.missing, to = r.to.trim().to_string()).to_string()}</p> })
        .collect::<Vec<_>>();
    section(
        td_string!(l, print.consent.title),
        view! {
            {missing}
            {records(items, td_string!(l, print.consent.empty))}
        },
    )
}

/// Where the plan (or, once closed, the closure) stands with its reviewer, above the signatures.
pub fn sign_off(l: Locale, case: &Case) -> impl IntoView {
    use crate::domain::sign_off::SignOffOf;
    let of = if case.closure.is_some() { SignOffOf::Closure } else { SignOffOf::Plan };
    let state = case.plan.sign_offs.state(of, &case.plan);
    view! { <p class="sign-off-line">{crate::vocabulary::sign_off_words(l, of, &state, super::parts::unbroken)}</p> }
}
