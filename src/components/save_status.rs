//! The "Saving… / Saved" line. It is a live region, so a screen reader hears when work is kept
//! and, above all, when it is not.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Everything on screen is stored.
    Saved { at: String },
    /// Changes are waiting for the next save or being written now.
    Saving,
    /// The last save did not commit; the change is still on screen.
    Failed(String),
}

#[component]
pub fn SaveStatus(
    #[prop(into)] state: Signal<SaveState>,
    #[prop(into)] retry: Callback<()>,
    /// False while trying again cannot help (a choice is waiting to be made).
    #[prop(optional, into)]
    can_retry: Option<Signal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failure = move || match state.get() {
        SaveState::Failed(message) => Some(message),
        _ => None,
    };
    view! {
        <div class="save-status">
            <span role="status">
                {move || match state.get() {
                    SaveState::Saved { at } if at.is_empty() => {
                        view! { <span class="saved">{t!(i18n, common.saved)}</span> }.into_any()
                    }
                    SaveState::Saved { at } => {
                        view! { <span class="saved">{t!(i18n, common.saved_at, time = move || at.clone())}</span> }
                            .into_any()
                    }
                    SaveState::Saving => view! { <span class="saving">{t!(i18n, common.saving)}</span> }.into_any(),
                    SaveState::Failed(_) => ().into_any(),
                }}
            </span>
            // Kept in the page even when empty, so a failure is announced the moment it appears.
            <span role="alert">
                {move || {
                    failure()
                        .map(|message| {
                            view! {
                                <span class="failed">
                                    {t!(i18n, common.not_saved, reason = move || message.clone())}
                                </span>
                                " "
                                <Show when=move || can_retry.is_none_or(|c| c.get())>
                                    <button type="button" class="small" on:click=move |_| retry.run(())>
                                        {t!(i18n, common.try_saving_again)}
                                    </button>
                                </Show>
                            }
                        })
                }}
            </span>
        </div>
    }
}
