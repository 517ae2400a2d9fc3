//! The checklist catalogue's texts: activities' titles and explanations, checklist items, milestones.

use crate::domain::checklist::{catalogue, ChecklistItem, Milestone, Progress, ACTIVITIES};
use crate::i18n::{td_plural, td_string, Locale};

/// The catalogue's texts, one entry per activity identifier (`catalogue.activity.<id>`).
macro_rules! catalogue_texts {
    ($($id:ident),+ $(,)?) => {
        /// An activity's title; an identifier this build does not know (from a newer catalogue)
        /// keeps the title stored with the item.
        pub fn activity_title(l: Locale, id: &str, stored_title: &str) -> String {
            match id {
                $(stringify!($id) => td_string!(l, catalogue.activity.$id.title).to_string(),)+
                _ => stored_title.to_string(),
            }
        }

        /// An activity's one-line explanation, if this build's catalogue has it.
        pub fn activity_explanation(l: Locale, id: &str) -> Option<&'static str> {
            match id {
                $(stringify!($id) => Some(td_string!(l, catalogue.activity.$id.explanation)),)+
                _ => None,
            }
        }
    };
}

catalogue_texts!(
    care_setting,
    life_skills,
    vocational_training,
    language_culture,
    job_readiness,
    protective_behaviours,
    counselling,
    family_visits,
    addiction,
    family_strengthening,
    positive_parenting,
    safety_plan,
    life_book,
    expression,
    care_leaver_network,
    assistive_devices,
    mentor,
    service_referrals,
    respite_care,
    school_transfer,
    medical_transfer,
    disability_services,
    placement_documents,
    community_sensitisation,
    realistic_expectations,
    community_leaders,
    reintegration_kit,
    prepare_home,
    school_reintegration,
    accommodation,
    aftercare,
    farewell,
    day_planning,
    community_welcome,
);

/// A checklist item's title as the worker reads it: the catalogue's in this language, the
/// stored one for an activity this build does not know or the worker's own, and a
/// placeholder when the worker's own has none.
pub fn checklist_item_title(l: Locale, item: &ChecklistItem) -> String {
    checklist_title(l, item.activity.as_deref(), &item.title)
}

/// [`checklist_item_title`] from an item's activity and stored title (as due items keep them).
pub fn checklist_title(l: Locale, activity: Option<&str>, title: &str) -> String {
    match (activity, title.trim()) {
        (Some(id), stored) if catalogue::activity(id).is_some() || !stored.is_empty() => activity_title(l, id, stored),
        (_, "") => td_string!(l, catalogue.untitled_activity).to_string(),
        (_, stored) => stored.to_string(),
    }
}

/// A checklist item's explanation, for catalogue activities.
pub fn checklist_item_explanation(l: Locale, item: &ChecklistItem) -> Option<&'static str> {
    item.activity.as_deref().and_then(|id| activity_explanation(l, id))
}

/// What reaching a milestone means, in the source's words.
pub fn milestone_meaning(l: Locale, milestone: Milestone) -> &'static str {
    match milestone {
        Milestone::Prepared => td_string!(l, catalogue.milestone.prepared.meaning),
        Milestone::LegalSteps => td_string!(l, catalogue.milestone.legal_steps.meaning),
        Milestone::SafetyPlan => td_string!(l, catalogue.milestone.safety_plan.meaning),
        Milestone::Referrals => td_string!(l, catalogue.milestone.referrals.meaning),
        Milestone::Placed => td_string!(l, catalogue.milestone.placed.meaning),
    }
}

/// What to write down as evidence that a milestone is reached.
pub fn milestone_evidence_hint(l: Locale, milestone: Milestone) -> &'static str {
    match milestone {
        Milestone::Prepared => td_string!(l, catalogue.milestone.prepared.evidence_hint),
        Milestone::LegalSteps => td_string!(l, catalogue.milestone.legal_steps.evidence_hint),
        Milestone::SafetyPlan => td_string!(l, catalogue.milestone.safety_plan.evidence_hint),
        Milestone::Referrals => td_string!(l, catalogue.milestone.referrals.evidence_hint),
        Milestone::Placed => td_string!(l, catalogue.milestone.placed.evidence_hint),
    }
}

/// The catalogue activity whose English title this is (titles stored in summaries and history).
fn activity_by_english_title(title: &str) -> Option<&'static str> {
    ACTIVITIES.iter().find(|a| a.title == title).map(|a| a.id)
}

/// A checklist title as stored in English (in summaries and the history), in this language.
pub(super) fn stored_checklist_title(l: Locale, title: &str) -> String {
    match activity_by_english_title(title) {
        Some(id) => activity_title(l, id, title),
        None if title == ChecklistItem::default().title() => td_string!(l, catalogue.untitled_activity).to_string(),
        None => title.to_string(),
    }
}

/// The line that sums a checklist up: done of applicable, overdue, milestones reached.
pub fn checklist_progress(l: Locale, p: Progress) -> String {
    if p.applicable == 0 {
        return td_string!(l, checklist.progress.none).to_string();
    }
    let mut parts = vec![td_string!(
        l,
        checklist.progress.done,
        done = p.done,
        applicable = p.applicable,
        percent = p.percent().unwrap_or(0)
    )
    .to_string()];
    if p.overdue > 0 {
        parts.push(td_plural!(
            l,
            p.overdue,
            checklist.progress.overdue_one | checklist.progress.overdue_many,
            n = p.overdue
        ));
    }
    parts.push(td_string!(l, checklist.progress.milestones, n = p.milestones_reached).to_string());
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::Theme;
    use crate::domain::Choice;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_catalogue_reads_in_english_as_the_domain_and_keeps_unknown_titles() {
        for a in ACTIVITIES {
            assert_eq!(activity_title(Locale::en, a.id, "stored"), a.title);
            assert_eq!(activity_explanation(Locale::en, a.id), Some(a.explanation));
            for l in [Locale::es, Locale::fr] {
                assert_ne!(activity_title(l, a.id, "stored"), "stored", "{}", a.id);
                assert!(activity_explanation(l, a.id).is_some_and(|e| e.ends_with('.')), "{}", a.id);
            }
        }
        for &m in Milestone::ALL {
            assert_eq!(milestone_meaning(Locale::en, m), m.meaning());
            assert_eq!(milestone_evidence_hint(Locale::en, m), m.evidence_hint());
        }
        assert_eq!(activity_title(Locale::fr, "from_a_newer_catalogue", "Stored title"), "Stored title");
        assert_eq!(activity_explanation(Locale::fr, "from_a_newer_catalogue"), None);
        let newer = ChecklistItem {
            activity: Some("from_a_newer_catalogue".into()),
            title: "Stored".into(),
            ..ChecklistItem::default()
        };
        let own = ChecklistItem::custom("Visit grandmother", Theme::Family, None);
        let untitled = ChecklistItem::custom("  ", Theme::Family, None);
        let known = ChecklistItem::from_activity(&ACTIVITIES[0]);
        for item in [&newer, &own, &untitled, &known] {
            assert_eq!(checklist_item_title(Locale::en, item), item.title());
        }
        assert_eq!(checklist_item_title(Locale::es, &own), "Visit grandmother");
        assert_eq!(checklist_item_title(Locale::es, &untitled), "(actividad sin título)");
        assert_eq!(checklist_item_title(Locale::es, &known), "Mejorar el entorno de cuidado antes de la ubicación");
    }
}
