//! Reading what earlier versions stored in English sentences: history events ("Case closed:
//! Kinship care. …"), changes with their place and values in words ("Protection needs: Need",
//! "20 Nov 2026", "in progress"), due items ("Need: …", "Plan review") and "Unnamed user" as
//! an author, in the language that was on screen. Up to schema version 4 and export format 1.
//!
//! This is the only code that reads those sentences: every case, summary and deadline record is
//! read through it (the serde shims below), so a record of any version reads as today's data.
//! What it does not recognise is kept as it was stored ([`Event::Unknown`], [`DueWhat::Unknown`]).

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::checklist::{ChecklistStatus, Milestone, MilestoneStatus, Theme, ACTIVITIES};
use super::choices::{
    ChildAgreement, Choice, Determination, ItemStatus, PlacementType, PlanStatus, ReferralStatus, ServiceType, Sex,
};
use super::closure::ClosureOutcome;
use super::due::{DueItem, DuePlace, DueWhat};
use super::handover::{HandoverPoint, CHECKLIST as HANDOVER_CHECKLIST, HANDOVER_NOTE};
use super::history::{ChangeKind, Event, FieldChange};
use super::monitoring::{SeenAlone, VisitFrequency};
use super::paths;

/// "Unnamed user" in each language earlier versions recorded it in (`common.unnamed_user`).
pub const UNNAMED_USER: [&str; 3] = ["Unnamed user", "Usuario sin nombre", "Utilisateur sans nom"];

/// The author of an entry or a closure: empty for a person who had set no name.
pub fn by<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let name = Option::<String>::deserialize(d)?.unwrap_or_default();
    Ok(if UNNAMED_USER.contains(&name.trim()) { String::new() } else { name })
}

/// A history entry's event: data as stored now, or an earlier version's sentence.
pub fn event<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Event>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => None,
        Value::String(text) if text.is_empty() => None,
        Value::String(text) => Some(event_from_sentence(&text)),
        value => Some(Event::deserialize(&value).unwrap_or_else(|_| Event::Unknown { text: kind_of(&value) })),
    })
}

/// What a record of a newer version calls its kind, to show something rather than nothing.
fn kind_of(value: &Value) -> String {
    value.get("kind").and_then(Value::as_str).map(|k| paths::capitalise(&k.replace('_', " "))).unwrap_or_default()
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

/// A change as stored: today's form, or an earlier version's with `what` and values in words.
#[derive(Deserialize)]
pub struct StoredChange {
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

/// A due item as stored: today's form, or an earlier version's `what` in words.
#[derive(Deserialize)]
pub struct StoredDueItem {
    what: Value,
    date: NaiveDate,
    #[serde(default)]
    place: DuePlace,
    #[serde(default)]
    item: Option<Uuid>,
}

impl From<StoredDueItem> for DueItem {
    fn from(stored: StoredDueItem) -> Self {
        let what = match stored.what {
            Value::String(text) => due_from_words(stored.place, &text),
            value => DueWhat::deserialize(&value).unwrap_or_else(|_| DueWhat::Unknown { text: kind_of(&value) }),
        };
        Self { what, date: stored.date, place: stored.place, item: stored.item }
    }
}

/// What falls due, as earlier versions wrote it ("Need: …", "Service: Health", "Plan review").
pub fn due_from_words(place: DuePlace, text: &str) -> DueWhat {
    let words = |rest: &str| if rest == "(not described yet)" { String::new() } else { rest.to_string() };
    let after = |prefix: &str| text.strip_prefix(prefix).map(words);
    let found = match place {
        DuePlace::Needs => after("Need: ").map(|text| DueWhat::Need { text }),
        DuePlace::Services => {
            after("Service: ").map(|what| match ServiceType::ALL.iter().find(|k| k.label() == what) {
                Some(&kind) => DueWhat::Service { service_type: Some(kind), description: String::new() },
                None => DueWhat::Service { service_type: None, description: what },
            })
        }
        DuePlace::Actions => after("Action: ").map(|text| DueWhat::Action { text }),
        DuePlace::Referrals => after("Answer to urgent referral: ")
            .map(|to| DueWhat::ReferralAnswer { to })
            .or_else(|| after("Referral: ").map(|to| DueWhat::Referral { to })),
        DuePlace::Checklist => {
            text.strip_prefix("Checklist: ").map(|title| match ACTIVITIES.iter().find(|a| a.title == title) {
                Some(activity) => DueWhat::Checklist { activity: Some(activity.id.into()), title: title.into() },
                None if title == "(activity without a title)" => {
                    DueWhat::Checklist { activity: None, title: String::new() }
                }
                None => DueWhat::Checklist { activity: None, title: title.into() },
            })
        }
        DuePlace::Monitoring => (text == "Monitoring visit").then_some(DueWhat::MonitoringVisit),
        DuePlace::Case => (text == "Plan review").then_some(DueWhat::PlanReview),
    };
    found.unwrap_or_else(|| DueWhat::Unknown { text: text.to_string() })
}

#[cfg(test)]
mod tests;
