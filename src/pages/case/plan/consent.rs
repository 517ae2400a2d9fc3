//! The consent and data sharing step: each decision one record (who, about what, with which
//! service, given, refused or withdrawn, when and how), through the plan's list editor; a
//! withdrawal recorded as a new decision; and, above them, each referral that has gone out with
//! no consent standing to share with its service, in words, with the way to record it.

use leptos::prelude::*;
use uuid::Uuid;

use super::lists::{list_editor, ListKind, Words};
use crate::components::fields::{DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::domain::{Consent, ConsentDecision, ConsentScope, ConsentWay, Consenter};
use crate::editor::{Editor, ListAccess};
use crate::i18n::{td_string, Locale};

const CONSENTS: ListAccess<Consent> = ListAccess { get: |p| &p.consents, get_mut: |p| &mut p.consents };

fn consent_words(l: Locale, w: Words, n: usize) -> String {
    match w {
        Words::Item => td_string!(l, plan.consent.item, n).to_string(),
        Words::Removed => td_string!(l, plan.consent.removed, n).to_string(),
        Words::MoveUp => td_string!(l, plan.consent.move_up, n).to_string(),
        Words::MoveDown => td_string!(l, plan.consent.move_down, n).to_string(),
        Words::Remove => td_string!(l, plan.consent.remove, n).to_string(),
        Words::Add => td_string!(l, plan.consent.add).to_string(),
        Words::Empty => td_string!(l, plan.consent.empty).to_string(),
    }
}

/// The services a consent may name: those the plan refers the child to, then its providers.
fn services_named(ed: Editor) -> Signal<Vec<String>> {
    Signal::derive(move || {
        ed.case.with(|c| {
            let mut names: Vec<String> = Vec::new();
            let referred = c.plan.referrals.iter().map(|r| r.to.trim());
            let providers = c.plan.services.iter().map(|s| s.provider.trim());
            for name in referred.chain(providers).filter(|n| !n.is_empty()) {
                if !names.iter().any(|known| known == name) {
                    names.push(name.to_string());
                }
            }
            names
        })
    })
}

fn consent_form(ed: Editor, id: Uuid, l: Locale) -> AnyView {
    let (who, set_who) = ed.bind_item(CONSENTS, id, |c| c.who, |c, v: Option<Consenter>| c.who = v);
    let (name, set_name) = ed.bind_item(CONSENTS, id, |c| c.name.clone(), |c, v| c.name = v);
    let (scope, set_scope) = ed.bind_item(CONSENTS, id, |c| c.scope, |c, v: Option<ConsentScope>| c.scope = v);
    let (with, set_with) = ed.bind_item(CONSENTS, id, |c| c.with.clone(), |c, v| c.with = v);
    let (decision, set_decision) =
        ed.bind_item(CONSENTS, id, |c| c.decision, |c, v: Option<ConsentDecision>| c.decision = v);
    let (date, set_date) = ed.bind_item(CONSENTS, id, |c| c.date, |c, v| c.date = v);
    let (how, set_how) = ed.bind_item(CONSENTS, id, |c| c.how, |c, v: Option<ConsentWay>| c.how = v);
    let (notes, set_notes) = ed.bind_item(CONSENTS, id, |c| c.notes.clone(), |c, v| c.notes = v);
    let who_key = format!("consents.{id}.who");
    let date_key = format!("consents.{id}.date");
    let names_a_service = move || scope.get().is_some_and(ConsentScope::names_a_service);
    let withdraw = move |_| {
        let mut added = None;
        ed.edit_now(|c| {
            if let Some(withdrawal) = c.plan.consents.get(id).map(|given| given.withdrawal(today())) {
                added = Some(withdrawal.id);
                c.plan.consents.push(withdrawal);
            }
        });
        if let Some(added) = added {
            focus_id_later(&format!("item-{added}"));
        }
    };
    view! {
        <SelectField
            label=td_string!(l, plan.consent.who)
            field=who_key.clone()
            value=who
            set=set_who
            blank=td_string!(l, plan.sections.choose)
            error=ed.error(who_key)
        />
        <TextField
            label=td_string!(l, plan.consent.name)
            field=format!("consents.{id}.name")
            wraps=true
            value=name
            set=set_name
            suggestions=ed.people
        />
        <SelectField
            label=td_string!(l, plan.consent.scope)
            field=format!("consents.{id}.scope")
            value=scope
            set=set_scope
            blank=td_string!(l, plan.sections.choose)
        />
        <Show when=names_a_service>
            <TextField
                label=td_string!(l, plan.consent.with)
                field=format!("consents.{id}.with")
                wraps=true
                value=with
                set=set_with
                suggestions=services_named(ed)
                hint=td_string!(l, plan.consent.with_hint)
            />
        </Show>
        <SelectField
            label=td_string!(l, plan.consent.decision)
            field=format!("consents.{id}.decision")
            value=decision
            set=set_decision
            blank=td_string!(l, plan.sections.choose)
        />
        <DateField
            label=td_string!(l, plan.consent.date)
            field=date_key.clone()
            value=date
            set=set_date
            error=ed.error(date_key)
        />
        <SelectField
            label=td_string!(l, plan.consent.how)
            field=format!("consents.{id}.how")
            value=how
            set=set_how
            blank=td_string!(l, plan.sections.choose)
        />
        <TextField
            label=td_string!(l, plan.consent.notes)
            field=format!("consents.{id}.notes")
            value=notes
            set=set_notes
            multiline=true
        />
        <Show when=move || decision.get() == Some(ConsentDecision::Given)>
            <button type="button" class="small" on:click=withdraw>
                {td_string!(l, plan.consent.withdraw)}
            </button>
        </Show>
    }
    .into_any()
}

/// Each referral gone out with no consent standing to share with its service, in words, and a
/// button that starts the consent to record.
fn missing_consents(ed: Editor, l: Locale) -> impl IntoView {
    let missing = Memo::new(move |_| {
        ed.case.with(|c| {
            c.plan
                .consents
                .referrals_without_consent(&c.plan.referrals)
                .iter()
                .map(|r| r.to.trim().to_string())
                .collect::<Vec<_>>()
        })
    });
    let record = move |to: String| {
        let consent = Consent { scope: Some(ConsentScope::Sharing), with: to, ..Consent::default() };
        let id = consent.id;
        ed.edit_now(|c| c.plan.consents.push(consent));
        focus_id_later(&format!("item-{id}"));
    };
    view! {
        <For each=move || missing.get() key=|to| to.clone() let:to>
            <div class="warning consent-missing">
                <p>{td_string!(l, plan.consent.missing, to = to.clone()).to_string()}</p>
                <button
                    type="button"
                    class="small"
                    on:click={
                        let to = to.clone();
                        move |_| record(to.clone())
                    }
                >
                    {td_string!(l, plan.consent.record_for, to = to.clone()).to_string()}
                </button>
            </div>
        </For>
    }
}

pub fn consent_section(ed: Editor, l: Locale) -> impl IntoView {
    view! {
        {missing_consents(ed, l)}
        {list_editor(
            ed,
            l,
            ListKind {
                access: CONSENTS,
                key: "consents",
                words: consent_words,
                form: consent_form,
            },
        )}
    }
}
