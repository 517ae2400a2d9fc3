//! The child's household and family: the people around the child, one record each, from which
//! the placement's caregivers are chosen.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choices::{lenient, lenient_option, Choice, Sex};
use super::items::{ItemList, ListItem};

choice!(
    /// How a person is related to the child. Few enough to count in a report; "Other" and the
    /// notes say the rest.
    Relationship {
        Mother = "mother": "Mother",
        Father = "father": "Father",
        StepParent = "step_parent": "Stepparent",
        Grandparent = "grandparent": "Grandparent",
        AuntOrUncle = "aunt_or_uncle": "Aunt or uncle",
        Sibling = "sibling": "Brother or sister",
        OtherRelative = "other_relative": "Other relative",
        FosterCarer = "foster_carer": "Foster carer",
        Guardian = "guardian": "Legal guardian",
        NeighbourOrFriend = "neighbour_or_friend": "Neighbour or family friend",
        Other = "other": "Other",
    }
);

choice!(
    /// Whether a person cares for the child: now, or in the planned placement.
    Caregiving {
        No = "no": "Not a caregiver",
        Now = "now": "Cares for the child now",
        Planned = "planned": "Will care for the child",
    }
);
default_choice!(Caregiving => No);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: Uuid,
    pub name: String,
    #[serde(deserialize_with = "lenient_option")]
    pub relationship: Option<Relationship>,
    #[serde(deserialize_with = "lenient_option")]
    pub sex: Option<Sex>,
    pub birth_date: Option<NaiveDate>,
    /// In years, when the date of birth is not known.
    pub estimated_age: Option<u8>,
    pub lives_with_child: bool,
    /// The placement's caregivers are the people marked here: one place holds it, so a person
    /// removed from the household takes the mark along, and an undo brings both back.
    #[serde(deserialize_with = "lenient")]
    pub caregiver: Caregiving,
    pub contact: String,
    pub notes: String,
}

impl Default for Person {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            name: String::new(),
            relationship: None,
            sex: None,
            birth_date: None,
            estimated_age: None,
            lives_with_child: false,
            caregiver: Caregiving::No,
            contact: String::new(),
            notes: String::new(),
        }
    }
}

impl ListItem for Person {
    fn id(&self) -> Uuid {
        self.id
    }
}

impl Person {
    /// Cares for the child now or will in the placement.
    pub fn is_caregiver(&self) -> bool {
        self.caregiver != Caregiving::No
    }

    /// Age in whole years on `today`, from the birth date or else the estimate.
    pub fn age_on(&self, today: NaiveDate) -> Option<u32> {
        match self.birth_date {
            Some(born) => today.years_since(born),
            None => self.estimated_age.map(u32::from),
        }
    }

    /// Someone the worker can point at: a name, or at least how they are related.
    pub fn is_identified(&self) -> bool {
        !self.name.trim().is_empty() || self.relationship.is_some()
    }
}

impl ItemList<Person> {
    /// The placement's caregivers, in the household's order.
    pub fn caregivers(&self) -> impl Iterator<Item = &Person> {
        self.iter().filter(|p| p.is_caregiver())
    }

    /// Marks a person as a caregiver in the placement, or not. One who already cares for the
    /// child stays marked so.
    pub fn choose_caregiver(&mut self, id: Uuid, chosen: bool) -> bool {
        self.update(id, |p| {
            p.caregiver = match (chosen, p.caregiver) {
                (false, _) => Caregiving::No,
                (true, Caregiving::No) => Caregiving::Planned,
                (true, kept) => kept,
            }
        })
    }

    /// The caregivers as earlier versions kept them, one free text, made one person of the
    /// household at the worker's word: the text may name several people, so it becomes one
    /// person's name for the worker to split, never guessed apart. Returns the new person's id.
    pub fn take_in_written_caregivers(&mut self, written: &str) -> Option<Uuid> {
        let name = written.trim();
        if name.is_empty() {
            return None;
        }
        let person = Person { name: name.to_string(), caregiver: Caregiving::Planned, ..Person::default() };
        let id = person.id;
        self.push(person);
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Plan;

    #[test]
    fn choices_round_trip_and_unknown_keys_read_as_none() {
        for &r in Relationship::ALL {
            assert_eq!(Relationship::from_key(r.key()), Some(r));
        }
        assert_eq!(Relationship::ALL.len(), 11);
        let person: Person =
            serde_json::from_str(r#"{"name":"Rosa","relationship":"godmother","caregiver":"sometimes"}"#).unwrap();
        assert_eq!((person.relationship, person.caregiver), (None, Caregiving::No));
    }

    #[test]
    fn choosing_a_caregiver_marks_the_person_and_keeps_one_who_cares_now() {
        let mut household = ItemList(vec![
            Person { name: "Rosa".into(), caregiver: Caregiving::Now, ..Person::default() },
            Person { name: "Juan".into(), ..Person::default() },
        ]);
        let (rosa, juan) = (household.0[0].id, household.0[1].id);
        assert!(household.choose_caregiver(juan, true));
        assert!(household.choose_caregiver(rosa, true));
        assert_eq!(household.get(juan).unwrap().caregiver, Caregiving::Planned);
        assert_eq!(household.get(rosa).unwrap().caregiver, Caregiving::Now, "already caring: stays so");
        let names: Vec<_> = household.caregivers().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Rosa", "Juan"]);
        household.choose_caregiver(rosa, false);
        assert_eq!(household.caregivers().count(), 1);
        let removed = household.remove(juan).unwrap();
        assert_eq!(household.caregivers().count(), 0, "a person removed takes the mark along");
        household.restore(removed);
        assert_eq!(household.caregivers().count(), 1, "and an undo brings it back");
    }

    #[test]
    fn written_caregivers_become_one_person_only_when_asked() {
        let mut household = ItemList::default();
        assert_eq!(household.take_in_written_caregivers("  "), None);
        let id = household.take_in_written_caregivers(" Rosa and Juan Gómez ").unwrap();
        let person = household.get(id).unwrap();
        assert_eq!((person.name.as_str(), person.caregiver), ("Rosa and Juan Gómez", Caregiving::Planned));
        assert_eq!(household.len(), 1, "never split into guesses");
    }

    #[test]
    fn a_plan_kept_before_the_household_reads_with_none() {
        let plan: Plan = serde_json::from_str(r#"{"placement":{"caregivers":"Rosa (grandmother)"}}"#).unwrap();
        assert!(plan.household.is_empty());
        assert_eq!(plan.placement.caregivers, "Rosa (grandmother)");
    }

    #[test]
    fn age_from_birth_date_or_estimate() {
        let today: NaiveDate = "2026-12-08".parse().unwrap();
        let mut person = Person { estimated_age: Some(60), ..Person::default() };
        assert_eq!(person.age_on(today), Some(60));
        person.birth_date = Some("1970-12-09".parse().unwrap());
        assert_eq!(person.age_on(today), Some(55));
        assert!(!Person::default().is_identified());
        assert!(Person { relationship: Some(Relationship::Mother), ..Person::default() }.is_identified());
    }
}
