//! Human-readable times: 24-hour clock, English day names, the zone named.
//! Hand-written rather than chrono format strings, which cost wasm size.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Weekday};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
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

/// "Thursday 26 October 2017"
pub fn long_day(d: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_name(d.weekday()),
        d.day(),
        MONTHS[d.month0() as usize],
        d.year()
    )
}

/// "Thu 26 Oct"
pub fn short_day(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        &weekday_name(d.weekday())[..3],
        d.day(),
        &MONTHS[d.month0() as usize][..3]
    )
}

/// "Thu 26 Oct 11:50", in the time's own offset.
pub fn day_and_clock(t: &DateTime<FixedOffset>) -> String {
    format!("{} {}", short_day(t.date_naive()), clock(t))
}

/// `day_and_clock` of a stored RFC 3339 time; empty if it cannot be read.
pub fn stored_day_and_clock(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| day_and_clock(&t))
        .unwrap_or_default()
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
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_times_days_and_offsets() {
        let t = DateTime::parse_from_rfc3339("2017-10-26T09:05:00+02:00").unwrap();
        let e = DateTime::parse_from_rfc3339("2017-10-26T20:30:00+02:00").unwrap();
        assert_eq!(clock(&t), "09:05");
        assert_eq!(clock_range(&t, &e), "09:05–20:30");
        assert_eq!(long_day(t.date_naive()), "Thursday 26 October 2017");
        assert_eq!(short_day(t.date_naive()), "Thu 26 Oct");
        assert_eq!(day_and_clock(&t), "Thu 26 Oct 09:05");
        assert_eq!(
            stored_day_and_clock("2017-10-26T09:05:00+02:00"),
            "Thu 26 Oct 09:05"
        );
        assert_eq!(stored_day_and_clock("not a time"), "");
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
}
