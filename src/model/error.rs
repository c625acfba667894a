//! What can go wrong when the app stores, reads or saves something for the
//! user, as types; the words the page shows are written here, once.

use std::fmt;

use super::agenda::StoredAgendaError;
use super::schedule::ScheduleError;

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
            Self::Unavailable => f.write_str(
                "This browser does not let the page store data, so your stars are kept only until you close it.",
            ),
            Self::WriteRefused => f.write_str(
                "Your browser's storage is full or refused the change: it is kept for this visit only, and saved with your next change once there is room.",
            ),
            Self::KeptAside { error, backup } => write!(
                f,
                "Your saved agenda could not be used: {error}. It was kept unchanged under the key \"{backup}\" and a new agenda was started."
            ),
            Self::LeftUntouched { error } => write!(
                f,
                "Your saved agenda could not be used: {error}. It could not be copied aside either, so it is left untouched and new stars will not be saved."
            ),
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
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DownloadRefused { file } => write!(f, "The browser refused to save {file}."),
            Self::FileUnreadable { name } => write!(f, "{name} could not be read."),
            Self::CacheRefused => {
                f.write_str("The browser did not let the page keep the schedule for offline use.")
            }
            Self::NotASchedule { name, error } => write!(f, "{name} cannot be opened: {error}."),
            Self::NotAnAgenda { name, error } => {
                write!(f, "{name} is not an agenda export: {error}.")
            }
            Self::NotAnAddress { text } => write!(f, "\"{text}\" is not an http(s) address."),
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
}
