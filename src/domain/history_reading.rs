//! A history entry's changes as the timeline shows them: an item added in the entry is named
//! by the name it was given afterwards (a referral added empty, then written), and the change
//! that gave it that name is not told a second time.

use serde_json::Value;

use super::history::{ChangeKind, FieldChange, HistoryEntry};

/// Whether a stored value is empty: nothing, or text of nothing.
fn empty(value: &Value) -> bool {
    value.is_null() || value.as_str().is_some_and(|t| t.trim().is_empty())
}

impl HistoryEntry {
    /// The changes to show, in their order.
    pub fn shown_changes(&self) -> Vec<FieldChange> {
        let inside = |item: &FieldChange, change: &FieldChange| {
            change.path.len() > item.path.len()
                && change.path.starts_with(&item.path)
                && change.path.as_bytes()[item.path.len()] == b'.'
        };
        let added: Vec<FieldChange> = self
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Added && c.path.ends_with(']'))
            .map(|item| {
                let mut named = item.clone();
                if empty(&named.new) {
                    // Its name as the entry last saw it, from a change made inside it.
                    if let Some(name) =
                        self.changes.iter().rev().filter(|c| inside(item, c)).find(|c| !c.item.is_null())
                    {
                        named.new = name.item.clone();
                    }
                }
                named
            })
            .collect();
        self.changes
            .iter()
            // A sign-off's fingerprint is bookkeeping: its decision is what the reader wants.
            .filter(|change| !change.path.ends_with(".fingerprint"))
            .filter_map(|change| {
                if let Some(named) = added.iter().find(|a| a.path == change.path) {
                    return Some(named.clone());
                }
                let naming = added
                    .iter()
                    .any(|a| inside(a, change) && empty(&change.old) && !empty(&change.new) && change.new == a.new);
                (!naming).then(|| change.clone())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use serde_json::json;
    use uuid::Uuid;

    use crate::domain::history::{diff, History};
    use crate::domain::{Case, Referral, Service};

    #[test]
    fn an_item_added_empty_is_named_by_what_was_written_in_it_and_its_name_told_once() {
        let now = Utc::now();
        let before = Case::new(Uuid::new_v4(), "HW-1".into(), now);
        let mut added = before.clone();
        added.plan.referrals.push(Referral::default());
        let mut history = History::default();
        history.record(diff(&before, &added), "Ana", now);
        let mut named = added.clone();
        let id = named.plan.referrals.iter().next().unwrap().id;
        named.plan.referrals.update(id, |r| r.to = "Centro de Salud Mental".into());
        named.plan.services.push(Service {
            description: "Counselling".into(),
            provider: "Clínica San José".into(),
            ..Service::default()
        });
        history.record(diff(&added, &named), "Ana", now);
        let entries = history.timeline(None);
        assert_eq!(entries.len(), 2, "one entry per area");
        let referrals = entries.iter().find(|e| e.area == "referrals").unwrap();
        let shown = referrals.shown_changes();
        assert_eq!(shown.len(), 1, "the name written is the addition's name: {shown:?}");
        assert_eq!(shown[0].new, json!("Centro de Salud Mental"));
        // A service added with its fields at once: its provider is told, its name once.
        let services = entries.iter().find(|e| e.area == "services").unwrap();
        let shown = services.shown_changes();
        assert_eq!(shown.iter().filter(|c| c.new == json!("Counselling")).count(), 1, "{shown:?}");
    }
}
