//! How safely the cases are kept in this browser: persistent storage, space used, and backups.
//! Browsers may clear a site's data; an encrypted export of every case is the copy that survives.

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::ErrorAlert;
use crate::components::backup_reminder::backup_status;
use crate::context::{keep_page_title, use_store};
use crate::i18n::{number, t, t_string, use_i18n};
use crate::route::Route;
use crate::storage::device::{ask_to_persist, estimate, is_persisted};

#[component]
pub fn StoragePage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, storage.title).to_string());
    let store = use_store();
    let space = LocalResource::new(estimate);
    let backup = LocalResource::new(move || backup_status(store.get_value(), None));
    view! {
        <h1>{t!(i18n, storage.title)}</h1>
        <p class="lead">{t!(i18n, storage.lead)}</p>
        <section class="panel" aria-labelledby="kept-title">
            <h2 id="kept-title">{t!(i18n, storage.kept_title)}</h2>
            <Persistence />
            {move || {
                space
                    .get()
                    .map(|found| match found {
                        Some((used, quota)) => {
                            view! {
                                <p>
                                    {move || {
                                        let l = i18n.get_locale();
                                        t_string!(
                                            i18n, storage.space_used, used = crate::vocabulary::bytes(l, used), quota = crate::vocabulary::bytes(l, quota)
                                        )
                                            .to_string()
                                    }}
                                </p>
                            }
                                .into_any()
                        }
                        None => view! { <p>{t!(i18n, storage.space_unknown)}</p> }.into_any(),
                    })
            }}
        </section>
        <section class="panel" aria-labelledby="backup-title">
            <h2 id="backup-title">{t!(i18n, storage.backups_title)}</h2>
            {move || {
                backup
                    .get()
                    .map(|status| match status {
                        Ok(status) => {
                            let now = Utc::now();
                            view! {
                                <p>
                                    {
                                        let status = status.clone();
                                        move || {
                                            t_string!(
                                                i18n, storage.last_backup, when = crate::vocabulary::backup_last(i18n.get_locale(), &status, now)
                                            )
                                                .to_string()
                                        }
                                    }
                                </p>
                                <p>
                                    {
                                        let (changed, last) = (status.changed, status.last);
                                        move || match (changed, last) {
                                            (0, Some(_)) => t_string!(i18n, storage.all_in_backup).to_string(),
                                            (0, None) => t_string!(i18n, storage.nothing_to_back_up).to_string(),
                                            (1, _) => t_string!(i18n, storage.changed_one).to_string(),
                                            (n, _) => {
                                                t_string!(
                                                    i18n, storage.changed_many, count = number(i18n.get_locale(), n as f64)
                                                )
                                                    .to_string()
                                            }
                                        }
                                    }
                                </p>
                                <p>{t!(i18n, storage.backup_explained)}</p>
                                <a class="button primary" href=Route::Export { case: None }.href()>
                                    {t!(i18n, storage.export_all)}
                                </a>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorAlert error /> }.into_any(),
                    })
            }}
        </section>
        <section class="panel" aria-labelledby="deleted-title">
            <h2 id="deleted-title">{t!(i18n, storage.deleted.title)}</h2>
            <p>{t!(i18n, storage.deleted.storage_text)}</p>
            <a href=Route::RecentlyDeleted.href()>{t!(i18n, storage.deleted.storage_link)}</a>
        </section>
        <section class="panel" aria-labelledby="risk-title">
            <h2 id="risk-title">{t!(i18n, storage.risks_title)}</h2>
            <ul>
                <li>{t!(i18n, storage.risk_safari)}</li>
                <li>{t!(i18n, storage.risk_private)}</li>
                <li>{t!(i18n, storage.risk_clearing)}</li>
                <li>{t!(i18n, storage.risk_space)}</li>
            </ul>
        </section>
    }
}

#[component]
fn Persistence() -> impl IntoView {
    let i18n = use_i18n();
    // None: still asking the browser; Some(None): it cannot say.
    let state = RwSignal::new(None::<Option<bool>>);
    let declined = RwSignal::new(false);
    spawn_local(async move { state.set(Some(is_persisted().await)) });
    let ask = move |_| {
        spawn_local(async move {
            let granted = ask_to_persist().await;
            declined.set(granted != Some(true));
            state.set(Some(is_persisted().await.or(granted)));
        })
    };
    view! {
        <div role="status">
            {move || match state.get() {
                None => view! { <p class="loading">{t!(i18n, storage.asking)}</p> }.into_any(),
                Some(Some(true)) => {
                    view! {
                        <p class="state-ok">
                            {t!(
                                i18n, storage.protected, <strong> = |children: ChildrenFn| view! { <strong>{children()}</strong> }
                            )}
                        </p>
                    }
                        .into_any()
                }
                Some(Some(false)) => {
                    view! {
                        <p class="state-warn">
                            {t!(
                                i18n, storage.not_protected, <strong> = |children: ChildrenFn| view! { <strong>{children()}</strong> }
                            )}
                        </p>
                        <button type="button" class="secondary" on:click=ask>
                            {t!(i18n, storage.ask_to_keep)}
                        </button>
                        <Show when=move || declined.get()>
                            <p class="hint">{t!(i18n, storage.declined)}</p>
                        </Show>
                    }
                        .into_any()
                }
                Some(None) => view! { <p class="state-warn">{t!(i18n, storage.cannot_say)}</p> }.into_any(),
            }}
        </div>
    }
}
