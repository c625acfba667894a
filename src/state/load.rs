//! Loading the schedule when the page opens: the one sequence of side
//! effects around `browser::loader` (remember the source, record the
//! conference, keep a zone the link names, the status banners, the
//! build-time view's removal, the "still waiting" ticker), and "what changed
//! since you last looked" against the one stored snapshot.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

use super::{AgendaStore, AppStatus, ScheduleChanges};
use crate::browser::loader::{load_from_source, LoadError, LoadedSchedule};
use crate::browser::part::PartMissing;
use crate::browser::{conferences, files, settings};
use crate::model::changes::{diff, snapshot_cache_key, Snapshot};
use crate::model::import::ZoneOrigin;
use crate::model::schedule::Schedule;

/// The start-up load, as the root view shows it.
#[derive(Clone, Copy)]
pub struct ScheduleLoad {
    /// None while loading; then the schedule or why it could not be loaded.
    pub result: RwSignal<Option<Result<Arc<Schedule>, LoadError>>>,
    /// Seconds waited so far (progress while a large schedule comes over a slow network).
    pub waited: RwSignal<u32>,
}

/// Load the schedule `status.source` names, with every side effect of a
/// successful load; the build-time view goes in the task that draws the app.
/// `before_draw` (a part the first screen shows) is awaited beside the load:
/// the page is drawn when both are done.
pub fn load_schedule(
    status: AppStatus,
    before_draw: impl Future<Output = ()> + 'static,
) -> ScheduleLoad {
    let load = ScheduleLoad {
        result: RwSignal::new(None),
        waited: RwSignal::new(0),
    };
    let waited = load.waited;
    let ticker = set_interval_with_handle(
        move || waited.update(|s| *s += 1),
        std::time::Duration::from_secs(1),
    )
    .ok();
    leptos::task::spawn_local(async move {
        let loaded = match PRELOADED.with(|p| p.borrow_mut().take()) {
            Some(loaded) => {
                before_draw.await;
                loaded
            }
            None => {
                futures::future::join(fetch_schedule(status), before_draw)
                    .await
                    .0
            }
        };
        let result = loaded.map(|l| took(status, l));
        if let Ok(schedule) = &result {
            before_first_draw(schedule).await;
        }
        load.result.set(Some(result));
        // The app now draws the page (its render effects are queued by the
        // set above, and run first): the build-time copy goes after them, in
        // the same frame, or with the lazily loaded part that draws the page.
        leptos::task::spawn_local(async { crate::browser::page::app_drawn() });
        after_first_draw(status);
        if let Some(t) = ticker {
            t.clear();
        }
    });
    load
}

thread_local! {
    /// A load already done (by an adoption that did not happen), for the
    /// app that draws anew instead.
    static PRELOADED: std::cell::RefCell<Option<Result<LoadedSchedule, LoadError>>> =
        const { std::cell::RefCell::new(None) };
}

/// The schedule `status.source` names, loaded (not yet taken: [`took`]).
pub async fn fetch_schedule(status: AppStatus) -> Result<LoadedSchedule, LoadError> {
    let source = status.source.get_value();
    let zone = status.zone.get_value();
    load_from_source(&source, &zone.zone).await
}

/// The app draws anew with this load (the page could not be adopted):
/// [`load_schedule`] takes it instead of loading again.
pub fn loaded_before(loaded: Result<LoadedSchedule, LoadError>) {
    PRELOADED.with(|p| *p.borrow_mut() = Some(loaded));
}

/// A schedule that loaded, taken: every side effect of a successful load.
pub fn took(status: AppStatus, l: LoadedSchedule) -> Arc<Schedule> {
    let source = status.source.get_value();
    let zone = status.zone.get_value();
    // A schedule that loaded is the one to open next time, offline too,
    // and one of the conferences opened on this device.
    files::remember_source(&source);
    let known = crate::model::conferences::KnownConference::of(
        &l.schedule,
        &source,
        &crate::browser::clock::now_iso(),
    );
    leptos::task::spawn_local(async move {
        // Unrecorded when its part cannot be fetched: the list only
        // misses this visit (the next one records it).
        let _ = record_conference(known).await;
    });
    if l.zone_assumed && zone.origin == ZoneOrigin::Link {
        // A zone the link names is the conference's: keep it for this schedule.
        settings::save_zone(&source, &zone.zone);
    }
    status.import.set(Some((l.format, l.zone_assumed)));
    status.offline_as_of.set(l.offline_as_of);
    status.shown.set_value(l.copy);
    Arc::new(l.schedule)
}

/// Between reading the schedule and drawing (or adopting) its page, each
/// a task of its own rather than one long one: the browser's zone
/// formatting started (its first use is slow) in a task between them.
pub async fn before_first_draw(schedule: &Schedule) {
    crate::browser::page::next_task().await;
    if let Some(first) = schedule.sessions.first() {
        crate::browser::clock::warm_up(&schedule.conference.time_zone, first.start);
        crate::browser::page::next_task().await;
    }
}

/// The page is drawn (or adopted): the service worker, and its precache of
/// every lazily loaded part, only now: on a first visit over a slow network
/// its downloads would otherwise compete with the schedule's.
pub fn after_first_draw(status: AppStatus) {
    set_timeout(
        move || crate::browser::offline::register(move || status.update_ready.set(true)),
        std::time::Duration::ZERO,
    );
}

impl ScheduleChanges {
    /// Start comparing `schedule` with the last one seen (kept in the Cache
    /// Storage); on a first visit, this one becomes the last seen.
    pub fn compare_with_last_seen(schedule: Arc<Schedule>, agenda: AgendaStore) -> Self {
        let changes = ScheduleChanges {
            changes: RwSignal::new(Vec::new()),
        };
        changes.refresh(schedule, agenda, None);
        changes
    }

    /// Compare `schedule` (loaded, or newer and taken in place) with the
    /// last one seen. With none stored (a first visit, or a storage that
    /// lost or refused it), the schedule that was on screen before
    /// (`shown_before`, when a newer one is taken in place) counts as seen;
    /// with neither, `schedule` becomes the last seen.
    pub fn refresh(
        &self,
        schedule: Arc<Schedule>,
        agenda: AgendaStore,
        shown_before: Option<Arc<Schedule>>,
    ) {
        let changes = *self;
        let turn = changes.next_turn();
        leptos::task::spawn_local(async move {
            // Without its part (not fetched, offline on a first visit) the
            // comparison waits for the next load.
            if let Ok(compare) = compare_part(schedule, agenda, changes, turn, shown_before).await {
                compare.await;
            }
        });
    }

    /// The user has seen the changes: `schedule` becomes the last seen.
    pub fn mark_seen(&self, schedule: &Schedule) {
        self.next_turn();
        self.changes.set(Vec::new());
        let snapshot = Snapshot::of(schedule);
        let id = schedule.conference.id.clone();
        leptos::task::spawn_local(async move { write_snapshot(&id, &snapshot).await });
    }
}

thread_local! {
    /// The latest comparison started (one conference per page): an earlier
    /// one that ends after it (the first load's, still reading its snapshot
    /// when a newer schedule is taken in place) does not overwrite its result.
    static TURN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

impl ScheduleChanges {
    /// A new comparison (or "seen"): the ones still running are outdated.
    fn next_turn(&self) -> u64 {
        TURN.with(|t| {
            t.set(t.get() + 1);
            t.get()
        })
    }
}

/// The comparison with the last-seen snapshot: a lazily loaded part (it runs
/// after the page is drawn, and a snapshot's reading, writing and diff are
/// not needed to draw it).
#[wasm_split(last_seen, fallible)]
fn compare_part(
    schedule: Arc<Schedule>,
    agenda: AgendaStore,
    changes: ScheduleChanges,
    turn: u64,
    shown_before: Option<Arc<Schedule>>,
) -> Result<Pin<Box<dyn Future<Output = ()>>>, PartMissing> {
    Ok(Box::pin(async move {
        let key = snapshot_cache_key(&schedule.conference.id);
        let stored = files::cache_get(&key)
            .await
            .and_then(|t| Snapshot::from_json(&t));
        let kept = stored.is_some();
        // With no copy kept, this schedule (on a first visit: nothing changed)
        // or the one on screen before it is the last seen from now on.
        let seen =
            stored.unwrap_or_else(|| Snapshot::of(shown_before.as_ref().unwrap_or(&schedule)));
        // Outdated by a newer comparison: its result stands.
        if TURN.with(std::cell::Cell::get) == turn {
            changes
                .changes
                .set(diff(&seen, &schedule, |id| agenda.is_starred(id)));
        }
        if !kept {
            write_snapshot(&schedule.conference.id, &seen).await;
        }
    }))
}

/// This conference, noted in the list of conferences opened on this device
/// (a lazily loaded part: the list is read and written after the page is drawn).
#[wasm_split(conferences_record, fallible)]
fn record_conference(known: crate::model::conferences::KnownConference) -> Result<(), PartMissing> {
    conferences::record(known);
    Ok(())
}

/// The one writer of the last-seen snapshot.
async fn write_snapshot(conference_id: &str, snapshot: &Snapshot) {
    let key = snapshot_cache_key(conference_id);
    // A refused write only means the next visit compares with an older snapshot.
    let _ = files::cache_put(&key, &snapshot.to_json()).await;
}
