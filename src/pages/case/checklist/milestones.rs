//! The five key milestones, each with the activities that bear on it, so a supervisor sees at a
//! glance whether a milestone marked reached is backed by the work.

use leptos::prelude::*;

use crate::components::fields::{DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::domain::checklist::Milestone;
use crate::domain::checklist::{ChecklistStatus, MilestoneRecord, MilestoneStatus};
use crate::domain::{Choice, LinkedRecord, Section};
use crate::editor::Editor;
use crate::i18n::{long_date, t, t_string, td_string, use_i18n, Translate};
use crate::route::Route;

/// The five milestones in one glance, above the activities.
#[component]
pub fn MilestoneStrip(editor: Editor) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    view! {
        <ul class="milestone-strip" aria-label=move || t_string!(i18n, checklist.milestones.at_a_glance)>
            {Milestone::ALL
                .iter()
                .map(|&m| {
                    let record = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone(m).status));
                    let counts = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone_items_done(m)));
                    // Each leads to its card, far below the activities: the keyboard lands on
                    // the card's heading, which the browser brings into view.
                    view! {
                        <li>
                            <button
                                type="button"
                                class=move || format!("milestone-chip {}", record.get().key())
                                on:click=move |_| focus_id_later(&card_heading(m))
                            >
                                <span class="chip-title">{m.tr()}</span>
                                <span class="chip-state">{move || record.get().in_locale(i18n.get_locale())}</span>
                                <span class="chip-count">
                                    {move || match counts.get() {
                                        (d, 1) => {
                                            t_string!(i18n, checklist.milestones.chip_count_one, done = d).to_string()
                                        }
                                        (d, a) => {
                                            t_string!(i18n, checklist.milestones.chip_count_many, done = d, all = a)
                                                .to_string()
                                        }
                                    }}
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn MilestonesPanel(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{t!(i18n, checklist.milestones.title)}</h3>
        <p class="purpose">{t!(i18n, checklist.milestones.purpose)}</p>
        <div class="milestones">
            {Milestone::ALL.iter().map(|&m| view! { <MilestoneCard editor m /> }).collect_view()}
        </div>
    }
}

#[component]
fn MilestoneCard(editor: Editor, m: Milestone) -> impl IntoView {
    let ed = editor;
    let shown = super::use_shown();
    let record = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone(m)));
    let counts = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone_items_done(m)));
    let i18n = use_i18n();
    let items = Memo::new(move |_| {
        let l = i18n.get_locale();
        ed.case.with(|c| {
            c.checklist.bearing_on(m).iter().map(|i| (i.id, super::title_in(l, i), i.status)).collect::<Vec<_>>()
        })
    });
    let field = move |name: &str| format!("milestones.{}.{name}", m.key());
    let update =
        move |change: Box<dyn FnOnce(&mut MilestoneRecord)>| ed.edit(|c| c.checklist.update_milestone(m, change));
    let status = Signal::derive(move || Some(record.with(|r| r.status)));
    let set_status = Callback::new(move |s: Option<MilestoneStatus>| {
        if let Some(s) = s {
            ed.edit_now(|c| c.checklist.update_milestone(m, |r| r.set_status(s, today())));
        }
    });
    let reached_on = Signal::derive(move || record.with(|r| r.reached_on));
    let set_reached_on = Callback::new(move |d| update(Box::new(move |r| r.set_reached_on(d))));
    let evidence = Signal::derive(move || record.with(|r| r.evidence.clone()));
    let set_evidence = Callback::new(move |v: String| update(Box::new(move |r| r.evidence = v)));
    let date_problem = Signal::derive(move || {
        record.with(|r| {
            r.reached_on
                .is_some_and(|d| d > today())
                .then(|| td_string!(i18n.get_locale(), checklist.milestones.date_in_future).to_string())
        })
    });
    let reached = move || record.with(|r| r.status == MilestoneStatus::Reached);
    let heading = card_heading(m);
    let labelled_by = heading.clone();
    view! {
        <article class="milestone" class:reached=reached aria-labelledby=labelled_by>
            <h4 id=heading tabindex="-1">
                {m.tr()}
                <span class=move || {
                    format!("badge milestone-{}", record.with(|r| r.status.key()))
                }>{move || record.with(|r| r.status.in_locale(i18n.get_locale()))}</span>
            </h4>
            <p class="meaning">{move || crate::vocabulary::milestone_meaning(i18n.get_locale(), m)}</p>
            <p class="milestone-count">
                {move || match counts.get() {
                    (_, 0) => t_string!(i18n, checklist.milestones.none_related).to_string(),
                    (done, 1) => t_string!(i18n, checklist.milestones.related_one, done).to_string(),
                    (done, all) => t_string!(i18n, checklist.milestones.related_many, done, all).to_string(),
                }}
            </p>
            <Show when=move || reached() && counts.with(|(done, all)| done < all)>
                <p class="warning">
                    {move || {
                        let open = counts.with(|(done, all)| all - done);
                        if open == 1 {
                            t_string!(i18n, checklist.milestones.reached_open_one).to_string()
                        } else {
                            t_string!(i18n, checklist.milestones.reached_open_many, open).to_string()
                        }
                    }}
                </p>
            </Show>
            <Show when=move || items.with(|i| !i.is_empty())>
                <details>
                    <summary>
                        {t!(i18n, checklist.milestones.related)}
                        <span class="visually-hidden">{move || format!(": {}", m.in_locale(i18n.get_locale()))}</span>
                    </summary>
                    <ul class="related">
                        {move || {
                            items
                                .get()
                                .into_iter()
                                .map(|(id, title, status)| {
                                    let tick = format!("{}-tick-{id}", card_heading(m));
                                    let tick_label = tick.clone();
                                    let named = title.clone();
                                    view! {
                                        <li class:done=status == ChecklistStatus::Done>
                                            <input
                                                autocomplete="off"
                                                type="checkbox"
                                                id=tick
                                                prop:checked=status == ChecklistStatus::Done
                                                on:change=move |ev| {
                                                    let checked = event_target_checked(&ev);
                                                    ed.edit_now(|c| {
                                                        c.checklist.update(id, |i| i.set_done(checked, today()))
                                                    });
                                                }
                                            />
                                            <label for=tick_label>{title}</label>
                                            <span class="related-line">
                                                <span class="related-status">
                                                    {status.in_locale(i18n.get_locale())}
                                                </span>
                                                <button
                                                    type="button"
                                                    class="link-button small"
                                                    aria-label=move || {
                                                        t_string!(
                                                            i18n, checklist.milestones.show_in_list, title = named.clone()
                                                        )
                                                            .to_string()
                                                    }
                                                    on:click=move |_| shown.reveal(id)
                                                >
                                                    {t!(i18n, checklist.milestones.show_in_list_short)}
                                                </button>
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </details>
            </Show>
            {(m == Milestone::SafetyPlan).then(|| safety_plan_link(ed))}
            <SelectField
                label=move || t_string!(i18n, checklist.milestones.status).to_string()
                field=field("status")
                value=status
                set=set_status
            />
            <DateField
                label=move || t_string!(i18n, checklist.milestones.reached_on).to_string()
                field=field("reached_on")
                value=reached_on
                set=set_reached_on
                error=date_problem
            />
            <TextField
                label=move || t_string!(i18n, checklist.milestones.evidence).to_string()
                field=field("evidence")
                value=evidence
                set=set_evidence
                multiline=true
                hint=move || crate::vocabulary::milestone_evidence_hint(i18n.get_locale(), m).to_string()
            />
        </article>
    }
}

/// The safety plan behind the "safety plan in place" milestone: linked, offered once the
/// milestone is reached, or missing. The link is a mark on the milestone, never a sentence in
/// its evidence, so the card and the printout read the plan's dates as they are now.
fn safety_plan_link(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let state = Memo::new(move |_| {
        ed.case.with(|c| {
            let record = c.checklist.milestone(Milestone::SafetyPlan);
            let plan = &c.plan.safety_plan;
            (record.linked.is_some(), record.status, plan.is_empty(), plan.agreed_on, plan.review_on)
        })
    });
    let case_id = ed.case.with_untracked(|c| c.id);
    let step = Route::Plan { id: case_id, section: Section::SafetyPlan }.href();
    let link = move |linked: bool| {
        ed.edit_now(|c| {
            c.checklist
                .update_milestone(Milestone::SafetyPlan, |r| r.linked = linked.then_some(LinkedRecord::SafetyPlan))
        });
        focus_id_later("safety-plan-link");
    };
    view! {
        <div class="linked-record" id="safety-plan-link" tabindex="-1" role="status">
            {move || {
                let l = i18n.get_locale();
                let (linked, status, empty, agreed_on, review_on) = state.get();
                let step = step.clone();
                let dates = move || {
                    let agreed = match agreed_on {
                        Some(date) => {
                            td_string!(l, checklist.milestones.safety_plan_agreed, date = long_date(l, date))
                                .to_string()
                        }
                        None => td_string!(l, checklist.milestones.safety_plan_not_agreed).to_string(),
                    };
                    let review = review_on
                        .map(|date| {
                            td_string!(l, checklist.milestones.safety_plan_review, date = long_date(l, date))
                                .to_string()
                        });
                    [Some(agreed), review].into_iter().flatten().collect::<Vec<_>>().join(" ")
                };
                if linked {
                    view! {
                        <p>
                            <strong>{td_string!(l, checklist.milestones.safety_plan_linked)}</strong>
                            " "
                            {dates()}
                            " "
                            <a href=step>{td_string!(l, checklist.milestones.safety_plan_open)}</a>
                        </p>
                        <button type="button" class="small" on:click=move |_| link(false)>
                            {td_string!(l, checklist.milestones.safety_plan_unlink)}
                        </button>
                    }
                        .into_any()
                } else if status != MilestoneStatus::Reached {
                    ().into_any()
                } else if empty {
                    view! {
                        <p>
                            {td_string!(l, checklist.milestones.safety_plan_missing)} " "
                            <a href=step>{td_string!(l, checklist.milestones.safety_plan_write)}</a>
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <p>{td_string!(l, checklist.milestones.safety_plan_offer)} " " {dates()}</p>
                        <button type="button" class="small" on:click=move |_| link(true)>
                            {td_string!(l, checklist.milestones.safety_plan_link)}
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The id of a milestone card's heading, which the glance above the activities leads to.
fn card_heading(m: Milestone) -> String {
    format!("milestone-{}", m.key())
}
