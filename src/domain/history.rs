//! Who changed what in a case, and when. Each save is compared with the case as stored before
//! it; what differs becomes entries of the case's history, one per section, in words a
//! supervisor reads ("Case worker: Role: “Social worker” → “Psychologist”"). Edits by one person
//! to one section within a few minutes are kept as one entry, so typing does not flood it.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::choices::{ClosureOutcome, HandoverPoint};
use super::paths::area_key;
use super::{Case, Section};

/// Edits this close together, by the same person to the same section, make one entry.
pub const COALESCE_MINUTES: i64 = 10;

/// Where in the case a change was made: a plan section's slug, or `checklist`.
pub const CHECKLIST: &str = "checklist";
/// The area of the supervisor's sign-offs, which have no plan step of their own.
pub const SIGN_OFF: &str = "sign-off";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Changed,
    Added,
    Removed,
}

/// One field or item changed. Stored as data and worded when shown: the place from `path`,
/// values as the case stores them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// Where, as stored (`plan.needs[<id>].need`): ties later edits of the same field together,
    /// and names the place when shown ("Protection needs: Need").
    pub path: String,
    /// For a field inside a list item, the item by its name ([`item_name`]); `null` otherwise.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub item: Value,
    pub kind: ChangeKind,
    /// For a change, the old and new value; for an added or removed item, its name. Values are
    /// as the case stores them (text, choice keys, ISO dates, `true`/`false`, numbers, a visit
    /// frequency), `null` when empty, `{}` for a compound value that changed; long texts keep
    /// their first 300 characters. The proposed activities added at once are one change at
    /// `checklist.items` whose `new` is their count.
    pub old: Value,
    pub new: Value,
}

impl FieldChange {
    /// Something added where there was nothing.
    pub fn added(path: &str, new: Value) -> Self {
        Self { path: path.into(), item: Value::Null, kind: ChangeKind::Added, old: Value::Null, new }
    }
}

/// An event worth its own line in the history, stored as data and worded when shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    Created,
    Closed {
        #[serde(deserialize_with = "super::choices::lenient")]
        outcome: ClosureOutcome,
        reason: String,
    },
    Reopened,
    /// Deleted from a device; recorded when the case is restored, as the deletion left no
    /// case to write into.
    Deleted,
    /// Brought back from Recently deleted.
    Restored,
    HandedOver {
        from: String,
        to: String,
        /// The points of the handover checklist left undone.
        #[serde(default)]
        not_done: Vec<HandoverPoint>,
    },
    /// Words an earlier version stored that this build does not recognise, or an event of a
    /// newer version: shown as they are.
    Unknown {
        #[serde(default)]
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HistoryEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// The name set in the browser that made the change; empty when none was set (shown as
    /// "Unnamed user" in the reader's language).
    pub by: String,
    /// A plan section's slug or [`CHECKLIST`]; for the timeline's filter.
    pub area: String,
    /// For entries that are not field edits: a case made, closed, handed over…
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "lenient_event")]
    pub event: Option<Event>,
    pub changes: Vec<FieldChange>,
}

impl Default for HistoryEntry {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            at: DateTime::<Utc>::MIN_UTC,
            by: String::new(),
            area: String::new(),
            event: None,
            changes: Vec::new(),
        }
    }
}

/// A stored event; one of a kind this build does not know (written by a newer Homeward) reads as
/// [`Event::Unknown`] named by its kind, so it never makes a whole case unreadable.
fn lenient_event<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Event>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(Event::Unknown { text }),
        Some(value) => Some(Event::deserialize(&value).unwrap_or_else(|_| {
            let kind = value.get("kind").and_then(Value::as_str).unwrap_or_default();
            Event::Unknown { text: super::paths::capitalise(&kind.replace('_', " ")) }
        })),
    })
}

impl HistoryEntry {
    /// An event worth its own line, such as a case made or closed.
    pub fn event(at: DateTime<Utc>, by: &str, area: &str, event: Event) -> Self {
        Self { at, by: by.to_string(), area: area.to_string(), event: Some(event), ..Self::default() }
    }
}

/// The area a stored path belongs to.
fn area_of(path: &str) -> String {
    let key = area_key(path);
    let section = match key.as_str() {
        "checklist" => return CHECKLIST.into(),
        "worker" => Section::Worker,
        "child" => Section::Child,
        "household" => Section::Household,
        "assessments" => Section::Assessment,
        "placement" => Section::Placement,
        "needs" => Section::Needs,
        "services" => Section::Services,
        "actions" => Section::Actions,
        "monitoring" => Section::Monitoring,
        "safety plan" => Section::SafetyPlan,
        "participation" => Section::Participation,
        "consents" => Section::Consent,
        "sign offs" => return SIGN_OFF.into(),
        "referrals" => Section::Referrals,
        "best interests" => Section::BestInterests,
        _ => Section::Case,
    };
    section.slug().into()
}

/// The parts of a case that are the worker's content. Everything else is bookkeeping, or (the
/// closure and handovers) told by its own entries; the history, the largest part, is left out
/// so each save compares only what can have been edited.
#[derive(Serialize)]
struct Content<'a> {
    id: &'a super::CaseId,
    case_number: &'a str,
    /// Left out of both sides when equal: a save usually changes one part, and writing out an
    /// unchanged plan or checklist to compare it was most of a save's own time.
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a super::Plan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    checklist: Option<&'a super::checklist::Checklist>,
}

impl<'a> From<&'a Case> for Content<'a> {
    fn from(case: &'a Case) -> Self {
        Self { id: &case.id, case_number: &case.case_number, plan: Some(&case.plan), checklist: Some(&case.checklist) }
    }
}

impl<'a> Content<'a> {
    /// Both versions' content, the parts equal in both left out.
    fn of(before: &'a Case, after: &'a Case) -> (Self, Self) {
        let (mut b, mut a) = (Self::from(before), Self::from(after));
        if before.plan == after.plan {
            (b.plan, a.plan) = (None, None);
        }
        if before.checklist == after.checklist {
            (b.checklist, a.checklist) = (None, None);
        }
        (b, a)
    }
}

/// What differs between two versions of a case, field by field and item by item.
pub fn diff(before: &Case, after: &Case) -> Vec<FieldChange> {
    let (before_content, after_content) = Content::of(before, after);
    let (Ok(b), Ok(a)) = (serde_json::to_value(before_content), serde_json::to_value(after_content)) else {
        return Vec::new();
    };
    let mut changes = Vec::new();
    compare(&b, &a, "", &mut changes);
    // Told elsewhere ("Status so far"), or bookkeeping of the catalogue.
    changes.retain(|c| !c.path.contains("status_changes") && c.path != "checklist.catalogue_version");
    // A pathway's proposed activities arrive together: one line, not dozens.
    let proposed =
        changes.iter().filter(|c| c.kind == ChangeKind::Added && c.path.starts_with("checklist.items[")).count();
    if proposed > 3 {
        changes.retain(|c| !(c.kind == ChangeKind::Added && c.path.starts_with("checklist.items[")));
        changes.push(FieldChange::added("checklist.items", Value::from(proposed)));
    }
    if before.closure.is_some() != after.closure.is_some() {
        // Closing and reopening have their own entries.
        changes.retain(|c| c.path != "plan.status");
    }
    if before.handovers.len() != after.handovers.len() {
        // So has a handover, which replaces the whole worker.
        changes.retain(|c| !c.path.starts_with("plan.worker."));
    }
    changes
}

/// Long notes are kept in the case; the history keeps their beginning.
const LONGEST: usize = 300;

fn shortened(text: &str) -> String {
    match text.char_indices().nth(LONGEST) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// A value as the history keeps it: as stored, `null` when empty, long texts shortened, and a
/// compound value other than a visit frequency as `{}`.
fn kept(value: &Value) -> Value {
    match value {
        Value::String(s) if s.is_empty() => Value::Null,
        Value::String(s) => Value::String(shortened(s)),
        Value::Object(o) if o.contains_key("every") => value.clone(),
        Value::Object(_) | Value::Array(_) => Value::Object(Map::new()),
        _ => value.clone(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn compare(before: &Value, after: &Value, path: &str, out: &mut Vec<FieldChange>) {
    if before == after {
        return;
    }
    match (before, after) {
        (Value::Object(b), Value::Object(a)) if !a.contains_key("every") => {
            let empty = Value::Null;
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                compare(b.get(key).unwrap_or(&empty), a.get(key).unwrap_or(&empty), &join(path, key), out);
            }
        }
        (Value::Array(b), Value::Array(a)) if item_key(b, a).is_some() => {
            let key = item_key(b, a).unwrap_or("id");
            let find = |items: &[Value], id: &Value| items.iter().find(|i| i.get(key) == Some(id)).cloned();
            for item in b {
                if find(a, &item[key]).is_none() {
                    let at = format!("{path}[{}]", label_of(&item[key]));
                    out.push(FieldChange {
                        path: at,
                        item: Value::Null,
                        kind: ChangeKind::Removed,
                        old: item_name(item),
                        new: Value::Null,
                    });
                }
            }
            for item in a {
                let at = format!("{path}[{}]", label_of(&item[key]));
                match find(b, &item[key]) {
                    Some(old) => {
                        let from = out.len();
                        compare(&old, item, &at, out);
                        // Say which item: "Protection needs: By when — School bullying".
                        let name = item_name(item);
                        for change in &mut out[from..] {
                            if change.item.is_null() {
                                change.item = name.clone();
                            }
                        }
                    }
                    None => out.push(FieldChange {
                        path: at,
                        item: Value::Null,
                        kind: ChangeKind::Added,
                        old: Value::Null,
                        new: item_name(item),
                    }),
                }
            }
        }
        (Value::Array(b), Value::Array(a)) if a.iter().chain(b).all(|v| !v.is_object()) => {
            for gone in b.iter().filter(|v| !a.contains(v)) {
                let at = format!("{path}[{}]", label_of(gone));
                out.push(FieldChange {
                    path: at,
                    item: Value::Null,
                    kind: ChangeKind::Removed,
                    old: kept(gone),
                    new: Value::Null,
                });
            }
            for added in a.iter().filter(|v| !b.contains(v)) {
                let at = format!("{path}[{}]", label_of(added));
                out.push(FieldChange::added(&at, kept(added)));
            }
        }
        _ => out.push(FieldChange {
            path: path.into(),
            item: Value::Null,
            kind: ChangeKind::Changed,
            old: kept(before),
            new: kept(after),
        }),
    }
}

fn item_key(before: &[Value], after: &[Value]) -> Option<&'static str> {
    ["id", "milestone"].into_iter().find(|key| {
        let all: Vec<&Value> = before.iter().chain(after).collect();
        !all.is_empty() && all.iter().all(|i| i.get(*key).is_some_and(|v| !v.is_null()))
    })
}

fn label_of(id: &Value) -> String {
    id.as_str().map_or_else(|| id.to_string(), str::to_string)
}

/// A list item by its name: its title, need, action, description… as stored (a visit by its
/// ISO date, not its follow-up), `null` when it has none. A checklist item of the catalogue is
/// named by its activity (`{"activity": "respite_care", "title": "Respite care"}`) and a
/// milestone by its key (`{"milestone": "legal_steps"}`), so either is shown with its title in
/// the reader's language.
pub fn item_name(item: &Value) -> Value {
    const NAMES: [&str; 10] =
        ["title", "need", "what", "description", "to", "name", "date", "follow_up", "reviewer", "asked_by"];
    let Some(fields) = item.as_object() else { return Value::Null };
    if let Some(activity) = fields.get("activity").filter(|a| a.is_string()) {
        let title = fields.get("title").cloned().unwrap_or(Value::Null);
        return serde_json::json!({ "activity": activity, "title": title });
    }
    if let Some(milestone) = fields.get("milestone").filter(|m| m.is_string()) {
        return serde_json::json!({ "milestone": milestone });
    }
    NAMES
        .iter()
        .filter_map(|k| fields.get(*k))
        .map(kept)
        .find(|v| v.is_string() || v.is_number())
        .unwrap_or(Value::Null)
}

/// The case's history: entries oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct History(pub Vec<HistoryEntry>);

impl History {
    /// Adds what changed between `before` and `after`, by `by` at `at`: one entry per area,
    /// joined to that person's last entry for the area if it is recent.
    pub fn record(&mut self, changes: Vec<FieldChange>, by: &str, at: DateTime<Utc>) {
        let mut areas: Vec<String> = Vec::new();
        for change in &changes {
            let area = area_of(&change.path);
            if !areas.contains(&area) {
                areas.push(area);
            }
        }
        for area in areas {
            let these: Vec<FieldChange> = changes.iter().filter(|c| area_of(&c.path) == area).cloned().collect();
            // Among this person's latest run of recent entries, the one for this area.
            let window = Duration::minutes(COALESCE_MINUTES);
            let run =
                self.0.iter().rev().take_while(|e| e.by == by && e.event.is_none() && at - e.at <= window).count();
            let recent = (self.0.len() - run..self.0.len()).rev().find(|&i| self.0[i].area == area);
            match recent {
                Some(i) => {
                    // The entry keeps the time editing began, so the window does not slide.
                    let entry = &mut self.0[i];
                    for change in these {
                        fold(&mut entry.changes, change);
                    }
                    if entry.changes.is_empty() {
                        self.0.remove(i);
                    }
                }
                None => self.0.push(HistoryEntry {
                    at,
                    by: by.to_string(),
                    area,
                    changes: these,
                    ..HistoryEntry::default()
                }),
            }
        }
    }

    pub fn push(&mut self, entry: HistoryEntry) {
        self.0.push(entry);
    }

    /// Newest first, optionally only one area.
    pub fn timeline(&self, area: Option<&str>) -> Vec<&HistoryEntry> {
        self.0.iter().rev().filter(|e| area.is_none_or(|a| e.area == a)).collect()
    }
}

/// Joins a later edit into an entry: the first old value stays, the latest new one wins; an
/// edit undone, or an item added and removed again, leaves nothing.
fn fold(changes: &mut Vec<FieldChange>, change: FieldChange) {
    let Some(at) = changes.iter().position(|c| c.path == change.path) else {
        changes.push(change);
        return;
    };
    let earlier = &mut changes[at];
    match (earlier.kind, change.kind) {
        (ChangeKind::Added, ChangeKind::Removed) => {
            // Never there: nor were the edits made to it meanwhile.
            let inside = format!("{}.", change.path);
            changes.remove(at);
            changes.retain(|c| !c.path.starts_with(&inside));
        }
        (ChangeKind::Added, _) => earlier.new = change.new,
        (ChangeKind::Removed, ChangeKind::Added) => {
            earlier.kind = ChangeKind::Changed;
            earlier.new = change.new;
        }
        _ => {
            earlier.kind = change.kind;
            earlier.new = change.new;
            if earlier.kind == ChangeKind::Changed && earlier.old == earlier.new {
                changes.remove(at);
            }
        }
    }
}

#[cfg(test)]
mod tests;
