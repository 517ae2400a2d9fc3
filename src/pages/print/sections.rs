//! The printed plan's sections, in the order of the guided plan, then the checklist and the
//! signatures.

use leptos::prelude::*;

use super::parts::{date, facts, named, on, person, record, records, section, text, unbroken, Shown};
use super::record::{assessments, consents, household, safety_plan, sign_off};
use crate::context::today;
use crate::domain::checklist::{ChecklistStatus, Milestone, MilestoneStatus};
use crate::domain::items::ListItem;
use crate::domain::{Case, Choice};
use crate::i18n::{td_string, Locale, Translate};

pub fn document(l: Locale, case: &Case, printed: chrono::DateTime<chrono::Utc>, all_activities: bool) -> impl IntoView {
    let printed = unbroken(&crate::i18n::date_time(l, printed));
    let running = td_string!(l, print.running, number = case.case_number.clone(), printed).to_string();
    let plan = &case.plan;
    view! {
        <table class="print-layout" role="presentation">
            <thead>
                <tr>
                    <td>
                        <p class="running-head">{running}</p>
                    </td>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <td>
                        <article class="plan-document">
                            <h1>{td_string!(l, print.title)}</h1>
                            {facts(
                                l,
                                vec![
                                    (td_string!(l, print.case_number), text(&case.case_number)),
                                    (td_string!(l, print.child), person(&plan.child.name)),
                                    (td_string!(l, print.plan_status), text(plan.status.in_locale(l))),
                                    (td_string!(l, print.plan_start), on(plan.start_date)),
                                    (td_string!(l, print.next_review), on(plan.next_review)),
                                ],
                            )}
                            {case
                                .closure
                                .clone()
                                .map(|c| {
                                    view! {
                                        <p class="closed-note">
                                            {td_string!(
                                                l, print.closed_note, date = date(l, c.closed_on), by = crate::vocabulary::person(l, &c.closed_by), outcome = c.outcome.in_locale(l), reason = c.reason.clone()
                                            )
                                                .to_string()}
                                        </p>
                                    }
                                })}
                            {child(l, case)}
                            {worker(l, case)}
                            {household(l, case)}
                            {placement(l, case)}
                            {assessments(l, case)}
                            {needs(l, case)}
                            {services(l, case)}
                            {actions(l, case)}
                            {monitoring(l, case)}
                            {safety_plan(l, case)}
                            {participation(l, case)}
                            {consents(l, case)}
                            {referrals(l, case)}
                            {best_interests(l, case)}
                            {checklist(l, case, all_activities)}
                            {sign_off(l, case)}
                            {signatures(l, case)}
                        </article>
                    </td>
                </tr>
            </tbody>
        </table>
    }
}

fn child(l: Locale, case: &Case) -> impl IntoView {
    let child = &case.plan.child;
    let age = child.age_on(today()).map(|a| td_string!(l, print.age_years, n = a).to_string()).unwrap_or_default();
    section(
        td_string!(l, print.child_section.title),
        facts(
            l,
            vec![
                (td_string!(l, print.child_section.name), person(&child.name)),
                (td_string!(l, print.child_section.birth_date), on(child.birth_date)),
                (td_string!(l, print.child_section.age), Shown::Text(age)),
                (
                    td_string!(l, print.child_section.sex),
                    Shown::Text(child.sex.map(|s| s.in_locale(l).to_string()).unwrap_or_default()),
                ),
                (td_string!(l, print.child_section.languages), text(&child.languages)),
                (td_string!(l, print.child_section.disability), text(&child.disability_needs)),
                (td_string!(l, print.child_section.current_setting), text(&child.current_setting)),
            ],
        ),
    )
}

fn worker(l: Locale, case: &Case) -> impl IntoView {
    let worker = &case.plan.worker;
    let earlier = case
        .handovers
        .iter()
        .map(|h| {
            record(
                l,
                named(&h.from.name),
                vec![
                    (td_string!(l, print.worker.from), on(h.from.since)),
                    (td_string!(l, print.worker.handed_over_on), on(h.on)),
                    (td_string!(l, print.worker.note), text(&h.note)),
                ],
            )
            .into_any()
        })
        .collect::<Vec<_>>();
    section(
        td_string!(l, print.worker.title),
        view! {
            {facts(
                l,
                vec![
                    (td_string!(l, print.worker.name), person(&worker.name)),
                    (td_string!(l, print.worker.role), text(&worker.role)),
                    (td_string!(l, print.worker.organisation), text(&worker.organisation)),
                    (td_string!(l, print.worker.contact), text(&worker.contact)),
                    (td_string!(l, print.worker.since), on(worker.since)),
                ],
            )}
            {(!earlier.is_empty())
                .then(|| {
                    view! {
                        <h3 class="subhead">{td_string!(l, print.worker.earlier)}</h3>
                        {earlier}
                    }
                })}
        },
    )
}

fn placement(l: Locale, case: &Case) -> impl IntoView {
    let placement = &case.plan.placement;
    let kind = placement
        .kind
        .map(|k| k.in_locale(l).to_string())
        .unwrap_or_else(|| td_string!(l, common.not_decided_yet).to_string());
    // The household's caregivers by name, then what an earlier version kept as text.
    let caregivers = case
        .plan
        .household
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_caregiver())
        .map(|(i, p)| crate::vocabulary::person_name(l, p, i + 1))
        .chain(Some(placement.caregivers.trim().to_string()).filter(|t| !t.is_empty()))
        .collect::<Vec<_>>()
        .join("; ");
    let mut rows = vec![
        (td_string!(l, print.placement.planned), Shown::Text(kind)),
        (td_string!(l, print.placement.location), text(&placement.location)),
        (td_string!(l, print.placement.caregivers), text(&caregivers)),
    ];
    if !placement.relationship.trim().is_empty() {
        rows.push((td_string!(l, print.placement.relationship), text(&placement.relationship)));
    }
    rows.push((td_string!(l, print.placement.planned_date), on(placement.planned_date)));
    section(td_string!(l, print.placement.title), facts(l, rows))
}

fn needs(l: Locale, case: &Case) -> impl IntoView {
    let items = case
        .plan
        .needs
        .in_display_order()
        .iter()
        .map(|n| {
            record(
                l,
                n.need.trim().to_string(),
                vec![
                    (td_string!(l, print.needs.response), text(&n.response)),
                    (td_string!(l, print.needs.by_whom), person(&n.by_whom)),
                    (td_string!(l, print.by_when), on(n.by_when)),
                    (td_string!(l, print.status), text(n.status.in_locale(l))),
                ],
            )
            .into_any()
        })
        .collect();
    section(td_string!(l, print.needs.title), records(items, td_string!(l, print.needs.empty)))
}

fn urgent(l: Locale, yes: bool) -> String {
    if yes {
        format!(" {}", td_string!(l, print.urgent))
    } else {
        String::new()
    }
}

fn services(l: Locale, case: &Case) -> impl IntoView {
    let items = case
        .plan
        .services
        .in_display_order()
        .iter()
        .map(|s| {
            let title = format!("{}{}", s.description.trim(), urgent(l, s.urgent()));
            record(
                l,
                title,
                vec![
                    (td_string!(l, print.services.kind), text(s.kind.in_locale(l))),
                    (td_string!(l, print.services.provider), text(&s.provider)),
                    (td_string!(l, print.services.location), text(&s.location)),
                    (td_string!(l, print.by_when), on(s.by_when)),
                    (td_string!(l, print.status), text(s.status.in_locale(l))),
                ],
            )
            .into_any()
        })
        .collect();
    section(td_string!(l, print.services.title), records(items, td_string!(l, print.services.empty)))
}

fn actions(l: Locale, case: &Case) -> impl IntoView {
    let items = case
        .plan
        .actions
        .iter()
        .map(|a| {
            record(
                l,
                a.what.trim().to_string(),
                vec![
                    (td_string!(l, print.actions.responsible), person(&a.responsible)),
                    (td_string!(l, print.by_when), on(a.by_when)),
                    (td_string!(l, print.status), text(a.status.in_locale(l))),
                ],
            )
            .into_any()
        })
        .collect();
    section(td_string!(l, print.actions.title), records(items, td_string!(l, print.actions.empty)))
}

fn monitoring(l: Locale, case: &Case) -> impl IntoView {
    let plan = &case.plan;
    let monitoring = &plan.monitoring;
    let frequency = monitoring
        .frequency
        .map(|f| crate::vocabulary::visit_frequency(l, f))
        .unwrap_or_else(|| td_string!(l, print.monitoring.not_set).to_string());
    let visits = monitoring
        .visits_newest_first()
        .iter()
        .map(|v| {
            let title = match v.date {
                Some(d) => td_string!(l, vocab.visit.title, date = date(l, d)).to_string(),
                None => td_string!(l, vocab.visit.no_date).to_string(),
            };
            record(
                l,
                title,
                vec![
                    (td_string!(l, print.monitoring.visited_by), person(&v.visited_by)),
                    (td_string!(l, print.monitoring.place), text(&v.place)),
                    (td_string!(l, print.monitoring.seen), text(&v.seen)),
                    (td_string!(l, print.monitoring.seen_alone), text(v.seen_alone.in_locale(l))),
                    (td_string!(l, print.monitoring.wellbeing), text(&v.wellbeing)),
                    (td_string!(l, print.monitoring.services_checked), text(&v.services_checked)),
                    (td_string!(l, print.monitoring.concerns), text(&v.concerns)),
                    (td_string!(l, print.monitoring.follow_up), text(&v.follow_up)),
                ],
            )
            .into_any()
        })
        .collect();
    section(
        td_string!(l, print.monitoring.title),
        view! {
            {facts(
                l,
                vec![
                    (td_string!(l, print.monitoring.frequency), Shown::Text(frequency)),
                    (td_string!(l, print.monitoring.latest), on(monitoring.latest_visit())),
                    (td_string!(l, print.monitoring.next_due), on(monitoring.next_visit(plan.start_date))),
                    (td_string!(l, print.monitoring.notes), text(&monitoring.notes)),
                ],
            )}
            {records(visits, td_string!(l, print.monitoring.empty))}
        },
    )
}

fn participation(l: Locale, case: &Case) -> impl IntoView {
    let p = &case.plan.participation;
    section(
        td_string!(l, print.participation.title),
        facts(
            l,
            vec![
                (td_string!(l, print.participation.views), text(&p.child_views)),
                (td_string!(l, print.participation.consulted_on), on(p.consulted_on)),
                (td_string!(l, print.participation.consulted_how), text(&p.consulted_how)),
                (td_string!(l, print.participation.agrees), text(p.child_agrees.in_locale(l))),
                (td_string!(l, print.participation.family_views), text(&p.family_views)),
            ],
        ),
    )
}

fn referrals(l: Locale, case: &Case) -> impl IntoView {
    let items = case
        .plan
        .referrals
        .in_display_order()
        .iter()
        .map(|r| {
            let mut status = r.status.in_locale(l).to_string();
            if !r.status_changes.is_empty() {
                // Its steps with their dates in full, each date on one line.
                let trail = r
                    .status_changes
                    .iter()
                    .map(|c| {
                        td_string!(l, vocab.referral_trail_step, status = c.status.in_locale(l), date = date(l, c.on))
                            .to_string()
                    })
                    .collect::<Vec<_>>()
                    .join(" → ");
                status = format!("{status} ({trail})");
            }
            if let Some(days) = r.days_unanswered(today()) {
                status.push_str(" — ");
                status.push_str(td_string!(l, print.referrals.no_answer, days).to_string().as_str());
            }
            record(
                l,
                format!("{}{}", r.to.trim(), urgent(l, r.urgent)),
                vec![
                    (td_string!(l, print.referrals.reason), text(&r.reason)),
                    (td_string!(l, print.referrals.date), on(r.date)),
                    (td_string!(l, print.status), Shown::Text(status)),
                    (td_string!(l, print.referrals.feedback), text(&r.feedback)),
                    (td_string!(l, print.referrals.feedback_on), on(r.feedback_on)),
                ],
            )
            .into_any()
        })
        .collect();
    section(td_string!(l, print.referrals.title), records(items, td_string!(l, print.referrals.empty)))
}

fn best_interests(l: Locale, case: &Case) -> impl IntoView {
    let b = &case.plan.best_interests;
    section(
        td_string!(l, print.best_interests.title),
        facts(
            l,
            vec![
                (td_string!(l, print.best_interests.assessment_date), on(b.assessment_date)),
                (td_string!(l, print.best_interests.determination), text(b.determination.in_locale(l))),
                (td_string!(l, print.best_interests.determination_date), on(b.determination_date)),
                (td_string!(l, print.best_interests.outcome), text(&b.outcome)),
            ],
        ),
    )
}

/// The record a milestone is linked to, with its date as it stands now.
fn backed_by(l: Locale, case: &Case, linked: Option<crate::domain::LinkedRecord>) -> Shown {
    let Some(linked) = linked else { return text("") };
    let agreed = case
        .plan
        .safety_plan
        .agreed_on
        .map(|d| td_string!(l, checklist.milestones.safety_plan_agreed, date = date(l, d)).to_string());
    Shown::Text([Some(format!("{}.", linked.in_locale(l))), agreed].into_iter().flatten().collect::<Vec<_>>().join(" "))
}

fn checklist(l: Locale, case: &Case, all_activities: bool) -> impl IntoView {
    let milestones = Milestone::ALL
        .iter()
        .map(|&m| {
            let r = case.checklist.milestone(m);
            let reached = if r.status == MilestoneStatus::Reached { r.reached_on } else { None };
            record(
                l,
                m.in_locale(l).to_string(),
                vec![
                    (td_string!(l, print.status), text(r.status.in_locale(l))),
                    (td_string!(l, print.checklist.reached_on), on(reached)),
                    (td_string!(l, print.checklist.evidence), text(&r.evidence)),
                    (td_string!(l, print.checklist.backed_by), backed_by(l, case, r.linked)),
                ],
            )
            .into_any()
        })
        .collect::<Vec<_>>();
    let (shown, left_out): (Vec<_>, Vec<_>) =
        case.checklist.items.iter().partition(|i| all_activities || i.status != ChecklistStatus::NotStarted);
    let activities = shown
        .into_iter()
        .map(|i| {
            record(
                l,
                crate::vocabulary::checklist_item_title(l, i),
                vec![
                    (td_string!(l, print.status), text(i.status.in_locale(l))),
                    (td_string!(l, print.checklist.responsible), person(&i.responsible)),
                    (td_string!(l, print.checklist.due), on(i.due)),
                    (td_string!(l, print.checklist.done_on), on(i.done_on)),
                ],
            )
            .into_any()
        })
        .collect::<Vec<_>>();
    let left_out = left_out.len();
    section(
        td_string!(l, print.checklist.title),
        view! {
            <p>{crate::vocabulary::checklist_progress(l, case.checklist_progress(today()))}</p>
            <h3 class="subhead">{td_string!(l, print.checklist.milestones)}</h3>
            {milestones}
            <h3 class="subhead">{td_string!(l, print.checklist.activities)}</h3>
            {records(activities, td_string!(l, print.checklist.empty))}
            {(left_out > 0)
                .then(|| {
                    view! {
                        <p class="hint">
                            {match left_out {
                                1 => td_string!(l, print.checklist.left_out_one).to_string(),
                                count => td_string!(l, print.checklist.left_out_many, count).to_string(),
                            }}
                        </p>
                    }
                })}
        },
    )
}

/// Lines to sign: the case worker (named), the supervisor, and the child or family where it is
/// right for them to sign.
fn signatures(l: Locale, case: &Case) -> impl IntoView {
    let block = |who: &'static str, name: Option<String>| {
        view! {
            <div class="signature">
                <p class="signature-who">{who}</p>
                <p class="signature-line">{td_string!(l, print.signatures.name)} " " {name.map(|n| named(&n))}</p>
                <p class="signature-line">{td_string!(l, print.signatures.signature)}</p>
                <p class="signature-line">{td_string!(l, print.signatures.date)}</p>
            </div>
        }
    };
    let worker = Some(case.plan.worker.name.clone()).filter(|n| !n.trim().is_empty());
    section(
        td_string!(l, print.signatures.title),
        view! {
            <div class="signatures">
                {block(td_string!(l, print.signatures.worker), worker)}
                {block(td_string!(l, print.signatures.supervisor), None)}
                {block(td_string!(l, print.signatures.child_family), None)}
            </div>
        },
    )
}
