//! The shipped demo schedule (`public/schedule.json`) against the account it
//! was built from (`../shared/seed/`): every named session, speaker, day and track.

use schedule_viewer::model::filter::Filter;
use schedule_viewer::model::schedule::{parse_schedule, Schedule, SessionKind};

fn demo() -> Schedule {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/schedule.json"))
            .expect("public/schedule.json is readable");
    parse_schedule(&text).expect("the demo schedule is valid")
}

fn titles(s: &Schedule, found: &[usize]) -> Vec<String> {
    found.iter().map(|&i| s.sessions[i].title.clone()).collect()
}

fn speakers_of(s: &Schedule, title: &str) -> Vec<String> {
    let session = s
        .sessions
        .iter()
        .find(|x| x.title == title)
        .unwrap_or_else(|| panic!("no session {title}"));
    session
        .speakers
        .iter()
        .map(|&p| s.speakers[p].name.clone())
        .collect()
}

#[test]
fn demo_is_valid_with_no_problems() {
    let s = demo();
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(s.conference.id, "mesoscon-eu-2017");
    assert_eq!(s.conference.title, "MesosCon Europe 2017");
    assert_eq!(s.conference.time_zone, "Europe/Prague");
    assert_eq!(s.sessions.len(), 28);
    let days: Vec<String> = s.days.iter().map(|d| d.to_string()).collect();
    assert_eq!(days, ["2017-10-26", "2017-10-27"]);
    // Prague in late October 2017 is on summer time, +02:00.
    assert!(s
        .sessions
        .iter()
        .all(|x| x.start.offset().local_minus_utc() == 7200));
}

#[test]
fn every_session_has_a_type_and_all_but_breaks_a_track_and_room() {
    let s = demo();
    for x in &s.sessions {
        assert!(x.room.is_some(), "{} has no room", x.title);
        assert_ne!(x.kind, SessionKind::Other, "{} has no known type", x.title);
        if x.kind != SessionKind::Break {
            assert!(x.track.is_some(), "{} has no track", x.title);
        }
    }
}

#[test]
fn keynotes_start_at_nine_on_both_days_and_town_halls_run_in_parallel() {
    let s = demo();
    for day in &s.days {
        let first = s.sessions.iter().find(|x| x.day() == *day).unwrap();
        assert_eq!(first.start.format("%H:%M").to_string(), "09:00");
        assert_eq!(
            first.track.map(|t| s.tracks[t].id.as_str()),
            Some("keynotes")
        );
    }
    // Friday opens with Jörg Schad's welcome, which the account does not call
    // a keynote; the first keynote it names is Yrieix Garnier's.
    let friday: Vec<_> = s
        .sessions
        .iter()
        .filter(|x| x.day() == s.days[1])
        .take(2)
        .collect();
    assert_eq!(friday[0].title, "Welcome and opening remarks");
    assert_ne!(friday[0].kind, SessionKind::Keynote);
    assert_eq!(friday[1].kind, SessionKind::Keynote);
    assert_eq!(friday[1].title, "The Future of Apache Mesos and DC/OS");
    let garnier = s.speaker_by_id("yrieix-garnier").expect("Yrieix Garnier");
    assert!(friday[1].speakers.contains(&garnier));
    // Abstracts claim nothing the account does not.
    for x in &s.sessions {
        for claim in [
            "more than anywhere",
            "in production",
            "open source autoscaler",
            "several clouds",
            "learns what bad behaviour",
            "built on DC/OS",
        ] {
            assert!(!x.abstract_text.contains(claim), "{}: {claim}", x.id);
        }
        if x.kind == SessionKind::TownHall && !x.title.contains("DC/OS") {
            assert!(!x.abstract_text.contains("pain points"), "{}", x.id);
        }
    }
    let halls: Vec<_> = s
        .sessions
        .iter()
        .filter(|x| x.kind == SessionKind::TownHall)
        .collect();
    let topics: Vec<&str> = halls.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(topics.len(), 4);
    for t in [
        "Town Hall: Mesos",
        "Town Hall: Marathon",
        "Town Hall: DC/OS",
        "Town Hall: Kubernetes",
    ] {
        assert!(topics.contains(&t), "{t}");
    }
    for h in &halls {
        assert_eq!(h.start.to_rfc3339(), "2017-10-26T19:00:00+02:00");
        assert_eq!(h.end.to_rfc3339(), "2017-10-26T20:30:00+02:00");
    }
    let rooms: std::collections::HashSet<_> = halls.iter().map(|h| h.room).collect();
    assert_eq!(rooms.len(), 4, "parallel town halls need four rooms");
    let reception = s
        .sessions
        .iter()
        .find(|x| x.title == "Attendee reception")
        .unwrap();
    assert!(
        reception.end <= halls[0].start,
        "the reception precedes the town halls"
    );
    assert_eq!(speakers_of(&s, "Town Hall: DC/OS"), ["Matt"]);
    let welcome = s
        .sessions
        .iter()
        .find(|x| x.day().to_string() == "2017-10-27")
        .unwrap();
    assert_eq!(welcome.title, "Welcome and opening remarks");
    assert_eq!(
        speakers_of(&s, "Welcome and opening remarks"),
        ["Jörg Schad"]
    );
}

#[test]
fn track_sessions_follow_the_account() {
    let s = demo();
    let by_track = |t: &str| {
        titles(
            &s,
            &Filter {
                tracks: vec![t.into()],
                ..Filter::default()
            }
            .apply(&s, &[]),
        )
    };
    assert_eq!(
        by_track("devops-and-ops"),
        [
            "Local or External Storage for Containers and Databases",
            "Knee Deep in Microservices",
            "Mesos Security Exposed!",
            "Doing Real DevOps with DC/OS",
            "mesos2iam: IAM Credentials for Containers Running Inside a Mesos Cluster",
        ]
    );
    assert_eq!(
        by_track("users-and-ops"),
        [
            "How HMH Went from Months to Minutes for Infrastructure Delivery",
            "Advanced Deployment Strategies and Workflows for Containerized Apps on DC/OS",
            "Optimising Mesos Utilization at Opentable",
            "Time Traveling in the Universe of Microservices and Orchestration",
            "WTF, My Container Just Spawned a Shell",
            "An Autoscaler for DC/OS",
            "There and Back Again: How Tunstall Healthcare Built an IoT Platform for Health Monitoring Using Mesos Cluster on Azure",
        ]
    );
    assert_eq!(by_track("keynotes").len(), 7);
    // DevOps and Ops is Thursday's track, Users and Ops Friday's.
    for i in (Filter {
        tracks: vec!["devops-and-ops".into()],
        ..Filter::default()
    })
    .apply(&s, &[])
    {
        assert_eq!(s.sessions[i].day().to_string(), "2017-10-26");
    }
    for i in (Filter {
        tracks: vec!["users-and-ops".into()],
        ..Filter::default()
    })
    .apply(&s, &[])
    {
        assert_eq!(s.sessions[i].day().to_string(), "2017-10-27");
    }
}

#[test]
fn speakers_and_affiliations_from_the_account() {
    let s = demo();
    assert_eq!(
        speakers_of(&s, "Mesos Security Exposed!"),
        ["Adam Bordelon", "Alexander Rojas"]
    );
    assert_eq!(
        speakers_of(&s, "Knee Deep in Microservices"),
        ["Ádám Sándor"]
    );
    let panel = speakers_of(&s, "Panel: SMACK in the Enterprise");
    assert_eq!(panel.len(), 4);
    let panel_text = panel.join(" ");
    for company in ["Audi", "Deutsche Telekom", "ASML"] {
        assert!(
            panel_text.contains(company),
            "{company} missing from the panel"
        );
    }
    assert!(
        !s.speakers.iter().any(|p| p.name.contains("Telecom")),
        "Deutsche Telekom is spelt with a k"
    );
    let affiliation = |name: &str| {
        s.speakers
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.affiliation.clone())
            .unwrap_or_default()
    };
    assert_eq!(affiliation("Katharina Probst"), "Netflix");
    assert_eq!(affiliation("Pierre Cheynier"), "Criteo");
    assert_eq!(affiliation("Jorge Salamero"), "Sysdig");
    assert_eq!(affiliation("Robert Allen"), "Houghton Mifflin Harcourt");
    assert_eq!(affiliation("Jay Chin"), "OpenTable");
    assert_eq!(affiliation("Ilya Dmitrichenko"), "Weaveworks");
    assert_eq!(affiliation("Fredrik Lindner"), "Tunstall Nordic AB");
    assert_eq!(affiliation("Rich Bowen"), "Apache Software Foundation");
    // Every listed speaker speaks.
    for i in 0..s.speakers.len() {
        assert!(
            !s.sessions_of_speaker(i).is_empty(),
            "{} has no session",
            s.speakers[i].name
        );
    }
}
