//! Writing an export file: choose the cases, choose a passphrase (typed twice, with a strength
//! hint), and the file is encrypted in the worker and saved with a name that says what it holds.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::{Alert, ErrorAlert};
use crate::components::focus::focus_id_later;
use crate::components::new_passphrase::{passphrase_problems, repeat_label, NewPassphrase};
use crate::context::today;
use crate::context::{keep_page_title, use_store};
use crate::crypto_workers::{case_label, download, Failure, Sealer};
use crate::domain::exchange::{self, file_name};
use crate::domain::{CaseId, CaseSummary};
use crate::i18n::{number, t, t_string, td_plural, td_string, use_i18n, Locale};
use crate::storage::ExportRead;
use crate::vocabulary::InWords;
use uuid::Uuid;
use wasm_bindgen::JsValue;

/// More cases than this are read when the button is pressed: held ahead, they would take
/// memory an old phone may not have (about 30 KB each) while the passphrase is typed.
const READ_AHEAD_AT_MOST: usize = 2_000;

/// Cases being read, or read, ahead of the export (see `ExportForm`).
type ReadAhead = Shared<LocalBoxFuture<'static, Option<Rc<ExportRead>>>>;
/// The cases that went into the file (id and version, to record the export) and its name.
type Gathered = (Vec<(CaseId, Uuid)>, String);

#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Working,
    /// The file's name, how many cases it holds, and whether it is a backup of every case.
    Done {
        name: String,
        cases: usize,
        backup: bool,
    },
    Failed(Failure),
}

#[component]
pub fn ExportPage(case: Option<CaseId>) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, exchange.export.title).to_string());
    let cases = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.list().await }
    });
    view! {
        <h1>{t!(i18n, exchange.export.title)}</h1>
        <p class="lead">{t!(i18n, exchange.export.lead)}</p>
        {move || match cases.get() {
            None => view! { <p class="loading">{t!(i18n, exchange.export.loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert error /> }.into_any(),
            Some(Ok(list)) if list.cases.is_empty() => view! { <p>{t!(i18n, exchange.export.no_cases)}</p> }.into_any(),
            Some(Ok(list)) => {
                view! {
                    {(list.unreadable > 0)
                        .then(|| {
                            view! {
                                <Alert text=Signal::derive(move || {
                                    td_plural!(
                                        i18n.get_locale(), list.unreadable, exchange.export.unreadable_one | exchange.export.unreadable_many, n = list.unreadable
                                    )
                                }) />
                            }
                        })}
                    <ExportForm all=list.cases preselect=case />
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn ExportForm(all: Vec<CaseSummary>, preselect: Option<CaseId>) -> impl IntoView {
    let store = use_store();
    let mut all = all;
    all.sort_by(|a, b| a.case_number.cmp(&b.case_number));
    let chosen = RwSignal::new(match preselect {
        // Started from one case: that case only, never everything by surprise.
        Some(id) => all.iter().map(|c| c.id).filter(|c| *c == id).collect::<HashSet<_>>(),
        None => all.iter().map(|c| c.id).collect::<HashSet<_>>(),
    });
    let all = StoredValue::new(all);
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let unencrypted = RwSignal::new(false);
    let understood = RwSignal::new(false);
    let tried = RwSignal::new(false);
    let progress = RwSignal::new(Progress::Idle);
    // Ready before the button is pressed, so starting the workers is never waited for.
    let sealer = StoredValue::new_local(Sealer::start().ok());
    // The chosen cases, read while the passphrase is typed: pressing the button then waits for
    // little more than the key derivation, rather than sharing the machine with the reading.
    // Whatever is stored differently by then is read again (`Store::read_for_export`).
    let ahead = StoredValue::new_local(None::<ReadAhead>);
    let read_ahead = move || {
        let ids = all.with_value(|all| {
            all.iter().map(|c| c.id).filter(|id| chosen.with_untracked(|c| c.contains(id))).collect::<Vec<_>>()
        });
        if ids.is_empty() || ids.len() > READ_AHEAD_AT_MOST {
            return;
        }
        let store = store.get_value();
        let reading = async move { store.read_for_export(&ids, None).await.ok().map(Rc::new) }.boxed_local().shared();
        // Started now, not when first awaited.
        spawn_local(reading.clone().map(drop));
        ahead.try_set_value(Some(reading));
    };
    read_ahead();
    let i18n = use_i18n();
    let passphrase_problem = Signal::derive(move || {
        let (refusal, mismatch) = passphrase.with(|p| repeat.with(|r| passphrase_problems(i18n.get_locale(), p, r)));
        (tried.get() && !unencrypted.get()).then_some(refusal.or(mismatch)).flatten()
    });
    let choice_problem = Signal::derive(move || {
        (tried.get() && chosen.with(HashSet::is_empty)).then(|| t_string!(i18n, exchange.export.choose_one).to_string())
    });
    let training_problem = Signal::derive(move || {
        (tried.get() && unencrypted.get() && !understood.get())
            .then(|| t_string!(i18n, exchange.export.confirm_fictional).to_string())
    });

    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let problem =
            choice_problem.get_untracked().or(training_problem.get_untracked()).or(passphrase_problem.get_untracked());
        if problem.is_some() || progress.get_untracked() == Progress::Working {
            crate::components::focus::focus_later(
                "form.exchange-form [aria-invalid=true], form.exchange-form .case-choice input".into(),
            );
            return;
        }
        progress.set(Progress::Working);
        let ids: Vec<CaseId> = all.with_value(|all| {
            all.iter().map(|c| c.id).filter(|id| chosen.with_untracked(|c| c.contains(id))).collect()
        });
        let secret = (!unencrypted.get_untracked()).then(|| passphrase.get_untracked());
        // Used once, then gone from the page.
        passphrase.set(String::new());
        repeat.set(String::new());
        tried.set(false);
        let store = store.get_value();
        spawn_local(async move {
            // A backup covers what was stored when it was read, not what changed while encrypting.
            let started = chrono::Utc::now();
            let outcome: Result<Progress, Failure> = async {
                let gathered: RefCell<Option<Gathered>> = RefCell::default();
                // The file's contents; what is recorded afterwards is kept aside meanwhile.
                let contents = async {
                    let earlier = match ahead.try_update_value(Option::take).flatten() {
                        Some(reading) => reading.await,
                        None => None,
                    };
                    let exported = store.read_for_export(&ids, earlier.as_deref()).await?;
                    let numbers: Vec<&str> = exported.cases.iter().map(|c| c.case_number.as_str()).collect();
                    let name = file_name(&numbers, today(), secret.is_some());
                    *gathered.borrow_mut() = Some((exported.cases.iter().map(|c| (c.id, c.version)).collect(), name));
                    let (before, after) = exchange::write_around(env!("CARGO_PKG_VERSION"), chrono::Utc::now());
                    web_sys::Blob::new_with_str_sequence(&exported.document(&before, &after))
                        .map_err(|_| Failure::NotMade)
                };
                let bytes: JsValue = match &secret {
                    Some(passphrase) => {
                        let ready = sealer.try_update_value(Option::take).flatten();
                        ready.map_or_else(Sealer::start, Ok)?.seal(passphrase, contents).await?.into()
                    }
                    None => contents.await?.into(),
                };
                let (marks, name) = gathered.take().ok_or(Failure::NotMade)?;
                download(
                    &bytes,
                    &name,
                    if secret.is_some() { "application/octet-stream" } else { "application/json" },
                )?;
                // The file is saved; failing to record the exchange only makes a later import ask more.
                let _ = store.mark_exported(&marks).await;
                // Every case on the device now, encrypted: a backup, which quiets the reminder.
                let in_file: HashSet<CaseId> = marks.iter().map(|(id, _)| *id).collect();
                let every_case = store.list().await.is_ok_and(|now| now.cases.iter().all(|c| in_file.contains(&c.id)));
                let backup = secret.is_some() && every_case && store.record_backup(started).await.is_ok();
                Ok(Progress::Done { name, cases: marks.len(), backup })
            }
            .await;
            // The page may have been left meanwhile: the file is saved and recorded all the same,
            // and there is nothing left to tell or to get ready.
            if progress.try_set(outcome.unwrap_or_else(Progress::Failed)).is_some() {
                return;
            }
            focus_id_later("export-outcome");
            // Ready for another file, unless the one started was not used (no passphrase).
            if sealer.try_with_value(Option::is_none) == Some(true) {
                sealer.try_set_value(Sealer::start().ok());
            }
            read_ahead();
        });
    };

    let toggle = move |id: CaseId, on: bool| {
        chosen.update(|c| {
            if on {
                c.insert(id);
            } else {
                c.remove(&id);
            }
        })
    };
    let count = move || chosen.with(HashSet::len);
    view! {
        <form class="narrow exchange-form" on:submit=export novalidate>
            <fieldset class="case-choice" aria-describedby="case-choice-error">
                <legend>{t!(i18n, exchange.export.cases_to_export)}</legend>
                <div class="choice-tools">
                    <button
                        type="button"
                        class="small"
                        on:click=move |_| chosen.set(all.with_value(|a| a.iter().map(|c| c.id).collect()))
                    >
                        {t!(i18n, exchange.export.select_all)}
                    </button>
                    <button type="button" class="small" on:click=move |_| chosen.set(HashSet::new())>
                        {t!(i18n, exchange.export.select_none)}
                    </button>
                    <span class="muted">
                        {move || {
                            t_string!(
                                i18n, exchange.export.chosen, n = number(i18n.get_locale(), count() as f64), all = number(i18n.get_locale(), all.with_value(Vec::len) as f64)
                            )
                                .to_string()
                        }}
                    </span>
                </div>
                <ul class="case-choices">
                    {all
                        .with_value(|all| {
                            all.iter()
                                .map(|c| {
                                    let id = c.id;
                                    let (number, name) = (c.case_number.clone(), c.child_name.clone());
                                    let label = move || case_label(i18n.get_locale(), &number, &name);
                                    view! {
                                        <li class="field checkbox">
                                            <input
                                                autocomplete="off"
                                                type="checkbox"
                                                id=format!("choose-{id}")
                                                prop:checked=move || chosen.with(|c| c.contains(&id))
                                                on:change=move |ev| toggle(id, event_target_checked(&ev))
                                            />
                                            <label for=format!("choose-{id}")>{label}</label>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })}
                </ul>
                <p class="error" id="case-choice-error" role="alert">
                    {move || choice_problem.get()}
                </p>
            </fieldset>

            <Show when=move || !unencrypted.get()>
                <NewPassphrase
                    field="export"
                    passphrase
                    repeat
                    checked=tried
                    label=Signal::derive(move || t_string!(i18n, exchange.passphrase).to_string())
                    repeat_label=repeat_label()
                    hint=Signal::derive(move || t_string!(i18n, exchange.export.passphrase_hint).to_string())
                />
            </Show>

            <div class="field checkbox">
                <input
                    autocomplete="off"
                    type="checkbox"
                    id="export-unencrypted"
                    prop:checked=move || unencrypted.get()
                    on:change=move |ev| unencrypted.set(event_target_checked(&ev))
                />
                <label for="export-unencrypted">{t!(i18n, exchange.export.unencrypted)}</label>
            </div>
            <Show when=move || unencrypted.get()>
                <div class="warning-box" role="alert">
                    <p>
                        <strong>{t!(i18n, exchange.export.anyone_can_read)}</strong>
                        " "
                        {t!(i18n, exchange.export.training_only)}
                    </p>
                    <div class="field checkbox">
                        <input
                            autocomplete="off"
                            type="checkbox"
                            id="export-understood"
                            prop:checked=move || understood.get()
                            on:change=move |ev| understood.set(event_target_checked(&ev))
                        />
                        <label for="export-understood">{t!(i18n, exchange.export.fictional)}</label>
                    </div>
                    <p class="error">{move || training_problem.get()}</p>
                </div>
            </Show>

            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || progress.get() == Progress::Working>
                    {move || match (count(), unencrypted.get()) {
                        (1, false) => t_string!(i18n, exchange.export.button_one).to_string(),
                        (n, false) => {
                            t_string!(i18n, exchange.export.button_many, n = number(i18n.get_locale(), n as f64))
                                .to_string()
                        }
                        (1, true) => t_string!(i18n, exchange.export.button_one_unencrypted).to_string(),
                        (n, true) => {
                            t_string!(
                                i18n, exchange.export.button_many_unencrypted, n = number(i18n.get_locale(), n as f64)
                            )
                                .to_string()
                        }
                    }}
                </button>
                <a class="button secondary" href="#/">
                    {t!(i18n, exchange.export.back)}
                </a>
            </div>
            <div id="export-outcome" tabindex="-1" role="status" class="outcome">
                {move || match progress.get() {
                    Progress::Idle => None,
                    Progress::Working => {
                        Some(
                            view! {
                                <p class="working">
                                    <progress aria-label=move || t_string!(i18n, exchange.export.encrypting)></progress>
                                    " "
                                    {t!(i18n, exchange.export.encrypting_wait)}
                                </p>
                            }
                                .into_any(),
                        )
                    }
                    Progress::Done { name, cases, backup } => {
                        Some(
                            view! {
                                <p class="notice">{move || saved_text(i18n.get_locale(), &name, cases, backup)}</p>
                            }
                                .into_any(),
                        )
                    }
                    Progress::Failed(failure) => {
                        Some(
                            view! {
                                <Alert
                                    in_live_region=true
                                    text=Signal::derive(move || {
                                        t_string!(
                                            i18n, exchange.export.failed, reason = failure.in_words(i18n.get_locale())
                                        )
                                            .to_string()
                                    })
                                />
                            }
                                .into_any(),
                        )
                    }
                }}
            </div>
        </form>
    }
}

/// What the export says once the file is saved.
fn saved_text(l: Locale, name: &str, cases: usize, backup: bool) -> String {
    let mut text = match cases {
        1 => td_string!(l, exchange.export.saved_one, name).to_string(),
        n => td_string!(l, exchange.export.saved_many, name, n = number(l, n as f64)).to_string(),
    };
    if backup {
        text.push(' ');
        text.push_str(td_string!(l, exchange.export.backup));
    }
    text.push(' ');
    text.push_str(td_string!(l, exchange.export.give_passphrase));
    text
}
