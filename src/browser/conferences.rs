//! The list of conferences opened on this device, in localStorage, and the
//! removal of one conference's stored data (its agenda and backups, its
//! remembered zone, its saved schedule copy and last-seen snapshot).

use super::storage;
use crate::model::changes::snapshot_cache_key;
use crate::model::conferences::{Conferences, KnownConference, CONFERENCES_KEY};
use crate::model::source::ScheduleSource;

/// The Cache Storage cache the service worker keeps remote schedules in
/// (public/sw.js): named by the base beside the root's.
fn sw_data_cache() -> String {
    match crate::model::route::base().as_str() {
        "/" => "schedule-data-v1".into(),
        base => format!("schedule-data-v1{base}"),
    }
}

/// The stored list (empty when storage is off or the value unreadable).
pub fn load() -> Conferences {
    storage::read_or_default(CONFERENCES_KEY, |t| Some(Conferences::from_json(t)))
}

fn save(list: &Conferences) {
    let _ = storage::write(CONFERENCES_KEY, &list.to_json());
}

/// Note that this conference was just opened.
pub fn record(entry: KnownConference) {
    let mut list = load();
    list.record(entry);
    save(&list);
}

/// What is stored for a conference: (starred sessions, own entries, backups).
pub fn stored_counts(conference: &KnownConference) -> (usize, usize, usize) {
    let agenda = storage::stored_agenda(&conference.id).unwrap_or_default();
    (
        agenda.len(),
        agenda.own().count(),
        storage::keys_starting_with(&conference.backup_prefix()).len(),
    )
}

/// Remove a conference from the list and delete its stored data.
pub async fn remove(conference: &KnownConference) {
    for key in conference
        .storage_keys()
        .into_iter()
        .chain(storage::keys_starting_with(&conference.backup_prefix()))
    {
        storage::remove(&key);
    }
    let mut list = load();
    list.remove(&conference.source);
    save(&list);
    let mut own_cache = vec![snapshot_cache_key(&conference.id)];
    match &conference.source {
        ScheduleSource::File { cache_url, .. } => own_cache.push(cache_url.clone()),
        ScheduleSource::Url { url } => {
            super::files::cache_delete(Some(&sw_data_cache()), std::slice::from_ref(url)).await;
        }
        ScheduleSource::Default => {}
    }
    super::files::cache_delete(None, &own_cache).await;
}
