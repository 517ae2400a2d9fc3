//! The shell: opens the case store, follows the address, and shows the page it names.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::ErrorAlert;
use crate::components::focus::focus_id_later;
use crate::context::{current_route, provide_store, Notice, OtherTabs, Profile, UnsavedWork};
use crate::i18n::{
    follow_locale_on_html, preferred_locale, t, t_string, use_i18n, I18nSubContextProvider, LanguagePicker, Locale,
};
use crate::offline::{ReloadBanner, UpdateBanner, Updates};
use crate::pages::case::CasePage;
use crate::pages::deleted::RecentlyDeletedPage;
use crate::pages::demo::{DemoBanner, DemoPage};
use crate::pages::exchange::{ExportPage, ImportPage};
use crate::pages::overview::OverviewPage;
use crate::pages::print::PrintPage;
use crate::pages::profile::ProfilePage;
use crate::pages::storage::StoragePage;
use crate::pages::{case_list::CaseListPage, new_case::NewCasePage};
use crate::route::{CaseTab, Page, Route};
use crate::storage::{StorageError, Store};
use crate::workspace::Workspace;

fn confirm_leaving(locale: Locale, reason: &str) -> bool {
    let question = crate::i18n::td_string!(locale, app.confirm_leaving, reason);
    window().confirm_with_message(&question).unwrap_or(true)
}

/// The in-app address (`#/…`) of the link a click landed on, if any.
fn link_target(ev: &leptos::ev::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let href = target.closest("a[href^='#']").ok()??.get_attribute("href")?;
    Some(href)
}

/// A workspace's store being opened.
pub type Opening = Pin<Box<dyn Future<Output = Result<Store, StorageError>>>>;

/// What differs between the whole app and the first load ([`crate::first_load`]): how a
/// workspace is opened and which pages can be shown. Each build links only the code its own
/// functions reach, so the first load carries the case list and not the rest.
#[derive(Clone, Copy)]
pub struct Build {
    pub open: fn(Workspace) -> Opening,
    pub page: fn(Page, Memo<CaseTab>) -> AnyView,
}

/// The whole app: every page, and the demo filled on first opening.
pub const WHOLE: Build = Build { open: |workspace| Box::pin(workspace.open()), page: whole_page };

/// The app in the language chosen on this device, or the browser's. With `standby`, it gets
/// ready (the store opened, the shell set up) but draws nothing while `standby` holds: the
/// whole app waits so beside the first load, and takes over in one step.
#[component]
pub fn App(parts: Build, #[prop(optional)] standby: Option<RwSignal<bool>>) -> impl IntoView {
    view! {
        <I18nSubContextProvider initial_locale=Signal::stored(preferred_locale())>
            <Shell parts standby />
        </I18nSubContextProvider>
    }
}

#[component]
fn Shell(parts: Build, standby: Option<RwSignal<bool>>) -> impl IntoView {
    let i18n = use_i18n();
    follow_locale_on_html(i18n);
    let route = RwSignal::new(current_route());
    let notice = Notice::provide();
    let unsaved = UnsavedWork::provide();
    provide_context(Updates::start());
    let profile = Profile::provide();
    // Following a link away from a case whose last change is not saved asks first, before the
    // address changes. The hashchange check below catches Back and typed addresses.
    let on_click = window_event_listener(leptos::ev::click, move |ev| {
        let Some(link) = link_target(&ev) else { return };
        if route.get_untracked().page() == Route::parse(&link).page() {
            return;
        }
        if let Some(reason) = unsaved.0.get_untracked() {
            if confirm_leaving(i18n.get_locale_untracked(), &reason) {
                unsaved.0.set(None);
            } else {
                ev.prevent_default();
            }
        }
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |ev| {
        // Each change in turn, by the address it went to, not the address now: when the address
        // changes twice before this runs (a case just created opens and another new case is
        // asked for at once), the page between is left too, so the form just sent is not shown
        // again, stuck as it was.
        let next = ev.new_url();
        let next = Route::parse(next.find('#').map_or("", |at| &next[at..]));
        let current = route.get_untracked();
        if current.page() != next.page() {
            if let Some(reason) = unsaved.0.get_untracked() {
                if !confirm_leaving(i18n.get_locale_untracked(), &reason) {
                    // Stay: put the address back without a new history entry.
                    let _ = window().history().and_then(|h| {
                        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&current.href()))
                    });
                    return;
                }
                unsaved.0.set(None);
            }
        }
        // A message about the last page is stale on the one after next.
        if current != next && !matches!(next, Route::CaseList) {
            notice.clear();
        }
        route.set(next);
    });
    on_cleanup(move || {
        listener.remove();
        on_click.remove();
    });

    let workspace = Workspace::current();
    let opened = RwSignal::new(None::<Result<(), StorageError>>);
    let store = StoredValue::new_local(None::<Store>);
    let other_tabs = OtherTabs::provide();
    let superseded = Memo::new(move |_| other_tabs.superseded());
    spawn_local(async move {
        match (parts.open)(workspace).await {
            Ok(s) => {
                s.listen(move |change| other_tabs.tell(change));
                store.set_value(Some(s));
                opened.set(Some(Ok(())));
            }
            Err(e) => opened.set(Some(Err(e))),
        }
    });

    let drawn = move || standby.is_none_or(|s| !s.get());
    move || {
        drawn().then(|| {
            // Taking over from the first load: the address may have changed an instant ago, before
            // this shell's own hashchange listener has run, and the page it names is the one to draw.
            if standby.is_some() {
                route.set(current_route());
            }
            view! {
                <a
                    class="skip-link"
                    href="#main"
                    on:click=|ev| {
                        ev.prevent_default();
                        focus_main();
                    }
                >
                    {t!(i18n, app.skip_to_content)}
                </a>
                <header class="app-header">
                    <a class="brand" href="#/">
                        "Homeward"
                    </a>
                    <nav aria-label=move || t_string!(i18n, app.main_navigation)>
                        <a href="#/" aria-current=move || matches!(route.get(), Route::CaseList).then_some("page")>
                            {t!(i18n, app.nav_cases)}
                        </a>
                        <a
                            href=Route::Overview.href()
                            aria-current=move || matches!(route.get(), Route::Overview).then_some("page")
                        >
                            {t!(i18n, app.nav_overview)}
                        </a>
                        <a
                            href=Route::NewCase.href()
                            aria-current=move || matches!(route.get(), Route::NewCase).then_some("page")
                        >
                            {t!(i18n, app.nav_new_case)}
                        </a>
                        <a
                            href=Route::Import.href()
                            aria-current=move || matches!(route.get(), Route::Import).then_some("page")
                        >
                            {t!(i18n, app.nav_import)}
                        </a>
                        <a
                            href=Route::Storage.href()
                            aria-current=move || matches!(route.get(), Route::Storage).then_some("page")
                        >
                            {t!(i18n, app.nav_storage)}
                        </a>
                    </nav>
                    <a
                        class="you"
                        href=Route::Profile.href()
                        aria-current=move || matches!(route.get(), Route::Profile).then_some("page")
                    >
                        {move || match profile.0.get() {
                            Some(name) => t_string!(i18n, app.you, name).to_string(),
                            None => t_string!(i18n, app.set_your_name).to_string(),
                        }}
                    </a>
                    <span class="privacy">{t!(i18n, app.stored_only_here)}</span>
                    <LanguagePicker />
                </header>
                {workspace.is_demo().then(|| view! { <DemoBanner /> })}
                <main id="main" tabindex="-1">
                    <UpdateBanner />
                    <div role="alert" class="update-region">
                        <Show when=move || superseded.get()>
                            <ReloadBanner text=Signal::derive(move || {
                                t_string!(i18n, app.updated_in_other_tab).to_string()
                            }) />
                        </Show>
                    </div>
                    <NoticeRegion role="status" class="notice" text=notice.done notice />
                    <NoticeRegion role="alert" class="notice problem" text=notice.problem notice />
                    {move || match opened.get() {
                        None => view! { <p class="loading">{t!(i18n, app.opening)}</p> }.into_any(),
                        Some(Err(error)) => {
                            view! {
                                <h1>{t!(i18n, app.cannot_open_storage)}</h1>
                                <ErrorAlert error />
                            }
                                .into_any()
                        }
                        Some(Ok(())) => {
                            let store = store.get_value().expect("opened");
                            view! { <Workspace store route=route.into() parts /> }.into_any()
                        }
                    }}
                </main>
                {(!workspace.is_demo())
                    .then(|| {
                        view! {
                            <footer class="app-footer">
                                <button type="button" class="link" on:click=|_| Workspace::Demo.switch_to()>
                                    {t!(i18n, app.open_demo)}
                                </button>
                            </footer>
                        }
                    })}
            }
        })
    }
}

/// A live region that stays in the page while only its text changes, so screen readers
/// announce each new message.
#[component]
fn NoticeRegion(
    role: &'static str,
    class: &'static str,
    text: RwSignal<Option<String>>,
    notice: Notice,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice-region" role=role>
            {move || {
                text.get()
                    .map(|text| {
                        view! {
                            <div class=class>
                                <span>{text}</span>
                                <button type="button" class="small quiet" on:click=move |_| notice.clear()>
                                    {t!(i18n, app.dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Moves reading to the top of the page's content.
pub fn focus_main() {
    focus_id_later("main");
}

#[component]
fn Workspace(store: Store, route: Signal<Route>, parts: Build) -> impl IntoView {
    provide_store(store);
    // A case page stays mounted while moving between its steps, so only a change of case or
    // of page builds a new page.
    let page = Memo::new(move |_| route.get().page());
    // On a new page, reading starts from the top of the content, not from the link just used.
    Effect::new(move |previous: Option<Page>| {
        let now = page.get();
        if previous.is_some_and(|p| p != now) {
            focus_main();
        }
        now
    });
    // Off a case's tabs the value is unused: the case page is not drawn then.
    let tab = Memo::new(move |_| route.get().case_tab().unwrap_or(CaseTab::Plan(crate::domain::Section::Case)));
    move || (parts.page)(page.get(), tab)
}

/// Every page of the app.
fn whole_page(page: Page, tab: Memo<CaseTab>) -> AnyView {
    let i18n = use_i18n();
    match page {
        Page::List => view! { <CaseListPage /> }.into_any(),
        Page::New => view! { <NewCasePage /> }.into_any(),
        Page::Overview => view! { <OverviewPage /> }.into_any(),
        Page::Export(case) => view! { <ExportPage case /> }.into_any(),
        Page::Import => view! { <ImportPage /> }.into_any(),
        Page::Storage => view! { <StoragePage /> }.into_any(),
        Page::RecentlyDeleted => view! { <RecentlyDeletedPage /> }.into_any(),
        Page::Profile => view! { <ProfilePage /> }.into_any(),
        Page::Demo => view! { <DemoPage /> }.into_any(),
        Page::Print(id) => view! { <PrintPage id /> }.into_any(),
        Page::Case(id) => view! { <CasePage id tab=Signal::from(tab) /> }.into_any(),
        Page::NotFound => view! {
            <h1>{t!(i18n, app.not_found)}</h1>
            <p>{t!(i18n, app.not_found_explained)}</p>
            <a href="#/">{t!(i18n, app.go_to_case_list)}</a>
        }
        .into_any(),
    }
}
