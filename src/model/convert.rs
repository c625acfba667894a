//! The build step's reading of the deployed schedule (native only): a file
//! in any format read as the app reads it, and one in another format
//! (frab, Sessionize, pretalx widget) written anew in ours
//! ([`super::writer`]), so the app's first load needs only our reader.
//! Named zones come from the IANA database (chrono-tz), the build's
//! stand-in for the browser's `Intl`.

use std::fmt;
use std::str::FromStr;

use chrono::{FixedOffset, Offset, TimeZone};

use super::error::LoadError;
use super::import::{import, Format, ImportOptions};
use super::schedule::{parse_schedule, Problem, Schedule};
use super::time::{Instant, ZoneResolver};

/// Zone names resolved with the IANA database compiled into the build step.
pub struct TzdbZones;

impl ZoneResolver for TzdbZones {
    fn offset(&self, zone: &str, at: Instant) -> Option<FixedOffset> {
        let tz = chrono_tz::Tz::from_str(zone.trim()).ok()?;
        Some(tz.offset_from_utc_datetime(&at.naive_utc()).fix())
    }
}

impl TzdbZones {
    /// Whether the database knows this zone name.
    pub fn knows(zone: &str) -> bool {
        chrono_tz::Tz::from_str(zone.trim()).is_ok()
    }
}

/// What the build is told besides the file.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Where the file is, as messages name it ("dist/schedule.json").
    pub path: String,
    /// `--tz`: the zone of a file that names none (Sessionize).
    pub zone: Option<String>,
    /// `--name`: the conference's name for a file that carries none
    /// (Sessionize, pretalx widget), e.g. "orlando-codecamp-2020".
    pub name: Option<String>,
}

/// The deployed schedule as the build read it.
pub struct Converted {
    /// The format the file was in.
    pub format: Format,
    /// The schedule the app will show: for a converted file, read back from
    /// the written text with our reader.
    pub schedule: Schedule,
    /// Our format's text to deploy instead of the file; None when the file
    /// is in our format already (it is left as it is).
    pub text: Option<String>,
    /// What reading the file found wrong (skipped sessions, dropped values),
    /// in the app's words; a converted file no longer holds what was skipped.
    pub problems: Vec<Problem>,
    /// Whether the file named its zone itself (a `--tz` then goes unused).
    pub zone_in_file: bool,
}

/// Why the build cannot deploy the schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildError {
    /// The file is not a usable schedule: the app's own message.
    Load(LoadError),
    /// The file names no zone and none was given.
    ZoneMissing { path: String, format: Format },
    /// The zone given is not one the database knows.
    UnknownZone(String),
    /// The converted text does not read back as the same schedule (a bug in
    /// the writer or our reader; never deployed).
    NotReadBack { path: String, why: String },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Load(e) => e.fmt(f),
            Self::ZoneMissing { path, format } => write!(
                f,
                "{path} is {}, which names no time zone: give the conference's with --tz <IANA zone>, e.g. --tz America/New_York.",
                format.name()
            ),
            Self::UnknownZone(zone) => write!(
                f,
                "No time zone \"{zone}\" is known: give an IANA name such as Europe/Prague."
            ),
            Self::NotReadBack { path, why } => write!(
                f,
                "{path} converted to our format does not read back as the same schedule ({why}); it was not deployed."
            ),
        }
    }
}

/// Read the deployed file as the app does and, when it is in another
/// format, write it in ours. A zone-less file needs `options.zone`.
pub fn convert(text: &str, options: &BuildOptions) -> Result<Converted, BuildError> {
    let zone = options
        .zone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty());
    if let Some(z) = zone.filter(|z| !TzdbZones::knows(z)) {
        return Err(BuildError::UnknownZone(z.to_string()));
    }
    let import_options = ImportOptions {
        zone: zone.map(str::to_string),
        names: &TzdbZones,
        name_hint: options.name.clone(),
    };
    let load = |error| {
        BuildError::Load(LoadError::Schedule {
            url: options.path.clone(),
            error,
        })
    };
    let imported = import(text, &import_options).map_err(load)?;
    if imported.zone_assumed && zone.is_none() {
        return Err(BuildError::ZoneMissing {
            path: options.path.clone(),
            format: imported.format,
        });
    }
    let mut schedule = imported.schedule;
    let problems = std::mem::take(&mut schedule.problems);
    schedule.skipped = 0;
    let (schedule, text) = if imported.format == Format::Ours {
        (schedule, None)
    } else {
        let written = super::writer::write(&schedule);
        let not_read_back = |why: String| BuildError::NotReadBack {
            path: options.path.clone(),
            why,
        };
        let back = parse_schedule(&written).map_err(|e| not_read_back(e.to_string()))?;
        if back != schedule {
            return Err(not_read_back("it differs".into()));
        }
        (back, Some(written))
    };
    Ok(Converted {
        format: imported.format,
        schedule,
        text,
        problems,
        zone_in_file: !imported.zone_assumed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::import::detect;

    const SESSIONIZE: &str = r#"{"sessions":[
        {"id":"1","title":"Talk","startsAt":"2020-03-28T09:00:00","endsAt":"2020-03-28T10:00:00","speakers":[],"categoryItems":[]},
        {"id":"2","title":"Before the change","startsAt":"2020-03-07T09:00:00","endsAt":"2020-03-07T10:00:00","speakers":[],"categoryItems":[]},
        {"id":"3","title":"Unscheduled","speakers":[],"categoryItems":[]}],
      "speakers":[],"categories":[],"rooms":[]}"#;

    fn options(zone: Option<&str>) -> BuildOptions {
        BuildOptions {
            path: "dist/schedule.json".into(),
            zone: zone.map(str::to_string),
            name: Some("orlando-codecamp-2020".into()),
        }
    }

    #[test]
    fn the_database_knows_zones_and_their_summer_time() {
        let at = |t| chrono::DateTime::parse_from_rfc3339(t).unwrap();
        let ny = |t| TzdbZones.offset("America/New_York", at(t)).unwrap();
        assert_eq!(ny("2020-03-08T06:59:00Z").local_minus_utc(), -5 * 3600);
        assert_eq!(ny("2020-03-08T07:00:00Z").local_minus_utc(), -4 * 3600);
        assert!(TzdbZones::knows("Europe/Prague") && !TzdbZones::knows("Mars/Olympus"));
    }

    #[test]
    fn a_sessionize_file_is_read_in_the_zone_given_and_written_in_ours() {
        let c = convert(SESSIONIZE, &options(Some("America/New_York"))).unwrap();
        assert_eq!(c.format, Format::Sessionize);
        assert!(!c.zone_in_file);
        let text = c.text.unwrap();
        assert_eq!(detect(&text), Ok(Format::Ours));
        assert_eq!(parse_schedule(&text).unwrap(), c.schedule);
        let s = &c.schedule;
        assert_eq!(s.conference.id, "orlando-codecamp-2020");
        assert_eq!(s.conference.time_zone, "America/New_York");
        let start = |id| s.session(id).unwrap().start.to_rfc3339();
        assert_eq!(start("1"), "2020-03-28T09:00:00-04:00");
        assert_eq!(start("2"), "2020-03-07T09:00:00-05:00");
        let problems: Vec<String> = c.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, ["session \"3\": not scheduled (no start time)"]);
    }

    #[test]
    fn a_zone_less_file_without_a_zone_or_with_an_unknown_one_is_refused() {
        let err = convert(SESSIONIZE, &options(None)).err().unwrap();
        assert!(matches!(err, BuildError::ZoneMissing { .. }));
        assert!(err.to_string().contains("--tz <IANA zone>"), "{err}");
        let err = convert(SESSIONIZE, &options(Some("Mars/Olympus"))).err();
        assert_eq!(err, Some(BuildError::UnknownZone("Mars/Olympus".into())));
    }

    #[test]
    fn our_own_file_is_left_as_it_is_and_a_broken_one_named_as_the_app_names_it() {
        let ours = crate::model::schedule::tests::SMALL;
        let c = convert(ours, &options(None)).unwrap();
        assert_eq!(
            (c.format, c.text, c.problems.len()),
            (Format::Ours, None, 0)
        );
        let err = convert("", &options(None)).err().unwrap();
        assert_eq!(
            err.to_string(),
            "In dist/schedule.json: the schedule file is empty."
        );
    }
}
