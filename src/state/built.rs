//! The state of a page the build step renders natively (`crate::build`):
//! the deployed schedule as a first visit sees it — an empty agenda, the
//! conference's zone, nothing changed, no checks running, the clock at the
//! build's time — provided as the app provides its own, so that the same
//! components draw the same markup.

use std::sync::Arc;

use leptos::prelude::*;

use super::*;
use crate::model::route::Route;

/// Provide everything the views read, for a page of `route` of `schedule`.
pub fn provide(schedule: Arc<Schedule>, route: Route) {
    provide_context(AppStatus::new());
    let display = Display::new();
    display.set_conference(&schedule);
    provide_context(display);
    let agenda = AgendaStore::empty(&schedule.conference.id);
    provide_context(agenda);
    let changes = ScheduleChanges {
        changes: RwSignal::new(Vec::new()),
    };
    provide_context(changes);
    provide_context(RoomChoice::new(&schedule));
    let schedule = RwSignal::new(schedule);
    let now = RwSignal::new(crate::browser::clock::now());
    let state =
        Memo::new(move |_| schedule.with(|s| crate::model::plan::now_and_next(s, now.get())));
    provide_context(Clock { now, state });
    provide_context(ScheduleCtx(schedule));
    provide_context(Live::new(schedule, changes));
    crate::browser::location::provide_built_location(route.href());
    provide_context(CurrentRoute(Memo::new(move |_| route.clone())));
}

impl AgendaStore {
    /// An empty agenda that writes nowhere.
    fn empty(conference_id: &str) -> Self {
        AgendaStore::of(
            conference_id,
            crate::browser::storage::LoadedAgenda {
                agenda: Agenda::default(),
                writable: false,
                notice: None,
            },
        )
    }
}
