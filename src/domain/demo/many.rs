//! Thousands of cases as full as the demo's, for measuring Homeward at the size a device may
//! reach (about 10,000 cases). Each is one of the demo cases under its own id, number and child's
//! name, so plans, lists, checklists and history are as long as real ones. The same count and
//! `today` always give the same cases.

use std::ops::Range;

use chrono::NaiveDate;
use uuid::Uuid;

use super::demo_cases;
use crate::domain::Case;
use crate::domain::Language;

const FIRST_NAMES: [&str; 24] = [
    "Alejandra",
    "Bruno",
    "Camila",
    "Diego",
    "Elena",
    "Facundo",
    "Gabriela",
    "Hugo",
    "Isabel",
    "Javier",
    "Karina",
    "Lucas",
    "Martina",
    "Nicolás",
    "Olivia",
    "Pablo",
    "Renata",
    "Santiago",
    "Tamara",
    "Ulises",
    "Valeria",
    "Walter",
    "Ximena",
    "Zoe",
];
const SURNAMES: [&str; 20] = [
    "Acosta",
    "Benítez",
    "Castro",
    "Domínguez",
    "Espinoza",
    "Flores",
    "Gutiérrez",
    "Herrera",
    "Ibáñez",
    "Juárez",
    "Lozano",
    "Morales",
    "Navarro",
    "Ortega",
    "Paredes",
    "Quiroga",
    "Rojas",
    "Salazar",
    "Torres",
    "Vargas",
];

/// The fictional cases numbered `numbers` (from 0; shown as `BENCH-<year>-00001` on), so a
/// large set can be made and stored a part at a time. Ids read `be4c0000-…-<n>`, never an id
/// the app or the demo makes.
pub fn many_cases(numbers: Range<usize>, today: NaiveDate) -> Vec<Case> {
    let templates = demo_cases(today, Language::En);
    let year = chrono::Datelike::year(&today);
    numbers
        .map(|n| {
            let mut case = templates[n % templates.len()].clone();
            case.id = Uuid::from_u128((0xBE4C_0000u128 << 96) | n as u128);
            case.version = Uuid::from_u128((0xBE4C_0001u128 << 96) | n as u128);
            case.exchanged.clear();
            case.case_number = format!("BENCH-{year}-{:05}", n + 1);
            let first = FIRST_NAMES[n % FIRST_NAMES.len()];
            let surname = SURNAMES[(n / FIRST_NAMES.len()) % SURNAMES.len()];
            let second = SURNAMES[(n / (FIRST_NAMES.len() * SURNAMES.len()) + n) % SURNAMES.len()];
            case.plan.child.name = format!("{first} {surname} {second}");
            case
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn every_case_has_its_own_id_and_number_and_the_same_count_gives_the_same_cases() {
        let cases = many_cases(0..1_000, today());
        assert_eq!(cases.len(), 1_000);
        assert_eq!(cases.iter().map(|c| c.id).collect::<HashSet<_>>().len(), 1_000);
        assert_eq!(cases.iter().map(|c| c.case_number.as_str()).collect::<HashSet<_>>().len(), 1_000);
        assert_eq!(cases[999].case_number, "BENCH-2026-01000");
        assert_eq!(many_cases(0..1_000, today()), cases);
        assert_eq!(many_cases(990..1_000, today()), cases[990..]);
    }

    #[test]
    fn the_cases_are_as_full_as_the_demo_and_names_vary() {
        let cases = many_cases(0..480, today());
        assert!(cases.iter().all(|c| !c.history.0.is_empty() && !c.checklist.items.is_empty()));
        let names: HashSet<_> = cases.iter().map(|c| c.plan.child.name.as_str()).collect();
        assert_eq!(names.len(), 480, "24 first names × 20 surnames are all different");
        let sizes: Vec<usize> = cases[..8].iter().map(|c| serde_json::to_vec(c).unwrap().len()).collect();
        println!("stored size of the eight kinds of case, in bytes: {sizes:?}");
    }
}
