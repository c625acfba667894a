//! The personal agenda: starred session ids with the last known facts about
//! each, and its stored form (`schedule-viewer/agenda/<conference id>`,
//! `{"v": 1, "entries": {"<id>": {...}}}`, see DECISIONS.md).
//!
//! The id is the key; title, times and room are kept beside it so that a
//! session that moved or vanished from a later schedule can still be named.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::schedule::{Schedule, Session};

/// Current version of the stored agenda.
pub const AGENDA_VERSION: u64 = 1;

/// The localStorage key of a conference's agenda.
pub fn agenda_key(conference_id: &str) -> String {
    format!("schedule-viewer/agenda/{conference_id}")
}

/// The localStorage key an unreadable agenda value is copied to.
pub fn backup_key(conference_id: &str, timestamp: &str) -> String {
    format!("schedule-viewer/backup/{conference_id}/{timestamp}")
}

/// How much the user wants to attend a starred session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    Must,
    Maybe,
}

/// What we remember about a starred session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaEntry {
    /// Must or maybe.
    #[serde(default)]
    pub level: Level,
    /// The session's title when last seen.
    #[serde(default)]
    pub title: String,
    /// RFC 3339, as in the schedule.
    #[serde(default)]
    pub start: String,
    /// RFC 3339, as in the schedule.
    #[serde(default)]
    pub end: String,
    /// The room's name when last seen.
    #[serde(default)]
    pub room: String,
    /// When it was starred (RFC 3339, UTC).
    #[serde(default)]
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
}

/// A starred session whose time, room or title changed since it was starred.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedSession {
    /// Its position in the schedule now.
    pub index: usize,
    /// What the agenda remembered of it.
    pub was: AgendaEntry,
}

/// The starred sessions of one conference, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    entries: BTreeMap<String, AgendaEntry>,
}

#[derive(Serialize, Deserialize)]
struct StoredAgenda {
    v: u64,
    entries: BTreeMap<String, AgendaEntry>,
}

/// Why a stored agenda could not be read. The value is then kept aside, never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredAgendaError {
    /// Not JSON, or not an agenda.
    Corrupt(String),
    /// Written by a newer version of the app.
    FutureVersion(u64),
}

impl fmt::Display for StoredAgendaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Corrupt(why) => write!(f, "the saved agenda could not be read ({why})"),
            Self::FutureVersion(v) => write!(
                f,
                "the saved agenda was written by a newer version of this app (format {v})"
            ),
        }
    }
}

impl Agenda {
    /// How many sessions are starred.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is starred.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
        }
    }

    /// Starred sessions whose start, end, room or title differ from what was remembered.
    pub fn changed(&self, schedule: &Schedule) -> Vec<ChangedSession> {
        let mut out: Vec<ChangedSession> = self
            .entries
            .iter()
            .filter_map(|(id, was)| {
                let index = schedule.session_position(id)?;
                let now = &schedule.sessions[index];
                let same_time = |stored: &str, t: &chrono::DateTime<chrono::FixedOffset>| {
                    chrono::DateTime::parse_from_rfc3339(stored).is_ok_and(|s| s == *t)
                };
                let same = same_time(&was.start, &now.start)
                    && same_time(&was.end, &now.end)
                    && was.title == now.title
                    && was.room == schedule.room_name(now);
                (!same).then(|| ChangedSession {
                    index,
                    was: was.clone(),
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

    /// Changes that add every entry of `other` not already here (an import never removes).
    pub fn merge_changes(&self, other: &Agenda) -> Vec<AgendaChange> {
        other
            .entries
            .iter()
            .filter(|(id, _)| !self.contains(id))
            .map(|(id, entry)| AgendaChange::Put {
                id: id.clone(),
                entry: entry.clone(),
            })
            .collect()
    }

    /// The stored form (`{"v": 1, "entries": {…}}`).
    pub fn to_json(&self) -> String {
        let stored = StoredAgenda {
            v: AGENDA_VERSION,
            entries: self.entries.clone(),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Read a stored agenda. Only a well-formed value of a version we know is accepted.
    pub fn from_json(text: &str) -> Result<Agenda, StoredAgendaError> {
        // The version first: a newer format may not parse as this one.
        #[derive(Deserialize)]
        struct Probe {
            v: Option<u64>,
        }
        let probe: Probe =
            serde_json::from_str(text).map_err(|e| StoredAgendaError::Corrupt(e.to_string()))?;
        let version = probe
            .v
            .ok_or_else(|| StoredAgendaError::Corrupt("no format version".into()))?;
        if version > AGENDA_VERSION {
            return Err(StoredAgendaError::FutureVersion(version));
        }
        if version != AGENDA_VERSION {
            return Err(StoredAgendaError::Corrupt(format!(
                "unknown format version {version}"
            )));
        }
        let stored: StoredAgenda =
            serde_json::from_str(text).map_err(|e| StoredAgendaError::Corrupt(e.to_string()))?;
        Ok(Agenda {
            entries: stored.entries,
        })
    }
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
            json.starts_with(r#"{"v":1,"entries":{"s1":{"level":"must""#),
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
        ] {
            assert!(
                matches!(Agenda::from_json(bad), Err(StoredAgendaError::Corrupt(_))),
                "{bad}"
            );
        }
        assert_eq!(
            Agenda::from_json(r#"{"v":2,"entries":{}}"#),
            Err(StoredAgendaError::FutureVersion(2))
        );
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
