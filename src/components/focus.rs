//! Moving keyboard focus on purpose: to the content after a page change, to an item just added
//! or moved, to the first field that needs correcting.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first element matching a CSS selector, once the view has caught up with the
/// change that called for it.
pub fn focus_later(selector: String) {
    request_animation_frame(move || {
        let found = document().query_selector(&selector).ok().flatten();
        if let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// [`focus_later`] for an element id.
pub fn focus_id_later(id: &str) {
    focus_later(format!("#{id}"));
}

/// Reading starts at the page's content: after a screen replaced the one that had the focus.
pub fn focus_main_later() {
    focus_id_later("main");
}
