//! The pieces of the printed plan: label and value lists, records (one block per item, never a
//! table of narrow columns), and values that must stay whole on paper.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::i18n::{long_date, Locale};

/// Spaces that never break: a date or a person's name is read on one line.
pub fn unbroken(text: &str) -> String {
    text.trim().replace(' ', "\u{a0}")
}

/// A value on paper.
pub enum Shown {
    Text(String),
    /// A person's name: kept on one line, and marked so.
    Person(String),
    /// A date in full, on one line.
    Date(Option<NaiveDate>),
}

impl Shown {
    fn is_empty(&self) -> bool {
        match self {
            Self::Text(t) | Self::Person(t) => t.trim().is_empty(),
            Self::Date(d) => d.is_none(),
        }
    }

    fn view(self, l: Locale) -> AnyView {
        if self.is_empty() {
            return "—".into_any();
        }
        match self {
            Self::Text(t) => t.trim().to_string().into_any(),
            Self::Person(name) => named(&name).into_any(),
            Self::Date(d) => d.map(|d| date(l, d)).unwrap_or_default().into_any(),
        }
    }
}

/// A person's name on paper: on one line, and marked as a name.
pub fn named(name: &str) -> impl IntoView {
    view! { <span class="person">{unbroken(name)}</span> }
}

pub fn text(s: &str) -> Shown {
    Shown::Text(s.to_string())
}

pub fn person(s: &str) -> Shown {
    Shown::Person(s.to_string())
}

pub fn on(d: Option<NaiveDate>) -> Shown {
    Shown::Date(d)
}

/// A date in full, on one line.
pub fn date(l: Locale, d: NaiveDate) -> String {
    unbroken(&long_date(l, d))
}

/// A definition list of label and value pairs, every one shown ("—" for none).
pub fn facts(l: Locale, rows: Vec<(&'static str, Shown)>) -> impl IntoView {
    view! {
        <dl class="facts">
            {rows
                .into_iter()
                .map(|(k, v)| {
                    view! {
                        <dt>{k}</dt>
                        <dd>{v.view(l)}</dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// One item of a list (a need, a visit, a referral) as a block: its title, then what is filled
/// in of it. A block breaks words nowhere, however long the language's words.
pub fn record(l: Locale, title: impl IntoView, rows: Vec<(&'static str, Shown)>) -> impl IntoView {
    let rows: Vec<_> = rows.into_iter().filter(|(_, v)| !v.is_empty()).collect();
    view! {
        <div class="record">
            <h3>{title}</h3>
            {(!rows.is_empty()).then(|| facts(l, rows))}
        </div>
    }
}

/// Records, or a line saying there are none.
pub fn records(items: Vec<AnyView>, empty: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    items.into_iter().collect_view().into_any()
}

/// One part of the printed plan under its heading.
pub fn section(title: &'static str, body: impl IntoView) -> impl IntoView {
    view! {
        <section>
            <h2>{title}</h2>
            {body}
        </section>
    }
}
