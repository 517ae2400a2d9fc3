//! The shell: opens the case store, follows the address, and shows the page it names.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::ErrorAlert;
use crate::components::focus::focus_id_later;
use crate::context::{
    current_route, provide_store, signed_in, Gate, GateState, Notice, OnUnlocked, OtherTabs, Profile, UnsavedWork,
};
use crate::i18n::{
    follow_locale_on_html, preferred_locale, t, t_string, use_i18n, I18nSubContextProvider, LanguagePicker, Locale,
};
use crate::offline::{ReloadBanner, UpdateBanner, Updates};
use crate::pages::case::CasePage;
use crate::pages::deleted::RecentlyDeletedPage;
use crate::pages::demo::{DemoBanner, DemoPage};
use crate::pages::exchange::{ExportPage, ImportPage};
use crate::pages::opening::add_worker::AddWorkerPage;
use crate::pages::opening::moving::MovingPage;
use crate::pages::opening::recover::RecoverPage;
use crate::pages::opening::unlock::UnlockPage;
use crate::pages::opening::OpeningPage;
use crate::pages::overview::OverviewPage;
use crate::pages::print::PrintPage;
use crate::pages::profile::ProfilePage;
use crate::pages::reports::ReportsPage;
use crate::pages::storage::StoragePage;
use crate::pages::{case_list::CaseListPage, new_case::NewCasePage};
use crate::route::{CaseTab, Page, Route};
use crate::storage::keys::DataKey;
use crate::storage::registry::Registry;
use crate::storage::{StorageError, Store};
use crate::workspace::{store_opened, Workspace};

/// The in-app address (`#/…`) of the link a click landed on, if any.
fn link_target(ev: &leptos::ev::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let href = target.closest("a[href^='#']").ok()??.get_attribute("href")?;
    Some(href)
}

/// A workspace's store being opened.
pub type Opening = Pin<Box<dyn Future<Output = Result<Store, StorageError>>>>;

/// What differs between the whole app and the first load ([`crate::first_load`]): how the
/// training demo is opened, what follows a worker's unlock, and which pages can be
/// shown. Each build links only the code its own functions reach, so the first load carries
/// the case list and the opening screens, and not the rest.
#[derive(Clone, Copy)]
pub struct Build {
    pub open_demo: fn() -> Opening,
    pub unlocked: OnUnlocked,
    /// "Lock now" in the header, in workspace `id`.
    pub lock_now: fn(uuid::Uuid),
    /// Opens the gate with a key the first load handed over, if it did (the whole app only).
    pub open_handed: fn(Gate) -> Pin<Box<dyn Future<Output = bool>>>,
    pub page: fn(Page, Memo<CaseTab>) -> AnyView,
}

/// The whole app: every page, the demo filled on first opening, and what is past its time
/// erased at every opening.
pub const WHOLE: Build = Build {
    open_demo: || Box::pin(Workspace::open_demo()),
    unlocked: |gate, store, record| {
        let store = store.clone();
        spawn_local(async move { store_opened(&store).await });
        let i18n = use_i18n_untracked();
        crate::context::session::start(gate, record, move || i18n.get_locale_untracked());
    },
    lock_now: |_| crate::context::session::lock_now(),
    open_handed: |gate| Box::pin(open_handed(gate)),
    page: whole_page,
};

thread_local! {
    /// The interface's language, for the lock's watch started outside any component.
    static I18N: std::cell::Cell<Option<leptos_i18n::I18nContext<Locale>>> = const { std::cell::Cell::new(None) };
    /// A worker's key handed over by the first load, which unlocked the workspace in this page.
    static HANDED: std::cell::RefCell<Option<(DataKey, uuid::Uuid)>> = const { std::cell::RefCell::new(None) };
    /// Opens the gate with the handed key, once the shell is mounted.
    static TAKE_HANDED: std::cell::RefCell<Option<std::rc::Rc<dyn Fn()>>> = const { std::cell::RefCell::new(None) };
}

thread_local! {
    static GATE: std::cell::Cell<Option<Gate>> = const { std::cell::Cell::new(None) };
}

/// The shell's gate, for its window listeners (set up before the gate).
fn use_gate_untracked() -> Option<Gate> {
    GATE.with(std::cell::Cell::get)
}

fn use_i18n_untracked() -> leptos_i18n::I18nContext<Locale> {
    I18N.with(std::cell::Cell::get).expect("the shell is mounted before any workspace opens")
}

/// The first load unlocked workspace `id` in this page: the whole app opens it with the same
/// key (a non-extractable `CryptoKey`), rather than asking for the passphrase again.
pub fn hand_key(key: wasm_bindgen::JsValue, id: &str) {
    let (Some(key), Ok(id)) = (DataKey::from_js(key), uuid::Uuid::parse_str(id)) else { return };
    HANDED.with(|h| *h.borrow_mut() = Some((key, id)));
    if let Some(take) = TAKE_HANDED.with(|t| t.borrow().clone()) {
        take();
    }
}

/// Opens the gate on the workspace whose key was handed over, if one was.
async fn open_handed(gate: Gate) -> bool {
    let Some((key, id)) = HANDED.with(|h| h.borrow_mut().take()) else { return false };
    let opened = async {
        let registry = Registry::open().await?;
        let record = registry.get(id).await;
        registry.close();
        let Some(record) = record? else { return Ok(None) };
        let store = Store::open_protected(&record.database).await?;
        store.unlock(key);
        Ok::<_, StorageError>(Some((store, record)))
    }
    .await;
    match opened {
        Ok(Some((store, record))) => gate.open(store, Some(record)),
        Ok(None) => gate.state.set(GateState::Choosing),
        Err(error) => gate.fail(error),
    }
    true
}

/// Where this tab starts: the workspace it chose (a worker's locked until unlocked, the demo
/// open at once), else the opening screen.
async fn decide(gate: Gate, parts: Build) {
    if (parts.open_handed)(gate).await {
        return;
    }
    let id = match Workspace::chosen() {
        // The demo: the list of workers is not needed (nor able to stop it).
        Some(Workspace::Demo) => {
            return match (parts.open_demo)().await {
                Ok(store) => gate.open(store, None),
                Err(error) => gate.fail(error),
            }
        }
        Some(Workspace::Worker(id)) => id,
        // No workspace chosen in this tab: the opening screen. Real cases are never opened
        // unprotected, not even on a device with no worker yet: the cases an earlier Homeward
        // kept here wait for the first worker, who takes them into their workspace.
        _ => return gate.state.set(GateState::Choosing),
    };
    let found = match Registry::open().await {
        Ok(registry) => {
            let found = registry.get(id).await;
            registry.close();
            found
        }
        Err(error) => Err(error),
    };
    // The key may have been handed over meanwhile.
    if !matches!(gate.state.get_untracked(), GateState::Deciding) {
        return;
    }
    match found {
        Err(error) => gate.fail(error),
        Ok(Some(record)) => gate.state.set(GateState::Locked(record)),
        // Removed meanwhile: the opening screen lists what is here now.
        Ok(None) => gate.state.set(GateState::Choosing),
    }
}

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
        if use_gate_untracked().is_some_and(|gate| gate.holding_key.get_untracked()) {
            ev.prevent_default();
            return;
        }
        if route.get_untracked().page() == Route::parse(&link).page() {
            return;
        }
        if !unsaved.may_leave(i18n.get_locale_untracked()) {
            ev.prevent_default();
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
        // A recovery key not yet kept stays on screen: the address is put back.
        if current != next && use_gate_untracked().is_some_and(|gate| gate.holding_key.get_untracked()) {
            let _ = window()
                .history()
                .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&current.href())));
            return;
        }
        if current.page() != next.page() && !unsaved.may_leave(i18n.get_locale_untracked()) {
            // Stay: put the address back without a new history entry.
            let _ = window()
                .history()
                .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&current.href())));
            return;
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

    let in_demo = Workspace::in_demo();
    let other_tabs = OtherTabs::provide();
    let superseded = Memo::new(move |_| other_tabs.superseded());
    let gate = Gate::provide((other_tabs, profile, notice, unsaved), parts.unlocked);
    I18N.with(|i| i.set(Some(i18n)));
    GATE.with(|g| g.set(Some(gate)));
    TAKE_HANDED.with(|t| {
        *t.borrow_mut() = Some(std::rc::Rc::new(move || {
            spawn_local(async move {
                open_handed(gate).await;
            })
        }))
    });
    spawn_local(decide(gate, parts));
    let is_open = Memo::new(move |_| gate.state.with(|s| matches!(s, GateState::Open)));
    // Navigation shows once a workspace is open, and not while a new recovery key is on screen.
    let navigable = Memo::new(move |_| is_open.get() && !gate.holding_key.get());
    // The phone's menu closes on the page it led to.
    let menu_open = RwSignal::new(false);
    Effect::new(move |_| {
        route.track();
        menu_open.set(false);
    });

    let drawn = move || standby.is_none_or(|s| !s.get());
    move || {
        drawn().then(|| {
            // Taking over from the first load: the address may have changed an instant ago, before
            // this shell's own hashchange listener has run, and the page it names is the one to draw.
            if standby.is_some() {
                route.set(current_route());
                // So may the language, chosen on the first load's list while this app stood by.
                let chosen = preferred_locale();
                if i18n.get_locale_untracked() != chosen {
                    i18n.set_locale(chosen);
                }
                // The first load may have chosen a worker since this app decided, standing by.
                if gate.state.with_untracked(|s| matches!(s, GateState::Choosing | GateState::Locked(_))) {
                    gate.state.set(GateState::Deciding);
                    spawn_local(decide(gate, parts));
                }
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
                <header
                    class="app-header"
                    class:has-menu=move || navigable.get()
                    class:menu-open=move || menu_open.get()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" && menu_open.get_untracked() {
                            menu_open.set(false);
                            focus_id_later("app-menu-toggle");
                        }
                    }
                >
                    <div class="brand-block">
                        <a class="brand" href="#/">
                            "Homeward"
                        </a>
                        <span class="privacy">{t!(i18n, app.stored_only_here)}</span>
                    </div>
                    // On a phone the places to go fold behind one button, so the header takes one
                    // row and the page starts on the first screen.
                    <Show when=move || navigable.get()>
                        <button
                            type="button"
                            id="app-menu-toggle"
                            class="menu-toggle small"
                            aria-expanded=move || menu_open.get().to_string()
                            aria-controls="app-menu"
                            on:click=move |_| menu_open.update(|open| *open = !*open)
                        >
                            {t!(i18n, app.menu)}
                        </button>
                    </Show>
                    <div class="app-menu" id="app-menu">
                        // Before a workspace is open there is nowhere to go: the brand and the language.
                        <Show when=move || navigable.get()>
                            <nav aria-label=move || t_string!(i18n, app.main_navigation)>
                                <NavLink route to=Route::CaseList>
                                    {t!(i18n, app.nav_cases)}
                                </NavLink>
                                <NavLink route to=Route::Overview>
                                    {t!(i18n, app.nav_overview)}
                                </NavLink>
                                <NavLink route to=Route::Reports>
                                    {t!(i18n, app.nav_reports)}
                                </NavLink>
                                <NavLink route to=Route::NewCase>
                                    {t!(i18n, app.nav_new_case)}
                                </NavLink>
                                <NavLink route to=Route::Import>
                                    {t!(i18n, app.nav_import)}
                                </NavLink>
                                <NavLink route to=Route::Storage>
                                    {t!(i18n, app.nav_storage)}
                                </NavLink>
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
                        </Show>
                        <LanguagePicker />
                    </div>
                    {move || {
                        let worker = match (navigable.get(), Workspace::chosen()) {
                            (true, Some(Workspace::Worker(id))) if signed_in() => Some(id),
                            _ => None,
                        };
                        worker
                            .map(|id| {
                                view! {
                                    <button type="button" class="lock-now small" on:click=move |_| (parts.lock_now)(id)>
                                        {t!(i18n, workspaces.lock_now)}
                                    </button>
                                }
                            })
                    }}
                </header>
                <Show when=move || is_open.get() && in_demo>
                    <DemoBanner />
                </Show>
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
                    {move || match gate.state.get() {
                        GateState::Deciding => view! { <p class="loading">{t!(i18n, app.opening)}</p> }.into_any(),
                        GateState::Locking => view! { <p class="loading">{t!(i18n, workspaces.locking)}</p> }.into_any(),
                        GateState::Failed(error) => {
                            view! {
                                <h1>{t!(i18n, app.cannot_open_storage)}</h1>
                                <ErrorAlert error />
                                // Not a dead end: another worker's workspace, or the opening screen.
                                {Workspace::chosen()
                                    .is_some()
                                    .then(|| {
                                        view! {
                                            <p class="actions">
                                                <button type="button" class="secondary" on:click=|_| Workspace::leave()>
                                                    {t!(i18n, workspaces.switch_worker)}
                                                </button>
                                            </p>
                                        }
                                    })}
                            }
                                .into_any()
                        }
                        GateState::Moving(_) => (parts.page)(Page::Moving, Memo::new(|_| CaseTab::History)),
                        GateState::Choosing | GateState::Locked(_) => {
                            let page = gate_page(
                                gate.state.with(|s| matches!(s, GateState::Locked(_))),
                                route.with(|r| r.page()),
                            );
                            (parts.page)(page, Memo::new(|_| CaseTab::History))
                        }
                        GateState::Open => {
                            let store = gate.store().expect("open");
                            view! { <Workspace store route=route.into() parts /> }.into_any()
                        }
                    }}
                </main>
                <Show when=move || navigable.get() && !in_demo>
                    <footer class="app-footer">
                        // Back to the opening screen, and the demo: a worker's workspace is the
                        // only one with this footer.
                        <button type="button" class="link" on:click=|_| Workspace::leave()>
                            {t!(i18n, workspaces.switch_worker)}
                        </button>
                        <button type="button" class="link" on:click=|_| Workspace::Demo.switch_to()>
                            {t!(i18n, app.open_demo)}
                        </button>
                    </footer>
                </Show>
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
    crate::components::focus::focus_main_later();
}

#[component]
fn Workspace(store: Store, route: Signal<Route>, parts: Build) -> impl IntoView {
    provide_store(store);
    crate::context::provide_case_list_filter();
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

/// The screen of a gate not yet open: the opening screen (or adding a worker), or the chosen
/// worker's unlock form (or their recovery).
fn gate_page(locked: bool, addressed: Page) -> Page {
    match (locked, addressed) {
        (false, Page::AddWorker) => Page::AddWorker,
        (false, _) => Page::Opening,
        (true, Page::Recover) => Page::Recover,
        (true, _) => Page::Unlock,
    }
}

/// Every page of the app.
fn whole_page(page: Page, tab: Memo<CaseTab>) -> AnyView {
    let i18n = use_i18n();
    match page {
        Page::List => view! { <CaseListPage /> }.into_any(),
        Page::New => view! { <NewCasePage /> }.into_any(),
        Page::Overview => view! { <OverviewPage /> }.into_any(),
        Page::Reports => view! { <ReportsPage /> }.into_any(),
        Page::Export(case) => view! { <ExportPage case /> }.into_any(),
        Page::Import => view! { <ImportPage /> }.into_any(),
        Page::Storage => view! { <StoragePage /> }.into_any(),
        Page::RecentlyDeleted => view! { <RecentlyDeletedPage /> }.into_any(),
        Page::Profile => view! { <ProfilePage /> }.into_any(),
        Page::Moving => view! { <MovingPage /> }.into_any(),
        Page::Demo => view! { <DemoPage /> }.into_any(),
        Page::AddWorker => view! { <AddWorkerPage /> }.into_any(),
        Page::Recover => view! { <RecoverPage /> }.into_any(),
        Page::Opening => view! { <OpeningPage /> }.into_any(),
        Page::Unlock => view! { <UnlockPage /> }.into_any(),
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

/// A place to go in the header, marked as the current page while the address is there.
#[component]
fn NavLink(route: RwSignal<Route>, to: Route, children: Children) -> impl IntoView {
    view! {
        <a href=to.href() aria-current=move || (route.get() == to).then_some("page")>
            {children()}
        </a>
    }
}
