//! The personal agenda: starred session ids with the last known facts about
//! each, the user's own entries ("Lunch with Ana"), and its stored form
//! (`schedule-viewer/agenda/<conference id>`,
//! `{"v": 3, "entries": {"<id>": {...}}, "own": {"<id>": {...}},
//! "follows": {"<kind>:<id>": {...}}}`, see docs/decisions.md). A `v: 1`
//! value (no own entries) and a `v: 2` one (no follows) read as version 3.
//!
//! The id is the key; title, times and room are kept beside it so that a
//! session that moved or vanished from a later schedule can still be named.

use std::collections::BTreeMap;
use std::fmt;

use super::changes::{compare, Difference, SeenFacts};
use super::error::StoredAgendaError;
use super::follow::{FollowEntry, Followed};
use super::json::{self, stored_texts, JsonError, Reader};
use super::limits::MAX_SESSION_HOURS;
use super::schedule::{Parts, Room, Schedule, Session, SessionKind};
use super::text::UniqueIds;
use super::words::tr;
use crate::trf;

/// Current version of the stored agenda (2 added own entries, 3 follows;
/// 1 and 2 still read). An older app refuses a newer value instead of
/// writing it back without what it does not know.
pub const AGENDA_VERSION: u64 = 3;

/// An entry of the user's own: not a session of the schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnEntry {
    /// What it is ("Lunch with Ana").
    pub title: String,
    /// RFC 3339, with the offset of the zone it was entered in.
    pub start: String,
    /// RFC 3339.
    pub end: String,
    /// Where, free text ("Hall B"); may be empty.
    pub place: String,
    /// When it was made (RFC 3339, UTC).
    pub added: String,
}

/// Why an own entry cannot be saved, in words for the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OwnEntryError {
    /// No title.
    NoTitle,
    /// A start or end that is not a time.
    BadTime,
    /// It ends before it starts.
    EndsBeforeStart,
    /// Longer than any session may last.
    TooLong,
}

impl fmt::Display for OwnEntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NoTitle => tr("Give the entry a title."),
            Self::BadTime => tr("Give a start and an end date and time."),
            Self::EndsBeforeStart => tr("The end is before the start."),
            Self::TooLong => tr("An entry may last at most 7 days."),
        })
    }
}

impl OwnEntry {
    /// A checked entry.
    pub fn new(
        title: &str,
        start: Option<chrono::DateTime<chrono::FixedOffset>>,
        end: Option<chrono::DateTime<chrono::FixedOffset>>,
        place: &str,
        added: &str,
    ) -> Result<OwnEntry, OwnEntryError> {
        let title = title.trim();
        if title.is_empty() {
            return Err(OwnEntryError::NoTitle);
        }
        let (Some(start), Some(end)) = (start, end) else {
            return Err(OwnEntryError::BadTime);
        };
        if end < start {
            return Err(OwnEntryError::EndsBeforeStart);
        }
        if end - start > chrono::TimeDelta::hours(MAX_SESSION_HOURS) {
            return Err(OwnEntryError::TooLong);
        }
        Ok(OwnEntry {
            title: title.to_string(),
            start: start.to_rfc3339(),
            end: end.to_rfc3339(),
            place: place.trim().to_string(),
            added: added.to_string(),
        })
    }

    /// The entry as a session (kind [`SessionKind::Own`]), for clashes, free
    /// time and calendars; None if its stored times are unreadable.
    pub fn as_session(&self, id: &str, room: Option<usize>) -> Option<Session> {
        let start = super::time::parse_instant(&self.start)?;
        let end = super::time::parse_instant(&self.end)?.max(start);
        Some(Session {
            id: id.to_string(),
            title: self.title.clone(),
            kind: SessionKind::Own,
            start,
            end,
            day: start.date_naive(),
            room,
            track: None,
            speakers: Vec::new(),
            abstract_text: String::new(),
            url: None,
            language: None,
            format: None,
            links: Vec::new(),
        })
    }
}

/// What the agenda's plan is made of, to tell when it must be redrawn:
/// the starred sessions' positions and the own entries (not the levels).
pub type PlanKey = (Vec<usize>, Vec<(String, OwnEntry)>);

/// The prefix of own entries' ids, never that of a schedule's session in
/// the same agenda (own ids live in their own map).
pub const OWN_ID_PREFIX: &str = "own-";

/// The localStorage key of a conference's agenda.
pub fn agenda_key(conference_id: &str) -> String {
    format!("schedule-viewer/agenda/{conference_id}")
}

/// The localStorage key an unreadable agenda value is copied to.
pub fn backup_key(conference_id: &str, timestamp: &str) -> String {
    format!("schedule-viewer/backup/{conference_id}/{timestamp}")
}

/// How much the user wants to attend a starred session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Level {
    #[default]
    Must,
    Maybe,
}

impl Level {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Must => "must",
            Level::Maybe => "maybe",
        }
    }
}

/// What we remember about a starred session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgendaEntry {
    /// Must or maybe.
    pub level: Level,
    /// The session's title when last seen.
    pub title: String,
    /// RFC 3339, as in the schedule.
    pub start: String,
    /// RFC 3339, as in the schedule.
    pub end: String,
    /// The room's name when last seen.
    pub room: String,
    /// When it was starred (RFC 3339, UTC).
    pub added: String,
}

/// One change to an agenda. Changes, not whole agendas, are what a tab
/// writes: applied to the value another tab stored meanwhile, they merge
/// instead of overwriting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgendaChange {
    /// Star, or refresh the remembered facts of, a session.
    Put {
        id: String,
        entry: AgendaEntry,
    },
    Remove {
        id: String,
    },
    /// Add or edit an own entry.
    PutOwn {
        id: String,
        entry: OwnEntry,
    },
    /// Delete an own entry.
    RemoveOwn {
        id: String,
    },
    /// Follow a track, a speaker or a room.
    Follow {
        followed: Followed,
        entry: FollowEntry,
    },
    /// Stop following it.
    Unfollow {
        followed: Followed,
    },
}

/// A starred session whose time, room or title changed since it was starred.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedSession {
    /// Its position in the schedule now.
    pub index: usize,
    /// What the agenda remembered of it.
    pub was: AgendaEntry,
    /// What differs ([`compare`], the rule the snapshot diff uses too).
    pub difference: Difference,
}

/// The starred sessions of one conference, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    entries: BTreeMap<String, AgendaEntry>,
    own: BTreeMap<String, OwnEntry>,
    /// Sorted by what is followed, each once: a few entries, so a list
    /// (a map of its own would add its code to the first load).
    follows: Vec<(Followed, FollowEntry)>,
}

// The stored text fields of a starred session (after its `level`) and of
// an own entry, in their written order.
stored_texts!(AgendaEntry: "title" => title, "start" => start, "end" => end, "room" => room, "added" => added; other read_level);
stored_texts!(OwnEntry: "title" => title, "start" => start, "end" => end, "place" => place, "added" => added);
stored_texts!(FollowEntry: "name" => name, "added" => added);

impl AgendaEntry {
    /// What was remembered of the session, for [`compare`].
    pub fn facts(&self) -> SeenFacts<'_> {
        SeenFacts::of(&self.title, &self.start, &self.end, &self.room)
    }
}

impl Agenda {
    /// How many sessions are starred.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is starred, followed or entered.
    pub fn is_empty(&self) -> bool {
        !self.has_plan() && self.follows.is_empty()
    }

    /// Whether anything is starred or entered: what the days and the
    /// calendar hold (what is followed aside).
    pub fn has_plan(&self) -> bool {
        !self.entries.is_empty() || !self.own.is_empty()
    }

    /// What is followed, by kind then id.
    pub fn follows(&self) -> impl Iterator<Item = (&Followed, &FollowEntry)> {
        self.follows.iter().map(|(f, e)| (f, e))
    }

    /// Whether this is followed.
    pub fn is_following(&self, followed: &Followed) -> bool {
        self.follow_at(followed).is_ok()
    }

    /// Where `followed` is in the sorted list, or would go.
    fn follow_at(&self, followed: &Followed) -> Result<usize, usize> {
        self.follows.binary_search_by(|(f, _)| f.cmp(followed))
    }

    /// Follow, or replace what is remembered of a follow.
    fn put_follow(&mut self, followed: Followed, entry: FollowEntry) {
        match self.follow_at(&followed) {
            Ok(i) => self.follows[i].1 = entry,
            Err(i) => self.follows.insert(i, (followed, entry)),
        }
    }

    /// The names of what is followed that a schedule change concerns
    /// ([`super::follow::concerned`]), as `schedule` names them.
    pub fn follows_of_change(
        &self,
        change: &super::changes::Change,
        schedule: &Schedule,
    ) -> Vec<String> {
        super::follow::concerned(change, schedule, self.follows())
            .into_iter()
            .filter_map(|f| {
                let at = self.follow_at(f).ok()?;
                Some(f.display_name(schedule, &self.follows[at].1))
            })
            .collect()
    }

    /// Follow `followed` (named as the schedule names it), or stop
    /// following it; None for a thing the schedule does not have.
    pub fn follow_change(
        &self,
        schedule: &Schedule,
        followed: &Followed,
        now: &str,
    ) -> Option<AgendaChange> {
        if self.is_following(followed) {
            return Some(AgendaChange::Unfollow {
                followed: followed.clone(),
            });
        }
        let name = followed.name(schedule)?.to_string();
        Some(AgendaChange::Follow {
            followed: followed.clone(),
            entry: FollowEntry {
                name,
                added: now.to_string(),
            },
        })
    }

    /// The own entries, by id.
    pub fn own(&self) -> impl Iterator<Item = (&str, &OwnEntry)> {
        self.own.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The own entry with this id.
    pub fn own_entry(&self, id: &str) -> Option<&OwnEntry> {
        self.own.get(id)
    }

    /// A fresh id for an own entry made at `millis` (ms since the epoch).
    pub fn new_own_id(&self, millis: i64) -> String {
        let mut n = millis.max(0) as u64;
        loop {
            let id = format!("{OWN_ID_PREFIX}{}", to_base36(n));
            if !self.own.contains_key(&id) {
                return id;
            }
            n += 1;
        }
    }

    /// What [`Agenda::plan`] is built from.
    pub fn plan_key(&self, schedule: &Schedule) -> PlanKey {
        let own = self
            .own()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        (self.scheduled(schedule), own)
    }

    /// The agenda's own schedule: the starred sessions the schedule has and
    /// the own entries, as one small schedule, so clashes, free time and
    /// calendars apply one set of rules to both. Own entries have
    /// [`SessionKind::Own`] and their place as room; starred sessions keep
    /// their ids, speakers and tracks. None when both are empty.
    pub fn plan(&self, schedule: &Schedule) -> Option<Schedule> {
        let mut rooms: Vec<Room> = Vec::new();
        let mut room_of = |name: &str| -> Option<usize> {
            if name.is_empty() {
                return None;
            }
            if let Some(i) = rooms.iter().position(|r| r.name == name) {
                return Some(i);
            }
            rooms.push(Room {
                id: format!("r{}", rooms.len()),
                name: name.to_string(),
                ..Room::default()
            });
            Some(rooms.len() - 1)
        };
        let mut sessions = Vec::new();
        for i in self.scheduled(schedule) {
            let s = &schedule.sessions[i];
            let mut copy = s.clone();
            copy.room = room_of(schedule.room_name(s));
            sessions.push(copy);
        }
        for (id, e) in &self.own {
            let room = room_of(&e.place);
            sessions.extend(e.as_session(id, room));
        }
        if sessions.is_empty() {
            return None;
        }
        Schedule::assemble(Parts {
            conference: schedule.conference.clone(),
            tracks: schedule.tracks.clone(),
            speakers: schedule.speakers.clone(),
            languages: schedule.languages.clone(),
            formats: schedule.formats.clone(),
            rooms,
            sessions,
            ..Parts::default()
        })
        .ok()
    }

    /// Whether this session id is starred.
    pub fn contains(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// What is remembered of a starred session.
    pub fn entry(&self, id: &str) -> Option<&AgendaEntry> {
        self.entries.get(id)
    }

    /// The starred ids, in id order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The facts to remember about a session starred now.
    pub fn entry_for(schedule: &Schedule, session: &Session, added: &str) -> AgendaEntry {
        AgendaEntry {
            level: Level::Must,
            title: session.title.clone(),
            start: session.start.to_rfc3339(),
            end: session.end.to_rfc3339(),
            room: schedule.room_name(session).to_string(),
            added: added.to_string(),
        }
    }

    /// Star a session (as "must"), remembering its current facts. Returns false if it was already starred.
    pub fn add(&mut self, schedule: &Schedule, session: &Session, added: &str) -> bool {
        if self.contains(&session.id) {
            return false;
        }
        let entry = Self::entry_for(schedule, session, added);
        self.entries.insert(session.id.clone(), entry);
        true
    }

    /// The change that stars or unstars `session`.
    pub fn toggle_change(&self, schedule: &Schedule, session: &Session, now: &str) -> AgendaChange {
        if self.contains(&session.id) {
            AgendaChange::Remove {
                id: session.id.clone(),
            }
        } else {
            AgendaChange::Put {
                id: session.id.clone(),
                entry: Self::entry_for(schedule, session, now),
            }
        }
    }

    /// The change that takes in a session's new facts, keeping level and star time.
    pub fn acknowledge_change(
        &self,
        schedule: &Schedule,
        session: &Session,
    ) -> Option<AgendaChange> {
        let old = self.entry(&session.id)?;
        let mut entry = Self::entry_for(schedule, session, &old.added);
        entry.level = old.level;
        Some(AgendaChange::Put {
            id: session.id.clone(),
            entry,
        })
    }

    /// The change that sets a starred session's level.
    pub fn level_change(&self, id: &str, level: Level) -> Option<AgendaChange> {
        let mut entry = self.entry(id)?.clone();
        entry.level = level;
        Some(AgendaChange::Put {
            id: id.to_string(),
            entry,
        })
    }

    /// Apply one change (to this tab's agenda, or to the value stored now).
    pub fn apply(&mut self, change: &AgendaChange) {
        match change {
            AgendaChange::Put { id, entry } => {
                self.entries.insert(id.clone(), entry.clone());
            }
            AgendaChange::Remove { id } => {
                self.entries.remove(id);
            }
            AgendaChange::PutOwn { id, entry } => {
                self.own.insert(id.clone(), entry.clone());
            }
            AgendaChange::RemoveOwn { id } => {
                self.own.remove(id);
            }
            AgendaChange::Follow { followed, entry } => {
                self.put_follow(followed.clone(), entry.clone());
            }
            AgendaChange::Unfollow { followed } => {
                if let Ok(i) = self.follow_at(followed) {
                    self.follows.remove(i);
                }
            }
        }
    }

    /// Starred sessions whose start, end, room or title differ from what
    /// was remembered, by the one rule of [`compare`].
    pub fn changed(&self, schedule: &Schedule) -> Vec<ChangedSession> {
        let mut out: Vec<ChangedSession> = self
            .entries
            .iter()
            .filter_map(|(id, was)| {
                let index = schedule.session_position(id)?;
                let now = &schedule.sessions[index];
                let difference = compare(was.facts(), now, schedule.room_name(now))?;
                Some(ChangedSession {
                    index,
                    was: was.clone(),
                    difference,
                })
            })
            .collect();
        out.sort_by_key(|c| c.index);
        out
    }

    /// Unstar a session, returning what was remembered of it.
    pub fn remove(&mut self, id: &str) -> Option<AgendaEntry> {
        self.entries.remove(id)
    }

    /// Put back an entry exactly as it was (for "Undo" after an unstar).
    pub fn restore(&mut self, id: String, entry: AgendaEntry) {
        self.entries.insert(id, entry);
    }

    /// Starred sessions present in the schedule, as schedule indices in time order.
    pub fn scheduled(&self, schedule: &Schedule) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .ids()
            .filter_map(|id| schedule.session_position(id))
            .collect();
        found.sort_unstable();
        found
    }

    /// Starred ids the schedule no longer has, with what we last knew, by last known start.
    pub fn missing<'a>(&'a self, schedule: &Schedule) -> Vec<(&'a str, &'a AgendaEntry)> {
        let mut gone: Vec<(&str, &AgendaEntry)> = self
            .entries
            .iter()
            .filter(|(id, _)| schedule.session(id).is_none())
            .map(|(id, e)| (id.as_str(), e))
            .collect();
        gone.sort_by(|a, b| (&a.1.start, a.0).cmp(&(&b.1.start, b.0)));
        gone
    }

    /// Starred sessions with their levels, in time order (scheduled ones first), for export and sharing.
    pub fn levels(&self, schedule: &Schedule) -> Vec<(String, Level)> {
        let mut out: Vec<(String, Level)> = self
            .scheduled(schedule)
            .into_iter()
            .map(|i| {
                let id = schedule.sessions[i].id.clone();
                let level = self.entries[&id].level;
                (id, level)
            })
            .collect();
        for (id, e) in self.missing(schedule) {
            out.push((id.to_string(), e.level));
        }
        out
    }

    /// What an older app (a tab left open, of a version before follows)
    /// dropped when it wrote `self` over a value it could not read: what
    /// `mine` has and `self` lacks (follows, and stars and own entries made
    /// here since), to put back. Nothing when `self` was written by this
    /// version: another tab's unstar or unfollow stands.
    pub fn dropped_by_older_app(&self, written_in: u64, mine: &Agenda) -> Vec<AgendaChange> {
        if written_in >= AGENDA_VERSION {
            return Vec::new();
        }
        self.merge_changes(mine)
    }

    /// Changes that add every entry of `other` not already here, own
    /// entries included unless one with the same title and times exists,
    /// and every follow not already here (an import never removes).
    pub fn merge_changes(&self, other: &Agenda) -> Vec<AgendaChange> {
        let mut changes: Vec<AgendaChange> = other
            .entries
            .iter()
            .filter(|(id, _)| !self.contains(id))
            .map(|(id, entry)| AgendaChange::Put {
                id: id.clone(),
                entry: entry.clone(),
            })
            .collect();
        let mut taken = UniqueIds::with_taken(self.own.keys().cloned());
        for (id, entry) in &other.own {
            let same = |e: &OwnEntry| {
                e.title == entry.title && e.start == entry.start && e.end == entry.end
            };
            if self.own.values().any(same) {
                continue;
            }
            let new_id = taken.claim(id);
            changes.push(AgendaChange::PutOwn {
                id: new_id,
                entry: entry.clone(),
            });
        }
        changes.extend(
            other
                .follows
                .iter()
                .filter(|(f, _)| !self.is_following(f))
                .map(|(f, e)| AgendaChange::Follow {
                    followed: f.clone(),
                    entry: e.clone(),
                }),
        );
        changes
    }

    /// The stored form (`{"v": 3, "entries": {…}, "own": {…}, "follows": {…}}`).
    pub fn to_json(&self) -> String {
        json::write(|w| {
            w.object(|w| {
                w.field("v").number(AGENDA_VERSION);
                w.field("entries").object(|w| {
                    for (id, e) in &self.entries {
                        w.field(id).object(|w| {
                            w.field("level").text(e.level.as_str());
                            e.write_texts(w);
                        })
                    }
                });
                w.field("own").object(|w| {
                    for (id, e) in &self.own {
                        w.field(id).object(|w| e.write_texts(w))
                    }
                });
                w.field("follows").object(|w| {
                    for (f, e) in &self.follows {
                        w.field(&f.key()).object(|w| e.write_texts(w))
                    }
                });
            })
        })
    }

    /// Read a stored agenda. Only a well-formed value of a version we know
    /// is accepted: every field of the right shape (a field missing but
    /// `entries` and an own entry's title and times takes its default),
    /// other keys read past.
    pub fn from_json(text: &str) -> Result<Agenda, StoredAgendaError> {
        Agenda::from_json_versioned(text).map(|(agenda, _)| agenda)
    }

    /// [`Agenda::from_json`], with the version the value was written in.
    pub fn from_json_versioned(text: &str) -> Result<(Agenda, u64), StoredAgendaError> {
        // The version first: a newer format may not read as this one.
        // A field twice would be read one way or the other: corrupt.
        let version = Reader::whole(text, |r| {
            let (mut v, mut seen) = (None, 0u8);
            r.object(&mut |r, key| {
                if let Some(at) = ["v", "entries", "own", "follows"]
                    .iter()
                    .position(|k| *k == key)
                {
                    if seen & 1 << at != 0 {
                        return Err(r.error(&trf!("`{key}` twice", key = key)));
                    }
                    seen |= 1 << at;
                }
                match key {
                    "v" => r.whole_number(key).map(|n| v = n),
                    _ => r.skip(),
                }
            })?;
            Ok(v)
        })
        .map_err(StoredAgendaError::Corrupt)?
        .ok_or_else(|| StoredAgendaError::Corrupt(tr("no format version").into()))?;
        if version > AGENDA_VERSION {
            return Err(StoredAgendaError::FutureVersion(version));
        }
        if version == 0 {
            return Err(StoredAgendaError::Corrupt(trf!(
                "unknown format version {version}",
                version = version
            )));
        }
        // Version 1 is version 2 without own entries, and 2 is 3 without
        // follows: they read as they are.
        let (agenda, has_entries) = Reader::whole(text, |r| {
            r.record(|(a, has_entries): &mut (Agenda, bool), r, key| match key {
                "entries" => {
                    *has_entries = true;
                    r.object(&mut |r, id| {
                        a.entries.insert(id.into(), read_entry(r)?);
                        Ok(())
                    })
                }
                "own" => r.object(&mut |r, id| {
                    a.own.insert(id.into(), read_own(r)?);
                    Ok(())
                }),
                "follows" => r.object(&mut |r, key| {
                    let Some(followed) = Followed::from_key(key) else {
                        return Err(r.error(tr("a follow of no known kind")));
                    };
                    let entry = FollowEntry::read_stored(r, 0, "")?;
                    a.put_follow(followed, entry);
                    Ok(())
                }),
                _ => r.skip(),
            })
        })
        .map_err(StoredAgendaError::Corrupt)?;
        if !has_entries {
            return Err(StoredAgendaError::Corrupt(tr("no `entries`").into()));
        }
        Ok((agenda, version))
    }
}

/// A stored starred session (`{"level": "must", "title": …}`): no field is needed.
fn read_entry(r: &mut Reader) -> Result<AgendaEntry, JsonError> {
    // Nothing needed, so no message.
    AgendaEntry::read_stored(r, 0, "")
}

/// A starred session's level, its one field that is not text.
fn read_level(e: &mut AgendaEntry, r: &mut Reader, key: &str) -> Result<bool, JsonError> {
    if key != "level" {
        return Ok(false);
    }
    e.level = r.one_of(&[Level::Must, Level::Maybe], Level::as_str, key)?;
    Ok(true)
}

/// A stored own entry: its title, start and end are needed.
fn read_own(r: &mut Reader) -> Result<OwnEntry, JsonError> {
    OwnEntry::read_stored(
        r,
        OwnEntry::texts(&["title", "start", "end"]),
        crate::word!("an own entry without its title, start and end"),
    )
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::tests::small;

    fn starred(ids: &[&str]) -> Agenda {
        let s = small();
        let mut a = Agenda::default();
        for id in ids {
            assert!(a.add(&s, s.session(id).unwrap(), "2017-10-26T08:00:00Z"));
        }
        a
    }

    #[test]
    fn add_remove_and_order() {
        let s = small();
        let mut a = starred(&["s3", "s1"]);
        assert_eq!(a.len(), 2);
        assert!(a.contains("s1") && a.contains("s3") && !a.contains("s2"));
        // Time order, whatever the order of starring.
        let order: Vec<&str> = a
            .scheduled(&s)
            .into_iter()
            .map(|i| s.sessions[i].id.as_str())
            .collect();
        assert_eq!(order, ["s1", "s3"]);
        assert!(
            !a.add(&s, s.session("s1").unwrap(), "later"),
            "no duplicates"
        );
        let removed = a.remove("s1").unwrap();
        assert_eq!(removed.title, "First");
        assert!(!a.contains("s1"));
        assert_eq!(a.remove("s1"), None);
        a.restore("s1".into(), removed);
        assert!(a.contains("s1"));
    }

    #[test]
    fn keeps_last_known_facts() {
        let a = starred(&["s2"]);
        let e = a.entry("s2").unwrap();
        assert_eq!(e.title, "Second");
        assert_eq!(e.room, "Room A");
        assert_eq!(e.start, "2017-10-26T11:00:00+02:00");
        assert_eq!(e.level, Level::Must);
    }

    #[test]
    fn stored_form_round_trips() {
        let a = starred(&["s1", "s2"]);
        let json = a.to_json();
        assert!(
            json.starts_with(r#"{"v":3,"entries":{"s1":{"level":"must""#),
            "{json}"
        );
        assert_eq!(Agenda::from_json(&json).unwrap(), a);
    }

    #[test]
    fn rejects_corrupt_and_future_values() {
        for bad in [
            "",
            "not json",
            "[]",
            "{}",
            r#"{"v":"1"}"#,
            r#"{"v":1}"#,
            r#"{"v":1,"entries":[1]}"#,
            r#"{"v":0,"entries":{}}"#,
            r#"{"v":2,"entries":{}} x"#,
            r#"{"v":2,"entries":{"a":{"level":"often"}}}"#,
            r#"{"v":2,"entries":{"a":{"title":null}}}"#,
            r#"{"v":2,"entries":{},"own":{"x":{"start":"a","end":"b"}}}"#,
            r#"{"v":2,"entries":{},"own":null}"#,
            r#"{"v":3,"v":2,"entries":{}}"#,
            r#"{"v":2,"entries":{"a":{}},"entries":{}}"#,
            r#"{"v":2,"entries":{},"own":{},"own":{}}"#,
            r#"{"v":3,"entries":{},"follows":{"session:x":{}}}"#,
            r#"{"v":3,"entries":{},"follows":{"track:x":{"name":1}}}"#,
            r#"{"v":3,"entries":{},"follows":[]}"#,
            r#"{"v":3,"entries":{},"follows":{},"follows":{}}"#,
        ] {
            assert!(
                matches!(Agenda::from_json(bad), Err(StoredAgendaError::Corrupt(_))),
                "{bad}"
            );
        }
        assert_eq!(
            Agenda::from_json(r#"{"v":4,"entries":{}}"#),
            Err(StoredAgendaError::FutureVersion(4))
        );
        assert!(matches!(
            Agenda::from_json(r#"{"v":2,"entries":{},"own":{"x":{"title":1}}}"#),
            Err(StoredAgendaError::Corrupt(_))
        ));
        // The reason names the place.
        let Err(StoredAgendaError::Corrupt(why)) =
            Agenda::from_json("{\"v\":2,\n\"entries\":{\"a\":{\"level\":\"often\"}}}")
        else {
            panic!("read an unknown level");
        };
        assert!(why.contains("line 2 column"), "{why}");
        // A foreign value nested without end is refused, not a crash.
        let deep = format!("{{\"v\":2,\"entries\":{}", "[".repeat(100_000));
        assert!(matches!(
            Agenda::from_json(&deep),
            Err(StoredAgendaError::Corrupt(why)) if why.contains("levels deep")
        ));
    }

    /// The stored form, byte for byte as the serde-derived code wrote it
    /// (values stored by earlier versions read as the same agenda; this
    /// one adds the version and the follows).
    #[test]
    fn writes_the_stored_form_of_earlier_versions() {
        let mut a = Agenda::default();
        a.apply(&AgendaChange::Put {
            id: "s1".into(),
            entry: AgendaEntry {
                level: Level::Maybe,
                title: "T \"q\"\n".into(),
                start: "S".into(),
                end: "E".into(),
                room: "R".into(),
                added: "A".into(),
            },
        });
        a.apply(&AgendaChange::PutOwn {
            id: "o1".into(),
            entry: OwnEntry {
                title: "L".into(),
                start: "S2".into(),
                end: "E2".into(),
                place: "P".into(),
                added: "A2".into(),
            },
        });
        let json = r#"{"v":2,"entries":{"s1":{"level":"maybe","title":"T \"q\"\n","start":"S","end":"E","room":"R","added":"A"}},"own":{"o1":{"title":"L","start":"S2","end":"E2","place":"P","added":"A2"}}}"#;
        assert_eq!(Agenda::from_json(json).unwrap(), a);
        let now = r#"{"v":3,"entries":{"s1":{"level":"maybe","title":"T \"q\"\n","start":"S","end":"E","room":"R","added":"A"}},"own":{"o1":{"title":"L","start":"S2","end":"E2","place":"P","added":"A2"}},"follows":{}}"#;
        assert_eq!(a.to_json(), now);
    }

    #[test]
    fn a_stored_value_reads_past_keys_it_does_not_know() {
        let json = r#" {"note":{"a":[1,{"b":null}]},"entries":{"s1":{"level":"maybe","title":"T","extra":true}},
            "own":{"o":{"title":"Lunch","start":"2017-10-26T11:20:00+02:00","end":"2017-10-26T12:30:00+02:00"}},"v":2} "#;
        let a = Agenda::from_json(json).unwrap();
        assert_eq!(a.entry("s1").unwrap().level, Level::Maybe);
        assert_eq!(a.entry("s1").unwrap().title, "T");
        assert_eq!(a.entry("s1").unwrap().room, "");
        let own: Vec<_> = a.own().collect();
        assert_eq!(own.len(), 1);
        assert_eq!(own[0].1.title, "Lunch");
        assert_eq!(own[0].1.place, "");
    }

    fn t(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        crate::model::time::parse_instant(s)
    }

    fn lunch() -> OwnEntry {
        OwnEntry::new(
            " Lunch with Ana ",
            t("2017-10-26T11:20:00+02:00"),
            t("2017-10-26T12:30:00+02:00"),
            "Hall B",
            "now",
        )
        .unwrap()
    }

    #[test]
    fn a_version_1_value_migrates_to_version_2_and_loses_nothing() {
        let v1 = r#"{"v":1,"entries":{"s1":{"level":"maybe","title":"First","start":"2017-10-26T09:00:00+02:00","end":"2017-10-26T09:30:00+02:00","room":"Room B","added":"x"},
            "gone":{"level":"must","title":"Vanished","start":"","end":"","room":"","added":""}}}"#;
        let a = Agenda::from_json(v1).unwrap();
        assert_eq!(a.ids().collect::<Vec<_>>(), ["gone", "s1"]);
        assert_eq!(a.entry("s1").unwrap().level, Level::Maybe);
        assert_eq!(a.own().count(), 0);
        let v3 = a.to_json();
        assert!(v3.starts_with(r#"{"v":3,"#), "{v3}");
        let back = Agenda::from_json(&v3).unwrap();
        assert_eq!(back, a);
        assert_eq!(back.entry("gone").unwrap().title, "Vanished");
    }

    #[test]
    fn follows_are_toggled_stored_merged_and_cover_their_sessions() {
        use crate::model::follow::FollowKind;
        let s = small();
        let track = Followed::new(FollowKind::Track, &s.tracks[0].id);
        let mut a = starred(&["s1"]);
        let change = a.follow_change(&s, &track, "2017-10-26T08:00:00Z").unwrap();
        assert!(
            matches!(&change, AgendaChange::Follow { entry, .. } if entry.name == s.tracks[0].name)
        );
        a.apply(&change);
        assert!(a.is_following(&track));
        // Its sessions are followed; others are not.
        let in_track: Vec<usize> = (0..s.sessions.len())
            .filter(|&i| s.sessions[i].track == Some(0))
            .collect();
        assert!(!in_track.is_empty());
        assert_eq!(track.sessions(&s), in_track);
        // Stored and read back, with the follow.
        let json = a.to_json();
        assert!(
            json.contains(&format!(r#""follows":{{"track:{}":{{"name":"#, track.id)),
            "{json}"
        );
        assert_eq!(Agenda::from_json(&json).unwrap(), a);
        // Another tab's or an import's follows merge; none is removed.
        let mut other = Agenda::default();
        let speaker = Followed::new(FollowKind::Speaker, &s.speakers[0].id);
        other.apply(&other.follow_change(&s, &speaker, "x").unwrap());
        other.apply(&other.follow_change(&s, &track, "y").unwrap());
        let merged = a.merge_changes(&other);
        assert_eq!(merged.len(), 1, "{merged:?}");
        merged.iter().for_each(|c| a.apply(c));
        assert!(a.is_following(&speaker) && a.is_following(&track));
        // Toggled off; a thing the schedule lacks cannot be followed.
        a.apply(&a.follow_change(&s, &track, "z").unwrap());
        assert!(!a.is_following(&track));
        let ghost = Followed::new(FollowKind::Room, "no-such-room");
        assert_eq!(a.follow_change(&s, &ghost, "z"), None);
        assert_eq!(a.follows().count(), 1);
        let mut only = Agenda::default();
        only.apply(&only.follow_change(&s, &speaker, "x").unwrap());
        assert!(!only.is_empty());
    }

    #[test]
    fn what_an_older_app_dropped_is_put_back_and_an_unfollow_stands() {
        use crate::model::follow::FollowKind;
        let s = small();
        let track = Followed::new(FollowKind::Track, &s.tracks[0].id);
        let mut mine = starred(&["s1"]);
        mine.apply(&mine.follow_change(&s, &track, "x").unwrap());
        // An older tab wrote version 2: its stars, no follows.
        let (theirs, v) = Agenda::from_json_versioned(
            r#"{"v":2,"entries":{"s2":{"level":"must","title":"Second"}},"own":{}}"#,
        )
        .unwrap();
        assert_eq!(v, 2);
        let back = theirs.dropped_by_older_app(v, &mine);
        assert!(
            matches!(&back[..], [AgendaChange::Put { id, .. }, AgendaChange::Follow { followed, .. }] if id == "s1" && *followed == track),
            "{back:?}"
        );
        // A tab of this version that unfollowed: nothing is put back.
        let (unfollowed, v3) = Agenda::from_json_versioned(&starred(&["s1"]).to_json()).unwrap();
        assert_eq!(v3, AGENDA_VERSION);
        assert!(unfollowed.dropped_by_older_app(v3, &mine).is_empty());
    }

    #[test]
    fn own_entries_are_checked_stored_and_merged() {
        let e = lunch();
        assert_eq!(
            (e.title.as_str(), e.place.as_str()),
            ("Lunch with Ana", "Hall B")
        );
        let err = |title, a, b| OwnEntry::new(title, t(a), t(b), "", "").err();
        assert_eq!(
            err(" ", "2017-10-26T11:00:00Z", "2017-10-26T12:00:00Z"),
            Some(OwnEntryError::NoTitle)
        );
        assert_eq!(
            err("X", "2017-10-26T11:00:00Z", "2017-10-26T10:00:00Z"),
            Some(OwnEntryError::EndsBeforeStart)
        );
        assert_eq!(
            err("X", "2017-10-26T11:00:00Z", "2017-11-26T10:00:00Z"),
            Some(OwnEntryError::TooLong)
        );
        assert_eq!(
            err("X", "", "2017-10-26T10:00:00Z"),
            Some(OwnEntryError::BadTime)
        );
        let mut a = starred(&["s2"]);
        let id = a.new_own_id(1_508_000_000_000);
        assert!(id.starts_with(OWN_ID_PREFIX));
        a.apply(&AgendaChange::PutOwn {
            id: id.clone(),
            entry: e.clone(),
        });
        assert_ne!(a.new_own_id(1_508_000_000_000), id, "ids stay unique");
        let back = Agenda::from_json(&a.to_json()).unwrap();
        assert_eq!(back.own_entry(&id), Some(&e));
        // Importing the same entry again adds nothing; a new one is added.
        assert!(a.merge_changes(&back).is_empty());
        let mut other = Agenda::default();
        other.apply(&AgendaChange::PutOwn {
            id: id.clone(),
            entry: OwnEntry {
                title: "Booth duty".into(),
                ..e.clone()
            },
        });
        let changes = a.merge_changes(&other);
        assert_eq!(changes.len(), 1);
        assert!(matches!(&changes[0], AgendaChange::PutOwn { id: new, .. } if *new != id));
        a.apply(&AgendaChange::RemoveOwn { id: id.clone() });
        assert_eq!(a.own_entry(&id), None);
    }

    #[test]
    fn the_plan_puts_own_entries_beside_starred_sessions_for_clashes_and_free_time() {
        let s = small();
        // s2 runs 11:00–11:40 in Room A; lunch 11:20–12:30 overlaps it.
        let mut a = starred(&["s1", "s2"]);
        a.apply(&AgendaChange::PutOwn {
            id: "own-x".into(),
            entry: lunch(),
        });
        let plan = a.plan(&s).unwrap();
        let ids: Vec<&str> = plan.sessions.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "own-x"]);
        let own = plan.session("own-x").unwrap();
        assert_eq!(
            (own.kind, plan.room_name(own)),
            (SessionKind::Own, "Hall B")
        );
        assert_eq!(plan.room_name(plan.session("s2").unwrap()), "Room A");
        let all: Vec<usize> = (0..plan.sessions.len()).collect();
        let clashes = crate::model::plan::clash_groups(&plan, &all);
        assert_eq!(clashes, vec![vec![1, 2]]);
        assert_eq!(Agenda::default().plan(&s).map(|p| p.sessions.len()), None);
    }

    #[test]
    fn missing_sessions_are_listed_with_last_known_title() {
        let s = small();
        let json = r#"{"v":1,"entries":{"s1":{"level":"must","title":"First","start":"2017-10-26T09:00:00+02:00","end":"","room":"","added":""},
            "gone":{"level":"maybe","title":"Vanished talk","start":"2017-10-26T15:00:00+02:00","end":"","room":"Room Z","added":""}}}"#;
        let a = Agenda::from_json(json).unwrap();
        assert_eq!(a.scheduled(&s), vec![0]);
        let missing = a.missing(&s);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].0, "gone");
        assert_eq!(missing[0].1.title, "Vanished talk");
        assert_eq!(missing[0].1.level, Level::Maybe);
    }

    #[test]
    fn concurrent_changes_from_two_tabs_merge() {
        let s = small();
        let stored = starred(&["s1"]);
        // Tab A stars s2, tab B stars s3 and unstars s1, both from the same stored value.
        let mut tab_a = stored.clone();
        let a_change = tab_a.toggle_change(&s, s.session("s2").unwrap(), "t");
        tab_a.apply(&a_change);
        let mut tab_b = stored.clone();
        let b_changes = [
            tab_b.toggle_change(&s, s.session("s3").unwrap(), "t"),
            tab_b.toggle_change(&s, s.session("s1").unwrap(), "t"),
        ];
        for c in &b_changes {
            tab_b.apply(c);
        }
        // B writes first; A then applies its change to what B stored.
        let mut merged = Agenda::from_json(&tab_b.to_json()).unwrap();
        merged.apply(&a_change);
        let ids: Vec<&str> = merged.ids().collect();
        assert_eq!(ids, ["s2", "s3"]);
    }

    #[test]
    fn detects_moved_and_renamed_sessions_and_acknowledges_them() {
        let s = small();
        let json = r#"{"v":1,"entries":{
            "s1":{"level":"maybe","title":"First","start":"2017-10-26T08:00:00+01:00","end":"2017-10-26T08:30:00+01:00","room":"Room B","added":"x"},
            "s2":{"level":"must","title":"Old name","start":"2017-10-26T11:00:00+02:00","end":"2017-10-26T11:40:00+02:00","room":"Room A","added":"y"},
            "s3":{"level":"must","title":"Third","start":"2017-10-27T09:00:00+02:00","end":"2017-10-27T10:40:00+02:00","room":"Room A","added":"z"}}}"#;
        let mut a = Agenda::from_json(json).unwrap();
        // s1 is the same instant written in another offset: not a change.
        let changed: Vec<&str> = a
            .changed(&s)
            .iter()
            .map(|c| s.sessions[c.index].id.as_str())
            .collect();
        assert_eq!(changed, ["s2", "s3"]);
        let c = a.changed(&s).remove(1);
        assert_eq!(c.was.start, "2017-10-27T09:00:00+02:00");
        let ack = a.acknowledge_change(&s, s.session("s3").unwrap()).unwrap();
        a.apply(&ack);
        assert_eq!(a.changed(&s).len(), 1);
        assert_eq!(a.entry("s3").unwrap().added, "z", "star time kept");
        assert_eq!(a.entry("s3").unwrap().start, "2017-10-27T10:00:00+02:00");
    }

    #[test]
    fn import_merge_adds_and_never_removes() {
        let s = small();
        let mine = starred(&["s1"]);
        let theirs = starred(&["s1", "s3"]);
        let changes = mine.merge_changes(&theirs);
        assert_eq!(changes.len(), 1);
        let mut merged = mine.clone();
        changes.iter().for_each(|c| merged.apply(c));
        assert_eq!(merged.ids().collect::<Vec<_>>(), ["s1", "s3"]);
        assert_eq!(
            merged.levels(&s),
            vec![
                ("s1".to_string(), Level::Must),
                ("s3".to_string(), Level::Must)
            ]
        );
    }

    #[test]
    fn level_changes_keep_the_rest() {
        let mut a = starred(&["s1"]);
        let before = a.entry("s1").unwrap().clone();
        let c = a.level_change("s1", Level::Maybe).unwrap();
        a.apply(&c);
        let after = a.entry("s1").unwrap();
        assert_eq!(after.level, Level::Maybe);
        assert_eq!(after.title, before.title);
        assert_eq!(after.added, before.added);
        assert_eq!(a.level_change("nope", Level::Must), None);
        // The stored form carries the level.
        assert!(a.to_json().contains(r#""level":"maybe""#));
    }

    #[test]
    fn keys_are_per_conference() {
        assert_eq!(
            agenda_key("mesoscon-eu-2017"),
            "schedule-viewer/agenda/mesoscon-eu-2017"
        );
        assert_eq!(
            backup_key("c", "2017-10-26T08:00:00Z"),
            "schedule-viewer/backup/c/2017-10-26T08:00:00Z"
        );
    }
}
