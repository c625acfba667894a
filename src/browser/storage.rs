//! `localStorage`, reached in one guarded place, and the agenda's adapter over it.
//!
//! Every read, write, removal and key listing of the app goes through
//! [`local`]: it asks the browser for the storage and probes it, and gives
//! `None` when storage is disabled (the getter throws `SecurityError`) or
//! missing; then the handle is gloo-storage's. Every value is stored as
//! text by [`write`] and read as text by [`read`]: the core writes and
//! parses each type's form (`model::json` for the JSON ones: no serde code
//! on the start path). Failures come back as a [`StorageProblem`] (worded
//! in the core); an agenda value that cannot be read is copied to a backup
//! key and never overwritten in place.

use gloo_storage::{LocalStorage, Storage};

use crate::model::agenda::{agenda_key, backup_key, Agenda, AgendaChange};
use crate::model::error::StorageProblem;

/// A key read to learn whether storage answers at all.
const PROBE_KEY: &str = "schedule-viewer/probe";

/// `localStorage`, when this page may use it: `None` when the browser has
/// none, or disabled it (then even reading the property throws). The
/// handle is gloo-storage's, reached only once the probe answered: its
/// `raw()` panics when storage is disabled.
fn local() -> Option<web_sys::Storage> {
    let storage = super::window()?.local_storage().ok()??;
    storage.get_item(PROBE_KEY).ok()?;
    Some(LocalStorage::raw())
}

/// Is `localStorage` there and readable?
pub fn available() -> bool {
    local().is_some()
}

/// Is `key` set in this tab's `sessionStorage` (a fact of this tab's
/// visit, gone with the tab)? False when that storage is off.
pub fn tab_flag(key: &str) -> bool {
    super::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some()
}

/// Set `key` in this tab's `sessionStorage`; false when it could not be.
pub fn set_tab_flag(key: &str) -> bool {
    super::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .is_some_and(|s| s.set_item(key, "1").is_ok())
}

/// The text stored under `key`; `None` when storage is off or the key absent.
pub fn read(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// A stored value read by `parse`, or the default when storage is off, the
/// key is absent or `parse` finds the value unusable: settings and lists the
/// app can always do without.
pub fn read_or_default<T: Default>(key: &str, parse: impl FnOnce(&str) -> Option<T>) -> T {
    read(key).and_then(|text| parse(&text)).unwrap_or_default()
}

/// Store `text` under `key` as it is.
pub fn write(key: &str, text: &str) -> Result<(), StorageProblem> {
    local()
        .ok_or(StorageProblem::Unavailable)?
        .set_item(key, text)
        .map_err(|_| StorageProblem::WriteRefused)
}

/// Delete `key` (best effort: without storage there is nothing to delete).
pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// Every stored key that starts with `prefix`.
pub fn keys_starting_with(prefix: &str) -> Vec<String> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// The agenda as found in storage, and whether we may write it back.
pub struct LoadedAgenda {
    pub agenda: Agenda,
    /// False when storage is unavailable, or when an unreadable value could not
    /// be kept aside (then writing would destroy it).
    pub writable: bool,
    pub notice: Option<StorageProblem>,
}

impl LoadedAgenda {
    /// A first visit's: nothing starred, nothing to say, nothing written
    /// (the build's pages; the app's first render of a page it adopts).
    pub fn first_visit() -> Self {
        LoadedAgenda {
            agenda: Agenda::default(),
            writable: false,
            notice: None,
        }
    }
}

/// Read the agenda of one conference.
pub fn load_agenda(conference_id: &str) -> LoadedAgenda {
    let unavailable = || LoadedAgenda {
        agenda: Agenda::default(),
        writable: false,
        notice: Some(StorageProblem::Unavailable),
    };
    let Some(storage) = local() else {
        return unavailable();
    };
    let text = match storage.get_item(&agenda_key(conference_id)) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return LoadedAgenda {
                agenda: Agenda::default(),
                writable: true,
                notice: None,
            }
        }
        Err(_) => return unavailable(),
    };
    match Agenda::from_json(&text) {
        Ok(agenda) => LoadedAgenda {
            agenda,
            writable: true,
            notice: None,
        },
        Err(error) => match keep_aside(&storage, conference_id, &text) {
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

/// The agenda stored for a conference, if there is a readable one.
pub fn stored_agenda(conference_id: &str) -> Option<Agenda> {
    read(&agenda_key(conference_id)).and_then(|text| Agenda::from_json(&text).ok())
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
    let storage = local().ok_or(StorageProblem::Unavailable)?;
    let key = agenda_key(conference_id);
    let mut merged = match storage.get_item(&key) {
        Ok(None) => Agenda::default(),
        Ok(Some(text)) => match Agenda::from_json(&text) {
            Ok(stored) => stored,
            Err(_) => {
                // Unreadable: keep it aside before writing over it.
                keep_aside(&storage, conference_id, &text)
                    .map_err(|_| StorageProblem::WriteRefused)?;
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
fn keep_aside(storage: &web_sys::Storage, conference_id: &str, text: &str) -> Result<String, ()> {
    let kept = keys_starting_with(&backup_key(conference_id, ""))
        .into_iter()
        .find(|k| storage.get_item(k).ok().flatten().as_deref() == Some(text));
    if let Some(key) = kept {
        return Ok(key);
    }
    let key = backup_key(conference_id, &super::clock::now_iso());
    storage.set_item(&key, text).map_err(|_| ())?;
    Ok(key)
}

/// Parse a value another tab wrote (from a `storage` event).
pub fn parse_external(new_value: Option<String>) -> Option<(Agenda, u64)> {
    match new_value {
        None => Some((Agenda::default(), crate::model::agenda::AGENDA_VERSION)),
        Some(text) => Agenda::from_json_versioned(&text).ok(),
    }
}
