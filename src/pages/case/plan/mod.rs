//! The plan tab: the guided Care and Protection Plan, one step per section, moved through with
//! Next and Back or by jumping from the step list, which shows how far each step is filled in.

mod assessment;
mod consent;
mod consent_warning;
mod household;
mod lists;
mod safety_plan;
mod sections;
mod visits;

use leptos::prelude::*;

use crate::domain::{CaseId, Section, SectionState};
use crate::editor::Editor;
use crate::i18n::{t, t_string, use_i18n, Translate};
use crate::route::Route;

#[component]
pub(super) fn StepList(editor: Editor, current: Signal<Section>, id: CaseId) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    // On a phone the steps fold behind one button naming the step on screen; choosing a step
    // folds them again.
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        current.track();
        open.set(false);
    });
    let number = move || current.get().position() + 1;
    // A new item's problem waits to be shown, but its step is not complete.
    let step_state = move |s: Section| match ed.case.with(|c| ed.shown.with(|p| s.state(c, p))) {
        SectionState::Complete if ed.problems.with(|ps| ps.iter().any(|p| p.section == s)) => SectionState::InProgress,
        state => state,
    };
    let current_state = move || step_state(current.get());
    view! {
        <nav class="steps" class:open=move || open.get() aria-label=move || t_string!(i18n, plan.sections_nav)>
            <button
                type="button"
                class=move || format!("steps-toggle step {}", state_class(current_state()))
                aria-expanded=move || open.get().to_string()
                aria-controls="plan-steps"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="step-title">
                    {move || {
                        t_string!(
                            i18n, plan.step_of, n = number(), all = Section::ALL.len(), title = current.get().in_locale(i18n.get_locale())
                        )
                            .to_string()
                    }}
                </span>
                <span class="step-state">{move || current_state().in_locale(i18n.get_locale())}</span>
            </button>
            <ol id="plan-steps">
                {Section::ALL
                    .into_iter()
                    .map(|s| {
                        let state = move || step_state(s);
                        let is_current = move || current.get() == s;
                        view! {
                            <li class=move || format!("step {}", state_class(state()))>
                                <a
                                    href=Route::Plan { id, section: s }.href()
                                    aria-current=move || is_current().then_some("step")
                                >
                                    <span class="step-title">{s.tr()}</span>
                                    <span class="step-state">{move || state().in_locale(i18n.get_locale())}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

fn state_class(state: SectionState) -> &'static str {
    match state {
        SectionState::NotStarted => "not-started",
        SectionState::InProgress => "in-progress",
        SectionState::Complete => "complete",
        SectionState::NeedsAttention => "attention",
    }
}

#[component]
pub(super) fn SectionForm(editor: Editor, section: Signal<Section>, id: CaseId) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Moving to another step puts focus on its heading, so keyboard and screen-reader users
    // start reading at the top of the new step.
    Effect::new(move |previous: Option<Section>| {
        let now = section.get();
        if previous.is_some_and(|p| p != now) {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
        now
    });
    let link = move |s: Option<Section>| s.map(|s| Route::Plan { id, section: s }.href());
    view! {
        <section class="plan-section" aria-labelledby="section-title">
            <h2 id="section-title" tabindex="-1" node_ref=heading>
                {move || section.get().in_locale(i18n.get_locale())}
            </h2>
            <p class="purpose">{move || crate::vocabulary::section_purpose(i18n.get_locale(), section.get())}</p>
            <p class="required-note">
                {t!(i18n, plan.required_before)} <span class="required">"*"</span> {t!(i18n, plan.required_after)}
            </p>
            <form class="section-form" on:submit=|ev| ev.prevent_default()>
                // Built again in another language: the fields' texts are read as the form is made.
                {move || {
                    let l = i18n.get_locale();
                    match section.get() {
                        Section::Case => sections::case_section(ed, l).into_any(),
                        Section::Worker => sections::worker_section(ed, l).into_any(),
                        Section::Child => sections::child_section(ed, l).into_any(),
                        Section::Household => household::household_section(ed, l).into_any(),
                        Section::Placement => sections::placement_section(ed, l).into_any(),
                        Section::Assessment => assessment::assessment_section(ed, l).into_any(),
                        Section::Needs => lists::needs_section(ed, l).into_any(),
                        Section::Services => lists::services_section(ed, l).into_any(),
                        Section::Actions => lists::actions_section(ed, l).into_any(),
                        Section::Monitoring => sections::monitoring_section(ed, l).into_any(),
                        Section::SafetyPlan => safety_plan::safety_plan_section(ed, l).into_any(),
                        Section::Participation => sections::participation_section(ed, l).into_any(),
                        Section::Consent => consent::consent_section(ed, l).into_any(),
                        Section::Referrals => lists::referrals_section(ed, l).into_any(),
                        Section::BestInterests => sections::best_interests_section(ed, l).into_any(),
                    }
                }}
            </form>
            <div class="step-buttons">
                {move || {
                    link(section.get().previous())
                        .map(|href| {
                            view! {
                                <a class="button secondary" href=href rel="prev">
                                    {t!(i18n, plan.back)}
                                </a>
                            }
                        })
                }}
                {move || match link(section.get().next()) {
                    Some(href) => {
                        view! {
                            <a class="button primary" href=href rel="next">
                                {t!(i18n, plan.next)}
                            </a>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <a class="button primary" href="#/">
                                {t!(i18n, plan.finish)}
                            </a>
                        }
                            .into_any()
                    }
                }}
            </div>
        </section>
    }
}
