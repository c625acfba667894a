//! Importer for Sessionize's "All data" JSON (`/api/v2/<id>/view/All`):
//! `sessions`, `speakers`, `categories`, `rooms`, `questions`.
//!
//! Sessionize writes local times without an offset and does not name the
//! zone, so the caller supplies one ([`super::import::ImportOptions`]).
//! Speakers, rooms and category items are referred to by id. Category
//! groups are matched by their title: "Track" (else "Topic", "Category",
//! "Stream") gives the track, "Language" the language, "Session format"
//! (or "Format", "Type") the session type. `isServiceSession` sessions
//! (breaks, registration) have no speakers. Anything unreadable costs its
//! session, never the file.

use std::collections::HashMap;

use serde::Deserialize;

use super::error::{ScheduleError, SkipReason};
use super::json::read_with_serde;
use super::lenient::{Flag, IdList, IdText, Item, Text};
use super::schedule::{
    language_name, non_empty, session_place, Conference, FacetList, Link, LinkKind, Parts, Problem,
    Schedule, Session, SessionKind, Speaker, Tally,
};
use super::time::{parse_in_zone, ZoneResolver};
use super::words::tr;

#[derive(Deserialize)]
struct AllData {
    #[serde(default)]
    sessions: Vec<Item<SzSession>>,
    #[serde(default)]
    speakers: Vec<Item<SzSpeaker>>,
    #[serde(default)]
    categories: Vec<Item<SzCategory>>,
    #[serde(default)]
    rooms: Vec<Item<SzRoom>>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct SzSession {
    id: IdText,
    title: Text,
    description: Text,
    starts_at: Text,
    ends_at: Text,
    is_service_session: Flag,
    speakers: IdList,
    category_items: IdList,
    room_id: IdText,
    live_url: Text,
    recording_url: Text,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct SzSpeaker {
    id: IdText,
    full_name: Text,
    first_name: Text,
    last_name: Text,
    tag_line: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SzCategory {
    title: Text,
    items: Vec<Item<SzItem>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SzItem {
    id: IdText,
    name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SzRoom {
    id: IdText,
    name: Text,
    sort: IdText,
}

/// Does this parsed JSON look like Sessionize's "All data"?
pub fn looks_like(value_keys: &[&str]) -> bool {
    value_keys.contains(&"sessions")
        && (value_keys.contains(&"categories") || value_keys.contains(&"rooms"))
        && value_keys.contains(&"speakers")
        && !value_keys.contains(&"version")
        && !value_keys.contains(&"conference")
}

/// What a category group gives a session.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The track; the number ranks the group titles (lower wins).
    Track(u8),
    Language,
    Format,
}

fn role_of(group_title: &str) -> Option<Role> {
    match group_title.trim().to_ascii_lowercase().as_str() {
        "track" | "tracks" => Some(Role::Track(0)),
        "topic" | "topics" => Some(Role::Track(1)),
        "category" | "categories" => Some(Role::Track(2)),
        "stream" | "streams" | "theme" => Some(Role::Track(3)),
        "language" | "languages" | "session language" => Some(Role::Language),
        "session format" | "format" | "session type" | "type" => Some(Role::Format),
        _ => None,
    }
}

/// Words that make a service session a break.
fn is_break_title(title: &str) -> bool {
    let t = title.to_lowercase();
    [
        "break",
        "lunch",
        "coffee",
        "breakfast",
        "dinner",
        "tea",
        "snack",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Parse Sessionize "All data", reading its wall-clock times in `zone`.
pub fn parse_sessionize(
    text_in: &str,
    conference: Conference,
    zone: &str,
    names: &dyn ZoneResolver,
) -> Result<Schedule, ScheduleError> {
    let all: AllData = read_with_serde(text_in)?;
    let mut problems = Vec::new();

    // Rooms, in Sessionize's sort order.
    let mut raw_rooms: Vec<(i64, usize, String, String)> = Vec::new();
    for (i, r) in all.rooms.into_iter().enumerate() {
        let r = r.0.unwrap_or_default();
        let sort = r.sort.0.and_then(|s| s.parse().ok()).unwrap_or(0);
        match (r.id.0, non_empty(r.name)) {
            (Some(id), Some(name)) => raw_rooms.push((sort, i, id, name)),
            _ => problems.push(problem(
                format!("rooms[{i}]"),
                tr("room without id or name"),
            )),
        }
    }
    raw_rooms.sort_by_key(|(sort, i, _, _)| (*sort, *i));
    let mut rooms = FacetList::new();
    for (_, _, sz_id, name) in raw_rooms {
        rooms.add(&sz_id, &name, &name);
    }

    // Category items: id → (role, name); the track group is the best-ranked present.
    let mut items: HashMap<String, (Role, String)> = HashMap::new();
    let mut track_rank: Option<u8> = None;
    for c in all.categories.into_iter().filter_map(|c| c.0) {
        let Some(role) = c.title.0.as_deref().and_then(role_of) else {
            continue;
        };
        if let Role::Track(rank) = role {
            track_rank = Some(track_rank.map_or(rank, |r| r.min(rank)));
        }
        for item in c.items.into_iter().filter_map(|i| i.0) {
            if let (Some(id), Some(name)) = (item.id.0, non_empty(item.name)) {
                items.insert(id, (role, name));
            }
        }
    }

    // Speakers by Sessionize id.
    let mut speakers = FacetList::new();
    let mut affiliations = Vec::new();
    for (i, p) in all.speakers.into_iter().enumerate() {
        let Some(p) = p.0 else {
            problems.push(problem(format!("speakers[{i}]"), tr("not a speaker")));
            continue;
        };
        let name = non_empty(p.full_name).or_else(|| {
            let joined = format!(
                "{} {}",
                p.first_name.0.as_deref().unwrap_or(""),
                p.last_name.0.as_deref().unwrap_or("")
            );
            non_empty(joined)
        });
        match (p.id.0, name) {
            (Some(sz_id), Some(name)) if speakers.get(&sz_id).is_none() => {
                speakers.add(&sz_id, &name, &name);
                affiliations.push(non_empty(p.tag_line));
            }
            _ => problems.push(problem(
                format!("speakers[{i}]"),
                tr("speaker without id or name, or with a duplicate id"),
            )),
        }
    }

    let mut tracks = FacetList::new();
    let mut languages = FacetList::new();
    let mut formats = FacetList::new();
    let mut tally = Tally::new(problems);
    for (i, raw) in all.sessions.into_iter().enumerate() {
        let place = raw
            .0
            .as_ref()
            .and_then(|s| s.id.0.as_deref())
            .map_or_else(|| format!("sessions[{i}]"), session_place);
        let result = (|| -> Result<Session, SkipReason> {
            let s = raw.0.ok_or(SkipReason::NotAnObject)?;
            let id = s.id.0.clone().ok_or(SkipReason::NoId)?;
            let title = non_empty(s.title).ok_or(SkipReason::EmptyTitle)?;
            let start_text = s.starts_at.0.as_deref();
            let start_text = start_text.ok_or(SkipReason::Unscheduled)?;
            let end_text = s.ends_at.0.as_deref().ok_or(SkipReason::NoEnd)?;
            let at = |t: &str| {
                parse_in_zone(t, zone, names).ok_or_else(|| SkipReason::NotATimeInZone {
                    time: t.to_string(),
                    zone: zone.to_string(),
                })
            };
            let (start, end) = (at(start_text)?, at(end_text)?);
            if end < start {
                return Err(SkipReason::EndsBeforeStart);
            }
            let mut track = None;
            let mut language = None;
            let mut format = None;
            for item in &s.category_items.0 {
                match items.get(item) {
                    Some((Role::Track(rank), name)) if Some(*rank) == track_rank => {
                        track = track.or(Some(tracks.index(name)));
                    }
                    Some((Role::Language, name)) => {
                        let shown = language_name(name);
                        language = language.or(Some(languages.index_with(&shown, name)));
                    }
                    Some((Role::Format, name)) => format = format.or(Some(formats.index(name))),
                    _ => {}
                }
            }
            let service = s.is_service_session.0;
            let kind = match (
                service,
                format.map(|f| formats.items[f].name.to_lowercase()),
            ) {
                (true, _) if is_break_title(&title) => SessionKind::Break,
                (true, _) => SessionKind::Other,
                (false, Some(f)) if f.contains("keynote") => SessionKind::Keynote,
                (false, Some(f)) if f.contains("panel") => SessionKind::Panel,
                _ => SessionKind::Talk,
            };
            let mut people = Vec::new();
            for p in &s.speakers.0 {
                let ix = speakers
                    .get(p)
                    .ok_or_else(|| SkipReason::UnknownSpeaker(p.clone()))?;
                if !people.contains(&ix) {
                    people.push(ix);
                }
            }
            let links = [
                Link::new(LinkKind::Live, s.live_url.0.clone(), None),
                Link::new(LinkKind::Recording, s.recording_url.0.clone(), None),
            ]
            .into_iter()
            .flatten()
            .collect();
            Ok(Session {
                id,
                title,
                kind,
                start,
                end,
                day: start.date_naive(),
                room: s.room_id.0.as_deref().and_then(|r| rooms.get(r)),
                track,
                speakers: people,
                abstract_text: non_empty(s.description).unwrap_or_default(),
                url: None,
                language,
                format,
                links,
            })
        })();
        tally.take(place, result);
    }
    let mut speakers: Vec<Speaker> = speakers.into_items();
    for (speaker, affiliation) in speakers.iter_mut().zip(affiliations) {
        speaker.affiliation = affiliation;
    }
    Schedule::assemble(Parts {
        conference,
        tracks: tracks.into_items(),
        rooms: rooms.into_items(),
        speakers,
        languages: languages.items,
        formats: formats.items,
        sessions: tally.sessions,
        problems: tally.problems,
        skipped: tally.skipped,
    })
}

fn problem(place: String, message: &str) -> Problem {
    Problem {
        place,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::SimpleZone;
    use chrono::DateTime;

    pub(crate) fn new_york_2024() -> SimpleZone {
        SimpleZone {
            name: "America/New_York",
            change: DateTime::parse_from_rfc3339("2024-03-10T07:00:00Z").unwrap(),
            before: chrono::FixedOffset::west_opt(5 * 3600).unwrap(),
            after: chrono::FixedOffset::west_opt(4 * 3600).unwrap(),
        }
    }

    const SMALL: &str = r#"{
      "sessions": [
        {"id": "101", "title": "Rust on phones", "description": "Small and fast.",
         "startsAt": "2024-03-09T10:00:00", "endsAt": "2024-03-09T10:45:00",
         "isServiceSession": false, "speakers": ["sp-1", "sp-2"], "categoryItems": [1, 11, 21],
         "roomId": 7, "liveUrl": "https://live.example/a", "recordingUrl": "javascript:alert(1)"},
        {"id": "b1", "title": "Lunch", "startsAt": "2024-03-10T12:00:00",
         "endsAt": "2024-03-10T13:00:00", "isServiceSession": true, "speakers": [],
         "categoryItems": [], "roomId": 8},
        {"id": "102", "title": "Unscheduled", "startsAt": null, "endsAt": null},
        {"id": "103", "title": "Ghost", "startsAt": "2024-03-10T14:00:00",
         "endsAt": "2024-03-10T14:30:00", "speakers": ["nobody"]}
      ],
      "speakers": [
        {"id": "sp-1", "firstName": "Ana", "lastName": "Silva", "fullName": "Ana Silva",
         "tagLine": "Engineer at Acme"},
        {"id": "sp-2", "firstName": "Bo", "lastName": "Li"}
      ],
      "categories": [
        {"id": 90, "title": "Track", "items": [{"id": 1, "name": "Systems"}]},
        {"id": 91, "title": "Language", "items": [{"id": 11, "name": "English"}]},
        {"id": 92, "title": "Session format", "items": [{"id": 21, "name": "Workshop"}]},
        {"id": 93, "title": "Level", "items": [{"id": 31, "name": "Expert"}]}
      ],
      "rooms": [{"id": 8, "name": "Hall", "sort": 2}, {"id": 7, "name": "Room 1", "sort": 1}],
      "questions": []
    }"#;

    fn conference() -> Conference {
        Conference {
            id: "sz".into(),
            title: "Sz".into(),
            time_zone: "America/New_York".into(),
            ..Conference::default()
        }
    }

    #[test]
    fn reads_sessions_speakers_rooms_and_category_groups() {
        let s =
            parse_sessionize(SMALL, conference(), "America/New_York", &new_york_2024()).unwrap();
        assert_eq!(s.sessions.len(), 2);
        assert_eq!(s.skipped, 2);
        let talk = s.session("101").unwrap();
        // Wall-clock times in the zone: before the DST change -05:00, after it -04:00.
        assert_eq!(talk.start.to_rfc3339(), "2024-03-09T10:00:00-05:00");
        let lunch = s.session("b1").unwrap();
        assert_eq!(lunch.start.to_rfc3339(), "2024-03-10T12:00:00-04:00");
        assert_eq!(lunch.kind, SessionKind::Break);
        assert_eq!(s.track_of(talk).map(|t| t.name.as_str()), Some("Systems"));
        assert_eq!(s.languages[talk.language.unwrap()].name, "English");
        assert_eq!(s.formats[talk.format.unwrap()].name, "Workshop");
        let names: Vec<&str> = talk
            .speakers
            .iter()
            .map(|&p| s.speakers[p].name.as_str())
            .collect();
        assert_eq!(names, ["Ana Silva", "Bo Li"]);
        assert_eq!(
            s.speakers[talk.speakers[0]].affiliation.as_deref(),
            Some("Engineer at Acme")
        );
        // Rooms in Sessionize's sort order.
        let rooms: Vec<&str> = s.rooms.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(rooms, ["Room 1", "Hall"]);
        assert_eq!(s.room_name(talk), "Room 1");
        // Only the http(s) link survives.
        assert_eq!(talk.links.len(), 1);
        assert_eq!(talk.links[0].kind, LinkKind::Live);
        let why: Vec<&str> = s.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(why.contains(&"not scheduled (no start time)"), "{why:?}");
        assert!(why.contains(&"unknown speaker \"nobody\""), "{why:?}");
    }

    #[test]
    fn an_unknown_zone_costs_the_sessions_with_a_message() {
        let err = parse_sessionize(SMALL, conference(), "Nowhere/Else", &new_york_2024())
            .err()
            .unwrap();
        assert!(
            matches!(err, ScheduleError::NoSessions { skipped: 4 }),
            "{err:?}"
        );
    }

    #[test]
    fn a_topic_group_is_the_track_when_there_is_no_track_group() {
        let text = SMALL.replace("\"title\": \"Track\"", "\"title\": \"Topic\"");
        let s =
            parse_sessionize(&text, conference(), "America/New_York", &new_york_2024()).unwrap();
        assert_eq!(s.tracks.len(), 1);
        assert_eq!(s.tracks[0].name, "Systems");
    }
}
