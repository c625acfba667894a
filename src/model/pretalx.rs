//! Importer for the JSON pretalx's own schedule widget loads
//! (`/<event>/schedule/widgets/schedule.json`, built by pretalx's
//! `build_widget_data`): `talks`, `rooms`, `speakers`, `tracks`, `timezone`.
//!
//! Talks refer to rooms, tracks and speakers by id or code. Names may be
//! plain text or translations (`{"en": "Hall", "de": "Saal"}`): English is
//! shown, else the first given. A slot without a `code` is a break or
//! blocker. Times carry offsets; one without is read in the file's zone.
//! `content_locale` (newer pretalx) gives the language. The widget data has
//! no links (pretalx keeps resources in its API), so none are read.

use serde::Deserialize;

use super::error::{ScheduleError, SkipReason};
use super::json::read_with_serde;
use super::lenient::{Count, I18n, IdList, IdText, Item, Text, Translations};
use super::schedule::{
    checked_colour, language_name, non_empty, Conference, FacetList, Parts, Problem, Room,
    RoomFacts, Schedule, Session, SessionKind, Tally, Track,
};
use super::time::{parse_in_zone, ZoneResolver};
use crate::trf;

#[derive(Deserialize)]
struct Widget {
    #[serde(default)]
    talks: Vec<Item<WTalk>>,
    #[serde(default)]
    rooms: Vec<Item<WNamed>>,
    #[serde(default)]
    tracks: Vec<Item<WNamed>>,
    #[serde(default)]
    speakers: Vec<Item<WNamed>>,
    #[serde(default)]
    timezone: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WTalk {
    code: Text,
    id: IdText,
    title: I18n,
    #[serde(rename = "abstract")]
    abstract_text: Text,
    speakers: IdList,
    track: IdText,
    room: IdText,
    start: Text,
    end: Text,
    content_locale: Text,
    slot_type: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WNamed {
    id: IdText,
    code: IdText,
    name: I18n,
    color: Text,
    /// A room's description: text or translations (kept, for rooms only).
    description: Translations,
    /// A room's seats, where given.
    capacity: Count,
}

/// Does this parsed JSON's top level look like pretalx widget data?
pub fn looks_like(value_keys: &[&str]) -> bool {
    value_keys.contains(&"talks")
        && (value_keys.contains(&"rooms")
            || value_keys.contains(&"timezone")
            || value_keys.contains(&"speakers"))
}

/// Parse pretalx widget data, and say whether the file names its zone.
/// `zone` is used only when it does not (for times without an offset).
pub fn parse_widget(
    text: &str,
    mut conference: Conference,
    zone: &str,
    names: &dyn ZoneResolver,
) -> Result<(Schedule, bool), ScheduleError> {
    let w: Widget = read_with_serde(text)?;
    let own_zone = non_empty(w.timezone.0);
    let names_zone = own_zone.is_some();
    if let Some(tz) = own_zone {
        conference.time_zone = tz;
    }
    let zone = if conference.time_zone.is_empty() {
        zone.to_string()
    } else {
        conference.time_zone.clone()
    };
    let mut problems = Vec::new();
    let named = |list: Vec<Item<WNamed>>, what: &str, problems: &mut Vec<Problem>| {
        let mut out = Vec::new();
        for (i, n) in list.into_iter().enumerate() {
            let n = n.0.unwrap_or_default();
            let facts = RoomFacts {
                description: n.description.0,
                capacity: n.capacity.0,
                ..RoomFacts::default()
            };
            match (n.id.0.or(n.code.0), non_empty(n.name.0)) {
                (Some(id), Some(name)) => out.push((id, name, (n.color.0, facts))),
                _ => problems.push(Problem {
                    place: format!("{what}[{i}]"),
                    message: trf!("{what} entry without id or name", what = what),
                }),
            }
        }
        out
    };
    let (rooms, room_facts) = listed(named(w.rooms, "rooms", &mut problems));
    let (tracks, colours) = listed(named(w.tracks, "tracks", &mut problems));
    let (speakers, _) = listed(named(w.speakers, "speakers", &mut problems));

    let mut languages = FacetList::new();
    let mut tally = Tally::new(problems);
    for (i, raw) in w.talks.into_iter().enumerate() {
        let mut place = format!("talks[{i}]");
        let result = (|| -> Result<Session, SkipReason> {
            let t = raw.0.ok_or(SkipReason::NotAnObject)?;
            let code = non_empty(t.code.0);
            let code = code.as_deref();
            let base = match (code, t.id.0) {
                (Some(code), _) => code.to_string(),
                (None, Some(id)) => format!("slot-{id}"),
                (None, None) => return Err(SkipReason::NoCodeOrId),
            };
            place = trf!("talk \"{code}\"", code = base);
            let title = non_empty(t.title.0).ok_or(SkipReason::EmptyTitle)?;
            let at = |s: &Text, missing: SkipReason| {
                let s = s.0.as_deref().ok_or(missing)?;
                parse_in_zone(s, &zone, names).ok_or_else(|| SkipReason::NotATime(s.to_string()))
            };
            let (start, end) = (
                at(&t.start, SkipReason::NoStart)?,
                at(&t.end, SkipReason::NoEnd)?,
            );
            if end < start {
                return Err(SkipReason::EndsBeforeStart);
            }
            // A talk given in several slots keeps its code: `Tally` makes the
            // occurrences distinct (the rule of every format).
            let id = base;
            let mut people = Vec::new();
            for p in &t.speakers.0 {
                let ix = speakers
                    .get(p)
                    .ok_or_else(|| SkipReason::UnknownSpeaker(p.clone()))?;
                if !people.contains(&ix) {
                    people.push(ix);
                }
            }
            let is_break = code.is_none()
                && t.slot_type
                    .0
                    .as_deref()
                    .is_none_or(|s| s.eq_ignore_ascii_case("break"));
            Ok(Session {
                id,
                title,
                kind: if is_break {
                    SessionKind::Break
                } else if code.is_none() {
                    SessionKind::Other
                } else {
                    SessionKind::Talk
                },
                start,
                end,
                day: start.date_naive(),
                room: t.room.0.and_then(|r| rooms.get(&r)),
                track: t.track.0.and_then(|r| tracks.get(&r)),
                speakers: people,
                abstract_text: t.abstract_text.0.unwrap_or_default().trim().to_string(),
                url: None,
                language: non_empty(t.content_locale.0)
                    .map(|code| languages.index_with(&language_name(&code), &code)),
                format: None,
                links: Vec::new(),
            })
        })();
        tally.take(place, result);
    }
    let mut tracks: Vec<Track> = tracks.into_items();
    for (i, (track, (colour, _))) in tracks.iter_mut().zip(colours).enumerate() {
        let place = || format!("tracks[{i}]");
        track.color = checked_colour(colour, place, &mut tally.problems);
    }
    let schedule = Schedule::assemble(Parts {
        conference,
        tracks,
        rooms: described(rooms.into_items(), room_facts),
        speakers: speakers.into_items(),
        languages: languages.items,
        formats: Vec::new(),
        sessions: tally.sessions,
        problems: tally.problems,
        skipped: tally.skipped,
    })?;
    Ok((schedule, names_zone))
}

/// The rooms with what the file says about each (in the same order).
fn described(rooms: Vec<Room>, facts: Vec<(Option<String>, RoomFacts)>) -> Vec<Room> {
    let mut rooms = rooms;
    for (room, (_, facts)) in rooms.iter_mut().zip(facts) {
        room.describe(facts);
    }
    rooms
}

/// Named entries as facets by their id, the first of each id kept, with
/// what else each kept entry carries (a track's colour, a room's facts).
fn listed<T>(entries: Vec<(String, String, T)>) -> (FacetList, Vec<T>) {
    let mut list = FacetList::new();
    let mut extra = Vec::new();
    for (id, name, more) in entries {
        if list.get(&id).is_none() {
            list.add(&id, &name, &name);
            extra.push(more);
        }
    }
    (list, extra)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::NoZoneNames;

    const SMALL: &str = r##"{
      "talks": [
        {"code": "AB12CD", "id": 1, "title": "Opening", "abstract": "Hello", "speakers": ["SP1"],
         "track": 5, "start": "2025-09-19T09:25:00+08:00", "end": "2025-09-19T09:35:00+08:00",
         "room": 44, "duration": 10, "content_locale": "en"},
        {"id": 2, "title": {"en": "Coffee break", "zh-tw": "休息"}, "start": "2025-09-19T10:00:00+08:00",
         "end": "2025-09-19T10:15:00+08:00", "room": 44},
        {"code": "AB12CD", "id": 3, "title": "Opening", "speakers": ["SP1"], "track": 5,
         "start": "2025-09-20T09:25:00+08:00", "end": "2025-09-20T09:35:00+08:00", "room": 45},
        {"code": "ZZ", "id": 4, "title": "Lost", "speakers": ["NOPE"],
         "start": "2025-09-20T11:00:00+08:00", "end": "2025-09-20T11:30:00+08:00"}
      ],
      "version": "0.24",
      "timezone": "Asia/Taipei",
      "event_start": "2025-09-19",
      "event_end": "2025-09-20",
      "tracks": [{"id": 5, "name": {"en": "Main"}, "description": {}, "color": "#C19D0C"}],
      "rooms": [{"id": 45, "name": {"zh-hant": "402AB"}, "description": {}},
                {"id": 44, "name": {"en": "401", "zh-hant": "401"},
                 "description": {"zh-hant": "四樓", "en": "4th floor, <i>left</i>"}}],
      "speakers": [{"code": "SP1", "name": "陳冠緯", "avatar": ""}]
    }"##;

    #[test]
    fn reads_talks_breaks_translations_and_repeated_slots() {
        let (s, names_zone) =
            parse_widget(SMALL, Conference::default(), "UTC", &NoZoneNames).unwrap();
        assert!(names_zone);
        assert_eq!(s.conference.time_zone, "Asia/Taipei");
        assert_eq!(s.sessions.len(), 3);
        assert_eq!(s.skipped, 1);
        let opening = s.session("AB12CD").unwrap();
        assert_eq!(s.room_name(opening), "401");
        assert_eq!(
            s.track_of(opening).and_then(|t| t.color.as_deref()),
            Some("#C19D0C")
        );
        assert_eq!(s.speakers[opening.speakers[0]].name, "陳冠緯");
        assert_eq!(s.languages[opening.language.unwrap()].name, "English");
        let again = s.session("AB12CD-2025-09-20").unwrap();
        assert_eq!(s.room_name(again), "402AB");
        let coffee = s.session("slot-2").unwrap();
        assert_eq!(
            (coffee.title.as_str(), coffee.kind),
            ("Coffee break", SessionKind::Break)
        );
        // Rooms keep pretalx's order, and their descriptions.
        assert_eq!(s.rooms[0].name, "402AB");
        assert_eq!(s.rooms[0].description(), None);
        assert_eq!(s.rooms[1].description(), Some("4th floor, <i>left</i>"));
        assert_eq!(s.rooms[1].description_in("zh-hant"), Some("四樓"));
        assert!(s
            .problems
            .iter()
            .any(|p| p.message == "unknown speaker \"NOPE\""));
    }
}
