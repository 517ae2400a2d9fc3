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
    /// The whole caseload in figures for a period.
    Reports,
    /// Writing an export file: of every case, or starting from one.
    Export {
        case: Option<CaseId>,
    },
    /// Reading an export file into this device.
    Import,
    /// How safely the data is kept here, and backups.
    Storage,
    /// Cases deleted here whose content is still kept: restored or erased for good.
    RecentlyDeleted,
    /// The name recorded in the history.
    Profile,
    /// What the training demo is, with its reset, exit and exercise file.
    Demo,
    /// A new worker's protected workspace on this device.
    AddWorker,
    /// The locked workspace opened with its recovery key.
    Recover,
    NotFound,
}

/// A screen of the app: what stays mounted while the address changes within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    List,
    New,
    Overview,
    Reports,
    Export(Option<CaseId>),
    Import,
    Storage,
    RecentlyDeleted,
    Profile,
    Demo,
    AddWorker,
    Recover,
    /// Drawn by the gate before any workspace is open, whatever the address: the workers on
    /// this device, and a chosen worker's unlock form.
    Opening,
    Unlock,
    /// A worker's workspace unlocked, taking in the cases kept unprotected on this device.
    Moving,
    Print(CaseId),
    /// One case, with its plan, checklist and history as tabs.
    Case(CaseId),
    NotFound,
}

/// What of a case is on screen: a step of the plan, the checklist (opened at an item), or the
/// history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseTab {
    Plan(Section),
    Checklist(Option<Uuid>),
    History,
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
            ["reports"] => Self::Reports,
            ["export"] => Self::Export { case: None },
            ["export", id] => Uuid::parse_str(id).map_or(Self::NotFound, |id| Self::Export { case: Some(id) }),
            ["import"] => Self::Import,
            ["storage"] => Self::Storage,
            ["deleted"] => Self::RecentlyDeleted,
            ["profile"] => Self::Profile,
            ["demo"] => Self::Demo,
            ["workspaces", "new"] => Self::AddWorker,
            ["recover"] => Self::Recover,
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
            DuePlace::SafetyPlan => Section::SafetyPlan,
            DuePlace::Referrals => Section::Referrals,
        };
        Self::Plan { id, section }
    }

    /// The screen this address shows. Moving between the steps, checklist and history of one
    /// case stays on the same page (and the same editor); only the case's tab changes.
    pub fn page(self) -> Page {
        match self {
            Self::Plan { id, .. } | Self::Checklist { id, .. } | Self::History { id } => Page::Case(id),
            Self::Overview => Page::Overview,
            Self::Reports => Page::Reports,
            Self::Export { case } => Page::Export(case),
            Self::Import => Page::Import,
            Self::Storage => Page::Storage,
            Self::RecentlyDeleted => Page::RecentlyDeleted,
            Self::Profile => Page::Profile,
            Self::AddWorker => Page::AddWorker,
            Self::Recover => Page::Recover,
            Self::Demo => Page::Demo,
            Self::Print { id } => Page::Print(id),
            Self::CaseList => Page::List,
            Self::NewCase => Page::New,
            Self::NotFound => Page::NotFound,
        }
    }

    /// Which of a case's tabs this address shows, if it names a case's tab.
    pub fn case_tab(self) -> Option<CaseTab> {
        match self {
            Self::Plan { section, .. } => Some(CaseTab::Plan(section)),
            Self::Checklist { item, .. } => Some(CaseTab::Checklist(item)),
            Self::History { .. } => Some(CaseTab::History),
            _ => None,
        }
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
            Self::Reports => "#/reports".into(),
            Self::Export { case: None } => "#/export".into(),
            Self::Export { case: Some(id) } => format!("#/export/{id}"),
            Self::Import => "#/import".into(),
            Self::Storage => "#/storage".into(),
            Self::RecentlyDeleted => "#/deleted".into(),
            Self::Profile => "#/profile".into(),
            Self::AddWorker => "#/workspaces/new".into(),
            Self::Recover => "#/recover".into(),
            Self::Demo => "#/demo".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant, so a new route cannot be added without a place in the round trip.
    fn one_of_each(id: CaseId, item: Uuid) -> Vec<Route> {
        let every = |route: Route| match route {
            Route::CaseList
            | Route::NewCase
            | Route::Plan { .. }
            | Route::Checklist { .. }
            | Route::History { .. }
            | Route::Print { .. }
            | Route::Overview
            | Route::Reports
            | Route::Export { .. }
            | Route::Import
            | Route::Storage
            | Route::RecentlyDeleted
            | Route::Profile
            | Route::Demo
            | Route::AddWorker
            | Route::Recover
            | Route::NotFound => route,
        };
        let mut routes = vec![
            Route::CaseList,
            Route::NewCase,
            Route::Checklist { id, item: None },
            Route::Checklist { id, item: Some(item) },
            Route::History { id },
            Route::Print { id },
            Route::Overview,
            Route::Reports,
            Route::Export { case: None },
            Route::Export { case: Some(id) },
            Route::Import,
            Route::Storage,
            Route::RecentlyDeleted,
            Route::Profile,
            Route::Demo,
            Route::AddWorker,
            Route::Recover,
        ];
        routes.extend(Section::ALL.iter().map(|&section| Route::Plan { id, section }));
        routes.into_iter().map(every).collect()
    }

    #[test]
    fn every_route_and_every_plan_step_survives_the_round_trip() {
        let (id, item) = (Uuid::new_v4(), Uuid::new_v4());
        for route in one_of_each(id, item) {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
        assert_eq!(Route::parse(&Route::NotFound.href()), Route::CaseList, "an unknown address leads to the list");
    }

    #[test]
    fn an_address_decides_the_screen_and_the_case_tab() {
        let (id, item) = (Uuid::new_v4(), Uuid::new_v4());
        let page = |hash: &str| Route::parse(hash).page();
        let tab = |hash: &str| Route::parse(hash).case_tab();
        assert_eq!(page(""), Page::List);
        assert_eq!(page("#/cases/new"), Page::New);
        assert_eq!(page("#/overview"), Page::Overview);
        assert_eq!(page("#/reports"), Page::Reports);
        assert_eq!(page("#/export"), Page::Export(None));
        assert_eq!(page(&format!("#/export/{id}")), Page::Export(Some(id)));
        assert_eq!(page("#/import"), Page::Import);
        assert_eq!(page("#/storage"), Page::Storage);
        assert_eq!(page("#/deleted"), Page::RecentlyDeleted);
        assert_eq!(page("#/profile"), Page::Profile);
        assert_eq!(page("#/demo"), Page::Demo);
        assert_eq!(page("#/workspaces/new"), Page::AddWorker);
        assert_eq!(page("#/recover"), Page::Recover);
        assert_eq!(page(&format!("#/cases/{id}/print")), Page::Print(id));
        assert_eq!(page("#/nowhere"), Page::NotFound);
        // The plan, the checklist and the history of one case are one screen with three tabs.
        for hash in [
            format!("#/cases/{id}"),
            format!("#/cases/{id}/plan/services"),
            format!("#/cases/{id}/checklist"),
            format!("#/cases/{id}/checklist/{item}"),
            format!("#/cases/{id}/history"),
        ] {
            assert_eq!(page(&hash), Page::Case(id), "{hash}");
        }
        assert_eq!(tab(&format!("#/cases/{id}")), Some(CaseTab::Plan(Section::Case)));
        assert_eq!(tab(&format!("#/cases/{id}/plan/referrals")), Some(CaseTab::Plan(Section::Referrals)));
        assert_eq!(tab(&format!("#/cases/{id}/checklist/{item}")), Some(CaseTab::Checklist(Some(item))));
        assert_eq!(tab(&format!("#/cases/{id}/history")), Some(CaseTab::History));
        assert_eq!(tab(&format!("#/cases/{id}/print")), None);
        assert_eq!(tab("#/overview"), None);
        for route in one_of_each(id, item) {
            assert_eq!(route.case_tab().is_some(), matches!(route.page(), Page::Case(_)), "{route:?}");
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
