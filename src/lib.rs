//! schedule-viewer: a conference schedule viewer that runs entirely in the browser.
//!
//! `model` is the pure core; `browser` the thin layer over web APIs; `state`
//! the shared signals; `views` the UI, one file per view or widget.

// The build step renders the views natively (`tachys` with `ssr`), whose
// async view types nest deeper than the default limit.
#![recursion_limit = "256"]

pub mod browser;
#[cfg(not(target_arch = "wasm32"))]
pub mod build;
pub mod model;
pub mod state;
pub mod views;

use std::sync::Arc;

use leptos::prelude::*;

use model::route::Route;
use model::schedule::Schedule;

use state::ScheduleLoad;
use views::error_page::LoadErrorPage;
use views::layout::UpdateBanner;
use views::open_schedule::use_file_drop;

/// Start the app in the visitor's language (`browser::language`): adopt
/// the page the build drew where there is one to adopt (`browser::adopt`)
/// and it is written in that language, else draw the page.
pub fn start() {
    #[cfg(not(target_arch = "wasm32"))]
    leptos::mount::mount_to_body(App);
    #[cfg(target_arch = "wasm32")]
    {
        let built = browser::adopt::built_page();
        let wanted = browser::language::wanted();
        let page = browser::language::page_language();
        if wanted.is_source() && page.is_source() {
            // English, as the page: no catalogue to wait for.
            return start_in(built);
        }
        let _ = any_spawner::Executor::init_wasm_bindgen();
        leptos::task::spawn_local(async move {
            // The visitor's words, else (offline on a first visit in that
            // language) English.
            let spoken = browser::language::speak(wanted).await;
            // A page in another language is drawn anew in this one: its
            // copy stays until the new page replaces it in one frame.
            start_in(built.filter(|_| spoken == page));
        });
    }
}

/// Adopt `built`, else draw the page.
#[cfg(target_arch = "wasm32")]
fn start_in(built: Option<browser::adopt::BuiltPage>) {
    match built {
        Some(page) => {
            let _ = any_spawner::Executor::init_wasm_bindgen();
            leptos::task::spawn_local(adopt(page));
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// Adopt the built `page`: load the schedule and what the page draws from
/// parts, then hydrate the markup from the build's state; what only this
/// browser knows follows in place. With another schedule file than the
/// page was drawn from (a newer one in the cache), an offline copy, or a
/// part that could not be fetched, the app draws anew as without a page.
#[cfg(target_arch = "wasm32")]
async fn adopt(page: browser::adopt::BuiltPage) {
    browser::location::read_base();
    // The wasm's start was one task; the page's facts (the first `Intl` of
    // the page among them) the next.
    browser::page::next_task().await;
    let status = state::AppStatus::new();
    let route = Route::parse(&browser::location::path());
    let (loaded, parts) = futures::future::join(
        state::fetch_schedule(status),
        views::frame::preload_adopted(&route),
    )
    .await;
    let loaded = match loaded {
        Ok(l) if parts && l.copy.body == page.stamp.schedule && l.offline_as_of.is_none() => l,
        other => {
            state::loaded_before(other);
            leptos::mount::mount_to_body(App);
            return;
        }
    };
    let schedule = state::took(status, loaded);
    state::before_first_draw(&schedule).await;
    browser::adopt::start(page.drawn_at());
    let root = leptos::mount::hydrate_from(page.element.clone(), move || {
        state::provide_facts_of(status);
        browser::page::keep_scroll_positions();
        view! { <Loaded schedule /> }
    });
    root.forget();
    // Hydrating was one task; what only this browser knows comes in the next.
    browser::page::next_task().await;
    browser::adopt::adopted(&page);
    // "A new version is available", before the page.
    if let Some(banner) = browser::page::element_before(&page.element) {
        leptos::mount::mount_to(banner, move || {
            provide_context(status);
            view! { <UpdateBanner /> }
        })
        .forget();
    }
    state::after_first_draw(status);
}

/// The root: loads the schedule, then provides it and the agenda to the views.
#[component]
pub fn App() -> impl IntoView {
    browser::location::read_base();
    let status = state::provide_page_facts();
    browser::page::keep_scroll_positions();
    let load = state::load_schedule(status, async {
        // A failure shows in the panel, with Retry, when it is drawn.
        views::filter_bar::preload_where_shown_at_once().await;
    });

    let page = move || match load.result.get() {
        None => view! { <Loading load /> }.into_any(),
        Some(Err(error)) => view! { <LoadErrorPage error /> }.into_any(),
        Some(Ok(schedule)) => view! { <Loaded schedule /> }.into_any(),
    };
    view! {
        <UpdateBanner />
        {page}
    }
}

/// "Loading schedule…", and after two seconds how long it has waited.
#[component]
fn Loading(load: ScheduleLoad) -> impl IntoView {
    let waited = move || {
        let s = load.waited.get();
        (s >= 2).then(|| {
            format!(
                " {}",
                crate::trf!(
                    "Still waiting for the network ({s} s): a large schedule on a slow connection takes a while.",
                    s = s
                )
            )
        })
    };
    view! {
        <main id="main" class="loading" aria-busy="true">
            <p role="status">{model::words::tr("Loading schedule…")} {waited}</p>
        </main>
    }
}

/// The views of a loaded schedule: its state provided as the build provides
/// it ([`state::provide_schedule_state`]), the page's title, the page.
#[component]
fn Loaded(schedule: Arc<Schedule>) -> impl IntoView {
    let (schedule, route) = state::provide_schedule_state(schedule, state::InBrowser);
    use_file_drop();
    views::reminders::use_reminders();
    // The search index, in idle time: the first keystroke does not build it.
    browser::page::when_idle(move || schedule.with_untracked(|s| s.prepare_search()));
    // Each page's title, the one the build writes into its page (`model::page`).
    Effect::new(move || {
        schedule.with(|s| route.with(|r| browser::page::set_title(&model::page::page_title(r, s))))
    });
    // A newer schedule taken in place rebuilds the page shown, except the
    // lists, which follow it card by card.
    let shown = Memo::new(move |_| {
        let r = route.get();
        let version = match r {
            Route::Programme | Route::Track(_) => 0,
            _ => schedule.with(|s| Arc::as_ptr(s) as usize),
        };
        (r, version)
    });
    views::frame::frame(shown, views::frame::app_page)
}
