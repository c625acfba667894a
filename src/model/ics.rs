//! iCalendar (RFC 5545) export of sessions: CRLF line ends, lines folded at
//! 75 octets (never inside a UTF-8 sequence), TEXT values escaped, a stable
//! UID per session, times in UTC, an optional alarm.

use chrono::{DateTime, FixedOffset, Utc};

use super::agenda::Level;
use super::schedule::{Schedule, Session};
use crate::trn;

/// Options for an export.
pub struct IcsOptions<'a> {
    /// Calendar name shown by calendar apps.
    pub name: &'a str,
    /// `DTSTAMP`: when the file was made.
    pub stamp: DateTime<Utc>,
    /// Minutes before the start for a `VALARM`; none when `None`.
    pub alarm_minutes: Option<u32>,
}

impl<'a> IcsOptions<'a> {
    /// A calendar named `name`, made at `stamp`, each event with its
    /// reminder ([`super::plan::REMINDER_MINUTES`] before it starts).
    pub fn reminding(name: &'a str, stamp: DateTime<Utc>) -> Self {
        IcsOptions {
            name,
            stamp,
            alarm_minutes: Some(super::plan::REMINDER_MINUTES),
        }
    }
}

/// The media type of a calendar file.
pub const MIME: &str = "text/calendar";

/// Escape a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold one content line into CRLF-terminated lines of at most 75 octets.
pub fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn utc(t: &DateTime<FixedOffset>) -> String {
    super::time::ical_utc(t)
}

/// The stable UID of a session: the same on every export, unique per conference.
pub fn uid(schedule: &Schedule, session: &Session) -> String {
    format!("{}@{}.schedule-viewer", session.id, schedule.conference.id)
}

/// An iCalendar file with one event per (session, level).
pub fn calendar<'a>(
    schedule: &Schedule,
    sessions: impl IntoIterator<Item = (&'a Session, Level)>,
    options: &IcsOptions,
) -> String {
    let mut out = String::new();
    let mut line = |l: String| fold_line(&l, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//schedule-viewer//schedule-viewer//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape_text(options.name)));
    let stamp = super::time::ical_utc(&options.stamp.fixed_offset());
    for (s, level) in sessions {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape_text(&uid(schedule, s))));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART:{}", utc(&s.start)));
        line(format!("DTEND:{}", utc(&s.end)));
        line(format!("SUMMARY:{}", escape_text(&s.title)));
        let room = schedule.room_name(s);
        if !room.is_empty() {
            line(format!("LOCATION:{}", escape_text(room)));
        }
        let mut description = s.abstract_text.clone();
        if !s.speakers.is_empty() {
            let names: Vec<String> = s
                .speakers
                .iter()
                .map(|&p| schedule.speakers[p].name_and_affiliation())
                .collect();
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(&trn!(
                "Speakers: {names}",
                "Speakers: {names}",
                names.len(),
                names = names.join(", ")
            ));
        }
        if !description.is_empty() {
            line(format!("DESCRIPTION:{}", escape_text(&description)));
        }
        if let Some(track) = schedule.track_of(s) {
            line(format!("CATEGORIES:{}", escape_text(&track.name)));
        }
        if let Some(url) = &s.url {
            line(format!("URL:{url}"));
        }
        // "must" is a firm plan, "maybe" a tentative one.
        line(
            match level {
                Level::Must => "STATUS:CONFIRMED",
                Level::Maybe => "STATUS:TENTATIVE",
            }
            .into(),
        );
        if let Some(m) = options.alarm_minutes {
            line("BEGIN:VALARM".into());
            line("ACTION:DISPLAY".into());
            line(format!("DESCRIPTION:{}", escape_text(&s.title)));
            line(format!("TRIGGER:-PT{m}M"));
            line("END:VALARM".into());
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::tests::small;

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\u{7}"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        fold_line(&long, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), long);
        let mut short = String::new();
        fold_line("SUMMARY:x", &mut short);
        assert_eq!(short, "SUMMARY:x\r\n");
    }

    #[test]
    fn calendar_has_one_event_per_session_with_utc_times() {
        let s = small();
        let stamp = DateTime::parse_from_rfc3339("2017-10-20T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let sessions = [
            (&s.sessions[0], Level::Must),
            (&s.sessions[1], Level::Maybe),
        ];
        let ics = calendar(
            &s,
            sessions,
            &IcsOptions::reminding("My agenda, Conf", stamp),
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert!(ics.contains("UID:s1@conf.schedule-viewer\r\n"));
        assert!(ics.contains("DTSTART:20171026T070000Z\r\n"));
        assert!(ics.contains("DTEND:20171026T073000Z\r\n"));
        assert!(ics.contains("LOCATION:Room B\r\n"));
        assert!(ics.contains("X-WR-CALNAME:My agenda\\, Conf\r\n"));
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("Speakers: Ádám Sándor (Container Solutions)\\, Bob"));
        assert!(ics.contains("TRIGGER:-PT10M\r\n"));
        assert!(ics.contains("STATUS:TENTATIVE\r\n"));
        assert!(ics.contains("DTSTAMP:20171020T120000Z\r\n"));
    }
}
