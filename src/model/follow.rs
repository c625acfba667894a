//! Following a track, a speaker or a room: which sessions each covers, now
//! and as last seen, and which schedule changes concern what one follows.
//! The follows themselves are kept in the agenda ([`super::agenda::Agenda`]),
//! so they share its storage, merging and guarantees.

use super::changes::{Change, SnapshotSession};
use super::route::Route;
use super::schedule::{Schedule, Session};
use super::words::tr;
use crate::trn;

/// What can be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FollowKind {
    Track,
    Speaker,
    Room,
}

impl FollowKind {
    /// Every kind, in the order My agenda lists them.
    pub const ALL: [FollowKind; 3] = [Self::Track, Self::Speaker, Self::Room];

    /// Its word in the stored key and the share link ("track").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Track => "track",
            Self::Speaker => "speaker",
            Self::Room => "room",
        }
    }

    /// The kind stored under this word (also a list filter's URL key:
    /// "track", "room").
    pub fn from_word(word: &str) -> Option<FollowKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == word)
    }

    /// Its word before a name ("Track: Ops").
    pub fn label(self) -> &'static str {
        match self {
            Self::Track => tr("Track"),
            Self::Speaker => tr("Speaker"),
            Self::Room => tr("Room"),
        }
    }

    /// Its letter in a share link.
    pub fn letter(self) -> char {
        self.as_str().chars().next().unwrap_or('?')
    }
}

/// One thing followed: its kind and its id (the URL slug).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Followed {
    pub kind: FollowKind,
    pub id: String,
}

/// What is remembered of a followed thing: its name when last seen (to name
/// it once the schedule no longer has it) and when it was followed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowEntry {
    pub name: String,
    /// RFC 3339, UTC.
    pub added: String,
}

impl Followed {
    pub fn new(kind: FollowKind, id: &str) -> Followed {
        Followed {
            kind,
            id: id.to_string(),
        }
    }

    /// Its stored key: `<kind>:<id>` ("track:devops").
    pub fn key(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.id)
    }

    /// The followed thing of a stored key; None for one of no known kind.
    pub fn from_key(key: &str) -> Option<Followed> {
        let (kind, id) = key.split_once(':')?;
        let kind = FollowKind::from_word(kind)?;
        (!id.is_empty()).then(|| Followed::new(kind, id))
    }

    /// Its position among the schedule's tracks, speakers or rooms.
    pub fn index(&self, schedule: &Schedule) -> Option<usize> {
        match self.kind {
            FollowKind::Track => schedule.track_by_id(&self.id),
            FollowKind::Speaker => schedule.speaker_by_id(&self.id),
            FollowKind::Room => schedule.room_by_id(&self.id),
        }
    }

    /// Its name in the schedule, if the schedule has it.
    pub fn name<'a>(&self, schedule: &'a Schedule) -> Option<&'a str> {
        let i = self.index(schedule)?;
        Some(match self.kind {
            FollowKind::Track => schedule.tracks[i].name.as_str(),
            FollowKind::Speaker => schedule.speakers[i].name.as_str(),
            FollowKind::Room => schedule.rooms[i].name.as_str(),
        })
    }

    /// Its name as the schedule has it, else as remembered (it has left
    /// the schedule).
    pub fn display_name(&self, schedule: &Schedule, entry: &FollowEntry) -> String {
        self.name(schedule).unwrap_or(&entry.name).to_string()
    }

    /// Its page.
    pub fn route(&self) -> Route {
        match self.kind {
            FollowKind::Track => Route::Track(self.id.clone()),
            FollowKind::Speaker => Route::Speaker(self.id.clone()),
            FollowKind::Room => Route::Room(self.id.clone()),
        }
    }

    /// Whether a session of the schedule is in it.
    pub fn covers(&self, schedule: &Schedule, session: &Session) -> bool {
        self.index(schedule)
            .is_some_and(|i| covers_at(self.kind, i, session))
    }

    /// Whether a session as last seen was in it; `name` is the followed
    /// room's name as remembered (a snapshot names rooms, not their ids).
    pub fn covered(&self, was: &SnapshotSession, name: &str) -> bool {
        match self.kind {
            FollowKind::Track => was.track == self.id,
            FollowKind::Speaker => was.speaker_ids().any(|s| s == self.id),
            FollowKind::Room => !was.room.is_empty() && was.room == name,
        }
    }

    /// Its sessions, in schedule (time) order.
    pub fn sessions(&self, schedule: &Schedule) -> Vec<usize> {
        let Some(at) = self.index(schedule) else {
            return Vec::new();
        };
        match self.kind {
            FollowKind::Speaker => schedule.sessions_of_speaker(at).to_vec(),
            FollowKind::Room => schedule.sessions_in_room(at),
            FollowKind::Track => (0..schedule.sessions.len())
                .filter(|&i| covers_at(self.kind, at, &schedule.sessions[i]))
                .collect(),
        }
    }

    /// Its sessions that have not ended at `now`, in time order.
    pub fn upcoming(&self, schedule: &Schedule, now: super::time::Instant) -> Vec<usize> {
        let mut found = self.sessions(schedule);
        found.retain(|&i| schedule.sessions[i].end > now);
        found
    }
}

/// What an import or a shared agenda's "Add all" says of the follows it
/// added, after the sessions: "; now following 2 more", or nothing.
pub fn now_following(added: usize) -> String {
    match added {
        0 => String::new(),
        n => trn!("; now following {n} more", "; now following {n} more", n),
    }
}

/// Whether a session is in the track, speaker or room at position `index`
/// of the schedule's list of its kind.
pub fn covers_at(kind: FollowKind, index: usize, session: &Session) -> bool {
    match kind {
        FollowKind::Track => session.track == Some(index),
        FollowKind::Speaker => session.speakers.contains(&index),
        FollowKind::Room => session.room == Some(index),
    }
}

/// The followed things a change concerns: a new session in one of them, a
/// moved one that is in one now or was before, a cancelled one that was.
/// A renamed session is listed, but concerns no follow (nothing moved).
pub fn concerned<'a>(
    change: &Change,
    schedule: &Schedule,
    follows: impl IntoIterator<Item = (&'a Followed, &'a FollowEntry)>,
) -> Vec<&'a Followed> {
    let now = schedule.session(change.id());
    follows
        .into_iter()
        .filter(|(f, e)| match change {
            Change::Added { .. } => now.is_some_and(|s| f.covers(schedule, s)),
            Change::Moved { was, .. } => {
                now.is_some_and(|s| f.covers(schedule, s))
                    || f.covered(was, &f.display_name(schedule, e))
            }
            Change::Removed { was } => f.covered(was, &f.display_name(schedule, e)),
            Change::Renamed { .. } => false,
        })
        .map(|(f, _)| f)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::changes::{diff, Snapshot};
    use crate::model::schedule::parse_schedule;

    const BEFORE: &str = r#"{"version":1,"conference":{"id":"c","title":"C"},
      "tracks":[{"id":"ops","name":"Ops"},{"id":"dev","name":"Dev"}],
      "rooms":[{"id":"a","name":"Hall A"},{"id":"b","name":"Hall B"}],
      "speakers":[{"id":"ana","name":"Ana"},{"id":"bo","name":"Bo"}],
      "sessions":[
        {"id":"s1","title":"One","start":"2020-01-01T09:00:00+01:00","end":"2020-01-01T10:00:00+01:00","room":"a","track":"ops","speakers":["ana"]},
        {"id":"s2","title":"Two","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","room":"b","track":"dev","speakers":["bo"]},
        {"id":"s3","title":"Three","start":"2020-01-01T11:00:00+01:00","end":"2020-01-01T12:00:00+01:00","room":"b","track":"dev","speakers":["bo"]}]}"#;
    const AFTER: &str = r#"{"version":1,"conference":{"id":"c","title":"C"},
      "tracks":[{"id":"ops","name":"Ops"},{"id":"dev","name":"Dev"}],
      "rooms":[{"id":"a","name":"Hall A"},{"id":"b","name":"Hall B"}],
      "speakers":[{"id":"ana","name":"Ana"},{"id":"bo","name":"Bo"}],
      "sessions":[
        {"id":"s1","title":"One","start":"2020-01-01T09:00:00+01:00","end":"2020-01-01T10:00:00+01:00","room":"a","track":"ops","speakers":["ana"]},
        {"id":"s2","title":"Two","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","room":"a","track":"dev","speakers":["bo"]},
        {"id":"s4","title":"Four","start":"2020-01-01T15:00:00+01:00","end":"2020-01-01T16:00:00+01:00","room":"b","track":"ops","speakers":["ana","bo"]}]}"#;

    fn entry(name: &str) -> FollowEntry {
        FollowEntry {
            name: name.into(),
            added: String::new(),
        }
    }

    #[test]
    fn what_an_import_adds_is_worded_once() {
        assert_eq!(now_following(0), "");
        assert_eq!(now_following(2), "; now following 2 more");
    }

    #[test]
    fn a_key_round_trips_and_a_foreign_one_is_refused() {
        let f = Followed::new(FollowKind::Speaker, "jörg:x");
        assert_eq!(f.key(), "speaker:jörg:x");
        assert_eq!(Followed::from_key(&f.key()), Some(f));
        assert_eq!(Followed::from_key("session:x"), None);
        assert_eq!(Followed::from_key("track:"), None);
        assert_eq!(Followed::from_key("track"), None);
    }

    #[test]
    fn each_kind_covers_its_sessions() {
        let s = parse_schedule(BEFORE).unwrap();
        let ids = |f: Followed| -> Vec<String> {
            f.sessions(&s)
                .iter()
                .map(|&i| s.sessions[i].id.clone())
                .collect()
        };
        assert_eq!(ids(Followed::new(FollowKind::Track, "dev")), ["s2", "s3"]);
        assert_eq!(ids(Followed::new(FollowKind::Speaker, "ana")), ["s1"]);
        assert_eq!(ids(Followed::new(FollowKind::Room, "b")), ["s2", "s3"]);
        assert!(ids(Followed::new(FollowKind::Room, "gone")).is_empty());
        // Upcoming: not yet ended (one on now counts).
        let at = crate::model::time::parse_instant("2020-01-01T10:30:00+01:00").unwrap();
        let upcoming = Followed::new(FollowKind::Room, "b").upcoming(&s, at);
        let upcoming: Vec<&str> = upcoming
            .iter()
            .map(|&i| s.sessions[i].id.as_str())
            .collect();
        assert_eq!(upcoming, ["s2", "s3"]);
        let later = crate::model::time::parse_instant("2020-01-01T11:00:00+01:00").unwrap();
        assert_eq!(
            Followed::new(FollowKind::Room, "b")
                .upcoming(&s, later)
                .len(),
            1
        );
        let room = Followed::new(FollowKind::Room, "b");
        assert_eq!(room.name(&s), Some("Hall B"));
        assert_eq!(room.route(), Route::Room("b".into()));
    }

    #[test]
    fn changes_concern_what_was_or_is_followed() {
        let before = parse_schedule(BEFORE).unwrap();
        let after = parse_schedule(AFTER).unwrap();
        let changes = diff(&Snapshot::of(&before), &after, |_| false);
        let follows = [
            (Followed::new(FollowKind::Track, "ops"), entry("Ops")),
            (Followed::new(FollowKind::Room, "b"), entry("Hall B")),
            (Followed::new(FollowKind::Speaker, "bo"), entry("Bo")),
        ];
        let seen: Vec<String> = changes
            .iter()
            .map(|c| {
                let keys: Vec<String> = concerned(c, &after, follows.iter().map(|(f, e)| (f, e)))
                    .iter()
                    .map(|f| f.key())
                    .collect();
                format!("{} {}", c.id(), keys.join(","))
            })
            .collect();
        assert_eq!(
            seen,
            [
                // Moved out of Hall B: it was in the followed room.
                "s2 room:b,speaker:bo",
                // New, in Ops, in Hall B and by Bo.
                "s4 track:ops,room:b,speaker:bo",
                // Cancelled: it was in Hall B and by Bo.
                "s3 room:b,speaker:bo",
            ]
        );
        let none: [(Followed, FollowEntry); 0] = [];
        assert!(concerned(&changes[0], &after, none.iter().map(|(f, e)| (f, e))).is_empty());
    }
}
