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
use serde_json::Value;

use super::schedule::{
    is_hex_colour, language_name, Conference, FacetList, Parts, Problem, Room, Schedule,
    ScheduleError, Session, SessionKind, Speaker, Track,
};
use super::text::slugify;
use super::time::{parse_in_zone, ZoneResolver};

#[derive(Deserialize)]
struct Widget {
    #[serde(default)]
    talks: Vec<Value>,
    #[serde(default)]
    rooms: Vec<Value>,
    #[serde(default)]
    tracks: Vec<Value>,
    #[serde(default)]
    speakers: Vec<Value>,
    #[serde(default)]
    timezone: Option<String>,
}

#[derive(Deserialize)]
struct WTalk {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    id: Value,
    #[serde(default)]
    title: Value,
    #[serde(default, rename = "abstract")]
    abstract_text: Option<String>,
    #[serde(default)]
    speakers: Vec<Value>,
    #[serde(default)]
    track: Value,
    #[serde(default)]
    room: Value,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    content_locale: Option<String>,
    #[serde(default)]
    slot_type: Option<String>,
}

#[derive(Deserialize)]
struct WNamed {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    code: Value,
    #[serde(default)]
    name: Value,
    #[serde(default)]
    color: Option<String>,
}

/// Does this parsed JSON's top level look like pretalx widget data?
pub fn looks_like(value_keys: &[&str]) -> bool {
    value_keys.contains(&"talks")
        && (value_keys.contains(&"rooms")
            || value_keys.contains(&"timezone")
            || value_keys.contains(&"speakers"))
}

/// The file's own zone name, if it gives one.
pub fn zone_of(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        timezone: Option<String>,
    }
    serde_json::from_str::<Probe>(text)
        .ok()?
        .timezone
        .map(|z| z.trim().to_string())
        .filter(|z| !z.is_empty())
}

fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A name as pretalx writes it: text, or translations (English preferred).
pub fn i18n(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Object(map) => map
            .get("en")
            .and_then(Value::as_str)
            .or_else(|| map.values().find_map(Value::as_str))?
            .to_string(),
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Parse pretalx widget data. `zone` is used only for times without an offset.
pub fn parse_widget(
    text: &str,
    mut conference: Conference,
    zone: &str,
    names: &dyn ZoneResolver,
) -> Result<Schedule, ScheduleError> {
    let w: Widget = serde_json::from_str(text).map_err(|e| ScheduleError::Syntax(e.to_string()))?;
    if let Some(tz) = w
        .timezone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty())
    {
        conference.time_zone = tz.to_string();
    }
    let zone = if conference.time_zone.is_empty() {
        zone.to_string()
    } else {
        conference.time_zone.clone()
    };
    let mut problems = Vec::new();
    let named = |list: Vec<Value>, what: &str, problems: &mut Vec<Problem>| {
        let mut out = Vec::new();
        for (i, v) in list.into_iter().enumerate() {
            match serde_json::from_value::<WNamed>(v) {
                Ok(n) => match (id_of(&n.id).or_else(|| id_of(&n.code)), i18n(&n.name)) {
                    (Some(id), Some(name)) => out.push((id, name, n.color)),
                    _ => problems.push(Problem {
                        place: format!("{what}[{i}]"),
                        message: format!("{what} entry without id or name"),
                    }),
                },
                Err(e) => problems.push(Problem {
                    place: format!("{what}[{i}]"),
                    message: e.to_string(),
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
    let mut sessions = Vec::new();
    let mut seen = HashSet::new();
    let mut skipped = 0;
    for (i, raw) in w.talks.into_iter().enumerate() {
        let mut place = format!("talks[{i}]");
        let result = (|| -> Result<Session, String> {
            let t: WTalk = serde_json::from_value(raw).map_err(|e| e.to_string())?;
            let code = t.code.as_deref().map(str::trim).filter(|c| !c.is_empty());
            let base = match (code, id_of(&t.id)) {
                (Some(code), _) => code.to_string(),
                (None, Some(id)) => format!("slot-{id}"),
                (None, None) => return Err("talk without code or id".into()),
            };
            place = format!("talk \"{base}\"");
            let title = i18n(&t.title).ok_or("empty title")?;
            let at = |s: &Option<String>, what: &str| {
                let s = s.as_deref().ok_or(format!("no {what} time"))?;
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
            for p in t.speakers.iter().filter_map(id_of) {
                let ix = *speaker_ix
                    .get(&p)
                    .ok_or_else(|| format!("unknown speaker \"{p}\""))?;
                if !people.contains(&ix) {
                    people.push(ix);
                }
            }
            let is_break = code.is_none()
                && t.slot_type
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
                room: id_of(&t.room).and_then(|r| room_ix.get(&r).copied()),
                track: id_of(&t.track).and_then(|r| track_ix.get(&r).copied()),
                speakers: people,
                abstract_text: t.abstract_text.unwrap_or_default().trim().to_string(),
                url: None,
                language: t
                    .content_locale
                    .as_deref()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|code| languages.index_with(&language_name(code), code)),
                format: None,
                links: Vec::new(),
            })
        })();
        match result {
            Ok(s) => sessions.push(s),
            Err(message) => {
                skipped += 1;
                problems.push(Problem { place, message });
            }
        }
    }
    Schedule::assemble(Parts {
        conference,
        tracks,
        rooms,
        speakers,
        languages: languages.items,
        formats: Vec::new(),
        sessions,
        problems,
        skipped,
    })
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
        let s = parse_widget(SMALL, Conference::default(), "UTC", &NoZoneNames).unwrap();
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
