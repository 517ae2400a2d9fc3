//! Reading an export file: pick it, type its passphrase, see what it would change, decide every
//! conflict, and only then is anything written, in one transaction.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::ErrorAlert;
use crate::components::fields::TextField;
use crate::components::focus::focus_id_later;
use crate::context::{keep_page_title, navigate_replacing, use_notice, use_store};
use crate::crypto_workers::{ask, case_label, field, request, Failure};
use crate::domain::exchange::merge::{Comparison, ImportPlan, Resolution};
use crate::domain::exchange::WorkerError;
use crate::domain::Case;
use crate::i18n::{number, t, t_string, td_string, use_i18n, Locale};
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
            Self::Open(failure) => failure.in_words(l),
            Self::Undecided(n) => td_string!(l, exchange.import.undecided, n = *n).to_string(),
            Self::NotWritten(error) => {
                td_string!(l, exchange.import.not_imported, reason = error.in_words(l)).to_string()
            }
        }
    }
}

/// What an import wrote, in a line for the person who ran it.
fn outcome_text(l: Locale, plan: &ImportPlan) -> String {
    let decided = |r: Resolution| plan.entries.iter().filter(|e| e.resolution == Some(r)).count();
    let parts = [
        (
            plan.count(Comparison::New),
            td_string!(l, exchange.import.outcome.new, n = number(l, plan.count(Comparison::New) as f64)).to_string(),
        ),
        (
            plan.count(Comparison::Newer),
            td_string!(l, exchange.import.outcome.updated, n = number(l, plan.count(Comparison::Newer) as f64))
                .to_string(),
        ),
        (
            decided(Resolution::TakeTheirs),
            td_string!(l, exchange.import.outcome.replaced, n = number(l, decided(Resolution::TakeTheirs) as f64))
                .to_string(),
        ),
        (
            decided(Resolution::KeepBoth),
            td_string!(l, exchange.import.outcome.copied, n = number(l, decided(Resolution::KeepBoth) as f64))
                .to_string(),
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
                    .map_err(|e| Failure::Damaged(e.to_string()))?;
                let ids: Vec<_> = incoming.iter().map(|c| c.id).collect();
                encrypted.set(field(&reply, "encrypted").as_bool().unwrap_or(true));
                // In the order asked for, so each incoming case meets its stored one directly.
                let local = store.get_many(&ids).await?;
                let mut local = local.into_iter();
                Ok(ImportPlan::new(incoming, |_| local.next().flatten()))
            }
            .await;
            match outcome {
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
                autocomplete="off"
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

fn what_happens(l: Locale, comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::New => td_string!(l, exchange.preview.will_add),
        Comparison::Newer => td_string!(l, exchange.preview.will_replace),
        Comparison::Older => td_string!(l, exchange.preview.yours_kept),
        Comparison::Identical => td_string!(l, exchange.preview.nothing_to_do),
        Comparison::Conflict => td_string!(l, exchange.preview.you_decide),
    }
}

fn resolution_label(l: Locale, r: Resolution) -> &'static str {
    match r {
        Resolution::KeepMine => td_string!(l, exchange.preview.keep_mine),
        Resolution::TakeTheirs => td_string!(l, exchange.preview.take_theirs),
        Resolution::KeepBoth => td_string!(l, exchange.preview.keep_both),
    }
}

#[component]
fn Preview(plan: RwSignal<ImportPlan>, on_import: Callback<()>, busy: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let counts = move || {
        let l = i18n.get_locale();
        plan.with(|p| {
            [
                td_string!(l, exchange.preview.count_new, n = number(l, p.count(Comparison::New) as f64)).to_string(),
                td_string!(l, exchange.preview.count_newer, n = number(l, p.count(Comparison::Newer) as f64))
                    .to_string(),
                td_string!(l, exchange.preview.count_conflict, n = number(l, p.count(Comparison::Conflict) as f64))
                    .to_string(),
                td_string!(l, exchange.preview.count_identical, n = number(l, p.count(Comparison::Identical) as f64))
                    .to_string(),
                td_string!(l, exchange.preview.count_older, n = number(l, p.count(Comparison::Older) as f64))
                    .to_string(),
            ]
            .join(" · ")
        })
    };
    let conflicts = move || plan.with(|p| p.count(Comparison::Conflict));
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title" tabindex="-1">
                {t!(i18n, exchange.preview.title)}
            </h2>
            <p class="preview-counts">{counts}</p>
            <Show when=move || { conflicts() > 1 }>
                <div class="choice-tools" role="group" aria-label=move || t_string!(i18n, exchange.preview.decide_all)>
                    <button
                        type="button"
                        class="small"
                        on:click=move |_| plan.update(|p| p.resolve_all(Resolution::KeepMine))
                    >
                        {t!(i18n, exchange.preview.keep_mine_all)}
                    </button>
                    <button
                        type="button"
                        class="small"
                        on:click=move |_| plan.update(|p| p.resolve_all(Resolution::TakeTheirs))
                    >
                        {t!(i18n, exchange.preview.take_theirs_all)}
                    </button>
                    <button
                        type="button"
                        class="small"
                        on:click=move |_| plan.update(|p| p.resolve_all(Resolution::KeepBoth))
                    >
                        {t!(i18n, exchange.preview.keep_both_all)}
                    </button>
                </div>
            </Show>
            <ul class="preview-list">
                // Drawn once per file: choosing an option changes only what is checked, so focus
                // stays on the option just chosen.
                <For
                    each=move || plan.with(|p| p.entries.iter().map(|e| e.incoming.id).collect::<Vec<_>>())
                    key=|id| *id
                    let:id
                >
                    {
                        let (number, name, comparison) = plan
                            .with_untracked(|p| {
                                p.entries
                                    .iter()
                                    .find(|e| e.incoming.id == id)
                                    .map(|e| (
                                        e.incoming.case_number.clone(),
                                        e.incoming.plan.child.name.clone(),
                                        e.comparison,
                                    ))
                                    .unwrap_or((String::new(), String::new(), Comparison::Identical))
                            });
                        let title = Signal::derive(move || case_label(i18n.get_locale(), &number, &name));
                        let chosen = move || {
                            plan.with(|p| p.entries.iter().find(|e| e.incoming.id == id).and_then(|e| e.resolution))
                        };
                        view! {
                            <li class=format!("preview-item {}", comparison_class(comparison))>
                                <span class="preview-title">{title}</span>
                                <span class="preview-what">{move || what_happens(i18n.get_locale(), comparison)}</span>
                                {(comparison == Comparison::Conflict)
                                    .then(|| {
                                        view! {
                                            <fieldset class="resolution">
                                                <legend>
                                                    {move || {
                                                        t_string!(
                                                            i18n, exchange.preview.what_to_do, title = title.get()
                                                        )
                                                            .to_string()
                                                    }}
                                                </legend>
                                                {[Resolution::KeepMine, Resolution::TakeTheirs, Resolution::KeepBoth]
                                                    .into_iter()
                                                    .map(|r| {
                                                        let input_id = format!("resolve-{id}-{}", resolution_key(r));
                                                        view! {
                                                            <div class="field checkbox">
                                                                <input
                                                                    type="radio"
                                                                    id=input_id.clone()
                                                                    name=format!("resolve-{id}")
                                                                    prop:checked=move || chosen() == Some(r)
                                                                    on:change=move |_| plan.update(|p| p.resolve(id, r))
                                                                />
                                                                <label for=input_id>
                                                                    {move || resolution_label(i18n.get_locale(), r)}
                                                                </label>
                                                            </div>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </fieldset>
                                        }
                                    })}
                            </li>
                        }
                    }
                </For>
            </ul>
            <p class="muted" role="status">
                {move || match plan.with(|p| p.undecided()) {
                    0 => String::new(),
                    1 => t_string!(i18n, exchange.preview.decide_one).to_string(),
                    n => t_string!(i18n, exchange.preview.decide_many, n).to_string(),
                }}
            </p>
            <button
                type="button"
                class="primary"
                disabled=move || busy.get()
                on:click=move |_| {
                    let undecided = plan
                        .with_untracked(|p| {
                            p.entries
                                .iter()
                                .find(|e| e.comparison == Comparison::Conflict && e.resolution.is_none())
                                .map(|e| e.incoming.id)
                        });
                    if let Some(id) = undecided {
                        focus_id_later(&format!("resolve-{id}-mine"));
                        return;
                    }
                    on_import.run(())
                }
            >
                {t!(i18n, exchange.preview.import)}
            </button>
        </section>
    }
}

fn comparison_class(c: Comparison) -> &'static str {
    match c {
        Comparison::New => "new",
        Comparison::Newer => "newer",
        Comparison::Older => "older",
        Comparison::Identical => "identical",
        Comparison::Conflict => "conflict",
    }
}

fn resolution_key(r: Resolution) -> &'static str {
    match r {
        Resolution::KeepMine => "mine",
        Resolution::TakeTheirs => "theirs",
        Resolution::KeepBoth => "both",
    }
}
