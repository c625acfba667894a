//! "What changed since you last looked": a compact snapshot of a schedule
//! (ids, titles, times, rooms; no abstracts) and the diff of a newer schedule
//! against it, by session id.

use super::json::{self, stored_texts, JsonError, Reader};
use super::schedule::{Schedule, Session};
use super::time::{day_and_clock, parse_instant, Instant};
use crate::trf;

/// Where the last seen schedule of a conference is kept (a Cache Storage URL).
pub fn snapshot_cache_key(conference_id: &str) -> String {
    format!("/snapshots/{}", super::url::encode(conference_id))
}

// A stored session's fields, in their written order.
stored_texts!(SnapshotSession: "id" => id, "title" => title, "start" => start, "end" => end, "room" => room, "track" => track, "speakers" => speakers);

/// One session as last seen: enough to name what changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnapshotSession {
    /// Session id.
    pub id: String,
    /// Title as last seen.
    pub title: String,
    /// Start as last seen (RFC 3339).
    pub start: String,
    /// End as last seen (RFC 3339).
    pub end: String,
    /// Room name as last seen.
    pub room: String,
    /// Track id as last seen ("" for none; a snapshot written before
    /// following existed has none).
    pub track: String,
    /// Speaker ids as last seen, one per line.
    pub speakers: String,
}

/// The schedule as the user last saw it (kept in the Cache Storage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Format version (1).
    pub v: u32,
    /// Every session, in schedule order.
    pub sessions: Vec<SnapshotSession>,
}

impl Snapshot {
    /// The snapshot of a schedule.
    pub fn of(schedule: &Schedule) -> Snapshot {
        Snapshot {
            v: 1,
            sessions: schedule
                .sessions
                .iter()
                .map(|s| SnapshotSession {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    start: s.start.to_rfc3339(),
                    end: s.end.to_rfc3339(),
                    room: schedule.room_name(s).to_string(),
                    track: s
                        .track
                        .map(|t| schedule.tracks[t].id.clone())
                        .unwrap_or_default(),
                    speakers: s
                        .speakers
                        .iter()
                        .map(|&p| schedule.speakers[p].id.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                })
                .collect(),
        }
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        json::write(|w| {
            w.object(|w| {
                w.field("v").number(self.v.into());
                w.field("sessions").array(|w| {
                    for s in &self.sessions {
                        w.element().object(|w| s.write_texts(w))
                    }
                })
            })
        })
    }

    /// Read a stored snapshot; None if it is not one of ours.
    pub fn from_json(text: &str) -> Option<Snapshot> {
        let (snapshot, seen) = Reader::whole(text, |r| {
            r.record(|(s, seen): &mut (Snapshot, bool), r, key| {
                match key {
                    "v" => {
                        s.v = r
                            .whole_number(key)?
                            .and_then(|v| u32::try_from(v).ok())
                            .unwrap_or_default()
                    }
                    "sessions" => {
                        *seen = true;
                        r.array(&mut |r| {
                            s.sessions.push(read_session(r)?);
                            Ok(())
                        })?
                    }
                    _ => r.skip()?,
                }
                Ok(())
            })
        })
        .ok()?;
        (seen && snapshot.v == 1).then_some(snapshot)
    }
}

/// A stored session of a snapshot: every field is needed but its track and
/// speakers (added for following; an older snapshot has neither).
fn read_session(r: &mut Reader) -> Result<SnapshotSession, JsonError> {
    SnapshotSession::read_stored(
        r,
        SnapshotSession::texts(&["id", "title", "start", "end", "room"]),
        crate::word!("a session without all its fields"),
    )
}

/// One difference between the last seen schedule and this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// New in the schedule.
    Added { id: String },
    /// Gone from the schedule: what it was.
    Removed { was: SnapshotSession },
    /// Time or room changed (and maybe the title too).
    Moved { id: String, was: SnapshotSession },
    /// Same time and room, another title.
    Renamed { id: String, was: SnapshotSession },
}

impl Change {
    /// The session the change is about.
    pub fn id(&self) -> &str {
        match self {
            Change::Added { id } | Change::Moved { id, .. } | Change::Renamed { id, .. } => id,
            Change::Removed { was } => &was.id,
        }
    }

    /// Its words ([`words`]), the session as `schedule` has it now.
    pub fn words(&self, schedule: &Schedule, show: &dyn Fn(Instant) -> Instant) -> ChangeWords {
        let now = || {
            schedule
                .session(self.id())
                .map(|s| (s, schedule.room_name(s)))
        };
        match self {
            Change::Added { .. } => words(None, now(), false, show),
            Change::Removed { was } => words(Some(was.facts()), None, false, show),
            Change::Moved { was, .. } => words(Some(was.facts()), now(), true, show),
            Change::Renamed { was, .. } => words(Some(was.facts()), now(), false, show),
        }
    }
}

/// A session's facts as last seen, in their stored form (RFC 3339 times,
/// the room's name): what a snapshot and a starred session both keep.
#[derive(Clone, Copy, Debug)]
pub struct SeenFacts<'a> {
    /// Title as last seen.
    pub title: &'a str,
    /// Start as last seen.
    pub start: &'a str,
    /// End as last seen.
    pub end: &'a str,
    /// Room name as last seen ("" for none).
    pub room: &'a str,
}

impl<'a> SeenFacts<'a> {
    /// Title, start, end and room, in this order.
    pub fn of(title: &'a str, start: &'a str, end: &'a str, room: &'a str) -> Self {
        SeenFacts {
            title,
            start,
            end,
            room,
        }
    }
}

/// How a session differs from what was last seen of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Its start, end or room changed.
    pub moved: bool,
    /// Its title changed.
    pub renamed: bool,
}

/// The one "what changed" rule, for the snapshot diff and the starred
/// sessions alike: times are compared as instants (the same instant written
/// with another offset is no change; a stored time that cannot be read is
/// one), room names and titles as the page shows them (runs of white space
/// count as one space). None when nothing the user sees changed.
pub fn compare(was: SeenFacts<'_>, now: &Session, room_now: &str) -> Option<Difference> {
    let same_time = |stored: &str, t: &Instant| parse_instant(stored).is_some_and(|s| s == *t);
    let moved = !same_time(was.start, &now.start)
        || !same_time(was.end, &now.end)
        || !same_as_shown(was.room, room_now);
    let renamed = !same_as_shown(was.title, &now.title);
    (moved || renamed).then_some(Difference { moved, renamed })
}

/// Two texts read the same on the page (runs of white space count as one space).
fn same_as_shown(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// "Thu 26 Oct 15:00, Club B": when and where a session is or was, the
/// time as `show` presents it; the time alone without a room, the room
/// alone without a time.
pub fn when_and_where(
    start: Option<Instant>,
    room: &str,
    show: &dyn Fn(Instant) -> Instant,
) -> String {
    let when = start.map(|t| day_and_clock(&show(t)));
    let room = Some(room).filter(|r| !r.trim().is_empty());
    match (when, room) {
        (Some(when), Some(room)) => format!("{when}, {room}"),
        (Some(when), None) => when,
        (None, room) => room.unwrap_or_default().to_string(),
    }
}

/// The words of one change, as the changes panel, the agenda's notes and
/// the notifications all say it ([`words`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeWords {
    /// What happened to which session: "Moved: “Title”".
    pub headline: String,
    /// How it is now: "now Thu 26 Oct 15:00, Club B", "now “New title”",
    /// or for a new session where and when it is; "" once it is gone.
    pub now: String,
    /// How it was, for a moved or cancelled session: "Thu 26 Oct 10:00,
    /// Club A", its old title first if that changed too; "" otherwise.
    pub was: String,
}

impl ChangeWords {
    /// One line: "Moved: “T”, now Thu 26 Oct 15:00, Club B (was Thu 26 Oct
    /// 10:00, Club A)", "Cancelled: “T” (was Thu 26 Oct 10:00)".
    pub fn line(&self) -> String {
        let mut line = self.headline.clone();
        if !self.now.is_empty() {
            line.push_str(", ");
            line.push_str(&self.now);
        }
        if self.was.is_empty() {
            return line;
        }
        trf!("{text} (was {was})", text = line, was = self.was)
    }

    /// What follows the headline, as a sentence of its own (a notification's
    /// body): "Now Thu 26 Oct 15:00, Club B (was Thu 26 Oct 10:00, Club A)",
    /// "Was Thu 26 Oct 10:00, Club A".
    pub fn detail(&self) -> String {
        let detail = match (self.now.as_str(), self.was.as_str()) {
            (now, "") => now.to_string(),
            ("", was) => trf!("was {was}", was = was),
            (now, was) => trf!("{text} (was {was})", text = now, was = was),
        };
        let mut chars = detail.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The one wording of what changed about a session: `was` as last seen
/// (None: it is new), `now` as the schedule has it with its room's name
/// (None: it is gone), `moved` whether its time or room changed
/// ([`Difference::moved`]; otherwise only its title did), times as `show`
/// presents them.
pub fn words(
    was: Option<SeenFacts<'_>>,
    now: Option<(&Session, &str)>,
    moved: bool,
    show: &dyn Fn(Instant) -> Instant,
) -> ChangeWords {
    let place_was = |was: &SeenFacts<'_>| when_and_where(parse_instant(was.start), was.room, show);
    let place_now = |now: &Session, room: &str| when_and_where(Some(now.start), room, show);
    match (was, now) {
        (None, Some((now, room))) => ChangeWords {
            headline: trf!("New: “{title}”", title = now.title),
            now: place_now(now, room),
            was: String::new(),
        },
        (Some(was), None) => ChangeWords {
            headline: trf!("Cancelled: “{title}”", title = was.title),
            now: String::new(),
            was: place_was(&was),
        },
        (Some(was), Some((now, room))) if moved => ChangeWords {
            headline: trf!("Moved: “{title}”", title = now.title),
            now: trf!("now {place}", place = place_now(now, room)),
            was: if same_as_shown(was.title, &now.title) {
                place_was(&was)
            } else {
                trf!(
                    "“{title}”, {place}",
                    title = was.title,
                    place = place_was(&was)
                )
            },
        },
        (Some(was), Some((now, _))) => ChangeWords {
            headline: trf!("Renamed: “{title}”", title = was.title),
            now: trf!("now “{title}”", title = now.title),
            was: String::new(),
        },
        (None, None) => ChangeWords::default(),
    }
}

impl SnapshotSession {
    /// What the snapshot saw of this session.
    pub fn facts(&self) -> SeenFacts<'_> {
        SeenFacts::of(&self.title, &self.start, &self.end, &self.room)
    }

    /// The speaker ids it had.
    pub fn speaker_ids(&self) -> impl Iterator<Item = &str> {
        self.speakers.lines().filter(|id| !id.is_empty())
    }
}

/// Changes from `old` to `new`, in the new schedule's order (removed ones last),
/// with sessions for which `starred` is true first.
pub fn diff(old: &Snapshot, new: &Schedule, starred: impl Fn(&str) -> bool) -> Vec<Change> {
    let old_by_id: std::collections::HashMap<&str, &SnapshotSession> =
        old.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut changes = Vec::new();
    for s in &new.sessions {
        let found = match old_by_id.get(s.id.as_str()) {
            None => Some(Change::Added { id: s.id.clone() }),
            Some(was) => compare(was.facts(), s, new.room_name(s)).map(|d| {
                let (id, was) = (s.id.clone(), (*was).clone());
                if d.moved {
                    Change::Moved { id, was }
                } else {
                    Change::Renamed { id, was }
                }
            }),
        };
        changes.extend(found);
    }
    for was in &old.sessions {
        if new.session(&was.id).is_none() {
            changes.push(Change::Removed { was: was.clone() });
        }
    }
    // Stable: starred first, otherwise as above.
    changes.sort_by_key(|c| !starred(c.id()));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::parse_schedule;

    const V1: &str = r#"{"version":1,"conference":{"id":"c","title":"C"},"rooms":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"sessions":[
        {"id":"keep","title":"Keep","start":"2020-01-01T09:00:00+01:00","end":"2020-01-01T10:00:00+01:00","room":"a"},
        {"id":"move","title":"Move","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","room":"a"},
        {"id":"room","title":"Room","start":"2020-01-01T11:00:00+01:00","end":"2020-01-01T12:00:00+01:00","room":"a"},
        {"id":"name","title":"Old name","start":"2020-01-01T12:00:00+01:00","end":"2020-01-01T13:00:00+01:00","room":"a"},
        {"id":"gone","title":"Gone","start":"2020-01-01T13:00:00+01:00","end":"2020-01-01T14:00:00+01:00","room":"a"}]}"#;
    const V2: &str = r#"{"version":1,"conference":{"id":"c","title":"C"},"rooms":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"sessions":[
        {"id":"keep","title":"Keep","start":"2020-01-01T08:00:00Z","end":"2020-01-01T09:00:00Z","room":"a"},
        {"id":"move","title":"Move","start":"2020-01-01T15:00:00+01:00","end":"2020-01-01T16:00:00+01:00","room":"a"},
        {"id":"room","title":"Room","start":"2020-01-01T11:00:00+01:00","end":"2020-01-01T12:00:00+01:00","room":"b"},
        {"id":"name","title":"New name","start":"2020-01-01T12:00:00+01:00","end":"2020-01-01T13:00:00+01:00","room":"a"},
        {"id":"new","title":"New","start":"2020-01-01T16:00:00+01:00","end":"2020-01-01T17:00:00+01:00","room":"b"}]}"#;

    #[test]
    fn lists_added_removed_moved_and_renamed_starred_first() {
        let old = Snapshot::of(&parse_schedule(V1).unwrap());
        let new = parse_schedule(V2).unwrap();
        let changes = diff(&old, &new, |id| id == "gone" || id == "name");
        let summary: Vec<String> = changes
            .iter()
            .map(|c| match c {
                Change::Added { id } => format!("added {id}"),
                Change::Removed { was } => format!("removed {}", was.id),
                Change::Moved { id, was } => format!("moved {id} from {} {}", was.start, was.room),
                Change::Renamed { id, was } => format!("renamed {id} from {}", was.title),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "renamed name from Old name",
                "removed gone",
                "moved room from 2020-01-01T11:00:00+01:00 A",
                "moved move from 2020-01-01T10:00:00+01:00 A",
                "added new",
            ]
        );
    }

    #[test]
    fn nothing_changed_is_empty_and_snapshot_round_trips() {
        let s = parse_schedule(V1).unwrap();
        let snap = Snapshot::of(&s);
        assert!(diff(&snap, &s, |_| false).is_empty());
        assert_eq!(Snapshot::from_json(&snap.to_json()), Some(snap));
        assert_eq!(Snapshot::from_json("{\"v\":2,\"sessions\":[]}"), None);
        assert_eq!(Snapshot::from_json("garbage"), None);
        // The stored form, byte for byte as the serde-derived code wrote it.
        let one = Snapshot {
            v: 1,
            sessions: vec![SnapshotSession {
                id: "i".into(),
                title: "T".into(),
                start: "S".into(),
                end: "E".into(),
                room: "R".into(),
                track: "t".into(),
                speakers: "a\nb".into(),
            }],
        };
        assert_eq!(
            one.to_json(),
            r#"{"v":1,"sessions":[{"id":"i","title":"T","start":"S","end":"E","room":"R","track":"t","speakers":"a\nb"}]}"#
        );
        assert_eq!(Snapshot::from_json(&one.to_json()), Some(one.clone()));
        // A snapshot written before following existed (no track, no
        // speakers) still reads.
        let older = Snapshot::from_json(
            r#"{"v":1,"sessions":[{"id":"i","title":"T","start":"S","end":"E","room":"R"}]}"#,
        )
        .unwrap();
        assert_eq!(
            (
                older.sessions[0].track.as_str(),
                older.sessions[0].speaker_ids().count()
            ),
            ("", 0)
        );
        assert_eq!(Snapshot::from_json(r#"{"v":1}"#), None);
        assert_eq!(
            Snapshot::from_json(
                r#"{"v":1,"sessions":[{"id":"a","title":"T","start":"","end":""}]}"#
            ),
            None
        );
        assert_eq!(
            Snapshot::from_json(r#"{"v":1,"sessions":[{"id":"a","title":"T","start":"","end":"","room":"R","x":[]}]}"#)
                .map(|s| s.sessions[0].room.clone()),
            Some("R".into())
        );
    }

    /// The snapshot diff and the starred sessions' notes answer "what changed"
    /// alike, on every edge case, because both ask [`compare`].
    #[test]
    fn both_panels_answer_what_changed_by_the_one_comparison() {
        use crate::model::agenda::{Agenda, AgendaChange, AgendaEntry, Level};
        let new = parse_schedule(V1).unwrap();
        let moved = Some(Difference {
            moved: true,
            renamed: false,
        });
        let renamed = Some(Difference {
            moved: false,
            renamed: true,
        });
        let same = "2020-01-01T09:00:00+01:00";
        let end = "2020-01-01T10:00:00+01:00";
        let cases = [
            ("nothing changed", "Keep", same, end, "A", None),
            (
                "same instant, another offset",
                "Keep",
                "2020-01-01T08:00:00Z",
                end,
                "A",
                None,
            ),
            ("unparsable time", "Keep", "9 o'clock", end, "A", moved),
            ("no time stored", "Keep", same, "", "A", moved),
            ("room renamed", "Keep", same, end, "Hall A", moved),
            ("title whitespace", " Keep\t ", same, end, " A", None),
            ("title changed", "Kept", same, end, "A", renamed),
        ];
        for (case, title, start, end, room, expected) in cases {
            let was = SnapshotSession {
                id: "keep".into(),
                title: title.into(),
                start: start.into(),
                end: end.into(),
                room: room.into(),
                ..SnapshotSession::default()
            };
            let keep = new.session("keep").unwrap();
            assert_eq!(compare(was.facts(), keep, "A"), expected, "{case}");
            let snapshot = Snapshot {
                v: 1,
                sessions: vec![was.clone()],
            };
            let in_diff = diff(&snapshot, &new, |_| false)
                .into_iter()
                .find(|c| c.id() == "keep")
                .map(|c| matches!(c, Change::Moved { .. }));
            let mut agenda = Agenda::default();
            agenda.apply(&AgendaChange::Put {
                id: "keep".into(),
                entry: AgendaEntry {
                    level: Level::Must,
                    title: was.title,
                    start: was.start,
                    end: was.end,
                    room: was.room,
                    added: String::new(),
                },
            });
            let in_agenda = agenda.changed(&new).first().map(|c| c.difference);
            assert_eq!(in_agenda, expected, "{case}: starred");
            assert_eq!(in_diff, expected.map(|d| d.moved), "{case}: snapshot");
        }
    }

    /// Every kind of change in its one wording (panel line and notification
    /// detail), with and without a room: no dangling comma anywhere.
    #[test]
    fn every_change_is_worded_once_with_or_without_a_room() {
        let s = parse_schedule(r#"{"version":1,"conference":{"id":"c","title":"C"},"rooms":[{"id":"a","name":"Club A"}],"sessions":[
            {"id":"t","title":"Talk","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","room":"a"},
            {"id":"bare","title":"Bare","start":"2020-01-01T11:00:00+01:00","end":"2020-01-01T12:00:00+01:00"}]}"#)
        .unwrap();
        let same = |t| t;
        let now = |id: &str| {
            let session = s.session(id).unwrap();
            Some((session, s.room_name(session)))
        };
        let seen = |title: &'static str, start: &'static str, room: &'static str| {
            Some(SeenFacts::of(title, start, "", room))
        };
        let nine = "2020-01-01T09:00:00+01:00";
        let cases = [
            (
                words(None, now("t"), false, &same),
                "New: “Talk”, Wed 1 Jan 10:00, Club A",
                "Wed 1 Jan 10:00, Club A",
            ),
            (
                words(None, now("bare"), false, &same),
                "New: “Bare”, Wed 1 Jan 11:00",
                "Wed 1 Jan 11:00",
            ),
            (
                words(seen("Bare", nine, "Club A"), now("bare"), true, &same),
                "Moved: “Bare”, now Wed 1 Jan 11:00 (was Wed 1 Jan 09:00, Club A)",
                "Now Wed 1 Jan 11:00 (was Wed 1 Jan 09:00, Club A)",
            ),
            (
                words(seen("Talk", nine, ""), now("t"), true, &same),
                "Moved: “Talk”, now Wed 1 Jan 10:00, Club A (was Wed 1 Jan 09:00)",
                "Now Wed 1 Jan 10:00, Club A (was Wed 1 Jan 09:00)",
            ),
            (
                words(seen("Old  talk", nine, " "), now("t"), true, &same),
                "Moved: “Talk”, now Wed 1 Jan 10:00, Club A (was “Old  talk”, Wed 1 Jan 09:00)",
                "Now Wed 1 Jan 10:00, Club A (was “Old  talk”, Wed 1 Jan 09:00)",
            ),
            (
                words(seen(" Talk", "9 o'clock", "Club B"), now("t"), true, &same),
                "Moved: “Talk”, now Wed 1 Jan 10:00, Club A (was Club B)",
                "Now Wed 1 Jan 10:00, Club A (was Club B)",
            ),
            (
                words(seen("Old", nine, "Club A"), now("t"), false, &same),
                "Renamed: “Old”, now “Talk”",
                "Now “Talk”",
            ),
            (
                words(seen("Gone", nine, ""), None, false, &same),
                "Cancelled: “Gone” (was Wed 1 Jan 09:00)",
                "Was Wed 1 Jan 09:00",
            ),
            (
                words(seen("Gone", nine, "Club A"), None, false, &same),
                "Cancelled: “Gone” (was Wed 1 Jan 09:00, Club A)",
                "Was Wed 1 Jan 09:00, Club A",
            ),
            (
                words(seen("Gone", "", ""), None, false, &same),
                "Cancelled: “Gone”",
                "",
            ),
        ];
        for (words, line, detail) in cases {
            assert_eq!(words.line(), line);
            assert_eq!(words.detail(), detail, "{line}");
            assert!(!line.contains(", (") && !line.ends_with(", "), "{line}");
        }
        // Times as the viewer chose to see them.
        let new_york = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
        let shown = words(seen("Talk", nine, "Club A"), now("t"), true, &|t| {
            crate::model::time::at_offset(t, new_york)
        });
        assert_eq!(
            shown.line(),
            "Moved: “Talk”, now Wed 1 Jan 04:00, Club A (was Wed 1 Jan 03:00, Club A)"
        );
    }

    /// The panel's line of a change and the agenda's note of the same
    /// starred session are one text.
    #[test]
    fn the_panel_and_the_agenda_s_notes_word_a_change_alike() {
        use crate::model::agenda::{Agenda, AgendaChange, AgendaEntry, Level};
        let (old, new) = (parse_schedule(V1).unwrap(), parse_schedule(V2).unwrap());
        let mut agenda = Agenda::default();
        for id in ["move", "room", "name"] {
            let was = old.session(id).unwrap();
            agenda.apply(&AgendaChange::Put {
                id: id.into(),
                entry: AgendaEntry {
                    level: Level::Must,
                    ..Agenda::entry_for(&old, was, "")
                },
            });
        }
        let show = |t| t;
        let panel: Vec<String> = diff(&Snapshot::of(&old), &new, |id| agenda.contains(id))
            .iter()
            .filter(|c| agenda.contains(c.id()))
            .map(|c| c.words(&new, &show).line())
            .collect();
        let notes: Vec<String> = agenda
            .changed(&new)
            .iter()
            .map(|c| {
                let now = &new.sessions[c.index];
                words(
                    Some(c.was.facts()),
                    Some((now, new.room_name(now))),
                    c.difference.moved,
                    &show,
                )
                .line()
            })
            .collect();
        assert_eq!(
            panel,
            [
                "Moved: “Room”, now Wed 1 Jan 11:00, B (was Wed 1 Jan 11:00, A)",
                "Renamed: “Old name”, now “New name”",
                "Moved: “Move”, now Wed 1 Jan 15:00, A (was Wed 1 Jan 10:00, A)",
            ]
        );
        let mut sorted = notes.clone();
        sorted.sort();
        let mut expected = panel.clone();
        expected.sort();
        assert_eq!(sorted, expected);
    }
}
