//! What an import file would change, case by case, and the worker's decisions: conflicts
//! (changed on both sides) and cases deleted on this device.

use leptos::prelude::*;

use crate::components::focus::focus_id_later;
use crate::context::unnamed;
use crate::crypto_workers::case_label;
use crate::domain::exchange::merge::{Comparison, ImportPlan, Resolution};
use crate::i18n::{date, number, t, t_string, td_string, use_i18n, Locale};

fn what_happens(l: Locale, comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::New => td_string!(l, exchange.preview.will_add),
        Comparison::Newer => td_string!(l, exchange.preview.will_replace),
        Comparison::Older => td_string!(l, exchange.preview.yours_kept),
        Comparison::Identical => td_string!(l, exchange.preview.nothing_to_do),
        Comparison::Conflict => td_string!(l, exchange.preview.you_decide),
        Comparison::DeletedHere => td_string!(l, exchange.preview.you_decide),
    }
}

/// The choices a case waiting for a decision offers.
fn choices(comparison: Comparison) -> &'static [Resolution] {
    match comparison {
        Comparison::DeletedHere => &[Resolution::KeepMine, Resolution::TakeTheirs],
        _ => &[Resolution::KeepMine, Resolution::TakeTheirs, Resolution::KeepBoth],
    }
}

fn resolution_label(l: Locale, comparison: Comparison, r: Resolution) -> &'static str {
    match (comparison, r) {
        (Comparison::DeletedHere, Resolution::KeepMine) => td_string!(l, exchange.preview.keep_deleted),
        (Comparison::DeletedHere, _) => td_string!(l, exchange.preview.bring_back),
        (_, Resolution::KeepMine) => td_string!(l, exchange.preview.keep_mine),
        (_, Resolution::TakeTheirs) => td_string!(l, exchange.preview.take_theirs),
        (_, Resolution::KeepBoth) => td_string!(l, exchange.preview.keep_both),
    }
}

#[component]
pub(super) fn Preview(plan: RwSignal<ImportPlan>, on_import: Callback<()>, busy: Signal<bool>) -> impl IntoView {
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
            .into_iter()
            .chain((p.count(Comparison::DeletedHere) > 0).then(|| {
                let n = number(l, p.count(Comparison::DeletedHere) as f64);
                td_string!(l, exchange.preview.count_deleted_here, n = n).to_string()
            }))
            .collect::<Vec<_>>()
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
                        let (number, name, comparison, deleted) = plan
                            .with_untracked(|p| {
                                p.entries
                                    .iter()
                                    .find(|e| e.incoming.id == id)
                                    .map(|e| (
                                        e.incoming.case_number.clone(),
                                        e.incoming.plan.child.name.clone(),
                                        e.comparison,
                                        e.deleted.clone(),
                                    ))
                                    .unwrap_or((String::new(), String::new(), Comparison::Identical, None))
                            });
                        let what = move || {
                            let l = i18n.get_locale();
                            match &deleted {
                                Some(stone) => {
                                    let by = if stone.deleted_by.is_empty() {
                                        unnamed(l)
                                    } else {
                                        stone.deleted_by.clone()
                                    };
                                    let on = date(l, stone.deleted_at.date_naive());
                                    td_string!(l, exchange.preview.deleted_here, date = on, by).to_string()
                                }
                                None => what_happens(l, comparison).to_string(),
                            }
                        };
                        let title = Signal::derive(move || case_label(i18n.get_locale(), &number, &name));
                        let chosen = move || {
                            plan.with(|p| p.entries.iter().find(|e| e.incoming.id == id).and_then(|e| e.resolution))
                        };
                        view! {
                            <li class=format!("preview-item {}", comparison_class(comparison))>
                                <span class="preview-title">{title}</span>
                                <span class="preview-what">{what}</span>
                                {comparison
                                    .asks()
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
                                                {choices(comparison)
                                                    .iter()
                                                    .map(|&r| {
                                                        let input_id = format!("resolve-{id}-{}", resolution_key(r));
                                                        view! {
                                                            <div class="field checkbox">
                                                                <input
                                                                    autocomplete="off"
                                                                    type="radio"
                                                                    id=input_id.clone()
                                                                    name=format!("resolve-{id}")
                                                                    prop:checked=move || chosen() == Some(r)
                                                                    on:change=move |_| plan.update(|p| p.resolve(id, r))
                                                                />
                                                                <label for=input_id>
                                                                    {move || resolution_label(i18n.get_locale(), comparison, r)}
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
                {move || {
                    let undecided = |c: Comparison| plan.with(|p| p.undecided_of(c));
                    let conflicts = match undecided(Comparison::Conflict) {
                        0 => None,
                        1 => Some(t_string!(i18n, exchange.preview.decide_one).to_string()),
                        n => Some(t_string!(i18n, exchange.preview.decide_many, n).to_string()),
                    };
                    let deleted = match undecided(Comparison::DeletedHere) {
                        0 => None,
                        1 => Some(t_string!(i18n, exchange.preview.decide_deleted_one).to_string()),
                        n => Some(t_string!(i18n, exchange.preview.decide_deleted_many, n).to_string()),
                    };
                    conflicts.into_iter().chain(deleted).collect::<Vec<_>>().join(" ")
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
                                .find(|e| e.comparison.asks() && e.resolution.is_none())
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
        Comparison::DeletedHere => "conflict deleted-here",
    }
}

fn resolution_key(r: Resolution) -> &'static str {
    match r {
        Resolution::KeepMine => "mine",
        Resolution::TakeTheirs => "theirs",
        Resolution::KeepBoth => "both",
    }
}
