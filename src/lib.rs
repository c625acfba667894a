//! schedule-viewer: a conference schedule viewer that runs entirely in the browser.
//!
//! `model` is the pure core; `browser` the thin layer over web APIs; `state`
//! the shared signals; `views` the UI, one file per view or widget.

pub mod browser;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod views;

use std::sync::Arc;

use leptos::prelude::*;

use browser::files;
use browser::loader::{load_from_source, LoadError};
use browser::offline;
use model::changes::{diff, snapshot_cache_key, Snapshot};
use model::route::Route;
use model::schedule::Schedule;

use state::{AgendaStore, AppStatus, ScheduleCtx};
use views::error_page::{LoadErrorPage, NotFound};
use views::layout::{Header, Notices, UpdateBanner};
use views::lazy::{LazyPart, Part};
use views::open_schedule::use_file_drop;
use views::programme::{ProgrammePage, TrackPage};
use views::session_page::SessionPage;

/// The root: loads the schedule, then provides it and the agenda to the views.
#[component]
pub fn App() -> impl IntoView {
    let source = files::current_source();
    let (zone, zone_notice) = browser::settings::zone_for(&source);
    let status = AppStatus {
        update_ready: RwSignal::new(false),
        offline_as_of: RwSignal::new(None),
        source: StoredValue::new(source.clone()),
        zone: StoredValue::new(zone.clone()),
        import: RwSignal::new(None),
        link_notices: StoredValue::new(zone_notice.into_iter().collect()),
    };
    provide_context(status);
    provide_context(state::Display::new());
    offline::register(move || status.update_ready.set(true));
    browser::page::keep_scroll_positions();
    let loaded: RwSignal<Option<Result<Arc<Schedule>, LoadError>>> = RwSignal::new(None);
    // Progress while a large schedule comes over a slow network: seconds waited.
    let waited = RwSignal::new(0u32);
    let ticker = set_interval_with_handle(
        move || waited.update(|s| *s += 1),
        std::time::Duration::from_secs(1),
    )
    .ok();
    leptos::task::spawn_local(async move {
        let result = load_from_source(&source, &zone.zone).await.map(|l| {
            // A schedule that loaded is the one to open next time, offline too,
            // and one of the conferences opened on this device.
            files::remember_source(&source);
            browser::conferences::record(model::conferences::KnownConference::of(
                &l.schedule,
                &source,
                &browser::clock::now_iso(),
            ));
            if l.zone_assumed && zone.origin == model::import::ZoneOrigin::Link {
                // A zone the link names is the conference's: keep it for this schedule.
                browser::settings::save_zone(&source, &zone.zone);
            }
            status.import.set(Some((l.format, l.zone_assumed)));
            status.offline_as_of.set(l.offline_as_of);
            Arc::new(l.schedule)
        });
        loaded.set(Some(result));
        // The app now draws the page: the pre-rendered copy goes in the same task.
        browser::page::remove_prerender();
        if let Some(t) = ticker {
            t.clear();
        }
    });
    let page = move || {
        match loaded.get() {
        None => view! {
            <main id="main" class="loading" aria-busy="true">
                <p role="status">
                    "Loading schedule…"
                    {move || {
                        let s = waited.get();
                        (s >= 2)
                            .then(|| {
                                format!(
                                    " Still waiting for the network ({s} s): a large schedule on a slow connection takes a while."
                                )
                            })
                    }}
                </p>
            </main>
        }
        .into_any(),
        Some(Err(error)) => view! { <LoadErrorPage error /> }.into_any(),
        Some(Ok(schedule)) => view! { <Loaded schedule /> }.into_any(),
    }
    };
    view! {
        <UpdateBanner />
        {page}
    }
}

#[component]
fn Loaded(schedule: Arc<Schedule>) -> impl IntoView {
    let agenda = AgendaStore::new(&schedule.conference.id);
    provide_context(agenda);
    let changes = state::ScheduleChanges {
        changes: RwSignal::new(Vec::new()),
    };
    provide_context(changes);
    {
        // Compare with the last schedule seen (kept in the Cache Storage).
        let schedule = schedule.clone();
        leptos::task::spawn_local(async move {
            let key = snapshot_cache_key(&schedule.conference.id);
            match files::cache_get(&key)
                .await
                .and_then(|t| Snapshot::from_json(&t))
            {
                Some(old) => {
                    let found = diff(&old, &schedule, |id| agenda.is_starred(id));
                    changes.changes.set(found);
                }
                None => {
                    let _ = files::cache_put(&key, &Snapshot::of(&schedule).to_json()).await;
                }
            }
        });
    }
    expect_context::<state::Display>().set_conference(&schedule);
    provide_context(state::Clock::start(schedule.clone()));
    provide_context(state::RoomChoice::new(&schedule));
    provide_context(ScheduleCtx(schedule));
    use_file_drop();
    views::reminders::use_reminders();
    let location = browser::location::provide_location();
    let route = Memo::new(move |_| Route::parse(&location.path.get()));
    provide_context(state::CurrentRoute(route));
    view! {
        <a class="skip-link" href="#main" on:click=browser::page::skip_to_main>
            "Skip to content"
        </a>
        <Header />
        <Notices />
        <main id="main" tabindex="-1">
            {move || page_for(route.get())}
        </main>
    }
}

/// The view of a route (DECISIONS.md's paths).
fn page_for(route: Route) -> AnyView {
    match route {
        Route::Programme => view! { <ProgrammePage /> }.into_any(),
        Route::Track(_) => view! { <TrackPage /> }.into_any(),
        Route::Session(_) => view! { <SessionPage /> }.into_any(),
        Route::Agenda => lazy(Part::Agenda),
        Route::SharedAgenda => lazy(Part::SharedAgenda),
        Route::Speakers => lazy(Part::Speakers),
        Route::Speaker(_) => lazy(Part::Speaker),
        Route::Timetable(_) => lazy(Part::Timetable),
        Route::Now => lazy(Part::Now),
        Route::Conferences => lazy(Part::Conferences),
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}

fn lazy(part: Part) -> AnyView {
    view! { <LazyPart part /> }.into_any()
}
