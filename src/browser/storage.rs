//! The agenda's storage adapter over `localStorage` (through gloo-storage).
//!
//! Rules: availability is checked before gloo-storage is touched (its `raw()`
//! panics when storage is disabled); every failure comes back as a
//! [`StorageProblem`] (worded in the core); a value that cannot be read is
//! copied to a backup key and never overwritten in place.

use gloo_storage::{LocalStorage, Storage};

use crate::model::agenda::{agenda_key, backup_key, Agenda, AgendaChange};
use crate::model::error::StorageProblem;

/// The agenda as found in storage, and whether we may write it back.
pub struct LoadedAgenda {
    pub agenda: Agenda,
    /// False when storage is unavailable, or when an unreadable value could not
    /// be kept aside (then writing would destroy it).
    pub writable: bool,
    pub notice: Option<StorageProblem>,
}

/// Is `localStorage` there and readable? (Disabled storage throws `SecurityError`.)
pub fn storage_available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    matches!(window.local_storage(), Ok(Some(s)) if s.get_item("schedule-viewer/probe").is_ok())
}

/// Read the agenda of one conference.
pub fn load_agenda(conference_id: &str) -> LoadedAgenda {
    if !storage_available() {
        return LoadedAgenda {
            agenda: Agenda::default(),
            writable: false,
            notice: Some(StorageProblem::Unavailable),
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
                notice: Some(StorageProblem::Unavailable),
            }
        }
    };
    match Agenda::from_json(&text) {
        Ok(agenda) => LoadedAgenda {
            agenda,
            writable: true,
            notice: None,
        },
        Err(error) => match keep_aside(conference_id, &text) {
            Ok(backup) => LoadedAgenda {
                agenda: Agenda::default(),
                writable: true,
                notice: Some(StorageProblem::KeptAside { error, backup }),
            },
            Err(_) => LoadedAgenda {
                agenda: Agenda::default(),
                writable: false,
                notice: Some(StorageProblem::LeftUntouched { error }),
            },
        },
    }
}

/// Apply `pending` changes to the agenda stored now (which another tab may
/// have changed) and write the result; returns the merged agenda. On failure
/// (quota exceeded, storage gone) nothing is lost: the caller keeps the
/// changes pending and retries with the next one.
pub fn save_changes(
    conference_id: &str,
    pending: &[AgendaChange],
    in_memory: &Agenda,
) -> Result<Agenda, StorageProblem> {
    if !storage_available() {
        return Err(StorageProblem::Unavailable);
    }
    let storage = LocalStorage::raw();
    let key = agenda_key(conference_id);
    let mut merged = match storage.get_item(&key) {
        Ok(None) => Agenda::default(),
        Ok(Some(text)) => match Agenda::from_json(&text) {
            Ok(stored) => stored,
            Err(_) => {
                // Unreadable: keep it aside before writing over it.
                keep_aside(conference_id, &text).map_err(|_| StorageProblem::WriteRefused)?;
                in_memory.clone()
            }
        },
        Err(_) => return Err(StorageProblem::Unavailable),
    };
    for change in pending {
        merged.apply(change);
    }
    storage
        .set_item(&key, &merged.to_json())
        .map_err(|_| StorageProblem::WriteRefused)?;
    Ok(merged)
}

/// Copy an unreadable value to a backup key, unless an identical copy is already kept.
fn keep_aside(conference_id: &str, text: &str) -> Result<String, ()> {
    let storage = LocalStorage::raw();
    let prefix = backup_key(conference_id, "");
    let len = storage.length().map_err(|_| ())?;
    for i in 0..len {
        if let Ok(Some(k)) = storage.key(i) {
            if k.starts_with(&prefix)
                && storage.get_item(&k).ok().flatten().as_deref() == Some(text)
            {
                return Ok(k);
            }
        }
    }
    let key = backup_key(conference_id, &super::clock::now_iso());
    storage.set_item(&key, text).map_err(|_| ())?;
    Ok(key)
}

/// Parse a value another tab wrote (from a `storage` event).
pub fn parse_external(new_value: Option<String>) -> Option<Agenda> {
    match new_value {
        None => Some(Agenda::default()),
        Some(text) => Agenda::from_json(&text).ok(),
    }
}
