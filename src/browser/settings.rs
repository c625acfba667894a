//! Display preferences in the browser: stored in localStorage (best effort),
//! and the theme applied as `data-theme` on `<html>`.

use gloo_storage::{LocalStorage, Storage};

use crate::model::import::{choose_zone, ZoneChoice};
use crate::model::schedule::Schedule;
use crate::model::settings::{
    hidden_rooms_from_json, hidden_rooms_key, Settings, Theme, SETTINGS_KEY,
};
use crate::model::source::ScheduleSource;

pub fn load() -> Settings {
    if !super::storage::storage_available() {
        return Settings::default();
    }
    LocalStorage::raw()
        .get_item(SETTINGS_KEY)
        .ok()
        .flatten()
        .map(|t| Settings::from_json(&t))
        .unwrap_or_default()
}

pub fn save(settings: &Settings) {
    if super::storage::storage_available() {
        let _ = LocalStorage::raw().set_item(SETTINGS_KEY, &settings.to_json());
    }
}

pub fn apply_theme(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.as_str()),
        };
    }
}

/// The zone to read this source in if its file names none: `?tz=` in the
/// address, else the one chosen for it earlier, else the viewer's; with a
/// notice when the link's zone is unknown.
pub fn zone_for(source: &ScheduleSource) -> (ZoneChoice, Option<String>) {
    let link = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| crate::model::url::query_value(&q, "tz"));
    let remembered = super::storage::storage_available()
        .then(|| {
            LocalStorage::raw()
                .get_item(&source.zone_key())
                .ok()
                .flatten()
        })
        .flatten();
    let viewer = super::clock::viewer_zone();
    choose_zone(
        link.as_deref(),
        remembered.as_deref(),
        viewer.as_deref(),
        super::clock::zone_known,
    )
}

/// Remember the zone chosen for this source (best effort).
pub fn save_zone(source: &ScheduleSource, zone: &str) {
    if super::storage::storage_available() {
        let _ = LocalStorage::raw().set_item(&source.zone_key(), zone);
    }
}

/// The rooms hidden in this conference's timetable.
pub fn load_hidden_rooms(schedule: &Schedule) -> Vec<String> {
    if !super::storage::storage_available() {
        return Vec::new();
    }
    LocalStorage::raw()
        .get_item(&hidden_rooms_key(&schedule.conference.id))
        .ok()
        .flatten()
        .map(|t| hidden_rooms_from_json(&t, schedule))
        .unwrap_or_default()
}

/// Remember the rooms hidden in this conference's timetable (best effort).
pub fn save_hidden_rooms(conference_id: &str, ids: &[String]) {
    if super::storage::storage_available() {
        let key = hidden_rooms_key(conference_id);
        let storage = LocalStorage::raw();
        let _ = if ids.is_empty() {
            storage.remove_item(&key)
        } else {
            storage.set_item(&key, &serde_json::to_string(ids).unwrap_or_default())
        };
    }
}
