//! A one-line message that outlives a page change ("Case … was deleted"), or a problem.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Notice {
    pub(crate) done: RwSignal<Option<String>>,
    pub(crate) problem: RwSignal<Option<String>>,
}

impl Notice {
    pub fn provide() -> Self {
        let notice = Self { done: RwSignal::new(None), problem: RwSignal::new(None) };
        provide_context(notice);
        notice
    }

    pub fn show(self, message: String) {
        self.problem.set(None);
        self.done.set(Some(message));
    }

    pub fn problem(self, message: String) {
        self.done.set(None);
        self.problem.set(Some(message));
    }

    pub fn clear(self) {
        self.done.set(None);
        self.problem.set(None);
    }
}

pub fn use_notice() -> Notice {
    super::provided()
}
