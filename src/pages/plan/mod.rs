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

use crate::app::{keep_page_title, navigate_replacing, use_store, Notice, OtherTabs, UnsavedWork};
use crate::components::case_loader::CaseLoader;
use crate::components::confirm::ConfirmDialog;
use crate::components::focus::focus_id_later;
use crate::components::save_status::SaveStatus;
use crate::domain::concurrent::Prefer;
use crate::domain::{CaseId, Section, SectionState};
use crate::i18n::{t, t_string, td_string, use_i18n, Translate};
use crate::pages::checklist::{progress_text, ChecklistView};
use crate::route::Route;
use crate::storage::Change;

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
    let i18n = use_i18n();
    let show =
        Callback::new(move |case| view! { <PlanEditor editor=Editor::new(case, store.get_value()) view /> }.into_any());
    view! { <CaseLoader id loading=Signal::derive(move || t_string!(i18n, plan.opening_case).to_string()) show /> }
}

#[component]
fn PlanEditor(editor: Editor, view: Signal<CaseView>) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
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

    let title = Memo::new(move |_| ed.case.with(|c| crate::vocabulary::case_title(i18n.get_locale(), c)));
    keep_page_title(move || {
        let l = i18n.get_locale();
        let part = match tab.get() {
            1 => td_string!(l, plan.tab_checklist),
            2 => td_string!(l, plan.tab_history),
            _ => section.get().in_locale(l),
        };
        td_string!(l, plan.page_title, part, case = title.get()).to_string()
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
                    notice.show(td_string!(i18n.get_locale_untracked(), plan.deleted, case = name).to_string());
                    navigate_replacing(Route::CaseList);
                }
                Err(error) => {
                    ed.resume();
                    let l = i18n.get_locale_untracked();
                    notice.problem(
                        td_string!(l, plan.not_deleted, error = crate::vocabulary::storage_error(l, &error))
                            .to_string(),
                    );
                }
            }
        });
    };

    view! {
        <div class="case-header">
            <div>
                <p class="breadcrumb">
                    <a href="#/">{t!(i18n, plan.breadcrumb_cases)}</a>
                </p>
                <h1>{move || title.get()}</h1>
                <p class="plan-progress">
                    {move || {
                        let status = ed.case.with(|c| c.plan.status.in_locale(i18n.get_locale()));
                        let (done, all) = ed.case.with(|c| ed.problems.with(|p| Section::completed(c, p)));
                        t_string!(i18n, plan.progress, status, done, all).to_string()
                    }}
                </p>
                <p class="plan-progress">
                    {move || {
                        t_string!(
                            i18n, plan.checklist_progress, progress = progress_text(ed.case.with(|c| c.checklist_progress(today())))
                        )
                            .to_string()
                    }}
                </p>
            </div>
            <div class="case-header-tools">
                <SaveStatus
                    state=ed.save_state
                    retry=Callback::new(move |_| ed.flush())
                    can_retry=Signal::derive(move || ed.conflict.with(Option::is_none))
                />
                <a class="button secondary small-button" href=Route::Export { case: Some(id) }.href()>
                    {t!(i18n, plan.export_case)}
                </a>
                <a class="button secondary small-button" href=Route::Print { id }.href()>
                    {t!(i18n, plan.print_view)}
                </a>
                <Show when=move || !closed.get()>
                    <button
                        type="button"
                        class="secondary small-button"
                        id="close-case"
                        on:click=move |_| confirm_close.set(true)
                    >
                        {t!(i18n, plan.close_case)}
                    </button>
                </Show>
                <button type="button" class="danger quiet" on:click=move |_| confirm_delete.set(true)>
                    {t!(i18n, plan.delete_case)}
                </button>
            </div>
        </div>
        <div role="alert" class="tab-conflict-region">
            {move || {
                ed.conflict
                    .get()
                    .map(|fields| {
                        view! {
                            <div class="tab-conflict">
                                <h2>{t!(i18n, plan.conflict.title)}</h2>
                                <p>{t!(i18n, plan.conflict.explained)}</p>
                                <ul>
                                    {fields
                                        .into_iter()
                                        .map(|c| {
                                            view! {
                                                <li>
                                                    {move || {
                                                        let l = i18n.get_locale();
                                                        view! {
                                                            <strong>
                                                                {crate::vocabulary::field_place(l, &c.path)}
                                                            </strong>
                                                            {td_string!(
                                                                l, plan.conflict.values, mine = crate::vocabulary::field_value(l, &c.path, &c.mine), theirs = crate::vocabulary::field_value(l, &c.path, &c.theirs)
                                                            )
                                                                .to_string()}
                                                        }
                                                    }}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <p>{t!(i18n, plan.conflict.question)}</p>
                                <div class="form-actions">
                                    <button type="button" class="primary" on:click=move |_| ed.decide(Prefer::Mine)>
                                        {t!(i18n, plan.conflict.keep_mine)}
                                    </button>
                                    <button type="button" class="secondary" on:click=move |_| ed.decide(Prefer::Theirs)>
                                        {t!(i18n, plan.conflict.keep_theirs)}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || {
                deleted_elsewhere
                    .get()
                    .then(|| {
                        view! {
                            <div class="tab-conflict">
                                <h2>{t!(i18n, plan.conflict.deleted_title)}</h2>
                                <p>{t!(i18n, plan.conflict.deleted_explained)}</p>
                                <a href="#/">{t!(i18n, plan.conflict.back_to_list)}</a>
                            </div>
                        }
                    })
            }}
        </div>
        <p class="tab-note" role="status">
            {move || ed.note.get().map(|note| note.text(i18n.get_locale()))}
        </p>
        <closure::ClosedBanner editor=ed />
        <nav class="case-tabs" aria-label=move || t_string!(i18n, plan.case_tabs)>
            <a
                href=move || {
                    Route::Plan {
                        id,
                        section: section.get(),
                    }
                        .href()
                }
                aria-current=move || (tab.get() == 0).then_some("page")
            >
                {t!(i18n, plan.tab_plan)}
            </a>
            <a href=Route::Checklist { id, item: None }.href() aria-current=move || (tab.get() == 1).then_some("page")>
                {t!(i18n, plan.tab_checklist)}
            </a>
            <a href=Route::History { id }.href() aria-current=move || (tab.get() == 2).then_some("page")>
                {t!(i18n, plan.tab_history)}
            </a>
        </nav>
        {move || match tab.get() {
            1 => {
                // A closed case is read-only: every control of the plan and checklist is disabled.
                view! {
                    <fieldset class="read-only-wrap" role="none" disabled=move || closed.get()>
                        <ChecklistView editor=ed focus=focus_item />
                    </fieldset>
                }
                    .into_any()
            }
            2 => view! { <history::HistoryView editor=ed /> }.into_any(),
            _ => {
                view! {
                    <div class="plan-layout">
                        <StepList editor=ed current=section id />
                        <fieldset class="read-only-wrap" role="none" disabled=move || closed.get()>
                            <SectionForm editor=ed section id />
                        </fieldset>
                    </div>
                }
                    .into_any()
            }
        }}
        <closure::CloseDialog editor=ed open=confirm_close />
        <ConfirmDialog
            open=confirm_delete
            title=Signal::derive(move || t_string!(i18n, plan.delete_title, case = title.get()).to_string())
            message=Signal::derive(move || t_string!(i18n, plan.delete_message).to_string())
            confirm_label=Signal::derive(move || t_string!(i18n, plan.delete_confirm, case = title.get()).to_string())
            on_confirm=Callback::new(delete)
        />
    }
}

#[component]
fn StepList(editor: Editor, current: Signal<Section>, id: CaseId) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    view! {
        <nav class="steps" aria-label=move || t_string!(i18n, plan.sections_nav)>
            <ol>
                {Section::ALL
                    .into_iter()
                    .map(|s| {
                        let state = move || ed.case.with(|c| ed.problems.with(|p| s.state(c, p)));
                        let is_current = move || current.get() == s;
                        let link = NodeRef::<leptos::html::A>::new();
                        Effect::new(move |_| {
                            if let (true, Some(a)) = (is_current(), link.get()) {
                                let options = web_sys::ScrollIntoViewOptions::new();
                                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                                options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                                a.scroll_into_view_with_scroll_into_view_options(&options);
                            }
                        });
                        // On a phone the steps are a sideways strip: keep the current one in view.
                        view! {
                            <li
                                class=move || format!("step {}", state_class(state()))
                                on:focusin=|ev| keep_in_view(&event_target(&ev))
                            >
                                <a
                                    node_ref=link
                                    href=Route::Plan { id, section: s }.href()
                                    aria-current=move || is_current().then_some("step")
                                >
                                    <span class="step-title">{s.tr()}</span>
                                    <span class="step-state">{move || state().in_locale(i18n.get_locale())}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
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
    let i18n = use_i18n();
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
            <h2 id="section-title" tabindex="-1" node_ref=heading>
                {move || section.get().in_locale(i18n.get_locale())}
            </h2>
            <p class="purpose">{move || crate::vocabulary::section_purpose(i18n.get_locale(), section.get())}</p>
            <p class="required-note">
                {t!(i18n, plan.required_before)} <span class="required">"*"</span> {t!(i18n, plan.required_after)}
            </p>
            <form class="section-form" on:submit=|ev| ev.prevent_default()>
                // Built again in another language: the fields' texts are read as the form is made.
                {move || {
                    let l = i18n.get_locale();
                    match section.get() {
                        Section::Case => sections::case_section(ed, l).into_any(),
                        Section::Worker => sections::worker_section(ed, l).into_any(),
                        Section::Child => sections::child_section(ed, l).into_any(),
                        Section::Placement => sections::placement_section(ed, l).into_any(),
                        Section::Needs => lists::needs_section(ed, l).into_any(),
                        Section::Services => lists::services_section(ed, l).into_any(),
                        Section::Actions => lists::actions_section(ed, l).into_any(),
                        Section::Monitoring => sections::monitoring_section(ed, l).into_any(),
                        Section::Participation => sections::participation_section(ed, l).into_any(),
                        Section::Referrals => lists::referrals_section(ed, l).into_any(),
                        Section::BestInterests => sections::best_interests_section(ed, l).into_any(),
                    }
                }}
            </form>
            <div class="step-buttons">
                {move || {
                    link(section.get().previous())
                        .map(|href| {
                            view! {
                                <a class="button secondary" href=href rel="prev">
                                    {t!(i18n, plan.back)}
                                </a>
                            }
                        })
                }}
                {move || match link(section.get().next()) {
                    Some(href) => {
                        view! {
                            <a class="button primary" href=href rel="next">
                                {t!(i18n, plan.next)}
                            </a>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <a class="button primary" href="#/">
                                {t!(i18n, plan.finish)}
                            </a>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}
