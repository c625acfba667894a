//! The one list of what the views read from context, provided in the order
//! the providers read each other: by the app in the browser (`lib.rs`) and
//! by the build step for each page it draws (`state::built`), which differ
//! only in where five of them come from ([`Origin`]).

use std::sync::Arc;

use leptos::prelude::*;

use super::{
    AgendaStore, AppStatus, Clock, CurrentRoute, Display, Live, RoomChoice, ScheduleChanges,
    ScheduleCtx,
};
use crate::model::route::Route;
use crate::model::schedule::Schedule;

/// Where the state of a page comes from: the browser's storage, clock,
/// network and address ([`InBrowser`]), or the build step's first visit.
pub trait Origin {
    /// The conference's agenda.
    fn agenda(&self, schedule: &Arc<Schedule>) -> AgendaStore;
    /// What changed since the user last looked.
    fn changes(&self, schedule: &Arc<Schedule>, agenda: AgendaStore) -> ScheduleChanges;
    /// The shared clock.
    fn clock(&self, schedule: RwSignal<Arc<Schedule>>) -> Clock;
    /// The live checks of the schedule.
    fn live(&self, schedule: RwSignal<Arc<Schedule>>, changes: ScheduleChanges) -> Live;
    /// The route shown, its location provided.
    fn route(&self) -> Memo<Route>;
}

/// Provide the facts of a page known before its schedule ([`AppStatus`],
/// [`Display`]).
pub fn provide_page_facts() -> AppStatus {
    provide_facts_of(AppStatus::new())
}

/// Provide `status` (made before the views: a page the app adopts loads
/// its schedule first) and the [`Display`].
pub fn provide_facts_of(status: AppStatus) -> AppStatus {
    provide_context(status);
    provide_context(Display::new());
    status
}

/// Provide everything else the views read, once `schedule` is there, from
/// `origin`; the schedule's signal and the route shown.
pub fn provide_schedule_state(
    schedule: Arc<Schedule>,
    origin: impl Origin,
) -> (RwSignal<Arc<Schedule>>, Memo<Route>) {
    let agenda = origin.agenda(&schedule);
    provide_context(agenda);
    let changes = origin.changes(&schedule, agenda);
    provide_context(changes);
    expect_context::<Display>().set_conference(&schedule);
    provide_context(RoomChoice::new(&schedule));
    let schedule = RwSignal::new(schedule);
    provide_context(origin.clock(schedule));
    provide_context(ScheduleCtx(schedule));
    provide_context(origin.live(schedule, changes));
    let route = origin.route();
    provide_context(CurrentRoute(route));
    (schedule, route)
}

/// The app's state in the browser: the stored agenda, compared with the
/// last seen schedule; the ticking clock; live checks; the window's address.
pub struct InBrowser;

impl Origin for InBrowser {
    fn agenda(&self, schedule: &Arc<Schedule>) -> AgendaStore {
        AgendaStore::new(&schedule.conference.id)
    }

    fn changes(&self, schedule: &Arc<Schedule>, agenda: AgendaStore) -> ScheduleChanges {
        ScheduleChanges::compare_with_last_seen(schedule.clone(), agenda)
    }

    fn clock(&self, schedule: RwSignal<Arc<Schedule>>) -> Clock {
        Clock::start(schedule)
    }

    fn live(&self, schedule: RwSignal<Arc<Schedule>>, changes: ScheduleChanges) -> Live {
        Live::start(schedule, changes)
    }

    fn route(&self) -> Memo<Route> {
        let location = crate::browser::location::provide_location();
        Memo::new(move |_| Route::parse(&location.path.get()))
    }
}
