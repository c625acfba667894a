//! The schedule: our versioned file format (`docs/schedule-format.md`), its
//! validation, and the validated in-memory model every view reads.
//!
//! Parsing is two-step on purpose: the file is first read into permissive
//! "raw" types (every field optional), then each session is checked on its
//! own. A broken session is skipped and reported with its place; it never
//! takes the rest of the schedule down with it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use super::error::{ScheduleError, SkipReason};
use super::json::{JsonError, Kind, Reader};
use super::lenient::{Count, Item, Items, Text, Texts, Translations};
use super::limits::{FORMAT_VERSION, MAX_DAYS_FROM_MEDIAN, MAX_SCHEDULE_BYTES, MAX_SESSION_HOURS};
use super::text::{fold_for_search, UniqueIds};
use super::time::{intervals_overlap, ConferenceZone};
use super::words::tr;
use crate::{trf, word};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// One problem found while validating; `place` is a session id or a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a session id or a JSON path.
    pub place: String,
    /// What is wrong there.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// What sort of session it is (the `type` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SessionKind {
    Keynote,
    Talk,
    Panel,
    TownHall,
    Social,
    Break,
    Other,
    /// An entry the user made in their agenda ("Lunch with Ana").
    Own,
}

impl SessionKind {
    fn parse(s: &str) -> Self {
        match s {
            "keynote" => Self::Keynote,
            "talk" => Self::Talk,
            "panel" => Self::Panel,
            "town hall" | "town-hall" => Self::TownHall,
            "social" => Self::Social,
            "break" => Self::Break,
            _ => Self::Other,
        }
    }

    /// Its word in our format's `type` field ("town hall"), which reads back
    /// as the same kind. An own entry is never in a schedule file: it is
    /// written as "session".
    pub fn name(self) -> &'static str {
        match self {
            Self::Keynote => "keynote",
            Self::Talk => "talk",
            Self::Panel => "panel",
            Self::TownHall => "town hall",
            Self::Social => "social",
            Self::Break => "break",
            Self::Other | Self::Own => "session",
        }
    }

    /// The word shown on a card ("Keynote"), in the visitor's language.
    pub fn label(self) -> &'static str {
        tr(self.english_label())
    }

    /// That word in English (the catalogues' key): a file's own name for
    /// its type, in English, says nothing more than the kind's word.
    pub fn english_label(self) -> &'static str {
        match self {
            Self::Keynote => word!("Keynote"),
            Self::Talk => word!("Talk"),
            Self::Panel => word!("Panel"),
            Self::TownHall => word!("Town hall"),
            Self::Social => word!("Social"),
            Self::Break => word!("Break"),
            Self::Other => word!("Session"),
            Self::Own => word!("Your entry"),
        }
    }
}

/// The conference a schedule describes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conference {
    /// Stable id: the key of the agenda and the share links.
    pub id: String,
    /// The conference's name.
    pub title: String,
    /// City and country, free text.
    pub location: String,
    /// IANA name, e.g. "Europe/Prague"; times carry their own offsets.
    pub time_zone: String,
    /// Its website (http(s) only).
    pub url: Option<String>,
}

/// A track: a theme with a colour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Track {
    /// Stable id, also the URL slug (`/track/<id>`).
    pub id: String,
    /// Shown name.
    pub name: String,
    /// A `#rrggbb` colour, if the schedule gives one.
    pub color: Option<String>,
}

/// A room, in the organisers' order, with what the file says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Room {
    /// Stable id, also the URL slug (`/room/<id>`).
    pub id: String,
    /// Shown name.
    pub name: String,
    /// What the file says about the room, one text per language: (language
    /// code, text), in the file's order; the code is "" for a text the file
    /// gives in no named language. Plain text, never markup.
    pub description: Vec<(String, String)>,
    /// Where it is ("CCH West"), if the file says.
    pub location: Option<String>,
    /// Its floor ("Level +2"), if the file says.
    pub floor: Option<String>,
    /// How many people it seats, if the file says (never 0).
    pub capacity: Option<u32>,
    /// Its stream, map or directions (http(s) only).
    pub links: Vec<RoomLink>,
    /// How to get there, in words (plain text, never markup): the
    /// organiser's venue file (`docs/venue-format.md`) gives it.
    pub directions: Option<String>,
    /// A map of where it is: an image file deployed with the site, as its
    /// path under the site's base ("venue/club-a.svg"); only a relative
    /// path that stays under the base ([`is_site_path`]).
    pub map_image: Option<String>,
}

impl Room {
    /// The description in `lang` ("de", "en-GB" finds "en"), else the
    /// English one, else the first; None when the file gives none.
    pub fn description_in(&self, lang: &str) -> Option<&str> {
        let base = |code: &str| {
            let code = code.trim().to_ascii_lowercase();
            code.split(['-', '_']).next().unwrap_or("").to_string()
        };
        let find = |want: &str| {
            self.description
                .iter()
                .find(|(code, _)| !want.is_empty() && base(code) == want)
        };
        find(&base(lang))
            .or_else(|| find("en"))
            .or(self.description.first())
            .map(|(_, text)| text.as_str())
    }

    /// The description in the interface's language (the visitor's, or the
    /// build's `--lang`), else the English one, else the first: content is
    /// never translated, only chosen.
    pub fn description(&self) -> Option<&str> {
        self.description_in(super::words::current().code)
    }

    /// "Seats 3,025", or None when the file does not say.
    pub fn seats(&self) -> Option<String> {
        self.capacity
            .map(|n| trf!("Seats {n}", n = super::text::thousands(n.into())))
    }

    /// Keep what a file says about this room, cleaned by the rules every
    /// importer shares: blank texts dropped (and a language given twice
    /// kept once), a capacity of 0 or beyond `u32` dropped, links only if http(s).
    pub(crate) fn describe(&mut self, facts: RoomFacts) {
        for (code, text) in facts.description {
            let code = code.trim().to_string();
            let Some(text) = non_empty(text) else {
                continue;
            };
            if !self.description.iter().any(|(c, _)| *c == code) {
                self.description.push((code, text));
            }
        }
        self.location = non_empty(facts.location);
        self.floor = non_empty(facts.floor);
        self.capacity = facts
            .capacity
            .and_then(|n| u32::try_from(n).ok())
            .filter(|&n| n > 0);
        self.links = facts
            .links
            .into_iter()
            .filter_map(|(kind, url, title)| RoomLink::new(kind, url, title))
            .collect();
    }
}

/// What a file says about a room besides its name, as an importer reads
/// it; [`Room::describe`] keeps what passes the shared rules.
#[derive(Default)]
pub(crate) struct RoomFacts {
    /// (language code or "", text).
    pub(crate) description: Vec<(String, String)>,
    pub(crate) location: Option<String>,
    pub(crate) floor: Option<String>,
    pub(crate) capacity: Option<u64>,
    /// (kind, address, title).
    pub(crate) links: Vec<(RoomLinkKind, Option<String>, Option<String>)>,
}

/// What a link of a room leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoomLinkKind {
    /// A live stream of what is on there.
    Stream,
    /// A map showing where it is.
    Map,
    /// How to get there.
    Directions,
    /// Anything else the file links (the room's own page).
    Other,
}

impl RoomLinkKind {
    /// Every kind, in the order of [`RoomLinkKind::name`]'s words.
    const ALL: [RoomLinkKind; 4] = [Self::Stream, Self::Map, Self::Directions, Self::Other];

    /// Its word in our format's `rooms[].links[].kind` ("map").
    pub fn name(self) -> &'static str {
        match self {
            Self::Stream => "stream",
            Self::Map => "map",
            Self::Directions => "directions",
            Self::Other => "other",
        }
    }

    /// The kind our format names with this word, if any.
    pub fn from_name(word: &str) -> Option<RoomLinkKind> {
        Self::ALL.into_iter().find(|k| k.name() == word.trim())
    }

    /// The word shown for a link of this kind without its own title, in
    /// the visitor's language.
    pub fn label(self) -> &'static str {
        tr(match self {
            Self::Stream => word!("Live stream"),
            Self::Map => word!("Map"),
            Self::Directions => word!("Directions"),
            Self::Other => word!("Link"),
        })
    }
}

/// A link a room carries (only http(s) survive reading).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomLink {
    /// What it leads to.
    pub kind: RoomLinkKind,
    /// The http(s) address.
    pub url: String,
    /// The file's own words for it, or the kind's label.
    pub title: String,
}

impl RoomLink {
    /// A link if the address is http(s), titled by the file or by its kind.
    pub fn new(kind: RoomLinkKind, url: Option<String>, title: Option<String>) -> Option<RoomLink> {
        let url = safe_link(url)?;
        let title = non_empty(title).unwrap_or_else(|| kind.label().to_string());
        Some(RoomLink { kind, url, title })
    }
}

/// A speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Stable id, also the URL slug (`/speaker/<id>`).
    pub id: String,
    /// Shown name.
    pub name: String,
    /// Company or organisation, if given.
    pub affiliation: Option<String>,
}

impl Speaker {
    /// " (Affiliation)" to follow the name, or nothing when none is given.
    pub fn affiliation_note(&self) -> String {
        match self.affiliation.as_deref().map(str::trim) {
            Some(a) if !a.is_empty() => format!(" ({a})"),
            _ => String::new(),
        }
    }

    /// "Name (Affiliation)", or the name alone: how text names a speaker.
    pub fn name_and_affiliation(&self) -> String {
        format!("{}{}", self.name, self.affiliation_note())
    }
}

/// A value sessions can be filtered by besides the track: a language or a
/// session type ("Workshop"). The id is the URL slug (`?lang=en`, `?type=workshop`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    /// Stable slug, unique within its list.
    pub id: String,
    /// Shown name.
    pub name: String,
}

/// What a link on a session leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    /// A live stream.
    Live,
    /// A recording (video or audio).
    Recording,
    /// Slides.
    Slides,
    /// A feedback form.
    Feedback,
    /// Anything else the schedule links.
    Other,
}

impl LinkKind {
    /// Every kind, in the order of [`LinkKind::name`]'s words.
    const ALL: [LinkKind; 5] = [
        Self::Live,
        Self::Recording,
        Self::Slides,
        Self::Feedback,
        Self::Other,
    ];

    /// Its word in our format's `links[].kind` ("recording").
    pub fn name(self) -> &'static str {
        match self {
            Self::Live => "live",
            Self::Recording => "recording",
            Self::Slides => "slides",
            Self::Feedback => "feedback",
            Self::Other => "other",
        }
    }

    /// The kind our format names with this word, if any.
    pub fn from_name(word: &str) -> Option<LinkKind> {
        Self::ALL.into_iter().find(|k| k.name() == word.trim())
    }

    /// The word shown for a link of this kind without its own title, in
    /// the visitor's language.
    pub fn label(self) -> &'static str {
        tr(match self {
            Self::Live => word!("Live stream"),
            Self::Recording => word!("Recording"),
            Self::Slides => word!("Slides"),
            Self::Feedback => word!("Feedback"),
            Self::Other => word!("Link"),
        })
    }

    /// Guess the kind from a link's title or type as schedules write it
    /// ("Video", "slides", "Live stream", "feedback").
    pub fn guess(words: &str) -> LinkKind {
        let w = words.to_ascii_lowercase();
        let has = |needles: &[&str]| needles.iter().any(|n| w.contains(n));
        if has(&["live", "stream"]) {
            Self::Live
        } else if has(&["record", "video", "youtube", "vimeo", "media.ccc", "audio"]) {
            Self::Recording
        } else if has(&["slide", "deck", "presentation", ".pdf"]) {
            Self::Slides
        } else if has(&["feedback", "rate", "survey"]) {
            Self::Feedback
        } else {
            Self::Other
        }
    }
}

/// A link a session carries (only http(s) survive validation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// What it leads to.
    pub kind: LinkKind,
    /// The http(s) address.
    pub url: String,
    /// The schedule's own words for it, or the kind's label.
    pub title: String,
}

impl Link {
    /// A link if the address is http(s), titled by the schedule or by its kind.
    pub fn new(kind: LinkKind, url: Option<String>, title: Option<String>) -> Option<Link> {
        let url = safe_link(url)?;
        let title = non_empty(title).unwrap_or_else(|| kind.label().to_string());
        Some(Link { kind, url, title })
    }
}

/// Builds a list of facets (tracks, rooms, speakers, languages, types),
/// one entry per key (a name, or the file's own id), each with a unique
/// slug id ("room", "room-2"): the one way importers name what they list.
#[derive(Default)]
pub(crate) struct FacetList {
    by_key: HashMap<String, usize>,
    ids: UniqueIds,
    /// The facets, in first-seen order.
    pub items: Vec<Facet>,
}

impl FacetList {
    /// An empty list.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The index of the facet with this key, if it was added.
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The index of the facet with this key, adding it (shown as `name`,
    /// its id slugged from `slug`) if it is new.
    pub(crate) fn add(&mut self, key: &str, name: &str, slug: &str) -> usize {
        if let Some(i) = self.get(key) {
            return i;
        }
        let slug = super::text::slugify(slug);
        let id = self.ids.claim(if slug.is_empty() { "x" } else { &slug });
        self.items.push(Facet {
            id,
            name: name.to_string(),
        });
        self.by_key.insert(key.to_string(), self.items.len() - 1);
        self.items.len() - 1
    }

    /// The index of the facet with this id.
    pub(crate) fn by_id(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|f| f.id == id)
    }

    /// Add a facet a file lists with its own id, kept as it is (also found
    /// by its name); None if another facet has that id already.
    pub(crate) fn listed(&mut self, id: &str, name: &str) -> Option<usize> {
        if !self.ids.is_free(id) {
            return None;
        }
        let id = self.ids.claim(id);
        self.items.push(Facet {
            id,
            name: name.to_string(),
        });
        let i = self.items.len() - 1;
        self.by_key.entry(name.to_string()).or_insert(i);
        Some(i)
    }

    /// The index of the facet with this name, adding it (with `slug` as the
    /// base of its id) if it is new.
    pub(crate) fn index_with(&mut self, name: &str, slug: &str) -> usize {
        self.add(name, name, slug)
    }

    /// The index of the facet with this name, slugged from the name.
    pub(crate) fn index(&mut self, name: &str) -> usize {
        self.index_with(name, name)
    }

    /// The facets as rooms, tracks or speakers (their other fields empty).
    pub(crate) fn into_items<T: From<Facet>>(self) -> Vec<T> {
        self.items.into_iter().map(T::from).collect()
    }
}

impl From<Facet> for Room {
    fn from(f: Facet) -> Room {
        Room {
            id: f.id,
            name: f.name,
            ..Room::default()
        }
    }
}

impl From<Facet> for Track {
    fn from(f: Facet) -> Track {
        Track {
            id: f.id,
            name: f.name,
            color: None,
        }
    }
}

impl From<Facet> for Speaker {
    fn from(f: Facet) -> Speaker {
        Speaker {
            id: f.id,
            name: f.name,
            affiliation: None,
        }
    }
}

/// The languages a schedule names by code or by their English name, each
/// with the name shown: a table rather than a `match` on strings, which
/// compiled to a chain of comparisons (README's lever table).
const LANGUAGES: &[(&str, &[&str])] = &[
    (word!("English"), &["en", "english"]),
    (word!("German"), &["de", "german", "deutsch"]),
    (word!("French"), &["fr", "french"]),
    (word!("Spanish"), &["es", "spanish"]),
    (word!("Italian"), &["it", "italian"]),
    (word!("Dutch"), &["nl", "dutch"]),
    (word!("Portuguese"), &["pt", "portuguese"]),
    (word!("Czech"), &["cs", "czech"]),
    (word!("Polish"), &["pl", "polish"]),
    (word!("Russian"), &["ru", "russian"]),
    (word!("Ukrainian"), &["uk", "ukrainian"]),
    (word!("Swedish"), &["sv", "swedish"]),
    (word!("Danish"), &["da", "danish"]),
    (word!("Norwegian"), &["no", "nb", "norwegian"]),
    (word!("Finnish"), &["fi", "finnish"]),
    (word!("Japanese"), &["ja", "japanese"]),
    (word!("Chinese"), &["zh", "chinese"]),
    (word!("Korean"), &["ko", "korean"]),
    (word!("Turkish"), &["tr", "turkish"]),
    (word!("Greek"), &["el", "greek"]),
    (word!("Hungarian"), &["hu", "hungarian"]),
    (word!("Romanian"), &["ro", "romanian"]),
];

/// The shown name of a language code ("en" → "English", "de-AT" → "German"),
/// in the visitor's language; unknown codes are shown as written, upper-cased.
pub fn language_name(code: &str) -> String {
    let lower = code.trim().to_ascii_lowercase();
    let base = lower.split(['-', '_']).next().unwrap_or("");
    LANGUAGES
        .iter()
        .find(|(_, codes)| codes.contains(&base))
        .map_or_else(
            || code.trim().to_uppercase(),
            |(name, _)| tr(name).to_string(),
        )
}

/// A validated session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// Stable id: the agenda's key and the URL (`/session/<id>`).
    pub id: String,
    /// Title (never empty).
    pub title: String,
    /// Keynote, talk, …
    pub kind: SessionKind,
    /// Start, in the offset the schedule gives.
    pub start: DateTime<FixedOffset>,
    /// End (not before the start).
    pub end: DateTime<FixedOffset>,
    /// The conference day it belongs to: its start date, except that frab
    /// lists sessions after midnight under the previous day.
    pub day: NaiveDate,
    /// Index into [`Schedule::rooms`].
    pub room: Option<usize>,
    /// Index into [`Schedule::tracks`].
    pub track: Option<usize>,
    /// Indices into [`Schedule::speakers`].
    pub speakers: Vec<usize>,
    /// The abstract as plain text (markup from frab files removed).
    pub abstract_text: String,
    /// Only http(s) links survive validation.
    pub url: Option<String>,
    /// Index into [`Schedule::languages`].
    pub language: Option<usize>,
    /// Index into [`Schedule::formats`]: the session's type as the schedule names it.
    pub format: Option<usize>,
    /// Recording, live stream, slides, feedback and other links.
    pub links: Vec<Link>,
}

impl Session {
    /// The first link of this kind.
    pub fn link(&self, kind: LinkKind) -> Option<&Link> {
        self.links.iter().find(|l| l.kind == kind)
    }

    /// The conference day the session belongs to.
    pub fn day(&self) -> NaiveDate {
        self.day
    }

    /// Length in minutes.
    pub fn duration_minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Whether two sessions run at the same time, by the one overlap rule
    /// ([`intervals_overlap`]).
    pub fn overlaps(&self, other: &Session) -> bool {
        intervals_overlap((self.start, self.end), (other.start, other.end))
    }
}

/// The sessions' search texts, built once when first needed. Made from the
/// schedule's own facts, so it never makes two schedules differ.
#[derive(Clone, Debug, Default)]
struct SearchIndex(std::sync::OnceLock<Vec<String>>);

impl PartialEq for SearchIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SearchIndex {}

/// A validated schedule. Sessions are sorted by (start, room, title), and
/// each has an accent-folded, lower-case search text (built at the first search).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The conference.
    pub conference: Conference,
    /// Tracks, in the file's order.
    pub tracks: Vec<Track>,
    /// Rooms, in the organisers' order.
    pub rooms: Vec<Room>,
    /// Speakers, in the file's order.
    pub speakers: Vec<Speaker>,
    /// Languages sessions are given in.
    pub languages: Vec<Facet>,
    /// Session types ("Talk", "Workshop"), as the schedule names them.
    pub formats: Vec<Facet>,
    /// Sessions, sorted by (start, room, title).
    pub sessions: Vec<Session>,
    /// Distinct days with at least one session, ascending.
    pub days: Vec<NaiveDate>,
    /// Sessions skipped (or fields dropped) during validation, with their place.
    pub problems: Vec<Problem>,
    /// Number of sessions skipped as invalid.
    pub skipped: usize,
    search_text: SearchIndex,
    session_index: HashMap<String, usize>,
    /// For each speaker, the sessions they give, in time order.
    speaker_sessions: Vec<Vec<usize>>,
}

impl Schedule {
    /// The session with this id.
    pub fn session(&self, id: &str) -> Option<&Session> {
        self.session_index.get(id).map(|&i| &self.sessions[i])
    }

    /// The position of the session with this id.
    pub fn session_position(&self, id: &str) -> Option<usize> {
        self.session_index.get(id).copied()
    }

    /// The position of the track with this id (slug).
    pub fn track_by_id(&self, id: &str) -> Option<usize> {
        self.tracks.iter().position(|t| t.id == id)
    }

    /// The position of the speaker with this id (slug).
    pub fn speaker_by_id(&self, id: &str) -> Option<usize> {
        self.speakers.iter().position(|s| s.id == id)
    }

    /// The position of the room with this id (slug).
    pub fn room_by_id(&self, id: &str) -> Option<usize> {
        self.rooms.iter().position(|r| r.id == id)
    }

    /// The position of the language with this id (slug).
    pub fn language_by_id(&self, id: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.id == id)
    }

    /// The position of the session type with this id (slug).
    pub fn format_by_id(&self, id: &str) -> Option<usize> {
        self.formats.iter().position(|l| l.id == id)
    }

    /// Indices of the sessions in a room, in time order.
    pub fn sessions_in_room(&self, room: usize) -> Vec<usize> {
        (0..self.sessions.len())
            .filter(|&i| self.sessions[i].room == Some(room))
            .collect()
    }

    /// The session's room name, or "".
    pub fn room_name(&self, session: &Session) -> &str {
        session.room.map_or("", |r| self.rooms[r].name.as_str())
    }

    /// The session's track, if any.
    pub fn track_of(&self, session: &Session) -> Option<&Track> {
        session.track.map(|t| &self.tracks[t])
    }

    /// Folded lower-case text of title, abstract and speaker names and
    /// affiliations. Built for every session at the first search (or by
    /// [`Schedule::prepare_search`]), not when the file is read: the first
    /// screen needs none of it.
    pub fn search_text(&self, index: usize) -> &str {
        &self.search_index()[index]
    }

    /// Build the search index now (in idle time after the start), so that
    /// the first keystroke does not.
    pub fn prepare_search(&self) {
        self.search_index();
    }

    fn search_index(&self) -> &[String] {
        self.search_text.0.get_or_init(|| {
            self.sessions
                .iter()
                .map(|s| {
                    let mut text =
                        String::with_capacity(s.title.len() + s.abstract_text.len() + 32);
                    text.push_str(&s.title);
                    text.push('\n');
                    text.push_str(&s.abstract_text);
                    for &p in &s.speakers {
                        let speaker = &self.speakers[p];
                        text.push('\n');
                        text.push_str(&speaker.name);
                        if let Some(a) = &speaker.affiliation {
                            text.push(' ');
                            text.push_str(a);
                        }
                    }
                    fold_for_search(&text)
                })
                .collect()
        })
    }

    /// Speakers ordered by name (for the directory and the Speaker select).
    pub fn speakers_by_name(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.speakers.len()).collect();
        order.sort_by_cached_key(|&i| fold_for_search(&self.speakers[i].name));
        order
    }

    /// Indices of the sessions a speaker gives, in time order.
    pub fn sessions_of_speaker(&self, speaker: usize) -> &[usize] {
        self.speaker_sessions
            .get(speaker)
            .map_or(&[], Vec::as_slice)
    }

    /// Build a schedule from already-checked parts (used by importers).
    /// Sorts sessions, computes days and the search index.
    pub fn assemble(parts: Parts) -> Result<Schedule, ScheduleError> {
        let Parts {
            conference,
            tracks,
            rooms,
            speakers,
            languages,
            formats,
            sessions,
            problems,
            skipped,
        } = parts;
        let (mut sessions, mut problems, mut skipped) = (sessions, problems, skipped);
        let out_of_bounds = bound_sessions(&mut sessions);
        skipped += out_of_bounds.len();
        problems.extend(out_of_bounds);
        if sessions.is_empty() {
            return Err(ScheduleError::NoSessions { skipped });
        }
        sessions.sort_by(|a, b| {
            (a.start, a.room, &a.title, &a.id).cmp(&(b.start, b.room, &b.title, &b.id))
        });
        let mut days: Vec<NaiveDate> = sessions.iter().map(Session::day).collect();
        days.dedup();
        days.sort();
        days.dedup();
        let search_text = SearchIndex::default();
        let session_index = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut speaker_sessions = vec![Vec::new(); speakers.len()];
        for (i, s) in sessions.iter().enumerate() {
            for &p in &s.speakers {
                speaker_sessions[p].push(i);
            }
        }
        Ok(Schedule {
            conference,
            tracks,
            rooms,
            speakers,
            languages,
            formats,
            sessions,
            days,
            problems,
            skipped,
            search_text,
            session_index,
            speaker_sessions,
        })
    }
}

/// An importer's sessions as it checks them: each kept, or skipped and
/// named with its place and why (the one way a broken session is treated),
/// and the one rule for an id met again, in every format:
///
/// - the same id at another start is another occurrence of a repeated
///   session (one talk given on two days): the first in the file keeps the
///   id, each later one gets `<id>-<its start date>` (`talk-2019-08-22`), and
///   `-2`, `-3`, … after that if it is taken too;
/// - the same id at the same start is the same session listed twice: the
///   later copy is skipped as a duplicate and named.
#[derive(Default)]
pub(crate) struct Tally {
    /// Sessions kept.
    pub(crate) sessions: Vec<Session>,
    /// What was skipped or dropped, with its place.
    pub(crate) problems: Vec<Problem>,
    /// How many sessions were skipped.
    pub(crate) skipped: usize,
    /// The ids handed to kept sessions.
    ids: UniqueIds,
    /// Each kept session's id as the file gives it, with its start.
    occurrences: HashSet<(String, DateTime<FixedOffset>)>,
}

impl Tally {
    /// Keep a checked session (its id made distinct by the rule above), or
    /// record why it was skipped; returns the kept one.
    pub(crate) fn take(
        &mut self,
        place: String,
        result: Result<Session, SkipReason>,
    ) -> Option<&Session> {
        match result.and_then(|s| self.occurrence(s)) {
            Ok(session) => {
                self.sessions.push(session);
                self.sessions.last()
            }
            Err(reason) => {
                self.skipped += 1;
                self.problems.push(Problem {
                    place,
                    message: reason.to_string(),
                });
                None
            }
        }
    }
}

impl Tally {
    /// A tally that starts with the problems found before the sessions.
    pub(crate) fn new(problems: Vec<Problem>) -> Self {
        Tally {
            problems,
            ..Tally::default()
        }
    }

    /// The session with an id no kept session has, or a duplicate.
    fn occurrence(&mut self, mut session: Session) -> Result<Session, SkipReason> {
        if !self.occurrences.insert((session.id.clone(), session.start)) {
            return Err(SkipReason::DuplicateId(session.id));
        }
        session.id = if self.ids.is_free(&session.id) {
            self.ids.claim(&session.id)
        } else {
            let day = session.start.date_naive();
            self.ids.claim(&format!("{}-{day}", session.id))
        };
        Ok(session)
    }
}

/// What an importer hands to [`Schedule::assemble`].
#[derive(Default)]
pub struct Parts {
    /// The conference.
    pub conference: Conference,
    /// Tracks.
    pub tracks: Vec<Track>,
    /// Rooms, in the organisers' order.
    pub rooms: Vec<Room>,
    /// Speakers.
    pub speakers: Vec<Speaker>,
    /// Languages.
    pub languages: Vec<Facet>,
    /// Session types.
    pub formats: Vec<Facet>,
    /// Checked sessions.
    pub sessions: Vec<Session>,
    /// What was skipped or dropped, with its place.
    pub problems: Vec<Problem>,
    /// How many sessions were skipped.
    pub skipped: usize,
}

/// Take out sessions that last too long or lie far outside the conference's
/// span, and name each; every view's work is then bounded whatever the data.
fn bound_sessions(sessions: &mut Vec<Session>) -> Vec<Problem> {
    let mut problems = Vec::new();
    sessions.retain(|s| {
        let ok = s.end - s.start <= chrono::TimeDelta::hours(MAX_SESSION_HOURS);
        if !ok {
            problems.push(Problem {
                place: session_place(&s.id),
                message: SkipReason::TooLong.to_string(),
            });
        }
        ok
    });
    let mut starts: Vec<DateTime<FixedOffset>> = sessions.iter().map(|s| s.start).collect();
    starts.sort_unstable();
    if let Some(&median) = starts.get(starts.len() / 2) {
        let limit = chrono::TimeDelta::days(MAX_DAYS_FROM_MEDIAN);
        sessions.retain(|s| {
            let ok = (s.start - median).abs() <= limit;
            if !ok {
                problems.push(Problem {
                    place: session_place(&s.id),
                    message: SkipReason::FarAway.to_string(),
                });
            }
            ok
        });
    }
    problems
}

// ---- The raw file format -------------------------------------------------
//
// Read by the hand reader of `super::json` (serde's derived code for these
// types was the largest single piece of the start module): each record's
// `field` reads one key's value, and reads past the keys it does not know.

#[derive(Default)]
struct RawFile {
    version: Option<u64>,
    conference: Option<RawConference>,
    tracks: Vec<Item<RawTrack>>,
    rooms: Vec<Item<RawRoom>>,
    speakers: Vec<Item<RawSpeaker>>,
    languages: Items<RawFacet>,
    /// Present (even empty), a session's type is only its `format`.
    formats: Option<Items<RawFacet>>,
    sessions: Vec<Item<RawSession>>,
}

impl RawFile {
    /// The file's skeleton is strict (the version a whole number, the
    /// conference an object, the four lists lists); what is inside is lenient.
    fn read(text: &str) -> Result<RawFile, JsonError> {
        let mut r = Reader::new(text)?;
        let mut raw = RawFile::default();
        if r.kind() != Kind::Object {
            return Err(r.error(tr("expected the schedule's object")));
        }
        r.object(&mut |r, key| {
            match key {
                "version" => raw.version = r.whole_number("version")?,
                "conference" if r.null()? => raw.conference = None,
                "conference" => {
                    if r.kind() != Kind::Object {
                        return Err(r.error(tr("`conference` should be an object")));
                    }
                    raw.conference = Some(r.record(RawConference::field)?);
                }
                "tracks" => raw.tracks = r.list("tracks", RawTrack::field)?,
                "rooms" => raw.rooms = r.list("rooms", RawRoom::read)?,
                "speakers" => raw.speakers = r.list("speakers", RawSpeaker::field)?,
                "sessions" => raw.sessions = r.list("sessions", RawSession::field)?,
                "languages" => raw.languages = Items(r.items(RawFacet::field)?),
                "formats" if r.null()? => raw.formats = None,
                "formats" => raw.formats = Some(Items(r.items(RawFacet::field)?)),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        r.end()?;
        Ok(raw)
    }
}

/// The records' fields: `key => field` for each, every other key read past.
macro_rules! fields {
    ($raw:ident { $($key:literal => $field:ident: $how:ident),* $(,)? }) => {
        impl $raw {
            fn field(&mut self, r: &mut Reader<'_>, key: &str) -> Result<(), JsonError> {
                match key {
                    $($key => self.$field = r.$how()?,)*
                    _ => r.skip()?,
                }
                Ok(())
            }
        }
    };
}

#[derive(Default)]
struct RawFacet {
    id: Text,
    name: Text,
}
fields!(RawFacet { "id" => id: text, "name" => name: text });

#[derive(Default)]
struct RawLink {
    kind: Text,
    url: Text,
    title: Text,
}
fields!(RawLink { "kind" => kind: text, "url" => url: text, "title" => title: text });

#[derive(Default)]
struct RawConference {
    id: Text,
    title: Text,
    location: Text,
    time_zone: Text,
    url: Text,
}
fields!(RawConference {
    "id" => id: text,
    "title" => title: text,
    "location" => location: text,
    "time_zone" => time_zone: text,
    "url" => url: text,
});

#[derive(Default)]
struct RawTrack {
    id: Text,
    name: Text,
    color: Text,
}
fields!(RawTrack { "id" => id: text, "name" => name: text, "color" => color: text });

#[derive(Default)]
struct RawRoom {
    id: Text,
    name: Text,
    description: Translations,
    location: Text,
    floor: Text,
    capacity: Count,
    links: Items<RawLink>,
    directions: Text,
    map_image: Text,
}
fields!(RawRoom {
    "id" => id: text,
    "name" => name: text,
    "description" => description: translations,
    "location" => location: text,
    "floor" => floor: text,
    "capacity" => capacity: count,
    "directions" => directions: text,
    "map_image" => map_image: text,
});

impl RawRoom {
    /// Its fields, the list of links among them.
    fn read(&mut self, r: &mut Reader<'_>, key: &str) -> Result<(), JsonError> {
        match key {
            "links" => r.items(RawLink::field).map(|l| self.links = Items(l)),
            _ => self.field(r, key),
        }
    }

    /// What it says besides its id and name.
    fn facts(self) -> RoomFacts {
        let links = self.links.0.into_iter().filter_map(|l| l.0).map(|l| {
            let named = l.kind.0.as_deref().and_then(RoomLinkKind::from_name);
            (named.unwrap_or(RoomLinkKind::Other), l.url.0, l.title.0)
        });
        RoomFacts {
            description: self.description.0,
            location: self.location.0,
            floor: self.floor.0,
            capacity: self.capacity.0,
            links: links.collect(),
        }
    }
}

#[derive(Default)]
struct RawSpeaker {
    id: Text,
    name: Text,
    affiliation: Text,
}
fields!(RawSpeaker { "id" => id: text, "name" => name: text, "affiliation" => affiliation: text });

#[derive(Default)]
struct RawSession {
    id: Text,
    title: Text,
    kind: Text,
    start: Text,
    end: Text,
    room: Text,
    track: Text,
    speakers: Texts,
    abstract_text: Text,
    url: Text,
    language: Text,
    format: Text,
    day: Text,
    recording: Text,
    slides: Text,
    links: Items<RawLink>,
}

impl RawSession {
    fn field(&mut self, r: &mut Reader<'_>, key: &str) -> Result<(), JsonError> {
        let text = match key {
            "speakers" => return r.texts().map(|t| self.speakers = t),
            "links" => return r.items(RawLink::field).map(|l| self.links = Items(l)),
            "id" => &mut self.id,
            "title" => &mut self.title,
            "type" => &mut self.kind,
            "start" => &mut self.start,
            "end" => &mut self.end,
            "room" => &mut self.room,
            "track" => &mut self.track,
            "abstract" => &mut self.abstract_text,
            "url" => &mut self.url,
            "language" => &mut self.language,
            "format" => &mut self.format,
            "day" => &mut self.day,
            "recording" => &mut self.recording,
            "slides" => &mut self.slides,
            _ => return r.skip(),
        };
        *text = r.text()?;
        Ok(())
    }
}

impl ConferenceZone {
    /// The zone of a schedule: its name, and its sessions' offsets day by day.
    pub fn of(schedule: &Schedule) -> ConferenceZone {
        let days = schedule.days.iter().map(|&day| {
            let starts = schedule.sessions.iter().filter(|s| s.day == day);
            (day, starts.map(|s| s.start).collect())
        });
        ConferenceZone::from_days(&schedule.conference.time_zone, days)
    }
}

/// Parse and validate a schedule file in our own format.
pub fn parse_schedule(text: &str) -> Result<Schedule, ScheduleError> {
    within_limits(text)?;
    if text.trim().is_empty() {
        return Err(ScheduleError::Empty);
    }
    validate(RawFile::read(text)?)
}

/// The size limit, checked before any parse (the nesting limit is checked
/// by the JSON reader as it starts, [`super::json::check_nesting`]).
pub(crate) fn within_limits(text: &str) -> Result<(), ScheduleError> {
    if text.len() > MAX_SCHEDULE_BYTES {
        return Err(ScheduleError::TooLarge { bytes: text.len() });
    }
    Ok(())
}

/// Trimmed text, or None when absent or blank (importers' one rule for text fields).
pub(crate) fn non_empty(s: impl Into<Option<String>>) -> Option<String> {
    s.into()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl From<Text> for Option<String> {
    fn from(t: Text) -> Self {
        t.0
    }
}

/// A session named as the place of a problem: `session "id"`, in the
/// visitor's language.
pub(crate) fn session_place(id: &str) -> String {
    trf!("session \"{id}\"", id = id)
}

/// Keep a link only if it is http(s): a `javascript:` URL in a schedule must never be followed.
pub fn safe_link(url: Option<String>) -> Option<String> {
    let url = non_empty(url)?;
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
}

/// The conference day a session belongs to: the day it is listed under if
/// that is its start's date or earlier (frab lists sessions past midnight
/// under the day before), else its start's date.
pub(crate) fn conference_day(
    listed: Option<NaiveDate>,
    start: &DateTime<FixedOffset>,
) -> NaiveDate {
    let date = start.date_naive();
    listed.filter(|d| *d <= date).unwrap_or(date)
}

/// Parse an RFC 3339 time that must carry an explicit offset.
pub fn parse_time(s: &str) -> Result<DateTime<FixedOffset>, SkipReason> {
    super::time::parse_instant(s).ok_or_else(|| SkipReason::NotRfc3339(s.to_string()))
}

/// A track's colour if it is `#rgb` or `#rrggbb`, the one check every
/// importer makes (the colour is written into CSS); anything else is
/// dropped and named as a problem at `place`.
pub(crate) fn checked_colour(
    colour: Option<String>,
    place: impl FnOnce() -> String,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let colour = non_empty(colour)?;
    if is_hex_colour(&colour) {
        return Some(colour);
    }
    problems.push(Problem {
        place: place(),
        message: trf!(
            "colour \"{colour}\" is not #rgb or #rrggbb; the track is shown without one",
            colour = colour
        ),
    });
    None
}

/// Whether `path` is a file of the site itself, under its base
/// ("venue/club-a.svg"): relative (no leading `/`), with no `..` segment,
/// no `//`, no `:` (so no scheme: `javascript:`, `data:`, `https:`), no `\`,
/// no whitespace but spaces and no control characters.
pub fn is_site_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains("//")
        && !path.contains([':', '\\'])
        && !path
            .chars()
            .any(|c| c.is_control() || (c.is_whitespace() && c != ' '))
        && !path.split('/').any(|seg| seg == ".." || seg == ".")
}

/// A room's `map_image` if it is a path under the site ([`is_site_path`]);
/// anything else is dropped and named.
fn checked_map_image(
    path: Option<String>,
    place: impl FnOnce() -> String,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let path = non_empty(path)?;
    if is_site_path(&path) {
        return Some(path);
    }
    problems.push(Problem {
        place: place(),
        message: trf!(
            "map_image \"{path}\" is not a relative path under the site (no leading /, no .., //, : or \\); the room is shown without its map",
            path = path
        ),
    });
    None
}

fn validate(raw: RawFile) -> Result<Schedule, ScheduleError> {
    let version = raw.version.unwrap_or(0);
    if version != FORMAT_VERSION {
        return Err(ScheduleError::UnsupportedVersion(version));
    }
    let raw_conf = raw.conference.ok_or(ScheduleError::MissingConference)?;
    let (Some(id), Some(title)) = (non_empty(raw_conf.id), non_empty(raw_conf.title)) else {
        return Err(ScheduleError::MissingConference);
    };
    let conference = Conference {
        id,
        title,
        location: non_empty(raw_conf.location).unwrap_or_default(),
        time_zone: non_empty(raw_conf.time_zone).unwrap_or_default(),
        url: safe_link(raw_conf.url.0),
    };
    let mut problems = Vec::new();

    let mut tracks = Vec::new();
    for (i, t) in raw.tracks.into_iter().enumerate() {
        let t = t.0.unwrap_or_default();
        match (non_empty(t.id), non_empty(t.name)) {
            (Some(id), Some(name)) if !tracks.iter().any(|x: &Track| x.id == id) => {
                let place = || format!("tracks[{i}]");
                let color = checked_colour(t.color.0, place, &mut problems);
                tracks.push(Track { id, name, color })
            }
            (Some(id), Some(_)) => problems.push(Problem {
                place: format!("tracks[{i}]"),
                message: trf!("duplicate track id \"{id}\"", id = id),
            }),
            _ => problems.push(Problem {
                place: format!("tracks[{i}]"),
                message: tr("track without id or name").into(),
            }),
        }
    }
    let mut rooms = Vec::new();
    let mut room_seen: HashSet<String> = HashSet::new();
    for (i, r) in raw.rooms.into_iter().enumerate() {
        let mut r = r.0.unwrap_or_default();
        match (non_empty(r.id.0.take()), non_empty(r.name.0.take())) {
            (Some(id), Some(name)) if room_seen.insert(id.clone()) => {
                let place = || format!("rooms[{i}]");
                let map_image = checked_map_image(r.map_image.0.take(), place, &mut problems);
                let mut room = Room {
                    id,
                    name,
                    directions: non_empty(r.directions.0.take()),
                    map_image,
                    ..Room::default()
                };
                room.describe(r.facts());
                rooms.push(room);
            }
            _ => problems.push(Problem {
                place: format!("rooms[{i}]"),
                message: tr("room without id or name, or with a duplicate id").into(),
            }),
        }
    }
    let mut speakers = Vec::new();
    for (i, s) in raw.speakers.into_iter().enumerate() {
        let s = s.0.unwrap_or_default();
        match (non_empty(s.id), non_empty(s.name)) {
            (Some(id), Some(name)) if !speakers.iter().any(|x: &Speaker| x.id == id) => speakers
                .push(Speaker {
                    id,
                    name,
                    affiliation: non_empty(s.affiliation),
                }),
            _ => problems.push(Problem {
                place: format!("speakers[{i}]"),
                message: tr("speaker without id or name, or with a duplicate id").into(),
            }),
        }
    }
    let mut lists = SessionLists {
        languages: FacetList::new(),
        formats: FacetList::new(),
        formats_listed: raw.formats.is_some(),
    };
    let listed_formats = raw.formats.map(|f| f.0).unwrap_or_default();
    for (what, items, list) in [
        ("languages", raw.languages.0, &mut lists.languages),
        ("formats", listed_formats, &mut lists.formats),
    ] {
        for (i, item) in items.into_iter().enumerate() {
            let f = item.0.unwrap_or_default();
            let added = match (non_empty(f.id), non_empty(f.name)) {
                (Some(id), Some(name)) => list.listed(&id, &name),
                _ => None,
            };
            if added.is_none() {
                problems.push(Problem {
                    place: format!("{what}[{i}]"),
                    message: tr("entry without id or name, or with a duplicate id").into(),
                });
            }
        }
    }
    let track_ix: HashMap<&str, usize> = tracks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let room_ix: HashMap<&str, usize> = rooms
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let speaker_ix: HashMap<&str, usize> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();

    let mut tally = Tally::new(problems);
    for (i, s) in raw.sessions.into_iter().enumerate() {
        let Some(s) = s.0 else {
            tally.take(format!("sessions[{i}]"), Err(SkipReason::NotAnObject));
            continue;
        };
        let place =
            s.id.0
                .as_deref()
                .map(session_place)
                .unwrap_or_else(|| format!("sessions[{i}]"));
        let ix = (&track_ix, &room_ix, &speaker_ix);
        let result = validate_session(s, ix, &mut lists, &mut tally.problems);
        tally.take(place, result);
    }
    Schedule::assemble(Parts {
        conference,
        tracks,
        rooms,
        speakers,
        languages: lists.languages.items,
        formats: lists.formats.items,
        sessions: tally.sessions,
        problems: tally.problems,
        skipped: tally.skipped,
    })
}

/// The languages and session types sessions name, as the file lists them
/// (with their ids) and as sessions add them.
struct SessionLists {
    languages: FacetList,
    formats: FacetList,
    /// The file lists its session types: a session without `format` has none.
    formats_listed: bool,
}

/// The positions of tracks, rooms and speakers by id.
type IdIndex<'a> = HashMap<&'a str, usize>;

fn validate_session(
    s: RawSession,
    (track_ix, room_ix, speaker_ix): (&IdIndex, &IdIndex, &IdIndex),
    lists: &mut SessionLists,
    problems: &mut Vec<Problem>,
) -> Result<Session, SkipReason> {
    let id = non_empty(s.id).ok_or(SkipReason::NoId)?;
    let title = non_empty(s.title).ok_or(SkipReason::EmptyTitle)?;
    let start = parse_time(s.start.0.as_deref().ok_or(SkipReason::NoStart)?)?;
    let end = parse_time(s.end.0.as_deref().ok_or(SkipReason::NoEnd)?)?;
    if end < start {
        return Err(SkipReason::EndsBeforeStart);
    }
    let room = match non_empty(s.room) {
        None => None,
        Some(r) => Some(
            *room_ix
                .get(r.as_str())
                .ok_or_else(|| SkipReason::UnknownRoom(r.clone()))?,
        ),
    };
    let track = match non_empty(s.track) {
        None => None,
        Some(t) => Some(
            *track_ix
                .get(t.as_str())
                .ok_or_else(|| SkipReason::UnknownTrack(t.clone()))?,
        ),
    };
    let mut speakers = Vec::with_capacity(s.speakers.0.len());
    for p in &s.speakers.0 {
        let ix = *speaker_ix
            .get(p.as_str())
            .ok_or_else(|| SkipReason::UnknownSpeaker(p.clone()))?;
        if !speakers.contains(&ix) {
            speakers.push(ix);
        }
    }
    let kind = SessionKind::parse(s.kind.0.as_deref().unwrap_or(""));
    let mut links: Vec<Link> = [
        (LinkKind::Recording, s.recording.0),
        (LinkKind::Slides, s.slides.0),
    ]
    .into_iter()
    .filter_map(|(kind, url)| Link::new(kind, url, None))
    .collect();
    for link in s.links.0.into_iter().filter_map(|l| l.0) {
        let named = link.kind.0.as_deref().and_then(LinkKind::from_name);
        let kind = named.unwrap_or(LinkKind::Other);
        links.extend(Link::new(kind, link.url.0, link.title.0));
    }
    let SessionLists {
        languages,
        formats,
        formats_listed,
    } = lists;
    let language = non_empty(s.language).map(|code| {
        languages.by_id(&code).unwrap_or_else(|| {
            let name = language_name(&code);
            languages.index_with(&name, &code)
        })
    });
    let format = match non_empty(s.format) {
        Some(f) => Some(formats.by_id(&f).unwrap_or_else(|| formats.index(&f))),
        None if *formats_listed => None,
        // Named in the visitor's language, its id the same in every one.
        None => Some(formats.index_with(kind.label(), kind.name())),
    };
    let listed_day = non_empty(s.day);
    let day = conference_day(
        listed_day.as_deref().and_then(super::time::parse_ymd),
        &start,
    );
    if let Some(listed) = listed_day.filter(|d| *d != day.to_string()) {
        problems.push(Problem {
            place: session_place(&id),
            message: trf!(
                "day \"{listed}\" is not a date on or before its start; it is shown on {day}",
                listed = listed,
                day = day
            ),
        });
    }
    Ok(Session {
        id,
        title,
        kind,
        start,
        end,
        day,
        room,
        track,
        speakers,
        abstract_text: s.abstract_text.0.unwrap_or_default().trim().to_string(),
        url: safe_link(s.url.0),
        language,
        format,
        links,
    })
}

/// Whether a colour is `#rgb` or `#rrggbb`.
fn is_hex_colour(c: &str) -> bool {
    let b = c.as_bytes();
    (b.len() == 7 || b.len() == 4) && b[0] == b'#' && b[1..].iter().all(u8::is_ascii_hexdigit)
}

/// Sessions grouped by day, preserving the given (time) order.
pub fn group_by_day(schedule: &Schedule, indices: &[usize]) -> Vec<(NaiveDate, Vec<usize>)> {
    let mut groups: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for &i in indices {
        groups
            .entry(schedule.sessions[i].day())
            .or_default()
            .push(i);
    }
    groups.into_iter().collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::json::MAX_NESTING;

    /// Content is never translated, only chosen: a room's description in
    /// the interface's language, else English, else the first.
    #[test]
    fn a_room_s_description_is_the_one_in_the_interface_s_language() {
        use crate::model::words::{english, speak, Lang};
        let room = Room {
            description: vec![("de".into(), "Saal".into()), ("en".into(), "Hall".into())],
            ..Room::default()
        };
        speak(Lang::of("de").unwrap(), None);
        assert_eq!(room.description(), Some("Saal"));
        speak(Lang::of("fr").unwrap(), None);
        assert_eq!(room.description(), Some("Hall"));
        let only_german = Room {
            description: vec![("de".into(), "Saal".into())],
            ..Room::default()
        };
        assert_eq!(only_german.description(), Some("Saal"));
        speak(english(), None);
        assert_eq!(room.description(), Some("Hall"));
    }

    pub const SMALL: &str = r##"{
      "version": 1,
      "conference": {"id": "conf", "title": "Conf", "location": "Prague", "time_zone": "Europe/Prague"},
      "tracks": [{"id": "ops", "name": "Ops", "color": "#123456"}, {"id": "dev", "name": "Dev"}],
      "rooms": [{"id": "a", "name": "Room A"}, {"id": "b", "name": "Room B"}],
      "speakers": [{"id": "ada", "name": "Ádám Sándor", "affiliation": "Container Solutions"},
                   {"id": "bob", "name": "Bob", "affiliation": null}],
      "sessions": [
        {"id": "s2", "title": "Second", "type": "talk", "start": "2017-10-26T11:00:00+02:00",
         "end": "2017-10-26T11:40:00+02:00", "room": "a", "track": "ops", "speakers": ["bob"],
         "abstract": "About security."},
        {"id": "s1", "title": "First", "type": "keynote", "start": "2017-10-26T09:00:00+02:00",
         "end": "2017-10-26T09:30:00+02:00", "room": "b", "track": "dev", "speakers": ["ada", "bob"],
         "abstract": "Knee deep."},
        {"id": "s3", "title": "Third", "type": "talk", "start": "2017-10-27T10:00:00+02:00",
         "end": "2017-10-27T10:40:00+02:00", "room": "a", "track": "dev", "speakers": [],
         "abstract": "", "url": "javascript:alert(1)"}
      ]
    }"##;

    pub fn small() -> Schedule {
        parse_schedule(SMALL).expect("small schedule parses")
    }

    #[test]
    fn parses_and_sorts_sessions_by_start() {
        let s = small();
        let ids: Vec<&str> = s.sessions.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3"]);
        assert_eq!(s.days.len(), 2);
        assert_eq!(s.conference.title, "Conf");
        assert_eq!(s.session("s2").unwrap().duration_minutes(), 40);
        assert_eq!(s.room_name(s.session("s1").unwrap()), "Room B");
        assert!(s.problems.is_empty(), "{:?}", s.problems);
    }

    #[test]
    fn drops_non_http_links() {
        let s = small();
        assert_eq!(s.session("s3").unwrap().url, None);
        assert_eq!(
            safe_link(Some(" https://example.org/x ".into())).as_deref(),
            Some("https://example.org/x")
        );
        assert_eq!(safe_link(Some("JavaScript:alert(1)".into())), None);
        assert_eq!(safe_link(Some("data:text/html,hi".into())), None);
    }

    #[test]
    fn search_text_is_folded_and_includes_speakers() {
        let s = small();
        let i = s.session_position("s1").unwrap();
        assert!(s.search_text(i).contains("adam sandor"));
        assert!(s.search_text(i).contains("container solutions"));
        assert!(s.search_text(i).contains("knee deep"));
    }

    #[test]
    fn rejects_unusable_files_with_clear_errors() {
        assert_eq!(parse_schedule("").err(), Some(ScheduleError::Empty));
        assert_eq!(parse_schedule("  \n").err(), Some(ScheduleError::Empty));
        let err = parse_schedule("{\"version\": 1,").err().unwrap();
        assert!(
            matches!(err, ScheduleError::Syntax(ref m) if m.contains("line 1")),
            "{err}"
        );
        assert_eq!(
            parse_schedule(r#"{"version": 7, "sessions": []}"#).err(),
            Some(ScheduleError::UnsupportedVersion(7))
        );
        assert_eq!(
            parse_schedule(r#"{"version": 1, "sessions": []}"#).err(),
            Some(ScheduleError::MissingConference)
        );
        assert_eq!(
            parse_schedule(r#"{"version":1,"conference":{"id":"c","title":"C"},"sessions":[]}"#)
                .err(),
            Some(ScheduleError::NoSessions { skipped: 0 })
        );
        assert!(matches!(
            parse_schedule("[1,2,3]").err(),
            Some(ScheduleError::Syntax(_))
        ));
    }

    #[test]
    fn deeply_nested_input_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(100_000);
        assert_eq!(
            parse_schedule(&text).err(),
            Some(ScheduleError::TooDeep { at: MAX_NESTING })
        );
        // At the limit the nesting is read (and refused as the wrong shape).
        let text = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(matches!(
            parse_schedule(&text).err(),
            Some(ScheduleError::Syntax(_))
        ));
    }

    #[test]
    fn skips_invalid_sessions_and_names_each_problem() {
        let text = r#"{"version":1,"conference":{"id":"c","title":"C"},
          "tracks":[{"id":"t","name":"T"}], "rooms":[{"id":"r","name":"R"}], "speakers":[],
          "sessions":[
            {"id":"ok","title":"Fine","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","room":"r","track":"t"},
            {"id":"ok","title":"Dup","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00"},
            {"id":"back","title":"Backwards","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T09:00:00+01:00"},
            {"id":"naive","title":"No offset","start":"2020-01-01T10:00:00","end":"2020-01-01T11:00:00"},
            {"id":"empty","title":"  ","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00"},
            {"id":"room","title":"Bad room","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","room":"nope"},
            {"id":"track","title":"Bad track","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","track":"nope"},
            {"id":"who","title":"Bad speaker","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","speakers":["ghost"]},
            {"title":"No id","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00"}
          ]}"#;
        let s = parse_schedule(text).unwrap();
        assert_eq!(s.sessions.len(), 1);
        assert_eq!(s.skipped, 8);
        let messages: Vec<String> = s.problems.iter().map(|p| p.to_string()).collect();
        let expected = [
            "session \"ok\": duplicate session id \"ok\"",
            "session \"back\": ends before it starts",
            "session \"naive\": \"2020-01-01T10:00:00\" is not an RFC 3339 time with an offset",
            "session \"empty\": empty title",
            "session \"room\": unknown room \"nope\"",
            "session \"track\": unknown track \"nope\"",
            "session \"who\": unknown speaker \"ghost\"",
            "sessions[8]: session without an id",
        ];
        assert_eq!(messages, expected);
    }

    #[test]
    fn sessions_too_long_or_far_away_are_skipped_with_a_named_message() {
        let text = r#"{"version":1,"conference":{"id":"c","title":"C"},"sessions":[
            {"id":"ok","title":"Fine","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00"},
            {"id":"ok2","title":"Fine too","start":"2020-01-02T10:00:00+01:00","end":"2020-01-02T11:00:00+01:00"},
            {"id":"forever","title":"Ends in 9999","start":"2020-01-01T10:00:00+01:00","end":"9999-12-31T23:00:00+01:00"},
            {"id":"far","title":"Next year","start":"2021-06-01T10:00:00+01:00","end":"2021-06-01T11:00:00+01:00"},
            {"id":"week","title":"A week-long hackathon","start":"2020-01-01T10:00:00+01:00","end":"2020-01-08T10:00:00+01:00"}
          ]}"#;
        let s = parse_schedule(text).unwrap();
        let ids: Vec<&str> = s.sessions.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["week", "ok", "ok2"]);
        assert_eq!(s.skipped, 2);
        let messages: Vec<String> = s.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "session \"forever\": lasts more than 7 days (the longest a session may last)",
                "session \"far\": starts more than 183 days away from the rest of the conference",
            ]
        );
    }

    #[test]
    fn a_field_of_the_wrong_type_costs_its_session_not_the_file() {
        let text = r#"{"version":1,"conference":{"id":"c","title":"C","url":7},
          "tracks":[{"id":"t","name":"T"}, 42, {"id":["x"],"name":"X"}],
          "rooms":[{"id":"r","name":{"en":"R"}}], "speakers":["nope"],
          "sessions":[
            {"id":"ok","title":"Fine","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","track":"t","speakers":"ada","abstract":null},
            {"id":"arr","title":["not","text"],"start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00"},
            {"id":"num","title":"Number start","start":1577869200,"end":"2020-01-01T11:00:00+01:00"},
            "a string, not a session",
            {"id":{"deep":[1,2,{"x":null}]},"title":"Object id","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00"}
          ]}"#;
        let s = parse_schedule(text).unwrap();
        assert_eq!(s.sessions.len(), 1);
        assert_eq!(s.sessions[0].id, "ok");
        assert!(s.sessions[0].speakers.is_empty());
        assert_eq!(s.skipped, 4);
        let places: Vec<&str> = s.problems.iter().map(|p| p.place.as_str()).collect();
        assert_eq!(
            places,
            [
                "tracks[1]",
                "tracks[2]",
                "rooms[0]",
                "speakers[0]",
                "session \"arr\"",
                "session \"num\"",
                "sessions[3]",
                "sessions[4]"
            ]
        );
    }

    #[test]
    fn language_codes_and_names_are_shown_by_name() {
        for (code, shown) in [
            ("en", "English"),
            ("EN", "English"),
            (" de-AT ", "German"),
            ("pt_BR", "Portuguese"),
            ("Deutsch", "German"),
            ("nb", "Norwegian"),
            ("no", "Norwegian"),
            ("ro", "Romanian"),
            ("eo", "EO"),
            (" x-klingon ", "X-KLINGON"),
            ("", ""),
        ] {
            assert_eq!(language_name(code), shown, "{code:?}");
        }
    }

    #[test]
    fn listed_languages_types_links_and_days_are_read() {
        let text = r#"{"version":1,"conference":{"id":"c","title":"C"},
          "languages":[{"id":"en-2","name":"English (UK)"},{"id":"x"}],
          "formats":[{"id":"ws","name":"Workshop"},{"id":"ws","name":"Dup"}],
          "sessions":[
            {"id":"a","title":"A","start":"2020-01-02T01:00:00+01:00","end":"2020-01-02T02:00:00+01:00",
             "day":"2020-01-01","language":"en-2","format":"ws","recording":"https://r.example/a",
             "links":[{"kind":"live","url":"https://l.example/a"},{"kind":"?","url":"https://s.example/a.pdf","title":"Deck"},
                      {"kind":"slides","url":"javascript:x"},"nope"]},
            {"id":"b","title":"B","start":"2020-01-02T10:00:00+01:00","end":"2020-01-02T11:00:00+01:00",
             "type":"talk","day":"2020-01-03","language":"de","links":"not a list"}
          ]}"#;
        let s = parse_schedule(text).unwrap();
        let (a, b) = (s.session("a").unwrap(), s.session("b").unwrap());
        assert_eq!(s.languages[a.language.unwrap()].name, "English (UK)");
        assert_eq!(s.languages[b.language.unwrap()].name, "German");
        assert_eq!(s.formats[a.format.unwrap()].name, "Workshop");
        // With a list of types, a session without `format` has none.
        assert_eq!(b.format, None);
        let kinds: Vec<(LinkKind, &str)> =
            a.links.iter().map(|l| (l.kind, l.title.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (LinkKind::Recording, "Recording"),
                (LinkKind::Live, "Live stream"),
                (LinkKind::Other, "Deck")
            ]
        );
        assert!(b.links.is_empty());
        assert_eq!(a.day.to_string(), "2020-01-01");
        assert_eq!(b.day.to_string(), "2020-01-02");
        let problems: Vec<String> = s.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "languages[1]: entry without id or name, or with a duplicate id",
                "formats[1]: entry without id or name, or with a duplicate id",
                "session \"b\": day \"2020-01-03\" is not a date on or before its start; it is shown on 2020-01-02",
            ]
        );
        assert_eq!(s.skipped, 0);
    }

    #[test]
    fn group_by_day_keeps_order_within_days() {
        let s = small();
        let groups = group_by_day(&s, &[2, 0, 1]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].1, vec![0, 1]);
        assert_eq!(groups[1].1, vec![2]);
    }
}
