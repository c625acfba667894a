//! Display preferences in the browser: stored in localStorage (best effort),
//! the theme applied as `data-theme` on `<html>`, and the viewer's zone offset.

use chrono::{DateTime, FixedOffset};
use gloo_storage::{LocalStorage, Storage};

use crate::model::settings::{Settings, Theme, SETTINGS_KEY};

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

/// The viewer's UTC offset at that instant (so DST is right for every date).
pub fn local_offset_at(t: &DateTime<FixedOffset>) -> FixedOffset {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    let west_minutes = date.get_timezone_offset() as i32;
    FixedOffset::west_opt(west_minutes * 60).unwrap_or(*t.offset())
}

/// The fixed instant `?now=` names (tests set the clock this way), else the real now.
pub fn now_for_views() -> DateTime<FixedOffset> {
    let from_query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            crate::model::filter::parse_query(&q)
                .into_iter()
                .find(|(k, _)| k == "now")
                .and_then(|(_, v)| DateTime::parse_from_rfc3339(&v).ok())
        });
    from_query.unwrap_or_else(|| super::page::now_utc().fixed_offset())
}
