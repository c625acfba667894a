//! One entry point for every schedule format: ours (versioned) or frab/pretalx.

use super::frab::{is_frab, parse_frab};
use super::schedule::{parse_schedule, Schedule, ScheduleError, MAX_SCHEDULE_BYTES};

/// Detect the format and parse.
pub fn parse_any(text: &str) -> Result<Schedule, ScheduleError> {
    if text.len() > MAX_SCHEDULE_BYTES {
        return Err(ScheduleError::TooLarge { bytes: text.len() });
    }
    if is_frab(text) {
        parse_frab(text)
    } else {
        parse_schedule(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_both_formats() {
        let ours = crate::model::schedule::tests::SMALL;
        assert_eq!(parse_any(ours).unwrap().conference.id, "conf");
        let frab = r#"{"schedule":{"conference":{"title":"F","days":[{"date":"2020-01-01","rooms":{"R":[
            {"guid":"a","date":"2020-01-01T10:00:00+01:00","duration":"0:30","title":"T"}]}}]}}}"#;
        assert_eq!(parse_any(frab).unwrap().conference.id, "f");
        assert!(matches!(parse_any("nope"), Err(ScheduleError::Syntax(_))));
    }
}
