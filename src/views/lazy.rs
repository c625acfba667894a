//! The parts of the app a first visit does not need, each loaded the first
//! time it is shown (code splitting).
//!
//! Every function marked `#[wasm_split(…)]` ends up, with the code only it
//! reaches, in a wasm module of its own that the build's splitter writes beside
//! the main one (`scripts/split.mjs`). Calling it fetches that module first.
//! The loads are `fallible`: a part that cannot be fetched (network gone
//! mid-visit) shows "This part of the app could not be loaded." with Retry in
//! the place of the view, and nothing else on the page changes. The service
//! worker precaches every part, so after one visit they all work offline.

use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

use crate::browser::part::PartMissing;

use crate::views::agenda::AgendaPage;
use crate::views::conferences::ConferencesPage;
use crate::views::layout::{ChangesPanel, DisplaySettings};
use crate::views::live::{LiveProblems, UpdateNotice};
use crate::views::now_page::NowPage;
use crate::views::open_schedule::OpenScheduleForm;
use crate::views::session_page::SessionPage;
use crate::views::shared_agenda::SharedAgendaPage;
use crate::views::speakers::{SpeakerPage, SpeakersPage};
use crate::views::timetable::TimetablePage;
use crate::views::zone_prompt::ZonePrompt;

/// A part of the app that is loaded when first shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// My agenda with its tools (share, QR, iCalendar, own entries, clashes).
    Agenda,
    /// An agenda someone shared.
    SharedAgenda,
    /// The speakers directory.
    Speakers,
    /// One speaker.
    Speaker,
    /// The timetable grid and the room chooser.
    Timetable,
    /// Now & next.
    Now,
    /// The conferences opened on this device.
    Conferences,
    /// A session's own page (a link shared in a chat lands here).
    Session,
    /// The form to open another conference's schedule.
    OpenSchedule,
    /// The question for the zone of a file that names none (Sessionize).
    ZonePrompt,
    /// "N changes since you last looked".
    Changes,
    /// "Schedule updated at 14:05 — 3 changes, 1 in your agenda".
    UpdateNotice,
    /// A live check that failed: offline since …, a newer file not taken.
    LiveProblems,
    /// The settings menu's time zone and theme.
    Settings,
}

#[wasm_split(agenda, fallible)]
fn agenda_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <AgendaPage /> }.into_any())
}

#[wasm_split(shared_agenda, fallible)]
fn shared_agenda_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <SharedAgendaPage /> }.into_any())
}

#[wasm_split(speakers, fallible)]
fn speakers_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <SpeakersPage /> }.into_any())
}

#[wasm_split(speakers, fallible)]
fn speaker_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <SpeakerPage /> }.into_any())
}

#[wasm_split(timetable, fallible)]
fn timetable_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <TimetablePage /> }.into_any())
}

#[wasm_split(now, fallible)]
fn now_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <NowPage /> }.into_any())
}

#[wasm_split(conferences, fallible)]
fn conferences_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <ConferencesPage /> }.into_any())
}

#[wasm_split(session, fallible)]
fn session_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <SessionPage /> }.into_any())
}

#[wasm_split(open_schedule, fallible)]
fn open_schedule_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <OpenScheduleForm /> }.into_any())
}

#[wasm_split(zone_prompt, fallible)]
fn zone_prompt_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <ZonePrompt /> }.into_any())
}

#[wasm_split(changes, fallible)]
fn changes_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <ChangesPanel /> }.into_any())
}

#[wasm_split(live_notices, fallible)]
fn update_notice_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <UpdateNotice /> }.into_any())
}

#[wasm_split(live_notices, fallible)]
fn live_problems_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <LiveProblems /> }.into_any())
}

#[wasm_split(settings, fallible)]
fn settings_view() -> Result<AnyView, PartMissing> {
    Ok(view! { <DisplaySettings /> }.into_any())
}

/// Loads the part's module (once) and builds its view.
async fn load(part: Part) -> Result<AnyView, PartMissing> {
    match part {
        Part::Agenda => agenda_view().await,
        Part::SharedAgenda => shared_agenda_view().await,
        Part::Speakers => speakers_view().await,
        Part::Speaker => speaker_view().await,
        Part::Timetable => timetable_view().await,
        Part::Now => now_view().await,
        Part::Conferences => conferences_view().await,
        Part::Session => session_view().await,
        Part::OpenSchedule => open_schedule_view().await,
        Part::ZonePrompt => zone_prompt_view().await,
        Part::Changes => changes_view().await,
        Part::UpdateNotice => update_notice_view().await,
        Part::LiveProblems => live_problems_view().await,
        Part::Settings => settings_view().await,
    }
}

/// A lazily loaded part in the place of its view: "Loading…" while its module
/// arrives, the view once it has, or the failure with Retry.
#[component]
pub fn LazyPart(
    part: Part,
    /// Nothing while loading (a notice, not a page: no "Loading…").
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    // Bumped by Retry: the closure below runs again and starts a new load
    // (a failed load is not cached by the loader).
    let attempt = RwSignal::new(0u32);
    // A page's part: the build-time copy of the page stays until it has drawn.
    let held = StoredValue::new(!quiet);
    let release = move || {
        if held.get_value() {
            held.set_value(false);
            crate::browser::page::release_prerender();
        }
    };
    if !quiet {
        crate::browser::page::hold_prerender();
        on_cleanup(release);
    }
    view! {
        <Suspense fallback=move || {
            (!quiet)
                .then(|| {
                    view! {
                        <p class="part-loading" role="status">
                            "Loading…"
                        </p>
                    }
                })
        }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    let view = match load(part).await {
                        Ok(view) => view,
                        Err(PartMissing) => view! { <PartFailed attempt /> }.into_any(),
                    };
                    release();
                    view
                })
            }}
        </Suspense>
    }
}

/// The message of a part that could not be loaded, and its Retry.
#[component]
fn PartFailed(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="part-failed" role="alert">
            <p>"This part of the app could not be loaded."</p>
            <p class="hint">"Check the connection; your agenda and the rest of the page are unchanged."</p>
            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                "Retry"
            </button>
        </div>
    }
}
