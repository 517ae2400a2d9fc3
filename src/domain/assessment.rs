//! Assessments of the child's situation, domain by domain, each rated on a small scale from
//! "urgent need" to "strength". A case keeps every assessment; the latest is compared with the
//! one before, and a domain rated as a need leads to a protection need or a service in the plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use super::care_domain::{lenient_from, CareDomain, FromAssessment};
use super::choices::{lenient_option, Choice, ServiceType};
use super::items::{ItemList, ListItem, ProtectionNeed, Service};

choice!(
    /// How a domain stands, worst first. Words, not numbers: the order alone compares them.
    Rating {
        UrgentNeed = "urgent_need": "Urgent need",
        Need = "need": "Need",
        Managing = "managing": "Managing",
        Strength = "strength": "Strength",
    }
);

impl Rating {
    /// A need the plan should answer, with a protection need or a service.
    pub fn is_need(self) -> bool {
        matches!(self, Self::UrgentNeed | Self::Need)
    }

    /// Higher is better.
    fn rank(self) -> usize {
        Self::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DomainRating {
    #[serde(deserialize_with = "lenient_option")]
    pub rating: Option<Rating>,
    pub notes: String,
}

/// One assessment. Each domain is a field of its own, so the history names the domain of a
/// change (`plan.assessments[<id>].health.rating`) and a domain a newer Homeward adds is
/// simply not read here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub id: Uuid,
    pub date: Option<NaiveDate>,
    pub by: String,
    pub safety: DomainRating,
    pub health: DomainRating,
    pub education: DomainRating,
    pub family: DomainRating,
    pub emotional: DomainRating,
    pub living: DomainRating,
    pub identity: DomainRating,
    pub disability: DomainRating,
}

impl Default for Assessment {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            date: None,
            by: String::new(),
            safety: DomainRating::default(),
            health: DomainRating::default(),
            education: DomainRating::default(),
            family: DomainRating::default(),
            emotional: DomainRating::default(),
            living: DomainRating::default(),
            identity: DomainRating::default(),
            disability: DomainRating::default(),
        }
    }
}

impl ListItem for Assessment {
    fn id(&self) -> Uuid {
        self.id
    }
}

impl Assessment {
    pub fn domain(&self, domain: CareDomain) -> &DomainRating {
        match domain {
            CareDomain::Safety => &self.safety,
            CareDomain::Health => &self.health,
            CareDomain::Education => &self.education,
            CareDomain::Family => &self.family,
            CareDomain::Emotional => &self.emotional,
            CareDomain::Living => &self.living,
            CareDomain::Identity => &self.identity,
            CareDomain::Disability => &self.disability,
        }
    }

    pub fn domain_mut(&mut self, domain: CareDomain) -> &mut DomainRating {
        match domain {
            CareDomain::Safety => &mut self.safety,
            CareDomain::Health => &mut self.health,
            CareDomain::Education => &mut self.education,
            CareDomain::Family => &mut self.family,
            CareDomain::Emotional => &mut self.emotional,
            CareDomain::Living => &mut self.living,
            CareDomain::Identity => &mut self.identity,
            CareDomain::Disability => &mut self.disability,
        }
    }

    /// A reassessment starts from the last one's ratings, without its notes: a few changes,
    /// not eight answers again.
    pub fn following(previous: Option<&Assessment>, date: NaiveDate, by: &str) -> Self {
        let mut next = Self { date: Some(date), by: by.to_string(), ..Self::default() };
        if let Some(previous) = previous {
            for &d in CareDomain::ALL {
                next.domain_mut(d).rating = previous.domain(d).rating;
            }
        }
        next
    }

    /// Dated, and every domain rated.
    pub fn is_complete(&self) -> bool {
        self.date.is_some() && CareDomain::ALL.iter().all(|&d| self.domain(d).rating.is_some())
    }

    pub fn is_empty(&self) -> bool {
        self.date.is_none()
            && self.by.trim().is_empty()
            && CareDomain::ALL.iter().all(|&d| *self.domain(d) == DomainRating::default())
    }
}

/// How a domain moved from one assessment to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Better,
    Worse,
    Same,
    NewlyRated,
    NoLongerRated,
}

impl Change {
    /// The order a comparison is read in: what improved first.
    pub const ALL: [Change; 5] = [Self::Better, Self::Worse, Self::Same, Self::NewlyRated, Self::NoLongerRated];
}

/// The domains of a comparison grouped by how they moved, in [`Change::ALL`]'s order, kinds no
/// domain took left out: what the step and the printout both show.
pub fn grouped(changes: &[(CareDomain, Change)]) -> Vec<(Change, Vec<CareDomain>)> {
    Change::ALL
        .into_iter()
        .map(|kind| (kind, changes.iter().filter(|(_, c)| *c == kind).map(|(d, _)| *d).collect::<Vec<_>>()))
        .filter(|(_, domains)| !domains.is_empty())
        .collect()
}

/// Each domain rated in either assessment, and how it moved from `before` to `latest`.
pub fn compare(latest: &Assessment, before: &Assessment) -> Vec<(CareDomain, Change)> {
    CareDomain::ALL
        .iter()
        .filter_map(|&d| {
            let change = match (before.domain(d).rating, latest.domain(d).rating) {
                (None, None) => return None,
                (None, Some(_)) => Change::NewlyRated,
                (Some(_), None) => Change::NoLongerRated,
                (Some(b), Some(a)) if a.rank() > b.rank() => Change::Better,
                (Some(b), Some(a)) if a.rank() < b.rank() => Change::Worse,
                _ => Change::Same,
            };
            Some((d, change))
        })
        .collect()
}

impl ItemList<Assessment> {
    /// Newest first: by date, an undated one (being written) before all.
    pub fn newest_first(&self) -> Vec<&Assessment> {
        let mut all: Vec<&Assessment> = self.iter().collect();
        all.sort_by_key(|a| std::cmp::Reverse(a.date.unwrap_or(NaiveDate::MAX)));
        all
    }

    /// The latest dated assessment and the dated one before it, to compare.
    pub fn latest_two(&self) -> Option<(&Assessment, &Assessment)> {
        let mut dated = self.newest_first().into_iter().filter(|a| a.date.is_some());
        Some((dated.next()?, dated.next()?))
    }
}

/// A need or a service of the plan that answers an assessment's domain, by its place in its list
/// as the plan shows it ("Need 2", "Service 1").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Need(usize),
    Service(usize),
}

impl super::Plan {
    /// Adds a protection need answering `from`, described by the domain's notes, or `described`
    /// (the domain's name in the worker's language) when it has none.
    pub fn add_need_from(&mut self, from: FromAssessment, described: &str) -> Uuid {
        let need = ProtectionNeed { need: self.described(from, described), from: Some(from), ..Default::default() };
        let id = need.id;
        self.needs.push(need);
        id
    }

    /// Adds a service answering `from`, of the kind that answers its domain, urgent when the
    /// domain was rated an urgent need.
    pub fn add_service_from(&mut self, from: FromAssessment, described: &str) -> Uuid {
        let urgent = self.assessments.get(from.assessment).and_then(|a| a.domain(from.domain).rating)
            == Some(Rating::UrgentNeed);
        let service = Service {
            kind: from.domain.service_kind().unwrap_or(ServiceType::Other),
            description: self.described(from, described),
            urgent,
            from: Some(from),
            ..Default::default()
        };
        let id = service.id;
        self.services.push(service);
        id
    }

    fn described(&self, from: FromAssessment, otherwise: &str) -> String {
        let notes = self.assessments.get(from.assessment).map(|a| a.domain(from.domain).notes.trim().to_string());
        notes.filter(|n| !n.is_empty()).unwrap_or_else(|| otherwise.to_string())
    }

    /// The needs and services made from `from`, as the plan numbers them.
    pub fn answers_to(&self, from: FromAssessment) -> Vec<Answer> {
        let needs = self.needs.in_display_order().into_iter().enumerate().filter(|(_, n)| n.from == Some(from));
        let services = self.services.in_display_order().into_iter().enumerate().filter(|(_, s)| s.from == Some(from));
        needs.map(|(i, _)| Answer::Need(i + 1)).chain(services.map(|(i, _)| Answer::Service(i + 1))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparison_is_grouped_by_how_each_domain_moved_what_improved_first() {
        let changes = [
            (CareDomain::Safety, Change::Worse),
            (CareDomain::Health, Change::Same),
            (CareDomain::Family, Change::Better),
            (CareDomain::Living, Change::Better),
        ];
        assert_eq!(
            grouped(&changes),
            [
                (Change::Better, vec![CareDomain::Family, CareDomain::Living]),
                (Change::Worse, vec![CareDomain::Safety]),
                (Change::Same, vec![CareDomain::Health]),
            ]
        );
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn rated(date: &str, ratings: &[(CareDomain, Rating)]) -> Assessment {
        let mut a = Assessment { date: Some(d(date)), ..Assessment::default() };
        for &(domain, rating) in ratings {
            a.domain_mut(domain).rating = Some(rating);
        }
        a
    }

    #[test]
    fn the_latest_is_compared_with_the_one_before_domain_by_domain() {
        use CareDomain::*;
        use Rating::*;
        let before =
            rated("2026-03-03", &[(Health, Need), (Education, Managing), (Family, Need), (Identity, UrgentNeed)]);
        let latest = rated("2026-09-01", &[(Health, Strength), (Education, Need), (Family, Need), (Safety, Managing)]);
        assert_eq!(
            compare(&latest, &before),
            [
                (Safety, Change::NewlyRated),
                (Health, Change::Better),
                (Education, Change::Worse),
                (Family, Change::Same),
                (Identity, Change::NoLongerRated),
            ]
        );
    }

    #[test]
    fn assessments_are_kept_newest_first_and_a_new_one_starts_from_the_last_ratings() {
        let old = rated("2026-03-03", &[(CareDomain::Health, Rating::Need)]);
        let mut notes = rated("2026-06-01", &[(CareDomain::Health, Rating::Managing)]);
        notes.health.notes = "Glasses fitted".into();
        let mut list = ItemList(vec![old.clone(), notes.clone()]);
        assert_eq!(list.latest_two().map(|(a, b)| (a.id, b.id)), Some((notes.id, old.id)));
        let next = Assessment::following(list.newest_first().first().copied(), d("2026-12-01"), "Ana");
        assert_eq!(
            next.health,
            DomainRating { rating: Some(Rating::Managing), notes: String::new() },
            "ratings, not notes"
        );
        list.push(Assessment::default());
        assert!(list.newest_first()[0].date.is_none(), "the one being written comes first");
        assert_eq!(list.latest_two().map(|(a, _)| a.id), Some(notes.id), "only dated ones compare");
        assert!(!next.is_complete());
        let all = CareDomain::ALL.iter().map(|&c| (c, Rating::Strength)).collect::<Vec<_>>();
        assert!(rated("2026-12-01", &all).is_complete());
    }

    #[test]
    fn a_domain_rated_as_a_need_makes_a_need_or_a_service_linked_back_to_it() {
        let mut plan = crate::domain::Plan::default();
        plan.services.push(Service { description: "Counselling".into(), urgent: true, ..Default::default() });
        let mut assessment =
            rated("2026-03-03", &[(CareDomain::Education, Rating::UrgentNeed), (CareDomain::Health, Rating::Need)]);
        assessment.education.notes = "Out of school for two years".into();
        let from = FromAssessment { assessment: assessment.id, domain: CareDomain::Education };
        let health = FromAssessment { assessment: assessment.id, domain: CareDomain::Health };
        plan.assessments.push(assessment);

        let need = plan.add_need_from(from, "Education");
        let need = plan.needs.get(need).unwrap();
        assert_eq!(
            (need.need.as_str(), need.from),
            ("Out of school for two years", Some(from)),
            "described by the notes"
        );
        let service = plan.add_service_from(from, "Education");
        let service = plan.services.get(service).unwrap();
        assert_eq!((service.kind, service.urgent), (ServiceType::Education, true), "an urgent need: an urgent service");
        plan.add_need_from(health, "Health");
        assert_eq!(plan.needs.0[1].need, "Health", "no notes: the domain's name, as the worker reads it");
        assert_eq!(plan.answers_to(from), [Answer::Need(1), Answer::Service(2)], "numbered as the plan shows them");
        assert_eq!(plan.answers_to(health), [Answer::Need(2)]);
    }

    #[test]
    fn a_domain_leads_to_the_kind_of_service_that_answers_it() {
        assert_eq!(CareDomain::Education.service_kind(), Some(ServiceType::Education));
        assert_eq!(CareDomain::Identity.service_kind(), Some(ServiceType::LegalDocumentation));
        assert_eq!(CareDomain::Safety.service_kind(), None);
        assert!(Rating::UrgentNeed.is_need() && Rating::Need.is_need());
        assert!(!Rating::Managing.is_need());
    }

    #[test]
    fn a_link_to_an_unknown_domain_is_dropped_not_the_item() {
        #[derive(Deserialize)]
        struct Item {
            #[serde(default, deserialize_with = "lenient_from")]
            from: Option<FromAssessment>,
        }
        let id = Uuid::new_v4();
        let known: Item =
            serde_json::from_value(serde_json::json!({"from": {"assessment": id, "domain": "health"}})).unwrap();
        assert_eq!(known.from, Some(FromAssessment { assessment: id, domain: CareDomain::Health }));
        let unknown: Item =
            serde_json::from_value(serde_json::json!({"from": {"assessment": id, "domain": "spirit"}})).unwrap();
        assert_eq!(unknown.from, None);
        let none: Item = serde_json::from_value(serde_json::json!({})).unwrap();
        assert_eq!(none.from, None);
        let unknown_rating: Assessment =
            serde_json::from_value(serde_json::json!({"health": {"rating": "thriving"}})).unwrap();
        assert_eq!(unknown_rating.health.rating, None);
    }
}
