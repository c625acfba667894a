//! The app's shared state, provided once through context: the loaded schedule
//! (immutable, behind an `Arc`) and the agenda store (signals + persistence).

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{page::now_iso, storage};
use crate::model::agenda::{Agenda, AgendaEntry};
use crate::model::schedule::Schedule;

/// The schedule every view reads. Cheap to clone.
#[derive(Clone)]
pub struct ScheduleCtx(pub Arc<Schedule>);

pub fn use_schedule() -> Arc<Schedule> {
    expect_context::<ScheduleCtx>().0
}

/// The personal agenda of the loaded conference: one owner, many readers.
#[derive(Clone, Copy)]
pub struct AgendaStore {
    pub agenda: RwSignal<Agenda>,
    /// What loading the stored agenda ran into (disabled storage, a value kept aside).
    pub load_notice: RwSignal<Option<String>>,
    /// Why the last write failed; cleared by the next successful write.
    pub write_error: RwSignal<Option<String>>,
    /// The last unstarred entry, for "Removed — Undo".
    pub last_removed: RwSignal<Option<(String, AgendaEntry)>>,
    writable: StoredValue<bool>,
    conference_id: StoredValue<String>,
}

impl AgendaStore {
    /// Load the agenda of `conference_id` and keep it in step with other tabs.
    pub fn new(conference_id: &str) -> Self {
        let loaded = storage::load_agenda(conference_id);
        let store = AgendaStore {
            agenda: RwSignal::new(loaded.agenda),
            load_notice: RwSignal::new(loaded.notice),
            write_error: RwSignal::new(None),
            last_removed: RwSignal::new(None),
            writable: StoredValue::new(loaded.writable),
            conference_id: StoredValue::new(conference_id.to_string()),
        };
        let key = crate::model::agenda::agenda_key(conference_id);
        // Another tab changed the agenda: take its value (it was written from
        // the same in-memory state plus that tab's change).
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(key.as_str()) {
                if let Some(agenda) = storage::parse_external(ev.new_value()) {
                    store.agenda.set(agenda);
                }
            }
        });
        on_cleanup(move || handle.remove());
        store
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.agenda.with(|a| a.contains(id))
    }

    /// Star or unstar a session of the schedule.
    pub fn toggle(&self, schedule: &Schedule, id: &str) {
        let Some(session) = schedule.session(id) else {
            return;
        };
        let mut removed = None;
        self.agenda.update(|a| {
            if a.contains(id) {
                removed = a.remove(id).map(|e| (id.to_string(), e));
            } else {
                a.add(schedule, session, &now_iso());
            }
        });
        if removed.is_some() {
            self.last_removed.set(removed);
        } else {
            self.last_removed.set(None);
        }
        self.persist();
    }

    /// Remove an id outright (a session no longer in the schedule, dismissed by the user).
    pub fn dismiss(&self, id: &str) {
        self.agenda.update(|a| {
            a.remove(id);
        });
        self.persist();
    }

    pub fn undo_remove(&self) {
        if let Some((id, entry)) = self.last_removed.get_untracked() {
            self.agenda.update(|a| a.restore(id, entry));
            self.last_removed.set(None);
            self.persist();
        }
    }

    fn persist(&self) {
        if !self.writable.get_value() {
            return;
        }
        let result = self.conference_id.with_value(|conf| {
            self.agenda
                .with_untracked(|a| storage::save_agenda(conf, a))
        });
        match result {
            Ok(()) => {
                // A write that succeeds after a failed one clears the warning.
                if self.write_error.get_untracked().is_some() {
                    self.write_error.set(None);
                }
            }
            Err(message) => self.write_error.set(Some(message)),
        }
    }
}

pub fn use_agenda() -> AgendaStore {
    expect_context::<AgendaStore>()
}
