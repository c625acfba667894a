//! The conferences opened on this device (`schedule-viewer/conferences` in
//! localStorage): for the "Conferences" list, to switch between them and to
//! remove one with its stored data. The list is an index of what loaded; a
//! value that cannot be read is started afresh (nothing in it is the only
//! copy of anything: the agendas live under their own keys).

use super::agenda::{agenda_key, backup_key};
use super::json::{self, stored_texts, JsonError, Reader};
use super::schedule::Schedule;
use super::source::ScheduleSource;
use chrono::NaiveDate;

/// The localStorage key of the list.
pub const CONFERENCES_KEY: &str = "schedule-viewer/conferences";

// A stored conference's text fields, in their written order (after its `source`).
stored_texts!(KnownConference: "id" => id, "title" => title, "first_day" => first_day, "last_day" => last_day, "opened" => opened; other KnownConference::read_source);

/// A conference opened here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownConference {
    /// Where its schedule comes from (what "Open" reopens).
    pub source: ScheduleSource,
    /// Its id: the key of its agenda.
    pub id: String,
    /// Its title.
    pub title: String,
    /// First and last day with sessions ("YYYY-MM-DD").
    pub first_day: String,
    /// Last day with sessions.
    pub last_day: String,
    /// When it was last opened (RFC 3339, UTC): the list's order.
    pub opened: String,
}

impl KnownConference {
    /// The entry for a schedule that just loaded from `source`.
    pub fn of(schedule: &Schedule, source: &ScheduleSource, now: &str) -> KnownConference {
        let day = |d: Option<&NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        KnownConference {
            source: source.clone(),
            id: schedule.conference.id.clone(),
            title: schedule.conference.title.clone(),
            first_day: day(schedule.days.first()),
            last_day: day(schedule.days.last()),
            opened: now.to_string(),
        }
    }

    /// The stored form at the reader's place: every field is needed.
    fn read(r: &mut Reader) -> Result<KnownConference, JsonError> {
        Self::read_stored(
            r,
            Self::TEXTS | Self::OTHER,
            crate::word!("a conference without all its fields"),
        )
    }

    /// Where its schedule comes from, its one field that is not text.
    fn read_source(&mut self, r: &mut Reader, key: &str) -> Result<bool, JsonError> {
        if key != "source" {
            return Ok(false);
        }
        self.source = ScheduleSource::read(r)?;
        Ok(true)
    }

    /// "26–27 October 2017", "30 Dec 2025 – 2 Jan 2026", or one day.
    pub fn dates(&self) -> String {
        let parse = super::time::parse_ymd;
        match (parse(&self.first_day), parse(&self.last_day)) {
            (Some(a), Some(b)) => super::time::date_range(a, b),
            _ => String::new(),
        }
    }

    /// The localStorage keys of this conference's data: its agenda, the
    /// zone chosen for its schedule and the rooms hidden in its timetable
    /// (backups are found by prefix).
    pub fn storage_keys(&self) -> Vec<String> {
        vec![
            agenda_key(&self.id),
            self.source.zone_key(),
            super::settings::hidden_rooms_key(&self.id),
        ]
    }

    /// The prefix of this conference's agenda backups.
    pub fn backup_prefix(&self) -> String {
        backup_key(&self.id, "")
    }
}

/// Every conference opened here, the most recently opened first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conferences {
    list: Vec<KnownConference>,
}

impl Conferences {
    /// Read the stored list; anything unreadable reads as empty.
    pub fn from_json(text: &str) -> Conferences {
        let list = Reader::whole(text, |r| {
            let mut list = Vec::new();
            r.array(&mut |r| {
                list.push(KnownConference::read(r)?);
                Ok(())
            })?;
            Ok(list)
        })
        .unwrap_or_default();
        Conferences { list }
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        json::write(|w| {
            w.array(|w| {
                for c in &self.list {
                    w.element().object(|w| {
                        c.source.write(w.field("source"));
                        c.write_texts(w);
                    })
                }
            })
        })
    }

    /// The conferences, most recently opened first.
    pub fn list(&self) -> &[KnownConference] {
        &self.list
    }

    /// Record that a conference was opened: one entry per source, moved to the front.
    pub fn record(&mut self, entry: KnownConference) {
        self.list.retain(|c| c.source != entry.source);
        self.list.insert(0, entry);
    }

    /// Forget the conference opened from this source.
    pub fn remove(&mut self, source: &ScheduleSource) -> Option<KnownConference> {
        let at = self.list.iter().position(|c| &c.source == source)?;
        Some(self.list.remove(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::tests::small;

    #[test]
    fn opening_records_one_entry_per_source_most_recent_first() {
        let s = small();
        let mut c = Conferences::default();
        let demo = ScheduleSource::Default;
        let other = ScheduleSource::Url {
            url: "https://x.org/s.json".into(),
        };
        c.record(KnownConference::of(&s, &demo, "t1"));
        c.record(KnownConference::of(&s, &other, "t2"));
        c.record(KnownConference::of(&s, &demo, "t3"));
        let order: Vec<(&ScheduleSource, &str)> = c
            .list()
            .iter()
            .map(|k| (&k.source, k.opened.as_str()))
            .collect();
        assert_eq!(order, [(&demo, "t3"), (&other, "t2")]);
        let first = &c.list()[0];
        assert_eq!(
            (first.first_day.as_str(), first.last_day.as_str()),
            ("2017-10-26", "2017-10-27")
        );
        assert_eq!(first.dates(), "26–27 October 2017");
        assert_eq!(
            first.storage_keys(),
            [
                "schedule-viewer/agenda/conf",
                "schedule-viewer/zone/default",
                "schedule-viewer/hidden-rooms/conf"
            ]
        );
        // The stored form, byte for byte as the serde-derived code wrote it.
        assert_eq!(
            c.to_json(),
            r#"[{"source":{"kind":"default"},"id":"conf","title":"Conf","first_day":"2017-10-26","last_day":"2017-10-27","opened":"t3"},{"source":{"kind":"url","url":"https://x.org/s.json"},"id":"conf","title":"Conf","first_day":"2017-10-26","last_day":"2017-10-27","opened":"t2"}]"#
        );
        let back = Conferences::from_json(&c.to_json());
        assert_eq!(back, c);
        assert_eq!(
            back.clone().remove(&other).map(|k| k.opened),
            Some("t2".into())
        );
        assert_eq!(Conferences::from_json("{broken"), Conferences::default());
        // A list with an entry that lacks a field, or of the wrong shape, is
        // started afresh (the agendas live under their own keys).
        for bad in [
            r#"[{"source":{"kind":"default"},"id":"c","title":"T","first_day":"","last_day":""}]"#,
            r#"[{"source":{"kind":"ftp"},"id":"c","title":"T","first_day":"","last_day":"","opened":""}]"#,
            r#"[{"source":{"kind":"default"},"id":1,"title":"T","first_day":"","last_day":"","opened":""}]"#,
            r#"{"list":[]}"#,
        ] {
            assert_eq!(Conferences::from_json(bad), Conferences::default(), "{bad}");
        }
    }
}
