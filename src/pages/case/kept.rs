//! Edits a lock came before they could be saved, offered back on the case's page once the
//! workspace is unlocked: put back (combined with the case as stored now) or thrown away.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::Alert;
use crate::components::confirm::ConfirmDialog;
use crate::context::use_store;
use crate::domain::kept::KeptEdits;
use crate::editor::Editor;
use crate::i18n::{number, t, t_string, td_plural, td_string, time, use_i18n};
use crate::vocabulary::InWords;

#[component]
pub fn KeptEditsOffer(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = editor.case.with_untracked(|c| c.id);
    let kept = RwSignal::new(None::<KeptEdits>);
    let failed = RwSignal::new(None::<String>);
    spawn_local(async move {
        match store.get_value().kept_edits(id).await {
            Ok(found) => drop(kept.try_set(found)),
            Err(error) => {
                let l = i18n.get_locale_untracked();
                failed.try_set(Some(td_string!(l, plan.kept.cannot_read, error = error.in_words(l)).to_string()));
            }
        }
    });
    let put_back = move |_| {
        if let Some(found) = kept.get_untracked() {
            kept.set(None);
            editor.put_back(found);
        }
    };
    let confirm_throw = RwSignal::new(false);
    let throw_away = move |_| {
        kept.set(None);
        spawn_local(async move {
            if let Err(error) = store.get_value().drop_kept_edits(id).await {
                let l = i18n.get_locale_untracked();
                failed.try_set(Some(td_string!(l, plan.kept.not_thrown, error = error.in_words(l)).to_string()));
            }
        });
    };
    view! {
        {move || {
            kept.get()
                .map(|found| {
                    let (count, at) = (found.changes(), found.kept_at);
                    let visit = found.visit_draft.is_some();
                    let only_visit = found.only_visit_draft();
                    view! {
                        <div class="tab-conflict kept-edits">
                            <h2>{t!(i18n, plan.kept.title)}</h2>
                            <p>
                                {move || {
                                    let l = i18n.get_locale();
                                    if only_visit {
                                        td_string!(l, plan.kept.explained_visit, time = time(l, at)).to_string()
                                    } else {
                                        td_plural!(
                                            l, count, plan.kept.explained_one | plan.kept.explained_many, time = time(l, at), count = number(l, count as f64)
                                        )
                                    }
                                }}
                            </p>
                            <Show when=move || visit && !only_visit>
                                <p>{t!(i18n, plan.kept.visit_among)}</p>
                            </Show>
                            <div class="form-actions">
                                <button type="button" class="primary" on:click=put_back>
                                    {t!(i18n, plan.kept.put_back)}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| confirm_throw.set(true)>
                                    {t!(i18n, plan.kept.throw_away)}
                                </button>
                            </div>
                            // Only while there is something to throw away: a closed dialog's
                            // heading would stand first among the case page's.
                            <ConfirmDialog
                                open=confirm_throw
                                title=Signal::derive(move || t_string!(i18n, plan.kept.throw_title).to_string())
                                message=Signal::derive(move || t_string!(i18n, plan.kept.throw_message).to_string())
                                confirm_label=Signal::derive(move || t_string!(i18n, plan.kept.throw_away).to_string())
                                on_confirm=Callback::new(throw_away)
                            />
                        </div>
                    }
                })
        }}
        {move || failed.get().map(|text| view! { <Alert text=Signal::stored(text) /> })}
    }
}
