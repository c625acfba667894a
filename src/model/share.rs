//! Share links: an agenda's session ids (and their must/maybe level) carried
//! compactly in a URL fragment, `/agenda/shared#1;<conference>;<id>,!<id>`.
//! A fragment never reaches a server. Ids are percent-encoded, so the
//! separators `;`, `,` and `!` (maybe) cannot occur inside them.

use super::agenda::{Agenda, AgendaChange, Level};
use super::filter::{decode_query_value, encode_query_value};
use super::schedule::Schedule;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedAgenda {
    pub conference: String,
    pub sessions: Vec<(String, Level)>,
}

impl SharedAgenda {
    /// The shared sessions this schedule has, as an agenda (levels kept).
    pub fn to_agenda(&self, schedule: &Schedule, now: &str) -> Agenda {
        let mut agenda = Agenda::default();
        for (id, level) in &self.sessions {
            if let Some(session) = schedule.session(id) {
                let mut entry = Agenda::entry_for(schedule, session, now);
                entry.level = *level;
                agenda.apply(&AgendaChange::Put {
                    id: id.clone(),
                    entry,
                });
            }
        }
        agenda
    }
}

pub fn encode(shared: &SharedAgenda) -> String {
    let items: Vec<String> = shared
        .sessions
        .iter()
        .map(|(id, level)| {
            let id = encode_query_value(id);
            match level {
                Level::Must => id,
                Level::Maybe => format!("!{id}"),
            }
        })
        .collect();
    format!(
        "1;{};{}",
        encode_query_value(&shared.conference),
        items.join(",")
    )
}

/// Read a fragment (with or without `#`). None if it is not a share link we know.
pub fn decode(fragment: &str) -> Option<SharedAgenda> {
    let mut parts = fragment.trim_start_matches('#').splitn(3, ';');
    if parts.next()? != "1" {
        return None;
    }
    let conference = decode_query_value(parts.next()?);
    let sessions = parts
        .next()?
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|item| match item.strip_prefix('!') {
            Some(id) => (decode_query_value(id), Level::Maybe),
            None => (decode_query_value(item), Level::Must),
        })
        .filter(|(id, _)| !id.is_empty())
        .collect();
    Some(SharedAgenda {
        conference,
        sessions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_including_unusual_ids() {
        let shared = SharedAgenda {
            conference: "camp 2019/β".into(),
            sessions: vec![
                ("thu-devops-knee-deep".into(), Level::Must),
                ("a,b;c!d#e%f g+h".into(), Level::Maybe),
                (
                    "f6b73c1d-465f-540c-9854-26b8c0dcf645-2019-08-22".into(),
                    Level::Must,
                ),
                ("ünïcödé 🎉".into(), Level::Maybe),
                ("12345".into(), Level::Must),
            ],
        };
        let text = encode(&shared);
        assert!(!text.contains('#') && !text.contains(' '), "{text}");
        assert_eq!(decode(&text), Some(shared.clone()));
        assert_eq!(decode(&format!("#{text}")), Some(shared));
    }

    #[test]
    fn compact_for_plain_ids() {
        let shared = SharedAgenda {
            conference: "mesoscon-eu-2017".into(),
            sessions: vec![("a".into(), Level::Must), ("b".into(), Level::Maybe)],
        };
        assert_eq!(encode(&shared), "1;mesoscon-eu-2017;a,!b");
    }

    #[test]
    fn to_agenda_keeps_levels_and_skips_unknown_ids() {
        let s = crate::model::schedule::tests::small();
        let shared = SharedAgenda {
            conference: "conf".into(),
            sessions: vec![
                ("s2".into(), Level::Maybe),
                ("ghost".into(), Level::Must),
                ("s1".into(), Level::Must),
            ],
        };
        let a = shared.to_agenda(&s, "now");
        assert_eq!(a.ids().collect::<Vec<_>>(), ["s1", "s2"]);
        assert_eq!(a.entry("s2").unwrap().level, Level::Maybe);
    }

    #[test]
    fn rejects_unknown_fragments() {
        assert_eq!(decode(""), None);
        assert_eq!(decode("#2;c;a"), None);
        assert_eq!(decode("#1;c"), None);
        assert_eq!(
            decode("#1;c;"),
            Some(SharedAgenda {
                conference: "c".into(),
                sessions: vec![]
            })
        );
    }
}
