//! Importer for the de-facto standard frab / pretalx / c3voc `schedule.json`
//! (`schedule.conference.days[].rooms{room: [event]}`), converted into our model.
//!
//! Quirks handled (see `shared/schedules/SOURCES.md`): durations "0:45",
//! "01:30", "1:00:00"; sessions after midnight listed under the previous
//! conference day; ids as numbers or strings; a guid repeated on several days
//! (a repeated session); persons with `public_name` or only `name`; links as
//! objects or plain strings; null or missing track, persons, abstract; HTML in
//! descriptions. Unknown fields are ignored.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use serde::Deserialize;

use super::error::{ScheduleError, SkipReason};
use super::json::read_with_serde;
use super::lenient::{Count, IdText, Item, Text, Translations};
use super::schedule::{
    checked_colour, conference_day, language_name, non_empty, parse_time, safe_link, Conference,
    FacetList, Link, LinkKind, Parts, Room, RoomFacts, RoomLinkKind, Schedule, Session,
    SessionKind, Tally, Track,
};
use super::text::slugify;
use super::words::tr;
use crate::trf;

#[derive(Deserialize)]
pub(crate) struct FrabFile {
    schedule: FrabSchedule,
}

#[derive(Deserialize)]
struct FrabSchedule {
    conference: FrabConference,
    #[serde(default)]
    base_url: Option<String>,
}

#[derive(Deserialize)]
struct FrabConference {
    #[serde(default)]
    acronym: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    time_zone_name: Option<String>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    tracks: Vec<FrabTrack>,
    /// The organisers' room order (main hall first), where the file gives
    /// it, with what it says about each room.
    #[serde(default)]
    rooms: Option<Vec<Item<FrabRoom>>>,
    #[serde(default)]
    days: Vec<FrabDay>,
}

/// A room of `conference.rooms`: its name, and what the file says about it
/// (`description`, a text or its translations, and `description_en`,
/// `description_de`, … as c3voc writes them; `capacity`; `location`,
/// `floor`; a `stream`/`stream_url`, `map`/`map_url`, `directions` or `url`
/// link). Read leniently: a value of the wrong shape reads as absent.
#[derive(Default)]
struct FrabRoom {
    name: Option<String>,
    facts: RoomFacts,
}

impl<'de> Deserialize<'de> for FrabRoom {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FrabRoom;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a room")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<FrabRoom, A::Error> {
                let mut room = FrabRoom::default();
                let facts = &mut room.facts;
                while let Some(key) = a.next_key::<String>()? {
                    let link = match key.as_str() {
                        "stream" | "stream_url" => Some(RoomLinkKind::Stream),
                        "map" | "map_url" => Some(RoomLinkKind::Map),
                        "directions" => Some(RoomLinkKind::Directions),
                        "url" => Some(RoomLinkKind::Other),
                        _ => None,
                    };
                    if let Some(kind) = link {
                        facts.links.push((kind, a.next_value::<Text>()?.0, None));
                        continue;
                    }
                    match key.as_str() {
                        "name" => room.name = a.next_value::<Text>()?.0,
                        "description" => {
                            let Translations(texts) = a.next_value()?;
                            facts.description.extend(texts);
                        }
                        "capacity" => facts.capacity = a.next_value::<Count>()?.0,
                        "location" => facts.location = a.next_value::<Text>()?.0,
                        "floor" => facts.floor = a.next_value::<Text>()?.0,
                        _ => match key.strip_prefix("description_") {
                            Some(lang) if !lang.is_empty() => {
                                let text = a.next_value::<Text>()?.0;
                                facts
                                    .description
                                    .extend(text.map(|t| (lang.to_string(), t)));
                            }
                            _ => {
                                a.next_value::<serde::de::IgnoredAny>()?;
                            }
                        },
                    }
                }
                Ok(room)
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Deserialize)]
struct FrabTrack {
    name: Option<String>,
    color: Option<String>,
}

#[derive(Deserialize)]
struct FrabDay {
    date: Option<String>,
    /// Rooms in the order the file lists them (a map, read in order).
    #[serde(default, deserialize_with = "ordered_rooms")]
    rooms: Vec<(String, Vec<FrabEvent>)>,
}

/// A JSON object of room → events, kept in file order (a `HashMap` loses it).
fn ordered_rooms<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(String, Vec<FrabEvent>)>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<(String, Vec<FrabEvent>)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of rooms")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(entry) = map.next_entry()? {
                out.push(entry);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visitor)
}

#[derive(Deserialize)]
struct FrabEvent {
    #[serde(default)]
    guid: Option<String>,
    #[serde(default)]
    id: IdText,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    duration: Option<String>,
    #[serde(default)]
    room: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    subtitle: Option<String>,
    #[serde(default)]
    track: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default, rename = "abstract")]
    abstract_text: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    persons: Option<Vec<FrabPerson>>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    links: Option<Vec<FrabLink>>,
    #[serde(default)]
    feedback_url: Option<String>,
    #[serde(default)]
    video_download_url: Option<String>,
    #[serde(default)]
    recording: Option<FrabRecording>,
}

/// A link: `{url, title, type}` or a plain URL string (both occur).
#[derive(Deserialize)]
#[serde(untagged)]
enum FrabLink {
    Plain(String),
    Titled {
        #[serde(default)]
        url: Option<String>,
        #[serde(default)]
        title: Option<String>,
        #[serde(default, rename = "type")]
        kind: Option<String>,
    },
    Other(serde::de::IgnoredAny),
}

/// `recording`: an object that may carry the recording's `url`.
#[derive(Deserialize)]
#[serde(untagged)]
enum FrabRecording {
    Object {
        #[serde(default)]
        url: Option<String>,
    },
    Other(serde::de::IgnoredAny),
}

impl FrabEvent {
    /// The subtitle, abstract and description as one text (each once).
    fn text(&self) -> String {
        let mut text = html_to_text(self.abstract_text.as_deref().unwrap_or(""));
        let description = html_to_text(self.description.as_deref().unwrap_or(""));
        if !description.is_empty() && description != text {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&description);
        }
        match non_empty(self.subtitle.clone()) {
            Some(sub) if text.is_empty() => sub,
            Some(sub) => format!("{sub}\n\n{text}"),
            None => text,
        }
    }

    /// Every http(s) link the event carries, each with its kind.
    fn links(&self) -> Vec<Link> {
        let mut out = Vec::new();
        for link in self.links.iter().flatten() {
            let made = match link {
                FrabLink::Plain(url) => Link::new(LinkKind::guess(url), Some(url.clone()), None),
                FrabLink::Titled { url, title, kind } => {
                    let words = format!(
                        "{} {} {}",
                        kind.as_deref().unwrap_or(""),
                        title.as_deref().unwrap_or(""),
                        url.as_deref().unwrap_or("")
                    );
                    Link::new(LinkKind::guess(&words), url.clone(), title.clone())
                }
                FrabLink::Other(_) => None,
            };
            out.extend(made);
        }
        if let Some(FrabRecording::Object { url }) = &self.recording {
            out.extend(Link::new(LinkKind::Recording, url.clone(), None));
        }
        out.extend(Link::new(
            LinkKind::Recording,
            self.video_download_url.clone(),
            Some(tr("Video download").into()),
        ));
        out.extend(Link::new(
            LinkKind::Feedback,
            self.feedback_url.clone(),
            None,
        ));
        let mut seen = HashSet::new();
        out.retain(|l| seen.insert(l.url.clone()));
        out
    }
}

#[derive(Deserialize)]
struct FrabPerson {
    #[serde(default)]
    guid: Option<String>,
    #[serde(default)]
    id: IdText,
    #[serde(default)]
    public_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

/// "0:45", "01:30", "1:00:00" → minutes.
pub fn parse_duration(s: &str) -> Option<i64> {
    let parts: Vec<&str> = s.trim().split(':').collect();
    let num = |p: &str| -> Option<i64> {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [h, m] => {
            let (h, m) = (num(h)?, num(m)?);
            (m < 60).then_some(h * 60 + m)
        }
        [h, m, sec] => {
            let (h, m, sec) = (num(h)?, num(m)?, num(sec)?);
            (m < 60 && sec < 60).then_some(h * 60 + m + i64::from(sec >= 30))
        }
        _ => None,
    }
}

/// Text of an HTML or Markdown description: tags dropped, common entities
/// decoded, block ends turned into paragraph breaks. The result is shown as
/// text, so nothing in it can run.
pub fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        match after.find('>') {
            Some(gt) => {
                let tag = after[1..gt].trim_start_matches('/').to_ascii_lowercase();
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if matches!(
                    name.as_str(),
                    "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4"
                ) {
                    out.push('\n');
                }
                rest = &after[gt + 1..];
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let decoded = super::text::decode_entities(&out);
    // Collapse runs of blank lines into one paragraph break.
    let mut text = String::with_capacity(decoded.len());
    let mut blank = 0;
    for line in decoded.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line);
    }
    text
}

/// Parse and validate a frab / pretalx / c3voc `schedule.json`.
pub fn parse_frab(text: &str) -> Result<Schedule, ScheduleError> {
    let file: FrabFile = read_with_serde(text)?;
    convert(file)
}

fn convert(file: FrabFile) -> Result<Schedule, ScheduleError> {
    let conf = file.schedule.conference;
    let title = non_empty(conf.title)
        .or_else(|| non_empty(conf.acronym.clone()))
        .ok_or(ScheduleError::MissingConference)?;
    let id = slugify(non_empty(conf.acronym).as_deref().unwrap_or(&title));
    let conference = Conference {
        id: if id.is_empty() {
            "conference".into()
        } else {
            id
        },
        title,
        location: String::new(),
        time_zone: non_empty(conf.time_zone_name).unwrap_or_default(),
        url: safe_link(file.schedule.base_url.or(conf.base_url)),
    };
    let mut problems = Vec::new();
    let colours: HashMap<String, String> = conf
        .tracks
        .into_iter()
        .filter_map(|t| {
            let name = non_empty(t.name)?;
            let place = || trf!("track \"{name}\"", name = name);
            Some((name.clone(), checked_colour(t.color, place, &mut problems)?))
        })
        .collect();
    // Day and room order as in the file, for stable output; what the file
    // says about each room, by its name.
    let mut room_rank: HashMap<String, usize> = HashMap::new();
    let mut room_facts: HashMap<String, RoomFacts> = HashMap::new();
    let named = conf.rooms.into_iter().flatten().filter_map(|r| r.0);
    let named = named.filter_map(|r| Some((non_empty(r.name)?, r.facts)));
    for (i, (name, facts)) in named.enumerate() {
        room_rank.insert(name.clone(), i);
        room_facts.insert(name, facts);
    }
    let mut events: Vec<(Option<NaiveDate>, String, FrabEvent)> = Vec::new();
    for day in conf.days {
        let date = day
            .date
            .as_deref()
            .and_then(|d| super::time::parse_ymd(d.get(..10).unwrap_or(d)));
        for (room, list) in day.rooms {
            for e in list {
                events.push((date, room.clone(), e));
            }
        }
    }

    let mut lists = Lists::default();
    let mut tally = Tally::new(problems);
    for (n, (day, room_key, e)) in events.into_iter().enumerate() {
        let raw_id = non_empty(e.guid.clone()).or_else(|| e.id.0.clone());
        let place = raw_id
            .as_deref()
            .map(|id| trf!("event \"{id}\"", id = id))
            .unwrap_or_else(|| format!("events[{n}]"));
        let result = event_session(&e, raw_id, day, &room_key, &mut lists);
        tally.take(place, result);
    }
    let mut rooms =
        organisers_room_order(lists.rooms.into_items(), &room_rank, &mut tally.sessions);
    for room in &mut rooms {
        if let Some(facts) = room_facts.remove(&room.name) {
            room.describe(facts);
        }
    }
    let mut tracks: Vec<Track> = lists.tracks.into_items();
    for t in &mut tracks {
        t.color = colours.get(&t.name).cloned();
    }
    Schedule::assemble(Parts {
        conference,
        tracks,
        rooms,
        speakers: lists.speakers.into_items(),
        languages: lists.languages.items,
        formats: lists.formats.items,
        sessions: tally.sessions,
        problems: tally.problems,
        skipped: tally.skipped,
    })
}

/// What the events of a frab file name, gathered as they are read.
#[derive(Default)]
struct Lists {
    rooms: FacetList,
    tracks: FacetList,
    /// Keyed by guid, else id and name.
    speakers: FacetList,
    languages: FacetList,
    formats: FacetList,
}

/// One event as a session, or why it is skipped.
fn event_session(
    e: &FrabEvent,
    raw_id: Option<String>,
    day: Option<NaiveDate>,
    room_key: &str,
    lists: &mut Lists,
) -> Result<Session, SkipReason> {
    let id = raw_id.ok_or(SkipReason::NoGuidOrId)?;
    let title = non_empty(e.title.clone()).ok_or(SkipReason::EmptyTitle)?;
    let start: DateTime<FixedOffset> = parse_time(e.date.as_deref().ok_or(SkipReason::NoDate)?)?;
    let duration = e.duration.as_deref().unwrap_or("0:00");
    let minutes = parse_duration(duration)
        .ok_or_else(|| SkipReason::BadDuration(e.duration.clone().unwrap_or_default()))?;
    let end = start
        .checked_add_signed(TimeDelta::minutes(minutes))
        .ok_or(SkipReason::EndOutOfRange)?;
    // A repeated session keeps its guid on every day: `Tally` makes the
    // occurrences distinct (the rule of every format).
    let room_name = non_empty(e.room.clone()).unwrap_or_else(|| room_key.to_string());
    let room = lists.rooms.index(&room_name);
    let track = non_empty(e.track.clone()).map(|name| lists.tracks.index(&name));
    let mut people = Vec::new();
    for p in e.persons.iter().flatten() {
        let Some(name) = non_empty(p.public_name.clone()).or_else(|| non_empty(p.name.clone()))
        else {
            continue;
        };
        // Merged files reuse numeric person ids across sources, so an
        // id alone does not identify a person; id plus name does.
        let key = non_empty(p.guid.clone())
            .unwrap_or_else(|| format!("{}:{name}", p.id.0.clone().unwrap_or_default()));
        let ix = lists.speakers.add(&key, &name, &name);
        if !people.contains(&ix) {
            people.push(ix);
        }
    }
    let raw_kind = non_empty(e.kind.clone());
    let format = raw_kind
        .as_deref()
        .map(|k| lists.formats.index(&format_name(k)));
    let language = non_empty(e.language.clone()).map(|code| {
        let name = language_name(&code);
        lists.languages.index_with(&name, &code)
    });
    Ok(Session {
        language,
        format,
        links: e.links(),
        id,
        title,
        kind: frab_kind(raw_kind.as_deref().unwrap_or("")),
        start,
        end,
        // Past-midnight sessions belong to the conference day they are listed under.
        day: conference_day(day, &start),
        room: Some(room),
        track,
        speakers: people,
        abstract_text: e.text(),
        url: safe_link(e.url.clone()),
    })
}

/// A session type as frab writes it ("lecture", "lightning_talk") → "Lecture", "Lightning talk".
pub fn format_name(kind: &str) -> String {
    let words = kind.trim().replace(['_', '-'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Rooms in the organisers' order: those `conference.rooms` lists, in its
/// order, then the others in the order they first appear in the file.
fn organisers_room_order(
    rooms: Vec<Room>,
    rank: &HashMap<String, usize>,
    sessions: &mut [Session],
) -> Vec<Room> {
    let mut order: Vec<usize> = (0..rooms.len()).collect();
    order.sort_by_key(|&i| (rank.get(&rooms[i].name).copied().unwrap_or(usize::MAX), i));
    let mut new_index = vec![0; rooms.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for s in sessions.iter_mut() {
        s.room = s.room.map(|r| new_index[r]);
    }
    let mut slots: Vec<Option<Room>> = rooms.into_iter().map(Some).collect();
    order.iter().filter_map(|&old| slots[old].take()).collect()
}

fn frab_kind(kind: &str) -> SessionKind {
    match kind.to_ascii_lowercase().as_str() {
        "lecture" | "talk" | "lightning_talk" | "lightningtalk" => SessionKind::Talk,
        "keynote" => SessionKind::Keynote,
        "podium" | "panel" => SessionKind::Panel,
        "meeting" | "town hall" => SessionKind::TownHall,
        "party" | "concert" | "social" => SessionKind::Social,
        "break" => SessionKind::Break,
        _ => SessionKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_every_shape() {
        assert_eq!(parse_duration("0:45"), Some(45));
        assert_eq!(parse_duration("01:30"), Some(90));
        assert_eq!(parse_duration("1:00:00"), Some(60));
        assert_eq!(parse_duration("00:00"), Some(0));
        assert_eq!(parse_duration("16:39"), Some(999));
        assert_eq!(parse_duration("1:75"), None);
        assert_eq!(parse_duration("abc"), None);
        assert_eq!(parse_duration("-1:00"), None);
        assert_eq!(parse_duration(""), None);
    }

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            html_to_text("<p>Hello &amp; <b>welcome</b></p><p>Second</p>"),
            "Hello & welcome\n\nSecond"
        );
        assert_eq!(
            html_to_text("a <script>alert(1)</script> b"),
            "a alert(1) b"
        );
        assert_eq!(html_to_text("1 < 2 and **bold**"), "1 < 2 and **bold**");
        assert_eq!(html_to_text("&lt;img onerror=x&gt;"), "<img onerror=x>");
    }

    const QUIRKY: &str = r##"{"schedule": {"version": "x", "conference": {
        "acronym": "quirk19", "title": "Quirk Conf", "time_zone_name": "Europe/Berlin",
        "tracks": [{"name": "Art", "color": "#aa0000"}],
        "days": [
          {"index": 1, "date": "2019-08-21", "rooms": {
            "Stage A": [
              {"guid": "g1", "id": 1, "date": "2019-08-21T23:30:00+02:00", "start": "23:30", "duration": "1:00:00",
               "room": "Stage A", "title": "Midnight", "subtitle": "", "track": "Art", "type": "lecture",
               "persons": [{"id": 7, "public_name": "Ann"}], "abstract": "<p>HTML</p>", "description": null,
               "links": ["https://example.org"], "url": "https://example.org/g1", "extra": {"a": 1}},
              {"guid": "rep", "id": 2, "date": "2019-08-21T12:00:00+02:00", "start": "12:00", "duration": "0:45",
               "room": "Stage A", "title": "Repeated", "track": null, "type": "workshop",
               "persons": [{"id": 8, "name": "Bob only name"}, {"id": 7, "public_name": "Ann"}]}
            ],
            "Empty": []
          }},
          {"index": 2, "date": "2019-08-22", "rooms": {
            "Stage B": [
              {"guid": "rep", "id": 2, "date": "2019-08-22T12:00:00+02:00", "start": "12:00", "duration": "00:45",
               "title": "Repeated", "persons": null},
              {"id": "n3", "date": "2019-08-22T13:00:00+02:00", "duration": "01:30", "title": "No guid, string id"},
              {"guid": "bad", "date": "2019-08-22T13:00:00+02:00", "duration": "1h", "title": "Bad duration"}
            ]
          }}
        ]}}}"##;

    #[test]
    fn imports_quirks() {
        assert_eq!(
            crate::model::import::detect(QUIRKY),
            Ok(crate::model::import::Format::Frab)
        );
        let s = parse_frab(QUIRKY).unwrap();
        assert_eq!(s.conference.id, "quirk19");
        assert_eq!(s.conference.time_zone, "Europe/Berlin");
        assert_eq!(s.sessions.len(), 4);
        assert_eq!(s.skipped, 1);
        assert_eq!(s.problems[0].place, "event \"bad\"");
        let mid = s.session("g1").unwrap();
        assert_eq!(mid.end.to_rfc3339(), "2019-08-22T00:30:00+02:00");
        assert_eq!(mid.abstract_text, "HTML");
        assert_eq!(s.track_of(mid).unwrap().color.as_deref(), Some("#aa0000"));
        assert_eq!(mid.kind, SessionKind::Talk);
        // The repeated session: two occurrences with distinct ids.
        assert!(s.session("rep").is_some());
        assert_eq!(
            s.session("rep-2019-08-22")
                .unwrap()
                .room
                .map(|r| s.rooms[r].name.as_str()),
            Some("Stage B")
        );
        let rep = s.session("rep").unwrap();
        let names: Vec<&str> = rep
            .speakers
            .iter()
            .map(|&p| s.speakers[p].name.as_str())
            .collect();
        assert_eq!(names, ["Bob only name", "Ann"]);
        assert_eq!(s.speakers.len(), 2, "Ann is one person in two sessions");
        assert!(s.session("n3").is_some());
        assert_eq!(s.session("n3").unwrap().duration_minutes(), 90);
        // Empty rooms are not listed; rooms and tracks have slug ids.
        let rooms: Vec<&str> = s.rooms.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(rooms.len(), 2);
        assert!(rooms.contains(&"stage-a") && rooms.contains(&"stage-b"));
        assert_eq!(s.tracks.len(), 1);
    }

    #[test]
    fn rooms_keep_what_the_file_says_about_them() {
        // c3voc's description_en/_de, pretalx's description (a text or its
        // translations), capacity, and links only when they are http(s).
        let text = r#"{"schedule":{"conference":{"title":"R",
          "rooms":[
            {"name":"One","slug":"one","capacity":3025,"stream_id":"s1",
             "description_en":"Lecture hall, Level +2\n","description_de":"Hörsaal, Ebene +2",
             "map_url":"https://map.example/one","stream":"javascript:alert(1)"},
            {"name":"Two","description":{"en":"<b>Upstairs</b>","de":"Oben"},"capacity":"many",
             "location":"CCH West","floor":"+1","directions":"http://example.org/two"},
            {"name":"Three","description":"","capacity":0},
            "not a room",
            {"name":"Empty","description":"No sessions here"}
          ],
          "days":[{"date":"2019-08-21","rooms":{
            "One":[{"guid":"o","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"In one"}],
            "Two":[{"guid":"t","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"In two"}],
            "Three":[{"guid":"h","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"In three"}]
          }}]}}}"#;
        let s = parse_frab(text).unwrap();
        let one = &s.rooms[0];
        assert_eq!(one.description_in("de"), Some("Hörsaal, Ebene +2"));
        assert_eq!(one.description(), Some("Lecture hall, Level +2"));
        assert_eq!(one.capacity, Some(3025));
        let links: Vec<(RoomLinkKind, &str)> =
            one.links.iter().map(|l| (l.kind, l.url.as_str())).collect();
        assert_eq!(links, [(RoomLinkKind::Map, "https://map.example/one")]);
        let two = &s.rooms[1];
        assert_eq!(
            two.description(),
            Some("<b>Upstairs</b>"),
            "text, not markup"
        );
        assert_eq!(two.description_in("de-AT"), Some("Oben"));
        assert_eq!(
            (two.capacity, two.location.as_deref(), two.floor.as_deref()),
            (None, Some("CCH West"), Some("+1"))
        );
        assert_eq!(two.links[0].kind, RoomLinkKind::Directions);
        assert_eq!(two.links[0].title, "Directions");
        let three = &s.rooms[2];
        assert_eq!((three.description(), three.capacity), (None, None));
        assert_eq!(s.rooms.len(), 3, "a room without sessions is not listed");
    }

    #[test]
    fn rooms_keep_the_organisers_order() {
        // conference.rooms names the order; the day lists rooms otherwise.
        let text = r#"{"schedule":{"conference":{"title":"R",
          "rooms":[{"name":"Main Hall"},{"name":"Zeta"},{"name":"Annex"}],
          "days":[{"date":"2019-08-21","rooms":{
            "Annex":[{"guid":"a","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"In annex"}],
            "Workshop":[{"guid":"w","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"In workshop"}],
            "Zeta":[{"guid":"z","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"In zeta"}],
            "Main Hall":[{"guid":"m","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"In main"}]
          }}]}}}"#;
        let s = parse_frab(text).unwrap();
        let names: Vec<&str> = s.rooms.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Main Hall", "Zeta", "Annex", "Workshop"]);
        // Parallel sessions are listed in that order, and each keeps its room.
        let titles: Vec<&str> = s.sessions.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(titles, ["In main", "In zeta", "In annex", "In workshop"]);
        assert_eq!(s.room_name(s.session("w").unwrap()), "Workshop");
        // Without conference.rooms: the order of the file, not the alphabet.
        let plain = text.replace(
            r#""rooms":[{"name":"Main Hall"},{"name":"Zeta"},{"name":"Annex"}],"#,
            "",
        );
        let s = parse_frab(&plain).unwrap();
        let names: Vec<&str> = s.rooms.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Annex", "Workshop", "Zeta", "Main Hall"]);
    }

    #[test]
    fn after_midnight_sessions_stay_on_their_conference_day() {
        let text = r#"{"schedule":{"conference":{"title":"N","days":[{"date":"2019-08-21","rooms":{"R":[
            {"guid":"late","date":"2019-08-22T01:00:00+02:00","duration":"1:00","title":"Late"}]}}]}}}"#;
        let s = parse_frab(text).unwrap();
        assert_eq!(s.session("late").unwrap().day().to_string(), "2019-08-21");
        assert_eq!(s.days.len(), 1);
    }
}
