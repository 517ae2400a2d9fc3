//! The guided Care and Protection Plan: one step per section, moved through with Next and Back
//! or by jumping from the step list, which shows how far each step is filled in.

mod closure;
mod editor;
mod handover;
mod history;
mod lists;
mod sections;
mod visits;

use leptos::prelude::*;
use leptos::task::spawn_local;

pub use editor::{today, Editor};

use crate::app::{navigate_replacing, set_page_title, use_store, Notice, OtherTabs, UnsavedWork};
use crate::domain::concurrent::Prefer;
use crate::storage::Change;
use crate::components::case_loader::CaseLoader;
use crate::components::confirm::ConfirmDialog;
use crate::components::save_status::SaveStatus;
use crate::components::focus::focus_id_later;
use crate::domain::{CaseId, Choice, Section, SectionState};
use crate::pages::checklist::{progress_text, ChecklistView};
use crate::route::Route;

/// What of a case is on screen: a step of the plan, or the checklist (opened at an item).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CaseView {
    Plan(Section),
    Checklist(Option<uuid::Uuid>),
    History,
}

#[component]
pub fn PlanPage(id: CaseId, #[prop(into)] view: Signal<CaseView>) -> impl IntoView {
    let store = use_store();
    let show = Callback::new(move |case| view! { <PlanEditor editor=Editor::new(case, store.get_value()) view /> }.into_any());
    view! { <CaseLoader id loading="Opening the case…" show /> }
}

#[component]
fn PlanEditor(editor: Editor, view: Signal<CaseView>) -> impl IntoView {
    let ed = editor;
    // Which tab: 0 plan, 1 checklist, 2 history.
    let tab = Memo::new(move |_| match view.get() {
        CaseView::Plan(_) => 0,
        CaseView::Checklist(_) => 1,
        CaseView::History => 2,
    });
    // The plan step to return to from the checklist.
    let section = Memo::new(move |last: Option<&Section>| match view.get() {
        CaseView::Plan(s) => s,
        CaseView::Checklist(_) | CaseView::History => last.copied().unwrap_or(Section::Case),
    });
    let focus_item = Signal::derive(move || match view.get() {
        CaseView::Checklist(item) => item,
        CaseView::Plan(_) | CaseView::History => None,
    });
    let section: Signal<Section> = section.into();
    // Switching between the tabs starts reading at the new heading.
    Effect::new(move |previous: Option<u8>| {
        let now = tab.get();
        if previous.is_some_and(|p| p != now) && focus_item.get_untracked().is_none() {
            focus_id_later(["section-title", "checklist-title", "history-title"][now as usize]);
        }
        now
    });
    // Whatever is still waiting to be written goes now if the tab is hidden or closed.
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| ed.flush_while_closing());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            ed.flush();
        }
    });
    let unsaved = use_context::<UnsavedWork>().expect("unsaved-work context");
    // Back in this tab after working in another: take over what was saved there.
    let on_shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            ed.refresh();
        }
    });
    let on_focus = window_event_listener(leptos::ev::focus, move |_| ed.refresh());
    // Another tab saved or deleted this case, or a newer Homeward needs the database.
    let id = ed.case.with_untracked(|c| c.id);
    let deleted_elsewhere = RwSignal::new(false);
    let other_tabs = use_context::<OtherTabs>().expect("the shell provides OtherTabs");
    Effect::new(move |seen: Option<u64>| {
        let (count, change) = other_tabs.0.get();
        if seen.is_some_and(|s| s != count) {
            match change {
                Some(Change::Deleted { id: changed }) if changed == id => deleted_elsewhere.set(true),
                Some(Change::Superseded) => ed.flush(),
                // Messages can come faster than effects run, so only the last is seen: whatever
                // it was, compare with the stored case (one quick read).
                Some(_) => ed.refresh(),
                None => {}
            }
        }
        count
    });
    // Only a change the browser refused to store is worth stopping someone from leaving.
    let on_leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if unsaved.0.get_untracked().is_some() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
        on_leave.remove();
        on_shown.remove();
        on_focus.remove();
        // Leaving was confirmed, or nothing was failing; a save still failing after this is
        // reported through the notice instead.
        unsaved.0.try_set(None);
        ed.flush();
    });

    let title = Memo::new(move |_| ed.case.with(|c| c.title()));
    Effect::new(move |_| {
        let part = match tab.get() {
            1 => "Checklist and milestones",
            2 => "History",
            _ => section.get().title(),
        };
        set_page_title(&format!("{part} – {}", title.get()));
    });
    let confirm_delete = RwSignal::new(false);
    let confirm_close = RwSignal::new(false);
    let closed = Memo::new(move |_| ed.case.with(|c| c.is_closed()));
    let notice = use_context::<Notice>().expect("notice context");
    let store = use_store();
    let delete = move |_| {
        let store = store.get_value();
        let name = title.get_untracked();
        // A change still waiting to be saved must not bring the case back after it is gone.
        ed.discard();
        spawn_local(async move {
            match store.delete(id).await {
                Ok(()) => {
                    notice.show(format!("Case {name} was deleted from this device."));
                    navigate_replacing(Route::CaseList);
                }
                Err(error) => {
                    ed.resume();
                    notice.problem(format!("The case was not deleted: {error}"));
                }
            }
        });
    };

    view! {
        <div class="case-header">
            <div>
                <p class="breadcrumb"><a href="#/">"Cases"</a></p>
                <h1>{move || title.get()}</h1>
                <p class="plan-progress">
                    {move || {
                        let status = ed.case.with(|c| c.plan.status.label());
                        let (done, all) = ed.case.with(|c| ed.problems.with(|p| Section::completed(c, p)));
                        format!("{status} plan · {done} of {all} sections complete")
                    }}
                </p>
                <p class="plan-progress">{move || format!("Checklist: {}", progress_text(ed.case.with(|c| c.checklist_progress(today()))))}</p>
            </div>
            <div class="case-header-tools">
                <SaveStatus state=ed.save_state retry=Callback::new(move |_| ed.flush()) can_retry=Signal::derive(move || ed.conflict.with(Option::is_none)) />
                <a class="button secondary small-button" href=Route::Export { case: Some(id) }.href()>"Export case"</a>
                <a class="button secondary small-button" href=Route::Print { id }.href()>"Print view"</a>
                <Show when=move || !closed.get()>
                    <button type="button" class="secondary small-button" id="close-case" on:click=move |_| confirm_close.set(true)>"Close case…"</button>
                </Show>
                <button type="button" class="danger quiet" on:click=move |_| confirm_delete.set(true)>"Delete case"</button>
            </div>
        </div>
        <div role="alert" class="tab-conflict-region">
            {move || ed.conflict.get().map(|fields| view! {
                <div class="tab-conflict">
                    <h2>"Changed in another tab at the same time"</h2>
                    <p>"This case was saved in another tab or window while you were changing it here. Everything else was combined; only these were changed differently on both sides:"</p>
                    <ul>{fields.into_iter().map(|c| view! {
                        <li><strong>{c.place()}</strong>": yours “"{c.mine}"”, the other tab's “"{c.theirs}"”"</li>
                    }).collect_view()}</ul>
                    <p>"Which should stand? Nothing is saved until you choose."</p>
                    <div class="form-actions">
                        <button type="button" class="primary" on:click=move |_| ed.decide(Prefer::Mine)>"Keep mine"</button>
                        <button type="button" class="secondary" on:click=move |_| ed.decide(Prefer::Theirs)>"Keep the other tab's"</button>
                    </div>
                </div>
            })}
            {move || deleted_elsewhere.get().then(|| view! {
                <div class="tab-conflict">
                    <h2>"Deleted in another tab"</h2>
                    <p>"This case was deleted in another tab or window. Nothing more can be saved to it; what is on screen stays until you leave, if you need to copy it."</p>
                    <a href="#/">"Back to the case list"</a>
                </div>
            })}
        </div>
        <p class="tab-note" role="status">{move || ed.note.get()}</p>
        <closure::ClosedBanner editor=ed />
        <nav class="case-tabs" aria-label="This case">
            <a href=move || Route::Plan { id, section: section.get() }.href() aria-current=move || (tab.get() == 0).then_some("page")>"Care and Protection Plan"</a>
            <a href=Route::Checklist { id, item: None }.href() aria-current=move || (tab.get() == 1).then_some("page")>"Checklist and milestones"</a>
            <a href=Route::History { id }.href() aria-current=move || (tab.get() == 2).then_some("page")>"History"</a>
        </nav>
        {move || match tab.get() {
            // A closed case is read-only: every control of the plan and checklist is disabled.
            1 => view! { <fieldset class="read-only-wrap" role="none" disabled=move || closed.get()><ChecklistView editor=ed focus=focus_item /></fieldset> }.into_any(),
            2 => view! { <history::HistoryView editor=ed /> }.into_any(),
            _ => view! {
                <div class="plan-layout">
                    <StepList editor=ed current=section id />
                    <fieldset class="read-only-wrap" role="none" disabled=move || closed.get()><SectionForm editor=ed section id /></fieldset>
                </div>
            }.into_any(),
        }}
        <closure::CloseDialog editor=ed open=confirm_close />
        <ConfirmDialog open=confirm_delete
            title=Signal::derive(move || format!("Delete case {}?", title.get()))
            message="The case and its whole plan will be removed from this browser. This cannot be undone. If a colleague needs it, export it first."
            confirm_label=Signal::derive(move || format!("Delete case {}", title.get()))
            on_confirm=Callback::new(delete) />
    }
}

#[component]
fn StepList(editor: Editor, current: Signal<Section>, id: CaseId) -> impl IntoView {
    let ed = editor;
    view! {
        <nav class="steps" aria-label="Plan sections">
            <ol>
                {Section::ALL.into_iter().map(|s| {
                    let state = move || ed.case.with(|c| ed.problems.with(|p| s.state(c, p)));
                    let is_current = move || current.get() == s;
                    let link = NodeRef::<leptos::html::A>::new();
                    // On a phone the steps are a sideways strip: keep the current one in view.
                    Effect::new(move |_| {
                        if let (true, Some(a)) = (is_current(), link.get()) {
                            let options = web_sys::ScrollIntoViewOptions::new();
                            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                            options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                            a.scroll_into_view_with_scroll_into_view_options(&options);
                        }
                    });
                    view! {
                        <li class=move || format!("step {}", state_class(state())) on:focusin=|ev| keep_in_view(&event_target(&ev))>
                            <a node_ref=link href=Route::Plan { id, section: s }.href() aria-current=move || is_current().then_some("step")>
                                <span class="step-title">{s.title()}</span>
                                <span class="step-state">{move || state().label()}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// A step reached with Tab is brought wholly into the phone's strip: the browser leaves one
/// that is partly in view where it is, its focus ring half cut off.
fn keep_in_view(link: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    link.scroll_into_view_with_scroll_into_view_options(&options);
}

fn state_class(state: SectionState) -> &'static str {
    match state {
        SectionState::NotStarted => "not-started",
        SectionState::InProgress => "in-progress",
        SectionState::Complete => "complete",
        SectionState::NeedsAttention => "attention",
    }
}

#[component]
fn SectionForm(editor: Editor, section: Signal<Section>, id: CaseId) -> impl IntoView {
    let ed = editor;
    let heading = NodeRef::<leptos::html::H2>::new();
    // Moving to another step puts focus on its heading, so keyboard and screen-reader users
    // start reading at the top of the new step.
    Effect::new(move |previous: Option<Section>| {
        let now = section.get();
        if previous.is_some_and(|p| p != now) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
        now
    });
    let link = move |s: Option<Section>| s.map(|s| Route::Plan { id, section: s }.href());
    view! {
        <section class="plan-section" aria-labelledby="section-title">
            <h2 id="section-title" tabindex="-1" node_ref=heading>{move || section.get().title()}</h2>
            <p class="purpose">{move || section.get().purpose()}</p>
            <p class="required-note">"Fields marked " <span class="required">"*"</span> " must be filled in. Everything is saved as you type."</p>
            <form class="section-form" on:submit=|ev| ev.prevent_default()>
                {move || match section.get() {
                    Section::Case => sections::case_section(ed).into_any(),
                    Section::Worker => sections::worker_section(ed).into_any(),
                    Section::Child => sections::child_section(ed).into_any(),
                    Section::Placement => sections::placement_section(ed).into_any(),
                    Section::Needs => lists::needs_section(ed).into_any(),
                    Section::Services => lists::services_section(ed).into_any(),
                    Section::Actions => lists::actions_section(ed).into_any(),
                    Section::Monitoring => sections::monitoring_section(ed).into_any(),
                    Section::Participation => sections::participation_section(ed).into_any(),
                    Section::Referrals => lists::referrals_section(ed).into_any(),
                    Section::BestInterests => sections::best_interests_section(ed).into_any(),
                }}
            </form>
            <div class="step-buttons">
                {move || link(section.get().previous()).map(|href| view! { <a class="button secondary" href=href rel="prev">"Back"</a> })}
                {move || match link(section.get().next()) {
                    Some(href) => view! { <a class="button primary" href=href rel="next">"Next"</a> }.into_any(),
                    None => view! { <a class="button primary" href="#/">"Finish: back to the case list"</a> }.into_any(),
                }}
            </div>
        </section>
    }
}
