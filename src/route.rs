//! Addresses inside the app. They live in the URL fragment (`#/cases/<id>/plan/services`), so
//! any static host serves every deep link with the one `index.html`, from any sub-path, with no
//! rewrite rules.

use uuid::Uuid;

use crate::domain::{CaseId, DueItem, DuePlace, Section};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    CaseList,
    NewCase,
    Plan {
        id: CaseId,
        section: Section,
    },
    /// The case's checklist and milestones, optionally scrolled to one item.
    Checklist {
        id: CaseId,
        item: Option<Uuid>,
    },
    /// Who changed what in the case, and when.
    History {
        id: CaseId,
    },
    /// The whole plan as a document to print or save as PDF.
    Print {
        id: CaseId,
    },
    /// What is late or due soon across every case.
    Overview,
    /// Writing an export file: of every case, or starting from one.
    Export {
        case: Option<CaseId>,
    },
    /// Reading an export file into this device.
    Import,
    /// How safely the data is kept here, and backups.
    Storage,
    /// The name recorded in the history.
    Profile,
    /// What the training demo is, with its reset, exit and exercise file.
    Demo,
    NotFound,
}

impl Route {
    /// Reads a fragment as the browser reports it (`#/…`, or empty for the start page).
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["cases"] => Self::CaseList,
            ["cases", "new"] => Self::NewCase,
            ["overview"] => Self::Overview,
            ["export"] => Self::Export { case: None },
            ["export", id] => Uuid::parse_str(id).map_or(Self::NotFound, |id| Self::Export { case: Some(id) }),
            ["import"] => Self::Import,
            ["storage"] => Self::Storage,
            ["profile"] => Self::Profile,
            ["demo"] => Self::Demo,
            ["cases", id, "print"] => Uuid::parse_str(id).map_or(Self::NotFound, |id| Self::Print { id }),
            ["cases", id, "history"] => Uuid::parse_str(id).map_or(Self::NotFound, |id| Self::History { id }),
            ["cases", id, "checklist"] => {
                Uuid::parse_str(id).map_or(Self::NotFound, |id| Self::Checklist { id, item: None })
            }
            ["cases", id, "checklist", item] => match (Uuid::parse_str(id), Uuid::parse_str(item)) {
                (Ok(id), Ok(item)) => Self::Checklist { id, item: Some(item) },
                _ => Self::NotFound,
            },
            ["cases", id] | ["cases", id, "plan"] => match Uuid::parse_str(id) {
                Ok(id) => Self::Plan { id, section: Section::Case },
                Err(_) => Self::NotFound,
            },
            ["cases", id, "plan", slug] => match (Uuid::parse_str(id), Section::from_slug(slug)) {
                (Ok(id), Some(section)) => Self::Plan { id, section },
                _ => Self::NotFound,
            },
            _ => Self::NotFound,
        }
    }

    /// Where a dated item is worked on.
    pub fn of_due(id: CaseId, due: &DueItem) -> Self {
        let section = match due.place {
            DuePlace::Checklist => return Self::Checklist { id, item: due.item },
            DuePlace::Case => Section::Case,
            DuePlace::Needs => Section::Needs,
            DuePlace::Services => Section::Services,
            DuePlace::Actions => Section::Actions,
            DuePlace::Monitoring => Section::Monitoring,
            DuePlace::Referrals => Section::Referrals,
        };
        Self::Plan { id, section }
    }

    /// The link to this place, relative to the page, so it works from any sub-path.
    pub fn href(self) -> String {
        match self {
            Self::CaseList | Self::NotFound => "#/".into(),
            Self::NewCase => "#/cases/new".into(),
            Self::Plan { id, section } => format!("#/cases/{id}/plan/{}", section.slug()),
            Self::History { id } => format!("#/cases/{id}/history"),
            Self::Print { id } => format!("#/cases/{id}/print"),
            Self::Checklist { id, item: None } => format!("#/cases/{id}/checklist"),
            Self::Checklist { id, item: Some(item) } => format!("#/cases/{id}/checklist/{item}"),
            Self::Overview => "#/overview".into(),
            Self::Export { case: None } => "#/export".into(),
            Self::Export { case: Some(id) } => format!("#/export/{id}"),
            Self::Import => "#/import".into(),
            Self::Storage => "#/storage".into(),
            Self::Profile => "#/profile".into(),
            Self::Demo => "#/demo".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_own_link() {
        let id = Uuid::new_v4();
        let item = Some(Uuid::new_v4());
        for route in [
            Route::CaseList,
            Route::NewCase,
            Route::Overview,
            Route::Import,
            Route::Export { case: None },
            Route::Export { case: Some(id) },
            Route::Plan { id, section: Section::Services },
            Route::Plan { id, section: Section::BestInterests },
            Route::Checklist { id, item: None },
            Route::History { id },
            Route::Print { id },
            Route::Demo,
            Route::Checklist { id, item },
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn a_due_item_leads_to_where_it_is_done() {
        let (id, item) = (Uuid::new_v4(), Uuid::new_v4());
        let date = "2026-11-23".parse().unwrap();
        assert_eq!(
            Route::of_due(id, &DueItem::at(DuePlace::Checklist, Some(item), crate::domain::DueWhat::PlanReview, date)),
            Route::Checklist { id, item: Some(item) }
        );
        assert_eq!(
            Route::of_due(id, &DueItem::at(DuePlace::Referrals, Some(item), crate::domain::DueWhat::PlanReview, date)),
            Route::Plan { id, section: Section::Referrals }
        );
        assert_eq!(
            Route::of_due(id, &DueItem::new(crate::domain::DueWhat::PlanReview, date)),
            Route::Plan { id, section: Section::Case }
        );
    }

    #[test]
    fn deep_links_and_odd_input() {
        let id = Uuid::new_v4();
        assert_eq!(Route::parse(""), Route::CaseList);
        assert_eq!(Route::parse("#"), Route::CaseList);
        assert_eq!(
            Route::parse(&format!("#/cases/{id}/plan/services/")),
            Route::Plan { id, section: Section::Services }
        );
        assert_eq!(Route::parse(&format!("#/cases/{id}")), Route::Plan { id, section: Section::Case });
        assert_eq!(Route::parse("#/cases/not-a-uuid/plan/services"), Route::NotFound);
        assert_eq!(Route::parse(&format!("#/cases/{id}/plan/nowhere")), Route::NotFound);
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
        assert_eq!(Route::parse(&format!("#/cases/{id}/checklist/not-an-item")), Route::NotFound);
    }
}
