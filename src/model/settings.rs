//! Display preferences, kept in `schedule-viewer/settings`: the time zone
//! times are shown in, and the colour theme. Unknown or broken values fall
//! back to the defaults (they are preferences, nothing is lost).

use serde::{Deserialize, Serialize};

/// The localStorage key of the display settings.
pub const SETTINGS_KEY: &str = "schedule-viewer/settings";

/// The localStorage key of the rooms hidden in a conference's timetable.
pub fn hidden_rooms_key(conference_id: &str) -> String {
    format!("schedule-viewer/hidden-rooms/{conference_id}")
}

/// The rooms hidden in the timetable: ids of rooms the schedule has (a
/// stored id the schedule no longer has is dropped). A broken value hides
/// nothing: it is a preference.
pub fn hidden_rooms_from_json(text: &str, schedule: &super::schedule::Schedule) -> Vec<String> {
    let ids: Vec<String> = serde_json::from_str(text).unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if schedule.room_by_id(&id).is_some() && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// Which zone times are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// The conference's own zone (the offsets in the schedule).
    #[default]
    Conference,
    /// The viewer's zone, as the browser reports it for each instant.
    Local,
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The stored and `data-theme` name.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Read a stored name; anything unknown follows the system.
    pub fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// The viewer's display preferences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Conference's zone or mine.
    #[serde(default)]
    pub zone: Zone,
    /// System, light or dark.
    #[serde(default)]
    pub theme: Theme,
    /// Notify before "must" sessions while the app is open.
    #[serde(default)]
    pub reminders: bool,
    /// Leave out sessions that have ended.
    #[serde(default)]
    pub hide_past: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rooms_keep_only_rooms_the_schedule_has() {
        let s = crate::model::schedule::tests::small();
        assert_eq!(hidden_rooms_from_json(r#"["b","gone","b"]"#, &s), ["b"]);
        assert!(hidden_rooms_from_json("{oops", &s).is_empty());
        assert_eq!(hidden_rooms_key("c"), "schedule-viewer/hidden-rooms/c");
    }

    /// The stored form, as `browser::storage` writes and reads it (serde):
    /// a missing field takes its default.
    #[test]
    fn round_trip_and_fallbacks() {
        let from_json = |t: &str| serde_json::from_str::<Settings>(t).ok();
        let s = Settings {
            zone: Zone::Local,
            theme: Theme::Dark,
            reminders: true,
            hide_past: false,
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"zone":"local","theme":"dark","reminders":true,"hide_past":false}"#
        );
        assert_eq!(from_json(&json), Some(s));
        assert_eq!(from_json("garbage"), None);
        assert_eq!(
            from_json(r#"{"theme":"light"}"#).map(|s| s.theme),
            Some(Theme::Light)
        );
        assert_eq!(from_json(r#"{"zone":"mars"}"#), None);
    }
}
