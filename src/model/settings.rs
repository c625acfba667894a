//! Display preferences, kept in `schedule-viewer/settings`: the time zone
//! times are shown in, and the colour theme. Unknown or broken values fall
//! back to the defaults (they are preferences, nothing is lost).

use super::json::{self, Reader};
use super::words::Lang;

/// The localStorage key of the display settings.
pub const SETTINGS_KEY: &str = "schedule-viewer/settings";

/// The stored settings' field of the zone ([`Zone::as_str`]); the build's
/// guard script reads it too (`build::guard_names`), as the next two.
pub const ZONE_FIELD: &str = "zone";
/// The stored settings' field of the theme ([`Theme::as_str`]).
pub const THEME_FIELD: &str = "theme";
/// The stored settings' field of "hide past sessions" (a boolean).
pub const HIDE_PAST_FIELD: &str = "hide_past";

/// The stored settings' field of the chosen language ([`Lang::code`]).
pub const LANG_FIELD: &str = "lang";

/// The localStorage key of the rooms hidden in a conference's timetable.
pub fn hidden_rooms_key(conference_id: &str) -> String {
    format!("schedule-viewer/hidden-rooms/{conference_id}")
}

/// The rooms hidden in the timetable: ids of rooms the schedule has (a
/// stored id the schedule no longer has is dropped). A broken value hides
/// nothing: it is a preference.
pub fn hidden_rooms_from_json(text: &str, schedule: &super::schedule::Schedule) -> Vec<String> {
    let ids = Reader::whole(text, |r| r.strings()).unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if schedule.room_by_id(&id).is_some() && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The stored form of the hidden rooms.
pub fn hidden_rooms_to_json(ids: &[String]) -> String {
    json::write(|w| {
        w.array(|w| {
            for id in ids {
                w.element().text(id);
            }
        })
    })
}

/// Which zone times are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zone {
    /// The conference's own zone (the offsets in the schedule).
    #[default]
    Conference,
    /// The viewer's zone, as the browser reports it for each instant.
    Local,
}

impl Zone {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Conference => "conference",
            Zone::Local => "local",
        }
    }
}

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

/// The viewer's display preferences. Stored as
/// `{"zone":"local","theme":"dark","reminders":true,"hide_past":false}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Conference's zone or mine.
    pub zone: Zone,
    /// System, light or dark.
    pub theme: Theme,
    /// Notify before "must" sessions while the app is open.
    pub reminders: bool,
    /// Leave out sessions that have ended.
    pub hide_past: bool,
    /// The interface's language as chosen in Settings; None follows the
    /// browser's languages (`words::Lang::first_spoken`).
    pub lang: Option<&'static Lang>,
}

impl Settings {
    /// The stored form.
    pub fn to_json(&self) -> String {
        json::write(|w| {
            w.object(|w| {
                w.field(ZONE_FIELD).text(self.zone.as_str());
                w.field(THEME_FIELD).text(self.theme.as_str());
                w.field("reminders").boolean(self.reminders);
                w.field(HIDE_PAST_FIELD).boolean(self.hide_past);
                if let Some(lang) = self.lang {
                    w.field(LANG_FIELD).text(lang.code);
                }
            })
        })
    }

    /// Read the stored form: a missing field takes its default; a value of
    /// the wrong shape or an unknown name makes it `None` (the caller falls
    /// back to the defaults: they are preferences).
    pub fn from_json(text: &str) -> Option<Settings> {
        Reader::whole(text, |r| {
            r.record(|s: &mut Settings, r, key| {
                match key {
                    ZONE_FIELD => {
                        s.zone = r.one_of(&[Zone::Conference, Zone::Local], Zone::as_str, key)?
                    }
                    THEME_FIELD => {
                        s.theme = r.one_of(
                            &[Theme::System, Theme::Light, Theme::Dark],
                            Theme::as_str,
                            key,
                        )?
                    }
                    "reminders" => s.reminders = r.boolean(key)?,
                    HIDE_PAST_FIELD => s.hide_past = r.boolean(key)?,
                    // A language this version does not speak follows the browser.
                    LANG_FIELD => s.lang = r.optional_string()?.as_deref().and_then(Lang::of),
                    _ => r.skip()?,
                }
                Ok(())
            })
        })
        .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rooms_keep_only_rooms_the_schedule_has() {
        let s = crate::model::schedule::tests::small();
        assert_eq!(hidden_rooms_from_json(r#"["b","gone","b"]"#, &s), ["b"]);
        assert!(hidden_rooms_from_json("{oops", &s).is_empty());
        let ids = ["b".to_string(), "a \"x\"".into()];
        assert_eq!(hidden_rooms_to_json(&ids), r#"["b","a \"x\""]"#);
        assert_eq!(hidden_rooms_key("c"), "schedule-viewer/hidden-rooms/c");
    }

    /// The stored form, as `Settings::to_json` writes it and
    /// `Settings::from_json` reads it: a missing field takes its default.
    #[test]
    fn round_trip_and_fallbacks() {
        let from_json = Settings::from_json;
        let s = Settings {
            zone: Zone::Local,
            theme: Theme::Dark,
            reminders: true,
            hide_past: false,
            lang: None,
        };
        let json = s.to_json();
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
        assert_eq!(from_json(r#"{"theme":"sepia"}"#), None);
        assert_eq!(from_json(r#"{"reminders":"yes"}"#), None);
        assert_eq!(from_json(r#"{"hide_past":null}"#), None);
        assert_eq!(from_json(r#"{"theme":"dark"} x"#), None);
        assert_eq!(from_json("[]"), None);
        // A chosen language is kept; one this version does not speak follows the browser.
        let german = Settings {
            lang: Lang::of("de"),
            ..Settings::default()
        };
        assert!(german.to_json().ends_with(r#","lang":"de"}"#));
        assert_eq!(from_json(&german.to_json()), Some(german));
        assert_eq!(
            from_json(r#"{"lang":"tlh","theme":"dark"}"#).map(|s| (s.lang, s.theme)),
            Some((None, Theme::Dark))
        );
        // Unknown keys (a newer version's) are read past.
        assert_eq!(
            from_json(r#" {"zone":"local","font":{"size":[1,2]},"hide_past":true} "#),
            Some(Settings {
                zone: Zone::Local,
                hide_past: true,
                ..Settings::default()
            })
        );
        for theme in [Theme::System, Theme::Light, Theme::Dark] {
            let s = Settings {
                theme,
                ..Settings::default()
            };
            assert_eq!(from_json(&s.to_json()), Some(s));
        }
    }
}
