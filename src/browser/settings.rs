//! Display preferences in the browser: stored in localStorage (best effort),
//! and the theme applied as `data-theme` on `<html>`.

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
