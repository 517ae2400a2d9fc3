//! The training demo: a workspace of fictional cases that show every part of Homeward, a reset
//! between groups, a way back to the real cases, and an encrypted exercise file for practising
//! an import (one of its cases conflicts with the demo's, on purpose).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::context::{keep_page_title, use_notice, use_store};
use crate::crypto_workers::{blob_of, download, Failure, Sealer};
use crate::domain::demo::{exercise_cases, organisation, EXERCISE_PASSPHRASE};
use crate::domain::exchange::{self, ExportDocument};
use crate::i18n::{t, t_string, use_i18n};
use crate::vocabulary::InWords;
use crate::workspace::{reset_demo, Workspace};

/// The exercise file's name: plainly an exercise, never mistaken for a colleague's real export.
const EXERCISE_FILE: &str = "homeward-demo-exercise.age";

#[component]
pub fn DemoPage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, demo.title).to_string());
    let in_demo = Workspace::in_demo();
    view! {
        <h1>{t!(i18n, demo.title)}</h1>
        <p class="lead">
            {move || {
                let organisation = organisation(crate::vocabulary::language(i18n.get_locale()));
                t_string!(i18n, demo.explained, organisation).to_string()
            }}
        </p>
        {if in_demo {
            view! { <DemoTools /> }.into_any()
        } else {
            view! {
                <p>{t!(i18n, demo.real_untouched)}</p>
                <button type="button" on:click=|_| Workspace::Demo.switch_to()>
                    {t!(i18n, demo.open)}
                </button>
            }
                .into_any()
        }}
    }
}

#[component]
fn DemoTools() -> impl IntoView {
    let i18n = use_i18n();
    let notice = use_notice();
    let making = RwSignal::new(false);
    let make_exercise = move |_| {
        if making.get_untracked() {
            return;
        }
        making.set(true);
        spawn_local(async move {
            let today = chrono::Local::now().date_naive();
            let outcome: Result<(), Failure> = async {
                // Already marked as exported, as a colleague's file would be; in the interface's
                // language.
                let cases = exercise_cases(today, crate::vocabulary::language(i18n.get_locale_untracked()));
                let contents = async {
                    blob_of(&exchange::write(&ExportDocument::new(
                        cases,
                        env!("CARGO_PKG_VERSION"),
                        chrono::Utc::now(),
                    )))
                };
                let bytes = Sealer::start()?.seal(EXERCISE_PASSPHRASE, contents).await?;
                download(&bytes.into(), EXERCISE_FILE, "application/octet-stream")
            }
            .await;
            making.set(false);
            match outcome {
                Ok(()) => notice.show(t_string!(i18n, demo.exercise_saved, file = EXERCISE_FILE).to_string()),
                Err(failure) => notice.problem(
                    t_string!(i18n, demo.exercise_failed, detail = failure.in_words(i18n.get_locale_untracked()))
                        .to_string(),
                ),
            }
        });
    };
    view! {
        <h2>{t!(i18n, demo.in_the_demo)}</h2>
        <ul class="demo-contents">
            <li>{t!(i18n, demo.contents_pathways)}</li>
            <li>{t!(i18n, demo.contents_stages)}</li>
            <li>{t!(i18n, demo.contents_follow_up)}</li>
        </ul>
        <h2>{t!(i18n, demo.exercise_heading)}</h2>
        <p>{t!(i18n, demo.exercise_explained)}</p>
        <p>{t!(i18n, demo.exercise_passphrase)} " " <code class="passphrase">{EXERCISE_PASSPHRASE}</code></p>
        <button type="button" on:click=make_exercise aria-disabled=move || making.get().then_some("true")>
            {move || {
                if making.get() {
                    t_string!(i18n, demo.exercise_making)
                } else {
                    t_string!(i18n, demo.exercise_download)
                }
            }}
        </button>
        <h2>{t!(i18n, demo.between_groups)}</h2>
        <p>{t!(i18n, demo.reset_explained)}</p>
        <div class="actions">
            <ResetDemoButton />
            <button type="button" class="secondary" on:click=|_| Workspace::leave()>
                {t!(i18n, demo.leave)}
            </button>
        </div>
    }
}

/// Puts the demo back as it was first opened, in one step: it holds only fictional cases.
#[component]
pub fn ResetDemoButton() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let notice = use_notice();
    view! {
        <button
            type="button"
            class="secondary"
            on:click=move |_| {
                let store = store.get_value();
                spawn_local(async move {
                    if let Err(error) = reset_demo(store).await {
                        notice.problem(error.in_words(i18n.get_locale_untracked()));
                    }
                });
            }
        >
            {t!(i18n, demo.reset)}
        </button>
    }
}

/// On every page of the demo: what this is, and the way out.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="demo-banner" role="region" aria-label=move || t_string!(i18n, demo.banner_label)>
            <p>
                <strong>{t!(i18n, demo.banner_title)}</strong>
                " "
                {t!(i18n, demo.banner_text)}
            </p>
            <div class="actions">
                <a href="#/demo">{t!(i18n, demo.about)}</a>
                <button type="button" class="small secondary" on:click=|_| Workspace::leave()>
                    {t!(i18n, demo.leave)}
                </button>
            </div>
        </div>
    }
}
