//! What can go wrong when the app loads a schedule, skips a session of it,
//! or stores, reads or saves something for the user, as types, each with
//! the words the page shows for it (a change's words are
//! `model::changes::words`, a page's title `model::page`). Every reader returns these, so
//! this module imports none of them: only the limits the words name, the
//! JSON reader's own error and the list of formats.

use std::fmt;

use super::words::tr;
use crate::trf;

use super::format::format_list;
use super::json::{JsonError, MAX_NESTING};
use super::limits::{FORMAT_VERSION, MAX_DAYS_FROM_MEDIAN, MAX_SCHEDULE_BYTES, MAX_SESSION_HOURS};

/// Why a schedule could not be used at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScheduleError {
    /// Nothing but white space.
    Empty,
    /// Larger than [`MAX_SCHEDULE_BYTES`].
    TooLarge { bytes: usize },
    /// Arrays and objects nested deeper than [`MAX_NESTING`], at this byte
    /// (the JSON reader's one nesting guard, [`super::json::check_nesting`]).
    TooDeep { at: usize },
    /// Not JSON, or JSON of the wrong shape; the message names the line and column.
    Syntax(String),
    /// A format version other than [`FORMAT_VERSION`].
    UnsupportedVersion(u64),
    /// No conference id or title.
    MissingConference,
    /// No session left to show.
    NoSessions { skipped: usize },
    /// None of the formats the viewer reads.
    Unknown(UnknownFormat),
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str(tr("the schedule file is empty")),
            Self::TooLarge { bytes } => f.write_str(&trf!(
                "the schedule file is {bytes} bytes, more than the {max} bytes this viewer accepts",
                bytes = bytes,
                max = MAX_SCHEDULE_BYTES
            )),
            Self::TooDeep { at } => f.write_str(&trf!(
                "the schedule file nests lists and objects more than {max} levels deep (at byte {at})",
                max = MAX_NESTING,
                at = at
            )),
            Self::Syntax(msg) => {
                f.write_str(&trf!("the schedule file is not valid: {msg}", msg = msg))
            }
            Self::UnsupportedVersion(v) => f.write_str(&trf!(
                "the schedule file has format version {v}; this viewer reads version {version}",
                v = v,
                version = FORMAT_VERSION
            )),
            Self::MissingConference => {
                f.write_str(tr("the schedule file has no conference id or title"))
            }
            Self::NoSessions { skipped: 0 } => {
                f.write_str(tr("the schedule file lists no sessions"))
            }
            Self::NoSessions { skipped } => f.write_str(&trf!(
                "none of the schedule's sessions is valid ({skipped} skipped)",
                skipped = skipped
            )),
            Self::Unknown(why) => {
                f.write_str(&trf!("the file is not a schedule: {why}", why = why))
            }
        }
    }
}

/// The JSON reader's errors are the file's: a syntax error names its place,
/// nesting too deep names its byte.
impl From<JsonError> for ScheduleError {
    fn from(e: JsonError) -> Self {
        match e {
            JsonError::Syntax(why) => ScheduleError::Syntax(why),
            JsonError::TooDeep { at } => ScheduleError::TooDeep { at },
        }
    }
}

/// Why a file could not be imported, beyond a broken schedule: words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat {
    /// A hint about what the file seems to be, if we recognise it.
    pub hint: Option<&'static str>,
}

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&trf!(
            "it is none of the formats this viewer reads ({formats})",
            formats = format_list()
        ))?;
        if let Some(hint) = self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

/// Why a stored agenda could not be read. The value is then kept aside, never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredAgendaError {
    /// Not JSON, or not an agenda.
    Corrupt(String),
    /// Written by a newer version of the app.
    FutureVersion(u64),
}

impl fmt::Display for StoredAgendaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Corrupt(why) => f.write_str(&trf!(
                "the saved agenda could not be read ({why})",
                why = why
            )),
            Self::FutureVersion(v) => f.write_str(&trf!(
                "the saved agenda was written by a newer version of this app (format {v})",
                v = v
            )),
        }
    }
}

/// A problem with the saved agenda or the browser's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// Storage is disabled (private mode, a policy): stars live for this visit only.
    Unavailable,
    /// A write was refused (quota full): kept in memory, retried with the next change.
    WriteRefused,
    /// The saved agenda could not be read; it was copied to `backup`.
    KeptAside {
        error: StoredAgendaError,
        backup: String,
    },
    /// The saved agenda could not be read nor copied aside: left untouched,
    /// and new stars are not saved over it.
    LeftUntouched { error: StoredAgendaError },
}

impl fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable => f.write_str(tr(
                "This browser does not let the page store data, so your stars are kept only until you close it.",
            )),
            Self::WriteRefused => f.write_str(tr(
                "Your browser's storage is full or refused the change: it is kept for this visit only, and saved with your next change once there is room.",
            )),
            Self::KeptAside { error, backup } => f.write_str(&trf!(
                "Your saved agenda could not be used: {error}. It was kept unchanged under the key \"{backup}\" and a new agenda was started.",
                error = error,
                backup = backup
            )),
            Self::LeftUntouched { error } => f.write_str(&trf!(
                "Your saved agenda could not be used: {error}. It could not be copied aside either, so it is left untouched and new stars will not be saved.",
                error = error
            )),
        }
    }
}

/// A problem with something the user asked for: a download, a file, an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// The browser would not save a download.
    DownloadRefused { file: String },
    /// A picked or dropped file could not be read.
    FileUnreadable { name: String },
    /// The Cache Storage refused to keep a schedule for offline use.
    CacheRefused,
    /// A file is not a schedule this app reads.
    NotASchedule { name: String, error: ScheduleError },
    /// A file is not an agenda export.
    NotAnAgenda {
        name: String,
        error: StoredAgendaError,
    },
    /// An address typed for "open a schedule" is not http(s).
    NotAnAddress { text: String },
    /// A lazily loaded part of the app the action needs could not be fetched.
    PartMissing,
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DownloadRefused { file } => {
                f.write_str(&trf!("The browser refused to save {file}.", file = file))
            }
            Self::FileUnreadable { name } => {
                f.write_str(&trf!("{name} could not be read.", name = name))
            }
            Self::CacheRefused => {
                f.write_str(tr(
                    "The browser did not let the page keep the schedule for offline use.",
                ))
            }
            Self::NotASchedule { name, error } => f.write_str(&trf!(
                "{name} cannot be opened: {error}.",
                name = name,
                error = error
            )),
            Self::NotAnAgenda { name, error } => {
                f.write_str(&trf!(
                    "{name} is not an agenda export: {error}.",
                    name = name,
                    error = error
                ))
            }
            Self::NotAnAddress { text } => {
                f.write_str(&trf!("\"{text}\" is not an http(s) address.", text = text))
            }
            Self::PartMissing => f.write_str(tr(
                "A part of this app that this needs could not be loaded. Check the connection and try again.",
            )),
        }
    }
}

/// Why an importer skipped a session (listed with its place in the
/// notice "N session(s) were skipped…"), in every format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// The entry is not a JSON object.
    NotAnObject,
    /// Our format or Sessionize: no id.
    NoId,
    /// frab: neither a guid nor an id.
    NoGuidOrId,
    /// pretalx widget: neither a code nor an id.
    NoCodeOrId,
    /// An id another session already has.
    DuplicateId(String),
    /// No title, or only white space.
    EmptyTitle,
    /// No start time.
    NoStart,
    /// No end time.
    NoEnd,
    /// frab: no `date` (its start).
    NoDate,
    /// Sessionize: accepted but not scheduled yet.
    Unscheduled,
    /// A time that is not RFC 3339 with an offset.
    NotRfc3339(String),
    /// A wall-clock time that cannot be read in the zone.
    NotATimeInZone {
        /// The time as written.
        time: String,
        /// The zone it was read in.
        zone: String,
    },
    /// A time that cannot be read at all.
    NotATime(String),
    /// frab: a duration that is not H:MM.
    BadDuration(String),
    /// The end is past what a date can hold.
    EndOutOfRange,
    /// It ends before it starts.
    EndsBeforeStart,
    /// A room the file does not list.
    UnknownRoom(String),
    /// A track the file does not list.
    UnknownTrack(String),
    /// A speaker the file does not list.
    UnknownSpeaker(String),
    /// Longer than any session may last.
    TooLong,
    /// Far from the rest of the conference.
    FarAway,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAnObject => f.write_str(tr("not an object")),
            Self::NoId => f.write_str(tr("session without an id")),
            Self::NoGuidOrId => f.write_str(tr("event without guid or id")),
            Self::NoCodeOrId => f.write_str(tr("talk without code or id")),
            Self::DuplicateId(id) => f.write_str(&trf!("duplicate session id \"{id}\"", id = id)),
            Self::EmptyTitle => f.write_str(tr("empty title")),
            Self::NoStart => f.write_str(tr("no start time")),
            Self::NoEnd => f.write_str(tr("no end time")),
            Self::NoDate => f.write_str(tr("no date")),
            Self::Unscheduled => f.write_str(tr("not scheduled (no start time)")),
            Self::NotRfc3339(t) => f.write_str(&trf!(
                "\"{time}\" is not an RFC 3339 time with an offset",
                time = t
            )),
            Self::NotATimeInZone { time, zone } => f.write_str(&trf!(
                "\"{time}\" is not a time in the zone \"{zone}\"",
                time = time,
                zone = zone
            )),
            Self::NotATime(t) => f.write_str(&trf!("\"{time}\" is not a time", time = t)),
            Self::BadDuration(d) => {
                f.write_str(&trf!("duration \"{duration}\" is not H:MM", duration = d))
            }
            Self::EndOutOfRange => f.write_str(tr("end out of range")),
            Self::EndsBeforeStart => f.write_str(tr("ends before it starts")),
            Self::UnknownRoom(r) => f.write_str(&trf!("unknown room \"{room}\"", room = r)),
            Self::UnknownTrack(t) => f.write_str(&trf!("unknown track \"{track}\"", track = t)),
            Self::UnknownSpeaker(p) => {
                f.write_str(&trf!("unknown speaker \"{speaker}\"", speaker = p))
            }
            Self::TooLong => f.write_str(&trf!(
                "lasts more than {days} days (the longest a session may last)",
                days = MAX_SESSION_HOURS / 24
            )),
            Self::FarAway => f.write_str(&trf!(
                "starts more than {days} days away from the rest of the conference",
                days = MAX_DAYS_FROM_MEDIAN
            )),
        }
    }
}

/// The heading of the notice that lists a schedule file's problems
/// (skipped sessions, dropped values), each then named as `place: message`;
/// the count is of problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProblemsNotice(pub usize);

impl fmt::Display for ProblemsNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The schedule file has {} problem(s); the rest is shown.",
            self.0
        )
    }
}

/// Why the schedule could not be loaded at all (the error page's words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request itself failed (offline, blocked by CORS, bad URL).
    Network { url: String },
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// The file arrived but is not a usable schedule.
    Schedule { url: String, error: ScheduleError },
    /// `?schedule=` named something that is not an http(s) URL or a path on this site.
    BadUrl { url: String },
    /// A local file opened earlier is no longer in the browser's cache.
    LocalMissing { name: String },
    /// The file is in another format, and the part of the app that reads the
    /// other formats (loaded when first needed) could not be fetched.
    ReaderMissing { url: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network { url } => f.write_str(&trf!(
                "The schedule at {url} could not be fetched. Check the connection (or, for another site, that it allows cross-origin requests).",
                url = url
            )),
            Self::Http { url, status } => {
                f.write_str(&trf!(
                    "The server answered {status} for the schedule at {url}.",
                    status = status,
                    url = url
                ))
            }
            Self::Schedule { url, error } => {
                f.write_str(&trf!("In {url}: {error}.", url = url, error = error))
            }
            Self::BadUrl { url } => f.write_str(&trf!(
                "\"{url}\" is not a schedule address this app can open: use an http(s) URL.",
                url = url
            )),
            Self::LocalMissing { name } => f.write_str(&trf!(
                "The local file {name} opened earlier is no longer stored in this browser. Open it again.",
                name = name
            )),
            Self::ReaderMissing { url } => f.write_str(&trf!(
                "The schedule at {url} is in a format whose reader is a part of this app that could not be loaded. Check the connection and try again.",
                url = url
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_worded_and_names_what_it_is_about() {
        let corrupt = StoredAgendaError::Corrupt("expected value".into());
        assert!(StorageProblem::KeptAside {
            error: corrupt.clone(),
            backup: "schedule-viewer/backup/c/t".into()
        }
        .to_string()
        .contains("\"schedule-viewer/backup/c/t\""));
        assert!(StorageProblem::LeftUntouched { error: corrupt }
            .to_string()
            .contains("left untouched"));
        assert!(ActionError::DownloadRefused {
            file: "agenda.ics".into()
        }
        .to_string()
        .contains("agenda.ics"));
        assert!(ActionError::NotASchedule {
            name: "x.json".into(),
            error: ScheduleError::Empty
        }
        .to_string()
        .starts_with("x.json cannot be opened: the schedule file is empty"));
    }

    #[test]
    fn skip_reasons_and_load_errors_keep_their_words() {
        assert_eq!(
            SkipReason::NotATimeInZone {
                time: "2024-03-10T02:30:00".into(),
                zone: "America/New_York".into()
            }
            .to_string(),
            "\"2024-03-10T02:30:00\" is not a time in the zone \"America/New_York\""
        );
        assert_eq!(
            SkipReason::TooLong.to_string(),
            "lasts more than 7 days (the longest a session may last)"
        );
        assert_eq!(
            SkipReason::Unscheduled.to_string(),
            "not scheduled (no start time)"
        );
        assert_eq!(
            LoadError::Schedule {
                url: "/schedule.json".into(),
                error: ScheduleError::Empty
            }
            .to_string(),
            "In /schedule.json: the schedule file is empty."
        );
        assert!(LoadError::Http {
            url: "x".into(),
            status: 404
        }
        .to_string()
        .contains("answered 404"));
    }
}
