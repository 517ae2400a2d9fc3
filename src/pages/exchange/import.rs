//! Reading an export file: pick it, type its passphrase, see what it would change, decide every
//! conflict, and only then is anything written, in one transaction.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::worker::{ask, field, request};
use crate::app::{navigate_replacing, set_page_title, use_store, Notice};
use crate::components::fields::TextField;
use crate::components::focus::focus_id_later;
use crate::domain::exchange::merge::{Comparison, ImportPlan, Resolution};
use crate::domain::Case;
use crate::route::Route;

#[derive(Clone, PartialEq)]
enum Stage {
    Choosing,
    Opening,
    Failed(String),
    Preview,
    Writing,
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let store = use_store();
    let notice = use_context::<Notice>().expect("notice context");
    set_page_title("Import cases");
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
            stage.set(Stage::Failed("Choose the file to import.".into()));
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
            let outcome: Result<ImportPlan, String> = async {
                let size = chosen.size() as usize;
                crate::domain::exchange::check_size(size).map_err(|e| e.to_string())?;
                let buffer = wasm_bindgen_futures::JsFuture::from(chosen.array_buffer()).await.map_err(|_| "The file could not be read from the disk.".to_string())?;
                let bytes = js_sys::Uint8Array::new(&buffer);
                let reply = ask(&request(&[
                    ("op", "open".into()),
                    ("file", bytes.into()),
                    ("passphrase", if secret.is_empty() { wasm_bindgen::JsValue::NULL } else { secret.into() }),
                ]))
                .await?;
                let incoming: Vec<Case> = serde_wasm_bindgen::from_value(field(&reply, "cases")).map_err(|e| format!("This Homeward export is damaged: {e}"))?;
                let ids: Vec<_> = incoming.iter().map(|c| c.id).collect();
                encrypted.set(field(&reply, "encrypted").as_bool().unwrap_or(true));
                // In the order asked for, so each incoming case meets its stored one directly.
                let local = store.get_many(&ids).await.map_err(|e| e.to_string())?;
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
                Err(message) => {
                    stage.set(Stage::Failed(message));
                    focus_id_later("import-outcome");
                }
            }
        });
    };
    let write = move |_| {
        let writes = match plan.with_untracked(|p| p.writes(chrono::Utc::now())) {
            Ok(writes) => writes,
            Err(undecided) => {
                stage.set(Stage::Failed(undecided.to_string()));
                return;
            }
        };
        stage.set(Stage::Writing);
        let store = store.get_value();
        let summary = plan.with_untracked(ImportPlan::outcome);
        spawn_local(async move {
            match store.import(&writes).await {
                Ok(()) => {
                    notice.show(format!("Imported: {summary}"));
                    navigate_replacing(Route::CaseList);
                }
                Err(error) => {
                    stage.set(Stage::Failed(format!("Nothing was imported: {error} Open the file again to see what it would change now.")));
                    focus_id_later("import-outcome");
                }
            }
        });
    };

    view! {
        <h1>"Import cases"</h1>
        <p class="lead">"Open an export file from a colleague or a backup. You will see what it would change before anything is written, and no case on this device is overwritten without your say."</p>
        <form class="narrow exchange-form" on:submit=open novalidate>
            <div class="field">
                <label for="import-file">"Export file"</label>
                <p class="hint" id="import-file-hint">"A .age file made by Homeward or by the age tool, or an unencrypted training file."</p>
                <input id="import-file" type="file" accept=".age,.json,application/json" aria-describedby="import-file-hint" on:change=on_file />
            </div>
            <TextField label="Passphrase" field="import.passphrase" kind="password" autocomplete="off" required=false
                value=passphrase set=Callback::new(move |v| passphrase.set(v)) hint="The passphrase the file was encrypted with." />
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || matches!(stage.get(), Stage::Opening | Stage::Writing)>"Open file"</button>
            </div>
        </form>
        <div id="import-outcome" tabindex="-1" role="status" class="outcome">
            {move || match stage.get() {
                Stage::Opening => Some(view! { <p class="working"><progress aria-label="Decrypting"></progress> " Decrypting… this takes a few seconds."</p> }.into_any()),
                Stage::Writing => Some(view! { <p class="working"><progress aria-label="Importing"></progress> " Importing…"</p> }.into_any()),
                Stage::Failed(message) => Some(view! { <p class="error-box">{message}</p> }.into_any()),
                _ => None,
            }}
        </div>
        <Show when=move || matches!(stage.get(), Stage::Preview | Stage::Writing | Stage::Failed(_)) && plan.with(|p| !p.entries.is_empty())>
            <Show when=move || !encrypted.get()>
                <p class="warning-box">"This file was not encrypted: anyone who had it could read it. Use such files only for training with fictional cases."</p>
            </Show>
            <Preview plan on_import=Callback::new(write) busy=Signal::derive(move || stage.get() == Stage::Writing) />
        </Show>
    }
}

fn what_happens(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::New => "New: will be added",
        Comparison::Newer => "Newer than yours: will replace it",
        Comparison::Older => "Older than yours: yours is kept",
        Comparison::Identical => "The same as yours: nothing to do",
        Comparison::Conflict => "Changed on both sides: you decide",
    }
}

#[component]
fn Preview(plan: RwSignal<ImportPlan>, on_import: Callback<()>, busy: Signal<bool>) -> impl IntoView {
    let counts = move || {
        plan.with(|p| {
            [(Comparison::New, "new"), (Comparison::Newer, "newer"), (Comparison::Conflict, "changed on both sides"), (Comparison::Identical, "identical"), (Comparison::Older, "older")]
                .iter()
                .map(|(c, label)| format!("{} {label}", p.count(*c)))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let conflicts = move || plan.with(|p| p.count(Comparison::Conflict));
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title" tabindex="-1">"What this file would change"</h2>
            <p class="preview-counts">{counts}</p>
            <Show when=move || { conflicts() > 1 }>
                <div class="choice-tools" role="group" aria-label="Decide every conflict at once">
                    <button type="button" class="small" on:click=move |_| plan.update(|p| p.resolve_all(Resolution::KeepMine))>"Keep mine for all"</button>
                    <button type="button" class="small" on:click=move |_| plan.update(|p| p.resolve_all(Resolution::TakeTheirs))>"Take theirs for all"</button>
                    <button type="button" class="small" on:click=move |_| plan.update(|p| p.resolve_all(Resolution::KeepBoth))>"Keep both for all"</button>
                </div>
            </Show>
            <ul class="preview-list">
                // Drawn once per file: choosing an option changes only what is checked, so focus
                // stays on the option just chosen.
                <For each=move || plan.with(|p| p.entries.iter().map(|e| e.incoming.id).collect::<Vec<_>>()) key=|id| *id let:id>
                    {
                        let (title, comparison) = plan.with_untracked(|p| p.entries.iter().find(|e| e.incoming.id == id).map(|e| (e.incoming.title(), e.comparison)).unwrap_or((String::new(), Comparison::Identical)));
                        let chosen = move || plan.with(|p| p.entries.iter().find(|e| e.incoming.id == id).and_then(|e| e.resolution));
                        view! {
                            <li class=format!("preview-item {}", comparison_class(comparison))>
                                <span class="preview-title">{title.clone()}</span>
                                <span class="preview-what">{what_happens(comparison)}</span>
                                {(comparison == Comparison::Conflict).then(|| view! {
                                    <fieldset class="resolution">
                                        <legend>{format!("What to do with {title}")}</legend>
                                        {[(Resolution::KeepMine, "Keep mine"), (Resolution::TakeTheirs, "Take theirs"), (Resolution::KeepBoth, "Keep both (theirs as a copy)")].into_iter().map(|(r, label)| {
                                            let input_id = format!("resolve-{id}-{}", resolution_key(r));
                                            view! {
                                                <div class="field checkbox">
                                                    <input type="radio" id=input_id.clone() name=format!("resolve-{id}") prop:checked=move || chosen() == Some(r)
                                                        on:change=move |_| plan.update(|p| p.resolve(id, r)) />
                                                    <label for=input_id>{label}</label>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </fieldset>
                                })}
                            </li>
                        }
                    }
                </For>
            </ul>
            <p class="muted" role="status">{move || match plan.with(|p| p.undecided()) {
                0 => String::new(),
                1 => "Decide what to do with the case changed on both sides.".into(),
                n => format!("Decide what to do with the {n} cases changed on both sides."),
            }}</p>
            <button type="button" class="primary" disabled=move || busy.get() on:click=move |_| {
                let undecided = plan.with_untracked(|p| p.entries.iter().find(|e| e.comparison == Comparison::Conflict && e.resolution.is_none()).map(|e| e.incoming.id));
                if let Some(id) = undecided {
                    focus_id_later(&format!("resolve-{id}-mine"));
                    return;
                }
                on_import.run(())
            }>"Import"</button>
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
