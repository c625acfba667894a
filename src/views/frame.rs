//! The page around every view: skip link, header, notices, the route's view
//! and the footer. The app draws it in the browser and the build step draws
//! it natively for every page it writes (`crate::build`): one markup.

use leptos::prelude::*;

use crate::browser::page::skip_to_main;
use crate::model::route::Route;
use crate::model::words::tr;
use crate::views::error_page::NotFound;
use crate::views::layout::{Header, Notices};
use crate::views::lazy::{LazyPart, Part};
use crate::views::live::Footer;
use crate::views::programme::{ProgrammePage, TRACK_PART};
use crate::views::{
    agenda, conferences, now_page, room_page, session_page, shared_agenda, speakers, timetable,
};

/// The frame, with the view of `shown`'s route drawn by `page` (built again
/// when the route or the second value, the schedule's version, changes).
pub fn frame(shown: Memo<(Route, usize)>, page: fn(Route) -> AnyView) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {tr("Skip to content")}
        </a>
        <Header />
        <Notices />
        <main id="main" tabindex="-1">
            {move || page(shown.get().0)}
        </main>
        <Footer />
    }
}

/// The app's view of a route (docs/decisions.md's paths): the start view's
/// at once, the others as lazily loaded parts.
pub fn app_page(route: Route) -> AnyView {
    match page_of(&route) {
        PageOf::Now(draw) => draw(),
        PageOf::Part(part) => view! { <LazyPart part /> }.into_any(),
    }
}

/// How a route's view is drawn.
enum PageOf {
    /// At once: its code is in the start module.
    Now(fn() -> AnyView),
    /// By a lazily loaded part.
    Part(Part),
}

fn page_of(route: &Route) -> PageOf {
    match route {
        Route::Programme => PageOf::Now(|| view! { <ProgrammePage /> }.into_any()),
        Route::Track(_) => PageOf::Part(TRACK_PART),
        Route::Session(_) => PageOf::Part(session_page::SESSION_PART),
        Route::Agenda => PageOf::Part(agenda::AGENDA_PART),
        Route::SharedAgenda => PageOf::Part(shared_agenda::SHARED_AGENDA_PART),
        Route::Speakers => PageOf::Part(speakers::SPEAKERS_PART),
        Route::Speaker(_) => PageOf::Part(speakers::SPEAKER_PART),
        Route::Room(_) => PageOf::Part(room_page::ROOM_PART),
        Route::Timetable(_) => PageOf::Part(timetable::TIMETABLE_PART),
        Route::Now => PageOf::Part(now_page::NOW_PART),
        Route::Conferences => PageOf::Part(conferences::CONFERENCES_PART),
        Route::NotFound => PageOf::Now(|| view! { <NotFound /> }.into_any()),
    }
}

/// Fetch what a built page of `route` draws from a part, before the app
/// adopts it (the adopted page draws at once what the build drew): the
/// route's part and, for the programme and a track on a wide screen, the
/// filter panel's controls (a phone's closed panel gets them later).
/// False when a module could not be fetched: the app then draws anew.
pub async fn preload_adopted(route: &Route) -> bool {
    let route_part = async {
        match page_of(route) {
            PageOf::Part(part) => (part.preload)().await.is_ok(),
            PageOf::Now(_) => true,
        }
    };
    let filters = async {
        !matches!(route, Route::Programme | Route::Track(_))
            || crate::views::filter_bar::preload_where_shown_at_once().await
    };
    let (route_part, filters) = futures::join!(route_part, filters);
    route_part && filters
}

/// The build step's view of a route: the same components as the parts
/// hold, drawn at once (nothing to load natively). Only the pages the build
/// writes have one; the personal ones (agenda, now, conferences) are the
/// app's alone.
#[cfg(not(target_arch = "wasm32"))]
pub fn built_page(route: Route) -> AnyView {
    use crate::views::programme::TrackPage;
    use crate::views::room_page::RoomPage;
    use crate::views::session_page::SessionPage;
    use crate::views::speakers::{SpeakerPage, SpeakersPage};
    use crate::views::timetable::TimetablePage;
    match route {
        Route::Session(_) => view! { <SessionPage /> }.into_any(),
        Route::Speakers => view! { <SpeakersPage /> }.into_any(),
        Route::Speaker(_) => view! { <SpeakerPage /> }.into_any(),
        Route::Room(_) => view! { <RoomPage /> }.into_any(),
        Route::Track(_) => view! { <TrackPage /> }.into_any(),
        Route::Timetable(_) => view! { <TimetablePage /> }.into_any(),
        other @ (Route::Programme | Route::NotFound) => app_page(other),
        _ => ().into_any(),
    }
}
