//! Demo cases 5–8: a draft barely begun, a closed case, a reunification with a child who has a
//! hearing impairment and agrees only in part, and a short-term foster placement just started.

use chrono::NaiveDate;

use super::cases::{born, worker};
use super::{checklist, day, finish_open, milestone, referral, Builder};
use crate::domain::checklist::ChecklistStatus::{Done as D, InProgress as P, NotApplicable as NA, NotStarted as N};
use crate::domain::checklist::Milestone;
use crate::domain::closure::ClosureOutcome;
use crate::domain::monitoring::{SeenAlone, Visit};
use crate::domain::{
    Action, Case, ChildAgreement, Determination, ItemStatus, PlacementType, PlanStatus, ProtectionNeed,
    ReferralStatus as R, Service, ServiceType, Sex, VisitFrequency,
};

/// Case 5: Supported independent living: a draft started three days ago, little filled in.
pub(super) fn dayana(today: NaiveDate) -> Case {
    let carlos = "Carlos Quispe";
    let mut b = Builder::start(5, today, -3, "Dayana Mendoza", carlos, PlacementType::SupportedIndependentLiving);
    b.edit(carlos, -3, (9, 25), |c, _| {
        c.plan.worker.role = "Youth worker".into();
        c.plan.child.birth_date = born(today, 17, 160);
        c.plan.child.sex = Some(Sex::Female);
        c.plan.child.current_setting = "Example Children's Service, Hillside house".into();
    });
    b.edit(carlos, -2, (14, 10), |c, _| {
        c.plan.needs.push(ProtectionNeed {
            need: "Needs a safe place she can afford when she turns 18 in seven months".into(),
            ..Default::default()
        });
    });
    b.done()
}

/// Case 6: Independent living: carried out in full and closed, with its outcome and reason.
pub(super) fn andres(today: NaiveDate) -> Case {
    let d = move |n: i64| day(today, n);
    let priya = "Priya Raman";
    let mut b = Builder::start(6, today, -400, "Andrés Villca", priya, PlacementType::IndependentLiving);
    b.edit(priya, -400, (10, 0), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(priya, "Youth worker", "priya.raman", d(-400));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-395));
        p.next_review = Some(d(-30));
        p.child.birth_date = born(today, 19, 60);
        p.child.sex = Some(Sex::Male);
        p.child.languages = "Spanish and Aymara".into();
        p.child.current_setting =
            "Supported flat of Example Children's Service, shared with two other young people".into();
        p.placement.location = "A rented room near his work, Example Town".into();
        p.placement.planned_date = Some(d(-200));
        p.needs.push(ProtectionNeed {
            need: "Needs an income he can live on".into(),
            response: "Bakery apprenticeship, then a job".into(),
            by_whom: priya.into(),
            by_when: Some(d(-210)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: "Needs to know where to turn for help after leaving care".into(),
            response: "Care leavers' network and a mentor".into(),
            by_whom: priya.into(),
            by_when: Some(d(-205)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Livelihood,
            description: "Bakery apprenticeship".into(),
            provider: "Example Bakery Cooperative".into(),
            by_when: Some(d(-210)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.actions.push(Action {
            what: "Open a bank account with Andrés".into(),
            responsible: priya.into(),
            by_when: Some(d(-300)),
            ..Default::default()
        });
        p.monitoring.frequency = Some(VisitFrequency::Monthly);
        p.participation.child_views =
            "I'm ready. I want to earn my own money and have my own place. I'll call if I need help.".into();
        p.participation.consulted_on = Some(d(-398));
        p.participation.consulted_how = "Meeting at the supported flat, at his request without other staff".into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.participation.family_views =
            "His aunt in Example Town is glad he will live nearby; he eats with her family on Sundays.".into();
        p.best_interests.assessment_date = Some(d(-390));
        p.best_interests.determination = Determination::NotNeeded;
        p.best_interests.outcome =
            "Independent living with aftercare is in Andrés's best interests: he is an adult and wishes it.".into();
        p.referrals.push(referral(
            "Example Bakery Cooperative",
            "Apprenticeship leading to a job",
            false,
            d(-380),
            &[(R::Made, d(-380)), (R::Accepted, d(-370))],
        ));
    });
    b.edit(priya, -200, (17, 0), |c, _| {
        let p = &mut c.plan;
        p.needs.0.iter_mut().for_each(|n| n.status = ItemStatus::Done);
        p.services.0.iter_mut().for_each(|s| s.status = ItemStatus::Done);
        p.actions.0.iter_mut().for_each(|a| a.status = ItemStatus::Done);
        let bakery = &mut p.referrals.0[0];
        bakery.set_status(R::Completed, d(-210));
        bakery.feedback = "Apprenticeship completed; offered a permanent job from next month.".into();
        bakery.feedback_on = Some(d(-210));
        p.referrals.push(referral(
            "Example Town care leavers' network",
            "Peer support and a mentor after leaving care",
            false,
            d(-250),
            &[(R::Made, d(-250)), (R::Completed, d(-230))],
        ));
        p.referrals.0[1].feedback = "Joined the monthly meetings; matched with a mentor, Héctor.".into();
        checklist(
            c,
            today,
            &[
                ("accommodation", D, priya, -205, "Room rented near the bakery; deposit from the leaving-care grant"),
                ("addiction", NA, "", 0, "No alcohol or drug use"),
                ("assistive_devices", NA, "", 0, "No disability"),
                ("disability_services", NA, "", 0, "No disability"),
                ("language_culture", NA, "", 0, "Speaks Spanish and Aymara; close to his culture through his aunt"),
            ],
        );
        finish_open(c, priya, d(-240), d(-200));
        checklist(c, today, &[("aftercare", P, priya, -20, "Monthly visits for six months after the move")]);
        for (m, offset, evidence) in [
            (Milestone::Prepared, -215, "Life skills, budgeting and job readiness done; he chose the room himself"),
            (
                Milestone::LegalSteps,
                -210,
                "Leaving-care decision of the Example Town child protection authority; identity card in his name",
            ),
            (
                Milestone::SafetyPlan,
                -205,
                "Safety plan: who to call and the network's number; monthly visits for six months",
            ),
            (Milestone::Referrals, -210, "Example Bakery Cooperative (job); care leavers' network; mentor"),
            (Milestone::Placed, -200, "Living on his own in a rented room near the bakery since the move"),
        ] {
            milestone(c, m, Some(d(offset)), evidence);
        }
    });
    for (offset, wellbeing) in [
        (-150, "Proud of his room; cooking for himself."),
        (-90, "Working full time; tired but content."),
        (-45, "Saving money; planning an evening course."),
    ] {
        b.edit(priya, offset, (18, 0), |c, _| {
            c.plan.monitoring.visits.push(Visit {
                place: "His room, Example Town".into(),
                seen: "Andrés".into(),
                seen_alone: SeenAlone::Yes,
                wellbeing: wellbeing.into(),
                services_checked: "Job and network meetings as planned.".into(),
                concerns: "None.".into(),
                ..Visit::new(d(offset), priya)
            });
        });
    }
    b.edit(priya, -20, (10, 40), |c, _| {
        checklist(c, today, &[("aftercare", D, priya, -20, "Six months of aftercare visits completed")]);
    });
    b.edit(priya, -20, (11, 0), |c, now| {
        c.close(ClosureOutcome::IndependentLiving, "Andrés has lived on his own for six months, has a permanent job and a mentor, and knows how to reach the care leavers' network. Aftercare is complete.", d(-20), priya, now).expect("an open case with a reason");
    });
    b.done()
}

/// Case 7: Reunification with her father and stepmother: a child with a hearing impairment, who
/// agrees in part; an urgent referral answered in time; visits every ten days.
pub(super) fn ikram(today: NaiveDate) -> Case {
    let d = move |n: i64| day(today, n);
    let amina = "Amina Diallo";
    let mut b = Builder::start(7, today, -90, "Ikram Haddad", amina, PlacementType::Reunification);
    b.edit(amina, -90, (10, 30), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(amina, "Case worker", "amina.diallo", d(-90));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-85));
        p.next_review = Some(d(40));
        p.child.birth_date = born(today, 12, 30);
        p.child.sex = Some(Sex::Female);
        p.child.languages = "Arabic and Spanish".into();
        p.child.disability_needs = "Moderate hearing loss; wears hearing aids in both ears. Sits near the front in class and needs instructions written down.".into();
        p.child.current_setting = "Example Children's Service, Riverside house, for eighteen months".into();
        p.placement.location = "Her father's flat, Example Town centre".into();
        p.placement.caregivers = "Youssef Haddad and Marta Haddad".into();
        p.placement.relationship = "Father and stepmother".into();
        p.placement.planned_date = Some(d(45));
        p.monitoring.frequency = Some(VisitFrequency::EveryNDays(10));
        p.needs.push(ProtectionNeed { need: "Her hearing aids need servicing and a steady supply of batteries".into(), response: "Audiology review; batteries through her health card".into(), by_whom: "Example Hospital audiology unit".into(), by_when: Some(d(10)), status: ItemStatus::InProgress, ..Default::default() });
        p.needs.push(ProtectionNeed { need: "Needs time to get to know her stepmother before moving".into(), response: "Family sessions and weekend visits".into(), by_whom: amina.into(), by_when: Some(d(40)), status: ItemStatus::InProgress, ..Default::default() });
        p.needs.push(ProtectionNeed { need: "The flat needs a visual doorbell and smoke alarm".into(), response: "Home adaptation through the disability grant".into(), by_whom: "Youssef Haddad with Amina Diallo".into(), by_when: Some(d(30)), ..Default::default() });
        p.services.push(Service { kind: ServiceType::Disability, description: "Audiology review and hearing aid maintenance".into(), provider: "Example Hospital audiology unit".into(), by_when: Some(d(10)), urgent: true, status: ItemStatus::InProgress, ..Default::default() });
        p.services.push(Service { kind: ServiceType::Education, description: "School place with a note-taker".into(), provider: "Example Town Centre School".into(), by_when: Some(d(40)), ..Default::default() });
        p.actions.push(Action { what: "Apply for the home adaptation grant with Youssef".into(), responsible: amina.into(), by_when: Some(d(12)), ..Default::default() });
        p.best_interests.assessment_date = Some(d(-60));
    });
    b.edit(amina, -40, (15, 0), |c, _| {
        checklist(
            c,
            today,
            &[
                ("family_visits", P, amina, 20, "Weekend visits every second week"),
                ("assistive_devices", P, "Example Hospital audiology unit", 10, "New ear moulds ordered"),
                ("disability_services", P, amina, 30, "Deaf children's association to contact"),
                ("prepare_home", N, "Youssef Haddad", 30, ""),
                ("positive_parenting", N, "Example Family Counselling Centre", 35, ""),
                ("counselling", D, "Example Family Counselling Centre", -40, "Eight sessions completed"),
                ("expression", D, "Riverside house", -50, "Joined the drama group"),
                ("addiction", NA, "", 0, "No alcohol or drug use"),
                ("respite_care", NA, "", 0, "Not part of the support plan"),
            ],
        );
        milestone(c, Milestone::Prepared, None, "Family sessions under way");
    });
    b.edit(amina, -30, (9, 0), |c, _| {
        c.plan.referrals.push(referral(
            "Example Hospital audiology unit",
            "One hearing aid whistles and hurts; she has stopped wearing it at school",
            true,
            d(-30),
            &[(R::Made, d(-30))],
        ));
        c.plan.referrals.push(referral(
            "Example Deaf Children's Association",
            "Peer group for deaf and hard-of-hearing young people",
            false,
            d(3),
            &[],
        ));
    });
    b.edit(amina, -26, (13, 0), |c, _| {
        let r = &mut c.plan.referrals.0[0];
        r.set_status(R::Accepted, d(-26));
        r.feedback = "Appointment booked; new ear moulds ordered.".into();
        r.feedback_on = Some(d(-26));
    });
    b.edit(amina, -20, (16, 0), |c, _| {
        let p = &mut c.plan.participation;
        p.child_views = "I want to live with my dad. I don't know Marta well yet and I want to keep my room at Riverside until I am sure.".into();
        p.consulted_on = Some(d(-20));
        p.consulted_how = "Conversation with Amina in a quiet room, with written notes".into();
        p.child_agrees = ChildAgreement::Partly;
        p.family_views = "Youssef wants Ikram home before the new school year. Marta is willing and has started learning some sign language.".into();
    });
    for (offset, place, wellbeing) in [
        (-19, "Riverside house", "Happy after a weekend at her father's; wearing both hearing aids again."),
        (
            -6,
            "Her father's flat, during a weekend visit",
            "Relaxed with her father; quieter with Marta but they cooked together.",
        ),
    ] {
        b.edit(amina, offset, (17, 30), |c, _| {
            c.plan.monitoring.visits.push(Visit {
                place: place.into(),
                seen: "Ikram; Youssef and Marta Haddad".into(),
                seen_alone: SeenAlone::Yes,
                wellbeing: wellbeing.into(),
                services_checked: "Audiology appointment kept.".into(),
                ..Visit::new(d(offset), amina)
            });
        });
    }
    b.done()
}

/// Case 8: Short-term foster care while his mother's situation is assessed: just started, with a
/// Best Interests Determination still needed and a supervisor's note in the history.
pub(super) fn thiago(today: NaiveDate) -> Case {
    let d = move |n: i64| day(today, n);
    let (tomas, rosa) = ("Tomás Ribeiro", "Rosa Villanueva");
    let mut b = Builder::start(8, today, -21, "Thiago Pereira", tomas, PlacementType::Foster);
    b.edit(tomas, -21, (12, 0), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(tomas, "Social worker", "tomas.ribeiro", d(-21));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-14));
        p.next_review = Some(d(60));
        p.child.estimated_age = Some(5);
        p.child.sex = Some(Sex::Male);
        p.child.languages = "Portuguese and Spanish".into();
        p.child.current_setting = "Emergency care at Example Children's Service for three weeks".into();
        p.placement.location = "Short-term foster home, west district".into();
        p.placement.caregivers = "Lidia and Mauro Santos".into();
        p.placement.relationship = "Not related; short-term foster carers".into();
        p.placement.planned_date = Some(d(9));
        p.monitoring.frequency = Some(VisitFrequency::Weekly);
        p.needs.push(ProtectionNeed {
            need: "Needs a birth certificate: he has no identity documents".into(),
            response: "Apply to the civil registry with his mother".into(),
            by_whom: tomas.into(),
            by_when: Some(d(30)),
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: "Needs a family home while his mother's situation is assessed".into(),
            response: "Short-term foster care; assessment of his mother's housing and support".into(),
            by_whom: tomas.into(),
            by_when: Some(d(9)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Health,
            description: "Health check and vaccinations".into(),
            provider: "West District health post".into(),
            by_when: Some(d(5)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Psychosocial,
            description: "Play sessions twice a week".into(),
            provider: "Example Children's Service".into(),
            by_when: Some(d(30)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.actions.push(Action {
            what: "Meet his mother to plan the assessment of her home".into(),
            responsible: tomas.into(),
            by_when: Some(d(2)),
            ..Default::default()
        });
        p.referrals.push(referral(
            "West District health post",
            "Health check and vaccinations",
            false,
            d(-12),
            &[(R::Made, d(-12))],
        ));
        p.referrals.push(referral("Example Town civil registry", "Late registration of his birth", false, d(2), &[]));
    });
    b.edit(tomas, -10, (15, 30), |c, _| {
        let p = &mut c.plan;
        p.participation.child_views = "Thiago likes the garden and the dog at the foster home, and asked when he can see his mum. (His words, noted during play.)".into();
        p.participation.consulted_on = Some(d(-10));
        p.participation.consulted_how = "Play session with Tomás and his key worker".into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.participation.family_views = "His mother, Sandra Pereira, wants him home and agrees to short-term foster care while she finds stable housing.".into();
        p.best_interests.assessment_date = Some(d(-10));
        p.best_interests.determination = Determination::Needed;
        checklist(c, today, &[
            ("family_visits", P, tomas, 7, "Twice-weekly visits with his mother at the centre"),
            ("care_setting", D, "Lidia and Mauro Santos", -10, "Foster home checked; a bed and a night light for him"),
            ("realistic_expectations", N, tomas, 8, ""),
            ("reintegration_kit", N, tomas, 8, ""),
            ("day_planning", N, tomas, 9, ""),
            ("farewell", N, "Key worker", 9, ""),
            ("vocational_training", NA, "", 0, "Thiago is five"),
            ("prepare_home", NA, "", 0, "The foster home was prepared and approved last year"),
        ]);
    });
    b.edit(rosa, -7, (9, 45), |c, _| {
        c.plan.best_interests.outcome = "Short-term foster care approved by the supervisor; a Best Interests Determination is needed before any longer placement.".into();
    });
    b.edit(tomas, -5, (16, 0), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: "Foster home, introductory visit".into(),
            seen: "Thiago with Lidia Santos and his key worker".into(),
            seen_alone: SeenAlone::NotAppropriate,
            wellbeing: "Played with the dog and explored the garden; asked twice for his mum.".into(),
            services_checked: "Health check booked.".into(),
            ..Visit::new(d(-5), tomas)
        });
    });
    b.done()
}
