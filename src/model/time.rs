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
        assert_eq!(offset_label(&t), "UTC+02:00");
        let w = DateTime::parse_from_rfc3339("2017-10-26T09:05:00-03:30").unwrap();
        assert_eq!(offset_label(&w), "UTC-03:30");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(90), "1 h 30 min");
        assert_eq!(duration(120), "2 h");
    }
}
