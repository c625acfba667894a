//! Share links: an agenda carried in a URL fragment, which no server sees.
//!
//! Version 2 (`#2;<fingerprint>;<payload>`) is compact enough for one QR
//! code even with 100 sessions of a schedule whose ids are 36-character
//! guids: the payload is the sessions' positions in the schedule (as a
//! bitset or as varint gaps, whichever is shorter, base64url) plus one bit
//! per session for must/maybe; the fingerprint (a hash of the conference id
//! and every session id in order) makes sure the positions are read against
//! the same schedule. A conference opened with `?schedule=` puts that URL
//! in the link's query, so the link opens that conference on any device.
//!
//! Own entries travel only when the user asks: as a further part,
//! `;o<base64url of a JSON list of [title, start, end, place]>`. What the
//! user follows travels always, as `;f<kind letter><id>,…` (`t`, `s`, `r`;
//! ids percent-encoded), e.g. `;ftops,sana`.
//!
//! Version 1 (`#1;<conference>;<id>,!<id>`, percent-encoded ids) still opens.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::agenda::{Agenda, AgendaChange, Level, OwnEntry};
use super::follow::{FollowKind, Followed};
use super::json::{self, Reader};
use super::schedule::Schedule;
use super::url;
use super::words::tr;
use crate::trf;

/// The longest link we offer as a QR code: what a version-40 code holds in
/// byte mode at error correction level M is 2,331 bytes, but codes above
/// about 400 characters are hard to scan from a phone screen.
pub const QR_MAX_CHARS: usize = 400;

/// A shared agenda read against a schedule: session ids with their levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedAgenda {
    /// The conference id the link was made for.
    pub conference: String,
    /// The shared sessions and whether each is a must or a maybe.
    pub sessions: Vec<(String, Level)>,
    /// Own entries the sharer chose to include.
    pub own: Vec<OwnEntry>,
    /// The tracks, speakers and rooms the sharer follows.
    pub follows: Vec<Followed>,
}

/// Why a share link cannot be read against the open schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a share link this app knows.
    Unreadable,
    /// A version-1 link of another conference (its id).
    OtherConference(String),
    /// A version-2 link made from another schedule, or another version of it.
    OtherSchedule,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable => {
                f.write_str(tr("This link does not carry an agenda this app can read."))
            }
            Self::OtherConference(c) => f.write_str(&trf!(
                "This agenda was shared from another conference (“{c}”). Open that conference's schedule first.",
                c = c
            )),
            Self::OtherSchedule => f.write_str(tr(
                "This agenda was shared from another schedule, or from another version of this one: its sessions cannot be matched. Ask for a new link.",
            )),
        }
    }
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
        for (n, e) in self.own.iter().enumerate() {
            agenda.apply(&AgendaChange::PutOwn {
                id: format!("{}shared-{n}", super::agenda::OWN_ID_PREFIX),
                entry: OwnEntry {
                    added: now.to_string(),
                    ..e.clone()
                },
            });
        }
        for followed in &self.follows {
            // Once each: the change of a follow already here would undo it.
            if agenda.is_following(followed) {
                continue;
            }
            if let Some(change) = agenda.follow_change(schedule, followed, now) {
                agenda.apply(&change);
            }
        }
        agenda
    }
}

/// A short fingerprint of a schedule: FNV-1a over the conference id and
/// every session id in order, 36 bits as 6 base64url characters.
pub fn fingerprint(schedule: &Schedule) -> String {
    use super::text::{fnv1a, FNV_START};
    // Each id, then 0xff (no id holds it: UTF-8) to end it.
    let eat = |h: u64, id: &str| fnv1a(fnv1a(h, id.as_bytes()), &[0xff]);
    let h = schedule
        .sessions
        .iter()
        .fold(eat(FNV_START, &schedule.conference.id), |h, s| {
            eat(h, &s.id)
        });
    (0..6)
        .map(|k| B64[((h >> (6 * k)) & 63) as usize] as char)
        .collect()
}

/// The fragment (without `#`) of a version-2 link for these sessions of the
/// schedule and, if any are given, these own entries and follows.
pub fn encode(
    schedule: &Schedule,
    shared: &[(String, Level)],
    own: &[&OwnEntry],
    follows: &[&Followed],
) -> String {
    let mut items: Vec<(usize, Level)> = shared
        .iter()
        .filter_map(|(id, level)| schedule.session_position(id).map(|p| (p, *level)))
        .collect();
    items.sort_unstable_by_key(|(p, _)| *p);
    items.dedup_by_key(|(p, _)| *p);
    let levels = bits(items.iter().map(|(_, l)| *l == Level::Maybe), items.len());
    // A bitset of positions...
    let mut set = bits(std::iter::empty(), schedule.sessions.len());
    for (p, _) in &items {
        set[p / 8] |= 1 << (p % 8);
    }
    set.extend_from_slice(&levels);
    // ... or the gaps between positions as varints; whichever is shorter.
    let mut gaps = Vec::new();
    varint(&mut gaps, items.len());
    let mut last = 0;
    for (p, _) in &items {
        varint(&mut gaps, p - last);
        last = *p;
    }
    gaps.extend_from_slice(&levels);
    let payload = if set.len() <= gaps.len() {
        format!("b{}", base64url(&set))
    } else {
        format!("d{}", base64url(&gaps))
    };
    let mut fragment = format!("2;{};{payload}", fingerprint(schedule));
    if !own.is_empty() {
        // `[["title","start","end","place"],…]`
        let json = json::write(|w| {
            w.array(|w| {
                for e in own {
                    w.element().array(|w| {
                        for text in [&e.title, &e.start, &e.end, &e.place] {
                            w.element().text(text);
                        }
                    })
                }
            })
        });
        fragment.push_str(";o");
        fragment.push_str(&base64url(json.as_bytes()));
    }
    if !follows.is_empty() {
        let items: Vec<String> = follows
            .iter()
            .map(|f| format!("{}{}", f.kind.letter(), url::encode(&f.id)))
            .collect();
        fragment.push_str(";f");
        fragment.push_str(&items.join(","));
    }
    fragment
}

/// Follows from a link's `f` part; items of no known kind are left out.
fn decode_follows(part: &str) -> Vec<Followed> {
    part.split(',')
        .filter_map(|item| {
            let mut chars = item.chars();
            let letter = chars.next()?;
            let kind = FollowKind::ALL.into_iter().find(|k| k.letter() == letter)?;
            let id = url::decode_path_segment(chars.as_str());
            (!id.is_empty()).then(|| Followed::new(kind, &id))
        })
        .collect()
}

/// Own entries from the fourth part of a link; unreadable ones are left out.
fn decode_own(part: Option<&str>) -> Vec<OwnEntry> {
    let Some(bytes) = part.and_then(|p| p.strip_prefix('o')).and_then(unbase64url) else {
        return Vec::new();
    };
    // A list of four texts each, or nothing.
    let list = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| {
            Reader::whole(text, |r| {
                let mut list = Vec::new();
                r.array(&mut |r| {
                    match <[String; 4]>::try_from(r.strings()?) {
                        Ok(four) => list.push(four),
                        Err(_) => return Err(r.error("an own entry of other than four texts")),
                    }
                    Ok(())
                })?;
                Ok(list)
            })
            .ok()
        })
        .unwrap_or_default();
    list.into_iter()
        .filter_map(|[title, start, end, place]| {
            let t = |s: &str| super::time::parse_instant(s);
            OwnEntry::new(&title, t(&start), t(&end), &place, "").ok()
        })
        .collect()
}

/// The whole link: `<origin>/agenda/shared[?schedule=<url>]#<fragment>`.
/// `schedule_url` is the `?schedule=` of a conference that is not built in.
pub fn link(origin: &str, schedule_url: Option<&str>, fragment: &str) -> String {
    let path = super::route::Route::SharedAgenda.href();
    let query = url::with_param("", "schedule", schedule_url);
    format!("{origin}{path}{query}#{fragment}")
}

/// Read a fragment (with or without `#`) against the open schedule.
pub fn decode(fragment: &str, schedule: &Schedule) -> Result<SharedAgenda, ShareError> {
    let fragment = fragment.trim_start_matches('#');
    let mut parts = fragment.splitn(3, ';');
    let conference = schedule.conference.id.clone();
    match (parts.next(), parts.next(), parts.next()) {
        (Some("1"), Some(conf), Some(list)) => {
            let shared = decode_v1(conf, list);
            if shared.conference == conference {
                Ok(shared)
            } else {
                Err(ShareError::OtherConference(shared.conference))
            }
        }
        (Some("2"), Some(fp), Some(rest)) => {
            if fp != fingerprint(schedule) {
                return Err(ShareError::OtherSchedule);
            }
            let mut parts = rest.split(';');
            let payload = parts.next().unwrap_or_default();
            let (mut own, mut follows) = (Vec::new(), Vec::new());
            for part in parts {
                match part.strip_prefix('f') {
                    Some(list) => follows.extend(decode_follows(list)),
                    None => own.extend(decode_own(Some(part))),
                }
            }
            let sessions = decode_v2(payload, schedule.sessions.len())
                .ok_or(ShareError::Unreadable)?
                .into_iter()
                .map(|(p, l)| (schedule.sessions[p].id.clone(), l))
                .collect();
            Ok(SharedAgenda {
                conference,
                sessions,
                own,
                follows,
            })
        }
        _ => Err(ShareError::Unreadable),
    }
}

fn decode_v1(conference: &str, list: &str) -> SharedAgenda {
    let sessions = list
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|item| match item.strip_prefix('!') {
            Some(id) => (url::decode(id), Level::Maybe),
            None => (url::decode(item), Level::Must),
        })
        .filter(|(id, _)| !id.is_empty())
        .collect();
    SharedAgenda {
        conference: url::decode(conference),
        sessions,
        own: Vec::new(),
        follows: Vec::new(),
    }
}

/// Positions (each below `n`) and levels from a version-2 payload.
fn decode_v2(payload: &str, n: usize) -> Option<Vec<(usize, Level)>> {
    let (mode, rest) = payload.split_at_checked(1)?;
    let bytes = unbase64url(rest)?;
    let positions: Vec<usize> = match mode {
        "b" => {
            let set = bytes.get(..n.div_ceil(8))?;
            (0..n)
                .filter(|p| set[p / 8] & (1 << (p % 8)) != 0)
                .collect()
        }
        "d" => {
            let mut at = 0;
            let count = read_varint(&bytes, &mut at)?;
            if count > n {
                return None;
            }
            let mut out = Vec::with_capacity(count);
            let mut last = 0usize;
            for k in 0..count {
                let gap = read_varint(&bytes, &mut at)?;
                if k > 0 && gap == 0 {
                    return None;
                }
                last = last.checked_add(gap).filter(|&p| p < n)?;
                out.push(last);
            }
            return with_levels(out, bytes.get(at..)?);
        }
        _ => return None,
    };
    with_levels(positions, bytes.get(n.div_ceil(8)..)?)
}

fn with_levels(positions: Vec<usize>, levels: &[u8]) -> Option<Vec<(usize, Level)>> {
    if levels.len() != positions.len().div_ceil(8) {
        return None;
    }
    Some(
        positions
            .into_iter()
            .enumerate()
            .map(|(k, p)| {
                let maybe = levels[k / 8] & (1 << (k % 8)) != 0;
                (p, if maybe { Level::Maybe } else { Level::Must })
            })
            .collect(),
    )
}

fn bits(values: impl Iterator<Item = bool>, len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len.div_ceil(8)];
    for (k, on) in values.enumerate() {
        if on {
            out[k / 8] |= 1 << (k % 8);
        }
    }
    out
}

fn varint(out: &mut Vec<u8>, mut v: usize) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_varint(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut v: usize = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// The base64url alphabet: the characters of the [`fingerprint`] (6 bits each).
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a fragment as it is.
fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The bytes of base64url without padding; `None` for anything else, a
/// dangling partial character (one left over) or non-zero unused bits too.
fn unbase64url(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::tests::small;

    fn guid_schedule(n: usize) -> Schedule {
        let sessions: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id":"{:08x}-465f-540c-9854-{:012x}","title":"Talk {i}","start":"2025-12-27T{:02}:{:02}:00+01:00","end":"2025-12-27T{:02}:{:02}:00+01:00"}}"#,
                    i * 7919,
                    i * 104_729,
                    10 + (i / 60) % 12,
                    i % 60,
                    11 + (i / 60) % 12,
                    i % 60
                )
            })
            .collect();
        crate::model::schedule::parse_schedule(&format!(
            r#"{{"version":1,"conference":{{"id":"39c3","title":"39C3"}},"sessions":[{}]}}"#,
            sessions.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn a_hundred_guid_sessions_fit_one_qr_code_and_round_trip() {
        let s = guid_schedule(900);
        assert_eq!(s.sessions[0].id.len(), 36);
        let shared: Vec<(String, Level)> = (0..100)
            .map(|k| {
                let level = if k % 3 == 0 {
                    Level::Maybe
                } else {
                    Level::Must
                };
                (s.sessions[k * 9].id.clone(), level)
            })
            .collect();
        let fragment = encode(&s, &shared, &[], &[]);
        let url = link(
            "https://schedule.example.org",
            Some("https://events.ccc.de/congress/2025/fahrplan/schedule.json"),
            &fragment,
        );
        assert!(url.len() <= QR_MAX_CHARS, "{} chars: {url}", url.len());
        assert!(crate::model::qr::qr_svg_path(&url).is_some());
        let back = decode(&fragment, &s).unwrap();
        let mut expected = shared.clone();
        expected.sort_by_key(|(id, _)| s.session_position(id));
        assert_eq!(back.sessions, expected);
        assert_eq!(back.conference, "39c3");
    }

    #[test]
    fn sparse_and_dense_agendas_both_round_trip() {
        let s = guid_schedule(300);
        for picks in [
            vec![0usize],
            vec![299],
            vec![3, 150, 299],
            (0..300).collect(),
        ] {
            let shared: Vec<(String, Level)> = picks
                .iter()
                .map(|&p| (s.sessions[p].id.clone(), Level::Must))
                .collect();
            let back = decode(&encode(&s, &shared, &[], &[]), &s).unwrap();
            assert_eq!(back.sessions, shared);
        }
        let empty = decode(&encode(&s, &[], &[], &[]), &s).unwrap();
        assert!(empty.sessions.is_empty());
    }

    #[test]
    fn another_schedule_or_version_is_refused_by_the_fingerprint() {
        let s = guid_schedule(50);
        let fragment = encode(&s, &[(s.sessions[3].id.clone(), Level::Must)], &[], &[]);
        let other = guid_schedule(51);
        assert_eq!(decode(&fragment, &other), Err(ShareError::OtherSchedule));
        assert_eq!(decode(&fragment, &small()), Err(ShareError::OtherSchedule));
    }

    #[test]
    fn damaged_payloads_are_unreadable_not_a_panic() {
        let s = guid_schedule(50);
        let fp = fingerprint(&s);
        for bad in [
            "",
            "b",
            "d",
            "x",
            "b@@",
            "dAAAA",
            "d_____",
            "bAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ] {
            assert_eq!(
                decode(&format!("2;{fp};{bad}"), &s),
                Err(ShareError::Unreadable),
                "{bad}"
            );
        }
        assert_eq!(decode("#9;x;y", &s), Err(ShareError::Unreadable));
        assert_eq!(decode("", &s), Err(ShareError::Unreadable));
    }

    #[test]
    fn old_links_keep_opening_including_unusual_ids() {
        let s = small();
        assert_eq!(
            decode("#1;conf;s1,!s2,ghost", &s).unwrap().sessions,
            [
                ("s1".to_string(), Level::Must),
                ("s2".to_string(), Level::Maybe),
                ("ghost".to_string(), Level::Must)
            ]
        );
        let odd = decode_v1(
            "camp%202019%2F%CE%B2",
            "a%2Cb%3Bc%21d%23e%25f%20g%2Bh,!%C3%BC",
        );
        assert_eq!(odd.conference, "camp 2019/β");
        assert_eq!(
            odd.sessions,
            [
                ("a,b;c!d#e%f g+h".to_string(), Level::Must),
                ("ü".to_string(), Level::Maybe)
            ]
        );
        assert_eq!(
            decode("#1;other;s1", &s),
            Err(ShareError::OtherConference("other".into()))
        );
    }

    #[test]
    fn the_link_carries_the_schedule_url_in_its_query() {
        assert_eq!(
            link("https://a.example", Some("https://b.example/s.json?x=1"), "2;f;b"),
            "https://a.example/agenda/shared?schedule=https%3A%2F%2Fb.example%2Fs.json%3Fx%3D1#2;f;b"
        );
        assert_eq!(
            link("https://a.example", None, "2;f;b"),
            "https://a.example/agenda/shared#2;f;b"
        );
    }

    #[test]
    fn follows_travel_with_the_link_and_join_the_agenda() {
        let s = small();
        let track = Followed::new(FollowKind::Track, &s.tracks[0].id);
        let speaker = Followed::new(FollowKind::Speaker, &s.speakers[0].id);
        let odd = Followed::new(FollowKind::Room, "a,b;c");
        let shared = [("s2".to_string(), Level::Maybe)];
        let without = encode(&s, &shared, &[], &[]);
        let with = encode(&s, &shared, &[], &[&track, &speaker, &odd]);
        assert_eq!(
            with,
            format!("{without};ft{},s{},ra%2Cb%3Bc", track.id, speaker.id)
        );
        let back = decode(&with, &s).unwrap();
        assert_eq!(back.sessions, shared);
        assert_eq!(back.follows, [track.clone(), speaker.clone(), odd]);
        // With own entries too, in either order of the parts.
        let lunch = OwnEntry::new(
            "Lunch",
            crate::model::time::parse_instant("2017-10-26T12:00:00+02:00"),
            crate::model::time::parse_instant("2017-10-26T13:00:00+02:00"),
            "",
            "x",
        )
        .unwrap();
        let both = decode(&encode(&s, &shared, &[&lunch], &[&track]), &s).unwrap();
        assert_eq!((both.own.len(), both.follows.len()), (1, 1));
        // Only what the schedule has joins the agenda; a kind the app does
        // not know is left out.
        let agenda = back.to_agenda(&s, "now");
        let kept: Vec<&Followed> = agenda.follows().map(|(f, _)| f).collect();
        assert_eq!(kept, [&track, &speaker]);
        assert!(decode(&format!("{without};fxnope,t"), &s)
            .unwrap()
            .follows
            .is_empty());
        // The same follow twice in a link is followed once, not undone.
        let twice = decode(&encode(&s, &[], &[], &[&track, &track]), &s).unwrap();
        let kept: Vec<Followed> = twice
            .to_agenda(&s, "now")
            .follows()
            .map(|(f, _)| f.clone())
            .collect();
        assert_eq!(kept, std::slice::from_ref(&track));
    }

    #[test]
    fn own_entries_travel_only_when_given_and_survive_the_link() {
        let s = small();
        let t = |x: &str| crate::model::time::parse_instant(x);
        let lunch = OwnEntry::new(
            "Lunch; with Ana & co",
            t("2017-10-26T12:00:00+02:00"),
            t("2017-10-26T13:00:00+02:00"),
            "Hall B",
            "x",
        )
        .unwrap();
        let shared = [("s2".to_string(), Level::Must)];
        let without = encode(&s, &shared, &[], &[]);
        assert_eq!(without.matches(';').count(), 2);
        assert!(decode(&without, &s).unwrap().own.is_empty());
        let with = encode(&s, &shared, &[&lunch], &[]);
        assert!(with.starts_with(&without) && with.contains(";o"), "{with}");
        let back = decode(&with, &s).unwrap();
        assert_eq!(back.sessions, shared);
        assert_eq!(back.own.len(), 1);
        assert_eq!(
            (
                back.own[0].title.as_str(),
                back.own[0].start.as_str(),
                back.own[0].place.as_str()
            ),
            (
                "Lunch; with Ana & co",
                "2017-10-26T12:00:00+02:00",
                "Hall B"
            )
        );
        let agenda = back.to_agenda(&s, "now");
        assert_eq!(agenda.own().count(), 1);
        // A damaged own part costs the own entries, not the sessions.
        let damaged = format!("{without};o!!!");
        let back = decode(&damaged, &s).unwrap();
        assert_eq!((back.sessions.len(), back.own.len()), (1, 0));
        // The own part is the list serde_json writes; a list whose entries
        // are not four texts each is left out whole.
        let own = |json: &str| decode_own(Some(&format!("o{}", base64url(json.as_bytes()))));
        let written = serde_json::to_string(&[[
            "Lunch \"x\"",
            "2017-10-26T12:00:00+02:00",
            "2017-10-26T13:00:00+02:00",
            "",
        ]])
        .unwrap();
        assert_eq!(own(&written).len(), 1);
        assert_eq!(own(&written)[0].title, "Lunch \"x\"");
        assert!(with.ends_with(&base64url(
            serde_json::to_string(&[[
                "Lunch; with Ana & co",
                "2017-10-26T12:00:00+02:00",
                "2017-10-26T13:00:00+02:00",
                "Hall B"
            ]])
            .unwrap()
            .as_bytes()
        )));
        assert!(
            own(r#"[["a","2017-10-26T12:00:00+02:00","2017-10-26T13:00:00+02:00"]]"#).is_empty()
        );
        assert!(own(r#"[["a","b","c","d","e"]]"#).is_empty());
        assert!(own(r#"{"a":1}"#).is_empty());
    }

    #[test]
    fn to_agenda_keeps_levels_and_skips_unknown_ids() {
        let s = small();
        let shared = SharedAgenda {
            conference: "conf".into(),
            sessions: vec![
                ("s2".into(), Level::Maybe),
                ("ghost".into(), Level::Must),
                ("s1".into(), Level::Must),
            ],
            own: Vec::new(),
            follows: Vec::new(),
        };
        let a = shared.to_agenda(&s, "now");
        assert_eq!(a.ids().collect::<Vec<_>>(), ["s1", "s2"]);
        assert_eq!(a.entry("s2").unwrap().level, Level::Maybe);
    }

    #[test]
    fn base64url_round_trips() {
        for len in 0..10 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 5) as u8).collect();
            assert_eq!(unbase64url(&base64url(&bytes)).unwrap(), bytes);
        }
        // What the links written so far hold (the hand-written encoder's
        // output, RFC 4648 §5 without padding) still reads the same.
        for (bytes, text) in [
            (&b"ABC"[..], "QUJD"),
            (b"AB", "QUI"),
            (b"A", "QQ"),
            (b"\xfb\xff", "-_8"),
        ] {
            assert_eq!(base64url(bytes), text);
            assert_eq!(unbase64url(text).as_deref(), Some(bytes));
        }
        // A dangling partial character (one left over, less than a byte),
        // unused bits set, padding or the other alphabet: refused.
        for bad in ["QUJDR", "Q", "QR", "QQ==", "+/8", "QU JD"] {
            assert_eq!(unbase64url(bad), None, "{bad}");
        }
    }
}
