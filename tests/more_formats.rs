//! The Sessionize and pretalx-widget importers on files in `tests/data/`
//! (sources and licences in `tests/data/SOURCES.md`). Expected values were
//! computed independently from the files with Python.

use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use schedule_viewer::model::import::{import, Format, ImportOptions, Imported};
use schedule_viewer::model::schedule::SessionKind;
use schedule_viewer::model::time::SimpleZone;

fn read(file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn timed_import(file: &str, options: &ImportOptions) -> Imported {
    let text = read(file);
    let t = Instant::now();
    let imported = import(&text, options).unwrap_or_else(|e| panic!("{file}: {e}"));
    eprintln!(
        "{file}: {} bytes, {} ({}), {} sessions, imported in {:?}",
        text.len(),
        imported.format.name(),
        if imported.zone_assumed {
            "zone assumed"
        } else {
            "zone from the file"
        },
        imported.schedule.sessions.len(),
        t.elapsed()
    );
    imported
}

/// America/New_York in 2020: -05:00 until 8 March 07:00 UTC, -04:00 after.
fn new_york_2020() -> SimpleZone {
    SimpleZone {
        name: "America/New_York",
        change: DateTime::parse_from_rfc3339("2020-03-08T07:00:00Z").unwrap(),
        before: FixedOffset::west_opt(5 * 3600).unwrap(),
        after: FixedOffset::west_opt(4 * 3600).unwrap(),
    }
}

#[test]
fn sessionize_all_data_of_orlando_code_camp_2020() {
    let zone = new_york_2020();
    let options = ImportOptions {
        zone: Some("America/New_York".into()),
        names: &zone,
        name_hint: Some("orlando-codecamp-2020".into()),
    };
    let imported = timed_import("sessionize-orlando-codecamp-2020.json", &options);
    assert_eq!(imported.format, Format::Sessionize);
    assert!(imported.zone_assumed, "Sessionize files name no zone");
    let s = imported.schedule;
    assert_eq!(s.conference.id, "orlando-codecamp-2020");
    assert_eq!(s.conference.time_zone, "America/New_York");
    assert_eq!((s.sessions.len(), s.skipped), (99, 0));
    assert_eq!(s.days.len(), 1);
    assert_eq!(s.speakers.len(), 84);
    // Rooms in Sessionize's sort order.
    let rooms: Vec<&str> = s.rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(rooms.len(), 14);
    assert_eq!(rooms[..2], ["Room 1", "Room 2"]);
    assert_eq!(rooms[12..], ["IoT Room", "Auditorium"]);
    // The "Category" group is the track (there is no "Track" group); 12 are used.
    assert_eq!(s.tracks.len(), 12);
    let formats: Vec<&str> = s.formats.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(formats.len(), 2);
    assert!(formats.contains(&"Session") && formats.contains(&"Lightning talk"));
    assert!(s.languages.is_empty());
    // A talk: local 09:00 on 28 March 2020 is after the DST change, -04:00.
    let talk = s.session("176210").expect("Elite DevOps using Kubernetes");
    assert_eq!(talk.title, "Elite DevOps using Kubernetes");
    assert_eq!(talk.start.to_rfc3339(), "2020-03-28T09:00:00-04:00");
    assert_eq!(talk.end.to_rfc3339(), "2020-03-28T09:45:00-04:00");
    assert_eq!(s.room_name(talk), "Room 2");
    assert_eq!(s.speakers[talk.speakers[0]].name, "Facundo Gauna");
    // Service sessions: 12; the lunch and the snack break are breaks.
    let service: Vec<&str> = s
        .sessions
        .iter()
        .filter(|x| x.speakers.is_empty())
        .map(|x| x.title.as_str())
        .collect();
    assert_eq!(service.len(), 12);
    let breaks: Vec<&str> = s
        .sessions
        .iter()
        .filter(|x| x.kind == SessionKind::Break)
        .map(|x| x.title.as_str())
        .collect();
    assert_eq!(breaks, ["Lunch", "Ice Cream & Snacks Break"]);
}

#[test]
fn pretalx_widget_data_derived_from_rc3_channels() {
    let imported = timed_import("rc3-channels-widget.json", &ImportOptions::default());
    assert_eq!(imported.format, Format::PretalxWidget);
    assert!(!imported.zone_assumed, "the widget names its zone");
    let s = imported.schedule;
    assert_eq!(s.conference.time_zone, "Europe/Berlin");
    // 48 talks from the export plus the one break slot.
    assert_eq!((s.sessions.len(), s.skipped), (49, 0));
    assert_eq!(s.days.len(), 4);
    assert_eq!(s.rooms.len(), 5);
    assert_eq!(s.rooms[0].name, "r3s - Monheim/Rhein");
    assert_eq!(s.tracks.len(), 5);
    assert_eq!(s.speakers.len(), 56);
    let langs: Vec<&str> = s.languages.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(langs.len(), 2);
    assert!(langs.contains(&"German") && langs.contains(&"English"));
    let german = s
        .language_by_id("de")
        .expect("the German facet has the slug de");
    assert_eq!(
        s.sessions
            .iter()
            .filter(|x| x.language == Some(german))
            .count(),
        19
    );
    let talk = s
        .session("MJA8QY")
        .expect("the Gluon talk by its pretalx code");
    assert_eq!(
        talk.title,
        "Der faule Admin automatisiert: Gluon auf echter Hardware testen"
    );
    assert_eq!(talk.start.to_rfc3339(), "2020-12-27T11:30:00+01:00");
    assert_eq!(talk.end.to_rfc3339(), "2020-12-27T12:10:00+01:00");
    let names: Vec<&str> = talk
        .speakers
        .iter()
        .map(|&p| s.speakers[p].name.as_str())
        .collect();
    assert_eq!(names, ["Chris Fiege", "Kasa"]);
    let doors = s.session("slot-1").expect("the break slot");
    assert_eq!(
        (doors.title.as_str(), doors.kind),
        ("Doors open", SessionKind::Break)
    );
}

#[test]
fn the_frab_export_reads_languages_types_and_links() {
    let imported = timed_import("rc3-channels-schedule.json", &ImportOptions::default());
    assert_eq!(imported.format, Format::Frab);
    let s = imported.schedule;
    let talk = s.session("c3642671-4c1f-5109-81ba-0535c1cc8428").unwrap();
    assert_eq!(s.languages[talk.language.unwrap()].name, "German");
    assert_eq!(
        s.formats[talk.format.unwrap()].name,
        "Talk 30 min + 10min Q&A"
    );
}

#[test]
fn format_detection_names_the_frab_export() {
    let imported = timed_import("camp2019-frab-schedule.json", &ImportOptions::default());
    assert_eq!(imported.format, Format::Frab);
    assert!(!imported.zone_assumed);
    assert_eq!(imported.schedule.sessions.len(), 79);
}
