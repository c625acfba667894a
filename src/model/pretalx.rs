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

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::lenient::{I18n, IdList, IdText, Item, Text};
use super::schedule::{
    is_hex_colour, language_name, non_empty, Conference, FacetList, Parts, Problem, Room, Schedule,
    ScheduleError, Session, SessionKind, Speaker, Tally, Track,
};
use super::text::slugify;
use super::time::{parse_in_zone, ZoneResolver};

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
    let w: Widget = serde_json::from_str(text).map_err(|e| ScheduleError::Syntax(e.to_string()))?;
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
            match (n.id.0.or(n.code.0), non_empty(n.name.0)) {
                (Some(id), Some(name)) => out.push((id, name, n.color.0)),
                _ => problems.push(Problem {
                    place: format!("{what}[{i}]"),
                    message: format!("{what} entry without id or name"),
                }),
            }
        }
        out
    };
    let mut room_ids = FacetList::new();
    let mut rooms = Vec::new();
    let mut room_ix = HashMap::new();
    for (wid, name, _) in named(w.rooms, "rooms", &mut problems) {
        if room_ix.contains_key(&wid) {
            continue;
        }
        room_ix.insert(wid, rooms.len());
        rooms.push(Room {
            id: room_ids.unique_id(&slugify(&name)),
            name,
        });
    }
    let mut track_ids = FacetList::new();
    let mut tracks = Vec::new();
    let mut track_ix = HashMap::new();
    for (wid, name, color) in named(w.tracks, "tracks", &mut problems) {
        if track_ix.contains_key(&wid) {
            continue;
        }
        track_ix.insert(wid, tracks.len());
        tracks.push(Track {
            id: track_ids.unique_id(&slugify(&name)),
            name,
            color: color.filter(|c| is_hex_colour(c)),
        });
    }
    let mut speaker_ids = FacetList::new();
    let mut speakers = Vec::new();
    let mut speaker_ix = HashMap::new();
    for (code, name, _) in named(w.speakers, "speakers", &mut problems) {
        if speaker_ix.contains_key(&code) {
            continue;
        }
        speaker_ix.insert(code, speakers.len());
        speakers.push(Speaker {
            id: speaker_ids.unique_id(&slugify(&name)),
            name,
            affiliation: None,
        });
    }

    let mut languages = FacetList::new();
    let mut tally = Tally {
        problems,
        ..Tally::default()
    };
    let mut seen = HashSet::new();
    for (i, raw) in w.talks.into_iter().enumerate() {
        let mut place = format!("talks[{i}]");
        let result = (|| -> Result<Session, String> {
            let t = raw.0.ok_or("not an object")?;
            let code = non_empty(t.code.0);
            let code = code.as_deref();
            let base = match (code, t.id.0) {
                (Some(code), _) => code.to_string(),
                (None, Some(id)) => format!("slot-{id}"),
                (None, None) => return Err("talk without code or id".into()),
            };
            place = format!("talk \"{base}\"");
            let title = non_empty(t.title.0).ok_or("empty title")?;
            let at = |s: &Text, what: &str| {
                let s = s.0.as_deref().ok_or(format!("no {what} time"))?;
                parse_in_zone(s, &zone, names).ok_or(format!("\"{s}\" is not a time"))
            };
            let (start, end) = (at(&t.start, "start")?, at(&t.end, "end")?);
            if end < start {
                return Err("ends before it starts".into());
            }
            // A talk given in several slots keeps its code: make each occurrence distinct.
            let mut id = base.clone();
            let mut k = 2;
            while seen.contains(&id) {
                id = format!("{base}-{k}");
                k += 1;
            }
            seen.insert(id.clone());
            let mut people = Vec::new();
            for p in &t.speakers.0 {
                let ix = *speaker_ix
                    .get(p)
                    .ok_or_else(|| format!("unknown speaker \"{p}\""))?;
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
                room: t.room.0.and_then(|r| room_ix.get(&r).copied()),
                track: t.track.0.and_then(|r| track_ix.get(&r).copied()),
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
    let schedule = Schedule::assemble(Parts {
        conference,
        tracks,
        rooms,
        speakers,
        languages: languages.items,
        formats: Vec::new(),
        sessions: tally.sessions,
        problems: tally.problems,
        skipped: tally.skipped,
    })?;
    Ok((schedule, names_zone))
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
                {"id": 44, "name": {"en": "401", "zh-hant": "401"}, "description": {}}],
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
        let again = s.session("AB12CD-2").unwrap();
        assert_eq!(s.room_name(again), "402AB");
        let coffee = s.session("slot-2").unwrap();
        assert_eq!(
            (coffee.title.as_str(), coffee.kind),
            ("Coffee break", SessionKind::Break)
        );
        // Rooms keep pretalx's order.
        assert_eq!(s.rooms[0].name, "402AB");
        assert!(s
            .problems
            .iter()
            .any(|p| p.message == "unknown speaker \"NOPE\""));
    }
}
