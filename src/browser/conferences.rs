//! The list of conferences opened on this device, in localStorage, and the
//! removal of one conference's stored data (its agenda and backups, its
//! remembered zone, its saved schedule copy and last-seen snapshot).

use gloo_storage::{LocalStorage, Storage};

use crate::model::agenda::Agenda;
use crate::model::changes::snapshot_cache_key;
use crate::model::conferences::{Conferences, KnownConference, CONFERENCES_KEY};
use crate::model::source::ScheduleSource;

/// The Cache Storage cache the service worker keeps remote schedules in (public/sw.js).
const SW_DATA_CACHE: &str = "schedule-data-v1";

/// The stored list (empty when storage is off or the value unreadable).
pub fn load() -> Conferences {
    if !super::storage::storage_available() {
        return Conferences::default();
    }
    LocalStorage::raw()
        .get_item(CONFERENCES_KEY)
        .ok()
        .flatten()
        .map(|t| Conferences::from_json(&t))
        .unwrap_or_default()
}

fn save(list: &Conferences) {
    if super::storage::storage_available() {
        let _ = LocalStorage::raw().set_item(CONFERENCES_KEY, &list.to_json());
    }
}

/// Note that this conference was just opened.
pub fn record(entry: KnownConference) {
    let mut list = load();
    list.record(entry);
    save(&list);
}

/// What is stored for a conference: (starred sessions, own entries, backups).
pub fn stored_counts(conference: &KnownConference) -> (usize, usize, usize) {
    if !super::storage::storage_available() {
        return (0, 0, 0);
    }
    let storage = LocalStorage::raw();
    let agenda = storage
        .get_item(&crate::model::agenda::agenda_key(&conference.id))
        .ok()
        .flatten()
        .and_then(|t| Agenda::from_json(&t).ok())
        .unwrap_or_default();
    (
        agenda.len(),
        agenda.own().count(),
        backup_keys(conference).len(),
    )
}

fn backup_keys(conference: &KnownConference) -> Vec<String> {
    let storage = LocalStorage::raw();
    let prefix = conference.backup_prefix();
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect()
}

/// Remove a conference from the list and delete its stored data.
pub async fn remove(conference: &KnownConference) {
    if super::storage::storage_available() {
        let storage = LocalStorage::raw();
        for key in conference
            .storage_keys()
            .into_iter()
            .chain(backup_keys(conference))
        {
            let _ = storage.remove_item(&key);
        }
    }
    let mut list = load();
    list.remove(&conference.source);
    save(&list);
    let mut own_cache = vec![snapshot_cache_key(&conference.id)];
    match &conference.source {
        ScheduleSource::File { cache_url, .. } => own_cache.push(cache_url.clone()),
        ScheduleSource::Url { url } => {
            super::files::cache_delete(Some(SW_DATA_CACHE), std::slice::from_ref(url)).await;
        }
        ScheduleSource::Default => {}
    }
    super::files::cache_delete(None, &own_cache).await;
}
