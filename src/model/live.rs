//! Live during the conference: when an open page checks for a newer
//! schedule, what an answer means, how fresh the schedule shown is, and what
//! an update changed and for whom. Pure rules; `browser::live` asks the
//! network and `state::live` applies the answers.
//!
//! Cadence (docs/decisions.md, "Live checks"): every [`CHECK_DURING`] while
//! the conference runs, every [`CHECK_BEFORE`] before it (and once at its
//! start), never after its last session ends; after a failed check the wait
//! doubles, up to [`MAX_BACKOFF`].

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use chrono::TimeDelta;

use super::agenda::Agenda;
use super::changes::Change;
use super::schedule::Schedule;
use super::time::{clock, Instant};
use super::words::tr;
use crate::{trf, trn};

/// How often an open page checks while the conference runs.
pub const CHECK_DURING: TimeDelta = TimeDelta::minutes(5);
/// How often an open page checks before the conference starts.
pub const CHECK_BEFORE: TimeDelta = TimeDelta::hours(1);
/// The longest wait between checks after failures.
pub const MAX_BACKOFF: TimeDelta = TimeDelta::hours(1);

/// The span of a conference: first session's start, last session's end.
pub fn conference_span(schedule: &Schedule) -> Option<(Instant, Instant)> {
    let start = schedule.sessions.iter().map(|s| s.start).min()?;
    let end = schedule.sessions.iter().map(|s| s.end).max()?;
    Some((start, end))
}

/// When to check next, `failures` checks in a row having failed; None: no
/// more checks (the conference is over, or the schedule has no sessions).
pub fn next_check(
    now: Instant,
    span: Option<(Instant, Instant)>,
    failures: u32,
) -> Option<Instant> {
    let (start, end) = span?;
    if now >= end {
        return None;
    }
    let base = if now < start {
        CHECK_BEFORE
    } else {
        CHECK_DURING
    };
    let wait = base
        .checked_mul(1 << failures.min(8))
        .unwrap_or(MAX_BACKOFF)
        .min(MAX_BACKOFF.max(base));
    let at = now + wait;
    // The first check of the conference is at its start, not up to an hour later.
    Some(if now < start && failures == 0 {
        at.min(start)
    } else {
        at
    })
}

/// The validators of the copy the page has, sent with the next check so that
/// an unchanged file costs a `304` and no download.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` of the copy.
    pub etag: Option<String>,
    /// Its `Last-Modified`.
    pub last_modified: Option<String>,
}

impl Validators {
    /// The conditional headers of a check (`If-None-Match`, `If-Modified-Since`).
    pub fn request_headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = Vec::new();
        if let Some(e) = &self.etag {
            headers.push(("If-None-Match", e.clone()));
        }
        if let Some(m) = &self.last_modified {
            headers.push(("If-Modified-Since", m.clone()));
        }
        headers
    }
}

/// What the network said to a check, before any parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// No answer at all (offline, refused), or the service worker's saved
    /// copy because the network did not answer.
    Unreachable,
    /// An HTTP status with no usable file (`304` included).
    Status(u16),
    /// A file: its text and validators.
    File {
        /// The body.
        text: String,
        /// Its validators.
        validators: Validators,
    },
}

/// What an answer means for the schedule shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing new: keep the schedule; no parse.
    Unchanged,
    /// A file different from the one shown: parse it (and keep these validators).
    Parse {
        /// The body.
        text: String,
        /// Its validators.
        validators: Validators,
    },
    /// The network is gone: keep the schedule, say since when.
    Offline,
    /// The server answered with an error: keep the schedule, say so.
    ServerError(u16),
}

/// What an answer means, given the fingerprint of the body shown
/// ([`body_fingerprint`]): a `304`, or the same bytes again, is no change
/// and costs no parse.
pub fn judge(answer: Answer, shown_body: u64) -> Verdict {
    match answer {
        Answer::Unreachable => Verdict::Offline,
        Answer::Status(304) => Verdict::Unchanged,
        Answer::Status(status) => Verdict::ServerError(status),
        Answer::File { text, .. } if body_fingerprint(&text) == shown_body => Verdict::Unchanged,
        Answer::File { text, validators } => Verdict::Parse { text, validators },
    }
}

/// A fingerprint of a schedule file's bytes (to tell the same file again).
pub fn body_fingerprint(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Why a newer file was not taken: the current schedule stays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckProblem {
    /// The server answered with this status.
    Server(u16),
    /// The file could not be read (the reader's words).
    Broken(String),
    /// The file is another conference's.
    OtherConference,
    /// A lazily loaded part of the app that reads or takes the newer file
    /// could not be fetched (the file itself may be fine).
    PartMissing,
    /// The part of the app that asks the server could not be fetched: the
    /// server was not asked.
    CheckerMissing,
}

impl std::fmt::Display for CheckProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckProblem::Server(status) => f.write_str(&trf!(
                "The last check for a newer schedule failed (the server answered {status}); the schedule shown is kept.",
                status = status
            )),
            CheckProblem::Broken(why) => f.write_str(&trf!(
                "The newer schedule file could not be read ({why}); the schedule shown is kept.",
                why = why
            )),
            CheckProblem::OtherConference => f.write_str(tr(
                "The schedule's address now gives another conference's schedule; the schedule shown is kept.",
            )),
            CheckProblem::PartMissing => f.write_str(tr(
                "A newer schedule is there, but the part of this app that takes it in could not be loaded; the schedule shown is kept.",
            )),
            CheckProblem::CheckerMissing => f.write_str(tr(
                "The part of this app that checks for a newer schedule could not be loaded; the schedule shown is kept. Check the connection, or reload the page.",
            )),
        }
    }
}

/// How fresh the schedule shown is: the outcome of the checks so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Freshness {
    /// The last check that reached the server.
    pub checked: Option<Instant>,
    /// Unreachable since then (the first of the failed checks in a row).
    pub offline_since: Option<Instant>,
    /// Failed checks in a row (offline or a server error): the back-off.
    pub failures: u32,
    /// Why the last answer was not taken, if it was not.
    pub problem: Option<CheckProblem>,
}

/// How a check ended, for [`Freshness::after`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing new, or a newer schedule taken.
    Fresh,
    /// No network.
    Offline,
    /// An answer that was not taken.
    Refused(CheckProblem),
}

impl Freshness {
    /// The state after a check at `now` ended with `outcome`.
    pub fn after(&self, outcome: Outcome, now: Instant) -> Freshness {
        match outcome {
            Outcome::Fresh => Freshness {
                checked: Some(now),
                ..Freshness::default()
            },
            Outcome::Offline => Freshness {
                checked: self.checked,
                offline_since: self.offline_since.or(Some(now)),
                failures: self.failures.saturating_add(1),
                problem: self.problem.clone(),
            },
            Outcome::Refused(problem) => Freshness {
                // Without the part that asks, the server was not asked:
                // when it last answered stays.
                checked: match problem {
                    CheckProblem::CheckerMissing => self.checked,
                    _ => Some(now),
                },
                offline_since: None,
                // A server error, or no way to ask, backs off; a broken file
                // is retried on time.
                failures: match problem {
                    CheckProblem::Server(_) | CheckProblem::CheckerMissing => {
                        self.failures.saturating_add(1)
                    }
                    _ => 0,
                },
                problem: Some(problem),
            },
        }
    }

    /// "Checked 14:05", with times as `show` presents them (the zone shown).
    pub fn checked_words(&self, show: impl Fn(Instant) -> Instant) -> Option<String> {
        self.checked
            .map(|t| trf!("Checked {time}", time = clock(&show(t))))
    }

    /// "Offline since 13:40 — schedule as of 13:35", while offline: the
    /// schedule shown is as of the last check that reached the server.
    pub fn offline_words(&self, show: impl Fn(Instant) -> Instant) -> Option<String> {
        let since = clock(&show(self.offline_since?));
        Some(match self.checked {
            Some(t) => trf!(
                "Offline since {since} — schedule as of {time}",
                since = since,
                time = clock(&show(t))
            ),
            None => trf!("Offline since {since}", since = since),
        })
    }
}

/// What an update brought, counted for the notice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UpdateSummary {
    /// Sessions added, cancelled, moved or renamed.
    pub changes: usize,
    /// Of those, the ones in the agenda.
    pub in_agenda: usize,
    /// Of the others, the ones in what the user follows.
    pub followed: usize,
}

impl UpdateSummary {
    /// Count `changes` (from [`super::changes::diff`] to `new`) against
    /// the agenda and what it follows.
    pub fn of(changes: &[Change], new: &Schedule, agenda: &Agenda) -> Self {
        let in_agenda = |c: &&Change| agenda.contains(c.id());
        UpdateSummary {
            changes: changes.len(),
            in_agenda: changes.iter().filter(in_agenda).count(),
            followed: changes
                .iter()
                .filter(|c| !in_agenda(c) && !agenda.follows_of_change(c, new).is_empty())
                .count(),
        }
    }

    /// "Schedule updated at 14:05 — 3 changes, 1 in your agenda, 1 in
    /// what you follow".
    pub fn words(&self, at: &Instant) -> String {
        let mut parts = vec![match self.changes {
            0 => tr("no change to times, rooms or titles").to_string(),
            n => trn!("{n} change", "{n} changes", n),
        }];
        if self.in_agenda > 0 {
            parts.push(trn!(
                "{n} in your agenda",
                "{n} in your agenda",
                self.in_agenda
            ));
        }
        if self.followed > 0 {
            parts.push(trn!(
                "{n} in what you follow",
                "{n} in what you follow",
                self.followed
            ));
        }
        trf!(
            "Schedule updated at {time} — {changes}",
            time = clock(at),
            changes = parts.join(", ")
        )
    }
}

/// A system notification for a starred session that moved or was cancelled,
/// in the words of the changes panel ([`Change::words`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    /// "Moved: “Title”".
    pub title: String,
    /// "Now Thu 26 Oct 15:00, Club B (was Thu 26 Oct 10:00, Club A)".
    pub body: String,
}

/// The alerts an update owes the user: starred sessions that moved or were
/// cancelled, and sessions added to, moved in or cancelled from what the
/// user follows (renames, and additions elsewhere, are only in the panel),
/// times as `show` presents them.
pub fn alerts(
    changes: &[Change],
    new: &Schedule,
    agenda: &Agenda,
    show: &dyn Fn(Instant) -> Instant,
) -> Vec<Alert> {
    changes
        .iter()
        .filter_map(|c| {
            let starred = agenda.contains(c.id());
            let followed = if starred {
                Vec::new()
            } else {
                agenda.follows_of_change(c, new)
            };
            let moved_or_gone = matches!(c, Change::Moved { .. } | Change::Removed { .. });
            if !(starred && moved_or_gone || !followed.is_empty()) {
                return None;
            }
            let words = c.words(new, show);
            let mut body = words.detail();
            let add = |body: String, more: &str| match body.as_str() {
                "" => more.to_string(),
                was => format!("{was}. {more}"),
            };
            if starred && matches!(c, Change::Removed { .. }) {
                body = add(body, tr("It is kept in your agenda, marked as cancelled."));
            }
            if !followed.is_empty() {
                body = add(
                    body,
                    &trf!("You follow {names}.", names = followed.join(", ")),
                );
            }
            Some(Alert {
                title: words.headline,
                body,
            })
        })
        .collect()
}

/// A fingerprint of everything a session's card shows (title, times, room,
/// track, speakers, type, language, links, abstract): the key of its card in a list,
/// so that after an update only the cards of changed sessions are rebuilt.
pub fn card_key(schedule: &Schedule, index: usize) -> u64 {
    let mut h = DefaultHasher::new();
    if let Some(s) = schedule.sessions.get(index) {
        s.id.hash(&mut h);
        s.title.hash(&mut h);
        s.start.hash(&mut h);
        s.end.hash(&mut h);
        s.kind.hash(&mut h);
        schedule.room_name(s).hash(&mut h);
        schedule
            .track_of(s)
            .map(|t| (&t.id, &t.name, &t.color))
            .hash(&mut h);
        for &p in &s.speakers {
            schedule
                .speakers
                .get(p)
                .map(|p| (&p.id, &p.name, &p.affiliation))
                .hash(&mut h);
        }
        s.language
            .and_then(|l| schedule.languages.get(l))
            .map(|l| &l.name)
            .hash(&mut h);
        s.format
            .and_then(|f| schedule.formats.get(f))
            .map(|f| &f.name)
            .hash(&mut h);
        s.links.iter().map(|l| &l.url).for_each(|u| u.hash(&mut h));
        s.abstract_text.hash(&mut h);
    }
    h.finish()
}

/// A fingerprint of what the page's frame and filters offer (the
/// conference's title, place, zone and days; its tracks, rooms, speakers,
/// languages and types): the header and the filter bar are built again
/// after an update only when it changes.
pub fn offer_key(schedule: &Schedule) -> u64 {
    let mut h = DefaultHasher::new();
    let c = &schedule.conference;
    (&c.title, &c.location, &c.time_zone).hash(&mut h);
    schedule.days.hash(&mut h);
    for t in &schedule.tracks {
        (&t.id, &t.name, &t.color).hash(&mut h);
    }
    for r in &schedule.rooms {
        (&r.id, &r.name).hash(&mut h);
    }
    for p in &schedule.speakers {
        (&p.id, &p.name).hash(&mut h);
    }
    for f in schedule.languages.iter().chain(&schedule.formats) {
        (&f.id, &f.name).hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agenda::{AgendaChange, AgendaEntry, Level};
    use crate::model::changes::{diff, Snapshot};
    use crate::model::schedule::parse_schedule;
    use crate::model::time::parse_instant;

    fn t(s: &str) -> Instant {
        parse_instant(s).unwrap()
    }

    const SPAN: (&str, &str) = ("2017-10-26T09:00:00+02:00", "2017-10-27T18:00:00+02:00");

    fn span() -> Option<(Instant, Instant)> {
        Some((t(SPAN.0), t(SPAN.1)))
    }

    #[test]
    fn checks_hourly_before_every_five_minutes_during_and_never_after() {
        let before = t("2017-10-25T12:00:00+02:00");
        assert_eq!(next_check(before, span(), 0), Some(before + CHECK_BEFORE));
        // Less than an hour before: the next check is at the start.
        let soon = t("2017-10-26T08:40:00+02:00");
        assert_eq!(next_check(soon, span(), 0), Some(t(SPAN.0)));
        let during = t("2017-10-26T14:05:00+02:00");
        assert_eq!(
            next_check(during, span(), 0),
            Some(t("2017-10-26T14:10:00+02:00"))
        );
        assert_eq!(next_check(t(SPAN.1), span(), 0), None);
        assert_eq!(next_check(t("2017-11-01T10:00:00Z"), span(), 0), None);
        assert_eq!(next_check(during, None, 0), None);
    }

    #[test]
    fn failures_back_off_up_to_an_hour() {
        let during = t("2017-10-26T14:00:00+02:00");
        let waits: Vec<i64> = (0..8)
            .map(|f| (next_check(during, span(), f).unwrap() - during).num_minutes())
            .collect();
        assert_eq!(waits, [5, 10, 20, 40, 60, 60, 60, 60]);
        let before = t("2017-10-20T14:00:00+02:00");
        assert_eq!(next_check(before, span(), 3), Some(before + CHECK_BEFORE));
        assert_eq!(
            next_check(during, span(), u32::MAX).map(|n| n - during),
            Some(MAX_BACKOFF)
        );
    }

    /// An hour of conference time costs at most 12 checks, and every
    /// conference day at most 12 an hour: the bound the browser test asserts.
    #[test]
    fn an_hour_of_the_conference_is_at_most_twelve_checks() {
        let mut now = t("2017-10-26T13:00:00+02:00");
        let end_of_hour = now + TimeDelta::hours(1);
        let mut checks = 0;
        while let Some(next) = next_check(now, span(), 0) {
            if next > end_of_hour {
                break;
            }
            checks += 1;
            now = next;
        }
        assert_eq!(checks, 12);
    }

    #[test]
    fn conditional_headers_name_the_validators_kept() {
        assert!(Validators::default().request_headers().is_empty());
        let v = Validators {
            etag: Some("\"abc\"".into()),
            last_modified: Some("Thu, 26 Oct 2017 12:00:00 GMT".into()),
        };
        assert_eq!(
            v.request_headers(),
            [
                ("If-None-Match", "\"abc\"".to_string()),
                (
                    "If-Modified-Since",
                    "Thu, 26 Oct 2017 12:00:00 GMT".to_string()
                )
            ]
        );
    }

    #[test]
    fn an_answer_is_judged_before_any_parse() {
        let shown = body_fingerprint("old");
        assert_eq!(judge(Answer::Status(304), shown), Verdict::Unchanged);
        assert_eq!(judge(Answer::Status(500), shown), Verdict::ServerError(500));
        assert_eq!(judge(Answer::Status(404), shown), Verdict::ServerError(404));
        assert_eq!(judge(Answer::Unreachable, shown), Verdict::Offline);
        let file = |text: &str| Answer::File {
            text: text.into(),
            validators: Validators::default(),
        };
        // The same bytes from a server without validators: no parse either.
        assert_eq!(judge(file("old"), shown), Verdict::Unchanged);
        assert_eq!(
            judge(file("new"), shown),
            Verdict::Parse {
                text: "new".into(),
                validators: Validators::default()
            }
        );
    }

    #[test]
    fn freshness_follows_the_checks() {
        let at = |m: u32| t(&format!("2017-10-26T13:{m:02}:00+02:00"));
        let fresh = Freshness::default().after(Outcome::Fresh, at(35));
        assert_eq!(fresh.checked, Some(at(35)));
        let off = fresh.after(Outcome::Offline, at(40));
        let off = off.after(Outcome::Offline, at(50));
        assert_eq!(off.offline_since, Some(at(40)));
        assert_eq!(off.failures, 2);
        let same = |i| i;
        assert_eq!(
            off.offline_words(same).as_deref(),
            Some("Offline since 13:40 — schedule as of 13:35")
        );
        assert_eq!(off.checked_words(same).as_deref(), Some("Checked 13:35"));
        let back = off.after(Outcome::Fresh, at(55));
        assert_eq!(back, fresh.after(Outcome::Fresh, at(55)));
        assert_eq!(back.offline_words(same), None);
        let unasked = back.after(Outcome::Refused(CheckProblem::CheckerMissing), at(58));
        assert_eq!(unasked.checked, back.checked, "the server was not asked");
        assert_eq!(unasked.offline_since, None);
        assert_eq!(unasked.failures, back.failures + 1);
        assert!(unasked
            .problem
            .unwrap()
            .to_string()
            .contains("checks for a newer schedule could not be loaded"));
        let error = back.after(Outcome::Refused(CheckProblem::Server(500)), at(58));
        assert_eq!(error.failures, 1);
        assert_eq!(error.problem, Some(CheckProblem::Server(500)));
        assert!(error.problem.unwrap().to_string().contains("500"));
        let broken = back.after(
            Outcome::Refused(CheckProblem::Broken("line 1, column 2".into())),
            at(59),
        );
        assert_eq!(broken.failures, 0);
        assert!(broken
            .problem
            .unwrap()
            .to_string()
            .contains("the schedule shown is kept"));
    }

    const OLD: &str = r#"{"version":1,"conference":{"id":"c","title":"C"},"rooms":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"sessions":[
        {"id":"move","title":"Move","start":"2017-10-26T10:00:00+02:00","end":"2017-10-26T11:00:00+02:00","room":"a"},
        {"id":"gone","title":"Gone","start":"2017-10-26T11:00:00+02:00","end":"2017-10-26T12:00:00+02:00","room":"a"},
        {"id":"other","title":"Other","start":"2017-10-26T12:00:00+02:00","end":"2017-10-26T13:00:00+02:00","room":"a"},
        {"id":"same","title":"Same","start":"2017-10-26T13:00:00+02:00","end":"2017-10-26T14:00:00+02:00","room":"a"}]}"#;
    const NEW: &str = r#"{"version":1,"conference":{"id":"c","title":"C"},"rooms":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"sessions":[
        {"id":"new","title":"New","start":"2017-10-26T09:00:00+02:00","end":"2017-10-26T09:30:00+02:00","room":"b"},
        {"id":"other","title":"Other, renamed","start":"2017-10-26T12:00:00+02:00","end":"2017-10-26T13:00:00+02:00","room":"a"},
        {"id":"same","title":"Same","start":"2017-10-26T13:00:00+02:00","end":"2017-10-26T14:00:00+02:00","room":"a"},
        {"id":"move","title":"Move","start":"2017-10-26T15:00:00+02:00","end":"2017-10-26T16:00:00+02:00","room":"b"}]}"#;

    fn starred(ids: &[&str], schedule: &Schedule) -> Agenda {
        let mut agenda = Agenda::default();
        for id in ids {
            let s = schedule.session(id).unwrap();
            agenda.apply(&AgendaChange::Put {
                id: id.to_string(),
                entry: AgendaEntry {
                    level: Level::Must,
                    ..Agenda::entry_for(schedule, s, "")
                },
            });
        }
        agenda
    }

    #[test]
    fn an_update_says_what_changed_and_for_whom() {
        let old = parse_schedule(OLD).unwrap();
        let new = parse_schedule(NEW).unwrap();
        let agenda = starred(&["move", "gone", "same"], &old);
        let changes = diff(&Snapshot::of(&old), &new, |id| agenda.contains(id));
        let summary = UpdateSummary::of(&changes, &new, &agenda);
        assert_eq!(
            summary,
            UpdateSummary {
                changes: 4,
                in_agenda: 2,
                followed: 0,
            }
        );
        let at = t("2017-10-26T14:05:00+02:00");
        assert_eq!(
            summary.words(&at),
            "Schedule updated at 14:05 — 4 changes, 2 in your agenda"
        );
        assert_eq!(
            UpdateSummary {
                changes: 1,
                in_agenda: 0,
                followed: 0,
            }
            .words(&at),
            "Schedule updated at 14:05 — 1 change"
        );
        // Following room B: the new session there is owed an alert, the
        // moved one (starred) is not counted twice.
        let mut following = agenda.clone();
        let room_b =
            crate::model::follow::Followed::new(crate::model::follow::FollowKind::Room, "b");
        following.apply(&following.follow_change(&new, &room_b, "x").unwrap());
        let summary = UpdateSummary::of(&changes, &new, &following);
        assert_eq!((summary.in_agenda, summary.followed), (2, 1));
        assert_eq!(
            summary.words(&at),
            "Schedule updated at 14:05 — 4 changes, 2 in your agenda, 1 in what you follow"
        );
        let owed = alerts(&changes, &new, &following, &|i| i);
        assert_eq!(owed.len(), 3, "{owed:?}");
        assert_eq!(
            owed[2],
            Alert {
                title: "New: “New”".into(),
                body: "Thu 26 Oct 09:00, B. You follow B.".into(),
            }
        );
        // The notifications say what the changes panel says.
        assert_eq!(
            alerts(&changes, &new, &agenda, &|i| i),
            [
                Alert {
                    title: "Moved: “Move”".into(),
                    body: "Now Thu 26 Oct 15:00, B (was Thu 26 Oct 10:00, A)".into(),
                },
                Alert {
                    title: "Cancelled: “Gone”".into(),
                    body:
                        "Was Thu 26 Oct 11:00, A. It is kept in your agenda, marked as cancelled."
                            .into(),
                },
            ]
        );
    }

    #[test]
    fn a_card_key_changes_only_with_what_the_card_shows() {
        let old = parse_schedule(OLD).unwrap();
        let new = parse_schedule(NEW).unwrap();
        let key = |s: &Schedule, id: &str| {
            card_key(s, s.sessions.iter().position(|x| x.id == id).unwrap())
        };
        assert_eq!(key(&old, "same"), key(&new, "same"));
        assert_ne!(key(&old, "move"), key(&new, "move"));
        assert_ne!(key(&old, "other"), key(&new, "other"));
        assert_ne!(key(&new, "same"), key(&new, "other"));
        // Moving, cancelling and adding sessions in known rooms and tracks
        // changes nothing the header and filters offer; a new room does.
        assert_eq!(offer_key(&old), offer_key(&new));
        let mut roomier = new.clone();
        roomier.rooms.push(crate::model::schedule::Room {
            id: "c".into(),
            name: "C".into(),
            ..Default::default()
        });
        assert_ne!(offer_key(&roomier), offer_key(&new));
        let span = conference_span(&new).unwrap();
        assert_eq!(span.0, t("2017-10-26T09:00:00+02:00"));
        assert_eq!(span.1, t("2017-10-26T16:00:00+02:00"));
    }
}
