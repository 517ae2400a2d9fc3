//! The whole app. Not started by the page itself: the first load (`src/main.rs`) fetches it and
//! calls `take_over` when the person leaves the case list, or at once for any other address.

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn take_over(moved: bool) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| leptos::view! { <homeward::app::App parts=homeward::app::WHOLE /> });
    if moved {
        homeward::app::focus_main();
    }
}

fn main() {}
