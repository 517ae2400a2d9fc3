//! The first load: a small build of the app that shows the case list and nothing else, so the
//! list is on screen after a fraction of the download. The whole app (`src/bin/homeward_app.rs`)
//! is fetched and compiled in the background meanwhile, and waits ready beside it (its store
//! open, drawing nothing); the first move to any other page hands the document over to it, and
//! it stays for the rest of the visit.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::app::{App, Build};
use crate::components::alert::Alert;
use crate::context::{use_gate, GateState};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::case_list::CaseListPage;
use crate::pages::opening::unlock::UnlockPage;
use crate::route::Page;
use crate::route::Route;
use crate::storage::{StorageError, Store};
use crate::workspace::Workspace;

/// The whole app as Trunk writes it beside the page: a classic script that defines
/// `wasm_bindgen`, and its wasm, started by `src/web/homeward_app_start.js`. Loaded by script
/// elements rather than `import()`, which needs a JavaScript snippet, and Trunk writes every
/// build's snippets to one shared folder.
const WHOLE_APP_SCRIPTS: [&str; 2] = ["homeward_app.js", "homeward_app_start.js"];
/// When the whole app is fetched, after the first load is on screen, if the service worker
/// already holds it: time for the list to settle first, since compiling and starting it takes
/// the page's thread for a moment.
const FETCH_AFTER_MS: i32 = 1500;

thread_local! {
    /// The first load's view, dropped (taken off the page) when the whole app takes over.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = RefCell::new(None);
    static WHOLE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    static HANDED_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The scripts that ran: a retry after a failure adds only those that did not, since the
    /// whole app's loader declares `wasm_bindgen` and may be run only once.
    static RAN: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    /// The whole app once it stands by, to hand it a key unlocked here.
    static STANDING: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// A worker's key unlocked here before the whole app stood by: handed over when it does.
    static UNLOCKED: RefCell<Option<(JsValue, String)>> = const { RefCell::new(None) };
}

/// The first load's one page: the case list. Anything else is the whole app's.
const FIRST_LOAD: Build = Build {
    open_demo: || Box::pin(open_demo()),
    // The first load shows only the case list, so it holds no edit: the workspace's tabs are told
    // (this page's whole app among them, which locks the page), or the page reloads itself.
    lock_now: |id| {
        if let Ok(channel) = web_sys::BroadcastChannel::new(&crate::context::session::channel_name(id)) {
            let _ = channel.post_message(&"locked".into());
            channel.close();
        }
        // The whole app, if it is here, locks within moments; if it cannot, the page still goes.
        let after = if STANDING.with(|s| s.borrow().is_none()) { 0 } else { 2_000 };
        set_timeout(|| drop(window().location().reload()), std::time::Duration::from_millis(after));
    },
    open_handed: |_| Box::pin(std::future::ready(false)),
    unlocked: unlocked_here,
    page: |page, _| match page {
        Page::List => view! { <CaseListPage /> }.into_any(),
        Page::Unlock => view! { <UnlockPage /> }.into_any(),
        page => {
            // Unlocked here, to take in the unprotected cases: the whole app moves them, with
            // the key handed over so the passphrase is not asked again.
            let gate = use_gate();
            if let (Page::Moving, Some(store), GateState::Moving(record)) =
                (page, gate.store(), gate.state.get_untracked())
            {
                unlocked_here(gate, &store, &record);
            }
            let i18n = use_i18n();
            let failed = RwSignal::new(false);
            hand_over(true, Some(failed));
            view! {
                <Show
                    when=move || failed.get()
                    fallback=move || view! { <p class="loading">{t!(i18n, app.opening_page)}</p> }
                >
                    <Alert text=Signal::derive(move || t_string!(i18n, app.rest_not_loaded).to_string()) />
                </Show>
            }
            .into_any()
        }
    },
};

/// A worker's workspace unlocked here: its key goes to the whole app, now if it stands by, or
/// as soon as it does.
fn unlocked_here(_: crate::context::Gate, store: &Store, record: &crate::domain::protection::WorkspaceRecord) {
    let id = record.id;
    if let Some(key) = store.data_key() {
        UNLOCKED.with(|u| *u.borrow_mut() = Some((key.to_js(), id.to_string())));
        if let Some(app) = STANDING.with(|s| s.borrow().clone()) {
            hand_key(&app);
        }
    }
}

/// The training demo is the whole app's (`start` hands over before this build would open it):
/// should it be asked for here, the whole app takes over and opens it.
async fn open_demo() -> Result<Store, StorageError> {
    hand_over(false, None);
    std::future::pending().await
}

/// Starts Homeward: the case list by itself, or straight into the whole app when the address
/// names another page or the tab is in the training demo.
pub fn start() {
    if Workspace::in_demo() || !matches!(Route::parse(&window().location().hash().unwrap_or_default()), Route::CaseList)
    {
        hand_over(false, None);
        return;
    }
    mount_first_load();
    let soon = Closure::once_into_js(|| {
        quietly(&whole_app());
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(soon.unchecked_ref(), fetch_after());
}

/// Over the network (a first visit, or a new version), the whole app is fetched at once: a case
/// opened from the list needs it, and on a slow link its download is the whole wait (1.5 Mbit/s:
/// about six seconds for 1.1 MB). The first screen of a worker's workspace is the unlock form,
/// whose only other fetch is the small kdf worker; the list comes after the passphrase.
fn fetch_after() -> i32 {
    if crate::offline::container().is_some_and(|workers| workers.controller().is_some()) {
        FETCH_AFTER_MS
    } else {
        0
    }
}

fn mount_first_load() {
    let mounted =
        leptos::mount::mount_to(document().body().expect("a page has a body"), || view! { <App parts=FIRST_LOAD /> });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(mounted)));
}

/// The whole app, fetched and compiled once; resolves when it can take over.
fn whole_app() -> js_sys::Promise {
    WHOLE.with(|whole| whole.borrow_mut().get_or_insert_with(fetch_whole_app).clone())
}

fn fetch_whole_app() -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async {
        for src in WHOLE_APP_SCRIPTS {
            if src == WHOLE_APP_SCRIPTS[0] && RAN.with(|r| r.borrow().contains(&src)) {
                continue;
            }
            JsFuture::from(add_script(src)).await?;
            RAN.with(|r| r.borrow_mut().push(src));
        }
        let started = js_sys::Reflect::get(&window(), &"homewardWholeApp".into())?;
        let app = JsFuture::from(js_sys::Promise::resolve(&started)).await?;
        call(&app, "stand_by", None)?;
        STANDING.with(|s| *s.borrow_mut() = Some(app.clone()));
        hand_key(&app);
        Ok(app)
    })
}

/// Gives the whole app the key of the workspace unlocked here, if one was.
fn hand_key(app: &JsValue) {
    let Some((key, id)) = UNLOCKED.with(|u| u.borrow_mut().take()) else { return };
    let handed = js_sys::Reflect::get(app, &"unlocked".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
        .and_then(|f| f.call2(&JsValue::NULL, &key, &id.into()));
    if let Err(error) = handed {
        leptos::logging::error!("Homeward could not hand the unlocked workspace to the rest of the app: {error:?}");
    }
}

/// A script element for `src`, settled when it has run (or failed to load).
fn add_script(src: &'static str) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let added = document().create_element("script").and_then(|script| {
            let loaded = Closure::once_into_js(move || drop(resolve.call0(&JsValue::NULL)));
            let failed = Closure::once_into_js(move || {
                drop(reject.call1(&JsValue::NULL, &format!("{src} could not be fetched").into()))
            });
            script.add_event_listener_with_callback("load", loaded.unchecked_ref())?;
            script.add_event_listener_with_callback("error", failed.unchecked_ref())?;
            script.set_attribute("src", src)?;
            document().head().expect("a page has a head").append_child(&script)
        });
        if added.is_err() {
            leptos::logging::error!("Homeward could not add {src} to the page");
        }
    })
}

/// Calls one of the whole app's functions (see `src/bin/homeward_app.rs`).
fn call(app: &JsValue, name: &str, argument: Option<bool>) -> Result<(), JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(app, &name.into())?.dyn_into()?;
    match argument {
        Some(argument) => function.call1(&JsValue::NULL, &argument.into()),
        None => function.call0(&JsValue::NULL),
    }
    .map(drop)
}

/// Fetched ahead of need: a failure is reported when the app is needed, not before.
fn quietly(promise: &js_sys::Promise) {
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = promise.catch(&ignore);
    ignore.forget();
}

/// Gives the page to the whole app. `moved`: the person went to another page, so reading
/// starts at its content, as on any change of page. `failed` is set if it cannot be loaded.
fn hand_over(moved: bool, failed: Option<RwSignal<bool>>) {
    if HANDED_OVER.with(|h| h.replace(true)) {
        return;
    }
    // Not Leptos's spawner: when the address names another page, nothing was mounted to start it.
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(whole_app()).await {
            Ok(app) => {
                // Off the page, its listeners and its connection to the database closed.
                drop(MOUNTED.with(|m| m.borrow_mut().take()));
                if let Err(error) = call(&app, "take_over", Some(moved)) {
                    leptos::logging::error!("Homeward could not start the rest of the app: {error:?}");
                }
            }
            // Offline before the whole app was ever stored: the page says so, and the list is
            // one link away; the next move tries again.
            Err(error) => {
                HANDED_OVER.with(|h| h.set(false));
                WHOLE.with(|w| w.borrow_mut().take());
                leptos::logging::error!("Homeward could not load the rest of the app: {error:?}");
                match failed {
                    Some(failed) => drop(failed.try_set(true)),
                    // Started on another page, so nothing is on screen yet: the first load's
                    // shell says what happened (trying once more) and leads to the case list.
                    None if MOUNTED.with(|m| m.borrow().is_none()) => mount_first_load(),
                    None => {}
                }
            }
        }
    });
}
