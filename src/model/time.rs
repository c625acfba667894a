//! Time, in one place: the one parser of schedule times, the conference's
//! zone (by name through a resolver the browser supplies, else the
//! schedule's own offsets), and every formatter the views use: 24-hour
//! clock, day and month names in the interface's language (`words`), the
//! zone named.
//! Hand-written rather than chrono format strings, which cost wasm size.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike, Weekday};

use super::words::{tr, MONTHS, SHORT_MONTHS, SHORT_WEEKDAYS, WEEKDAYS};
use crate::trf;

fn weekday_name(w: Weekday) -> &'static str {
    tr(WEEKDAYS[w.num_days_from_monday() as usize])
}

fn month_name(d: NaiveDate) -> &'static str {
    tr(MONTHS[d.month0() as usize])
}

/// An instant as the schedule states it: RFC 3339 with an explicit offset.
pub type Instant = DateTime<FixedOffset>;

/// The one parser of times: RFC 3339 that must carry an explicit offset.
pub fn parse_instant(s: &str) -> Option<Instant> {
    DateTime::parse_from_rfc3339(s.trim()).ok()
}

/// An instant from milliseconds since the Unix epoch (the browser's clock), in UTC.
pub fn from_epoch_millis(ms: f64) -> Option<Instant> {
    if !ms.is_finite() {
        return None;
    }
    DateTime::from_timestamp_millis(ms as i64).map(|t| t.fixed_offset())
}

/// The same instant seen at another offset.
pub fn at_offset(t: Instant, offset: FixedOffset) -> Instant {
    t.with_timezone(&offset)
}

/// Finds the UTC offset of a named zone (IANA, e.g. "Europe/Prague") at an
/// instant; the app passes the browser's `Intl`, tests a fixed rule.
pub trait ZoneResolver {
    /// The offset of `zone` at `at`, or None if the zone is unknown.
    fn offset(&self, zone: &str, at: Instant) -> Option<FixedOffset>;
}

/// No zone database: every name is unknown, so the schedule's offsets are used.
pub struct NoZoneNames;

impl ZoneResolver for NoZoneNames {
    fn offset(&self, _zone: &str, _at: Instant) -> Option<FixedOffset> {
        None
    }
}

/// A zone with one offset change at most, for tools and tests that run
/// without a zone database (the browser answers through `Intl`).
pub struct SimpleZone {
    /// Its IANA name.
    pub name: &'static str,
    /// When the offset changes (UTC).
    pub change: Instant,
    /// The offset before the change.
    pub before: FixedOffset,
    /// The offset from the change on.
    pub after: FixedOffset,
}

impl ZoneResolver for SimpleZone {
    fn offset(&self, zone: &str, at: Instant) -> Option<FixedOffset> {
        (zone == self.name).then_some(if at < self.change {
            self.before
        } else {
            self.after
        })
    }
}

/// A zone's offset at `at`, from the wall clock `Intl.DateTimeFormat` writes
/// for that instant in English with numeric parts and a 24-hour clock
/// ("12/2/2026, 14:05:09": month, day, year, hour, minute, second). None for
/// any other form (an era, a missing part), so a surprise is "zone unknown".
pub fn offset_from_wall_clock(text: &str, at: Instant) -> Option<FixedOffset> {
    if text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut parts = [0u32; 6];
    let mut count = 0;
    for number in text.split(|c: char| !c.is_ascii_digit()) {
        if number.is_empty() {
            continue;
        }
        *parts.get_mut(count)? = number.parse().ok()?;
        count += 1;
    }
    if count != 6 {
        return None;
    }
    let [month, day, year, hour, minute, second] = parts;
    let local = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?.and_hms_opt(
        // Midnight written as 24 (older browsers): the day already begun.
        if hour == 24 { 0 } else { hour },
        minute,
        second,
    )?;
    // Whole seconds: the wall clock has no milliseconds.
    let utc = DateTime::from_timestamp(at.timestamp(), 0)?.naive_utc();
    FixedOffset::east_opt(i32::try_from((local - utc).num_seconds()).ok()?)
}

/// Offsets already found, by instant (whole seconds), for one zone: a list's
/// cards ask again and again for the few times its sessions start and end,
/// and each answer from the browser costs a round trip through `Intl`.
/// A fixed table, each instant in one slot (a later one takes it over).
#[derive(Clone, Debug)]
pub struct OffsetMemo {
    slots: [(i64, i32); MEMO_SLOTS],
}

const MEMO_SLOTS: usize = 61;

impl Default for OffsetMemo {
    fn default() -> Self {
        OffsetMemo {
            slots: [(i64::MIN, 0); MEMO_SLOTS],
        }
    }
}

impl OffsetMemo {
    /// By the minute, modulo a prime: any run of up to 61 times a fixed
    /// number of minutes apart (every 5, 15, 30 or 60) takes distinct slots.
    fn slot(seconds: i64) -> usize {
        seconds.div_euclid(60).rem_euclid(MEMO_SLOTS as i64) as usize
    }

    /// The offset found for `at` before, if it is still in its slot.
    pub fn get(&self, at: Instant) -> Option<FixedOffset> {
        let seconds = at.timestamp();
        let (key, offset) = self.slots[Self::slot(seconds)];
        (key == seconds)
            .then(|| FixedOffset::east_opt(offset))
            .flatten()
    }

    /// Remembers the offset found for `at`.
    pub fn put(&mut self, at: Instant, offset: FixedOffset) {
        let seconds = at.timestamp();
        self.slots[Self::slot(seconds)] = (seconds, offset.local_minus_utc());
    }
}

/// The one overlap rule, used by clashes, "at the same time", agenda notes
/// and the clash resolver: intervals are half-open (`[start, end)`, so a
/// session that starts when another ends does not overlap it), and a
/// zero-length interval overlaps nothing (frab events without a duration
/// import as zero-length; they never join or split a clash group).
pub fn intervals_overlap(a: (Instant, Instant), b: (Instant, Instant)) -> bool {
    a.0 < a.1 && b.0 < b.1 && a.0 < b.1 && b.0 < a.1
}

/// The conference's time zone: its IANA name when the schedule gives one,
/// and, as the fallback, the offsets its sessions are written in (per
/// conference day, the most common one), so a DST change between days is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConferenceZone {
    /// IANA name from the schedule, if any.
    pub name: Option<String>,
    /// (a conference day, its first start, the offset most of that day's
    /// sessions use), in time order.
    by_day: Vec<(NaiveDate, Instant, FixedOffset)>,
}

impl ConferenceZone {
    /// The zone of a conference named `name` (blank for none) whose
    /// sessions on each day start at the given times, in their offsets
    /// (a schedule's is [`ConferenceZone::of`], beside the schedule).
    pub fn from_days(
        name: &str,
        days: impl IntoIterator<Item = (NaiveDate, Vec<Instant>)>,
    ) -> ConferenceZone {
        let mut by_day: Vec<(NaiveDate, Instant, FixedOffset)> = Vec::new();
        for (day, starts) in days {
            let mut counts: Vec<(FixedOffset, usize)> = Vec::new();
            let mut first: Option<Instant> = None;
            for start in starts {
                first = Some(first.map_or(start, |f| f.min(start)));
                match counts.iter_mut().find(|(o, _)| o == start.offset()) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((*start.offset(), 1)),
                }
            }
            let best = counts.iter().max_by_key(|(_, n)| *n).map(|(o, _)| *o);
            if let (Some(first), Some(best)) = (first, best) {
                by_day.push((day, first, best));
            }
        }
        by_day.sort_by_key(|(_, t, _)| *t);
        let name = Some(name.trim())
            .filter(|n| !n.is_empty())
            .map(str::to_string);
        ConferenceZone { name, by_day }
    }

    /// The conference's offset at `at`: the named zone's if the resolver
    /// knows it; else that of the conference day `at` falls on, else of the
    /// last day begun, else of the first; UTC for an empty schedule.
    pub fn offset_at(&self, at: Instant, names: &dyn ZoneResolver) -> FixedOffset {
        if let Some(off) = self.name.as_deref().and_then(|n| names.offset(n, at)) {
            return off;
        }
        let on_that_day = self
            .by_day
            .iter()
            .find(|(day, _, off)| at.with_timezone(off).date_naive() == *day);
        let begun = || self.by_day.iter().rev().find(|(_, start, _)| *start <= at);
        on_that_day.or_else(begun).or(self.by_day.first()).map_or(
            FixedOffset::east_opt(0).unwrap_or(*at.offset()),
            |(_, _, off)| *off,
        )
    }

    /// `at` shown in the conference's zone.
    pub fn show(&self, at: Instant, names: &dyn ZoneResolver) -> Instant {
        at_offset(at, self.offset_at(at, names))
    }

    /// The instant a wall-clock time at the conference stands for (what a
    /// user types for an entry of their own, in the conference's zone).
    pub fn wall_to_instant(
        &self,
        local: NaiveDateTime,
        names: &dyn ZoneResolver,
    ) -> Option<Instant> {
        if let Some(t) = self
            .name
            .as_deref()
            .and_then(|n| local_in_zone(local, n, names))
        {
            return Some(t);
        }
        let by_day = self
            .by_day
            .iter()
            .find(|(day, _, _)| *day == local.date())
            .or(self.by_day.first())
            .map(|(_, _, off)| *off);
        let off = by_day.or(FixedOffset::east_opt(0))?;
        local_with(local, &|_| Some(off))
    }
}

/// A wall-clock time without offset ("2020-03-28T09:00:00", seconds and a
/// fraction optional), as Sessionize writes them.
pub fn parse_local(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    let (date, time) = s.split_once(['T', ' '])?;
    let date = parse_ymd(date)?;
    let time = time.split('.').next()?;
    let mut parts = time.split(':').map(|p| p.parse::<u32>().ok());
    let (h, m) = (parts.next()??, parts.next()??);
    let sec = parts.next().flatten().unwrap_or(0);
    if parts.next().is_some() {
        return None;
    }
    date.and_hms_opt(h, m, sec)
}

/// The instant a wall-clock time in a named zone stands for, found with two
/// questions to the resolver (the second settles a DST change between the
/// guess and the answer). In a spring-forward gap the earlier offset is used.
pub fn local_in_zone(
    local: NaiveDateTime,
    zone: &str,
    names: &dyn ZoneResolver,
) -> Option<Instant> {
    local_with(local, &|at| names.offset(zone, at))
}

/// The instant a wall-clock time stands for where `offset_at` gives the
/// UTC offset at each instant (a named zone, or the viewer's own).
pub fn local_with(
    local: NaiveDateTime,
    offset_at: &dyn Fn(Instant) -> Option<FixedOffset>,
) -> Option<Instant> {
    let utc = FixedOffset::east_opt(0)?;
    let as_utc = |off: FixedOffset| {
        let t = local
            .checked_sub_signed(chrono::TimeDelta::seconds(i64::from(off.local_minus_utc())))?;
        Some(t.and_utc().with_timezone(&off))
    };
    let guess = local.and_utc().with_timezone(&utc);
    let first = offset_at(guess)?;
    let t1 = as_utc(first)?;
    let second = offset_at(t1)?;
    if second == first {
        return Some(t1);
    }
    let t2 = as_utc(second)?;
    if offset_at(t2) == Some(second) {
        Some(t2)
    } else {
        Some(t1)
    }
}

/// "2017-10-26T12:00", the value of an `<input type="datetime-local">`, of
/// an instant as already shown in some zone.
pub fn wall_clock_value(t: &Instant) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// A time as a schedule without offsets states it: with an offset it is
/// taken as is; without one it is read as wall-clock time in `zone`.
pub fn parse_in_zone(s: &str, zone: &str, names: &dyn ZoneResolver) -> Option<Instant> {
    parse_instant(s).or_else(|| local_in_zone(parse_local(s)?, zone, names))
}

/// Parse "YYYY-MM-DD" (hand-written: chrono's format-string parser costs wasm size).
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// "20171026T070000Z": an instant in UTC, iCalendar's basic format.
pub fn ical_utc(t: &DateTime<FixedOffset>) -> String {
    let u = t.naive_utc();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        u.year(),
        u.month(),
        u.day(),
        u.hour(),
        u.minute(),
        u.second()
    )
}

/// "09:05"
pub fn clock(t: &DateTime<FixedOffset>) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "09:00–09:30"
pub fn clock_range(start: &DateTime<FixedOffset>, end: &DateTime<FixedOffset>) -> String {
    format!("{}–{}", clock(start), clock(end))
}

/// "Thursday 26 October 2017" ("Donnerstag, 26. Oktober 2017").
pub fn long_day(d: NaiveDate) -> String {
    trf!(
        "{weekday} {day} {month} {year}",
        weekday = weekday_name(d.weekday()),
        day = d.day(),
        month = month_name(d),
        year = d.year()
    )
}

/// "26 October" ("26. Oktober").
fn day_and_month(d: NaiveDate) -> String {
    trf!("{day} {month}", day = d.day(), month = month_name(d))
}

/// "26 October 2017" ("26. Oktober 2017").
fn full_date(d: NaiveDate) -> String {
    trf!(
        "{day} {month} {year}",
        day = d.day(),
        month = month_name(d),
        year = d.year()
    )
}

/// A span of days: "26 October 2017", "26–27 October 2017",
/// "30 October – 2 November 2017", "30 December 2025 – 2 January 2026".
pub fn date_range(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        full_date(a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        trf!(
            "{first}–{last} {month} {year}",
            first = a.day(),
            last = b.day(),
            month = month_name(a),
            year = a.year()
        )
    } else if a.year() == b.year() {
        trf!(
            "{first} – {last}",
            first = day_and_month(a),
            last = full_date(b)
        )
    } else {
        trf!(
            "{first} – {last}",
            first = full_date(a),
            last = full_date(b)
        )
    }
}

/// "Thu 26 Oct" ("Do., 26. Okt.", "jeu. 26 oct.").
pub fn short_day(d: NaiveDate) -> String {
    trf!(
        "{weekday} {day} {month}",
        weekday = tr(SHORT_WEEKDAYS[d.weekday().num_days_from_monday() as usize]),
        day = d.day(),
        month = tr(SHORT_MONTHS[d.month0() as usize])
    )
}

/// "Thu 26 Oct 11:50", in the time's own offset.
pub fn day_and_clock(t: &DateTime<FixedOffset>) -> String {
    trf!(
        "{day} {time}",
        day = short_day(t.date_naive()),
        time = clock(t)
    )
}

/// "UTC+02:00"
pub fn offset_label(t: &DateTime<FixedOffset>) -> String {
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// "1 h 30 min", "45 min"
pub fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => trf!("{m} min", m = m),
        (h, 0) => trf!("{h} h", h = h),
        (h, m) => trf!("{h} h {m} min", h = h, m = m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_offset_from_the_wall_clock_intl_writes() {
        let at = parse_instant("2026-12-02T13:05:09.750Z").unwrap();
        let east = |s| FixedOffset::east_opt(s);
        // Prague in winter, New York, Kolkata, Chatham (+13:45).
        assert_eq!(
            offset_from_wall_clock("12/2/2026, 14:05:09", at),
            east(3600)
        );
        assert_eq!(
            offset_from_wall_clock("12/2/2026, 08:05:09", at),
            east(-5 * 3600)
        );
        assert_eq!(
            offset_from_wall_clock("12/2/2026, 18:35:09", at),
            east(19_800)
        );
        assert_eq!(
            offset_from_wall_clock("12/3/2026, 02:50:09", at),
            east(49_500)
        );
        // Across the year's end, and hour 24 written for midnight.
        let new_year = parse_instant("2026-12-31T23:30:00Z").unwrap();
        assert_eq!(
            offset_from_wall_clock("1/1/2027, 00:30:00", new_year),
            east(3600)
        );
        assert_eq!(
            offset_from_wall_clock("1/1/2027, 24:30:00", new_year),
            east(3600)
        );
        // Any other form is "unknown", never a wrong offset.
        for text in [
            "",
            "12/2/2026",
            "12/2/2026, 14:05",
            "12/2/2026, 14:05:09, 1",
            "12/2/2026 AD, 14:05:09",
            "13/2/2026, 14:05:09",
            "12/2/2026, 25:05:09",
            "12/2/99999999999, 14:05:09",
        ] {
            assert_eq!(offset_from_wall_clock(text, at), None, "{text:?}");
        }
    }

    #[test]
    fn offset_memo_answers_only_for_the_instants_it_was_given() {
        let mut memo = OffsetMemo::default();
        let start = parse_instant("2017-10-26T09:00:00+02:00").unwrap();
        let two = FixedOffset::east_opt(7200).unwrap();
        assert_eq!(memo.get(start), None, "empty at first");
        memo.put(start, two);
        assert_eq!(memo.get(start), Some(two));
        // The same instant written in another offset, and its milliseconds.
        assert_eq!(
            memo.get(start.with_timezone(&FixedOffset::east_opt(0).unwrap())),
            Some(two)
        );
        assert_eq!(
            memo.get(start + chrono::TimeDelta::milliseconds(400)),
            Some(two)
        );
        // Every other instant of the day is unknown until put, and a day of
        // sessions' times every quarter hour all stay once put.
        let times: Vec<Instant> = (1..48)
            .map(|k| start + chrono::TimeDelta::minutes(15 * k))
            .collect();
        assert!(times.iter().all(|&t| memo.get(t).is_none()));
        for (k, &t) in times.iter().enumerate() {
            memo.put(t, FixedOffset::east_opt(60 * k as i32).unwrap());
        }
        for (k, &t) in times.iter().enumerate() {
            assert_eq!(memo.get(t), FixedOffset::east_opt(60 * k as i32), "{t}");
        }
        // A time that takes a slot over answers for itself; the one before
        // it is unknown again (asked of the browser anew), never wrong.
        let later = start + chrono::TimeDelta::minutes(61);
        memo.put(later, two);
        assert_eq!(memo.get(later), Some(two));
        assert_eq!(memo.get(start), None);
    }

    #[test]
    fn formats_times_days_and_offsets() {
        let t = DateTime::parse_from_rfc3339("2017-10-26T09:05:00+02:00").unwrap();
        let e = DateTime::parse_from_rfc3339("2017-10-26T20:30:00+02:00").unwrap();
        assert_eq!(clock(&t), "09:05");
        assert_eq!(clock_range(&t, &e), "09:05–20:30");
        assert_eq!(long_day(t.date_naive()), "Thursday 26 October 2017");
        assert_eq!(short_day(t.date_naive()), "Thu 26 Oct");
        assert_eq!(day_and_clock(&t), "Thu 26 Oct 09:05");
        assert_eq!(parse_instant(" 2017-10-26T09:05:00+02:00 "), Some(t));
        assert_eq!(
            parse_instant("2017-10-26T09:05:00"),
            None,
            "an offset is required"
        );
        assert_eq!(parse_instant("not a time"), None);
        assert_eq!(offset_label(&t), "UTC+02:00");
        let w = DateTime::parse_from_rfc3339("2017-10-26T09:05:00-03:30").unwrap();
        assert_eq!(offset_label(&w), "UTC-03:30");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(90), "1 h 30 min");
        assert_eq!(duration(120), "2 h");
        assert_eq!(ical_utc(&t), "20171026T070500Z");
        assert_eq!(
            parse_ymd("2017-10-26"),
            NaiveDate::from_ymd_opt(2017, 10, 26)
        );
        assert_eq!(parse_ymd("2017-13-01"), None);
        assert_eq!(parse_ymd("2017-1-01"), None);
        assert_eq!(parse_ymd("+017-10-26"), None);
        assert_eq!(parse_ymd("2017-10-26T"), None);
    }

    /// Europe/Prague in 2017, as a browser's `Intl` would answer: +02:00
    /// until 29 October 01:00 UTC, +01:00 after.
    struct Prague2017;

    impl ZoneResolver for Prague2017 {
        fn offset(&self, zone: &str, at: Instant) -> Option<FixedOffset> {
            let change = DateTime::parse_from_rfc3339("2017-10-29T01:00:00Z").unwrap();
            (zone == "Europe/Prague")
                .then(|| FixedOffset::east_opt(if at < change { 7200 } else { 3600 }).unwrap())
        }
    }

    fn schedule(zone: &str, sessions: &[(&str, &str)]) -> crate::model::schedule::Schedule {
        let list: Vec<String> = sessions
            .iter()
            .enumerate()
            .map(|(i, (a, b))| {
                format!(r#"{{"id":"s{i}","title":"S{i}","start":"{a}","end":"{b}"}}"#)
            })
            .collect();
        crate::model::schedule::parse_schedule(&format!(
            r#"{{"version":1,"conference":{{"id":"c","title":"C","time_zone":"{zone}"}},"sessions":[{}]}}"#,
            list.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn date_ranges_name_each_part_once() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            date_range(d(2017, 10, 26), d(2017, 10, 26)),
            "26 October 2017"
        );
        assert_eq!(
            date_range(d(2017, 10, 26), d(2017, 10, 27)),
            "26–27 October 2017"
        );
        assert_eq!(
            date_range(d(2017, 10, 30), d(2017, 11, 2)),
            "30 October – 2 November 2017"
        );
        assert_eq!(
            date_range(d(2025, 12, 30), d(2026, 1, 2)),
            "30 December 2025 – 2 January 2026"
        );
    }

    #[test]
    fn wall_clock_times_become_instants_in_the_named_zone() {
        let at = |s: &str| parse_in_zone(s, "Europe/Prague", &Prague2017).map(|t| t.to_rfc3339());
        assert_eq!(
            at("2017-10-26T10:00:00").as_deref(),
            Some("2017-10-26T10:00:00+02:00")
        );
        assert_eq!(
            at("2017-10-30T10:00").as_deref(),
            Some("2017-10-30T10:00:00+01:00")
        );
        // The hour after the change: 03:30 local is only +01:00.
        assert_eq!(
            at("2017-10-29T03:30:00").as_deref(),
            Some("2017-10-29T03:30:00+01:00")
        );
        // An explicit offset wins over the zone.
        assert_eq!(
            at("2017-10-26T10:00:00Z").as_deref(),
            Some("2017-10-26T10:00:00+00:00")
        );
        assert_eq!(
            parse_in_zone("2017-10-26T10:00:00", "Mars/Olympus", &Prague2017),
            None
        );
        assert_eq!(at("2017-10-26"), None);
        assert_eq!(at("2017-10-26T25:00:00"), None);
        assert_eq!(at("2017-10-26T10:00:00:00"), None);
    }

    #[test]
    fn now_in_utc_is_shown_in_the_conference_zone() {
        let s = schedule(
            "Europe/Prague",
            &[("2017-10-26T09:00:00+02:00", "2017-10-26T10:00:00+02:00")],
        );
        let zone = ConferenceZone::of(&s);
        // The real clock is UTC: 09:20Z is 11:20 in Prague.
        let now = parse_instant("2017-10-26T09:20:00Z").unwrap();
        assert_eq!(clock(&zone.show(now, &Prague2017)), "11:20");
        // Without a zone database, the schedule's own offset gives the same.
        assert_eq!(clock(&zone.show(now, &NoZoneNames)), "11:20");
    }

    #[test]
    fn the_named_zone_follows_a_dst_change() {
        let s = schedule(
            "Europe/Prague",
            &[
                ("2017-10-28T10:00:00+02:00", "2017-10-28T11:00:00+02:00"),
                ("2017-10-29T10:00:00+01:00", "2017-10-29T11:00:00+01:00"),
            ],
        );
        let zone = ConferenceZone::of(&s);
        let before = parse_instant("2017-10-28T08:00:00Z").unwrap();
        let after = parse_instant("2017-10-29T08:00:00Z").unwrap();
        assert_eq!(offset_label(&zone.show(before, &Prague2017)), "UTC+02:00");
        assert_eq!(offset_label(&zone.show(after, &Prague2017)), "UTC+01:00");
        // The fallback (no names) keeps the change too, day by day.
        assert_eq!(offset_label(&zone.show(before, &NoZoneNames)), "UTC+02:00");
        assert_eq!(offset_label(&zone.show(after, &NoZoneNames)), "UTC+01:00");
        // A date far from the conference: only the name can be right.
        let july = parse_instant("2018-07-01T08:00:00Z").unwrap();
        assert_eq!(offset_label(&zone.show(july, &Prague2017)), "UTC+01:00");
    }

    #[test]
    fn a_session_in_another_offset_is_shown_in_the_conference_zone() {
        // A remote talk given as 10:30-05:00 in a conference in Europe/Amsterdam (+02:00).
        let s = schedule(
            "",
            &[
                ("2019-08-21T09:00:00+02:00", "2019-08-21T10:00:00+02:00"),
                ("2019-08-21T11:00:00+02:00", "2019-08-21T12:00:00+02:00"),
                ("2019-08-21T10:30:00-05:00", "2019-08-21T11:00:00-05:00"),
            ],
        );
        let zone = ConferenceZone::of(&s);
        assert_eq!(zone.name, None);
        let remote = s
            .sessions
            .iter()
            .find(|x| x.start.offset().local_minus_utc() == -5 * 3600)
            .unwrap();
        assert_eq!(clock(&remote.start), "10:30");
        assert_eq!(clock(&zone.show(remote.start, &NoZoneNames)), "17:30");
    }

    #[test]
    fn an_unknown_zone_name_falls_back_to_the_schedule_offsets() {
        let s = schedule(
            "Mars/Olympus",
            &[("2017-10-26T09:00:00+02:00", "2017-10-26T10:00:00+02:00")],
        );
        let zone = ConferenceZone::of(&s);
        let now = parse_instant("2017-10-26T09:20:00Z").unwrap();
        assert_eq!(clock(&zone.show(now, &Prague2017)), "11:20");
    }
}
