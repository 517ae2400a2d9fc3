//! Addresses inside the app. They live in the URL fragment (`#/cases/<id>/plan/services`), so
//! any static host serves every deep link with the one `index.html`, from any sub-path, with no
//! rewrite rules.

use uuid::Uuid;

use crate::domain::{CaseId, Section};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    CaseList,
    NewCase,
    Plan { id: CaseId, section: Section },
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

    /// The link to this place, relative to the page, so it works from any sub-path.
    pub fn href(self) -> String {
        match self {
            Self::CaseList | Self::NotFound => "#/".into(),
            Self::NewCase => "#/cases/new".into(),
            Self::Plan { id, section } => format!("#/cases/{id}/plan/{}", section.slug()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_own_link() {
        let id = Uuid::new_v4();
        for route in [Route::CaseList, Route::NewCase, Route::Plan { id, section: Section::Services }, Route::Plan { id, section: Section::BestInterests }] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn deep_links_and_odd_input() {
        let id = Uuid::new_v4();
        assert_eq!(Route::parse(""), Route::CaseList);
        assert_eq!(Route::parse("#"), Route::CaseList);
        assert_eq!(Route::parse(&format!("#/cases/{id}/plan/services/")), Route::Plan { id, section: Section::Services });
        assert_eq!(Route::parse(&format!("#/cases/{id}")), Route::Plan { id, section: Section::Case });
        assert_eq!(Route::parse("#/cases/not-a-uuid/plan/services"), Route::NotFound);
        assert_eq!(Route::parse(&format!("#/cases/{id}/plan/nowhere")), Route::NotFound);
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
    }
}
