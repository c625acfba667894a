//! The state of a page the build step renders natively (`crate::build`):
//! the deployed schedule as a first visit sees it — an empty agenda, the
//! conference's zone, nothing changed, no checks running, the clock at the
//! build's time — provided as the app provides its own, so that the same
//! components draw the same markup.

use std::sync::Arc;

use leptos::prelude::*;

use super::*;
use crate::model::route::Route;

/// Provide everything the views read, for a page of `route` of `schedule`
/// (the app's own list, [`provide_schedule_state`]).
pub fn provide(schedule: Arc<Schedule>, route: Route) {
    provide_page_facts();
    provide_schedule_state(schedule, Built(route));
}

/// A page the build draws: a first visit's state, still, at `route`.
struct Built(Route);

impl Origin for Built {
    fn agenda(&self, schedule: &Arc<Schedule>) -> AgendaStore {
        AgendaStore::empty(&schedule.conference.id)
    }

    fn changes(&self, _: &Arc<Schedule>, _: AgendaStore) -> ScheduleChanges {
        ScheduleChanges {
            changes: RwSignal::new(Vec::new()),
        }
    }

    fn clock(&self, schedule: RwSignal<Arc<Schedule>>) -> Clock {
        Clock::stopped(schedule)
    }

    fn live(&self, schedule: RwSignal<Arc<Schedule>>, changes: ScheduleChanges) -> Live {
        Live::new(schedule, changes)
    }

    fn route(&self) -> Memo<Route> {
        let route = self.0.clone();
        crate::browser::location::provide_built_location(route.href());
        Memo::new(move |_| route.clone())
    }
}

impl AgendaStore {
    /// An empty agenda that writes nowhere.
    fn empty(conference_id: &str) -> Self {
        AgendaStore::of(
            conference_id,
            crate::browser::storage::LoadedAgenda::first_visit(),
        )
    }
}
