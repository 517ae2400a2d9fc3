//! The history and the two-tab merge: history areas and events, field names, change places and values.

use chrono::NaiveDate;

use super::catalogue::stored_checklist_title;
use super::plan::{handover_points, visit_frequency_choice};
use crate::domain::checklist::{ChecklistStatus, Milestone, MilestoneStatus, Theme};
use crate::domain::closure::ClosureOutcome;
use crate::domain::handover;
use crate::domain::history::{self, FieldChange, HistoryEntry};
use crate::domain::monitoring::{SeenAlone, VisitFrequency};
use crate::domain::paths;
use crate::domain::section::Section;
use crate::domain::{
    ChildAgreement, Choice, Determination, ItemStatus, PlacementType, PlanStatus, ReferralStatus, ServiceType, Sex,
};
use crate::i18n::{date, td_string, Locale, Translate};

/// The title of a history entry's area: a plan section's title, or the checklist's.
pub fn history_area(l: Locale, entry: &HistoryEntry) -> &'static str {
    if entry.area == history::CHECKLIST {
        return td_string!(l, vocab.history_area.checklist);
    }
    Section::from_slug(&entry.area).unwrap_or(Section::Case).in_locale(l)
}

/// The sentence of a history event ("Case created", "Case closed: …", "Handed over from … to
/// …"), stored in English, in the interface's language. An event this build does not know
/// reads as stored.
pub fn history_event(l: Locale, entry: &HistoryEntry) -> String {
    let text = entry.event.as_str();
    if l == Locale::en {
        return text.to_string();
    }
    match text {
        "Case created" => return td_string!(l, vocab.event.created).to_string(),
        "Case reopened" => return td_string!(l, vocab.event.reopened).to_string(),
        _ => {}
    }
    if let Some(rest) = text.strip_prefix("Case closed: ") {
        for &outcome in ClosureOutcome::ALL {
            if let Some(reason) = rest.strip_prefix(outcome.label()).and_then(|r| r.strip_prefix(". ")) {
                return td_string!(l, vocab.event.closed, outcome = outcome.in_locale(l), reason).to_string();
            }
        }
    }
    if let Some(rest) = text.strip_prefix("Handed over from ") {
        let (names, not_done) = match rest.strip_suffix(')').and_then(|r| r.split_once(" (not done: ")) {
            Some((names, points)) => (names, Some(points)),
            None => (rest, None),
        };
        if let Some((from, to)) = names.split_once(" to ") {
            return match not_done {
                None => td_string!(l, vocab.event.handed_over, from, to).to_string(),
                Some(points) => {
                    let ours = handover_points(l);
                    let points = points
                        .split("; ")
                        .map(|p| {
                            handover::CHECKLIST
                                .iter()
                                .position(|c| c.to_lowercase() == p)
                                .map_or_else(|| p.to_string(), |i| ours[i].to_lowercase())
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    td_string!(l, vocab.event.handed_over_not_done, from, to, points).to_string()
                }
            };
        }
    }
    text.to_string()
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
        "placement" => td_string!(l, vocab.area.placement).to_string(),
        "needs" => td_string!(l, vocab.area.needs).to_string(),
        "services" => td_string!(l, vocab.area.services).to_string(),
        "actions" => td_string!(l, vocab.area.actions).to_string(),
        "monitoring" => td_string!(l, vocab.area.monitoring).to_string(),
        "participation" => td_string!(l, vocab.area.participation).to_string(),
        "referrals" => td_string!(l, vocab.area.referrals).to_string(),
        "best_interests" => td_string!(l, vocab.area.best_interests).to_string(),
        "checklist" => td_string!(l, vocab.area.checklist).to_string(),
        other => field_name(l, other).map_or_else(|| as_words(other), str::to_string),
    };
    match rest.iter().rfind(|p| **p != "items") {
        Some(field) => td_string!(
            l,
            vocab.change.place,
            area,
            field = field_name(l, field).map_or_else(|| as_words(field), str::to_string)
        )
        .to_string(),
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
    if let Some(n) =
        text.strip_prefix("every ").and_then(|r| r.strip_suffix(" days")).and_then(|n| n.parse::<u32>().ok())
    {
        return td_string!(l, vocab.change.every_days, n).to_string();
    }
    let key = text.replace(' ', "_");
    let choice: Option<&'static str> = match (area, field) {
        (_, "urgent") => match text {
            "yes" => Some(td_string!(l, vocab.change.yes)),
            "no" => Some(td_string!(l, vocab.change.no)),
            _ => None,
        },
        ("needs" | "services" | "actions", "status") => ItemStatus::from_key(&key).map(|c| c.in_locale(l)),
        ("referrals", "status") => ReferralStatus::from_key(&key).map(|c| c.in_locale(l)),
        ("checklist", "status") if path.contains("milestones") => {
            MilestoneStatus::from_key(&key).map(|c| c.in_locale(l))
        }
        ("checklist", "status") => ChecklistStatus::from_key(&key).map(|c| c.in_locale(l)),
        ("status", _) => PlanStatus::from_key(&key).map(|c| c.in_locale(l)),
        ("placement", "kind") => PlacementType::from_key(&key).map(|c| c.in_locale(l)),
        ("services", "kind") => ServiceType::from_key(&key).map(|c| c.in_locale(l)),
        (_, "sex") => Sex::from_key(&key).map(|c| c.in_locale(l)),
        (_, "seen_alone") => SeenAlone::from_key(&key).map(|c| c.in_locale(l)),
        (_, "child_agrees") => ChildAgreement::from_key(&key).map(|c| c.in_locale(l)),
        (_, "determination") => Determination::from_key(&key).map(|c| c.in_locale(l)),
        (_, "theme") => Theme::from_key(&key).map(|c| c.in_locale(l)),
        (_, "milestone") => Milestone::from_key(&key).map(|c| c.in_locale(l)),
        (_, "frequency") => {
            VisitFrequency::CHOICES.iter().find(|(k, _)| *k == key).map(|(k, _)| visit_frequency_choice(l, k))
        }
        ("checklist", _) => return stored_checklist_title(l, text),
        _ => None,
    };
    choice.map_or_else(|| text.to_string(), str::to_string)
}

/// Where a change in the history was made ("Protection needs: By when — School bullying"), in
/// the interface's language.
pub fn change_place(l: Locale, change: &FieldChange) -> String {
    if l == Locale::en {
        return change.what.clone();
    }
    if change.path == "handover.note" {
        return td_string!(l, vocab.change.handover_note).to_string();
    }
    let english = paths::place(&change.path);
    let place = field_place(l, &change.path);
    match change.what.strip_prefix(english.as_str()).and_then(|rest| rest.strip_prefix(" — ")) {
        // The item the field belongs to, named by its main text.
        Some(name) => {
            let item_path = change.path.find(']').map_or(change.path.as_str(), |end| &change.path[..=end]);
            format!("{place} — {}", field_value(l, item_path, name))
        }
        None => place,
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

fn change_value(l: Locale, change: &FieldChange, text: &str) -> String {
    if l != Locale::en && change.path == "checklist.items" {
        if let Some(n) = text.strip_suffix(" activities").and_then(|n| n.parse::<usize>().ok()) {
            return td_string!(l, vocab.change.activities, n).to_string();
        }
    }
    if change.path == "handover.note" {
        return text.to_string();
    }
    field_value(l, &change.path, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Case;
    use chrono::Utc;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_history_reads_in_english_as_stored_and_is_translated_from_it() {
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
            assert_eq!(change_place(Locale::en, c), c.what);
            assert_eq!(change_old(Locale::en, c), c.old);
            assert_eq!(change_new(Locale::en, c), c.new);
            assert!(!change_place(Locale::es, c).is_empty());
        }
        let role = changes.iter().find(|c| c.path == "plan.worker.role").unwrap();
        assert_eq!(change_place(Locale::fr, role), "Référent du dossier : Fonction");
        assert_eq!(change_old(Locale::fr, role), "(vide)");
        let status = changes.iter().find(|c| c.path == "plan.status").unwrap();
        assert_eq!(change_new(Locale::es, status), "Activo");
        let proposed = changes.iter().find(|c| c.path == "checklist.items").unwrap();
        assert!(change_new(Locale::es, proposed).ends_with(" actividades"));
        for path in [
            "plan.worker.role",
            "plan.needs[x].by_when",
            "checklist.items[y].status",
            "case_number",
            "plan.status",
            "checklist.milestones[placed].evidence",
        ] {
            assert_eq!(field_place(Locale::en, path), paths::place(path));
        }
        assert_eq!(field_place(Locale::es, "plan.needs[x].by_when"), "Necesidades de protección: Para cuándo");
        assert_eq!(field_value(Locale::es, "plan.needs[x].status", "in progress"), "En curso");
        assert_eq!(field_value(Locale::en, "plan.needs[x].status", "in progress"), "in progress");

        let mut case = before.clone();
        case.close(ClosureOutcome::Kinship, "Stable with her aunt", now.date_naive(), "Ana", now).unwrap();
        let closed = case.history.0.last().unwrap();
        assert_eq!(history_event(Locale::en, closed), closed.event);
        assert_eq!(
            history_event(Locale::fr, closed),
            "Dossier clôturé : Prise en charge par la famille élargie. Stable with her aunt"
        );
        let handed = HistoryEntry::event(
            now,
            "Ana",
            "worker",
            "Handed over from Ana to Marc (not done: the plan was reviewed with the new case worker)",
        );
        assert_eq!(
            history_event(Locale::es, &handed),
            "Traspaso de Ana a Marc (pendiente: se revisó el plan con la nueva persona responsable del caso)"
        );
        let unknown = HistoryEntry::event(now, "Ana", "case", "Something newer");
        assert_eq!(history_event(Locale::es, &unknown), "Something newer");
    }
}
