//! "What changed since you last looked": a compact snapshot of a schedule
//! (ids, titles, times, rooms; no abstracts) and the diff of a newer schedule
//! against it, by session id.

use serde::{Deserialize, Serialize};

use super::schedule::Schedule;

/// Where the last seen schedule of a conference is kept (a Cache Storage URL).
pub fn snapshot_cache_key(conference_id: &str) -> String {
    format!("/snapshots/{}", super::url::encode(conference_id))
}

/// One session as last seen: enough to name what changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// The schedule as the user last saw it (kept in the Cache Storage).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
                })
                .collect(),
        }
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Read a stored snapshot; None if it is not one of ours.
    pub fn from_json(text: &str) -> Option<Snapshot> {
        serde_json::from_str::<Snapshot>(text)
            .ok()
            .filter(|s| s.v == 1)
    }
}

/// One difference between the last seen schedule and this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added {
        id: String,
    },
    /// Gone from the schedule: what it was.
    Removed {
        was: SnapshotSession,
    },
    /// Time or room changed (and maybe the title too).
    Moved {
        id: String,
        was: SnapshotSession,
    },
    Renamed {
        id: String,
        was: SnapshotSession,
    },
}

impl Change {
    /// The session the change is about.
    pub fn id(&self) -> &str {
        match self {
            Change::Added { id } | Change::Moved { id, .. } | Change::Renamed { id, .. } => id,
            Change::Removed { was } => &was.id,
        }
    }
}

fn same_instant(a: &str, b: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Changes from `old` to `new`, in the new schedule's order (removed ones last),
/// with sessions for which `starred` is true first.
pub fn diff(old: &Snapshot, new: &Schedule, starred: impl Fn(&str) -> bool) -> Vec<Change> {
    let now = Snapshot::of(new);
    let old_by_id: std::collections::HashMap<&str, &SnapshotSession> =
        old.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    let new_ids: std::collections::HashSet<&str> =
        now.sessions.iter().map(|s| s.id.as_str()).collect();
    let mut changes = Vec::new();
    for s in &now.sessions {
        match old_by_id.get(s.id.as_str()) {
            None => changes.push(Change::Added { id: s.id.clone() }),
            Some(was) => {
                let moved = !same_instant(&was.start, &s.start)
                    || !same_instant(&was.end, &s.end)
                    || was.room != s.room;
                if moved {
                    changes.push(Change::Moved {
                        id: s.id.clone(),
                        was: (*was).clone(),
                    });
                } else if was.title != s.title {
                    changes.push(Change::Renamed {
                        id: s.id.clone(),
                        was: (*was).clone(),
                    });
                }
            }
        }
    }
    for was in &old.sessions {
        if !new_ids.contains(was.id.as_str()) {
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
    }
}
