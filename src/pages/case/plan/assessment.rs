//! The assessment step: every assessment of the child's situation, the newest open and the
//! earlier ones folded; the latest compared with the one before; a domain rated as a need leads,
//! in one click, to a protection need or a service in the plan, linked back to it.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::{DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::domain::assessment::{compare, grouped, Answer};
use crate::domain::items::Removed;
use crate::domain::{Assessment, CareDomain, Choice, FromAssessment, Section};
use crate::editor::{Editor, ListAccess};
use crate::i18n::{long_date, td_string, Locale, Translate};
use crate::route::Route;

const ASSESSMENTS: ListAccess<Assessment> = ListAccess { get: |p| &p.assessments, get_mut: |p| &mut p.assessments };

/// "Assessment of 3 March 2026", or "Assessment, not dated yet".
fn title(l: Locale, assessment: &Assessment) -> String {
    match assessment.date {
        Some(date) => td_string!(l, plan.assessment.title, date = long_date(l, date)).to_string(),
        None => td_string!(l, plan.assessment.title_undated).to_string(),
    }
}

pub fn assessment_section(ed: Editor, l: Locale) -> impl IntoView {
    // The order is set as the step opens and as assessments are started or removed, not as a
    // date is typed, so an assessment never moves away under the worker's hands.
    let order = RwSignal::new(
        ed.case.with_untracked(|c| c.plan.assessments.newest_first().iter().map(|a| a.id).collect::<Vec<_>>()),
    );
    let shown = Memo::new(move |_| {
        let mut ids = order.get();
        ed.case.with(|c| {
            ids.retain(|id| c.plan.assessments.get(*id).is_some());
            // One another tab started is shown too.
            for a in c.plan.assessments.iter() {
                if !ids.contains(&a.id) {
                    ids.push(a.id);
                }
            }
        });
        ids
    });
    let latest = Memo::new(move |_| shown.with(|ids| ids.first().copied()));
    let earlier = Memo::new(move |_| shown.with(|ids| ids.iter().skip(1).copied().collect::<Vec<_>>()));
    let start = move |_| {
        let next = ed.case.with_untracked(|c| {
            let last = latest.get_untracked().and_then(|id| c.plan.assessments.get(id));
            Assessment::following(last, today(), &c.plan.worker.name)
        });
        let id = next.id;
        ed.edit(|c| c.plan.assessments.push(next));
        order.update(|o| o.insert(0, id));
        focus_id_later(&format!("assessment-{id}"));
    };
    let removed = RwSignal::new(None::<(String, usize, Removed<Assessment>)>);
    let remove = Callback::new(move |id: Uuid| {
        let mut taken = None;
        let name = ed.case.with_untracked(|c| c.plan.assessments.get(id).map(|a| title(l, a))).unwrap_or_default();
        ed.edit(|c| taken = c.plan.assessments.remove(id));
        let at = order.with_untracked(|o| o.iter().position(|x| *x == id).unwrap_or(0));
        order.update(|o| o.retain(|x| *x != id));
        removed.set(taken.map(|t| (name, at, t)));
        focus_id_later("undo-assessments");
    });
    let undo = move |_| {
        if let Some((_, at, item)) = removed.get_untracked() {
            let id = item.item.id;
            ed.edit(|c| c.plan.assessments.restore(item));
            order.update(|o| o.insert(at.min(o.len()), id));
            removed.set(None);
            focus_id_later(&format!("assessment-{id}"));
        }
    };
    view! {
        {comparison(ed, l)}
        <p class="muted">{td_string!(l, plan.assessment.start_hint)}</p>
        <button type="button" id="start-assessment" on:click=start>
            {td_string!(l, plan.assessment.start)}
        </button>
        <div class="undo" role="status">
            {move || {
                removed
                    .get()
                    .map(|(name, _, _)| {
                        view! {
                            <span>{td_string!(l, plan.assessment.removed, title = name).to_string()}</span>
                            " "
                            <button type="button" class="small" id="undo-assessments" on:click=undo>
                                {td_string!(l, plan.lists.undo)}
                            </button>
                        }
                    })
            }}
        </div>
        <Show when=move || latest.get().is_none()>
            <p class="empty">{td_string!(l, plan.assessment.empty)}</p>
        </Show>
        {move || latest.get().map(|id| assessment_form(ed, l, id, remove))}
        <Show when=move || !earlier.with(Vec::is_empty)>
            <h3>{td_string!(l, plan.assessment.earlier)}</h3>
        </Show>
        <For each=move || earlier.get() key=|id| *id let:id>
            <details class="earlier-assessment">
                <summary>{move || ed.case.with(|c| c.plan.assessments.get(id).map(|a| title(l, a)))}</summary>
                {assessment_form(ed, l, id, remove)}
            </details>
        </For>
    }
}

/// The latest assessment against the one before: which domains got better, worse, stayed.
fn comparison(ed: Editor, l: Locale) -> impl IntoView {
    let changes = Memo::new(move |_| {
        ed.case.with(|c| c.plan.assessments.latest_two().map(|(latest, before)| (before.date, compare(latest, before))))
    });
    move || {
        changes.get().map(|(before, changes)| {
            let rows = grouped(&changes)
                .into_iter()
                .map(|(kind, domains)| {
                    let domains: Vec<&str> = domains.iter().map(|d| d.in_locale(l)).collect();
                    view! {
                        <dt>{kind.in_locale(l)}</dt>
                        <dd>{domains.join(", ")}</dd>
                    }
                })
                .collect_view();
            let date = before.map(|d| long_date(l, d)).unwrap_or_default();
            view! {
                <section class="comparison" aria-labelledby="comparison-title">
                    <h3 id="comparison-title">{td_string!(l, plan.assessment.compared, date).to_string()}</h3>
                    <dl class="facts">{rows}</dl>
                </section>
            }
        })
    }
}

fn assessment_form(ed: Editor, l: Locale, id: Uuid, remove: Callback<Uuid>) -> AnyView {
    let (date, set_date) = ed.bind_item(ASSESSMENTS, id, |a| a.date, |a, v| a.date = v);
    let (by, set_by) = ed.bind_item(ASSESSMENTS, id, |a| a.by.clone(), |a, v| a.by = v);
    let date_key = format!("assessments.{id}.date");
    let name = move || ed.case.with(|c| c.plan.assessments.get(id).map(|a| title(l, a)).unwrap_or_default());
    view! {
        <section class="assessment" aria-labelledby=format!("assessment-{id}")>
            <h3 id=format!("assessment-{id}") tabindex="-1">
                {name}
            </h3>
            <DateField
                label=td_string!(l, plan.assessment.date)
                field=date_key.clone()
                value=date
                set=set_date
                error=ed.error(date_key)
            />
            <TextField
                label=td_string!(l, plan.assessment.by)
                field=format!("assessments.{id}.by")
                value=by
                set=set_by
                suggestions=ed.people
            />
            {CareDomain::ALL.iter().map(|&domain| domain_rating(ed, l, id, domain)).collect_view()}
            <div class="item-actions">
                <button type="button" class="small danger" on:click=move |_| remove.run(id)>
                    {move || td_string!(l, plan.assessment.remove, title = name()).to_string()}
                </button>
            </div>
        </section>
    }
    .into_any()
}

fn domain_rating(ed: Editor, l: Locale, id: Uuid, domain: CareDomain) -> impl IntoView {
    let key = domain.key();
    let (rating, set_rating) =
        ed.bind_item(ASSESSMENTS, id, move |a| a.domain(domain).rating, move |a, v| a.domain_mut(domain).rating = v);
    let (notes, set_notes) = ed.bind_item(
        ASSESSMENTS,
        id,
        move |a| a.domain(domain).notes.clone(),
        move |a, v| a.domain_mut(domain).notes = v,
    );
    let from = FromAssessment { assessment: id, domain };
    let answers = Memo::new(move |_| ed.case.with(|c| c.plan.answers_to(from)));
    let is_need = move || rating.get().is_some_and(|r| r.is_need());
    let add_need = move |_| {
        ed.edit_now(|c| {
            c.plan.add_need_from(from, domain.in_locale(l));
        });
        focus_id_later(&format!("answers-{id}-{key}"));
    };
    let add_service = move |_| {
        ed.edit_now(|c| {
            c.plan.add_service_from(from, domain.in_locale(l));
        });
        focus_id_later(&format!("answers-{id}-{key}"));
    };
    let case_id = ed.case.with_untracked(|c| c.id);
    let step = move |section| Route::Plan { id: case_id, section }.href();
    view! {
        <fieldset class="domain-rating">
            <legend>{domain.in_locale(l)}</legend>
            <SelectField
                label=td_string!(l, plan.assessment.rating)
                field=format!("assessments.{id}.{key}.rating")
                value=rating
                set=set_rating
                blank=td_string!(l, plan.assessment.rating_blank)
            />
            <TextField
                label=td_string!(l, plan.assessment.notes)
                field=format!("assessments.{id}.{key}.notes")
                wraps=true
                value=notes
                set=set_notes
            />
            <p class="in-plan" id=format!("answers-{id}-{key}") tabindex="-1" role="status">
                {move || {
                    let answers = answers.get();
                    (!answers.is_empty())
                        .then(|| {
                            let links = answers
                                .into_iter()
                                .map(|answer| {
                                    let (words, section) = match answer {
                                        Answer::Need(n) => {
                                            (td_string!(l, plan.assessment.need_n, n).to_string(), Section::Needs)
                                        }
                                        Answer::Service(n) => {
                                            (td_string!(l, plan.assessment.service_n, n).to_string(), Section::Services)
                                        }
                                    };
                                    view! { <a href=step(section)>{words}</a> }
                                })
                                .collect::<Vec<_>>();
                            let mut items = Vec::new();
                            for (i, link) in links.into_iter().enumerate() {
                                if i > 0 {
                                    items.push(", ".into_any());
                                }
                                items.push(link.into_any());
                            }
                            view! {
                                {td_string!(l, plan.assessment.in_plan)}
                                " "
                                {items}
                            }
                        })
                }}
            </p>
            <Show when=is_need>
                <div class="item-actions">
                    <button
                        type="button"
                        class="small"
                        aria-label=td_string!(l, plan.assessment.add_need_for, domain = domain.in_locale(l)).to_string()
                        on:click=add_need
                    >
                        {td_string!(l, plan.assessment.add_need)}
                    </button>
                    <button
                        type="button"
                        class="small"
                        aria-label=td_string!(l, plan.assessment.add_service_for, domain = domain.in_locale(l))
                            .to_string()
                        on:click=add_service
                    >
                        {td_string!(l, plan.assessment.add_service)}
                    </button>
                </div>
            </Show>
        </fieldset>
    }
}

/// On a need or a service made from an assessment: which one, and which domain.
pub fn from_line(ed: Editor, l: Locale, from: Signal<Option<FromAssessment>>) -> impl IntoView {
    move || {
        from.get().map(|from| {
            let date = ed.case.with(|c| c.plan.assessments.get(from.assessment).and_then(|a| a.date));
            let domain = from.domain.in_locale(l);
            let text = match date {
                Some(date) => td_string!(l, plan.assessment.from_assessment, date = long_date(l, date), domain),
                None => td_string!(l, plan.assessment.from_undated, domain),
            };
            view! { <p class="hint from-assessment">{text.to_string()}</p> }
        })
    }
}
