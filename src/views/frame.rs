//! The page around every view: skip link, header, notices, the route's view
//! and the footer. The app draws it in the browser and the build step draws
//! it natively for every page it writes (`crate::build`): one markup.

use leptos::prelude::*;

use crate::browser::page::skip_to_main;
use crate::model::route::Route;
use crate::views::error_page::NotFound;
use crate::views::layout::{Header, Notices};
use crate::views::lazy::{LazyPart, Part};
use crate::views::live::Footer;
use crate::views::programme::{ProgrammePage, TrackPage};
use crate::views::{
    agenda, conferences, now_page, room_page, session_page, shared_agenda, speakers, timetable,
};

/// The frame, with the view of `shown`'s route drawn by `page` (built again
/// when the route or the second value, the schedule's version, changes).
pub fn frame(shown: Memo<(Route, usize)>, page: fn(Route) -> AnyView) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            "Skip to content"
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
    match route {
        Route::Programme => view! { <ProgrammePage /> }.into_any(),
        Route::Track(_) => view! { <TrackPage /> }.into_any(),
        Route::Session(_) => lazy(session_page::SESSION_PART),
        Route::Agenda => lazy(agenda::AGENDA_PART),
        Route::SharedAgenda => lazy(shared_agenda::SHARED_AGENDA_PART),
        Route::Speakers => lazy(speakers::SPEAKERS_PART),
        Route::Speaker(_) => lazy(speakers::SPEAKER_PART),
        Route::Room(_) => lazy(room_page::ROOM_PART),
        Route::Timetable(_) => lazy(timetable::TIMETABLE_PART),
        Route::Now => lazy(now_page::NOW_PART),
        Route::Conferences => lazy(conferences::CONFERENCES_PART),
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}

fn lazy(part: Part) -> AnyView {
    view! { <LazyPart part /> }.into_any()
}

/// The build step's view of a route: the same components as the parts
/// hold, drawn at once (nothing to load natively). Only the pages the build
/// writes have one; the personal ones (agenda, now, conferences) are the
/// app's alone.
#[cfg(not(target_arch = "wasm32"))]
pub fn built_page(route: Route) -> AnyView {
    use crate::views::room_page::RoomPage;
    use crate::views::session_page::SessionPage;
    use crate::views::speakers::{SpeakerPage, SpeakersPage};
    use crate::views::timetable::TimetablePage;
    match route {
        Route::Session(_) => view! { <SessionPage /> }.into_any(),
        Route::Speakers => view! { <SpeakersPage /> }.into_any(),
        Route::Speaker(_) => view! { <SpeakerPage /> }.into_any(),
        Route::Room(_) => view! { <RoomPage /> }.into_any(),
        Route::Timetable(_) => view! { <TimetablePage /> }.into_any(),
        other @ (Route::Programme | Route::Track(_) | Route::NotFound) => app_page(other),
        _ => ().into_any(),
    }
}
