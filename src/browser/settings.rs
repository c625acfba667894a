//! Display preferences in the browser: stored in localStorage (best effort,
//! through `storage`), and the theme applied as `data-theme` on `<html>`.

use super::storage;
use crate::model::import::{choose_zone, ZoneChoice};
use crate::model::schedule::Schedule;
use crate::model::settings::{
    hidden_rooms_from_json, hidden_rooms_key, hidden_rooms_to_json, Settings, Theme, SETTINGS_KEY,
};
use crate::model::source::ScheduleSource;

/// The stored settings; the defaults when there are none or storage is off.
pub fn load() -> Settings {
    storage::read_or_default(SETTINGS_KEY, Settings::from_json)
}

/// Remember the settings (best effort: without storage they last for the visit).
pub fn save(settings: &Settings) {
    let _ = storage::write(SETTINGS_KEY, &settings.to_json());
}

pub fn apply_theme(theme: Theme) {
    if let Some(root) = super::window()
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
    let link = super::location::query_value("tz");
    let remembered = storage::read(&source.zone_key());
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
    // Bare text, not JSON: the stored form since zones were first remembered.
    let _ = storage::write(&source.zone_key(), zone);
}

/// The rooms hidden in this conference's timetable.
pub fn load_hidden_rooms(schedule: &Schedule) -> Vec<String> {
    storage::read_or_default(&hidden_rooms_key(&schedule.conference.id), |t| {
        Some(hidden_rooms_from_json(t, schedule))
    })
}

/// Remember the rooms hidden in this conference's timetable (best effort).
pub fn save_hidden_rooms(conference_id: &str, ids: &[String]) {
    let key = hidden_rooms_key(conference_id);
    if ids.is_empty() {
        storage::remove(&key);
    } else {
        let _ = storage::write(&key, &hidden_rooms_to_json(ids));
    }
}
