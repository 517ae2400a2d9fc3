//! Reading what earlier versions stored in English sentences: history events ("Case closed:
//! Kinship care. …"), changes with their place and values in words ("Protection needs: Need",
//! "20 Nov 2026", "in progress"), due items ("Need: …", "Plan review") and "Unnamed user" as
//! an author, in the language that was on screen. Up to schema version 4 and export format 1.
//!
//! This is the only code that reads those sentences, and only when a record of an earlier
//! version is upgraded: by the schema's data step that writes every stored case again in
//! today's form (`storage/schema.rs`), and by an import of an export of format 1. Everything
//! else reads today's form directly, so none of this is in the first load. Summaries and
//! deadline records are not upgraded here: the same data step derives them again from the
//! upgraded cases. What it does not recognise is kept as it was stored ([`Event::Unknown`]).

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::case::Case;
use super::checklist::{ChecklistStatus, Milestone, MilestoneStatus, Theme, ACTIVITIES};
use super::choices::{
    ChildAgreement, Choice, Determination, ItemStatus, PlacementType, PlanStatus, ReferralStatus, ServiceType, Sex,
};
use super::closure::ClosureOutcome;
use super::handover::{HandoverPoint, CHECKLIST as HANDOVER_CHECKLIST, HANDOVER_NOTE};
use super::history::{ChangeKind, Event, FieldChange};
use super::monitoring::{SeenAlone, VisitFrequency};
use super::paths;

/// "Unnamed user" in each language earlier versions recorded it in (`common.unnamed_user`).
pub const UNNAMED_USER: [&str; 3] = ["Unnamed user", "Usuario sin nombre", "Utilisateur sans nom"];

/// A stored case of any version, in today's form. Reading a case already in today's form gives
/// it back unchanged.
pub fn upgrade_case(mut case: Value) -> Result<Case, serde_json::Error> {
    if let Some(entries) = case.get_mut("history").and_then(Value::as_array_mut) {
        entries.iter_mut().for_each(upgrade_entry);
    }
    if let Some(closure) = case.get_mut("closure").filter(|c| c.is_object()) {
        upgrade_author(closure, "closed_by");
    }
    Case::deserialize(case)
}

/// A history entry of any version, in today's form: its author, its event and its changes.
pub fn upgrade_entry(entry: &mut Value) {
    if !entry.is_object() {
        return;
    }
    upgrade_author(entry, "by");
    if let Some(Value::String(text)) = entry.get("event") {
        entry["event"] = if text.is_empty() {
            Value::Null
        } else {
            serde_json::to_value(event_from_sentence(text)).unwrap_or(Value::Null)
        };
    }
    if let Some(changes) = entry.get_mut("changes").and_then(Value::as_array_mut) {
        for change in changes.iter_mut().filter(|c| c.get("what").is_some()) {
            if let Ok(stored) = StoredChange::deserialize(&*change) {
                *change = serde_json::to_value(FieldChange::from(stored)).unwrap_or(Value::Null);
            }
        }
    }
}

/// The author of an entry or a closure: empty for a person who had set no name.
fn upgrade_author(record: &mut Value, key: &str) {
    if record.get(key).and_then(Value::as_str).is_some_and(|name| UNNAMED_USER.contains(&name.trim())) {
        record[key] = Value::String(String::new());
    }
}

/// An event as earlier versions wrote it.
pub fn event_from_sentence(text: &str) -> Event {
    match text {
        "Case created" => return Event::Created,
        "Case reopened" => return Event::Reopened,
        _ => {}
    }
    if let Some(rest) = text.strip_prefix("Case closed: ") {
        for &outcome in ClosureOutcome::ALL {
            if let Some(reason) = rest.strip_prefix(outcome.label()).and_then(|r| r.strip_prefix(". ")) {
                return Event::Closed { outcome, reason: reason.to_string() };
            }
        }
    }
    if let Some(rest) = text.strip_prefix("Handed over from ") {
        let (names, not_done) = match rest.strip_suffix(')').and_then(|r| r.rsplit_once(" (not done: ")) {
            Some((names, points)) => (names, Some(points)),
            None => (rest, None),
        };
        let points: Option<Vec<HandoverPoint>> = match not_done {
            None => Some(Vec::new()),
            Some(points) => points
                .split("; ")
                .map(|p| HANDOVER_CHECKLIST.iter().position(|c| c.to_lowercase() == p).map(|i| HandoverPoint::ALL[i]))
                .collect(),
        };
        if let (Some((from, to)), Some(not_done)) = (names.split_once(" to "), points) {
            return Event::HandedOver { from: from.to_string(), to: to.to_string(), not_done };
        }
    }
    Event::Unknown { text: text.to_string() }
}

/// A change as earlier versions stored it, with `what` and values in words.
#[derive(Deserialize)]
struct StoredChange {
    #[serde(default)]
    path: String,
    /// Earlier versions only: the place in English, with the item's name after " — ".
    #[serde(default)]
    what: Option<String>,
    #[serde(default)]
    item: Value,
    kind: ChangeKind,
    #[serde(default)]
    old: Value,
    #[serde(default)]
    new: Value,
}

impl From<StoredChange> for FieldChange {
    fn from(stored: StoredChange) -> Self {
        let StoredChange { path, what, item, kind, old, new } = stored;
        let Some(what) = what else { return Self { path, item, kind, old, new } };
        let words = |value: Value| match value {
            Value::String(text) => text,
            Value::Null => String::new(),
            other => other.to_string(),
        };
        let (old, new) = (words(old), words(new));
        if path == HANDOVER_NOTE {
            return Self { path, item: Value::Null, kind, old: text_or_null(old), new: text_or_null(new) };
        }
        if path == "checklist.items" {
            if let Some(n) = new.strip_suffix(" activities").and_then(|n| n.parse::<u64>().ok()) {
                return Self { path, item: Value::Null, kind, old: Value::Null, new: Value::from(n) };
            }
        }
        // The item a field belongs to was named after the place: "Protection needs: By when — School bullying".
        let item = what
            .strip_prefix(paths::place(&path).as_str())
            .and_then(|rest| rest.strip_prefix(" — "))
            .map_or(Value::Null, |name| item_name(&path, name));
        let is_item = path.ends_with(']');
        let value = |text: String| {
            if is_item && !is_scalar_item(&path) {
                item_name(&path, &text)
            } else {
                value_from_words(&path, &text)
            }
        };
        let (old, new) = match kind {
            ChangeKind::Changed => (value(old), value(new)),
            ChangeKind::Added => (Value::Null, value(new)),
            ChangeKind::Removed => (value(old), Value::Null),
        };
        Self { path, item, kind, old, new }
    }
}

fn text_or_null(text: String) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::String(text)
    }
}

/// Lists of plain values (`plan.child.languages[Quechua]`), whose items are named by themselves.
fn is_scalar_item(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    let list = last.split('[').next().unwrap_or(last);
    !matches!(
        list,
        "needs" | "services" | "actions" | "visits" | "referrals" | "items" | "milestones" | "status_changes"
    )
}

/// A list item's name as earlier versions wrote it: "an item" for none, a date in words, a
/// catalogue activity by its English title.
fn item_name(path: &str, name: &str) -> Value {
    if name == "an item" || name == "(empty)" || name.is_empty() {
        return Value::Null;
    }
    if let Some(day) = date_in_words(name) {
        return Value::String(day);
    }
    if path.starts_with("checklist.items[") {
        if let Some(activity) = ACTIVITIES.iter().find(|a| a.title == name) {
            return serde_json::json!({ "activity": activity.id, "title": name });
        }
    }
    Value::String(name.to_string())
}

/// "20 Nov 2026" → "2026-11-20".
fn date_in_words(text: &str) -> Option<String> {
    NaiveDate::parse_from_str(text, "%-d %b %Y").ok().map(|d| d.format("%Y-%m-%d").to_string())
}

/// A value as earlier versions wrote it ("(empty)", "yes", "20 Nov 2026", "in progress",
/// "every 10 days"), as the case stores it.
pub fn value_from_words(path: &str, text: &str) -> Value {
    match text {
        "(empty)" | "" => return Value::Null,
        "(changed)" => return Value::Object(Map::new()),
        _ => {}
    }
    let parts: Vec<String> = path
        .split('.')
        .map(|p| p.split('[').next().unwrap_or(p).to_string())
        .filter(|p| !p.is_empty() && p != "plan")
        .collect();
    let (area, field) = (parts.first().map_or("", String::as_str), parts.last().map_or("", String::as_str));
    if field == "urgent" && (text == "yes" || text == "no") {
        return Value::Bool(text == "yes");
    }
    if field == "frequency" {
        if let Some(days) =
            text.strip_prefix("every ").and_then(|r| r.strip_suffix(" days")).and_then(|n| n.parse::<u16>().ok())
        {
            return serde_json::to_value(VisitFrequency::EveryNDays(days)).unwrap_or(Value::Null);
        }
        let key = text.replace(' ', "_");
        if VisitFrequency::CHOICES.iter().any(|(k, _)| *k == key) {
            return serde_json::json!({ "every": key });
        }
    }
    if let Some(day) = date_in_words(text) {
        return Value::String(day);
    }
    let key = text.replace(' ', "_");
    let is_key = match (area, field) {
        ("needs" | "services" | "actions", "status") => ItemStatus::from_key(&key).is_some(),
        ("referrals", "status") => ReferralStatus::from_key(&key).is_some(),
        ("checklist", "status") if path.contains("milestones") => MilestoneStatus::from_key(&key).is_some(),
        ("checklist", "status") => ChecklistStatus::from_key(&key).is_some(),
        ("status", _) => PlanStatus::from_key(&key).is_some(),
        ("placement", "kind") => PlacementType::from_key(&key).is_some(),
        ("services", "kind") => ServiceType::from_key(&key).is_some(),
        (_, "sex") => Sex::from_key(&key).is_some(),
        (_, "seen_alone") => SeenAlone::from_key(&key).is_some(),
        (_, "child_agrees") => ChildAgreement::from_key(&key).is_some(),
        (_, "determination") => Determination::from_key(&key).is_some(),
        (_, "theme") => Theme::from_key(&key).is_some(),
        (_, "milestone") => Milestone::from_key(&key).is_some(),
        _ => false,
    };
    Value::String(if is_key { key } else { text.to_string() })
}

#[cfg(test)]
mod tests;
