//! One entry point for every schedule format: it detects which one a file
//! is, says so, and hands it to that format's importer. Formats read: ours
//! (versioned, `docs/schedule-format.md`), frab/pretalx `schedule.json`,
//! Sessionize "All data" and pretalx widget data.

use super::error::{ScheduleError, UnknownFormat};
pub use super::format::{format_list, Format, FORMATS};
use super::frab::parse_frab;
use super::json::{Kind, Reader};
use super::schedule::{parse_schedule, within_limits, Conference, Schedule};
use super::text::slugify;
use super::time::{NoZoneNames, ZoneResolver};
use super::words::tr;
use crate::trf;

/// What the importer needs besides the text.
pub struct ImportOptions<'a> {
    /// The zone to read wall-clock times in when the file names none
    /// (from `?tz=`, remembered for this schedule, or the viewer's own).
    pub zone: Option<String>,
    /// Resolves zone names to offsets (the browser's `Intl`).
    pub names: &'a dyn ZoneResolver,
    /// A name for formats whose files carry no conference title (the file
    /// name, or the last telling part of the URL).
    pub name_hint: Option<String>,
}

impl Default for ImportOptions<'_> {
    fn default() -> Self {
        ImportOptions {
            zone: None,
            names: &NoZoneNames,
            name_hint: None,
        }
    }
}

/// A schedule as imported, with what the import found out.
pub struct Imported {
    /// The schedule.
    pub schedule: Schedule,
    /// The format detected.
    pub format: Format,
    /// Set when the file names no zone and times were read in the zone the
    /// options gave: the app then asks the user to confirm it.
    pub zone_assumed: bool,
}

/// Which format the text is, from its top-level keys.
pub fn detect(text: &str) -> Result<Format, ScheduleError> {
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(ScheduleError::Empty);
    }
    let keys = match top_level(text)? {
        (Kind::Object, keys) => keys,
        (Kind::Array, _) => {
            return Err(ScheduleError::Unknown(UnknownFormat {
                hint: Some(tr(
                    "a list at the top level looks like Sessionize's grid view: open its \"All data\" view (…/view/All) instead",
                )),
            }))
        }
        _ => return Err(ScheduleError::Unknown(UnknownFormat { hint: None })),
    };
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    if keys.contains(&"schedule") {
        Ok(Format::Frab)
    } else if super::pretalx::looks_like(&keys) {
        // Before ours: widget data has a "version" too (the schedule's).
        Ok(Format::PretalxWidget)
    } else if keys.contains(&"version") || keys.contains(&"conference") {
        Ok(Format::Ours)
    } else if super::sessionize::looks_like(&keys) {
        Ok(Format::Sessionize)
    } else {
        Err(ScheduleError::Unknown(UnknownFormat { hint: None }))
    }
}

/// A JSON document's kind at the top level, with its keys when it is an
/// object; the whole document is checked (read by the hand reader: the start
/// path has no serde code for it).
fn top_level(text: &str) -> Result<(Kind, Vec<String>), ScheduleError> {
    let mut r = Reader::new(text)?;
    let mut keys = Vec::new();
    let kind = r.kind();
    if kind == Kind::Object {
        r.object(&mut |r, key| {
            keys.push(key.to_string());
            r.skip()
        })?;
    } else {
        r.skip()?;
    }
    r.end()?;
    Ok((kind, keys))
}

/// Some exports (Sessionize's among them) begin with a byte-order mark.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A conference named from a hint ("orlando-codecamp-2020" → id
/// "orlando-codecamp-2020", title "Orlando codecamp 2020"), for formats
/// whose files carry no title.
pub fn conference_from_hint(hint: Option<&str>, format: Format, zone: &str) -> Conference {
    let hint = hint.map(str::trim).filter(|h| !h.is_empty());
    let slug = hint.map(slugify).filter(|s| !s.is_empty());
    let prefix = match format {
        Format::Sessionize => "sessionize",
        _ => "pretalx",
    };
    let title = match hint {
        Some(h) => {
            let words = h.replace(['-', '_', '.'], " ");
            let mut chars = words.trim().chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        None => trf!("{format} schedule", format = format.name()),
    };
    Conference {
        id: slug.unwrap_or_else(|| prefix.to_string()),
        title,
        time_zone: zone.to_string(),
        ..Conference::default()
    }
}

/// The telling part of a schedule's address or file name: the event slug in
/// a pretalx URL, the event id in a Sessionize URL, else the file name
/// without its extension.
pub fn name_hint(address: &str) -> Option<String> {
    let path = address.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    const GENERIC: [&str; 12] = [
        "schedule",
        "widgets",
        "widget",
        "view",
        "all",
        "api",
        "v2",
        "export",
        "json",
        "data",
        "gridsmart",
        "sessions",
    ];
    path.split('/')
        .rev()
        .map(super::url::decode_path_segment)
        .map(|seg| {
            let stem = seg.rsplit_once('.').map_or(seg.as_str(), |(stem, _)| stem);
            stem.to_string()
        })
        .find(|seg| !seg.is_empty() && !GENERIC.contains(&seg.to_ascii_lowercase().as_str()))
}

/// Where the zone used for a file without one came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneOrigin {
    /// `?tz=` in the link.
    Link,
    /// Chosen earlier for this schedule on this device.
    Remembered,
    /// The viewer's own zone, not yet confirmed.
    Viewer,
}

/// The zone to read a zone-less file in, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneChoice {
    /// An IANA zone name.
    pub zone: String,
    /// Where it came from.
    pub origin: ZoneOrigin,
}

/// Pick the zone for a file that names none: the link's `?tz=`, else the
/// one remembered for this schedule, else the viewer's own, else UTC. A
/// name the browser does not know is passed over, with a notice.
pub fn choose_zone(
    link: Option<&str>,
    remembered: Option<&str>,
    viewer: Option<&str>,
    known: impl Fn(&str) -> bool,
) -> (ZoneChoice, Option<String>) {
    let mut notice = None;
    fn usable<'a>(z: Option<&'a str>, known: &impl Fn(&str) -> bool) -> Option<&'a str> {
        z.map(str::trim).filter(|z| !z.is_empty() && known(z))
    }
    if let Some(asked) = link.map(str::trim).filter(|z| !z.is_empty()) {
        if known(asked) {
            let choice = ZoneChoice {
                zone: asked.to_string(),
                origin: ZoneOrigin::Link,
            };
            return (choice, None);
        }
        notice = Some(trf!(
            "No time zone \"{asked}\" is known; the link's tz= was ignored.",
            asked = asked
        ));
    }
    let choice = match (usable(remembered, &known), usable(viewer, &known)) {
        (Some(z), _) => ZoneChoice {
            zone: z.to_string(),
            origin: ZoneOrigin::Remembered,
        },
        (None, Some(z)) => ZoneChoice {
            zone: z.to_string(),
            origin: ZoneOrigin::Viewer,
        },
        (None, None) => ZoneChoice {
            zone: "UTC".into(),
            origin: ZoneOrigin::Viewer,
        },
    };
    (choice, notice)
}

/// Detect the format and parse with default options (no zone database).
pub fn parse_any(text: &str) -> Result<Schedule, ScheduleError> {
    import(text, &ImportOptions::default()).map(|i| i.schedule)
}

/// The text of a file within the size limit, without a byte-order mark.
fn readable(text: &str) -> Result<&str, ScheduleError> {
    within_limits(text)?;
    Ok(strip_bom(text))
}

/// Detect the format, say which it is, and parse.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, ScheduleError> {
    match import_own(text)? {
        Ok(imported) => Ok(imported),
        Err(format) => import_other(text, format, options),
    }
}

/// The first step of [`import`]: the file's limits checked and its format
/// detected (once for every format: [`import_other`] takes what was found);
/// a file in our own format parsed, `Err(format)` for any other. The app reads the other formats' readers only when a file needs
/// them (they are a lazily loaded part), so its start needs only this.
pub fn import_own(text: &str) -> Result<Result<Imported, Format>, ScheduleError> {
    let text = readable(text)?;
    match detect(text)? {
        Format::Ours => Ok(Ok(Imported {
            schedule: parse_schedule(text)?,
            format: Format::Ours,
            zone_assumed: false,
        })),
        other => Ok(Err(other)),
    }
}

/// The second step of [`import`]: a file [`import_own`] found to be in
/// `format` (frab, Sessionize, pretalx widget) read into a schedule; its
/// limits are not checked again.
pub fn import_other(
    text: &str,
    format: Format,
    options: &ImportOptions,
) -> Result<Imported, ScheduleError> {
    let text = strip_bom(text);
    let fallback_zone = options.zone.clone().unwrap_or_else(|| "UTC".to_string());
    let (schedule, zone_assumed) = match format {
        Format::Ours => (parse_schedule(text)?, false),
        Format::Frab => (parse_frab(text)?, false),
        Format::Sessionize => {
            let conference =
                conference_from_hint(options.name_hint.as_deref(), format, &fallback_zone);
            let s = super::sessionize::parse_sessionize(
                text,
                conference,
                &fallback_zone,
                options.names,
            )?;
            (s, true)
        }
        Format::PretalxWidget => {
            let conference =
                conference_from_hint(options.name_hint.as_deref(), format, &fallback_zone);
            let (s, names_zone) =
                super::pretalx::parse_widget(text, conference, &fallback_zone, options.names)?;
            (s, !names_zone)
        }
    };
    Ok(Imported {
        schedule,
        format,
        zone_assumed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_every_format() {
        let ours = crate::model::schedule::tests::SMALL;
        assert_eq!(detect(ours), Ok(Format::Ours));
        assert_eq!(parse_any(ours).unwrap().conference.id, "conf");
        let frab = r#"{"schedule":{"conference":{"title":"F","days":[{"date":"2020-01-01","rooms":{"R":[
            {"guid":"a","date":"2020-01-01T10:00:00+01:00","duration":"0:30","title":"T"}]}}]}}}"#;
        assert_eq!(detect(frab), Ok(Format::Frab));
        assert_eq!(parse_any(frab).unwrap().conference.id, "f");
        let sz = r#"{"sessions":[],"speakers":[],"categories":[],"rooms":[],"questions":[]}"#;
        assert_eq!(detect(sz), Ok(Format::Sessionize));
        let widget =
            r#"{"talks":[],"version":"1.3","rooms":[],"speakers":[],"tracks":[],"timezone":"UTC"}"#;
        assert_eq!(detect(widget), Ok(Format::PretalxWidget));
        // A byte-order mark in front does not hide the format.
        assert_eq!(detect(&format!("\u{feff}{sz}")), Ok(Format::Sessionize));
        assert!(matches!(parse_any("nope"), Err(ScheduleError::Syntax(_))));
        // A list at the top level (white space before it or not) is taken for
        // Sessionize's grid view; another value gets no hint.
        let hint = |text: &str| match detect(text) {
            Err(ScheduleError::Unknown(UnknownFormat { hint })) => hint,
            other => panic!("{other:?}"),
        };
        assert!(hint("[]").unwrap().contains("/view/All"));
        assert!(hint(" \n [{\"id\": 1}]").unwrap().contains("/view/All"));
        assert_eq!(hint("\"text\""), None);
        assert_eq!(hint("12"), None);
    }

    /// The one rule for an id met again (`schedule::Tally`), in each format:
    /// the same id at another start is an occurrence, renamed by its start
    /// date (then `-2`); at the same start it is a duplicate, skipped.
    #[test]
    fn a_repeated_id_is_renamed_by_date_and_a_true_duplicate_skipped_in_every_format() {
        // (id, start): x twice on the 2nd, x again at its first start, y.
        let sessions = [
            ("x", "2020-01-01T10:00:00"),
            ("x", "2020-01-02T10:00:00"),
            ("x", "2020-01-02T14:00:00"),
            ("x", "2020-01-01T10:00:00"),
            ("y", "2020-01-01T12:00:00"),
        ];
        let end = |start: &str| {
            start
                .replace("0:00:00", "0:30:00")
                .replace("4:00:00", "4:30:00")
        };
        let list = |each: &dyn Fn(&str, &str) -> String| {
            sessions
                .iter()
                .map(|(id, start)| each(id, start))
                .collect::<Vec<_>>()
                .join(",")
        };
        let ours = format!(
            r#"{{"version":1,"conference":{{"id":"c","title":"C"}},"sessions":[{}]}}"#,
            list(&|id, start| format!(
                r#"{{"id":"{id}","title":"T","start":"{start}+00:00","end":"{}+00:00"}}"#,
                end(start)
            ))
        );
        let frab = format!(
            r#"{{"schedule":{{"conference":{{"title":"F","days":[{{"date":"2020-01-01","rooms":{{"R":[{}]}}}}]}}}}}}"#,
            list(&|id, start| format!(
                r#"{{"guid":"{id}","date":"{start}+00:00","duration":"0:30","title":"T"}}"#
            ))
        );
        let sessionize = format!(
            r#"{{"sessions":[{}],"speakers":[],"categories":[],"rooms":[]}}"#,
            list(&|id, start| format!(
                r#"{{"id":"{id}","title":"T","startsAt":"{start}+00:00","endsAt":"{}+00:00"}}"#,
                end(start)
            ))
        );
        let widget = format!(
            r#"{{"talks":[{}],"rooms":[],"timezone":"UTC"}}"#,
            list(&|id, start| format!(
                r#"{{"code":"{id}","title":"T","start":"{start}+00:00","end":"{}+00:00"}}"#,
                end(start)
            ))
        );
        for (text, format) in [
            (ours, Format::Ours),
            (frab, Format::Frab),
            (sessionize, Format::Sessionize),
            (widget, Format::PretalxWidget),
        ] {
            let imported = import(&text, &ImportOptions::default()).unwrap();
            assert_eq!(imported.format, format);
            let s = imported.schedule;
            let mut ids: Vec<&str> = s.sessions.iter().map(|s| s.id.as_str()).collect();
            ids.sort_unstable();
            assert_eq!(
                ids,
                ["x", "x-2020-01-02", "x-2020-01-02-2", "y"],
                "{format:?}"
            );
            let second = s.session("x-2020-01-02").unwrap();
            assert_eq!(
                second.start.to_rfc3339(),
                "2020-01-02T10:00:00+00:00",
                "{format:?}"
            );
            assert_eq!(s.skipped, 1, "{format:?}");
            let problem = s.problems.iter().find(|p| p.message.contains("duplicate"));
            assert_eq!(
                problem.map(|p| p.message.as_str()),
                Some("duplicate session id \"x\""),
                "{format:?}"
            );
        }
    }

    #[test]
    fn widget_data_without_a_zone_is_read_in_the_given_one_and_says_so() {
        let talk = r#"{"code":"A","title":"T","start":"2025-09-19T09:00:00+08:00","end":"2025-09-19T09:30:00+08:00"}"#;
        let with = format!(r#"{{"talks":[{talk}],"rooms":[],"timezone":"Asia/Taipei"}}"#);
        let without = format!(r#"{{"talks":[{talk}],"rooms":[]}}"#);
        let options = ImportOptions {
            zone: Some("Europe/Berlin".into()),
            ..ImportOptions::default()
        };
        let a = import(&with, &options).unwrap();
        assert_eq!(
            (a.zone_assumed, a.schedule.conference.time_zone.as_str()),
            (false, "Asia/Taipei")
        );
        let b = import(&without, &options).unwrap();
        assert_eq!(
            (b.zone_assumed, b.schedule.conference.time_zone.as_str()),
            (true, "Europe/Berlin")
        );
    }

    #[test]
    fn a_file_of_no_known_format_is_told_which_formats_are_read() {
        let err = parse_any(r#"{"events": []}"#).err().unwrap();
        let words = err.to_string();
        for f in FORMATS {
            assert!(words.contains(f.name()), "{words}");
        }
        let grid = parse_any(r#"[{"date":"2020-03-28T00:00:00","rooms":[]}]"#)
            .err()
            .unwrap();
        assert!(grid.to_string().contains("/view/All"), "{grid}");
        assert!(matches!(parse_any("42"), Err(ScheduleError::Unknown(_))));
        assert_eq!(parse_any("  ").err(), Some(ScheduleError::Empty));
    }

    #[test]
    fn the_zone_comes_from_the_link_then_memory_then_the_viewer() {
        let known = |z: &str| ["Europe/Berlin", "America/New_York", "Asia/Tokyo"].contains(&z);
        let pick = |l, r, v| choose_zone(l, r, v, known);
        let (c, n) = pick(
            Some("Asia/Tokyo"),
            Some("Europe/Berlin"),
            Some("America/New_York"),
        );
        assert_eq!(
            (c.zone.as_str(), c.origin, n),
            ("Asia/Tokyo", ZoneOrigin::Link, None)
        );
        let (c, n) = pick(Some("Mars/Base"), Some("Europe/Berlin"), None);
        assert_eq!(
            (c.zone.as_str(), c.origin),
            ("Europe/Berlin", ZoneOrigin::Remembered)
        );
        assert!(n.unwrap().contains("Mars/Base"));
        let (c, _) = pick(None, Some("Gone/Zone"), Some("America/New_York"));
        assert_eq!(
            (c.zone.as_str(), c.origin),
            ("America/New_York", ZoneOrigin::Viewer)
        );
        let (c, _) = pick(None, None, None);
        assert_eq!((c.zone.as_str(), c.origin), ("UTC", ZoneOrigin::Viewer));
    }

    #[test]
    fn names_come_from_the_address() {
        let hint = |a: &str| name_hint(a);
        assert_eq!(
            hint("https://pretalx.com/jcconf-2025/schedule/widgets/schedule.json").as_deref(),
            Some("jcconf-2025")
        );
        assert_eq!(
            hint("https://sessionize.com/api/v2/abc123xy/view/All").as_deref(),
            Some("abc123xy")
        );
        assert_eq!(
            hint("orlando-codecamp-2020.json").as_deref(),
            Some("orlando-codecamp-2020")
        );
        assert_eq!(hint("/data/My%20Conf.json?x=1").as_deref(), Some("My Conf"));
        assert_eq!(hint("https://example.org/"), None);
        let c = conference_from_hint(Some("orlando-codecamp-2020"), Format::Sessionize, "UTC");
        assert_eq!(
            (c.id.as_str(), c.title.as_str()),
            ("orlando-codecamp-2020", "Orlando codecamp 2020")
        );
        assert_eq!(
            conference_from_hint(None, Format::Sessionize, "UTC").id,
            "sessionize"
        );
    }
}
