//! A year of fictional cases behind the demo's eight, so a course's Reports page has something
//! in every chart: cases opened over the past year on every pathway, plans made active, children
//! prepared and placed, some followed up and closed with their outcome, a pathway changed,
//! referrals of every type answered in time or not, visits logged. Each case is made through the
//! same steps as the demo's others ([`Builder`]), so its history tells when each thing happened.
//! The same `today` always gives the same cases.

use chrono::NaiveDate;

use super::cases::born;
use super::{day, finish_open, milestone, referral, tr, Builder};
use crate::domain::checklist::{Milestone, Theme};
use crate::domain::closure::ClosureOutcome;
use crate::domain::monitoring::Visit;
use crate::domain::{Case, Choice, Language, PlacementType, PlanStatus, ReferralStatus, ServiceType, VisitFrequency};

/// How many cases the past year adds.
pub const PAST_YEAR_CASES: u16 = 40;

/// Their numbers (and ids) come after the demo's and the exercise file's.
const FIRST_NUMBER: u16 = 200;

const CHILDREN: [&str; 20] = [
    "Abril Condori",
    "Bautista Mamani",
    "Celeste Huanca",
    "Dylan Choque",
    "Emilia Apaza",
    "Fabián Ticona",
    "Guadalupe Yupanqui",
    "Ian Colque",
    "Jazmín Flores",
    "Kevin Laura",
    "Luana Quisbert",
    "Matías Poma",
    "Noa Cusi",
    "Óscar Villca",
    "Paula Limachi",
    "Rodrigo Chura",
    "Sofía Nina",
    "Tobías Arce",
    "Uma Gutiérrez",
    "Valentín Copa",
];
const SECOND_NAMES: [&str; 2] = ["", " Rojas"];
const WORKERS: [&str; 4] = ["Lucía Fernández", "Tomás Herrera", "Amina Diallo", "Carlos Quispe"];

/// The cases, oldest first.
pub fn past_year_cases(today: NaiveDate, l: Language) -> Vec<Case> {
    (0..PAST_YEAR_CASES).map(|n| one(today, l, n)).collect()
}

fn one(today: NaiveDate, l: Language, n: u16) -> Case {
    let i = usize::from(n);
    let d = move |offset: i64| day(today, offset);
    // Opened from a year ago to three weeks ago.
    let opened = -(365 - i64::from(n) * 9);
    let worker = WORKERS[i % WORKERS.len()];
    let pathway = match i % 10 {
        0..=2 => PlacementType::Reunification,
        3 | 4 => PlacementType::Kinship,
        5 | 6 => PlacementType::Foster,
        // Not 7: every fifth from the third is still being prepared (below).
        7 => PlacementType::SupportedIndependentLiving,
        8 => PlacementType::SmallGroupHome,
        _ => PlacementType::IndependentLiving,
    };
    // Every ninth started on another pathway and changed six weeks in.
    let first = if i % 9 == 4 { PlacementType::Foster } else { pathway };
    let child = format!("{}{}", CHILDREN[i % CHILDREN.len()], SECOND_NAMES[i / CHILDREN.len() % 2]);
    let mut b = Builder::start(FIRST_NUMBER + n, today, opened, &child, worker, first);
    let start = d(opened);
    b.edit(worker, opened, (10, 0), |c, _| {
        c.plan.start_date = Some(start);
        c.plan.child.birth_date = born(today, 6 + (i as i64 % 12), i as i64 * 23 % 300);
        c.plan.child.current_setting =
            tr(l, "Example Children's Service", "Servicio Infantil Ejemplo", "Service de l'enfance Exemple").into();
    });
    // The newest few stay drafts; the rest were made active in their second week.
    if n + 3 >= PAST_YEAR_CASES {
        return b.done();
    }
    let active = opened + 7;
    b.edit(worker, active, (11, 0), |c, _| {
        c.plan.status = PlanStatus::Active;
        c.plan.monitoring.frequency = Some(VisitFrequency::Monthly);
    });
    let kind = ServiceType::ALL[i % ServiceType::ALL.len()];
    // Every third is urgent, and answered (late or not): the demo's own cases show an urgent
    // referral left unanswered, and stay first in the list by what is due.
    let urgent = i % 3 == 0 && i % 5 != 4;
    b.edit(worker, opened + 14, (9, 30), |c, _| {
        let made = referral(
            kind,
            service_name(l, kind),
            "",
            urgent,
            d(opened + 14),
            &[(ReferralStatus::Made, d(opened + 14))],
        );
        c.plan.referrals.push(made);
    });
    // What happened next, each on its day, in the order of the days.
    let placed = opened + 80 + (i as i64 * 13 % 90);
    let closes = placed + 120;
    let mut steps: Vec<(i64, Step)> = Vec::new();
    // Answered in 2 to 13 days; every fifth not at all.
    if i % 5 != 4 {
        steps.push((opened + 16 + (i as i64 * 5 % 12), Step::Answered));
    }
    if first != pathway {
        steps.push((opened + 42, Step::PathwayChanged));
    }
    steps.push((placed - 30, Step::Prepared));
    // Two in five are still being prepared; three in four placed are followed up, not closed.
    if i % 5 != 2 {
        steps.push((placed, Step::Placed));
        if i % 4 != 1 {
            steps.push((closes, Step::Closed));
        }
    }
    // A visit a month while the case is open; every seventh case missed every other month
    // until the last two.
    let mut visit = opened + 30;
    let mut month = 0;
    while visit < -2 && !steps.iter().any(|&(on, step)| step == Step::Closed && on <= visit) {
        if !(i % 7 == 3 && month % 2 == 1 && visit < -60) {
            steps.push((visit, Step::Visited));
        }
        visit += 30;
        month += 1;
    }
    steps.retain(|&(on, _)| on < -1);
    steps.sort_by_key(|&(on, _)| on);
    for (on, step) in steps {
        b.edit(worker, on, (14, 0), |c, now| match step {
            Step::Answered => {
                super::referral_to(c, service_name(l, kind)).set_status(ReferralStatus::Accepted, d(on));
            }
            Step::PathwayChanged => {
                c.set_pathway(Some(pathway));
            }
            Step::Visited => c.plan.monitoring.visits.push(Visit::new(d(on), worker)),
            Step::Prepared => {
                for item in c.checklist.items.iter_mut().filter(|i| i.theme() == Theme::PreparingChild) {
                    item.set_done(true, d(on));
                }
                milestone(c, Milestone::Prepared, Some(d(on)), "");
            }
            Step::Placed => {
                milestone(c, Milestone::SafetyPlan, Some(d(on - 5)), "");
                milestone(c, Milestone::Placed, Some(d(on)), "");
            }
            Step::Closed => {
                finish_open(c, worker, d(on - 60), d(on));
                let reason =
                    tr(l, "Settled after the follow-up", "Estable tras el seguimiento", "Stable après le suivi");
                c.close(outcome(pathway, i), reason, d(on), worker, now).expect("an open case with a reason");
            }
        });
    }
    b.done()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Answered,
    PathwayChanged,
    Visited,
    Prepared,
    Placed,
    Closed,
}

/// The service a referral of `kind` went to, in the demo's language.
fn service_name(l: Language, kind: ServiceType) -> &'static str {
    match kind {
        ServiceType::Health => tr(l, "Health centre", "Centro de salud", "Centre de santé"),
        ServiceType::Education => tr(l, "District school", "Escuela del distrito", "École du quartier"),
        ServiceType::Psychosocial => tr(l, "Counselling service", "Servicio de orientación", "Service d'écoute"),
        ServiceType::LegalDocumentation => tr(l, "Civil registry", "Registro civil", "État civil"),
        ServiceType::Livelihood => tr(l, "Training centre", "Centro de formación", "Centre de formation"),
        ServiceType::Disability => tr(l, "Therapy centre", "Centro de terapia", "Centre de rééducation"),
        ServiceType::Other => tr(l, "Community group", "Grupo comunitario", "Groupe de quartier"),
    }
}

/// Where the case ended: on its pathway, but every eleventh transferred to another agency.
fn outcome(pathway: PlacementType, i: usize) -> ClosureOutcome {
    if i % 11 == 6 {
        return ClosureOutcome::Transferred;
    }
    match pathway {
        PlacementType::Reunification => ClosureOutcome::Reunified,
        PlacementType::Kinship => ClosureOutcome::Kinship,
        PlacementType::Foster => ClosureOutcome::Foster,
        PlacementType::SmallGroupHome => ClosureOutcome::SmallGroupHome,
        PlacementType::SupportedIndependentLiving => ClosureOutcome::SupportedIndependentLiving,
        PlacementType::IndependentLiving => ClosureOutcome::IndependentLiving,
    }
}
