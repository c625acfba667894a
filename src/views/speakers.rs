//! The speaker directory (`/speakers`) and a speaker's page (`/speaker/<slug>`).

use crate::model::page::Missing;
use crate::model::route::Route;
use crate::model::words::tr;
use crate::state::use_schedule;
use crate::trn;
use crate::views::route_item::{use_route_item, NotInSchedule, RouteItem};
use crate::views::session_list::DayGroupedList;
use leptos::prelude::*;

use crate::model::follow::FollowKind;
use crate::views::follow::FollowButton;

/// The speakers directory: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const SPEAKERS_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(speakers_view()),
    preload: || Box::pin(preload_speakers_view()),
};

#[wasm_split_helpers::wasm_split(speakers, fallible, preload(preload_speakers_view))]
fn speakers_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <SpeakersPage /> }.into_any())
}

#[component]
pub fn SpeakersPage() -> impl IntoView {
    let schedule = use_schedule();
    let query = RwSignal::new(String::new());
    let items = schedule
        .speakers_by_name()
        .into_iter()
        .filter_map(|i| {
            let count = schedule.sessions_of_speaker(i).len();
            (count > 0).then(|| {
                let sp = &schedule.speakers[i];
                let detail = match (&sp.affiliation, count) {
                    (Some(a), 1) => format!(", {a}"),
                    (Some(a), n) => format!(", {a} · {}", trn!("{n} session", "{n} sessions", n)),
                    (None, 1) => String::new(),
                    (None, n) => format!(" · {}", trn!("{n} session", "{n} sessions", n)),
                };
                let name = sp.name.clone();
                let haystack = crate::model::text::fold_for_search(&format!(
                    "{} {}",
                    sp.name,
                    sp.affiliation.clone().unwrap_or_default()
                ));
                let visible = move || {
                    let words = crate::model::filter::search_words(&query.get());
                    crate::model::filter::matches_words(&haystack, &words)
                };
                view! {
                    <li class:hidden=move || !visible()>
                        <a href=Route::Speaker(sp.id.clone()).href()>{name}</a>
                        {detail}
                    </li>
                }
            })
        })
        .collect_view();
    view! {
        <h1>{tr("Speakers")}</h1>
        <div class="field search">
            <label for="speaker-search">{tr("Search")}</label>
            <input
                id="speaker-search"
                type="search"
                aria-label=tr("Search speakers")
                autocomplete="off"
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        <ul class="speaker-directory">{items}</ul>
    }
}

/// One speaker (in the speakers directory's part): a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const SPEAKER_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(speaker_view()),
    preload: || Box::pin(preload_speaker_view()),
};

#[wasm_split_helpers::wasm_split(speakers, fallible, preload(preload_speaker_view))]
fn speaker_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <SpeakerPage /> }.into_any())
}

#[component]
pub fn SpeakerPage() -> impl IntoView {
    let schedule = use_schedule();
    let RouteItem {
        raw,
        index: speaker,
    } = use_route_item();
    move || match speaker.get() {
        None => view! {
            <NotInSchedule
                what=Missing::Speaker
                given=raw.get()
                back_href=Route::Speakers.href()
                back_label=tr("See all speakers")
            />
        }
        .into_any(),
        Some(i) => {
            let sp = schedule.speakers[i].clone();
            let sessions = schedule.sessions_of_speaker(i).to_vec();
            let follow = view! {
                <FollowButton kind=FollowKind::Speaker id=sp.id.clone() name=sp.name.clone() />
            };
            view! {
                <div class="page-head">
                    <h1>{sp.name}</h1>
                    {follow}
                </div>
                {sp.affiliation.map(|a| view! { <p class="affiliation">{a}</p> })}
                <DayGroupedList sessions=Signal::stored(sessions) />
            }
            .into_any()
        }
    }
}
