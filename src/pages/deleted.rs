//! Cases deleted on this device whose content is still kept (30 days): each can be restored
//! whole, or deleted permanently at once (a request to erase a child's data).

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::Alert;
use crate::components::confirm::ConfirmDialog;
use crate::components::focus::focus_id_later;
use crate::context::{keep_page_title, unnamed, use_notice, use_other_tabs, use_store, user_name};
use crate::domain::deletion::{listed, RecentlyDeleted};
use crate::domain::CaseId;
use crate::i18n::{long_date, t, t_string, td_string, use_i18n, Locale};
use crate::vocabulary::{case_title, InWords};

#[component]
pub fn RecentlyDeletedPage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, storage.deleted.title).to_string());
    let store = use_store();
    // Read again after each restore or erasure, and when another tab changes any case.
    let other_tabs = use_other_tabs();
    let done_here = RwSignal::new(0u32);
    let deleted = LocalResource::new(move || {
        other_tabs.0.track();
        done_here.track();
        let store = store.get_value();
        async move { store.recently_deleted().await.map(|found| listed(found, Utc::now())) }
    });
    // The case the worker asked to delete permanently, until they confirm or cancel.
    let erasing = RwSignal::new(None::<(CaseId, String)>);
    let confirm_open = RwSignal::new(false);
    let notice = use_notice();
    let restore = move |id: CaseId, title: String| {
        let store = store.get_value();
        spawn_local(async move {
            let l = i18n.get_locale_untracked();
            match store.restore(id, Utc::now(), &user_name()).await {
                Ok(_) => notice.show(td_string!(l, storage.deleted.restored, case = title).to_string()),
                Err(error) => {
                    notice.problem(td_string!(l, storage.deleted.not_restored, error = error.in_words(l)).to_string())
                }
            }
            done_here.update(|n| *n += 1);
            focus_id_later("deleted-title");
        });
    };
    let erase = move |_| {
        let Some((id, title)) = erasing.get_untracked() else { return };
        let store = store.get_value();
        spawn_local(async move {
            let l = i18n.get_locale_untracked();
            match store.delete_permanently(id).await {
                Ok(()) => notice.show(td_string!(l, storage.deleted.erased, case = title).to_string()),
                Err(error) => {
                    notice.problem(td_string!(l, storage.deleted.not_erased, error = error.in_words(l)).to_string())
                }
            }
            done_here.update(|n| *n += 1);
            focus_id_later("deleted-title");
        });
    };

    view! {
        <h1 id="deleted-title" tabindex="-1">
            {t!(i18n, storage.deleted.title)}
        </h1>
        <p class="lead">{t!(i18n, storage.deleted.lead)}</p>
        {move || match deleted.get() {
            None => view! { <p class="loading">{t!(i18n, storage.deleted.loading)}</p> }.into_any(),
            Some(Err(error)) => {
                view! {
                    <Alert text=Signal::derive(move || {
                        let l = i18n.get_locale();
                        td_string!(l, storage.deleted.cannot_read, error = error.in_words(l)).to_string()
                    }) />
                }
                    .into_any()
            }
            Some(Ok(found)) if found.is_empty() => {
                view! { <p class="empty">{t!(i18n, storage.deleted.empty)}</p> }.into_any()
            }
            Some(Ok(found)) => {
                view! {
                    <ul class="deleted-cases">
                        {found
                            .into_iter()
                            .map(|deleted| {
                                view! {
                                    <DeletedCase
                                        deleted
                                        on_restore=Callback::new(move |(id, title)| restore(id, title))
                                        on_erase=Callback::new(move |chosen| {
                                            erasing.set(Some(chosen));
                                            confirm_open.set(true);
                                        })
                                    />
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        }}
        <ConfirmDialog
            open=confirm_open
            title=Signal::derive(move || {
                let case = erasing.get().map(|(_, title)| title).unwrap_or_default();
                t_string!(i18n, storage.deleted.confirm_title, case).to_string()
            })
            message=Signal::derive(move || t_string!(i18n, storage.deleted.confirm_message).to_string())
            confirm_label=Signal::derive(move || {
                let case = erasing.get().map(|(_, title)| title).unwrap_or_default();
                t_string!(i18n, storage.deleted.confirm, case).to_string()
            })
            on_confirm=Callback::new(erase)
        />
    }
}

/// One deleted case: what it was, when and by whom it was deleted, until when it can come back.
#[component]
fn DeletedCase(
    deleted: RecentlyDeleted,
    on_restore: Callback<(CaseId, String)>,
    on_erase: Callback<(CaseId, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = deleted.case.id;
    let title = Memo::new(move |_| case_title(i18n.get_locale(), &deleted.case));
    let when = deleted.tombstone.clone();
    let said = move |l: Locale| {
        let by = if when.deleted_by.is_empty() { unnamed(l) } else { when.deleted_by.clone() };
        let on = long_date(l, when.deleted_at.date_naive());
        let until = long_date(l, when.restorable_until().date_naive());
        format!(
            "{} {}",
            td_string!(l, storage.deleted.deleted_by, date = on, by),
            td_string!(l, storage.deleted.until, date = until)
        )
    };
    view! {
        <li class="panel deleted-case">
            <h2>{move || title.get()}</h2>
            <p>{move || said(i18n.get_locale())}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| on_restore.run((id, title.get_untracked()))>
                    {t!(i18n, storage.deleted.restore)}
                    <span class="visually-hidden">" " {move || title.get()}</span>
                </button>
                <button type="button" class="danger" on:click=move |_| on_erase.run((id, title.get_untracked()))>
                    {t!(i18n, storage.deleted.delete_permanently)}
                    <span class="visually-hidden">" " {move || title.get()}</span>
                </button>
            </div>
        </li>
    }
}
