//! The whole app. Not started by the page itself: the first load (`src/first_load.rs`) fetches
//! it, has it `stand_by` as soon as it is compiled, and calls `take_over` when the person leaves
//! the case list, or at once for any other address.

#[cfg(target_arch = "wasm32")]
mod calls {
    use std::cell::Cell;

    use leptos::prelude::*;
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        static STANDBY: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
    }

    fn mount(standby: Option<RwSignal<bool>>) {
        leptos::mount::mount_to_body(
            move || view! { <homeward::app::App parts=homeward::app::WHOLE standby=standby.unwrap_or_else(|| RwSignal::new(false)) /> },
        );
    }

    /// Gets ready beside the first load, drawing nothing: the store opened and the shell set
    /// up, so taking over later only draws the page.
    #[wasm_bindgen]
    pub fn stand_by() {
        console_error_panic_hook::set_once();
        if STANDBY.with(Cell::get).is_none() {
            let standby = RwSignal::new(true);
            STANDBY.with(|s| s.set(Some(standby)));
            mount(Some(standby));
        }
    }

    /// The first load unlocked workspace `id` with `key` (a non-extractable `CryptoKey`): the
    /// whole app opens it with the same key, whether it is standing by already or not yet.
    #[wasm_bindgen]
    pub fn unlocked(key: wasm_bindgen::JsValue, id: String) {
        homeward::app::hand_key(key, &id);
    }

    /// Shows the whole app, once the first load has taken itself off the page. `moved`: the
    /// person went to another page, so reading starts at its content.
    #[wasm_bindgen]
    pub fn take_over(moved: bool) {
        console_error_panic_hook::set_once();
        match STANDBY.with(Cell::get) {
            Some(standby) => standby.set(false),
            None => mount(None),
        }
        if moved {
            homeward::app::focus_main();
        }
    }
}

fn main() {}
