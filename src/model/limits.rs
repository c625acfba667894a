//! The limits a schedule file is held to: what this build reads, and how
//! large, long or far a file and its sessions may be. A leaf module: the
//! readers enforce them and the errors (`error.rs`) name them.

/// The highest file-format version this build understands.
pub const FORMAT_VERSION: u64 = 1;

/// Largest schedule file we try to parse. Far above any real conference
/// (the 39C3 export, 895 sessions, is 2.6 MB) and small enough that a
/// hostile file cannot exhaust a phone's memory.
pub const MAX_SCHEDULE_BYTES: usize = 20 * 1024 * 1024;

/// The longest a session may last; longer ones are skipped as errors (a
/// session "ending in 9999" would otherwise stretch every day view).
pub const MAX_SESSION_HOURS: i64 = 7 * 24;

/// How far a session may start from the conference's median start, in
/// days: a conference spans at most about a year. Farther ones are skipped.
pub const MAX_DAYS_FROM_MEDIAN: i64 = 183;
