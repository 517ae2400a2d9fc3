//! Drawing a long list a screenful at a time: more rows only as the end of those drawn comes
//! near the screen, so a keystroke in the filter over thousands of cases redraws one screenful.

use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far below the screen the end of the list counts as near: drawn before it is scrolled to.
const AHEAD: &str = "0px 0px 800px 0px";

type Watch = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Watches `end` (an empty element after the list) and calls `grow` while it is near the screen.
#[derive(Clone, Copy)]
pub struct NearScreen {
    end: NodeRef<Div>,
    watch: StoredValue<Option<Watch>, LocalStorage>,
    grow: StoredValue<Rc<dyn Fn() -> bool>, LocalStorage>,
}

impl NearScreen {
    /// `grow` draws more and says whether it did; it is asked again after each growth, since
    /// the end may still be near (a tall screen, short rows).
    pub fn new(end: NodeRef<Div>, grow: impl Fn() -> bool + 'static) -> Self {
        let watch = StoredValue::new_local(None::<Watch>);
        let grow: Rc<dyn Fn() -> bool> = Rc::new(grow);
        let near = Self { end, watch, grow: StoredValue::new_local(grow.clone()) };
        Effect::new(move |_| {
            let Some(element) = end.get() else { return };
            if watch.with_value(Option::is_some) {
                return;
            }
            let grow = grow.clone();
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let is_near = entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
                if is_near && grow() {
                    near.check_again();
                }
            });
            let options = IntersectionObserverInit::new();
            options.set_root_margin(AHEAD);
            match IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options) {
                Ok(observer) => {
                    observer.observe(&element);
                    watch.set_value(Some((observer, callback)));
                }
                // No way to tell what is near the screen: everything is drawn.
                Err(_) => near.grow_all(),
            }
        });
        on_cleanup(move || {
            if let Some((observer, _)) = watch.try_update_value(Option::take).flatten() {
                observer.disconnect();
            }
        });
        near
    }

    /// Looks again once the frame showing what changed is painted: the observer reports only
    /// changes, and after the rows changed the end may be as near as it was. Waiting for the
    /// paint puts what is on screen first and the rows below it after.
    pub fn check_again(self) {
        request_animation_frame(move || set_timeout(move || self.look(), std::time::Duration::ZERO));
    }

    fn look(self) {
        // The page may be gone by the time the frame is painted (left while its list was still
        // being drawn): then there is nothing to look at.
        let Some(element) = self.end.try_get_untracked() else { return };
        let watched = self.watch.try_with_value(|watch| {
            if let (Some((observer, _)), Some(element)) = (watch, element) {
                observer.unobserve(&element);
                observer.observe(&element);
            }
            watch.is_some()
        });
        if watched == Some(false) {
            self.grow_all();
        }
    }

    fn grow_all(self) {
        if let Some(grow) = self.grow.try_get_value() {
            while grow() {}
        }
    }
}
