//! The programme (`/`) and a track's page (`/track/<slug>`): filters, the
//! result count, and the matching sessions by day.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser::page::set_title;
use crate::browser::settings::now_for_views;
use crate::model::filter::{without_past, Filter};
use crate::state::{use_display, use_schedule};
use crate::views::filter_bar::{use_set_filter, use_url_filter, FilterBar};
use crate::views::open_schedule::OpenSchedule;
use crate::views::session_list::DayGroupedList;

/// The sessions a filter matches, less the past ones when "Hide past sessions" is on.
fn use_matches(filter: Memo<(Filter, Vec<String>)>) -> Memo<Vec<usize>> {
    let schedule = use_schedule();
    let display = use_display();
    Memo::new(move |_| {
        let found = filter.with(|(f, _)| f.apply(&schedule));
        if display.settings.with(|s| s.hide_past) {
            without_past(&schedule, found, now_for_views())
        } else {
            found
        }
    })
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let schedule = use_schedule();
    set_title(&format!("Programme · {}", schedule.conference.title));
    let filter = use_url_filter();
    let matches = use_matches(filter);
    view! {
        <h1>"Programme"</h1>
        <FilterBar filter />
        <ResultCount matches filter />
        <DayGroupedList sessions=matches.into() />
        <OpenSchedule />
    }
}

#[component]
pub fn TrackPage() -> impl IntoView {
    let schedule = use_schedule();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let url_filter = use_url_filter();
    // The path names the track; the query may narrow by text, speaker and day.
    let filter = Memo::new(move |_| {
        let (mut f, notices) = url_filter.get();
        f.tracks = vec![slug.get()];
        (f, notices)
    });
    let track = {
        let schedule = schedule.clone();
        Memo::new(move |_| {
            schedule
                .track_by_id(&slug.get())
                .map(|i| schedule.tracks[i].name.clone())
        })
    };
    let matches = use_matches(filter);
    let conference = schedule.conference.title.clone();
    Effect::new(move || {
        let name = track.get().unwrap_or_else(|| "Unknown track".into());
        set_title(&format!("{name} · {conference}"));
    });
    move || {
        match track.get() {
        None => view! {
            <h1>"Unknown track"</h1>
            <p>"This schedule has no track “" {slug.get()} "”. " <a href="/">"See the whole programme"</a> "."</p>
        }
        .into_any(),
        Some(name) => view! {
            <h1>{name}</h1>
            <FilterBar filter show_tracks=false />
            <ResultCount matches filter />
            <DayGroupedList sessions=matches.into() />
        }
        .into_any(),
    }
    }
}

/// "12 sessions", announced politely; an empty result offers to clear the filters.
#[component]
fn ResultCount(matches: Memo<Vec<usize>>, filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    let set_filter = use_set_filter();
    let count = move || matches.with(Vec::len);
    let text = move || match count() {
        0 => "No sessions match these filters.".to_string(),
        1 => "1 session".to_string(),
        n => format!("{n} sessions"),
    };
    let clearable = move || {
        filter.with(|(f, _)| {
            !f.text.is_empty() || f.speaker.is_some() || f.day.is_some() || !f.tracks.is_empty()
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
                            "Clear filters"
                        </button>
                    }
                }
            </Show>
        </div>
    }
}
