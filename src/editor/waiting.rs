//! Checks that wait for the worker: an item just added on screen is not an error before
//! anything is typed into it. Its problems show once the worker leaves the field they are
//! about, or when the step is opened again.

use std::collections::HashSet;

use crate::components::fields::field_id;
use crate::domain::Problem;

/// The items added on this screen whose checks wait, and the fields of theirs already left.
#[derive(Clone, Default, PartialEq)]
pub(super) struct Waiting {
    /// Each item's fields' keys begin so: `needs.<id>.`.
    items: Vec<String>,
    /// The DOM ids of the fields left since.
    left: HashSet<String>,
}

impl Waiting {
    pub(super) fn wait_for(&mut self, item: String) {
        self.items.push(item);
    }

    /// Returns whether anything changed, so a field left outside new items costs nothing.
    pub(super) fn left(&mut self, dom_id: String) -> bool {
        !self.items.is_empty() && self.left.insert(dom_id)
    }

    pub(super) fn stop_waiting(&mut self, list: &str) {
        self.items.retain(|item| !item.starts_with(list));
    }

    /// The problems shown now: all but those of a new item's fields not yet left.
    pub(super) fn shown(&self, problems: &[Problem]) -> Vec<Problem> {
        problems
            .iter()
            .filter(|p| {
                let new = self.items.iter().any(|item| p.field.starts_with(item.as_str()));
                !new || self.left.contains(&field_id(&p.field))
            })
            .cloned()
            .collect()
    }
}
