//! The writer of our own format (`docs/schedule-format.md`, version 1): a
//! [`Schedule`], read from any format, as the JSON text
//! [`parse_schedule`](super::schedule::parse_schedule) reads back into the
//! same schedule. The build step uses it to deploy a frab, Sessionize or
//! pretalx file in our format, so the app's first load needs only our
//! reader. Native only: nothing in the app writes a schedule.
//!
//! What a file's reading found wrong (skipped sessions, dropped values) is
//! not written: the written file holds what was kept, and nothing more.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use super::limits::FORMAT_VERSION;
use super::schedule::{Facet, Room, Schedule, Session};

/// The schedule as a file of our format (compact JSON).
pub fn write(schedule: &Schedule) -> String {
    // Serialising borrowed strings and numbers into a String cannot fail.
    serde_json::to_string(&OutFile::of(schedule)).unwrap_or_default()
}

/// The file, in the order the format's documentation lists its parts.
#[derive(Serialize)]
struct OutFile<'a> {
    version: u64,
    conference: OutConference<'a>,
    tracks: Vec<OutTrack<'a>>,
    rooms: Vec<OutRoom<'a>>,
    speakers: Vec<OutSpeaker<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    languages: Vec<OutFacet<'a>>,
    /// Always written: with the list, a session without `format` has none.
    formats: Vec<OutFacet<'a>>,
    sessions: Vec<OutSession<'a>>,
}

#[derive(Serialize)]
struct OutConference<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    location: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    time_zone: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct OutTrack<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<&'a str>,
}

/// A language or a session type: an id and a name.
#[derive(Serialize)]
struct OutFacet<'a> {
    id: &'a str,
    name: &'a str,
}

/// A room: its id and name, and what the file said about it.
#[derive(Serialize)]
struct OutRoom<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<OutTranslations<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    floor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    capacity: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<OutLink<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    directions: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    map_image: Option<&'a str>,
}

/// A text in languages: a string when it is one text in no named language,
/// else an object of language → text, in order.
struct OutTranslations<'a>(&'a [(String, String)]);

impl Serialize for OutTranslations<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let [(code, text)] = self.0 {
            if code.is_empty() {
                return s.serialize_str(text);
            }
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (code, text) in self.0 {
            map.serialize_entry(code, text)?;
        }
        map.end()
    }
}

impl<'a> OutRoom<'a> {
    fn of(r: &'a Room) -> OutRoom<'a> {
        OutRoom {
            id: &r.id,
            name: &r.name,
            description: (!r.description.is_empty()).then_some(OutTranslations(&r.description)),
            location: r.location.as_deref(),
            floor: r.floor.as_deref(),
            capacity: r.capacity,
            links: r
                .links
                .iter()
                .map(|l| OutLink::new(l.kind.name(), l.kind.label(), &l.url, &l.title))
                .collect(),
            directions: r.directions.as_deref(),
            map_image: r.map_image.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct OutSpeaker<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
}

#[derive(Serialize)]
struct OutSession<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    start: String,
    end: String,
    /// Written only when it is not the start's date (frab's past-midnight sessions).
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    track: Option<&'a str>,
    speakers: Vec<&'a str>,
    #[serde(rename = "abstract", skip_serializing_if = "str::is_empty")]
    abstract_text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<OutLink<'a>>,
}

#[derive(Serialize)]
struct OutLink<'a> {
    kind: &'static str,
    url: &'a str,
    /// Left out when it is the kind's own label ("Recording").
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

impl<'a> OutLink<'a> {
    /// A link of the kind named `kind`, its title left out when it is the
    /// kind's own `label` (the reader gives it back): sessions' and rooms'.
    fn new(kind: &'static str, label: &str, url: &'a str, title: &'a str) -> OutLink<'a> {
        OutLink {
            kind,
            url,
            title: (title != label).then_some(title),
        }
    }
}

/// A time as the format writes it: RFC 3339 with its own offset, to the
/// precision it has.
fn rfc3339(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

fn facets(list: &[Facet]) -> Vec<OutFacet<'_>> {
    list.iter()
        .map(|f| OutFacet {
            id: &f.id,
            name: &f.name,
        })
        .collect()
}

impl<'a> OutFile<'a> {
    fn of(s: &'a Schedule) -> OutFile<'a> {
        let c = &s.conference;
        OutFile {
            version: FORMAT_VERSION,
            conference: OutConference {
                id: &c.id,
                title: &c.title,
                location: &c.location,
                time_zone: &c.time_zone,
                url: c.url.as_deref(),
            },
            tracks: s
                .tracks
                .iter()
                .map(|t| OutTrack {
                    id: &t.id,
                    name: &t.name,
                    color: t.color.as_deref(),
                })
                .collect(),
            rooms: s.rooms.iter().map(OutRoom::of).collect(),
            speakers: s
                .speakers
                .iter()
                .map(|p| OutSpeaker {
                    id: &p.id,
                    name: &p.name,
                    affiliation: p.affiliation.as_deref(),
                })
                .collect(),
            languages: facets(&s.languages),
            formats: facets(&s.formats),
            sessions: s.sessions.iter().map(|x| OutSession::of(s, x)).collect(),
        }
    }
}

impl<'a> OutSession<'a> {
    fn of(s: &'a Schedule, x: &'a Session) -> OutSession<'a> {
        OutSession {
            id: &x.id,
            title: &x.title,
            kind: x.kind.name(),
            start: rfc3339(&x.start),
            end: rfc3339(&x.end),
            day: (x.day != x.start.date_naive()).then(|| x.day.to_string()),
            room: x.room.map(|r| s.rooms[r].id.as_str()),
            track: x.track.map(|t| s.tracks[t].id.as_str()),
            speakers: x
                .speakers
                .iter()
                .map(|&p| s.speakers[p].id.as_str())
                .collect(),
            abstract_text: &x.abstract_text,
            url: x.url.as_deref(),
            language: x.language.map(|l| s.languages[l].id.as_str()),
            format: x.format.map(|f| s.formats[f].id.as_str()),
            links: x
                .links
                .iter()
                .map(|l| OutLink::new(l.kind.name(), l.kind.label(), &l.url, &l.title))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::tests::small;
    use crate::model::schedule::{
        parse_schedule, Conference, Link, LinkKind, Parts, Room, RoomLink, RoomLinkKind,
        SessionKind, Speaker, Track,
    };
    use proptest::prelude::*;

    /// The schedule read back from what was written, with every time's offset
    /// compared too (`DateTime`'s `==` compares instants only).
    pub(crate) fn assert_round_trip(s: &Schedule) {
        let text = write(s);
        let back = parse_schedule(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let mut kept = s.clone();
        kept.problems.clear();
        kept.skipped = 0;
        assert_eq!(back, kept, "{text}");
        for (a, b) in back.sessions.iter().zip(&s.sessions) {
            assert_eq!(
                (a.start.offset(), a.end.offset()),
                (b.start.offset(), b.end.offset())
            );
        }
        assert_eq!(write(&back), text, "writing is stable");
    }

    #[test]
    fn our_own_file_reads_back_the_same() {
        assert_round_trip(&small());
    }

    /// The schedule assembled anew from its parts (after a test changed them).
    fn reassemble(s: Schedule) -> Schedule {
        Schedule::assemble(Parts {
            conference: s.conference,
            tracks: s.tracks,
            rooms: s.rooms,
            speakers: s.speakers,
            languages: s.languages,
            formats: s.formats,
            sessions: s.sessions,
            ..Parts::default()
        })
        .unwrap()
    }

    #[test]
    fn every_kind_link_day_and_list_survives() {
        let kinds = [
            SessionKind::Keynote,
            SessionKind::Talk,
            SessionKind::Panel,
            SessionKind::TownHall,
            SessionKind::Social,
            SessionKind::Break,
            SessionKind::Other,
        ];
        for three in kinds.chunks(3) {
            let mut s = small();
            for (x, kind) in s.sessions.iter_mut().zip(three) {
                x.kind = *kind;
            }
            assert_round_trip(&s);
        }
        let mut s = small();
        let s1 = &mut s.sessions[0];
        s1.links = [
            LinkKind::Slides,
            LinkKind::Live,
            LinkKind::Feedback,
            LinkKind::Other,
            LinkKind::Recording,
        ]
        .into_iter()
        .filter_map(|k| Link::new(k, Some(format!("https://x.org/{}", k.name())), None))
        .chain(Link::new(
            LinkKind::Recording,
            Some("https://media.example/v".into()),
            Some("Video (HD)".into()),
        ))
        .collect();
        s1.format = None;
        s1.day = s1.start.date_naive().pred_opt().unwrap();
        let mut s = reassemble(s);
        assert_round_trip(&s);
        // A schedule without types or languages at all.
        for x in &mut s.sessions {
            x.format = None;
            x.language = None;
        }
        s.formats.clear();
        assert_round_trip(&reassemble(s));
    }

    #[test]
    fn what_a_room_says_survives_in_every_shape() {
        let described = |description: Vec<(&str, &str)>| {
            let mut s = small();
            let room = &mut s.rooms[0];
            room.description = description
                .into_iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect();
            room.capacity = Some(1);
            room.links = [
                RoomLinkKind::Stream,
                RoomLinkKind::Directions,
                RoomLinkKind::Other,
            ]
            .into_iter()
            .filter_map(|k| RoomLink::new(k, Some(format!("https://x.org/{}", k.name())), None))
            .collect();
            s
        };
        let one = described(vec![("", "Level +2, <b>west</b>")]);
        assert!(write(&one).contains(r#""description":"Level +2, <b>west</b>""#));
        assert_round_trip(&one);
        let two = described(vec![("en", "Hall"), ("de", "Saal")]);
        assert!(write(&two).contains(r#""description":{"en":"Hall","de":"Saal"}"#));
        assert_round_trip(&two);
        assert_round_trip(&described(vec![("de", "Saal")]));
        assert_round_trip(&described(vec![("", "Hall"), ("de", "Saal")]));
        // A room that says nothing more is written as before.
        assert!(write(&small()).contains(r#""rooms":[{"id":"a","name":"Room A"},"#));
    }

    #[test]
    fn a_room_s_directions_and_map_image_survive() {
        let mut s = small();
        s.rooms[0].floor = Some("Ground floor".into());
        s.rooms[0].directions = Some("Past the desk, then left.\n\n<b>Not</b> markup.".into());
        s.rooms[0].map_image = Some("venue/a.svg".into());
        s.rooms[1].map_image = Some("venue/room b é.png".into());
        let text = write(&s);
        assert!(
            text.contains(r#""floor":"Ground floor","directions":"Past the desk, then left.\n\n<b>Not</b> markup.","map_image":"venue/a.svg"}"#),
            "{text}"
        );
        assert_round_trip(&s);
        // A path that would leave the site is dropped when read, and named.
        for bad in [
            "/etc/map.png",
            "../map.png",
            "venue/../../map.png",
            "venue//map.png",
            "https://example.org/map.png",
            "javascript:alert(1)",
            "data:image/svg+xml,<svg/>",
            "venue\\map.png",
            "venue/map\n.png",
        ] {
            let mut s = small();
            s.rooms[0].map_image = Some(bad.into());
            let back = parse_schedule(&write(&s)).unwrap();
            assert_eq!(back.rooms[0].map_image, None, "{bad}");
            let problems: Vec<String> = back.problems.iter().map(|p| p.to_string()).collect();
            assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
            assert!(
                problems[0].starts_with(&format!("rooms[0]: map_image \"{bad}\" is not")),
                "{bad}: {problems:?}"
            );
        }
    }

    #[test]
    fn a_frab_session_past_midnight_keeps_its_conference_day() {
        let frab = r#"{"schedule":{"conference":{"title":"N","days":[{"date":"2019-08-21","rooms":{"R":[
            {"guid":"late","date":"2019-08-22T01:00:00+02:00","duration":"1:00","title":"Late"}]}}]}}}"#;
        let s = crate::model::frab::parse_frab(frab).unwrap();
        assert!(s.sessions.iter().any(|x| x.day != x.start.date_naive()));
        assert!(write(&s).contains(r#""day":"2019-08-21""#));
        assert_round_trip(&s);
    }

    #[test]
    fn the_written_file_is_our_format_and_says_only_what_is_set() {
        let text = write(&small());
        assert!(text.starts_with(r#"{"version":1,"conference":{"id":"conf","#));
        assert!(text.contains(r#""type":"keynote""#));
        assert!(!text.contains("null"), "{text}");
        assert!(
            !text.contains(r#""day""#),
            "no session is listed on another day"
        );
    }

    fn odd_text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("</script><script>alert(1)</script>".to_string()),
            Just("\"quoted\" \\ back\\slash \n new\r\nline\ttab".to_string()),
            Just("Ádám Sándor 東京 🎉 \u{200b}\u{feff}\u{0}".to_string()),
            any::<String>(),
        ]
        // Every text field is trimmed when read, and may not be blank.
        .prop_map(|t| format!("«{t}»"))
    }

    fn odd_schedule() -> impl Strategy<Value = Schedule> {
        (
            prop::collection::vec(odd_text(), 9),
            prop::collection::vec((odd_text(), 0i32..2000, -14i32..15), 1..6),
        )
            .prop_map(|(t, sessions)| {
                let conference = Conference {
                    id: t[0].clone(),
                    title: t[1].clone(),
                    location: t[2].clone(),
                    time_zone: t[3].clone(),
                    url: Some(format!("https://example.org/{}", t[4])),
                };
                let name = |i: usize| t[i].clone();
                let sessions = sessions
                    .into_iter()
                    .enumerate()
                    .map(|(i, (title, minutes, hours))| {
                        let offset = FixedOffset::east_opt(hours * 3600).unwrap();
                        let start = DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
                            .unwrap()
                            .with_timezone(&offset)
                            + chrono::TimeDelta::minutes(i64::from(minutes));
                        Session {
                            id: format!("{title}-{i}"),
                            title: title.clone(),
                            kind: SessionKind::Talk,
                            start,
                            end: start + chrono::TimeDelta::minutes(45),
                            day: start.date_naive(),
                            room: Some(0),
                            track: Some(0),
                            speakers: vec![0],
                            abstract_text: format!("{title}\n\n{}", name(8)),
                            url: None,
                            language: Some(0),
                            format: Some(0),
                            links: Link::new(
                                LinkKind::Slides,
                                Some("https://example.org/s".into()),
                                Some(title),
                            )
                            .into_iter()
                            .collect(),
                        }
                    })
                    .collect();
                Schedule::assemble(Parts {
                    conference,
                    tracks: vec![Track {
                        id: name(5),
                        name: name(6),
                        color: Some("#abc".into()),
                    }],
                    rooms: vec![Room {
                        id: name(6),
                        name: name(7),
                        description: vec![("en".into(), name(0)), ("".into(), name(1))],
                        location: Some(name(2)),
                        floor: Some(name(3)),
                        capacity: Some(3025),
                        links: RoomLink::new(
                            RoomLinkKind::Map,
                            Some(format!("https://example.org/{}", name(4))),
                            Some(name(5)),
                        )
                        .into_iter()
                        .collect(),
                        directions: Some(name(6)),
                        map_image: Some("venue/a-room.svg".into()),
                    }],
                    speakers: vec![Speaker {
                        id: name(7),
                        name: name(8),
                        affiliation: Some(name(0)),
                    }],
                    languages: vec![Facet {
                        id: name(2),
                        name: name(3),
                    }],
                    formats: vec![Facet {
                        id: name(4),
                        name: name(5),
                    }],
                    sessions,
                    ..Parts::default()
                })
                .unwrap()
            })
    }

    proptest! {
        #[test]
        fn odd_text_survives_the_round_trip(s in odd_schedule()) {
            assert_round_trip(&s);
        }
    }
}
