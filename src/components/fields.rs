//! Labelled form fields. Every input has a visible `<label>`, and its validation message sits
//! beside it, tied to the input with `aria-describedby` so screen readers read it too.

use leptos::prelude::*;

use crate::domain::{validation::parse_date_input, Choice};
use chrono::NaiveDate;

/// The DOM id of a field, from its key in the plan (`worker.name`, `services.<id>.provider`).
pub fn field_id(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

#[component]
fn FieldShell(
    #[prop(into)] label: String,
    #[prop(into)] id: String,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = None)] hint: Option<String>,
    #[prop(optional)] required: bool,
    children: Children,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {children()}
            <p class="error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint { format!("{id}-hint {id}-error") } else { format!("{id}-error") }
}

#[component]
pub fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    let invalid = move || error.with(|e| e.is_some().then_some("true"));
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="4" aria-describedby=aria required=required aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=kind aria-describedby=aria required=required aria-invalid=invalid
                autocomplete=autocomplete.unwrap_or("off")
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! { <FieldShell label id error hint=hint required>{input}</FieldShell> }
}

/// A calendar date. Text that is not a real date (from browsers without a date picker) is
/// refused with a message and never stored.
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] set: Callback<Option<NaiveDate>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    let typing_error = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || typing_error.get().or_else(|| error.get()));
    let on_change = move |ev: leptos::ev::Event| {
        // A date picker with only some parts filled in reports "" but knows its input is bad:
        // that is an unfinished date, not a cleared one, and must not erase the stored date.
        let unfinished = event_target::<web_sys::HtmlInputElement>(&ev).validity().bad_input();
        match parse_date_input(&event_target_value(&ev)) {
            Ok(None) if unfinished => typing_error.set(Some("This date is not complete: fill in the day, month and year, or clear them all.".into())),
            Ok(date) => {
                typing_error.set(None);
                set.run(date);
            }
            Err(message) => typing_error.set(Some(message)),
        }
    };
    view! {
        <FieldShell label id=id.clone() error=shown hint=hint>
            <input id=id.clone() type="date" aria-describedby=aria
                aria-invalid=move || shown.with(|e| e.is_some().then_some("true"))
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=on_change />
        </FieldShell>
    }
}

/// A choice from a closed vocabulary, with an empty first option when `blank` names it.
#[component]
pub fn SelectField<C: Choice + Send + Sync>(
    #[prop(into)] label: String,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<Option<C>>,
    #[prop(into)] set: Callback<Option<C>>,
    #[prop(optional)] blank: Option<&'static str>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<String>,
    /// Choices not offered here (made through their own step), unless already chosen.
    #[prop(optional)] hidden: &'static [C],
) -> impl IntoView {
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    let selected = move || value.get().map(|c| c.key()).unwrap_or_default();
    view! {
        <FieldShell label id=id.clone() error hint=hint>
            <select id=id.clone() aria-describedby=aria
                prop:value=selected
                on:change=move |ev| set.run(C::from_key(&event_target_value(&ev)))>
                {blank.map(|text| view! { <option value="" selected=move || value.with(Option::is_none)>{text}</option> })}
                {C::ALL.iter().filter(|c| !hidden.contains(c) || value.get_untracked() == Some(**c)).map(|&c| view! {
                    <option value=c.key() selected=move || value.get() == Some(c)>{c.label()}</option>
                }).collect_view()}
            </select>
        </FieldShell>
    }
}

#[component]
pub fn CheckboxField(
    #[prop(into)] label: String,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<bool>,
    #[prop(into)] set: Callback<bool>,
) -> impl IntoView {
    let id = field_id(&field);
    view! {
        <div class="field checkbox">
            <input id=id.clone() type="checkbox" prop:checked=move || value.get()
                on:change=move |ev| set.run(event_target_checked(&ev)) />
            <label for=id>{label}</label>
        </div>
    }
}

/// A whole number; an empty box means "not known".
#[component]
pub fn NumberField(
    #[prop(into)] label: String,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<Option<u32>>,
    #[prop(into)] set: Callback<Option<u32>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = 0)] min: u32,
    #[prop(default = 999)] max: u32,
) -> impl IntoView {
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    let typing_error = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || typing_error.get().or_else(|| error.get()));
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        match text.trim() {
            "" => {
                typing_error.set(None);
                set.run(None);
            }
            t => match t.parse::<u32>() {
                Ok(n) => {
                    typing_error.set(None);
                    set.run(Some(n));
                }
                Err(_) => typing_error.set(Some("Enter a whole number, in figures.".into())),
            },
        }
    };
    view! {
        <FieldShell label id=id.clone() error=shown hint=hint>
            <input id=id.clone() type="number" inputmode="numeric" min=min max=max aria-describedby=aria
                aria-invalid=move || shown.with(|e| e.is_some().then_some("true"))
                prop:value=move || value.get().map(|n| n.to_string()).unwrap_or_default()
                on:input=on_input />
        </FieldShell>
    }
}
