//! The exercise file trainees import: Rosa Villanueva's copy of Joaquín's case, edited while
//! she covered it (the demo workspace edited it too, so importing it is a conflict to decide),
//! and two cases of hers that are new to the demo workspace.

use chrono::NaiveDate;

use super::cases::{born, joaquin_base, worker};
use super::{checklist, day, need_about, referral, referral_to, Builder};
use crate::domain::checklist::ChecklistStatus::{Done as D, InProgress as P, NotApplicable as NA, NotStarted as N};
use crate::domain::monitoring::{SeenAlone, Visit};
use crate::domain::{
    Action, Case, ChildAgreement, ItemStatus, PlacementType, PlanStatus, ProtectionNeed, ReferralStatus as R, Service,
    ServiceType, Sex, VisitFrequency,
};

const ROSA: &str = "Rosa Villanueva";

/// The cases of the exercise file, as they are written into it (each version recorded as
/// exchanged). Against [`super::demo_cases`] of the same day, exactly one is a conflict
/// (Joaquín's, changed on both sides since it was sent); the others are new.
pub fn exercise_cases(today: NaiveDate) -> Vec<Case> {
    vec![joaquin_covered(today), luz_marina(today), ayelen(today)]
}

/// Joaquín's case as Rosa Villanueva edited it from the copy she was sent.
fn joaquin_covered(today: NaiveDate) -> Case {
    let d = move |n: i64| day(today, n);
    let mut b = joaquin_base(today).branch(1);
    b.edit(ROSA, -12, (11, 30), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: "Duarte home".into(),
            seen: "Joaquín alone, then with Rafael Duarte".into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: "Cheerful; showed me his football boots. Sleeping well.".into(),
            services_checked: "Counselling attended; the school counsellor sees him weekly.".into(),
            concerns: "He misses his sister; the holiday visit is not yet arranged.".into(),
            follow_up: "Arrange the holiday visit to his sister Camila".into(),
            ..Visit::new(d(-12), ROSA)
        });
        let r = referral_to(c, "Example Sports Club");
        r.set_status(R::Accepted, d(-13));
        r.feedback = "Place in the under-10 team from next month; the club waives the fee.".into();
        r.feedback_on = Some(d(-13));
        need_about(c, "Needs help to manage anger").response =
            "Calm-down plan with his teacher; weekly check-in with the school counsellor".into();
    });
    b.edit(ROSA, -11, (9, 0), |c, _| {
        c.plan.actions.push(Action {
            what: "Arrange the holiday visit to his sister Camila with the Duartes".into(),
            responsible: ROSA.into(),
            by_when: Some(d(20)),
            ..Default::default()
        });
    });
    b.exported().done()
}

/// New: kinship care with an aunt, started a month ago.
fn luz_marina(today: NaiveDate) -> Case {
    let d = move |n: i64| day(today, n);
    let mut b = Builder::start(101, today, -32, "Luz Marina Chávez", ROSA, PlacementType::Kinship);
    b.edit(ROSA, -32, (10, 0), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(ROSA, "Senior social worker", "rosa.villanueva", d(-32));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-30));
        p.next_review = Some(d(60));
        p.child.birth_date = born(today, 10, 75);
        p.child.sex = Some(Sex::Female);
        p.child.languages = "Spanish".into();
        p.child.current_setting = "Example Children's Service, Riverside house, for a year".into();
        p.placement.location = "Her aunt's home, south district".into();
        p.placement.caregivers = "Gloria Chávez".into();
        p.placement.relationship = "Paternal aunt".into();
        p.placement.planned_date = Some(d(21));
        p.monitoring.frequency = Some(VisitFrequency::EveryTwoWeeks);
        p.needs.push(ProtectionNeed {
            need: "Needs to keep her school place through the move".into(),
            response: "Bus pass; her aunt lives on the same bus line".into(),
            by_whom: ROSA.into(),
            by_when: Some(d(14)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Education,
            description: "School bus pass".into(),
            provider: "South District Primary School".into(),
            by_when: Some(d(14)),
            ..Default::default()
        });
        p.participation.child_views = "I want to live with Aunt Gloria and my cousins and stay in my school.".into();
        p.participation.consulted_on = Some(d(-31));
        p.participation.consulted_how = "Talk with Rosa after school".into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.referrals.push(referral(
            "Example Town social protection office",
            "Kinship carer allowance for Gloria Chávez",
            false,
            d(-20),
            &[(R::Made, d(-20))],
        ));
        checklist(
            c,
            today,
            &[
                ("family_visits", P, ROSA, 14, "Weekends at her aunt's"),
                ("care_setting", N, "Gloria Chávez", 10, ""),
                ("safety_plan", N, ROSA, 18, ""),
                ("addiction", NA, "", 0, "No alcohol or drug use"),
            ],
        );
    });
    b.edit(ROSA, -16, (15, 0), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: "Her aunt's home".into(),
            seen: "Luz Marina, Gloria Chávez and two cousins".into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: "At ease with her cousins; shares a room with the eldest.".into(),
            ..Visit::new(d(-16), ROSA)
        });
        checklist(c, today, &[("life_book", D, "Key worker, Riverside house", -16, "")]);
    });
    b.exported().done()
}

/// New: supported independent living for a young woman of 16.
fn ayelen(today: NaiveDate) -> Case {
    let d = move |n: i64| day(today, n);
    let mut b = Builder::start(102, today, -45, "Ayelén Coñuecar", ROSA, PlacementType::SupportedIndependentLiving);
    b.edit(ROSA, -45, (11, 0), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(ROSA, "Senior social worker", "rosa.villanueva", d(-45));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-40));
        p.next_review = Some(d(50));
        p.child.birth_date = born(today, 16, 200);
        p.child.sex = Some(Sex::Female);
        p.child.languages = "Spanish; learning Mapudungun with her grandmother".into();
        p.child.current_setting = "Example Children's Service, Hillside house".into();
        p.placement.location = "Supported flat, Example Town".into();
        p.placement.caregivers = "Flat mentor, Example Children's Service".into();
        p.placement.relationship = "Not related".into();
        p.placement.planned_date = Some(d(70));
        p.monitoring.frequency = Some(VisitFrequency::Monthly);
        p.needs.push(ProtectionNeed {
            need: "Needs to learn to manage money and a household".into(),
            response: "Life skills course; a weekly budget she manages herself".into(),
            by_whom: "Flat mentor".into(),
            by_when: Some(d(60)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Livelihood,
            description: "Evening course in hospitality".into(),
            provider: "Example Town technical college".into(),
            by_when: Some(d(30)),
            ..Default::default()
        });
        p.participation.child_views = "I want my own key and my own rules, but I still want someone to call.".into();
        p.participation.consulted_on = Some(d(-44));
        p.participation.consulted_how = "Meeting with Rosa and her key worker".into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        checklist(
            c,
            today,
            &[
                ("life_skills", P, "Flat mentor", 40, ""),
                ("job_readiness", N, ROSA, 55, ""),
                ("mentor", N, ROSA, 60, ""),
                ("language_culture", P, "Her grandmother", 90, "Sunday visits to her grandmother"),
            ],
        );
    });
    b.edit(ROSA, -14, (14, 30), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: "Hillside house".into(),
            seen: "Ayelén".into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: "Motivated; visited the supported flat and liked it.".into(),
            ..Visit::new(d(-14), ROSA)
        });
        c.plan.referrals.push(referral(
            "Example Town technical college",
            "Evening course in hospitality",
            false,
            d(-14),
            &[(R::Made, d(-14))],
        ));
    });
    b.exported().done()
}
