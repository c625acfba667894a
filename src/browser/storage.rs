//! The agenda's storage adapter over `localStorage` (through gloo-storage).
//!
//! Rules: availability is checked before gloo-storage is touched (its `raw()`
//! panics when storage is disabled); every failure comes back as a message for
//! the page; a value that cannot be read is copied to a backup key and never
//! overwritten in place.

use gloo_storage::{LocalStorage, Storage};

use crate::model::agenda::{agenda_key, backup_key, Agenda};

/// The agenda as found in storage, and whether we may write it back.
pub struct LoadedAgenda {
    pub agenda: Agenda,
    /// False when storage is unavailable, or when an unreadable value could not
    /// be kept aside (then writing would destroy it).
    pub writable: bool,
    pub notice: Option<String>,
}

/// Is `localStorage` there and readable? (Disabled storage throws `SecurityError`.)
pub fn storage_available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    matches!(window.local_storage(), Ok(Some(s)) if s.get_item("schedule-viewer/probe").is_ok())
}

const UNAVAILABLE: &str = "This browser does not let the page store data, so your stars are kept only until you close it.";

/// Read the agenda of one conference.
pub fn load_agenda(conference_id: &str) -> LoadedAgenda {
    if !storage_available() {
        return LoadedAgenda {
            agenda: Agenda::default(),
            writable: false,
            notice: Some(UNAVAILABLE.into()),
        };
    }
    let storage = LocalStorage::raw();
    let key = agenda_key(conference_id);
    let text = match storage.get_item(&key) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return LoadedAgenda {
                agenda: Agenda::default(),
                writable: true,
                notice: None,
            }
        }
        Err(_) => {
            return LoadedAgenda {
                agenda: Agenda::default(),
                writable: false,
                notice: Some(UNAVAILABLE.into()),
            }
        }
    };
    match Agenda::from_json(&text) {
        Ok(agenda) => LoadedAgenda {
            agenda,
            writable: true,
            notice: None,
        },
        Err(error) => {
            let backup = backup_key(conference_id, &super::page::now_iso());
            match storage.set_item(&backup, &text) {
                Ok(()) => LoadedAgenda {
                    agenda: Agenda::default(),
                    writable: true,
                    notice: Some(format!(
                        "Your saved agenda could not be used: {error}. It was kept unchanged under the key \"{backup}\" and a new agenda was started."
                    )),
                },
                Err(_) => LoadedAgenda {
                    agenda: Agenda::default(),
                    writable: false,
                    notice: Some(format!(
                        "Your saved agenda could not be used: {error}. It could not be copied aside either, so it is left untouched and new stars will not be saved."
                    )),
                },
            }
        }
    }
}

/// Write the agenda. On failure (quota exceeded, storage gone) the caller keeps
/// the agenda in memory and tells the user; the next successful write persists it.
pub fn save_agenda(conference_id: &str, agenda: &Agenda) -> Result<(), String> {
    if !storage_available() {
        return Err(UNAVAILABLE.into());
    }
    LocalStorage::raw()
        .set_item(&agenda_key(conference_id), &agenda.to_json())
        .map_err(|_| {
            "Your browser's storage is full or refused the change: this star is kept for this visit only. It will be saved with your next change once there is room.".to_string()
        })
}

/// Parse a value another tab wrote (from a `storage` event).
pub fn parse_external(new_value: Option<String>) -> Option<Agenda> {
    match new_value {
        None => Some(Agenda::default()),
        Some(text) => Agenda::from_json(&text).ok(),
    }
}
