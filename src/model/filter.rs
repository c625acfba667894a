//! Filtering and search, and the filter's URL query form
//! (`?q=…&track=a,b&speaker=…&day=YYYY-MM-DD&following=1`, see
//! docs/decisions.md).

use chrono::NaiveDate;

use super::follow::{covers_at, Followed};
use super::schedule::Schedule;
use super::text::fold_for_search;
use super::url;
use crate::trf;

/// A list of up to this many sessions shows whole, and so do a page's
/// last few (up to this many less a page): a "Show more" for a few cards
/// would only cost a tap.
pub const WHOLE_LIST: usize = 50;

/// A longer list shows this many sessions at first, and this many more at
/// each "Show more", in the app and in the build-time start view alike:
/// filtering then touches at most a page of cards, whatever the schedule's
/// size. A keystroke costs about the cards it builds, and a phone's screen
/// shows five or six.
pub const PAGE_SIZE: usize = 30;

/// What a list shows of its sessions: how many were asked for (a page
/// more at each "Show more"), and how many of them that shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    asked: usize,
    /// The sessions shown, from the first.
    pub shown: usize,
}

impl Paging {
    /// A new list (a new filter's result) of `total` sessions: its first page.
    pub fn first(total: usize) -> Paging {
        Paging::asking(PAGE_SIZE, total)
    }

    fn asking(asked: usize, total: usize) -> Paging {
        let few = WHOLE_LIST - PAGE_SIZE;
        let shown = if total <= asked.saturating_add(few) {
            total
        } else {
            asked
        };
        Paging { asked, shown }
    }

    /// After "Show more".
    pub fn more(self, total: usize) -> Paging {
        Paging::asking(self.shown.saturating_add(PAGE_SIZE), total)
    }

    /// The same list after a newer schedule was taken in place (now of
    /// `total` sessions): the cards shown before stay shown.
    pub fn kept(self, total: usize) -> Paging {
        Paging::asking(self.asked.max(self.shown), total)
    }

    /// How many sessions "Show more" would add (0: the whole list shows).
    pub fn next(self, total: usize) -> usize {
        self.more(total).shown.saturating_sub(self.shown)
    }
}

/// What the user narrowed the programme to. Empty means "everything".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Free text as typed; matched word by word (all words must occur).
    pub text: String,
    /// Track ids; a session matches if it is in any of them.
    pub tracks: Vec<String>,
    /// Speaker id; only that speaker's sessions.
    pub speaker: Option<String>,
    /// Only this conference day.
    pub day: Option<NaiveDate>,
    /// Room ids; a session matches if it is in any of them.
    pub rooms: Vec<String>,
    /// Language ids (slugs); any of them.
    pub languages: Vec<String>,
    /// Session type ids (slugs); any of them.
    pub formats: Vec<String>,
    /// Only sessions in what the user follows ("What I follow").
    pub following: bool,
}

/// The list-valued filters besides Track: (URL key, noun).
/// A notice of an unknown value is [`unknown_value`]'s.
pub const FACETS: [(&str, &str); 3] = [
    ("room", "room"),
    ("lang", "language"),
    ("type", "session type"),
];

impl Filter {
    /// Whether the filter lets every session through.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.tracks.is_empty()
            && self.speaker.is_none()
            && self.day.is_none()
            && self.rooms.is_empty()
            && self.languages.is_empty()
            && self.formats.is_empty()
            && !self.following
    }

    /// The chosen ids of a list filter by its URL key ("track", "room", "lang", "type").
    pub fn facet(&self, key: &str) -> &Vec<String> {
        match key {
            "track" => &self.tracks,
            "room" => &self.rooms,
            "lang" => &self.languages,
            _ => &self.formats,
        }
    }

    /// The chosen ids of a list filter, to change.
    pub fn facet_mut(&mut self, key: &str) -> &mut Vec<String> {
        match key {
            "track" => &mut self.tracks,
            "room" => &mut self.rooms,
            "lang" => &mut self.languages,
            _ => &mut self.formats,
        }
    }

    /// Read a filter from a URL query string (as in `location.search`),
    /// checking each value against the schedule. Unknown values are dropped
    /// and described in the returned notices.
    pub fn from_query(query: &str, schedule: &Schedule) -> (Filter, Vec<String>) {
        let mut filter = Filter::default();
        let mut notices = Vec::new();
        for (key, raw) in url::query_pairs_raw(query) {
            if key == "track" {
                for slug in url::decode_list(raw) {
                    if schedule.track_by_id(&slug).is_none() {
                        notices.push(unknown_value("track", &slug));
                    } else if !filter.tracks.contains(&slug) {
                        filter.tracks.push(slug);
                    }
                }
                continue;
            }
            if FACETS.iter().any(|(k, _)| *k == key) {
                for slug in url::decode_list(raw) {
                    if facet_index(schedule, &key, &slug).is_none() {
                        notices.push(unknown_value(&key, &slug));
                    } else if !filter.facet(&key).contains(&slug) {
                        filter.facet_mut(&key).push(slug);
                    }
                }
                continue;
            }
            let value = url::decode(raw);
            let value = value.as_str();
            match key.as_str() {
                "q" => filter.text = value.to_string(),
                "following" => filter.following = !matches!(value, "" | "0"),
                "speaker" if !value.is_empty() => {
                    if schedule.speaker_by_id(value).is_some() {
                        filter.speaker = Some(value.to_string());
                    } else {
                        notices.push(unknown_value("speaker", value));
                    }
                }
                "day" if !value.is_empty() => match super::time::parse_ymd(value) {
                    Some(d) if schedule.days.contains(&d) => filter.day = Some(d),
                    _ => notices.push(unknown_value("day", value)),
                },
                _ => {}
            }
        }
        (filter, notices)
    }

    /// The query string for this filter, with a leading `?`, or "" when empty.
    /// Keys appear in a fixed order so equal filters give equal URLs.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.text.is_empty() {
            parts.push(format!("q={}", url::encode(&self.text)));
        }
        if !self.tracks.is_empty() {
            parts.push(format!("track={}", url::encode_list(&self.tracks)));
        }
        if let Some(s) = &self.speaker {
            parts.push(format!("speaker={}", url::encode(s)));
        }
        if let Some(d) = self.day {
            parts.push(format!("day={d}"));
        }
        for (key, _) in FACETS {
            let ids = self.facet(key);
            if !ids.is_empty() {
                parts.push(format!("{key}={}", url::encode_list(ids)));
            }
        }
        if self.following {
            parts.push("following=1".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The indices of matching sessions, in schedule (time) order;
    /// `follows` is what the user follows ("What I follow": nothing matches
    /// when nothing is followed).
    pub fn apply(&self, schedule: &Schedule, follows: &[Followed]) -> Vec<usize> {
        let words = search_words(&self.text);
        let tracks: Vec<usize> = self
            .tracks
            .iter()
            .filter_map(|t| schedule.track_by_id(t))
            .collect();
        let speaker = self
            .speaker
            .as_deref()
            .and_then(|s| schedule.speaker_by_id(s));
        if self.speaker.is_some() && speaker.is_none() {
            return Vec::new();
        }
        let chosen = |key: &str| -> Vec<usize> {
            self.facet(key)
                .iter()
                .filter_map(|id| facet_index(schedule, key, id))
                .collect()
        };
        let (rooms, languages, formats) = (chosen("room"), chosen("lang"), chosen("type"));
        let followed: Vec<_> = follows
            .iter()
            .filter_map(|f| Some((f.kind, f.index(schedule)?)))
            .collect();
        let any = |list: &[usize], value: Option<usize>| {
            list.is_empty() || value.is_some_and(|v| list.contains(&v))
        };
        schedule
            .sessions
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                (tracks.is_empty() || s.track.is_some_and(|t| tracks.contains(&t)))
                    && speaker.is_none_or(|p| s.speakers.contains(&p))
                    && self.day.is_none_or(|d| s.day() == d)
                    && any(&rooms, s.room)
                    && any(&languages, s.language)
                    && any(&formats, s.format)
                    && (!self.following || followed.iter().any(|&(k, f)| covers_at(k, f, s)))
                    && matches_words(schedule.search_text(*i), &words)
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// The notice of a value of the filter's URL key `key` ("track", "room",
/// "lang", "type", "speaker", "day") that the schedule does not have: one
/// whole sentence per key, so that each language words it its own way.
fn unknown_value(key: &str, value: &str) -> String {
    match key {
        "track" => trf!("No track \"{value}\" in this schedule.", value = value),
        "room" => trf!("No room \"{value}\" in this schedule.", value = value),
        "lang" => trf!("No language \"{value}\" in this schedule.", value = value),
        "type" => trf!(
            "No session type \"{value}\" in this schedule.",
            value = value
        ),
        "speaker" => trf!("No speaker \"{value}\" in this schedule.", value = value),
        _ => trf!("No day \"{value}\" in this schedule.", value = value),
    }
}

/// The position of a room, language or session type by its URL key and id.
pub fn facet_index(schedule: &Schedule, key: &str, id: &str) -> Option<usize> {
    match key {
        "room" => schedule.room_by_id(id),
        "lang" => schedule.language_by_id(id),
        "type" => schedule.format_by_id(id),
        _ => None,
    }
}

/// Leave out sessions that ended before `now` (the "hide past sessions" toggle).
pub fn without_past(
    schedule: &Schedule,
    found: Vec<usize>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Vec<usize> {
    found
        .into_iter()
        .filter(|&i| schedule.sessions[i].end > now)
        .collect()
}

/// Split a query into folded words; an empty query has no words and matches everything.
pub fn search_words(text: &str) -> Vec<String> {
    fold_for_search(text)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Does the (already folded) haystack contain every word?
pub fn matches_words(haystack: &str, words: &[String]) -> bool {
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// The speakers the Speaker filter offers for typed `text`, as indices into
/// `schedule.speakers`: those who give a session and whose name or
/// affiliation holds every word of the text (accents and case ignored);
/// names that start with the text first, then the others, each in name
/// order; at most `limit`. Built only while the filter is open: a `<select>`
/// of every speaker costs thousands of nodes at load and is no use to pick
/// from at that size.
pub fn speaker_choices(schedule: &Schedule, text: &str, limit: usize) -> Vec<usize> {
    let words = search_words(text);
    let folded_text = words.join(" ");
    let (mut starting, mut others) = (Vec::new(), Vec::new());
    for i in schedule.speakers_by_name() {
        if starting.len() >= limit {
            break;
        }
        if schedule.sessions_of_speaker(i).is_empty() {
            continue;
        }
        let speaker = &schedule.speakers[i];
        let name = fold_for_search(&speaker.name);
        if name.starts_with(&folded_text) {
            starting.push(i);
            continue;
        }
        let affiliation = speaker.affiliation.as_deref().map(fold_for_search);
        let haystack = format!("{name} {}", affiliation.unwrap_or_default());
        if others.len() < limit && matches_words(&haystack, &words) {
            others.push(i);
        }
    }
    starting.extend(others);
    starting.truncate(limit);
    starting
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_speaker_filter_offers_names_starting_with_the_text_first() {
        let s = small();
        let names = |text: &str, limit: usize| -> Vec<String> {
            speaker_choices(&s, text, limit)
                .into_iter()
                .map(|i| s.speakers[i].name.clone())
                .collect()
        };
        // No text: every speaker with a session, in name order, up to the limit.
        let all = names("", 100);
        assert!(!all.is_empty());
        let mut sorted = all.clone();
        sorted.sort_by_key(|n| fold_for_search(n));
        assert_eq!(all, sorted);
        assert_eq!(names("", 1), all[..1].to_vec());
        for name in &all {
            // A whole name finds its speaker first, whatever the case and accents.
            assert_eq!(names(&name.to_uppercase(), 100).first(), Some(name));
        }
        assert!(names("no speaker is called this", 100).is_empty());
        // Accents folded; the affiliation counts; every word must match.
        assert_eq!(names("adam sandor", 100), ["Ádám Sándor"]);
        assert_eq!(names("container", 100), ["Ádám Sándor"]);
        assert_eq!(names("adam bob", 100), Vec::<String>::new());
        assert_eq!(names("o", 100), ["Ádám Sándor", "Bob"]);
        assert_eq!(names("o", 1), ["Ádám Sándor"]);
        assert_eq!(names("b", 100), ["Bob"]);
    }

    use super::*;

    use crate::model::schedule::tests::small;

    #[test]
    fn a_short_list_shows_whole_and_a_long_one_in_pages() {
        let shown = |p: Paging| p.shown;
        assert_eq!(shown(Paging::first(0)), 0);
        assert_eq!(shown(Paging::first(28)), 28);
        assert_eq!(shown(Paging::first(WHOLE_LIST)), WHOLE_LIST);
        assert_eq!(Paging::first(WHOLE_LIST).next(WHOLE_LIST), 0);
        // 79: a page of 30; then the rest, since the 19 after a second page
        // are few enough to come with it.
        let first = Paging::first(79);
        assert_eq!((first.shown, first.next(79)), (30, 49));
        let all = first.more(79);
        assert_eq!((all.shown, all.next(79)), (79, 0));
        assert_eq!(all.more(79).shown, 79);
        // 200: pages of 30, the last few with the page before them.
        let mut p = Paging::first(200);
        let mut seen = vec![p.shown];
        while p.next(200) > 0 {
            p = p.more(200);
            seen.push(p.shown);
        }
        assert_eq!(seen, [30, 60, 90, 120, 150, 200]);
        assert_eq!(shown(Paging::first(10_000)), PAGE_SIZE);
    }

    #[test]
    fn a_newer_schedule_taken_in_place_keeps_the_cards_shown() {
        // 50 shown whole; the update makes it 51: all 51 stay.
        assert_eq!(Paging::first(50).kept(51).shown, 51);
        // 60 of 200 shown; the update makes it 210: still 60, and more from there.
        let p = Paging::first(200).more(200).kept(210);
        assert_eq!((p.shown, p.next(210)), (60, 30));
        // The list shrinks under what was shown: all of it.
        assert_eq!(Paging::first(200).more(200).kept(40).shown, 40);
        // A new result starts again from its first page.
        assert_eq!(Paging::first(210).shown, 30);
    }

    fn ids(schedule: &Schedule, found: &[usize]) -> Vec<String> {
        found
            .iter()
            .map(|&i| schedule.sessions[i].id.clone())
            .collect()
    }

    fn run(filter: &Filter) -> Vec<String> {
        let s = small();
        ids(&s, &filter.apply(&s, &[]))
    }

    #[test]
    fn empty_filter_matches_everything() {
        assert!(Filter::default().is_empty());
        assert_eq!(run(&Filter::default()), ["s1", "s2", "s3"]);
    }

    #[test]
    fn filters_by_one_or_several_tracks() {
        let one = Filter {
            tracks: vec!["ops".into()],
            ..Filter::default()
        };
        assert_eq!(run(&one), ["s2"]);
        let two = Filter {
            tracks: vec!["ops".into(), "dev".into()],
            ..Filter::default()
        };
        assert_eq!(run(&two), ["s1", "s2", "s3"]);
    }

    #[test]
    fn filters_by_speaker_and_day() {
        let bob = Filter {
            speaker: Some("bob".into()),
            ..Filter::default()
        };
        assert_eq!(run(&bob), ["s1", "s2"]);
        let day2 = Filter {
            day: NaiveDate::from_ymd_opt(2017, 10, 27),
            ..Filter::default()
        };
        assert_eq!(run(&day2), ["s3"]);
        let ghost = Filter {
            speaker: Some("ghost".into()),
            ..Filter::default()
        };
        assert!(run(&ghost).is_empty());
    }

    #[test]
    fn text_matches_title_abstract_and_speakers_word_by_word() {
        let by = |q: &str| {
            run(&Filter {
                text: q.into(),
                ..Filter::default()
            })
        };
        assert_eq!(by("SECURITY"), ["s2"]);
        assert_eq!(by("third"), ["s3"]);
        assert_eq!(by("sándor"), ["s1"]);
        assert_eq!(by("sandor knee"), ["s1"]);
        assert_eq!(by("sandor security"), Vec::<String>::new());
        assert_eq!(by("  "), ["s1", "s2", "s3"]);
    }

    #[test]
    fn filters_combine() {
        let f = Filter {
            text: "bob".into(),
            tracks: vec!["dev".into()],
            speaker: Some("bob".into()),
            day: NaiveDate::from_ymd_opt(2017, 10, 26),
            ..Filter::default()
        };
        assert_eq!(run(&f), ["s1"]);
        let none = Filter {
            day: NaiveDate::from_ymd_opt(2017, 10, 27),
            ..f
        };
        assert!(run(&none).is_empty());
    }

    #[test]
    fn filters_by_room_and_type_several_at_once_in_the_url() {
        let s = small();
        let (f, notices) = Filter::from_query("?room=a&type=talk", &s);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(ids(&s, &f.apply(&s, &[])), ["s2", "s3"]);
        let (f, _) = Filter::from_query("?room=a,b&type=keynote", &s);
        assert_eq!(ids(&s, &f.apply(&s, &[])), ["s1"]);
        assert_eq!(f.to_query(), "?room=a,b&type=keynote");
        let (f, notices) = Filter::from_query("?room=zz&lang=xx&type=talk", &s);
        assert_eq!(
            notices,
            [
                "No room \"zz\" in this schedule.",
                "No language \"xx\" in this schedule."
            ]
        );
        assert_eq!(ids(&s, &f.apply(&s, &[])), ["s2", "s3"]);
    }

    #[test]
    fn query_round_trip() {
        let s = small();
        let f = Filter {
            text: "mesos & more?=#".into(),
            tracks: vec!["ops".into(), "dev".into()],
            speaker: Some("ada".into()),
            day: NaiveDate::from_ymd_opt(2017, 10, 27),
            ..Filter::default()
        };
        let q = f.to_query();
        assert_eq!(
            q,
            "?q=mesos%20%26%20more%3F%3D%23&track=ops,dev&speaker=ada&day=2017-10-27"
        );
        let (back, notices) = Filter::from_query(&q, &s);
        assert_eq!(back, f);
        assert!(notices.is_empty());
        assert_eq!(Filter::default().to_query(), "");
    }

    #[test]
    fn what_i_follow_lives_in_the_url_and_keeps_followed_sessions() {
        use crate::model::follow::{FollowKind, Followed};
        let s = small();
        let (f, notices) = Filter::from_query("?following=1&track=ops", &s);
        assert!(f.following && !f.is_empty() && notices.is_empty());
        assert_eq!(f.to_query(), "?track=ops&following=1");
        assert!(!Filter::from_query("?following=0", &s).0.following);
        let only = Filter {
            following: true,
            ..Filter::default()
        };
        // Nothing followed: nothing matches.
        assert!(only.apply(&s, &[]).is_empty());
        let speaker = Followed::new(FollowKind::Speaker, &s.speakers[0].id);
        let track = Followed::new(FollowKind::Track, &s.tracks[1].id);
        let want: Vec<usize> = (0..s.sessions.len())
            .filter(|&i| speaker.covers(&s, &s.sessions[i]) || track.covers(&s, &s.sessions[i]))
            .collect();
        assert!(!want.is_empty() && want.len() < s.sessions.len());
        assert_eq!(only.apply(&s, &[speaker.clone(), track.clone()]), want);
        // Other filters still narrow it; without "following" follows do nothing.
        assert_eq!(
            Filter::default().apply(&s, &[speaker]).len(),
            s.sessions.len()
        );
    }

    #[test]
    fn unknown_query_values_are_ignored_with_a_notice() {
        let s = small();
        let (f, notices) =
            Filter::from_query("?track=ops,nope&speaker=ghost&day=2017-13-01&utm=x", &s);
        assert_eq!(
            f,
            Filter {
                tracks: vec!["ops".into()],
                ..Filter::default()
            }
        );
        assert_eq!(notices.len(), 3, "{notices:?}");
    }

    #[test]
    fn past_sessions_can_be_left_out() {
        let s = small();
        let all = Filter::default().apply(&s, &[]);
        let at = |x: &str| chrono::DateTime::parse_from_rfc3339(x).unwrap();
        // s1 ends 09:30, s2 at 11:40: at 11:40 exactly s2 has ended too.
        assert_eq!(
            ids(
                &s,
                &without_past(&s, all.clone(), at("2017-10-26T09:30:00+02:00"))
            ),
            ["s2", "s3"]
        );
        assert_eq!(
            ids(
                &s,
                &without_past(&s, all.clone(), at("2017-10-26T11:40:00+02:00"))
            ),
            ["s3"]
        );
        assert_eq!(
            ids(&s, &without_past(&s, all, at("2017-10-25T00:00:00Z"))).len(),
            3
        );
    }

    #[test]
    fn a_track_id_with_a_comma_survives_the_url() {
        let text = crate::model::schedule::tests::SMALL
            .replace("\"id\": \"ops\"", "\"id\": \"ops, infra/€\"")
            .replace("\"track\": \"ops\"", "\"track\": \"ops, infra/€\"");
        let s = crate::model::schedule::parse_schedule(&text).unwrap();
        let f = Filter {
            tracks: vec!["ops, infra/€".into(), "dev".into()],
            ..Filter::default()
        };
        let q = f.to_query();
        assert!(
            q.starts_with("?track=ops%2C%20infra%2F%E2%82%AC,dev"),
            "{q}"
        );
        let (back, notices) = Filter::from_query(&q, &s);
        assert_eq!(back, f);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(ids(&s, &back.apply(&s, &[])), ["s1", "s2", "s3"]);
    }
}
