//! One case's screen: its header (title, progress, save state, export, print, close, delete),
//! what another tab did to it, and its three tabs below — the plan, the checklist and the
//! history. The screen stays mounted, with one editor, while the address moves between tabs.

mod checklist;
mod closure;
mod handover;
mod history;
mod kept;
mod plan;
mod sign_off;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::case_loader::CaseLoader;
use crate::components::confirm::ConfirmDialog;
use crate::components::focus::focus_id_later;
use crate::components::save_status::SaveStatus;
use crate::context::{keep_page_title, navigate_replacing, signed_in, today, use_notice, use_store, user_name};
use crate::domain::concurrent::Prefer;
use crate::domain::{CaseId, Section};
use crate::editor::{use_editing_session, Editor};
use crate::i18n::{t, t_string, td_string, use_i18n, Translate};
use crate::route::{CaseTab, Route};
use crate::vocabulary::InWords;
use checklist::{progress_text, ChecklistView};

#[component]
pub fn CasePage(id: CaseId, #[prop(into)] tab: Signal<CaseTab>) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let show =
        Callback::new(move |case| view! { <CaseScreen editor=Editor::new(case, store.get_value()) tab /> }.into_any());
    view! { <CaseLoader id loading=Signal::derive(move || t_string!(i18n, plan.opening_case).to_string()) show /> }
}

#[component]
fn CaseScreen(editor: Editor, tab: Signal<CaseTab>) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let view = tab;
    // Which tab: 0 plan, 1 checklist, 2 history.
    let tab = Memo::new(move |_| match view.get() {
        CaseTab::Plan(_) => 0,
        CaseTab::Checklist(_) => 1,
        CaseTab::History => 2,
    });
    // The plan step to return to from the checklist.
    let section = Memo::new(move |last: Option<&Section>| match view.get() {
        CaseTab::Plan(s) => s,
        CaseTab::Checklist(_) | CaseTab::History => last.copied().unwrap_or(Section::Case),
    });
    let focus_item = Signal::derive(move || match view.get() {
        CaseTab::Checklist(item) => item,
        CaseTab::Plan(_) | CaseTab::History => None,
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
    let id = ed.case.with_untracked(|c| c.id);
    let deleted_elsewhere = use_editing_session(ed);
    let title = Memo::new(move |_| ed.case.with(|c| crate::vocabulary::case_title(i18n.get_locale(), c)));
    keep_page_title(move || {
        let l = i18n.get_locale();
        let part = match tab.get() {
            1 => td_string!(l, plan.tab_checklist),
            2 => td_string!(l, plan.tab_history),
            _ => section.get().in_locale(l),
        };
        // A protected workspace's titles name no child and no case number: the browser keeps
        // titles in its history file, outside the workspace's encryption.
        match signed_in() {
            true => part.to_string(),
            false => td_string!(l, plan.page_title, part, case = title.get()).to_string(),
        }
    });
    let confirm_delete = RwSignal::new(false);
    let confirm_close = RwSignal::new(false);
    let closed = Memo::new(move |_| ed.case.with(|c| c.is_closed()));
    let notice = use_notice();
    let store = use_store();
    let delete = move |_| {
        let store = store.get_value();
        let name = title.get_untracked();
        // A change still waiting to be saved must not bring the case back after it is gone.
        ed.discard();
        spawn_local(async move {
            match store.delete(id, &user_name()).await {
                Ok(()) => {
                    notice.show(td_string!(i18n.get_locale_untracked(), plan.deleted, case = name).to_string());
                    navigate_replacing(Route::CaseList);
                }
                Err(error) => {
                    ed.resume();
                    let l = i18n.get_locale_untracked();
                    notice.problem(td_string!(l, plan.not_deleted, error = error.in_words(l)).to_string());
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
            <kept::KeptEditsOffer editor=ed />
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
        <sign_off::SignOffBar editor=ed />
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
                        <plan::StepList editor=ed current=section id />
                        <fieldset class="read-only-wrap" role="none" disabled=move || closed.get()>
                            <plan::SectionForm editor=ed section id />
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
