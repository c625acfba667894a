//! The writer of our format on every real schedule in `tests/data/` and the
//! demo: what it writes reads back (with our reader alone) as the same
//! schedule, every field the app shows included.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use schedule_viewer::model::import::{import, Format, ImportOptions};
use schedule_viewer::model::schedule::{parse_schedule, Schedule};
use schedule_viewer::model::time::SimpleZone;
use schedule_viewer::model::writer::write;

fn read(path: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Written and read back: equal in every field (what was skipped on the
/// way in is not written), every time in its own offset, and stable.
fn assert_round_trip(name: &str, s: &Schedule) {
    let text = write(s);
    let back = parse_schedule(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut kept = s.clone();
    kept.problems.clear();
    kept.skipped = 0;
    assert_eq!(back, kept, "{name}");
    for (a, b) in back.sessions.iter().zip(&s.sessions) {
        assert_eq!(
            (a.start.to_rfc3339(), a.end.to_rfc3339()),
            (b.start.to_rfc3339(), b.end.to_rfc3339()),
            "{name}: {}",
            a.id
        );
    }
    assert_eq!(write(&back), text, "{name}: writing is stable");
    eprintln!(
        "{name}: {} sessions, {} speakers, {} languages, {} types, {} links; {} bytes written",
        s.sessions.len(),
        s.speakers.len(),
        s.languages.len(),
        s.formats.len(),
        s.sessions.iter().map(|x| x.links.len()).sum::<usize>(),
        text.len()
    );
}

fn imported(path: &str, options: &ImportOptions, format: Format) -> Schedule {
    let i = import(&read(path), options).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(i.format, format, "{path}");
    i.schedule
}

#[test]
fn the_demo_schedule_round_trips() {
    let s = imported(
        "public/schedule.json",
        &ImportOptions::default(),
        Format::Ours,
    );
    assert_round_trip("demo", &s);
}

#[test]
fn frab_camp2019_round_trips() {
    let path = "tests/data/camp2019-frab-schedule.json";
    let s = imported(path, &ImportOptions::default(), Format::Frab);
    assert!(s.sessions.iter().any(|x| !x.links.is_empty()));
    assert_round_trip("camp2019 frab", &s);
}

#[test]
fn frab_rc3_channels_round_trips() {
    let path = "tests/data/rc3-channels-schedule.json";
    let s = imported(path, &ImportOptions::default(), Format::Frab);
    assert_round_trip("rc3 frab", &s);
}

#[test]
fn pretalx_widget_rc3_channels_round_trips_without_session_types() {
    let path = "tests/data/rc3-channels-widget.json";
    let s = imported(path, &ImportOptions::default(), Format::PretalxWidget);
    assert!(s.sessions.iter().all(|x| x.format.is_none()));
    assert_round_trip("rc3 widget", &s);
}

#[test]
fn sessionize_orlando_round_trips_in_its_zone() {
    // America/New_York in 2020: -05:00 until 8 March 07:00 UTC, -04:00 after.
    let zone = SimpleZone {
        name: "America/New_York",
        change: DateTime::parse_from_rfc3339("2020-03-08T07:00:00Z").unwrap(),
        before: FixedOffset::west_opt(5 * 3600).unwrap(),
        after: FixedOffset::west_opt(4 * 3600).unwrap(),
    };
    let options = ImportOptions {
        zone: Some("America/New_York".into()),
        names: &zone,
        name_hint: Some("orlando-codecamp-2020".into()),
    };
    let path = "tests/data/sessionize-orlando-codecamp-2020.json";
    let s = imported(path, &options, Format::Sessionize);
    assert_eq!(s.conference.time_zone, "America/New_York");
    assert!(s.speakers.iter().any(|p| p.affiliation.is_some()));
    assert_round_trip("sessionize orlando", &s);
}

/// 39C3 (read from `../shared/schedules/`, which has no licence to be
/// copied here): its rooms' descriptions in two languages and capacities
/// survive the trip. Absent, it fails when `CI=true` and says it was skipped.
#[test]
fn frab_39c3_round_trips_with_what_its_rooms_say() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/schedules/39c3-schedule.json");
    if !path.exists() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true and ../shared/schedules/39c3-schedule.json is absent"
        );
        eprintln!("SKIPPED: ../shared/schedules/39c3-schedule.json is absent");
        return;
    }
    let s = imported(
        "../shared/schedules/39c3-schedule.json",
        &ImportOptions::default(),
        Format::Frab,
    );
    let described = s.rooms.iter().filter(|r| r.description().is_some()).count();
    assert!(described > 20, "{described} rooms described");
    assert!(s.rooms.iter().any(|r| r.description.len() == 2));
    assert!(s.rooms.iter().any(|r| r.capacity.is_some()));
    assert_round_trip("39c3", &s);
}
