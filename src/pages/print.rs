//! The whole Care and Protection Plan as one document for A4 or Letter: for case conferences,
//! the family and the file. The browser's "Save as PDF" makes the PDF. The running header (the
//! case number and the date printed) is the head of a layout table, which Chromium repeats on
//! every printed page.

use chrono::{Local, NaiveDate};
use leptos::prelude::*;

use crate::app::set_page_title;
use crate::components::case_loader::CaseLoader;
use crate::domain::checklist::{Milestone, MilestoneStatus};
use crate::domain::items::ListItem;
use crate::domain::{Case, CaseId, Choice};
use crate::pages::checklist::progress_text;
use crate::pages::plan::today;
use crate::route::Route;

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_else(|| "—".into())
}

fn text(s: &str) -> String {
    if s.trim().is_empty() { "—".into() } else { s.trim().to_string() }
}

/// A definition list of label and value pairs.
fn facts(rows: Vec<(&'static str, String)>) -> impl IntoView {
    view! {
        <dl class="facts">
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}

/// A table, or a line saying there is nothing.
fn table(heads: &'static [&'static str], rows: Vec<Vec<String>>, empty: &'static str) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <table class="print-table">
            <thead><tr>{heads.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
            <tbody>{rows.into_iter().map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}</tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn PrintPage(id: CaseId) -> impl IntoView {
    let show = Callback::new(|case| view! { <PlanDocument case /> }.into_any());
    view! { <CaseLoader id loading="Preparing the plan…" show /> }
}

#[component]
fn PlanDocument(case: Case) -> impl IntoView {
    set_page_title(&format!("Care and Protection Plan – {}", case.title()));
    let printed = Local::now().format("%-d %B %Y, %H:%M").to_string();
    let running = format!("Care and Protection Plan · Case {} · Printed {printed} · Confidential", case.case_number);
    let plan = &case.plan;
    let back = Route::Plan { id: case.id, section: crate::domain::Section::Case }.href();
    let age = plan.child.age_on(today()).map(|a| format!("{a} years")).unwrap_or_else(|| "—".into());
    let monitoring = &plan.monitoring;
    view! {
        <div class="print-tools no-print">
            <button type="button" class="primary" on:click=|_| { let _ = window().print(); }>"Print or save as PDF"</button>
            <a href=back>"Back to the case"</a>
            <p class="hint">"Choose A4 or Letter in the print dialog. Handle the printed plan as confidential."</p>
        </div>
        <table class="print-layout" role="presentation">
            <thead><tr><td><p class="running-head">{running}</p></td></tr></thead>
            <tbody><tr><td>
            <article class="plan-document">
                <h1>"Care and Protection Plan"</h1>
                {facts(vec![
                    ("Case number", case.case_number.clone()),
                    ("Child", text(&plan.child.name)),
                    ("Plan status", plan.status.label().to_string()),
                    ("Plan start date", date(plan.start_date)),
                    ("Next review", date(plan.next_review)),
                ])}
                {case.closure.clone().map(|c| view! {
                    <p class="closed-note">{format!("Closed on {} by {}: {}. {}", c.closed_on.format("%-d %B %Y"), c.closed_by, c.outcome.label(), c.reason)}</p>
                })}
                <section><h2>"Child"</h2>
                    {facts(vec![
                        ("Name", text(&plan.child.name)),
                        ("Date of birth", date(plan.child.birth_date)),
                        ("Age", age),
                        ("Sex", plan.child.sex.map(|s| s.label().to_string()).unwrap_or_else(|| "—".into())),
                        ("Languages", text(&plan.child.languages)),
                        ("Disability and assistive-device needs", text(&plan.child.disability_needs)),
                        ("Current care setting", text(&plan.child.current_setting)),
                    ])}
                </section>
                <section><h2>"Case worker"</h2>
                    {facts(vec![
                        ("Name", text(&plan.worker.name)),
                        ("Role", text(&plan.worker.role)),
                        ("Organisation", text(&plan.worker.organisation)),
                        ("Contact", text(&plan.worker.contact)),
                        ("Responsible since", date(plan.worker.since)),
                    ])}
                    {table(&["Earlier case worker", "From", "Handed over on", "Note"],
                        case.handovers.iter().map(|h| vec![h.from.name.clone(), date(h.from.since), date(h.on), h.note.clone()]).collect(),
                        "No earlier case worker.")}
                </section>
                <section><h2>"Placement"</h2>
                    {facts(vec![
                        ("Planned placement", plan.placement.kind.map(|k| k.label().to_string()).unwrap_or_else(|| "Not decided yet".into())),
                        ("Where", text(&plan.placement.location)),
                        ("Caregivers", text(&plan.placement.caregivers)),
                        ("Relationship to the child", text(&plan.placement.relationship)),
                        ("Planned placement date", date(plan.placement.planned_date)),
                    ])}
                </section>
                <section><h2>"Protection needs"</h2>
                    {table(&["Need", "How it will be addressed", "By whom", "By when", "Status"],
                        plan.needs.in_display_order().iter().map(|n| vec![n.need.clone(), n.response.clone(), n.by_whom.clone(), date(n.by_when), n.status.label().into()]).collect(),
                        "No protection needs recorded.")}
                </section>
                <section><h2>"Services"</h2>
                    {table(&["Type", "Service", "Provider", "Where", "By when", "Status"],
                        plan.services.in_display_order().iter().map(|s| vec![format!("{}{}", s.kind.label(), if s.urgent() { " (urgent)" } else { "" }), s.description.clone(), s.provider.clone(), s.location.clone(), date(s.by_when), s.status.label().into()]).collect(),
                        "No services recorded.")}
                </section>
                <section><h2>"Other actions"</h2>
                    {table(&["Action", "Who is responsible", "By when", "Status"],
                        plan.actions.iter().map(|a| vec![a.what.clone(), a.responsible.clone(), date(a.by_when), a.status.label().into()]).collect(),
                        "No other actions recorded.")}
                </section>
                <section><h2>"Monitoring visits"</h2>
                    {facts(vec![
                        ("Visit frequency", monitoring.frequency.map(|f| f.describe()).unwrap_or_else(|| "Not set".into())),
                        ("Latest visit", date(monitoring.latest_visit())),
                        ("Next visit due", date(monitoring.next_visit(plan.start_date))),
                        ("Notes", text(&monitoring.notes)),
                    ])}
                    {table(&["Date", "Visited by", "Where", "Who was seen", "Seen alone", "Wellbeing and safety", "Services checked", "Concerns", "Follow-up"],
                        monitoring.visits_newest_first().iter().map(|v| vec![date(v.date), v.visited_by.clone(), v.place.clone(), v.seen.clone(), v.seen_alone.label().into(), v.wellbeing.clone(), v.services_checked.clone(), v.concerns.clone(), v.follow_up.clone()]).collect(),
                        "No visit logged.")}
                </section>
                <section><h2>"Child participation"</h2>
                    {facts(vec![
                        ("The child's views and wishes", text(&plan.participation.child_views)),
                        ("Consulted on", date(plan.participation.consulted_on)),
                        ("How the child was consulted", text(&plan.participation.consulted_how)),
                        ("Does the child agree with the plan?", plan.participation.child_agrees.label().into()),
                        ("The family's views", text(&plan.participation.family_views)),
                    ])}
                </section>
                <section><h2>"Referrals"</h2>
                    {table(&["Referred to", "Reason", "Date", "Status", "Feedback"],
                        plan.referrals.in_display_order().iter().map(|r| {
                            let mut status = r.status.label().to_string();
                            if !r.status_changes.is_empty() { status = format!("{status} ({})", r.status_trail()); }
                            if let Some(days) = r.days_unanswered(today()) { status.push_str(&format!(" — no answer for {days} days")); }
                            let feedback = match r.feedback_on { Some(on) => format!("{} ({})", r.feedback, on.format("%-d %b %Y")), None => r.feedback.clone() };
                            vec![format!("{}{}", r.to, if r.urgent { " (urgent)" } else { "" }), r.reason.clone(), date(r.date), status, feedback]
                        }).collect(),
                        "No referrals recorded.")}
                </section>
                <section><h2>"Best interests"</h2>
                    {facts(vec![
                        ("Assessment done on", date(plan.best_interests.assessment_date)),
                        ("Determination", plan.best_interests.determination.label().into()),
                        ("Determination made on", date(plan.best_interests.determination_date)),
                        ("Outcome", text(&plan.best_interests.outcome)),
                    ])}
                </section>
                <section><h2>"Checklist and milestones"</h2>
                    <p>{progress_text(case.checklist_progress(today()))}</p>
                    {table(&["Activity", "Status", "Person responsible", "Due", "Done on"],
                        case.checklist.items.iter().map(|i| vec![i.title().to_string(), i.status.label().into(), i.responsible.clone(), date(i.due), date(i.done_on)]).collect(),
                        "No checklist activities.")}
                    {table(&["Milestone", "Status", "Reached on"],
                        Milestone::ALL.iter().map(|&m| { let r = case.checklist.milestone(m); vec![m.label().into(), r.status.label().into(), if r.status == MilestoneStatus::Reached { date(r.reached_on) } else { String::new() }] }).collect(),
                        "")}
                </section>
            </article>
            </td></tr></tbody>
        </table>
    }
}
