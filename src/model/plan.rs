//! Planning over a set of sessions: overlaps (clashes), gaps, and what is on
//! now and next at a given instant (the clock is always passed in).

use chrono::{DateTime, FixedOffset};

use super::time::{intervals_overlap, Instant};

use super::schedule::Schedule;
use crate::trf;

/// Minutes before a "must" session that its reminder fires, and the
/// alarm of its calendar event.
pub const REMINDER_MINUTES: u32 = 10;

/// The reminder setting's label, built from [`REMINDER_MINUTES`].
pub fn reminder_label() -> String {
    trf!(
        "Remind me {n} minutes before my must sessions",
        n = REMINDER_MINUTES
    )
}

/// Groups of overlapping sessions: the connected components (of two or more
/// sessions) of the overlap relation, each in time order.
pub fn clash_groups(schedule: &Schedule, indices: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| schedule.sessions[i].start < schedule.sessions[i].end)
        .collect();
    // Sessions are stored in start order, so index order is start order.
    sorted.sort_unstable();
    sorted.dedup();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut current_end: Option<Instant> = None;
    for i in sorted {
        let s = &schedule.sessions[i];
        match current_end {
            // Sorted by start, so overlapping the group's span means
            // overlapping one of its members.
            Some(end) if s.start < end => {
                current.push(i);
                current_end = Some(end.max(s.end));
            }
            _ => {
                if current.len() > 1 {
                    groups.push(std::mem::take(&mut current));
                }
                current = vec![i];
                current_end = Some(s.end);
            }
        }
    }
    if current.len() > 1 {
        groups.push(current);
    }
    groups
}

/// For one session of a set, the others of the set it overlaps.
pub fn overlapping(schedule: &Schedule, indices: &[usize], index: usize) -> Vec<usize> {
    let s = &schedule.sessions[index];
    indices
        .iter()
        .copied()
        .filter(|&j| j != index && schedule.sessions[j].overlaps(s))
        .collect()
}

/// Every session of the schedule running at the same time as this one.
pub fn at_the_same_time(schedule: &Schedule, index: usize) -> Vec<usize> {
    let s = &schedule.sessions[index];
    (0..schedule.sessions.len())
        .filter(|&j| j != index && schedule.sessions[j].overlaps(s))
        .collect()
}

/// Every session of the schedule that overlaps the span `[start, end)`
/// (the alternatives to a clash).
pub fn overlapping_span(schedule: &Schedule, start: Instant, end: Instant) -> Vec<usize> {
    (0..schedule.sessions.len())
        .filter(|&j| {
            let o = &schedule.sessions[j];
            intervals_overlap((o.start, o.end), (start, end))
        })
        .collect()
}

/// The longest stretch one timetable day shows, in hours: a longer session
/// (a week-long hackathon) is cut at its edge, so a day's grid stays small.
pub const MAX_DAY_HOURS: i64 = 36;

/// The span a timetable of these sessions covers: from the whole half hour
/// at or before the first start to the last end, at most [`MAX_DAY_HOURS`].
pub fn day_span(schedule: &Schedule, indices: &[usize]) -> Option<(Instant, Instant)> {
    use chrono::Timelike;
    let first = indices.iter().map(|&i| schedule.sessions[i].start).min()?;
    let last = indices.iter().map(|&i| schedule.sessions[i].end).max()?;
    let origin = first
        - chrono::TimeDelta::minutes(i64::from(first.minute() % 30))
        - chrono::TimeDelta::seconds(i64::from(first.second()));
    Some((
        origin,
        last.min(origin + chrono::TimeDelta::hours(MAX_DAY_HOURS)),
    ))
}

/// Free time between consecutive sessions of the same day, at least `min_minutes` long:
/// (index of the session before the gap, gap start, gap end).
pub fn gaps(
    schedule: &Schedule,
    indices: &[usize],
    min_minutes: i64,
) -> Vec<(usize, DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let mut sorted: Vec<usize> = indices.to_vec();
    sorted.sort_unstable();
    let mut out = Vec::new();
    let mut latest: Option<(usize, DateTime<FixedOffset>)> = None;
    for i in sorted {
        let s = &schedule.sessions[i];
        if let Some((before, end)) = latest {
            if schedule.sessions[before].day() == s.day()
                && (s.start - end).num_minutes() >= min_minutes
            {
                out.push((before, end, s.start));
            }
        }
        latest = match latest {
            Some((b, end)) if end >= s.end => Some((b, end)),
            _ => Some((i, s.end)),
        };
    }
    out
}

/// Where the conference is relative to an instant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NowAndNext {
    /// Before the first session: when it starts.
    NotStarted {
        first: DateTime<FixedOffset>,
    },
    /// Running now and starting next (all sessions at the next start time).
    Running {
        now: Vec<usize>,
        next: Vec<usize>,
    },
    Over {
        last_end: DateTime<FixedOffset>,
    },
}

/// What runs at `at` and what starts next (or that the conference has not started, or is over).
pub fn now_and_next(schedule: &Schedule, at: DateTime<FixedOffset>) -> NowAndNext {
    let (Some(first), Some(last_end)) = (
        schedule.sessions.first().map(|s| s.start),
        schedule.sessions.iter().map(|s| s.end).max(),
    ) else {
        return NowAndNext::Over { last_end: at };
    };
    if at < first {
        return NowAndNext::NotStarted { first };
    }
    if at >= last_end {
        return NowAndNext::Over { last_end };
    }
    let all: Vec<usize> = (0..schedule.sessions.len()).collect();
    let (now, next) = on_now_and_next(schedule, &all, at);
    NowAndNext::Running { now, next }
}

/// Of these sessions (a room's, or all), those running at `at` and those
/// starting next (all at the next start after `at`; none when none is left):
/// the one rule of "on now" and "next".
pub fn on_now_and_next(
    schedule: &Schedule,
    indices: &[usize],
    at: DateTime<FixedOffset>,
) -> (Vec<usize>, Vec<usize>) {
    let session = |i: &usize| &schedule.sessions[*i];
    let now: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|i| session(i).start <= at && at < session(i).end)
        .collect();
    let next_start = indices
        .iter()
        .map(|i| session(i).start)
        .filter(|&t| t > at)
        .min();
    let next = match next_start {
        Some(t) => indices
            .iter()
            .copied()
            .filter(|i| session(i).start == t)
            .collect(),
        None => Vec::new(),
    };
    (now, next)
}

/// Starred "must" sessions to remind of at `at`: starting within `lead_minutes`
/// and not started yet, leaving out those already notified.
pub fn due_reminders(
    schedule: &Schedule,
    agenda: &super::agenda::Agenda,
    at: DateTime<FixedOffset>,
    lead_minutes: i64,
    already: &[String],
) -> Vec<usize> {
    agenda
        .scheduled(schedule)
        .into_iter()
        .filter(|&i| {
            let s = &schedule.sessions[i];
            let must = agenda.entry(&s.id).map(|e| e.level) == Some(super::agenda::Level::Must);
            let until = (s.start - at).num_seconds();
            must && until > 0 && until <= lead_minutes * 60 && !already.contains(&s.id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reminder_label_says_the_reminder_minutes() {
        assert_eq!(
            reminder_label(),
            "Remind me 10 minutes before my must sessions"
        );
        assert!(reminder_label().contains(&format!(" {REMINDER_MINUTES} minutes")));
    }
    use crate::model::schedule::parse_schedule;

    fn sched() -> Schedule {
        parse_schedule(
            r#"{"version":1,"conference":{"id":"c","title":"C"},"sessions":[
            {"id":"a","title":"A","start":"2017-10-26T09:00:00+02:00","end":"2017-10-26T10:00:00+02:00"},
            {"id":"b","title":"B","start":"2017-10-26T09:30:00+02:00","end":"2017-10-26T10:30:00+02:00"},
            {"id":"c","title":"C","start":"2017-10-26T10:15:00+02:00","end":"2017-10-26T11:00:00+02:00"},
            {"id":"d","title":"D","start":"2017-10-26T11:00:00+02:00","end":"2017-10-26T11:30:00+02:00"},
            {"id":"e","title":"E","start":"2017-10-26T13:00:00+02:00","end":"2017-10-26T14:00:00+02:00"},
            {"id":"f","title":"F","start":"2017-10-27T09:00:00+02:00","end":"2017-10-27T10:00:00+02:00"}
            ]}"#,
        )
        .unwrap()
    }

    fn ids(s: &Schedule, v: &[usize]) -> Vec<String> {
        v.iter().map(|&i| s.sessions[i].id.clone()).collect()
    }

    #[test]
    fn clashes_group_chains_of_overlaps_and_touching_is_not_a_clash() {
        let s = sched();
        let all: Vec<usize> = (0..s.sessions.len()).collect();
        let groups = clash_groups(&s, &all);
        assert_eq!(groups.len(), 1);
        assert_eq!(ids(&s, &groups[0]), ["a", "b", "c"]);
        assert_eq!(ids(&s, &overlapping(&s, &all, 1)), ["a", "c"]);
        assert_eq!(ids(&s, &overlapping(&s, &all, 0)), ["b"]);
        assert!(overlapping(&s, &all, 3).is_empty(), "d starts when c ends");
        assert!(clash_groups(&s, &[0, 3, 4]).is_empty());
    }

    #[test]
    fn a_zero_length_session_neither_joins_nor_splits_a_clash() {
        let s = parse_schedule(
            r#"{"version":1,"conference":{"id":"c","title":"C"},"sessions":[
            {"id":"a","title":"A","start":"2017-10-26T09:00:00+02:00","end":"2017-10-26T11:00:00+02:00"},
            {"id":"z","title":"Z","start":"2017-10-26T10:00:00+02:00","end":"2017-10-26T10:00:00+02:00"},
            {"id":"b","title":"B","start":"2017-10-26T10:30:00+02:00","end":"2017-10-26T11:30:00+02:00"}
            ]}"#,
        )
        .unwrap();
        let all: Vec<usize> = (0..3).collect();
        let groups = clash_groups(&s, &all);
        assert_eq!(groups.len(), 1);
        assert_eq!(ids(&s, &groups[0]), ["a", "b"]);
        let z = s.session_position("z").unwrap();
        assert!(overlapping(&s, &all, z).is_empty());
        assert!(at_the_same_time(&s, z).is_empty());
        let a = s.session_position("a").unwrap();
        assert_eq!(ids(&s, &at_the_same_time(&s, a)), ["b"]);
        let z_at = s.sessions[z].start;
        assert!(overlapping_span(&s, z_at, z_at).is_empty());
    }

    proptest::proptest! {
        /// Clash groups are exactly the connected components (of size ≥ 2)
        /// of the overlap relation.
        #[test]
        fn clash_groups_are_the_components_of_the_overlap_relation(
            spans in proptest::collection::vec((0i64..48, 0i64..8), 1..14)
        ) {
            let sessions: Vec<String> = spans
                .iter()
                .enumerate()
                .map(|(k, (start, len))| {
                    let t = |q: i64| format!("2020-01-01T{:02}:{:02}:00+00:00", q / 4, (q % 4) * 15);
                    format!(
                        r#"{{"id":"s{k}","title":"S{k}","start":"{}","end":"{}"}}"#,
                        t(*start),
                        t((start + len).min(95))
                    )
                })
                .collect();
            let text = format!(
                r#"{{"version":1,"conference":{{"id":"c","title":"C"}},"sessions":[{}]}}"#,
                sessions.join(",")
            );
            let s = parse_schedule(&text).unwrap();
            let n = s.sessions.len();
            // Union-find over every overlapping pair.
            let mut parent: Vec<usize> = (0..n).collect();
            fn root(p: &mut [usize], i: usize) -> usize {
                let mut r = i;
                while p[r] != r { r = p[r]; }
                p[i] = r;
                r
            }
            for i in 0..n {
                for j in 0..n {
                    if i != j && s.sessions[i].overlaps(&s.sessions[j]) {
                        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                        parent[a] = b;
                    }
                }
            }
            let mut expected: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
            for i in 0..n {
                let r = root(&mut parent, i);
                expected.entry(r).or_default().push(i);
            }
            let mut expected: Vec<Vec<usize>> =
                expected.into_values().filter(|g| g.len() > 1).collect();
            expected.sort();
            let all: Vec<usize> = (0..n).collect();
            let mut got = clash_groups(&s, &all);
            got.sort();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn a_timetable_day_is_bounded_whatever_the_sessions() {
        let s = parse_schedule(
            r#"{"version":1,"conference":{"id":"c","title":"C"},"sessions":[
            {"id":"a","title":"A","start":"2020-01-01T09:10:00+01:00","end":"2020-01-01T10:00:00+01:00"},
            {"id":"h","title":"Hackathon","start":"2020-01-01T10:00:00+01:00","end":"2020-01-07T10:00:00+01:00"}
            ]}"#,
        )
        .unwrap();
        let (origin, end) = day_span(&s, &[0, 1]).unwrap();
        assert_eq!(origin.to_rfc3339(), "2020-01-01T09:00:00+01:00");
        assert_eq!((end - origin).num_hours(), MAX_DAY_HOURS);
        let (_, end) = day_span(&s, &[0]).unwrap();
        assert_eq!(end.to_rfc3339(), "2020-01-01T10:00:00+01:00");
        assert_eq!(day_span(&s, &[]), None);
    }

    #[test]
    fn gaps_within_a_day_only() {
        let s = sched();
        let g = gaps(&s, &[0, 3, 4, 5], 30);
        assert_eq!(g.len(), 2);
        assert_eq!(s.sessions[g[0].0].id, "a");
        assert_eq!((g[0].2 - g[0].1).num_minutes(), 60);
        assert_eq!(s.sessions[g[1].0].id, "d");
        assert_eq!((g[1].2 - g[1].1).num_minutes(), 90);
        assert_eq!(gaps(&s, &[0, 3, 4, 5], 100).len(), 0);
    }

    #[test]
    fn reminders_for_musts_within_the_lead_time_once() {
        use crate::model::agenda::{Agenda, Level};
        let s = sched();
        let mut a = Agenda::default();
        for id in ["a", "b", "c"] {
            a.add(&s, s.session(id).unwrap(), "t");
        }
        let maybe = a.level_change("b", Level::Maybe).unwrap();
        a.apply(&maybe);
        let t = |x: &str| DateTime::parse_from_rfc3339(x).unwrap();
        // 08:52: a starts in 8 minutes.
        assert_eq!(
            ids(
                &s,
                &due_reminders(&s, &a, t("2017-10-26T08:52:00+02:00"), 10, &[])
            ),
            ["a"]
        );
        // Already notified: nothing more.
        assert!(
            due_reminders(&s, &a, t("2017-10-26T08:52:00+02:00"), 10, &["a".into()]).is_empty()
        );
        // 09:25: b (maybe) starts in 5 minutes, no reminder; c not yet within 10.
        assert!(due_reminders(&s, &a, t("2017-10-26T09:25:00+02:00"), 10, &[]).is_empty());
        // 10:06: c starts in 9 minutes.
        assert_eq!(
            ids(
                &s,
                &due_reminders(&s, &a, t("2017-10-26T10:06:00+02:00"), 10, &[])
            ),
            ["c"]
        );
        // Started: no reminder.
        assert!(due_reminders(&s, &a, t("2017-10-26T10:15:00+02:00"), 10, &[]).is_empty());
    }

    #[test]
    fn now_and_next_with_a_fixed_clock() {
        let s = sched();
        let t = |x: &str| DateTime::parse_from_rfc3339(x).unwrap();
        assert_eq!(
            now_and_next(&s, t("2017-10-26T08:00:00+02:00")),
            NowAndNext::NotStarted {
                first: t("2017-10-26T09:00:00+02:00")
            }
        );
        match now_and_next(&s, t("2017-10-26T09:45:00+02:00")) {
            NowAndNext::Running { now, next } => {
                assert_eq!(ids(&s, &now), ["a", "b"]);
                assert_eq!(ids(&s, &next), ["c"]);
            }
            other => panic!("{other:?}"),
        }
        // Between days: nothing running, the next morning next.
        match now_and_next(&s, t("2017-10-26T20:00:00+02:00")) {
            NowAndNext::Running { now, next } => {
                assert!(now.is_empty());
                assert_eq!(ids(&s, &next), ["f"]);
            }
            other => panic!("{other:?}"),
        }
        // The same instant written in UTC gives the same answer.
        assert_eq!(
            now_and_next(&s, t("2017-10-26T07:45:00Z")),
            now_and_next(&s, t("2017-10-26T09:45:00+02:00"))
        );
        assert!(matches!(
            now_and_next(&s, t("2017-10-27T10:00:00+02:00")),
            NowAndNext::Over { .. }
        ));
    }

    #[test]
    fn on_now_and_next_among_some_sessions() {
        let s = sched();
        let t = |x: &str| DateTime::parse_from_rfc3339(x).unwrap();
        let only = |names: &[&str]| -> Vec<usize> {
            names
                .iter()
                .map(|n| s.session_position(n).unwrap())
                .collect()
        };
        // Among b and f alone: b runs at 09:45, f is next (the next morning).
        let (now, next) = on_now_and_next(&s, &only(&["b", "f"]), t("2017-10-26T09:45:00+02:00"));
        assert_eq!(ids(&s, &now), ["b"]);
        assert_eq!(ids(&s, &next), ["f"]);
        // After the last of them: nothing on, nothing next.
        let (now, next) = on_now_and_next(&s, &only(&["a"]), t("2017-10-26T20:00:00+02:00"));
        assert!(now.is_empty() && next.is_empty());
        // Among all of them, the same answer as the conference's.
        let all: Vec<usize> = (0..s.sessions.len()).collect();
        let at = t("2017-10-26T09:45:00+02:00");
        let (now, next) = on_now_and_next(&s, &all, at);
        assert_eq!(now_and_next(&s, at), NowAndNext::Running { now, next });
    }
}
