//! Labelled form fields. Every input has a visible `<label>`, and its validation message sits
//! beside it, tied to the input with `aria-describedby` so screen readers read it too.

use leptos::prelude::*;

use crate::domain::{validation::parse_date_input, Choice};
use crate::i18n::{t_string, use_i18n, Translate};
use chrono::NaiveDate;

/// The DOM id of a field, from its key in the plan (`worker.name`, `services.<id>.provider`).
pub fn field_id(key: &str) -> String {
    format!("f-{}", key.replace('.', "-"))
}

#[component]
fn FieldShell(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] id: String,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = None)] hint: Option<Signal<String>>,
    #[prop(optional)] required: bool,
    children: Children,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id
                .clone()>
                {move || label.get()}
                {required
                    .then(|| {
                        view! {
                            <span class="required" aria-hidden="true">
                                " *"
                            </span>
                        }
                    })}
            </label>
            {hint
                .map(|h| {
                    view! {
                        <p class="hint" id=hint_id.clone()>
                            {move || h.get()}
                        </p>
                    }
                })}
            {children()}
            <p class="error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}

#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] set: Callback<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] required: bool,
    /// A paragraph: three lines high at first.
    #[prop(optional)]
    multiline: bool,
    /// A sentence: one line high at first, wrapping onto more as it grows.
    #[prop(optional)]
    wraps: bool,
    #[prop(default = "text")] kind: &'static str,
    /// Earlier answers offered as the worker types (a one-line box only).
    #[prop(optional, into)]
    suggestions: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    let invalid = move || error.with(|e| e.is_some().then_some("true"));
    let input = if multiline || wraps {
        let boxed = NodeRef::<leptos::html::Textarea>::new();
        // The stylesheet's `field-sizing: content` grows the box with its text; where a browser
        // lacks it, the box is made as high as its text whenever the text would not fit.
        Effect::new(move || {
            value.track();
            if let Some(area) = boxed.get() {
                if area.scroll_height() > area.client_height() {
                    let border = area.offset_height() - area.client_height();
                    let style = web_sys::HtmlElement::style(&area);
                    let _ = style.set_property("height", &format!("{}px", area.scroll_height() + border));
                }
            }
        });
        view! {
            <textarea
                autocomplete="off"
                id=id.clone()
                node_ref=boxed
                class:paragraph=multiline
                rows=if multiline { "3" } else { "1" }
                aria-describedby=aria
                required=required
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        let list = suggestions.map(|_| format!("{id}-suggested"));
        view! {
            <input
                id=id.clone()
                type=kind
                aria-describedby=aria
                required=required
                aria-invalid=invalid
                autocomplete="off"
                list=list.clone()
                prop:value=move || value.get()
                on:input=move |ev| set.run(event_target_value(&ev))
            />
            {suggestions
                .map(|names| {
                    view! {
                        <datalist id=list>
                            {move || {
                                names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()
                            }}
                        </datalist>
                    }
                })}
        }
        .into_any()
    };
    view! {
        <FieldShell label id error hint=hint required>
            {input}
        </FieldShell>
    }
}

/// Why a typed date was refused.
#[derive(Clone, PartialEq)]
enum DateTyping {
    Incomplete,
    NotADate(String),
}

/// A calendar date. Text that is not a real date (from browsers without a date picker) is
/// refused with a message and never stored.
#[component]
pub fn DateField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] set: Callback<Option<NaiveDate>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    // Kept as what went wrong, not as words, so the message follows a switch of language.
    let typing_error = RwSignal::new(None::<DateTyping>);
    let shown = Signal::derive(move || {
        typing_error
            .get()
            .map(|typed| match typed {
                DateTyping::Incomplete => t_string!(i18n, common.date_incomplete).to_string(),
                DateTyping::NotADate(text) => crate::vocabulary::not_a_real_date(i18n.get_locale(), &text),
            })
            .or_else(|| error.get())
    });
    let on_change = move |ev: leptos::ev::Event| {
        // A date picker with only some parts filled in reports "" but knows its input is bad:
        // that is an unfinished date, not a cleared one, and must not erase the stored date.
        let unfinished = event_target::<web_sys::HtmlInputElement>(&ev).validity().bad_input();
        match parse_date_input(&event_target_value(&ev)) {
            Ok(None) if unfinished => typing_error.set(Some(DateTyping::Incomplete)),
            Ok(date) => {
                typing_error.set(None);
                set.run(date);
            }
            Err(_) => typing_error.set(Some(DateTyping::NotADate(event_target_value(&ev).trim().to_string()))),
        }
    };
    view! {
        <FieldShell label id=id.clone() error=shown hint=hint>
            <input
                autocomplete="off"
                id=id.clone()
                type="date"
                aria-describedby=aria
                aria-invalid=move || shown.with(|e| e.is_some().then_some("true"))
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=on_change
            />
        </FieldShell>
    }
}

/// A choice from a closed vocabulary, with an empty first option when `blank` names it.
#[component]
pub fn SelectField<C: Choice + Translate + Send + Sync>(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<Option<C>>,
    #[prop(into)] set: Callback<Option<C>>,
    #[prop(optional, into)] blank: Option<Signal<String>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    /// Choices not offered here (made through their own step), unless already chosen.
    #[prop(optional)]
    hidden: &'static [C],
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    let selected = move || value.get().map(|c| c.key()).unwrap_or_default();
    view! {
        <FieldShell label id=id.clone() error hint=hint>
            <select
                autocomplete="off"
                id=id.clone()
                aria-describedby=aria
                prop:value=selected
                on:change=move |ev| set.run(C::from_key(&event_target_value(&ev)))
            >
                {blank
                    .map(|text| {
                        view! {
                            <option value="" selected=move || value.with(Option::is_none)>
                                {move || text.get()}
                            </option>
                        }
                    })}
                {C::ALL
                    .iter()
                    .filter(|c| !hidden.contains(c) || value.get_untracked() == Some(**c))
                    .map(|&c| {
                        view! {
                            <option value=c.key() selected=move || value.get() == Some(c)>
                                {move || c.in_locale(i18n.get_locale())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </FieldShell>
    }
}

#[component]
pub fn CheckboxField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<bool>,
    #[prop(into)] set: Callback<bool>,
) -> impl IntoView {
    let id = field_id(&field);
    view! {
        <div class="field checkbox">
            <input
                autocomplete="off"
                id=id.clone()
                type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| set.run(event_target_checked(&ev))
            />
            <label for=id>{move || label.get()}</label>
        </div>
    }
}

/// A whole number; an empty box means "not known".
#[component]
pub fn NumberField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] field: String,
    #[prop(into)] value: Signal<Option<u32>>,
    #[prop(into)] set: Callback<Option<u32>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = 0)] min: u32,
    #[prop(default = 999)] max: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&field);
    let aria = described_by(&id, hint.is_some());
    let not_a_number = RwSignal::new(false);
    let shown = Signal::derive(move || {
        if not_a_number.get() {
            Some(t_string!(i18n, common.whole_number).to_string())
        } else {
            error.get()
        }
    });
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        match text.trim() {
            "" => {
                not_a_number.set(false);
                set.run(None);
            }
            t => match t.parse::<u32>() {
                Ok(n) => {
                    not_a_number.set(false);
                    set.run(Some(n));
                }
                Err(_) => not_a_number.set(true),
            },
        }
    };
    view! {
        <FieldShell label id=id.clone() error=shown hint=hint>
            <input
                autocomplete="off"
                id=id.clone()
                type="number"
                inputmode="numeric"
                min=min
                max=max
                aria-describedby=aria
                aria-invalid=move || shown.with(|e| e.is_some().then_some("true"))
                prop:value=move || value.get().map(|n| n.to_string()).unwrap_or_default()
                on:input=on_input
            />
        </FieldShell>
    }
}
