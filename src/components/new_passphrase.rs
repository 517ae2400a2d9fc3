//! Choosing a passphrase: typed twice, rated as it is typed, and refused with a reason when it
//! is too easy to guess. The same rules for an export file and for a workspace
//! (`domain::passphrase::assess`).

use leptos::prelude::*;

use crate::components::fields::TextField;
use crate::domain::passphrase::{assess, Refusal, Strength};
use crate::i18n::{t, t_string, td_string, use_i18n, Locale, Translate};

/// Why the passphrase, then its repetition, cannot be used; both `None` when they can.
pub fn passphrase_problems(l: Locale, passphrase: &str, repeat: &str) -> (Option<String>, Option<String>) {
    let refusal = assess(passphrase).reason.map(|r| refusal_text(l, r));
    let mismatch = (passphrase != repeat).then(|| td_string!(l, exchange.export.not_the_same).to_string());
    (refusal, mismatch)
}

/// The two fields and the strength between them. `field` names them (`<field>.passphrase`,
/// `<field>.repeat`); problems show once `checked` is set (the first try to send).
#[component]
pub fn NewPassphrase(
    field: &'static str,
    passphrase: RwSignal<String>,
    repeat: RwSignal<String>,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] repeat_label: Signal<String>,
    #[prop(into)] hint: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problems = Memo::new(move |_| {
        checked.get().then(|| passphrase.with(|p| repeat.with(|r| passphrase_problems(i18n.get_locale(), p, r))))
    });
    let strength = Memo::new(move |_| passphrase.with(|p| (!p.is_empty()).then(|| assess(p).strength)));
    view! {
        <TextField
            label=label
            field=format!("{field}.passphrase")
            kind="password"
            required=true
            value=passphrase
            set=Callback::new(move |v| passphrase.set(v))
            error=Signal::derive(move || problems.get().and_then(|(refusal, _)| refusal))
            hint=hint
        />
        // Announced when the rating changes, not at every keystroke.
        <p class="strength" id=format!("{field}-strength") aria-live="polite">
            {move || {
                strength
                    .get()
                    .map(|s| {
                        view! {
                            {t!(i18n, exchange.export.strength)}
                            " "
                            <strong class=format!("strength-{}", strength_class(s))>{s.tr()}</strong>
                        }
                    })
            }}
        </p>
        <TextField
            label=repeat_label
            field=format!("{field}.repeat")
            kind="password"
            required=true
            value=repeat
            set=Callback::new(move |v| repeat.set(v))
            error=Signal::derive(move || problems.get().and_then(|(_, mismatch)| mismatch))
        />
    }
}

/// The usual label of the repetition ("Repeat the passphrase").
pub fn repeat_label() -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || t_string!(i18n, exchange.export.repeat).to_string())
}

fn refusal_text(l: Locale, refusal: Refusal) -> String {
    use crate::domain::passphrase::{MIN_LENGTH, MIN_LENGTH_ONE_WORD};
    match refusal {
        Refusal::TooShort => td_string!(l, exchange.refusal.too_short, n = MIN_LENGTH).to_string(),
        Refusal::Common => td_string!(l, exchange.refusal.common).to_string(),
        Refusal::OneWord => td_string!(l, exchange.refusal.one_word, n = MIN_LENGTH_ONE_WORD).to_string(),
        Refusal::Pattern => td_string!(l, exchange.refusal.pattern).to_string(),
    }
}

fn strength_class(strength: Strength) -> &'static str {
    match strength {
        Strength::Weak => "weak",
        Strength::Fair => "fair",
        Strength::Strong => "strong",
        Strength::VeryStrong => "very-strong",
    }
}
