//! Closing a case (outcome, reason, a look at what is still open) and reopening it.

use chrono::Utc;
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::components::confirm::{closed_by_browser, follow_open, DialogActions};
use crate::components::fields::{SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::context::user_name;
use crate::domain::closure::ClosureOutcome;
use crate::editor::Editor;
use crate::i18n::{long_date, t, t_string, td_string, use_i18n, Translate};

/// While the case is closed: how and why, and the way back.
#[component]
pub fn ClosedBanner(editor: Editor) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let reopening = RwSignal::new(false);
    view! {
        <ReopenDialog editor=ed open=reopening />
        <div role="status">
            {move || {
                ed.case
                    .with(|c| c.is_closed().then(|| c.closure.clone()))
                    .map(|closure| {
                        view! {
                            <div class="closed-banner" id="closed-banner" tabindex="-1">
                                <p>
                                    {match closure {
                                        Some(closure) => {
                                            view! {
                                                <strong>
                                                    {move || {
                                                        let l = i18n.get_locale();
                                                        td_string!(
                                                            l, plan.closure.closed_on, date = long_date(l, closure.closed_on), by = crate::vocabulary::person(l, &closure.closed_by), outcome = closure.outcome.in_locale(l)
                                                        )
                                                            .to_string()
                                                    }}
                                                </strong>
                                                " "
                                                {closure.reason.clone()}
                                            }
                                                .into_any()
                                        }
                                        None => {
                                            // Closed by an earlier Homeward, through the plan status alone.
                                            view! { <strong>{t!(i18n, plan.closure.closed)}</strong> }
                                                .into_any()
                                        }
                                    }}
                                </p>
                                <p>{t!(i18n, plan.closure.read_only)}</p>
                                <button type="button" class="secondary" on:click=move |_| reopening.set(true)>
                                    {t!(i18n, plan.closure.reopen)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Reopening asks why: the reason is kept in the history beside the reopening.
#[component]
fn ReopenDialog(editor: Editor, open: RwSignal<bool>) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    follow_open(dialog, open, move || {
        tried.set(false);
        focus_id_later("f-reopen-reason");
    });
    let reason_problem = Signal::derive(move || {
        (tried.get() && reason.with(|r| r.trim().is_empty()))
            .then(|| t_string!(i18n, plan.closure.give_reopen_reason).to_string())
    });
    let reopen = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            focus_id_later("f-reopen-reason");
            return;
        }
        ed.edit_now(|c| c.reopen(&why, &user_name(), Utc::now()));
        open.set(false);
        reason.set(String::new());
        focus_id_later("close-case");
    };
    view! {
        <dialog node_ref=dialog class="confirm" aria-labelledby="reopen-title" on:close=closed_by_browser(dialog, open)>
            <Show when=move || open.get()>
                <form on:submit=reopen novalidate>
                    <h2 id="reopen-title">{t!(i18n, plan.closure.reopen_title)}</h2>
                    <TextField
                        label=Signal::derive(move || t_string!(i18n, plan.closure.reopen_reason).to_string())
                        field="reopen.reason"
                        value=reason
                        set=Callback::new(move |v| reason.set(v))
                        multiline=true
                        required=true
                        error=reason_problem
                        hint=Signal::derive(move || t_string!(i18n, plan.closure.reopen_reason_hint).to_string())
                    />
                    <DialogActions open>{t!(i18n, plan.closure.reopen_confirm)}</DialogActions>
                </form>
            </Show>
        </dialog>
    }
}

/// The question asked before closing, with what is still open.
#[component]
pub fn CloseDialog(editor: Editor, open: RwSignal<bool>) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let outcome = RwSignal::new(None::<ClosureOutcome>);
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    // Reading starts at the top of the question, on its first field, not at Cancel at its foot.
    follow_open(dialog, open, move || {
        tried.set(false);
        focus_id_later("f-closure-outcome");
    });
    let outcome_problem = Signal::derive(move || {
        (tried.get() && outcome.get().is_none()).then(|| t_string!(i18n, plan.closure.choose_outcome).to_string())
    });
    let reason_problem = Signal::derive(move || {
        (tried.get() && reason.with(|r| r.trim().is_empty()))
            .then(|| t_string!(i18n, plan.closure.give_reason).to_string())
    });
    let still_open = Memo::new(move |_| {
        if open.get() {
            let l = i18n.get_locale();
            ed.case.with(|c| {
                let counts = c.open_counts().into_iter().map(|(kind, n)| crate::vocabulary::open_count(l, kind, n));
                (counts.collect::<Vec<_>>(), crate::vocabulary::open_items(l, c))
            })
        } else {
            (Vec::new(), Vec::new())
        }
    });
    let close = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Some(chosen) = outcome.get_untracked() else { return };
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            return;
        }
        ed.edit_now(|c| {
            let _ = c.close(chosen, &why, today(), &user_name(), Utc::now());
        });
        open.set(false);
        reason.set(String::new());
        outcome.set(None);
        focus_id_later("closed-banner");
    };
    view! {
        <dialog
            node_ref=dialog
            class="confirm close-case"
            aria-labelledby="close-title"
            on:close=closed_by_browser(dialog, open)
        >
            <Show when=move || open.get()>
                <form on:submit=close novalidate>
                    <h2 id="close-title">{t!(i18n, plan.closure.title)}</h2>
                    <SelectField
                        label=Signal::derive(move || t_string!(i18n, plan.closure.outcome).to_string())
                        field="closure.outcome"
                        value=outcome
                        set=Callback::new(move |v| outcome.set(v))
                        blank=Signal::derive(move || t_string!(i18n, plan.closure.choose).to_string())
                        error=outcome_problem
                    />
                    <TextField
                        label=Signal::derive(move || t_string!(i18n, plan.closure.reason).to_string())
                        field="closure.reason"
                        value=reason
                        set=Callback::new(move |v| reason.set(v))
                        multiline=true
                        required=true
                        error=reason_problem
                        hint=Signal::derive(move || t_string!(i18n, plan.closure.reason_hint).to_string())
                    />
                    // Counted by kind, so the button to close stays in reach; the list on asking.
                    {move || {
                        let (counts, items) = still_open.get();
                        if items.is_empty() {
                            view! { <p>{t!(i18n, plan.closure.nothing_open)}</p> }.into_any()
                        } else {
                            let n = items.len();
                            view! {
                                <div class="still-open">
                                    <h3>{t_string!(i18n, plan.closure.still_open, n).to_string()}</h3>
                                    <p>{t!(i18n, plan.closure.still_open_explained)}</p>
                                    <ul class="open-counts">
                                        {counts.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                                    </ul>
                                    <details>
                                        <summary>{t_string!(i18n, plan.closure.show_all, n).to_string()}</summary>
                                        <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                                    </details>
                                </div>
                            }
                                .into_any()
                        }
                    }}
                    <p>{t!(i18n, plan.closure.read_only_until_reopened)}</p>
                    <DialogActions open>{t!(i18n, plan.closure.close)}</DialogActions>
                </form>
            </Show>
        </dialog>
    }
}
