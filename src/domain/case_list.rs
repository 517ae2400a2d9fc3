//! Filtering and sorting the case list. Works on summaries only, so it stays quick with
//! thousands of cases.

use std::cmp::Ordering;
use std::sync::Arc;

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

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Lower case without accents, so "tomas" finds "Tomás" and "LOPEZ" finds "López": workers
/// type quickly, often on keyboards without their language's accents.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(&mut folded, text);
    folded
}

fn fold_into(folded: &mut String, text: &str) {
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            // Accents typed as separate combining marks.
            '\u{0300}'..='\u{036f}' => {}
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => folded.push('a'),
            'ç' | 'ć' | 'č' => folded.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => folded.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => folded.push('i'),
            'ñ' | 'ń' | 'ň' => folded.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => folded.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => folded.push('u'),
            'ý' | 'ÿ' => folded.push('y'),
            'š' | 'ś' => folded.push('s'),
            'ž' | 'ź' | 'ż' => folded.push('z'),
            'ł' => folded.push('l'),
            'ș' | 'ş' => folded.push('s'),
            'ț' | 'ţ' => folded.push('t'),
            'ğ' => folded.push('g'),
            'ı' => folded.push('i'),
            'đ' => folded.push('d'),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            'ß' => folded.push_str("ss"),
            other => folded.push(other),
        }
    }
}

/// The case list, prepared once so that each keystroke in the filter only compares text: the
/// folded search text and sort keys of every case are made when the list is read, and sorting
/// happens when the order changes, not on every keystroke.
pub struct CaseIndex {
    /// Shared with the page that read them, so ten thousand summaries are never copied.
    summaries: Arc<[CaseSummary]>,
    entries: Vec<Entry>,
}

struct Entry {
    /// Every column the filter looks at, folded.
    haystack: String,
    number_key: SortKey,
    child_key: SortKey,
}

impl CaseIndex {
    pub fn new(cases: impl Into<Arc<[CaseSummary]>>) -> Self {
        Self::with_words(cases, |_| String::new())
    }

    /// Like [`new`](Self::new), each case also found by the `words` given for it: the row's
    /// texts in the interface's language, when that is not English.
    pub fn with_words(cases: impl Into<Arc<[CaseSummary]>>, words: impl Fn(&CaseSummary) -> String) -> Self {
        let summaries = cases.into();
        let entries = summaries
            .iter()
            .map(|summary| {
                // What the row shows, so typing what is on screen finds it.
                let mut haystack = String::with_capacity(160);
                for text in [
                    summary.display_number(),
                    &summary.child_name,
                    &summary.worker_name,
                    summary.placement_label(),
                    summary.status.label(),
                    &words(summary),
                ] {
                    fold_into(&mut haystack, text);
                    haystack.push(' ');
                }
                Entry {
                    haystack,
                    number_key: SortKey::of(summary.case_number.trim()),
                    child_key: SortKey::of(summary.child_name.trim()),
                }
            })
            .collect();
        Self { summaries, entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, at: usize) -> &CaseSummary {
        &self.summaries[at]
    }

    /// Positions of every case, in the chosen order.
    pub fn sorted(&self, order: SortOrder) -> Vec<usize> {
        let mut at: Vec<usize> = (0..self.entries.len()).collect();
        let (e, s) = (&self.entries, &self.summaries);
        let by_number = |a: usize, b: usize| e[a].number_key.cmp(&e[b].number_key);
        match order {
            SortOrder::NextDue => at.sort_by(|&a, &b| match (&s[a].next_due, &s[b].next_due) {
                (Some(x), Some(y)) => x.date.cmp(&y.date).then_with(|| by_number(a, b)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => by_number(a, b),
            }),
            SortOrder::CaseNumber => at.sort_by(|&a, &b| by_number(a, b)),
            SortOrder::ChildName => {
                at.sort_by(|&a, &b| e[a].child_key.cmp(&e[b].child_key).then_with(|| by_number(a, b)))
            }
            SortOrder::RecentlyChanged => at.sort_by(|&a, &b| s[b].updated_at.cmp(&s[a].updated_at)),
        }
        at
    }

    /// Those of `sorted` that match the query, keeping their order. A case matches when every
    /// word of the query appears in one of its columns, ignoring case and accents.
    pub fn filter(&self, sorted: &[usize], query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        sorted
            .iter()
            .copied()
            .filter(|&at| words.iter().all(|w| contains(self.entries[at].haystack.as_bytes(), w.as_bytes())))
            .collect()
    }
}

/// Whether `needle` occurs in `haystack`. The words typed are short and each case's text is a
/// line, so a plain scan from each place the first byte occurs beats `str::contains`, which
/// prepares a searcher for every one of ten thousand cases on every keystroke. Both are UTF-8,
/// so a byte match is a character match.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return true };
    let last_start = match haystack.len().checked_sub(needle.len()) {
        Some(last) => last,
        None => return false,
    };
    (0..=last_start).any(|at| haystack[at] == first && haystack[at + 1..at + needle.len()] == *rest)
}

/// A folded name or number made comparable byte by byte, in [`key_order`]'s order: sorting ten
/// thousand cases then compares bytes instead of walking characters and numbers each time.
/// Each run of digits becomes its length and then its digits without leading zeros; the length
/// is written with digit bytes, which compare with every other character as a digit would.
#[derive(Debug, PartialEq, Eq)]
struct SortKey(Vec<u8>);

impl SortKey {
    fn of(text: &str) -> Self {
        let folded = fold(text);
        let bytes = folded.as_bytes();
        let mut key = Vec::with_capacity(bytes.len() + 4);
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                key.push(bytes[i]);
                i += 1;
                continue;
            }
            let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let digits = &bytes[i..i + run];
            let value = &digits[digits.iter().take_while(|&&b| b == b'0').count()..];
            // Up to eight digits, one byte of length; longer numbers "9" and four of length.
            match value.len() {
                short @ 0..=8 => key.push(b'0' + short as u8),
                long => {
                    key.push(b'9');
                    key.extend_from_slice(format!("{:04}", long.min(9999)).as_bytes());
                }
            }
            key.extend_from_slice(value);
            i += run;
        }
        Self(key)
    }
}

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> Ordering {
        // Empty keys last rather than first, where they would hide the real ones.
        match (self.0.is_empty(), other.0.is_empty()) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => self.0.cmp(&other.0),
        }
    }
}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The order [`SortKey`] keeps: empty keys sort last rather than first; numbers inside keys
/// compare as numbers, so `CP-2` comes before `CP-10`.
#[cfg(test)]
fn key_order(a: &str, b: &str) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => natural_order(a, b),
    }
}

#[cfg(test)]
fn natural_order(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if x.is_ascii_digit() && y.is_ascii_digit() {
            let run = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            let (na, nb) = (run(a), run(b));
            let (da, db) = (a[..na].trim_start_matches('0'), b[..nb].trim_start_matches('0'));
            let by_value = da.len().cmp(&db.len()).then_with(|| da.cmp(db));
            if by_value != Ordering::Equal {
                return by_value;
            }
            (a, b) = (&a[na..], &b[nb..]);
        } else {
            if x != y {
                return x.cmp(&y);
            }
            (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
        }
    }
}

/// The rows to show: those matching the filter, in the chosen order.
pub fn visible(cases: &[CaseSummary], query: &str, order: SortOrder) -> Vec<CaseSummary> {
    let index = CaseIndex::new(cases);
    index.filter(&index.sorted(order), query).into_iter().map(|at| index.get(at).clone()).collect()
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
        s.next_due = due.map(|d| DueItem::new(crate::domain::DueWhat::PlanReview, d.parse().unwrap()));
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
    fn filter_and_order_ignore_accents() {
        let cases = [
            summary("A-1", "Tomás", "Zoë", None),
            summary("A-2", "Ángela", "Luis", None),
            summary("A-3", "Bruno", "", None),
        ];
        assert_eq!(numbers(&visible(&cases, "tomas", SortOrder::CaseNumber)), ["A-1"]);
        assert_eq!(numbers(&visible(&cases, "ZOE", SortOrder::CaseNumber)), ["A-1"]);
        assert_eq!(numbers(&visible(&cases, "ángela", SortOrder::CaseNumber)), ["A-2"]);
        assert_eq!(numbers(&visible(&cases, "", SortOrder::ChildName)), ["A-2", "A-3", "A-1"]);
        assert_eq!(fold("Œuvre Straße"), "oeuvre strasse");
        assert_eq!(fold("Jose\u{301} Łukasz Ștefan"), "jose lukasz stefan");
    }

    #[test]
    fn numbers_in_case_numbers_sort_by_value() {
        let cases = [
            summary("CP-10", "", "", None),
            summary("CP-2", "", "", None),
            summary("CP-002b", "", "", None),
            summary("AB-9999", "", "", None),
            summary("AB-10000", "", "", None),
        ];
        assert_eq!(
            numbers(&visible(&cases, "", SortOrder::CaseNumber)),
            ["AB-9999", "AB-10000", "CP-2", "CP-002b", "CP-10"]
        );
    }

    #[test]
    fn the_filter_finds_what_the_row_shows() {
        let mut unplaced = summary("", "Luz", "", None);
        unplaced.placement = None;
        let cases = [unplaced];
        assert_eq!(visible(&cases, "not decided", SortOrder::CaseNumber).len(), 1);
        assert_eq!(visible(&cases, "without a number", SortOrder::CaseNumber).len(), 1);
    }

    #[test]
    fn next_due_order_puts_undated_cases_last() {
        let cases = [
            summary("A-1", "", "", None),
            summary("A-2", "", "", Some("2026-12-01")),
            summary("A-3", "", "", Some("2026-11-01")),
        ];
        assert_eq!(numbers(&visible(&cases, "", SortOrder::NextDue)), ["A-3", "A-2", "A-1"]);
    }

    #[test]
    fn name_order_puts_unnamed_last_and_recent_order_newest_first() {
        let mut cases =
            vec![summary("A-1", "", "", None), summary("A-2", "zoe", "", None), summary("A-3", "Ana", "", None)];
        assert_eq!(numbers(&visible(&cases, "", SortOrder::ChildName)), ["A-3", "A-2", "A-1"]);
        cases[0].updated_at += Duration::minutes(5);
        assert_eq!(numbers(&visible(&cases, "", SortOrder::RecentlyChanged))[0], "A-1");
        assert_eq!(SortOrder::from_key("child_name"), Some(SortOrder::ChildName));
    }

    #[test]
    fn words_in_another_language_find_a_case_too() {
        let cases = vec![summary("A-1", "Luz", "", None), summary("A-2", "Sol", "", None)];
        let index = CaseIndex::with_words(cases, |s| {
            if s.case_number == "A-1" {
                "Cuidado por familia extensa".into()
            } else {
                String::new()
            }
        });
        let found: Vec<&str> = index
            .filter(&index.sorted(SortOrder::CaseNumber), "familia")
            .iter()
            .map(|&at| index.get(at).case_number.as_str())
            .collect();
        assert_eq!(found, ["A-1"]);
        assert_eq!(
            index.filter(&index.sorted(SortOrder::CaseNumber), "kinship").len(),
            2,
            "the English words still find it"
        );
    }

    #[test]
    fn sort_keys_keep_the_natural_order_of_names_and_numbers() {
        // Every pair from a mix of what case numbers and names look like, including digit runs
        // of every length, leading zeros, accents and empty text.
        let parts = [
            "",
            "0",
            "00",
            "7",
            "007",
            "10",
            "12345678",
            "123456789",
            "0000123456789",
            "99999999999",
            "a",
            "B",
            "cp-",
            "-",
            " ",
            "é",
            "zoë",
            "ár",
            "~",
            "9a",
        ];
        let mut texts = Vec::new();
        for x in parts {
            for y in parts {
                texts.push(format!("{x}{y}"));
                texts.push(format!("{x}-{y}7"));
            }
        }
        for a in &texts {
            for b in &texts {
                let (fa, fb) = (fold(a), fold(b));
                assert_eq!(SortKey::of(a).cmp(&SortKey::of(b)), key_order(&fa, &fb), "{a:?} against {b:?}");
            }
        }
    }

    #[test]
    fn the_filter_finds_a_word_anywhere_in_a_line() {
        for (line, word, found) in [
            ("maya lópez", "lópez", true),
            ("maya", "maya", true),
            ("maya", "mayan", false),
            ("ana ruiz", "a r", true),
            ("", "a", false),
            ("abc", "", true),
            ("aab", "ab", true),
            ("ababc", "abc", true),
            ("tomás", "más", true),
            ("tomás", "mas", false),
        ] {
            assert_eq!(contains(line.as_bytes(), word.as_bytes()), found, "{word:?} in {line:?}");
            assert_eq!(contains(line.as_bytes(), word.as_bytes()), line.contains(word));
        }
    }
}
