//! The whole Care and Protection Plan as one document for A4 or Letter: for case conferences,
//! the family and the file. The browser's "Save as PDF" makes the PDF. The running header (the
//! case number and the date printed) is the head of a layout table, which Chromium repeats on
//! every printed page.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::case_loader::CaseLoader;
use crate::context::today;
use crate::context::{keep_page_title, signed_in};
use crate::domain::checklist::{Milestone, MilestoneStatus};
use crate::domain::items::ListItem;
use crate::domain::{Case, CaseId, Choice};
use crate::i18n::{long_date, t_string, td_string, use_i18n, Locale, Translate};
use crate::route::Route;

fn date(l: Locale, d: Option<NaiveDate>) -> String {
    d.map(|d| long_date(l, d)).unwrap_or_else(|| "—".into())
}

fn text(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.trim().to_string()
    }
}

/// A definition list of label and value pairs.
fn facts(rows: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <dl class="facts">
            {rows
                .into_iter()
                .map(|(k, v)| {
                    view! {
                        <dt>{k}</dt>
                        <dd>{v}</dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// A table, or a line saying there is nothing.
fn table(heads: Vec<&'static str>, rows: Vec<Vec<String>>, empty: &'static str) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <table class="print-table">
            <thead>
                <tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn PrintPage(id: CaseId) -> impl IntoView {
    let i18n = use_i18n();
    let show = Callback::new(|case| view! { <PlanDocument case /> }.into_any());
    view! { <CaseLoader id loading=move || t_string!(i18n, print.preparing).to_string() show /> }
}

#[component]
fn PlanDocument(case: Case) -> impl IntoView {
    let i18n = use_i18n();
    let title_case = case.clone();
    // In a protected workspace, the title (kept in the browser's history, and a PDF's name)
    // names no child and no case number.
    keep_page_title(move || {
        if signed_in() {
            return t_string!(i18n, print.title).to_string();
        }
        t_string!(i18n, print.page_title, title = crate::vocabulary::case_title(i18n.get_locale(), &title_case))
            .to_string()
    });
    let printed = chrono::Utc::now();
    let back = Route::Plan { id: case.id, section: crate::domain::Section::Case }.href();
    let tools = view! {
        <div class="print-tools no-print">
            <button
                type="button"
                class="primary"
                on:click=|_| {
                    let _ = window().print();
                }
            >
                {move || t_string!(i18n, print.print)}
            </button>
            <a href=back>{move || t_string!(i18n, print.back)}</a>
            <p class="hint">{move || t_string!(i18n, print.hint)}</p>
        </div>
    };
    // The document is drawn whole in the language showing, and again on a switch.
    view! {
        {tools}
        {move || document(i18n.get_locale(), &case, printed)}
    }
}

fn document(l: Locale, case: &Case, printed: chrono::DateTime<chrono::Utc>) -> impl IntoView {
    let printed = crate::i18n::date_time(l, printed);
    let running = td_string!(l, print.running, number = case.case_number.clone(), printed).to_string();
    let plan = &case.plan;
    let age = plan
        .child
        .age_on(today())
        .map(|a| td_string!(l, print.age_years, n = a).to_string())
        .unwrap_or_else(|| "—".into());
    let monitoring = &plan.monitoring;
    let urgent = |yes: bool| if yes { format!(" {}", td_string!(l, print.urgent)) } else { String::new() };
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
                                vec![
                                    (td_string!(l, print.case_number), case.case_number.clone()),
                                    (td_string!(l, print.child), text(&plan.child.name)),
                                    (td_string!(l, print.plan_status), plan.status.in_locale(l).to_string()),
                                    (td_string!(l, print.plan_start), date(l, plan.start_date)),
                                    (td_string!(l, print.next_review), date(l, plan.next_review)),
                                ],
                            )}
                            {case
                                .closure
                                .clone()
                                .map(|c| {
                                    view! {
                                        <p class="closed-note">
                                            {td_string!(
                                                l, print.closed_note, date = long_date(l, c.closed_on), by = crate::vocabulary::person(l, &c.closed_by), outcome = c.outcome.in_locale(l), reason = c.reason.clone()
                                            )
                                                .to_string()}
                                        </p>
                                    }
                                })}
                            <section>
                                <h2>{td_string!(l, print.child_section.title)}</h2>
                                {facts(
                                    vec![
                                        (td_string!(l, print.child_section.name), text(&plan.child.name)),
                                        (td_string!(l, print.child_section.birth_date), date(l, plan.child.birth_date)),
                                        (td_string!(l, print.child_section.age), age),
                                        (
                                            td_string!(l, print.child_section.sex),
                                            plan
                                                .child
                                                .sex
                                                .map(|s| s.in_locale(l).to_string())
                                                .unwrap_or_else(|| "—".into()),
                                        ),
                                        (td_string!(l, print.child_section.languages), text(&plan.child.languages)),
                                        (
                                            td_string!(l, print.child_section.disability),
                                            text(&plan.child.disability_needs),
                                        ),
                                        (
                                            td_string!(l, print.child_section.current_setting),
                                            text(&plan.child.current_setting),
                                        ),
                                    ],
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.worker.title)}</h2>
                                {facts(
                                    vec![
                                        (td_string!(l, print.worker.name), text(&plan.worker.name)),
                                        (td_string!(l, print.worker.role), text(&plan.worker.role)),
                                        (td_string!(l, print.worker.organisation), text(&plan.worker.organisation)),
                                        (td_string!(l, print.worker.contact), text(&plan.worker.contact)),
                                        (td_string!(l, print.worker.since), date(l, plan.worker.since)),
                                    ],
                                )}
                                {table(
                                    vec![
                                        td_string!(l, print.worker.earlier),
                                        td_string!(l, print.worker.from),
                                        td_string!(l, print.worker.handed_over_on),
                                        td_string!(l, print.worker.note),
                                    ],
                                    case
                                        .handovers
                                        .iter()
                                        .map(|h| {
                                            vec![
                                                h.from.name.clone(),
                                                date(l, h.from.since),
                                                date(l, h.on),
                                                h.note.clone(),
                                            ]
                                        })
                                        .collect(),
                                    td_string!(l, print.worker.no_earlier),
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.placement.title)}</h2>
                                {facts(
                                    vec![
                                        (
                                            td_string!(l, print.placement.planned),
                                            plan
                                                .placement
                                                .kind
                                                .map(|k| k.in_locale(l).to_string())
                                                .unwrap_or_else(|| td_string!(l, common.not_decided_yet).to_string()),
                                        ),
                                        (td_string!(l, print.placement.location), text(&plan.placement.location)),
                                        (td_string!(l, print.placement.caregivers), text(&plan.placement.caregivers)),
                                        (
                                            td_string!(l, print.placement.relationship),
                                            text(&plan.placement.relationship),
                                        ),
                                        (
                                            td_string!(l, print.placement.planned_date),
                                            date(l, plan.placement.planned_date),
                                        ),
                                    ],
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.needs.title)}</h2>
                                {table(
                                    vec![
                                        td_string!(l, print.needs.need),
                                        td_string!(l, print.needs.response),
                                        td_string!(l, print.needs.by_whom),
                                        td_string!(l, print.by_when),
                                        td_string!(l, print.status),
                                    ],
                                    plan
                                        .needs
                                        .in_display_order()
                                        .iter()
                                        .map(|n| {
                                            vec![
                                                n.need.clone(),
                                                n.response.clone(),
                                                n.by_whom.clone(),
                                                date(l, n.by_when),
                                                n.status.in_locale(l).into(),
                                            ]
                                        })
                                        .collect(),
                                    td_string!(l, print.needs.empty),
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.services.title)}</h2>
                                {table(
                                    vec![
                                        td_string!(l, print.services.kind),
                                        td_string!(l, print.services.service),
                                        td_string!(l, print.services.provider),
                                        td_string!(l, print.services.location),
                                        td_string!(l, print.by_when),
                                        td_string!(l, print.status),
                                    ],
                                    plan
                                        .services
                                        .in_display_order()
                                        .iter()
                                        .map(|s| {
                                            vec![
                                                format!("{}{}", s.kind.in_locale(l), urgent(s.urgent())),
                                                s.description.clone(),
                                                s.provider.clone(),
                                                s.location.clone(),
                                                date(l, s.by_when),
                                                s.status.in_locale(l).into(),
                                            ]
                                        })
                                        .collect(),
                                    td_string!(l, print.services.empty),
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.actions.title)}</h2>
                                {table(
                                    vec![
                                        td_string!(l, print.actions.action),
                                        td_string!(l, print.actions.responsible),
                                        td_string!(l, print.by_when),
                                        td_string!(l, print.status),
                                    ],
                                    plan
                                        .actions
                                        .iter()
                                        .map(|a| {
                                            vec![
                                                a.what.clone(),
                                                a.responsible.clone(),
                                                date(l, a.by_when),
                                                a.status.in_locale(l).into(),
                                            ]
                                        })
                                        .collect(),
                                    td_string!(l, print.actions.empty),
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.monitoring.title)}</h2>
                                {facts(
                                    vec![
                                        (
                                            td_string!(l, print.monitoring.frequency),
                                            monitoring
                                                .frequency
                                                .map(|f| crate::vocabulary::visit_frequency(l, f))
                                                .unwrap_or_else(|| td_string!(l, print.monitoring.not_set).to_string()),
                                        ),
                                        (td_string!(l, print.monitoring.latest), date(l, monitoring.latest_visit())),
                                        (
                                            td_string!(l, print.monitoring.next_due),
                                            date(l, monitoring.next_visit(plan.start_date)),
                                        ),
                                        (td_string!(l, print.monitoring.notes), text(&monitoring.notes)),
                                    ],
                                )}
                                {table(
                                    vec![
                                        td_string!(l, print.monitoring.date),
                                        td_string!(l, print.monitoring.visited_by),
                                        td_string!(l, print.monitoring.place),
                                        td_string!(l, print.monitoring.seen),
                                        td_string!(l, print.monitoring.seen_alone),
                                        td_string!(l, print.monitoring.wellbeing),
                                        td_string!(l, print.monitoring.services_checked),
                                        td_string!(l, print.monitoring.concerns),
                                        td_string!(l, print.monitoring.follow_up),
                                    ],
                                    monitoring
                                        .visits_newest_first()
                                        .iter()
                                        .map(|v| {
                                            vec![
                                                date(l, v.date),
                                                v.visited_by.clone(),
                                                v.place.clone(),
                                                v.seen.clone(),
                                                v.seen_alone.in_locale(l).into(),
                                                v.wellbeing.clone(),
                                                v.services_checked.clone(),
                                                v.concerns.clone(),
                                                v.follow_up.clone(),
                                            ]
                                        })
                                        .collect(),
                                    td_string!(l, print.monitoring.empty),
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.participation.title)}</h2>
                                {facts(
                                    vec![
                                        (
                                            td_string!(l, print.participation.views),
                                            text(&plan.participation.child_views),
                                        ),
                                        (
                                            td_string!(l, print.participation.consulted_on),
                                            date(l, plan.participation.consulted_on),
                                        ),
                                        (
                                            td_string!(l, print.participation.consulted_how),
                                            text(&plan.participation.consulted_how),
                                        ),
                                        (
                                            td_string!(l, print.participation.agrees),
                                            plan.participation.child_agrees.in_locale(l).into(),
                                        ),
                                        (
                                            td_string!(l, print.participation.family_views),
                                            text(&plan.participation.family_views),
                                        ),
                                    ],
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.referrals.title)}</h2>
                                {table(
                                    vec![
                                        td_string!(l, print.referrals.to),
                                        td_string!(l, print.referrals.reason),
                                        td_string!(l, print.referrals.date),
                                        td_string!(l, print.status),
                                        td_string!(l, print.referrals.feedback),
                                    ],
                                    plan
                                        .referrals
                                        .in_display_order()
                                        .iter()
                                        .map(|r| {
                                            let mut status = r.status.in_locale(l).to_string();
                                            if !r.status_changes.is_empty() {
                                                status = format!(
                                                    "{status} ({})",
                                                    crate::vocabulary::referral_status_trail(l, r),
                                                );
                                            }
                                            if let Some(days) = r.days_unanswered(today()) {
                                                status.push_str(" — ");
                                                status
                                                    .push_str(
                                                        &td_string!(l, print.referrals.no_answer, days).to_string(),
                                                    );
                                            }
                                            let feedback = match r.feedback_on {
                                                Some(on) => format!("{} ({})", r.feedback, crate::i18n::date(l, on)),
                                                None => r.feedback.clone(),
                                            };
                                            vec![
                                                format!("{}{}", r.to, urgent(r.urgent)),
                                                r.reason.clone(),
                                                date(l, r.date),
                                                status,
                                                feedback,
                                            ]
                                        })
                                        .collect(),
                                    td_string!(l, print.referrals.empty),
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.best_interests.title)}</h2>
                                {facts(
                                    vec![
                                        (
                                            td_string!(l, print.best_interests.assessment_date),
                                            date(l, plan.best_interests.assessment_date),
                                        ),
                                        (
                                            td_string!(l, print.best_interests.determination),
                                            plan.best_interests.determination.in_locale(l).into(),
                                        ),
                                        (
                                            td_string!(l, print.best_interests.determination_date),
                                            date(l, plan.best_interests.determination_date),
                                        ),
                                        (
                                            td_string!(l, print.best_interests.outcome),
                                            text(&plan.best_interests.outcome),
                                        ),
                                    ],
                                )}
                            </section>
                            <section>
                                <h2>{td_string!(l, print.checklist.title)}</h2>
                                <p>{crate::vocabulary::checklist_progress(l, case.checklist_progress(today()))}</p>
                                {table(
                                    vec![
                                        td_string!(l, print.checklist.activity),
                                        td_string!(l, print.status),
                                        td_string!(l, print.checklist.responsible),
                                        td_string!(l, print.checklist.due),
                                        td_string!(l, print.checklist.done_on),
                                    ],
                                    case
                                        .checklist
                                        .items
                                        .iter()
                                        .map(|i| {
                                            vec![
                                                crate::vocabulary::checklist_item_title(l, i),
                                                i.status.in_locale(l).into(),
                                                i.responsible.clone(),
                                                date(l, i.due),
                                                date(l, i.done_on),
                                            ]
                                        })
                                        .collect(),
                                    td_string!(l, print.checklist.empty),
                                )}
                                {table(
                                    vec![
                                        td_string!(l, print.checklist.milestone),
                                        td_string!(l, print.status),
                                        td_string!(l, print.checklist.reached_on),
                                    ],
                                    Milestone::ALL
                                        .iter()
                                        .map(|&m| {
                                            let r = case.checklist.milestone(m);
                                            vec![
                                                m.in_locale(l).into(),
                                                r.status.in_locale(l).into(),
                                                if r.status == MilestoneStatus::Reached {
                                                    date(l, r.reached_on)
                                                } else {
                                                    String::new()
                                                },
                                            ]
                                        })
                                        .collect(),
                                    "",
                                )}
                            </section>
                        </article>
                    </td>
                </tr>
            </tbody>
        </table>
    }
}
