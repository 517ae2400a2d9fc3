//! Filtering and sorting the case list. Works on summaries only, so it stays quick with
//! thousands of cases.

use std::cmp::Ordering;

use super::case::CaseSummary;
use super::choices::Choice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Most pressing first: overdue and soonest due at the top, nothing due at the bottom.
    #[default]
    NextDue,
    CaseNumber,
    ChildName,
    RecentlyChanged,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [Self::NextDue, Self::CaseNumber, Self::ChildName, Self::RecentlyChanged];

    pub fn key(self) -> &'static str {
        match self {
            Self::NextDue => "next_due",
            Self::CaseNumber => "case_number",
            Self::ChildName => "child_name",
            Self::RecentlyChanged => "recently_changed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NextDue => "Next due first",
            Self::CaseNumber => "Case number",
            Self::ChildName => "Child's name",
            Self::RecentlyChanged => "Recently changed",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Lower-cased words of the query; a case matches when every word appears in one of its columns.
pub struct Filter {
    words: Vec<String>,
}

impl Filter {
    pub fn new(query: &str) -> Self {
        Self { words: query.split_whitespace().map(str::to_lowercase).collect() }
    }

    pub fn matches(&self, case: &CaseSummary) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = format!(
            "{} {} {} {} {}",
            case.case_number,
            case.child_name,
            case.worker_name,
            case.placement.map(|p| p.label()).unwrap_or_default(),
            case.status.label()
        )
        .to_lowercase();
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

fn text_order(a: &str, b: &str) -> Ordering {
    // Empty names sort last rather than first, where they would hide the real ones.
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

pub fn sort(cases: &mut [CaseSummary], order: SortOrder) {
    match order {
        SortOrder::NextDue => cases.sort_by(|a, b| match (&a.next_due, &b.next_due) {
            (Some(x), Some(y)) => x.date.cmp(&y.date).then_with(|| text_order(&a.case_number, &b.case_number)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => text_order(&a.case_number, &b.case_number),
        }),
        SortOrder::CaseNumber => cases.sort_by(|a, b| text_order(&a.case_number, &b.case_number)),
        SortOrder::ChildName => cases.sort_by(|a, b| text_order(&a.child_name, &b.child_name).then_with(|| text_order(&a.case_number, &b.case_number))),
        SortOrder::RecentlyChanged => cases.sort_by(|a, b| b.updated_at.cmp(&a.updated_at)),
    }
}

/// The rows to show: those matching the filter, in the chosen order.
pub fn visible(cases: &[CaseSummary], query: &str, order: SortOrder) -> Vec<CaseSummary> {
    let filter = Filter::new(query);
    let mut rows: Vec<CaseSummary> = cases.iter().filter(|c| filter.matches(c)).cloned().collect();
    sort(&mut rows, order);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Case, DueItem, PlacementType};
    use chrono::{Duration, Utc};
    use uuid::Uuid;

    fn summary(number: &str, child: &str, worker: &str, due: Option<&str>) -> CaseSummary {
        let mut case = Case::new(Uuid::new_v4(), number.into(), Utc::now());
        case.plan.child.name = child.into();
        case.plan.worker.name = worker.into();
        case.plan.placement.kind = Some(PlacementType::Kinship);
        let mut s = case.summary();
        s.next_due = due.map(|d| DueItem::new("x".into(), d.parse().unwrap()));
        s
    }

    fn numbers(rows: &[CaseSummary]) -> Vec<&str> {
        rows.iter().map(|r| r.case_number.as_str()).collect()
    }

    #[test]
    fn filter_matches_every_word_in_any_column_ignoring_case() {
        let cases = [summary("A-1", "Maya López", "Ana Ruiz", None), summary("A-2", "Tomás", "Luis Pérez", None)];
        assert_eq!(numbers(&visible(&cases, "maya", SortOrder::CaseNumber)), ["A-1"]);
        assert_eq!(numbers(&visible(&cases, "LUIS a-2", SortOrder::CaseNumber)), ["A-2"]);
        assert_eq!(numbers(&visible(&cases, "kinship", SortOrder::CaseNumber)), ["A-1", "A-2"]);
        assert!(visible(&cases, "ana luis", SortOrder::CaseNumber).is_empty());
        assert_eq!(visible(&cases, "  ", SortOrder::CaseNumber).len(), 2);
    }

    #[test]
    fn next_due_order_puts_undated_cases_last() {
        let cases = [summary("A-1", "", "", None), summary("A-2", "", "", Some("2026-12-01")), summary("A-3", "", "", Some("2026-11-01"))];
        assert_eq!(numbers(&visible(&cases, "", SortOrder::NextDue)), ["A-3", "A-2", "A-1"]);
    }

    #[test]
    fn name_order_puts_unnamed_last_and_recent_order_newest_first() {
        let mut cases = vec![summary("A-1", "", "", None), summary("A-2", "zoe", "", None), summary("A-3", "Ana", "", None)];
        assert_eq!(numbers(&visible(&cases, "", SortOrder::ChildName)), ["A-3", "A-2", "A-1"]);
        cases[0].updated_at += Duration::minutes(5);
        assert_eq!(numbers(&visible(&cases, "", SortOrder::RecentlyChanged))[0], "A-1");
        assert_eq!(SortOrder::from_key("child_name"), Some(SortOrder::ChildName));
    }
}
