//! Working without a network: registers the service worker (`src/web/sw.js`, stamped after each
//! build) and tells the shell when a new build is waiting. The new build takes over only when
//! the user asks, so nobody is switched to new code in the middle of editing.

use js_sys::Reflect;
use leptos::prelude::*;

use crate::i18n::{t, t_string, use_i18n};
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open tab asks the host whether a new build was published.
const CHECK_EVERY_MS: i32 = 60 * 60 * 1000;

/// The shell's view of updates: `ready` once a new build is installed and waiting; `replaced`
/// once another tab switched to a new build, so this tab runs code whose files are gone.
#[derive(Clone, Copy)]
pub struct Updates {
    pub ready: RwSignal<bool>,
    pub replaced: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    /// Set by this tab's own "Reload to update", whose switch reloads it.
    applying: StoredValue<bool>,
}

/// The shell's [`Updates`].
pub fn use_updates() -> Updates {
    crate::context::provided()
}

/// The page's service workers, where the browser offers them.
pub fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Missing outside secure contexts (plain http on a LAN address): the app then simply works
    // online only.
    Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?.then(|| navigator.service_worker())
}

impl Updates {
    /// Registers the worker and starts watching for new builds.
    pub fn start() -> Self {
        let updates = Updates {
            ready: RwSignal::new(false),
            replaced: RwSignal::new(false),
            registration: StoredValue::new_local(None),
            applying: StoredValue::new(false),
        };
        let Some(container) = container() else { return updates };
        // A first visit gains a controller too (the worker claims it); only a switch from one
        // controller to another is a new build taking over.
        let had_controller = container.controller().is_some();
        let on_switch = Closure::<dyn FnMut()>::new(move || {
            if updates.applying.get_value() {
                let _ = window().location().reload();
            } else if had_controller {
                updates.ready.set(false);
                updates.replaced.set(true);
            }
        });
        container.set_oncontrollerchange(Some(on_switch.as_ref().unchecked_ref()));
        on_switch.forget();
        spawn_local(async move {
            let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else { return };
            let registration: ServiceWorkerRegistration = registration.unchecked_into();
            updates.registration.set_value(Some(registration.clone()));
            updates.watch(&container, &registration);
        });
        updates
    }

    fn watch(self, container: &ServiceWorkerContainer, registration: &ServiceWorkerRegistration) {
        // A first install is not an update: only a worker arriving while another controls
        // this page is a new build.
        let controlled = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && controlled() {
            self.ready.set(true);
        }
        let follow = move |arriving: ServiceWorker| {
            let watched = arriving.clone();
            let controlled = controlled.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if watched.state() == ServiceWorkerState::Installed && controlled() {
                    self.ready.set(true);
                }
            });
            arriving.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        };
        // The browser may already be fetching a new build, started by this very page load.
        if let Some(arriving) = registration.installing() {
            follow(arriving);
        }
        let on_found = {
            let registration = registration.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(arriving) = registration.installing() {
                    follow(arriving);
                }
            })
        };
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        // Tabs stay open for days: look for a new build now and then, and when the tab is shown.
        let check = {
            let registration = registration.clone();
            Closure::<dyn FnMut()>::new(move || {
                // Offline the check fails; that is expected and not worth a console error.
                if let Ok(checking) = registration.update() {
                    spawn_local(async move {
                        let _ = JsFuture::from(checking).await;
                    });
                }
            })
        };
        let _ = window()
            .set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), CHECK_EVERY_MS);
        let _ = document().add_event_listener_with_callback("visibilitychange", check.as_ref().unchecked_ref());
        check.forget();
    }

    /// Switches to the waiting build and reloads once it controls the page. Edits waiting to be
    /// saved are written as the page unloads (the plan's `pagehide` handler).
    pub fn apply(self) {
        let Some(registration) = self.registration.get_value() else { return };
        let Some(waiting) = registration.waiting() else {
            let _ = window().location().reload();
            return;
        };
        self.applying.set_value(true);
        let _ = waiting.post_message(&JsValue::from_str("take-over"));
    }
}

/// Says a new version is ready; it is used once the user chooses to reload.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let updates = use_updates();
    let i18n = use_i18n();
    view! {
        <div class="update-region" role="status">
            <Show when=move || updates.ready.get()>
                <div class="update-banner">
                    <span>{t!(i18n, app.update_ready)}</span>
                    <button type="button" class="small" on:click=move |_| updates.apply()>
                        {t!(i18n, app.reload_to_update)}
                    </button>
                </div>
            </Show>
            <Show when=move || updates.replaced.get()>
                <ReloadBanner text=Signal::derive(move || t_string!(i18n, app.update_started_elsewhere).to_string()) />
            </Show>
        </div>
    }
}

/// Says why this tab must be reloaded, with the button that does it.
#[component]
pub fn ReloadBanner(text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="update-banner">
            <span>{text}</span>
            <button
                type="button"
                class="small"
                on:click=|_| {
                    let _ = window().location().reload();
                }
            >
                {t!(i18n, app.reload_this_tab)}
            </button>
        </div>
    }
}
