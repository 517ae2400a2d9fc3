//! The shell: opens the case store, follows the address, and shows the page it names.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::pages::{case_list::CaseListPage, new_case::NewCasePage, plan::PlanPage};
use crate::route::Route;
use crate::storage::{Store, StorageError};

/// The open store, for the pages below the shell.
pub fn use_store() -> StoredValue<Store, LocalStorage> {
    use_context::<StoredValue<Store, LocalStorage>>().expect("the store is opened before any page is shown")
}

/// Goes to a place in the app; the `hashchange` listener then shows it.
pub fn navigate(route: Route) {
    let _ = window().location().set_hash(&route.href());
}

/// Names the page in the browser's tab and history, read first by screen readers.
pub fn set_page_title(title: &str) {
    document().set_title(&format!("{title} – Homeward"));
}

/// A one-line message that outlives a page change ("Case … was deleted").
#[derive(Clone, Copy)]
pub struct Notice(RwSignal<Option<String>>);

impl Notice {
    pub fn show(self, message: String) {
        self.0.set(Some(message));
    }
}

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(current_route());
    let notice = Notice(RwSignal::new(None));
    provide_context(notice);
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = current_route();
        // A message about the last page is stale on the one after next.
        if route.get_untracked() != next && !matches!(next, Route::CaseList) {
            notice.0.set(None);
        }
        route.set(next);
    });
    on_cleanup(move || listener.remove());

    let opened = RwSignal::new(None::<Result<(), StorageError>>);
    let store = StoredValue::new_local(None::<Store>);
    spawn_local(async move {
        match Store::open().await {
            Ok(s) => {
                store.set_value(Some(s));
                opened.set(Some(Ok(())));
            }
            Err(e) => opened.set(Some(Err(e))),
        }
    });

    view! {
        <a class="skip-link" href="#main" on:click=|ev| { ev.prevent_default(); focus_main(); }>"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href="#/">"Homeward"</a>
            <nav aria-label="Main">
                <a href="#/" aria-current=move || matches!(route.get(), Route::CaseList).then_some("page")>"Cases"</a>
                <a href=Route::NewCase.href() aria-current=move || matches!(route.get(), Route::NewCase).then_some("page")>"New case"</a>
            </nav>
            <span class="privacy">"Stored only in this browser"</span>
        </header>
        <main id="main" tabindex="-1">
            {move || notice.0.get().map(|text| view! {
                <div class="notice" role="status">
                    <span>{text}</span>
                    <button type="button" class="small quiet" on:click=move |_| notice.0.set(None)>"Dismiss"</button>
                </div>
            })}
            {move || match opened.get() {
                None => view! { <p class="loading">"Opening your cases…"</p> }.into_any(),
                Some(Err(error)) => view! {
                    <h1>"Homeward cannot open its storage"</h1>
                    <p class="error-box" role="alert">{error.to_string()}</p>
                }.into_any(),
                Some(Ok(())) => {
                    let store = store.get_value().expect("opened");
                    view! { <Workspace store route=route.into() /> }.into_any()
                }
            }}
        </main>
    }
}

fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document().get_element_by_id("main").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = main.focus();
    }
}

#[component]
fn Workspace(store: Store, route: Signal<Route>) -> impl IntoView {
    provide_context(StoredValue::new_local(store));
    // A case page stays mounted while moving between its steps, so only a change of case or
    // of page builds a new page.
    let page = Memo::new(move |_| match route.get() {
        Route::Plan { id, .. } => Page::Plan(id),
        Route::CaseList => Page::List,
        Route::NewCase => Page::New,
        Route::NotFound => Page::NotFound,
    });
    let section = Signal::derive(move || match route.get() {
        Route::Plan { section, .. } => section,
        _ => crate::domain::Section::Case,
    });
    move || match page.get() {
        Page::List => view! { <CaseListPage /> }.into_any(),
        Page::New => view! { <NewCasePage /> }.into_any(),
        Page::Plan(id) => view! { <PlanPage id section /> }.into_any(),
        Page::NotFound => view! {
            <h1>"Page not found"</h1>
            <p>"This address does not lead anywhere in Homeward."</p>
            <a href="#/">"Go to the case list"</a>
        }.into_any(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Page {
    List,
    New,
    Plan(crate::domain::CaseId),
    NotFound,
}
