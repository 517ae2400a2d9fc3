//! The supervisor's sign-off, under the case's title: where the plan (or, once closed, the
//! closure) stands with its reviewer, "Ask for review", and the reviewer's decision recorded on
//! the request (name, role, day, approved or changes asked with a comment).

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::{DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::context::user_name;
use crate::domain::sign_off::{Review, ReviewProblem, SignOff, SignOffDecision, SignOffOf, SignOffState};
use crate::editor::Editor;
use crate::i18n::{td_string, use_i18n, Locale};

#[component]
pub fn SignOffBar(editor: Editor) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let of =
        Memo::new(move |_| ed.case.with(|c| if c.closure.is_some() { SignOffOf::Closure } else { SignOffOf::Plan }));
    // (the words, the request waiting for a decision, whether asking again makes sense)
    let state = Memo::new(move |_| {
        let l = i18n.get_locale();
        let of = of.get();
        ed.case.with(|c| {
            let state = c.plan.sign_offs.state(of, &c.plan);
            let waiting = match &state {
                SignOffState::Waiting(s) => Some(s.id),
                _ => None,
            };
            let approved = matches!(state, SignOffState::Approved(_));
            (crate::vocabulary::sign_off_words(l, of, &state, str::to_string), waiting, approved)
        })
    });
    let recording = RwSignal::new(false);
    let ask = move |_| {
        let request = SignOff::asked(of.get_untracked(), today(), &user_name());
        ed.edit_now(|c| c.plan.sign_offs.push(request));
        focus_id_later("sign-off-state");
    };
    view! {
        <div class="sign-off" class:approved=move || state.with(|s| s.2)>
            <p id="sign-off-state" tabindex="-1" role="status">
                {move || state.with(|s| s.0.clone())}
            </p>
            {move || {
                let l = i18n.get_locale();
                match state.with(|s| s.1) {
                    Some(request) if recording.get() => review_form(ed, l, request, recording).into_any(),
                    Some(_) => {
                        view! {
                            <button
                                type="button"
                                class="secondary small-button"
                                on:click=move |_| {
                                    recording.set(true);
                                    focus_id_later("f-sign-off-reviewer");
                                }
                            >
                                {td_string!(l, plan.sign_off.record)}
                            </button>
                        }
                            .into_any()
                    }
                    None if state.with(|s| s.2) => ().into_any(),
                    None => {
                        view! {
                            <button type="button" class="secondary small-button" on:click=ask>
                                {td_string!(l, plan.sign_off.ask)}
                            </button>
                        }
                            .into_any()
                    }
                }
            }}
        </div>
    }
}

fn review_form(ed: Editor, l: Locale, request: Uuid, recording: RwSignal<bool>) -> impl IntoView {
    let reviewer = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let on = RwSignal::new(Some(today()));
    let decision = RwSignal::new(Some(SignOffDecision::Approved));
    let comment = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let review = move || Review {
        reviewer: reviewer.get(),
        role: role.get(),
        on: on.get().unwrap_or_else(today),
        decision: decision.get().unwrap_or(SignOffDecision::Approved),
        comment: comment.get(),
    };
    let problem = move |which: ReviewProblem, words: &'static str| {
        Signal::derive(move || (tried.get() && review().problems(today()).contains(&which)).then(|| words.to_string()))
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let review = review();
        if !review.problems(today()).is_empty() {
            return;
        }
        ed.edit_now(|c| {
            c.plan.decide_sign_off(request, review);
        });
        recording.set(false);
        focus_id_later("sign-off-state");
    };
    view! {
        <form class="review-form" aria-labelledby="review-form-title" on:submit=save novalidate=true>
            <h2 id="review-form-title">{td_string!(l, plan.sign_off.form_title)}</h2>
            <TextField
                label=td_string!(l, plan.sign_off.reviewer)
                field="sign-off-reviewer"
                value=reviewer
                set=Callback::new(move |v| reviewer.set(v))
                required=true
                error=problem(ReviewProblem::NoReviewer, td_string!(l, plan.sign_off.no_reviewer))
            />
            <TextField
                label=td_string!(l, plan.sign_off.role)
                field="sign-off-role"
                value=role
                set=Callback::new(move |v| role.set(v))
                hint=td_string!(l, plan.sign_off.role_hint)
            />
            <DateField
                label=td_string!(l, plan.sign_off.date)
                field="sign-off-date"
                value=on
                set=Callback::new(move |v| on.set(v))
                error=problem(ReviewProblem::InFuture, td_string!(l, plan.sign_off.in_future))
            />
            <SelectField
                label=td_string!(l, plan.sign_off.decision)
                field="sign-off-decision"
                value=decision
                set=Callback::new(move |v| decision.set(v))
            />
            <TextField
                label=td_string!(l, plan.sign_off.comment)
                field="sign-off-comment"
                value=comment
                set=Callback::new(move |v| comment.set(v))
                multiline=true
                hint=td_string!(l, plan.sign_off.comment_hint)
                error=problem(ReviewProblem::NoComment, td_string!(l, plan.sign_off.no_comment))
            />
            <div class="form-actions">
                <button type="submit" class="primary">
                    {td_string!(l, plan.sign_off.save)}
                </button>
                <button type="button" class="secondary" on:click=move |_| recording.set(false)>
                    {td_string!(l, plan.sign_off.cancel)}
                </button>
            </div>
        </form>
    }
}
