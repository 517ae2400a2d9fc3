//! Places and values inside a stored case, named the way a case worker reads them. Shared by
//! the two-tab merge and the case history, which both work on the case as JSON.

use serde_json::Value;

/// The first part of a path, naming the plan section or `checklist`: `plan.needs[1].need` → `needs`.
pub fn area_key(path: &str) -> String {
    parts(path).into_iter().next().unwrap_or_default()
}

fn parts(path: &str) -> Vec<String> {
    path.split('.')
        .map(|p| p.split('[').next().unwrap_or(p).replace('_', " "))
        .filter(|p| !p.is_empty() && p != "plan")
        .collect()
}

/// Where a path points, as the worker reads it: `plan.worker.role` → "Case worker: Role",
/// `plan.needs[<id>].by_when` → "Protection needs: By when".
pub fn place(path: &str) -> String {
    let parts = parts(path);
    let Some((first, rest)) = parts.split_first() else { return String::new() };
    let area = match first.as_str() {
        "worker" => "Case worker",
        "child" => "Child",
        "household" => "Household and family",
        "assessments" => "Assessment",
        "placement" => "Placement",
        "needs" => "Protection needs",
        "services" => "Services",
        "actions" => "Other actions",
        "monitoring" => "Monitoring",
        "safety plan" => "Safety plan",
        "participation" => "Child participation",
        "consents" => "Consent and data sharing",
        "sign offs" => "Supervisor review",
        "referrals" => "Referrals",
        "best interests" => "Best interests",
        "checklist" => "Checklist",
        other => other,
    };
    // An assessment's change names its domain: "Assessment: Health: Rating".
    if let ("assessments", [domain, field, ..]) = (first.as_str(), rest) {
        if let Some(domain) = <super::care_domain::CareDomain as super::choices::Choice>::from_key(domain) {
            use super::choices::Choice;
            return format!("{area}: {}: {}", domain.label(), capitalise(field));
        }
    }
    let field = rest.iter().rfind(|p| p.as_str() != "items").map(|f| capitalise(f));
    match field {
        Some(field) => format!("{area}: {field}"),
        None => capitalise(area),
    }
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Stored dates and choice keys as the form shows them: "2026-11-20" → "20 Nov 2026",
/// "in_progress" → "in progress".
pub fn readable(text: &str) -> String {
    if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return date.format("%-d %b %Y").to_string();
    }
    if text.contains('_') && text.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return text.replace('_', " ");
    }
    text.to_string()
}

/// A value as the worker reads it in a conflict or the history.
pub fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(empty)".into(),
        Some(Value::String(s)) if s.is_empty() => "(empty)".into(),
        Some(Value::String(s)) => readable(s),
        Some(Value::Bool(true)) => "yes".into(),
        Some(Value::Bool(false)) => "no".into(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Object(o)) if o.contains_key("every") => {
            let every = o.get("every").and_then(Value::as_str).map(readable).unwrap_or_default();
            match o.get("days").and_then(Value::as_u64) {
                Some(days) => format!("every {days} days"),
                None => every,
            }
        }
        Some(_) => "(changed)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_is_named_as_the_worker_reads_it_and_an_assessment_s_by_its_domain() {
        assert_eq!(place("plan.worker.role"), "Case worker: Role");
        assert_eq!(place("plan.household[1].lives_with_child"), "Household and family: Lives with child");
        assert_eq!(place("plan.assessments[1].health.rating"), "Assessment: Health: Rating");
        assert_eq!(place("plan.assessments[1].date"), "Assessment: Date");
    }
}
