//! The warning on a referral that has gone out with no consent standing to share with its
//! service, apart from the consent step so the referrals' form and the step do not import each
//! other.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::Section;
use crate::editor::Editor;
use crate::i18n::{td_string, Locale};
use crate::route::Route;

/// On a referral that has gone out with no consent to share with its service: the warning in
/// words and the way to the consent step. Not a block: urgent protection comes first.
pub fn referral_consent_warning(ed: Editor, l: Locale, id: Uuid) -> impl IntoView {
    let missing = Memo::new(move |_| {
        ed.case.with(|c| {
            c.plan
                .consents
                .referrals_without_consent(&c.plan.referrals)
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.to.trim().to_string())
        })
    });
    let case_id = ed.case.with_untracked(|c| c.id);
    let step = Route::Plan { id: case_id, section: Section::Consent }.href();
    move || {
        missing.get().map(|to| {
            view! {
                <p class="warning consent-missing">
                    {td_string!(l, plan.consent.missing, to).to_string()} " "
                    <a href=step.clone()>{td_string!(l, plan.consent.go_record)}</a>
                </p>
            }
        })
    }
}
