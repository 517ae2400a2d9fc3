//! Two tabs editing one case at once: what each changed since the version both started from
//! is combined, field by field and list item by list item. Only a field both changed
//! differently is a conflict, and the worker chooses whose value stands.

use serde_json::{Map, Value};

use super::paths::{place, shown};
use super::Case;

/// Whose value stands where both tabs changed the same field differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    Mine,
    Theirs,
}

/// The combined case, and where both sides changed the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    pub case: Case,
    pub conflicts: Vec<Conflict>,
}

/// One field both sides changed differently: where (as `plan.worker.role`,
/// `plan.needs[<id>].need`) and the two values as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: String,
    pub mine: String,
    pub theirs: String,
}

impl Conflict {
    /// "Case worker: Role", "Protection needs: By when".
    pub fn place(&self) -> String {
        place(&self.path)
    }
}

/// Combines `mine` (this tab's unsaved edit) and `theirs` (what another tab saved), both made
/// from `base`. Bookkeeping (revision, version, exchange history) is taken from `theirs`, the
/// stored case the result will replace.
///
/// Should the pieces not make a readable case, the whole case is one conflict: the side the
/// worker prefers stands whole.
pub fn combine(base: &Case, mine: &Case, theirs: &Case, prefer: Prefer) -> Combined {
    let combined = combine_fields(base, mine, theirs, prefer);
    let (mut case, conflicts) = match combined {
        Some(found) => found,
        None => {
            let whole =
                Conflict { path: String::new(), mine: "your version".into(), theirs: "the other tab's version".into() };
            (if prefer == Prefer::Mine { mine.clone() } else { theirs.clone() }, vec![whole])
        }
    };
    case.revision = theirs.revision;
    case.version = theirs.version;
    case.updated_at = theirs.updated_at;
    case.exchanged = theirs.exchanged.clone();
    Combined { case, conflicts }
}

fn combine_fields(base: &Case, mine: &Case, theirs: &Case, prefer: Prefer) -> Option<(Case, Vec<Conflict>)> {
    let (base_v, mine_v, theirs_v) =
        (serde_json::to_value(base).ok()?, serde_json::to_value(mine).ok()?, serde_json::to_value(theirs).ok()?);
    let mut conflicts = Vec::new();
    let merged = merge(Some(&base_v), Some(&mine_v), Some(&theirs_v), prefer, "", &mut conflicts)?;
    let mut case: Case = serde_json::from_value(merged).ok()?;
    // The same catalogue activity added in both tabs is one activity.
    let mut seen = std::collections::HashSet::new();
    case.checklist.items.retain(|item| item.activity.as_ref().is_none_or(|a| seen.insert(a.clone())));
    conflicts.retain(|c| !BOOKKEEPING.contains(&c.path.as_str()));
    Some((case, conflicts))
}

const BOOKKEEPING: [&str; 4] = ["revision", "version", "updated_at", "exchanged"];

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// None means "absent" (a key or list item that is not there).
fn merge(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
    prefer: Prefer,
    path: &str,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    if mine == theirs {
        return mine.cloned();
    }
    if mine == base {
        return theirs.cloned();
    }
    if theirs == base {
        return mine.cloned();
    }
    match (base, mine, theirs) {
        // A value made of parts that only mean something together ("every" N "days").
        (_, Some(Value::Object(m)), Some(Value::Object(t)))
            if ATOMIC.iter().any(|k| m.contains_key(*k) || t.contains_key(*k)) =>
        {
            conflicts.push(Conflict { path: path.to_string(), mine: shown(mine), theirs: shown(theirs) });
            if prefer == Prefer::Mine {
                mine.cloned()
            } else {
                theirs.cloned()
            }
        }
        (base, Some(Value::Object(m)), Some(Value::Object(t))) => {
            let b = base.and_then(Value::as_object);
            let mut out = Map::new();
            let keys = t.keys().chain(m.keys().filter(|k| !t.contains_key(*k)));
            for key in keys.cloned().collect::<Vec<_>>() {
                let merged =
                    merge(b.and_then(|b| b.get(&key)), m.get(&key), t.get(&key), prefer, &join(path, &key), conflicts);
                if let Some(value) = merged {
                    out.insert(key, value);
                }
            }
            Some(Value::Object(out))
        }
        (base, Some(Value::Array(m)), Some(Value::Array(t)))
            if list_key(base, m, t).is_some() || (plain(m) && plain(t)) =>
        {
            let empty = Vec::new();
            let b = base.and_then(Value::as_array).unwrap_or(&empty);
            Some(Value::Array(match list_key(base, m, t) {
                Some(key) => merge_items(key, b, m, t, prefer, path, conflicts),
                None => merge_set(b, m, t),
            }))
        }
        _ => {
            conflicts.push(Conflict { path: path.to_string(), mine: shown(mine), theirs: shown(theirs) });
            match prefer {
                Prefer::Mine => mine.cloned(),
                Prefer::Theirs => theirs.cloned(),
            }
        }
    }
}

/// Keys of objects that are one value, not fields to combine one by one.
const ATOMIC: [&str; 1] = ["every"];

/// What identifies the items of a list: `id` (needs, services, actions, referrals, checklist
/// items) or `milestone` (the five milestone records). None for a list of plain values, or an
/// empty one.
fn key_of(items: &[Value]) -> Option<&'static str> {
    ["id", "milestone"]
        .into_iter()
        .find(|key| !items.is_empty() && items.iter().all(|item| item.get(*key).is_some_and(|v| !v.is_null())))
}

/// The key all three versions of a list agree on (an empty list agrees with any).
fn list_key(base: Option<&Value>, mine: &[Value], theirs: &[Value]) -> Option<&'static str> {
    let empty = Vec::new();
    let lists = [base.and_then(Value::as_array).map_or(&empty[..], Vec::as_slice), mine, theirs];
    let key = lists.iter().find_map(|l| key_of(l))?;
    lists.iter().all(|l| l.is_empty() || key_of(l) == Some(key)).then_some(key)
}

/// A list of plain values (the dismissed activities): kept as a set.
fn plain(items: &[Value]) -> bool {
    items.iter().all(|item| !item.is_object() && !item.is_array())
}

/// What either side added, less what either side removed.
fn merge_set(base: &[Value], mine: &[Value], theirs: &[Value]) -> Vec<Value> {
    let removed = |side: &[Value]| base.iter().filter(|v| !side.contains(v)).cloned().collect::<Vec<_>>();
    let (gone_here, gone_there) = (removed(mine), removed(theirs));
    let mut out: Vec<Value> = Vec::new();
    for value in theirs.iter().chain(mine) {
        if !out.contains(value) && !gone_here.contains(value) && !gone_there.contains(value) {
            out.push(value.clone());
        }
    }
    out
}

fn find<'a>(key: &str, items: &'a [Value], id: &Value) -> Option<&'a Value> {
    items.iter().find(|item| item.get(key) == Some(id))
}

/// Items in the other tab's order, then items added here. An item removed on one side and
/// changed on the other is kept: a removal never silently drops someone's edit.
fn merge_items(
    key: &str,
    base: &[Value],
    mine: &[Value],
    theirs: &[Value],
    prefer: Prefer,
    path: &str,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Value> {
    let mut out = Vec::new();
    let ids =
        theirs.iter().chain(mine.iter().filter(|m| find(key, theirs, &m[key]).is_none())).map(|item| item[key].clone());
    for id in ids.collect::<Vec<_>>() {
        let label = format!("{path}[{}]", id.as_str().map_or_else(|| id.to_string(), str::to_string));
        let (b, m, t) = (find(key, base, &id), find(key, mine, &id), find(key, theirs, &id));
        let merged = match (m, t) {
            (Some(_), Some(_)) => merge(b, m, t, prefer, &label, conflicts),
            // Removed on one side: gone if the other side left it as it was.
            (None, Some(t)) if b.is_some() => (Some(t) != b).then(|| t.clone()),
            (Some(m), None) if b.is_some() => (Some(m) != b).then(|| m.clone()),
            // Added on one side.
            (m, t) => m.or(t).cloned(),
        };
        out.extend(merged);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ItemList, ProtectionNeed};
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn base() -> Case {
        let mut case =
            Case::new(Uuid::from_u128(1), "HW-2026-0001".into(), Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap());
        case.plan.worker.name = "Ana".into();
        case
    }

    fn need(case: &mut Case, text: &str) -> Uuid {
        let id = Uuid::new_v4();
        let item = ProtectionNeed { id, need: text.into(), ..ProtectionNeed::default() };
        case.plan.needs.push(item);
        id
    }

    fn needs(case: &Case) -> Vec<String> {
        case.plan.needs.iter().map(|n| n.need.clone()).collect()
    }

    #[test]
    fn different_fields_combine_without_conflict() {
        let base = base();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.plan.worker.role = "Psychologist".into();
        theirs.plan.worker.organisation = "Casa Esperanza".into();
        theirs.revision = 7;
        let combined = combine(&base, &mine, &theirs, Prefer::Mine);
        assert_eq!(combined.conflicts, vec![]);
        assert_eq!(combined.case.plan.worker.role, "Psychologist");
        assert_eq!(combined.case.plan.worker.organisation, "Casa Esperanza");
        assert_eq!(combined.case.revision, 7, "bookkeeping follows the stored case");
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict_decided_by_the_worker() {
        let base = base();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.plan.worker.role = "Psychologist".into();
        theirs.plan.worker.role = "Lawyer".into();
        let kept = combine(&base, &mine, &theirs, Prefer::Mine);
        assert_eq!(
            kept.conflicts,
            vec![Conflict { path: "plan.worker.role".into(), mine: "Psychologist".into(), theirs: "Lawyer".into() }]
        );
        assert_eq!(kept.conflicts[0].place(), "Case worker: Role");
        assert_eq!(kept.case.plan.worker.role, "Psychologist");
        let taken = combine(&base, &mine, &theirs, Prefer::Theirs);
        assert_eq!(taken.case.plan.worker.role, "Lawyer");
    }

    #[test]
    fn milestones_dismissed_activities_and_duplicate_activities_combine() {
        use crate::domain::checklist::MilestoneStatus;
        use crate::domain::PlacementType;
        let mut base = base();
        base.set_pathway(Some(PlacementType::Kinship));
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let first = base.checklist.milestones[0].milestone;
        let last = base.checklist.milestones[4].milestone;
        mine.checklist.milestones[0].status = MilestoneStatus::Reached;
        theirs.checklist.milestones[4].evidence = "Court order filed".into();
        let removed_here = mine.checklist.items[0].id;
        mine.checklist.remove(removed_here);
        let removed_there = theirs.checklist.items[1].id;
        theirs.checklist.remove(removed_there);
        let combined = combine(&base, &mine, &theirs, Prefer::Mine);
        assert_eq!(combined.conflicts, vec![]);
        let c = &combined.case.checklist;
        assert_eq!(c.milestone(first).status, MilestoneStatus::Reached);
        assert_eq!(c.milestone(last).evidence, "Court order filed");
        assert!(c.items.iter().all(|i| i.id != removed_here && i.id != removed_there));
        assert_eq!(c.dismissed.len(), 2, "both removals stay dismissed: {:?}", c.dismissed);
    }

    #[test]
    fn a_visit_frequency_is_one_value() {
        use crate::domain::VisitFrequency;
        let base = base();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.plan.monitoring.frequency = Some(VisitFrequency::EveryNDays(10));
        theirs.plan.monitoring.frequency = Some(VisitFrequency::Monthly);
        let taken = combine(&base, &mine, &theirs, Prefer::Theirs);
        assert_eq!(taken.case.plan.monitoring.frequency, Some(VisitFrequency::Monthly));
        assert_eq!(
            (taken.conflicts[0].mine.as_str(), taken.conflicts[0].theirs.as_str()),
            ("every 10 days", "monthly")
        );
    }

    #[test]
    fn conflicts_are_named_for_people() {
        let at = |path: &str| Conflict { path: path.into(), mine: String::new(), theirs: String::new() }.place();
        assert_eq!(at("plan.needs[1f0c].by_when"), "Protection needs: By when");
        assert_eq!(at("checklist.items[1f0c].status"), "Checklist: Status");
        assert_eq!(at("case_number"), "Case number");
    }

    #[test]
    fn items_added_on_both_sides_are_all_kept() {
        let mut base = base();
        need(&mut base, "school");
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        need(&mut mine, "health");
        need(&mut theirs, "housing");
        let combined = combine(&base, &mine, &theirs, Prefer::Mine);
        assert!(combined.conflicts.is_empty());
        assert_eq!(needs(&combined.case), ["school", "housing", "health"]);
    }

    #[test]
    fn a_removal_wins_over_no_change_but_not_over_an_edit() {
        let mut base = base();
        let school = need(&mut base, "school");
        let health = need(&mut base, "health");
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.plan.needs = ItemList::default();
        mine.plan.needs.push(base.plan.needs.get(health).unwrap().clone());
        theirs.plan.needs.update(health, |n| n.need = "health, urgent".into());
        // school: removed here, untouched there → gone. health: kept here, edited there → edited.
        let combined = combine(&base, &mine, &theirs, Prefer::Mine);
        assert_eq!(needs(&combined.case), ["health, urgent"]);
        assert!(combined.case.plan.needs.get(school).is_none());

        // Removed there, edited here: the edit is kept.
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.plan.needs.update(school, |n| n.need = "school, enrolled".into());
        theirs.plan.needs = ItemList::default();
        let combined = combine(&base, &mine, &theirs, Prefer::Mine);
        assert_eq!(needs(&combined.case), ["school, enrolled"]);
    }
}
