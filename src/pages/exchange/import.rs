//! Reading an export file: pick it, type its passphrase, see what it would change, decide every
//! conflict, and only then is anything written, in one transaction.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::preview::Preview;
use crate::components::alert::ErrorAlert;
use crate::components::fields::TextField;
use crate::components::focus::focus_id_later;
use crate::context::{keep_page_title, navigate_replacing, use_notice, use_store};
use crate::crypto_workers::{ask, field, request, Failure};
use crate::domain::deletion::Tombstone;
use crate::domain::exchange::merge::{Comparison, ImportPlan};
use crate::domain::exchange::{Damage, WorkerError};
use crate::domain::Case;
use crate::i18n::{number, t, t_string, td_plural, td_string, use_i18n, Locale};
use crate::route::Route;
use crate::storage::StorageError;
use crate::vocabulary::InWords;

#[derive(Clone, PartialEq)]
enum Stage {
    Choosing,
    Opening,
    Failed(Problem),
    Preview,
    Writing,
}

/// What stopped the import, worded when shown.
#[derive(Clone, PartialEq)]
enum Problem {
    NoFile,
    /// The file holds no case.
    NoCases,
    /// The file could not be opened.
    Open(Failure),
    /// Conflicts still waiting for a decision.
    Undecided(usize),
    /// The store refused the writes; nothing was written.
    NotWritten(StorageError),
}

impl InWords for Problem {
    fn in_words(&self, l: Locale) -> String {
        match self {
            Self::NoFile => td_string!(l, exchange.import.choose_file).to_string(),
            Self::NoCases => td_string!(l, exchange.import.no_cases).to_string(),
            Self::Open(failure) => failure.in_words(l),
            Self::Undecided(n) => {
                td_plural!(l, *n, exchange.import.undecided_one | exchange.import.undecided_many, n = *n)
            }
            Self::NotWritten(error) => {
                let reason = match error {
                    // Said for an import, not in the words of an editor's refused save.
                    StorageError::ChangedElsewhere | StorageError::Deleted => {
                        td_string!(l, exchange.import.changed_since_preview).to_string()
                    }
                    other => other.in_words(l),
                };
                td_string!(l, exchange.import.not_imported, reason).to_string()
            }
        }
    }
}

/// What an import wrote, in a line for the person who ran it.
fn outcome_text(l: Locale, plan: &ImportPlan) -> String {
    let parts = [
        (
            plan.count(Comparison::New),
            td_plural!(
                l,
                plan.count(Comparison::New),
                exchange.import.outcome.new_one | exchange.import.outcome.new_many,
                n = number(l, plan.count(Comparison::New) as f64)
            ),
        ),
        (
            plan.count(Comparison::Newer),
            td_plural!(
                l,
                plan.count(Comparison::Newer),
                exchange.import.outcome.updated_one | exchange.import.outcome.updated_many,
                n = number(l, plan.count(Comparison::Newer) as f64)
            ),
        ),
        (
            plan.count_replaced(),
            td_plural!(
                l,
                plan.count_replaced(),
                exchange.import.outcome.replaced_one | exchange.import.outcome.replaced_many,
                n = number(l, plan.count_replaced() as f64)
            ),
        ),
        (
            plan.count_restored(),
            td_string!(l, exchange.import.outcome.restored, n = number(l, plan.count_restored() as f64)).to_string(),
        ),
        (
            plan.count_copied(),
            td_plural!(
                l,
                plan.count_copied(),
                exchange.import.outcome.copied_one | exchange.import.outcome.copied_many,
                n = number(l, plan.count_copied() as f64)
            ),
        ),
    ];
    let written: Vec<String> = parts.into_iter().filter(|(n, _)| *n > 0).map(|(_, text)| text).collect();
    let summary = if written.is_empty() {
        td_string!(l, exchange.import.outcome.nothing).to_string()
    } else {
        format!("{}.", written.join(", "))
    };
    td_string!(l, exchange.import.imported, summary).to_string()
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let store = use_store();
    let notice = use_notice();
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, exchange.import.title).to_string());
    let file = RwSignal::new(None::<web_sys::File>);
    let passphrase = RwSignal::new(String::new());
    let stage = RwSignal::new(Stage::Choosing);
    let plan = RwSignal::new(ImportPlan::default());
    let encrypted = RwSignal::new(true);

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        file.set(input.files().and_then(|f| f.get(0)));
        stage.set(Stage::Choosing);
        plan.set(ImportPlan::default());
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = file.get_untracked() else {
            stage.set(Stage::Failed(Problem::NoFile));
            focus_id_later("import-file");
            return;
        };
        stage.set(Stage::Opening);
        plan.set(ImportPlan::default());
        // Used once, then gone from the page.
        let secret = passphrase.get_untracked();
        passphrase.set(String::new());
        let store = store.get_value();
        spawn_local(async move {
            let outcome: Result<ImportPlan, Failure> = async {
                let size = chosen.size() as usize;
                crate::domain::exchange::check_size(size).map_err(|e| Failure::Worker(WorkerError::Read(e)))?;
                let buffer = wasm_bindgen_futures::JsFuture::from(chosen.array_buffer())
                    .await
                    .map_err(|_| Failure::Unreadable)?;
                let bytes = js_sys::Uint8Array::new(&buffer);
                let reply = ask(&request(&[
                    ("op", "open".into()),
                    ("file", bytes.into()),
                    ("passphrase", if secret.is_empty() { wasm_bindgen::JsValue::NULL } else { secret.into() }),
                ]))
                .await?;
                let incoming: Vec<Case> = serde_json::from_str(&field(&reply, "cases").as_string().unwrap_or_default())
                    .map_err(|e| Failure::Damaged(Damage::of_json(&e)))?;
                let ids: Vec<_> = incoming.iter().map(|c| c.id).collect();
                encrypted.set(field(&reply, "encrypted").as_bool().unwrap_or(true));
                // In the order asked for, so each incoming case meets its stored one directly.
                let local = store.get_many(&ids).await?;
                let mut local = local.into_iter();
                let deleted: Vec<Tombstone> = store.tombstones_of(&ids).await?.into_iter().flatten().collect();
                let plan = ImportPlan::new(incoming, |_| local.next().flatten());
                Ok(plan.with_deleted_here(|id| deleted.iter().find(|t| t.id == id).cloned()))
            }
            .await;
            match outcome {
                // An empty preview would say nothing at all.
                Ok(p) if p.entries.is_empty() => {
                    stage.set(Stage::Failed(Problem::NoCases));
                    focus_id_later("import-outcome");
                }
                Ok(p) => {
                    plan.set(p);
                    stage.set(Stage::Preview);
                    focus_id_later("preview-title");
                }
                Err(failure) => {
                    stage.set(Stage::Failed(Problem::Open(failure)));
                    focus_id_later("import-outcome");
                }
            }
        });
    };
    let write = move |_| {
        let writes = match plan.with_untracked(|p| p.writes(chrono::Utc::now())) {
            Ok(writes) => writes,
            Err(undecided) => {
                stage.set(Stage::Failed(Problem::Undecided(undecided.0)));
                return;
            }
        };
        stage.set(Stage::Writing);
        let store = store.get_value();
        // The notice outlives this page: worded now, in the language showing.
        let summary = plan.with_untracked(|p| outcome_text(i18n.get_locale_untracked(), p));
        spawn_local(async move {
            match store.import(&writes).await {
                Ok(()) => {
                    notice.show(summary);
                    navigate_replacing(Route::CaseList);
                }
                Err(error) => {
                    stage.set(Stage::Failed(Problem::NotWritten(error)));
                    focus_id_later("import-outcome");
                }
            }
        });
    };

    view! {
        <h1>{t!(i18n, exchange.import.title)}</h1>
        <p class="lead">{t!(i18n, exchange.import.lead)}</p>
        <form class="narrow exchange-form" on:submit=open novalidate>
            <div class="field">
                <label for="import-file">{t!(i18n, exchange.import.file)}</label>
                <p class="hint" id="import-file-hint">
                    {t!(i18n, exchange.import.file_hint)}
                </p>
                <input
                    autocomplete="off"
                    id="import-file"
                    type="file"
                    accept=".age,.json,application/json"
                    aria-describedby="import-file-hint"
                    on:change=on_file
                />
            </div>
            <TextField
                label=move || t_string!(i18n, exchange.passphrase).to_string()
                field="import.passphrase"
                kind="password"
                required=false
                value=passphrase
                set=Callback::new(move |v| passphrase.set(v))
                hint=Signal::derive(move || t_string!(i18n, exchange.import.passphrase_hint).to_string())
            />
            <div class="form-actions">
                <button
                    type="submit"
                    class="primary"
                    disabled=move || matches!(stage.get(), Stage::Opening | Stage::Writing)
                >
                    {t!(i18n, exchange.import.open)}
                </button>
            </div>
        </form>
        <div id="import-outcome" tabindex="-1" role="status" class="outcome">
            {move || match stage.get() {
                Stage::Opening => {
                    Some(
                        view! {
                            <p class="working">
                                <progress aria-label=move || t_string!(i18n, exchange.import.decrypting)></progress>
                                " "
                                {t!(i18n, exchange.import.decrypting_wait)}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Stage::Writing => {
                    Some(
                        view! {
                            <p class="working">
                                <progress aria-label=move || t_string!(i18n, exchange.import.importing)></progress>
                                " "
                                {t!(i18n, exchange.import.importing_wait)}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Stage::Failed(problem) => Some(view! { <ErrorAlert error=problem in_live_region=true /> }.into_any()),
                _ => None,
            }}
        </div>
        <Show when=move || {
            matches!(stage.get(), Stage::Preview | Stage::Writing | Stage::Failed(_))
                && plan.with(|p| !p.entries.is_empty())
        }>
            <Show when=move || !encrypted.get()>
                <p class="warning-box">{t!(i18n, exchange.import.not_encrypted)}</p>
            </Show>
            <Preview plan on_import=Callback::new(write) busy=Signal::derive(move || stage.get() == Stage::Writing) />
        </Show>
    }
}
