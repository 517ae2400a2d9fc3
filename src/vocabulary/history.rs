//! The history and the two-tab merge: history areas and events, field names, change places and values.

use chrono::NaiveDate;

use serde_json::Value;

use super::catalogue::{activity_title, stored_checklist_title};
use super::plan::{handover_points, visit_frequency_choice};
use crate::domain::checklist::{ChecklistStatus, Milestone, MilestoneStatus, Theme};
use crate::domain::closure::REOPEN_REASON;
use crate::domain::handover::HANDOVER_NOTE;
use crate::domain::history::{self, Event, FieldChange, HistoryEntry};
use crate::domain::monitoring::{SeenAlone, VisitFrequency};
use crate::domain::paths;
use crate::domain::section::Section;
use crate::domain::sign_off::{SignOffDecision, SignOffOf};
use crate::domain::{
    CareDomain, Caregiving, ChildAgreement, Choice, ConsentDecision, ConsentScope, ConsentWay, Consenter,
    Determination, ItemStatus, LinkedRecord, PlacementType, PlanStatus, Rating, ReferralStatus, Relationship,
    ServiceType, Sex,
};
use crate::i18n::{date, td_string, Locale, Translate};

/// The title of a history entry's area: a plan section's title, or the checklist's.
pub fn history_area(l: Locale, entry: &HistoryEntry) -> &'static str {
    if entry.area == history::CHECKLIST {
        return td_string!(l, vocab.history_area.checklist);
    }
    if entry.area == history::SIGN_OFF {
        return td_string!(l, vocab.history_area.sign_off);
    }
    Section::from_slug(&entry.area).unwrap_or(Section::Case).in_locale(l)
}

/// Who made an entry: the name stored, or "Unnamed user" when none was set.
pub fn history_by(l: Locale, entry: &HistoryEntry) -> String {
    person(l, &entry.by)
}

/// A person recorded by the name they set (a history entry's or a closure's author), or
/// "Unnamed user" in this language when they set none.
pub fn person(l: Locale, name: &str) -> String {
    match name.trim() {
        "" => td_string!(l, common.unnamed_user).to_string(),
        name => name.to_string(),
    }
}

/// A history event ("Case created", "Case closed: …", "Handed over from … to …") in the
/// interface's language. An event this build does not know reads as stored.
pub fn history_event(l: Locale, event: &Event) -> String {
    match event {
        Event::Created => td_string!(l, vocab.event.created).to_string(),
        Event::Reopened => td_string!(l, vocab.event.reopened).to_string(),
        Event::Deleted => td_string!(l, vocab.event.deleted).to_string(),
        Event::Restored => td_string!(l, vocab.event.restored).to_string(),
        Event::Closed { outcome, reason } => {
            td_string!(l, vocab.event.closed, outcome = outcome.in_locale(l), reason).to_string()
        }
        Event::HandedOver { from, to, not_done } if not_done.is_empty() => {
            td_string!(l, vocab.event.handed_over, from, to).to_string()
        }
        Event::HandedOver { from, to, not_done } => {
            let ours = handover_points(l);
            let points = not_done.iter().map(|p| ours[p.index()].to_lowercase()).collect::<Vec<_>>().join("; ");
            td_string!(l, vocab.event.handed_over_not_done, from, to, points).to_string()
        }
        Event::Unknown { text } => text.clone(),
    }
}

/// The parts of a stored path that name places: `plan.needs[<id>].by_when` → `needs`, `by_when`.
fn path_parts(path: &str) -> Vec<&str> {
    path.split('.').map(|p| p.split('[').next().unwrap_or(p)).filter(|p| !p.is_empty() && *p != "plan").collect()
}

/// A field of the case by its stored name, as the worker reads it.
fn field_name(l: Locale, key: &str) -> Option<&'static str> {
    Some(match key {
        "case_number" => td_string!(l, vocab.field.case_number),
        "status" => td_string!(l, vocab.field.status),
        "start_date" => td_string!(l, vocab.field.start_date),
        "next_review" => td_string!(l, vocab.field.next_review),
        "name" => td_string!(l, vocab.field.name),
        "role" => td_string!(l, vocab.field.role),
        "organisation" => td_string!(l, vocab.field.organisation),
        "contact" => td_string!(l, vocab.field.contact),
        "since" => td_string!(l, vocab.field.since),
        "birth_date" => td_string!(l, vocab.field.birth_date),
        "estimated_age" => td_string!(l, vocab.field.estimated_age),
        "sex" => td_string!(l, vocab.field.sex),
        "languages" => td_string!(l, vocab.field.languages),
        "disability_needs" => td_string!(l, vocab.field.disability_needs),
        "current_setting" => td_string!(l, vocab.field.current_setting),
        "kind" => td_string!(l, vocab.field.kind),
        "location" => td_string!(l, vocab.field.location),
        "caregivers" => td_string!(l, vocab.field.caregivers),
        "relationship" => td_string!(l, vocab.field.relationship),
        "planned_date" => td_string!(l, vocab.field.planned_date),
        "need" => td_string!(l, vocab.field.need),
        "response" => td_string!(l, vocab.field.response),
        "by_whom" => td_string!(l, vocab.field.by_whom),
        "by_when" => td_string!(l, vocab.field.by_when),
        "description" => td_string!(l, vocab.field.description),
        "provider" => td_string!(l, vocab.field.provider),
        "urgent" => td_string!(l, vocab.field.urgent),
        "what" => td_string!(l, vocab.field.what),
        "responsible" => td_string!(l, vocab.field.responsible),
        "frequency" => td_string!(l, vocab.field.frequency),
        "last_visit" => td_string!(l, vocab.field.last_visit),
        "visits" => td_string!(l, vocab.field.visits),
        "notes" => td_string!(l, vocab.field.notes),
        "date" => td_string!(l, vocab.field.date),
        "visited_by" => td_string!(l, vocab.field.visited_by),
        "place" => td_string!(l, vocab.field.place),
        "seen" => td_string!(l, vocab.field.seen),
        "seen_alone" => td_string!(l, vocab.field.seen_alone),
        "wellbeing" => td_string!(l, vocab.field.wellbeing),
        "services_checked" => td_string!(l, vocab.field.services_checked),
        "concerns" => td_string!(l, vocab.field.concerns),
        "follow_up" => td_string!(l, vocab.field.follow_up),
        "follow_up_action" => td_string!(l, vocab.field.follow_up_action),
        "child_views" => td_string!(l, vocab.field.child_views),
        "consulted_on" => td_string!(l, vocab.field.consulted_on),
        "consulted_how" => td_string!(l, vocab.field.consulted_how),
        "child_agrees" => td_string!(l, vocab.field.child_agrees),
        "family_views" => td_string!(l, vocab.field.family_views),
        "to" => td_string!(l, vocab.field.to),
        "reason" => td_string!(l, vocab.field.reason),
        "feedback" => td_string!(l, vocab.field.feedback),
        "feedback_on" => td_string!(l, vocab.field.feedback_on),
        "assessment_date" => td_string!(l, vocab.field.assessment_date),
        "determination" => td_string!(l, vocab.field.determination),
        "determination_date" => td_string!(l, vocab.field.determination_date),
        "outcome" => td_string!(l, vocab.field.outcome),
        "activity" => td_string!(l, vocab.field.activity),
        "title" => td_string!(l, vocab.field.title),
        "theme" => td_string!(l, vocab.field.theme),
        "milestone" => td_string!(l, vocab.field.milestone),
        "not_applicable_reason" => td_string!(l, vocab.field.not_applicable_reason),
        "due" => td_string!(l, vocab.field.due),
        "done_on" => td_string!(l, vocab.field.done_on),
        "dismissed" => td_string!(l, vocab.field.dismissed),
        "milestones" => td_string!(l, vocab.field.milestones),
        "reached_on" => td_string!(l, vocab.field.reached_on),
        "evidence" => td_string!(l, vocab.field.evidence),
        "lives_with_child" => td_string!(l, vocab.field.lives_with_child),
        "caregiver" => td_string!(l, vocab.field.caregiver),
        "rating" => td_string!(l, vocab.field.rating),
        "by" => td_string!(l, vocab.field.by),
        "risks" => td_string!(l, vocab.field.risks),
        "caregivers_agreed" => td_string!(l, vocab.field.caregivers_agreed),
        "contacts" => td_string!(l, vocab.field.contacts),
        "how_to_reach" => td_string!(l, vocab.field.how_to_reach),
        "checked_by" => td_string!(l, vocab.field.checked_by),
        "agreed_on" => td_string!(l, vocab.field.agreed_on),
        "review_on" => td_string!(l, vocab.field.review_on),
        "linked" => td_string!(l, vocab.field.linked),
        "who" => td_string!(l, vocab.field.who),
        "scope" => td_string!(l, vocab.field.scope),
        "with" => td_string!(l, vocab.field.with),
        "decision" => td_string!(l, vocab.field.decision),
        "how" => td_string!(l, vocab.field.how),
        "of" => td_string!(l, vocab.field.of),
        "asked_on" => td_string!(l, vocab.field.asked_on),
        "asked_by" => td_string!(l, vocab.field.asked_by),
        "reviewer" => td_string!(l, vocab.field.reviewer),
        "reviewer_role" => td_string!(l, vocab.field.reviewer_role),
        "decided_on" => td_string!(l, vocab.field.decided_on),
        "comment" => td_string!(l, vocab.field.comment),
        _ => return None,
    })
}

/// A part of a path with no translation, as the English reads it: `by_when` → "By when".
fn as_words(key: &str) -> String {
    paths::capitalise(&key.replace('_', " "))
}

/// Where a stored path points, as [`paths::place`] tells it ("Case worker: Role"), in the
/// interface's language. For the two-tab merge's conflicts and the history.
pub fn field_place(l: Locale, path: &str) -> String {
    if l == Locale::en {
        return paths::place(path);
    }
    let parts = path_parts(path);
    let Some((first, rest)) = parts.split_first() else { return String::new() };
    let area = match *first {
        "worker" => td_string!(l, vocab.area.worker).to_string(),
        "child" => td_string!(l, vocab.area.child).to_string(),
        "household" => td_string!(l, vocab.area.household).to_string(),
        "assessments" => td_string!(l, vocab.area.assessments).to_string(),
        "placement" => td_string!(l, vocab.area.placement).to_string(),
        "needs" => td_string!(l, vocab.area.needs).to_string(),
        "services" => td_string!(l, vocab.area.services).to_string(),
        "actions" => td_string!(l, vocab.area.actions).to_string(),
        "monitoring" => td_string!(l, vocab.area.monitoring).to_string(),
        "safety_plan" => td_string!(l, vocab.area.safety_plan).to_string(),
        "participation" => td_string!(l, vocab.area.participation).to_string(),
        "consents" => td_string!(l, vocab.area.consents).to_string(),
        "sign_offs" => td_string!(l, vocab.area.sign_offs).to_string(),
        "referrals" => td_string!(l, vocab.area.referrals).to_string(),
        "best_interests" => td_string!(l, vocab.area.best_interests).to_string(),
        "checklist" => td_string!(l, vocab.area.checklist).to_string(),
        other => field_name(l, other).map_or_else(|| as_words(other), str::to_string),
    };
    let field_words = |field: &str| field_name(l, field).map_or_else(|| as_words(field), str::to_string);
    // An assessment's change names its domain: "Evaluación: Salud: Valoración".
    if let ("assessments", [domain, field, ..]) = (*first, rest) {
        if let Some(domain) = CareDomain::from_key(domain) {
            let field = format!("{}: {}", domain.in_locale(l), field_words(field));
            return td_string!(l, vocab.change.place, area, field).to_string();
        }
    }
    match rest.iter().rfind(|p| **p != "items") {
        Some(field) => td_string!(l, vocab.change.place, area, field = field_words(field)).to_string(),
        None => area,
    }
}

/// A value at a stored path as [`paths::shown`] tells it ("(empty)", "20 Nov 2026", "in
/// progress", "every 5 days"), in the interface's language. The worker's own words are kept.
pub fn field_value(l: Locale, path: &str, text: &str) -> String {
    if l == Locale::en {
        return text.to_string();
    }
    match text {
        "(empty)" => return td_string!(l, vocab.change.empty).to_string(),
        "(changed)" => return td_string!(l, vocab.change.changed).to_string(),
        "an item" => return td_string!(l, vocab.change.an_item).to_string(),
        "your version" if path.is_empty() => return td_string!(l, vocab.change.your_version).to_string(),
        "the other tab's version" if path.is_empty() => {
            return td_string!(l, vocab.change.other_tab_version).to_string()
        }
        _ => {}
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%-d %b %Y") {
        return date(l, day);
    }
    let parts = path_parts(path);
    let (area, field) = (parts.first().copied().unwrap_or_default(), parts.last().copied().unwrap_or_default());
    if matches!(field, "urgent" | "lives_with_child") && (text == "yes" || text == "no") {
        return yes_no(l, text == "yes");
    }
    if field == "frequency" {
        if let Some((k, _)) = VisitFrequency::CHOICES.iter().find(|(k, _)| *k == text.replace(' ', "_")) {
            return visit_frequency_choice(l, k).to_string();
        }
    }
    if let Some(n) =
        text.strip_prefix("every ").and_then(|r| r.strip_suffix(" days")).and_then(|n| n.parse::<u32>().ok())
    {
        return td_string!(l, vocab.change.every_days, n).to_string();
    }
    let key = text.replace(' ', "_");
    if let Some(words) = choice_words(l, path, &key) {
        return words.to_string();
    }
    if area == "checklist" {
        return stored_checklist_title(l, text);
    }
    text.to_string()
}

/// A choice stored at a path (`in_progress` at `plan.needs[<id>].status`), in the interface's
/// language; `None` when the field holds no choice or the key is unknown.
fn choice_words(l: Locale, path: &str, key: &str) -> Option<&'static str> {
    let parts = path_parts(path);
    let (area, field) = (parts.first().copied().unwrap_or_default(), parts.last().copied().unwrap_or_default());
    match (area, field) {
        (_, "urgent" | "lives_with_child") => None,
        ("household", "relationship") => Relationship::from_key(key).map(|c| c.in_locale(l)),
        ("household", "caregiver") => Caregiving::from_key(key).map(|c| c.in_locale(l)),
        ("assessments", "rating") => Rating::from_key(key).map(|c| c.in_locale(l)),
        ("needs" | "services" | "actions", "status") => ItemStatus::from_key(key).map(|c| c.in_locale(l)),
        ("referrals", "status") => ReferralStatus::from_key(key).map(|c| c.in_locale(l)),
        ("checklist", "status") if path.contains("milestones") => {
            MilestoneStatus::from_key(key).map(|c| c.in_locale(l))
        }
        ("checklist", "status") => ChecklistStatus::from_key(key).map(|c| c.in_locale(l)),
        ("status", _) => PlanStatus::from_key(key).map(|c| c.in_locale(l)),
        ("placement", "kind") => PlacementType::from_key(key).map(|c| c.in_locale(l)),
        ("services" | "referrals", "kind") => ServiceType::from_key(key).map(|c| c.in_locale(l)),
        (_, "sex") => Sex::from_key(key).map(|c| c.in_locale(l)),
        (_, "seen_alone") => SeenAlone::from_key(key).map(|c| c.in_locale(l)),
        (_, "child_agrees") => ChildAgreement::from_key(key).map(|c| c.in_locale(l)),
        (_, "determination") => Determination::from_key(key).map(|c| c.in_locale(l)),
        (_, "theme") => Theme::from_key(key).map(|c| c.in_locale(l)),
        (_, "milestone") => Milestone::from_key(key).map(|c| c.in_locale(l)),
        (_, "linked") => LinkedRecord::from_key(key).map(|c| c.in_locale(l)),
        ("consents", "who") => Consenter::from_key(key).map(|c| c.in_locale(l)),
        ("consents", "scope") => ConsentScope::from_key(key).map(|c| c.in_locale(l)),
        ("consents", "decision") => ConsentDecision::from_key(key).map(|c| c.in_locale(l)),
        ("consents", "how") => ConsentWay::from_key(key).map(|c| c.in_locale(l)),
        ("sign_offs", "of") => SignOffOf::from_key(key).map(|c| c.in_locale(l)),
        ("sign_offs", "decision") => SignOffDecision::from_key(key).map(|c| c.in_locale(l)),
        _ => None,
    }
}

fn yes_no(l: Locale, yes: bool) -> String {
    if yes { td_string!(l, vocab.change.yes) } else { td_string!(l, vocab.change.no) }.to_string()
}

/// Where a change in the history was made ("Protection needs: By when — School bullying"), in
/// the interface's language: the place from its path, and the item by its name.
pub fn change_place(l: Locale, change: &FieldChange) -> String {
    if change.path == HANDOVER_NOTE {
        return td_string!(l, vocab.change.handover_note).to_string();
    }
    if change.path == REOPEN_REASON {
        return td_string!(l, vocab.change.reopen_reason).to_string();
    }
    let place = field_place(l, &change.path);
    if change.item.is_null() {
        return place;
    }
    // The item is only pointed at: a long description is written out where it changed.
    format!("{place} — {}", shortened(&item_words(l, &change.item)))
}

/// Text of at most about 60 characters, cut at a word with "…": an item named where it is only
/// pointed at.
pub fn shortened(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        return text.to_string();
    }
    let cut: String = text.chars().take(LIMIT).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > LIMIT / 2).map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// A list item by its stored name ([`history::item_name`]): the worker's words, an ISO date as
/// a date, a catalogue activity by its title in this language.
fn item_words(l: Locale, name: &Value) -> String {
    match name {
        Value::Null => td_string!(l, vocab.change.an_item).to_string(),
        Value::Object(o) if o.contains_key("milestone") => o
            .get("milestone")
            .and_then(Value::as_str)
            .and_then(Milestone::from_key)
            .map_or_else(|| td_string!(l, vocab.change.an_item).to_string(), |m| m.in_locale(l).to_string()),
        Value::Object(o) => {
            let title = o.get("title").and_then(Value::as_str).unwrap_or_default();
            match o.get("activity").and_then(Value::as_str) {
                Some(id) => activity_title(l, id, title),
                None => title.to_string(),
            }
        }
        Value::String(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) => date(l, day),
            Err(_) => text.clone(),
        },
        other => other.to_string(),
    }
}

/// A change's old value in the interface's language.
pub fn change_old(l: Locale, change: &FieldChange) -> String {
    change_value(l, change, &change.old)
}

/// A change's new value in the interface's language.
pub fn change_new(l: Locale, change: &FieldChange) -> String {
    change_value(l, change, &change.new)
}

/// A value as [`FieldChange`] stores it, in the interface's language. The worker's words are kept.
fn change_value(l: Locale, change: &FieldChange, value: &Value) -> String {
    let path = change.path.as_str();
    if path == "checklist.items" {
        if let Some(n) = value.as_u64() {
            return td_string!(l, vocab.change.activities, n).to_string();
        }
    }
    if path == HANDOVER_NOTE || path == REOPEN_REASON {
        return value.as_str().unwrap_or_default().to_string();
    }
    // A visit's follow-up made an action: the action is told in its own section's entry.
    if path.ends_with(".follow_up_action") && !value.is_null() {
        return td_string!(l, vocab.change.an_action).to_string();
    }
    // An item added or removed is named; a plain value in a list (a language) is itself.
    let in_list_of_items = path.ends_with(']')
        && path.rsplit('.').next().and_then(|last| last.split('[').next()).is_some_and(|list| {
            matches!(list, "needs" | "services" | "actions" | "visits" | "referrals" | "items" | "milestones")
        });
    if in_list_of_items {
        return item_words(l, value);
    }
    match value {
        Value::Null => td_string!(l, vocab.change.empty).to_string(),
        Value::Bool(yes) => yes_no(l, *yes),
        Value::Number(n) => n.to_string(),
        Value::Object(o) if o.contains_key("every") => match serde_json::from_value::<VisitFrequency>(value.clone()) {
            Ok(VisitFrequency::EveryNDays(n)) => td_string!(l, vocab.change.every_days, n).to_string(),
            Ok(frequency) => visit_frequency_choice(l, frequency.key()).to_string(),
            Err(_) => td_string!(l, vocab.change.changed).to_string(),
        },
        Value::Object(_) | Value::Array(_) => td_string!(l, vocab.change.changed).to_string(),
        Value::String(text) => {
            if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                return date(l, day);
            }
            choice_words(l, path, text).map_or_else(|| text.clone(), str::to_string)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::closure::ClosureOutcome;
    use crate::domain::handover::HandoverPoint;
    use crate::domain::Case;
    use chrono::Utc;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_history_is_worded_from_its_data_in_each_language() {
        use chrono::TimeZone;
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let before = Case::new(uuid::Uuid::new_v4(), "HW-1".into(), now);
        let mut after = before.clone();
        after.plan.worker.role = "Psychologist".into();
        after.plan.status = PlanStatus::Active;
        after.plan.services.push(crate::domain::Service { description: "Clinic".into(), ..Default::default() });
        after.set_pathway(Some(PlacementType::Kinship));
        let changes = history::diff(&before, &after);
        for c in &changes {
            assert!(!change_place(Locale::es, c).is_empty());
        }
        let role = changes.iter().find(|c| c.path == "plan.worker.role").unwrap();
        assert_eq!(change_place(Locale::en, role), "Case worker: Role");
        assert_eq!(change_place(Locale::fr, role), "Référent du dossier : Fonction");
        assert_eq!(change_old(Locale::fr, role), "(vide)");
        let status = changes.iter().find(|c| c.path == "plan.status").unwrap();
        assert_eq!(change_new(Locale::es, status), "Activo");
        assert_eq!(change_new(Locale::en, status), "Active");
        let proposed = changes.iter().find(|c| c.path == "checklist.items").unwrap();
        assert!(change_new(Locale::es, proposed).ends_with(" actividades"));
        let service = changes.iter().find(|c| c.path.starts_with("plan.services[")).unwrap();
        assert_eq!(change_new(Locale::fr, service), "Clinic");
        assert_eq!(field_place(Locale::es, "plan.needs[x].by_when"), "Necesidades de protección: Para cuándo");
        assert_eq!(field_value(Locale::es, "plan.needs[x].status", "in progress"), "En curso");

        let mut case = before.clone();
        case.close(ClosureOutcome::Kinship, "Stable with her aunt", now.date_naive(), "", now).unwrap();
        let closed = case.history.0.last().unwrap();
        assert_eq!(
            history_event(Locale::en, closed.event.as_ref().unwrap()),
            "Case closed: Kinship care. Stable with her aunt"
        );
        assert_eq!(
            history_event(Locale::fr, closed.event.as_ref().unwrap()),
            "Dossier clôturé : Prise en charge par la famille élargie. Stable with her aunt"
        );
        assert_eq!(history_by(Locale::es, closed), "Usuario sin nombre");
        let handed =
            Event::HandedOver { from: "Ana".into(), to: "Marc".into(), not_done: vec![HandoverPoint::PlanReviewed] };
        assert_eq!(
            history_event(Locale::es, &handed),
            "Traspaso de Ana a Marc (pendiente: se revisó el plan con la nueva persona responsable del caso)"
        );
        assert_eq!(
            history_event(Locale::en, &handed),
            "Handed over from Ana to Marc (not done: the plan was reviewed with the new case worker)"
        );
        // A milestone by its name, an item's long name pointed at briefly, an action by words.
        let reached = FieldChange {
            path: "checklist.milestones[legal_steps].status".into(),
            item: serde_json::json!({ "milestone": "legal_steps" }),
            kind: history::ChangeKind::Changed,
            old: "not_reached".into(),
            new: "reached".into(),
        };
        assert_eq!(change_place(Locale::en, &reached), "Checklist: Status — Legal steps complete");
        assert_eq!(change_new(Locale::en, &reached), "Reached");
        let long =
            "Weekly trauma-focused counselling with the same counsellor at the clinic near school, after classes";
        let provider = FieldChange {
            path: "plan.services[x].provider".into(),
            item: long.into(),
            kind: history::ChangeKind::Changed,
            old: Value::Null,
            new: "Clínica".into(),
        };
        assert_eq!(
            change_place(Locale::en, &provider),
            "Services: Provider — Weekly trauma-focused counselling with the same counsellor…"
        );
        let action = FieldChange {
            path: "plan.monitoring.visits[x].follow_up_action".into(),
            item: "2026-12-07".into(),
            kind: history::ChangeKind::Changed,
            old: Value::Null,
            new: "1f61934c-8b7e-4c1a-9d55-0a1b2c3d4e5f".into(),
        };
        assert_eq!(change_new(Locale::es, &action), "una acción del plan");
        assert_eq!(change_place(Locale::en, &action), "Monitoring: Follow up action — 7 Dec 2026");
        let unknown = Event::Unknown { text: "Something newer".into() };
        assert_eq!(history_event(Locale::es, &unknown), "Something newer");
    }
}
