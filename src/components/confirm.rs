//! A modal question asked before anything that cannot be undone. Uses the native `<dialog>`, so
//! focus is held inside it and Escape cancels, as people expect.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// Shows `dialog` as a modal while `open` is set and closes it when it is not; `on_open` runs
/// as it opens (to reset a form).
pub fn follow_open(dialog: NodeRef<Dialog>, open: RwSignal<bool>, on_open: impl Fn() + 'static) {
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else { return };
        if open.get() {
            if !dialog.open() {
                on_open();
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
}

/// For the dialog's `close` event: `open` follows a close by the browser (Escape). The event
/// comes a task later, so one from a close that a quick reopen has already undone is ignored.
pub fn closed_by_browser(dialog: NodeRef<Dialog>, open: RwSignal<bool>) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    move |_| {
        if dialog.get_untracked().is_some_and(|d| !d.open()) {
            open.set(false);
        }
    }
}

/// The foot of a dialog's form: the button that sends it, then Cancel, which closes it.
#[component]
pub fn DialogActions(open: RwSignal<bool>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="actions">
            <button type="submit" class="primary">
                {children()}
            </button>
            <button type="button" autofocus on:click=move |_| open.set(false)>
                {t!(i18n, common.cancel)}
            </button>
        </div>
    }
}

#[component]
pub fn ConfirmDialog(
    #[prop(into)] open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    follow_open(dialog, open, || {});
    view! {
        <dialog
            node_ref=dialog
            class="confirm"
            aria-labelledby="confirm-title"
            aria-describedby="confirm-message"
            on:close=closed_by_browser(dialog, open)
        >
            <h2 id="confirm-title">{move || title.get()}</h2>
            <p id="confirm-message">{move || message.get()}</p>
            <div class="actions">
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        open.set(false);
                        on_confirm.run(());
                    }
                >
                    {move || confirm_label.get()}
                </button>
                <button type="button" autofocus on:click=move |_| open.set(false)>
                    {t!(i18n, common.cancel)}
                </button>
            </div>
        </dialog>
    }
}
