//! The programme (`/`) and a track's page (`/track/<slug>`, a lazily loaded
//! part): filters, the result count, and the matching sessions by day.

use crate::model::filter::{without_past, Filter};
use crate::model::follow::FollowKind;
use crate::model::page::Missing;
use crate::model::route::Route;
use crate::model::words::tr;
use crate::state::{use_clock, use_display, use_schedule, use_schedule_signal};
use crate::trn;
use crate::views::filter_bar::{use_set_filter, use_url_filter, FilterBar};
use crate::views::follow::FollowButton;
use crate::views::open_schedule::OpenSchedule;
use crate::views::route_item::{use_route_item, NotInSchedule, RouteItem};
use crate::views::session_list::DayGroupedList;
use leptos::prelude::*;

/// The sessions a filter matches, less the past ones when "Hide past
/// sessions" is on: by the shared clock, so a session that ends while the
/// page is open leaves the list.
fn use_matches(filter: Memo<(Filter, Vec<String>)>) -> Memo<Vec<usize>> {
    // Followed through live updates: the list changes card by card.
    let schedule = use_schedule_signal();
    let display = use_display();
    let clock = use_clock();
    let agenda = crate::state::use_agenda();
    // The agenda is read only while "Only what I follow" is on.
    let found = Memo::new(move |_| {
        schedule.with(|s| {
            filter.with(|(f, _)| {
                let follows = if f.following {
                    agenda.followed()
                } else {
                    Vec::new()
                };
                f.apply(s, &follows)
            })
        })
    });
    // The clock is read only while past sessions are hidden, and its ticks
    // do not run the filter again.
    Memo::new(move |_| {
        if display.settings.with(|s| s.hide_past) {
            schedule.with(|s| without_past(s, found.get(), clock.now.get()))
        } else {
            found.get()
        }
    })
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let filter = use_url_filter();
    let matches = use_matches(filter);
    view! {
        <div class="page-head">
            <h1>{tr("Programme")}</h1>
            <ResultCount matches filter />
        </div>
        <OfferedFilters filter />
        <DayGroupedList sessions=matches.into() />
        <OpenSchedule />
    }
}

/// A track's page: a lazily loaded part ([`crate::views::lazy`]), its split
/// point beside the component (the programme's filters and list it shares
/// stay in the start module).
pub const TRACK_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(track_view()),
    preload: || Box::pin(preload_track_view()),
};

#[wasm_split_helpers::wasm_split(track, fallible, preload(preload_track_view))]
fn track_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <TrackPage /> }.into_any())
}

#[component]
pub fn TrackPage() -> impl IntoView {
    let schedule = use_schedule();
    let RouteItem {
        raw: slug,
        index: track,
    } = use_route_item();
    let url_filter = use_url_filter();
    // The path names the track; the query may narrow by text, speaker and day.
    let filter = {
        let schedule = schedule.clone();
        Memo::new(move |_| {
            let (mut f, notices) = url_filter.get();
            f.tracks = track
                .get()
                .map(|i| schedule.tracks[i].id.clone())
                .into_iter()
                .collect();
            (f, notices)
        })
    };
    let matches = use_matches(filter);
    move || match track.get() {
        None => view! {
            <NotInSchedule
                what=Missing::Track
                given=slug.get()
                back_href=Route::Programme.href()
                back_label=tr("See the whole programme")
            />
        }
        .into_any(),
        // "Clear filters" clears the query only: the track is the page itself.
        Some(i) => view! {
            <div class="page-head">
                <h1>{schedule.tracks[i].name.clone()}</h1>
                <ResultCount matches filter=url_filter />
                <FollowButton
                    kind=FollowKind::Track
                    id=schedule.tracks[i].id.clone()
                    name=schedule.tracks[i].name.clone()
                />
            </div>
            <OfferedFilters filter show_tracks=false />
            <DayGroupedList sessions=matches.into() />
        }
        .into_any(),
    }
}

/// The filter bar, built again when a live update changes what it offers
/// (a new room, track, speaker, day, language or type).
#[component]
fn OfferedFilters(
    filter: Memo<(Filter, Vec<String>)>,
    #[prop(default = true)] show_tracks: bool,
) -> impl IntoView {
    let offer = crate::state::use_offer();
    move || {
        offer.track();
        view! { <FilterBar filter show_tracks /> }
    }
}

/// "12 sessions", announced politely; an empty result offers to clear the filters.
#[component]
fn ResultCount(matches: Memo<Vec<usize>>, filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    let set_filter = use_set_filter();
    let count = move || matches.with(Vec::len);
    let text = move || match count() {
        0 => tr("No sessions match these filters.").to_string(),
        n => trn!("{n} session", "{n} sessions", n),
    };
    let clearable = move || {
        filter.with(|(f, _)| {
            !f.text.is_empty()
                || f.speaker.is_some()
                || f.day.is_some()
                || !f.tracks.is_empty()
                || f.following
        })
    };
    view! {
        <div class="result-bar">
            <p class="result-count" role="status" aria-live="polite">
                {text}
            </p>
            <Show when=move || clearable()>
                {
                    let set_filter = set_filter.clone();
                    view! {
                        <button
                            type="button"
                            class="clear"
                            on:click=move |_| set_filter(Filter::default(), false)
                        >
                            {tr("Clear filters")}
                        </button>
                    }
                }
            </Show>
        </div>
    }
}
