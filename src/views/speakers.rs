//! The speaker directory (`/speakers`) and a speaker's page (`/speaker/<slug>`).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser::page::set_title;
use crate::model::filter::{decode_query_value, encode_query_value};
use crate::state::use_schedule;
use crate::views::session_list::DayGroupedList;

#[component]
pub fn SpeakersPage() -> impl IntoView {
    let schedule = use_schedule();
    set_title(&format!("Speakers · {}", schedule.conference.title));
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
                    (Some(a), n) => format!(", {a} · {n} sessions"),
                    (None, 1) => String::new(),
                    (None, n) => format!(" · {n} sessions"),
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
                        <a href=format!("/speaker/{}", encode_query_value(&sp.id))>{name}</a>
                        {detail}
                    </li>
                }
            })
        })
        .collect_view();
    view! {
        <h1>"Speakers"</h1>
        <div class="field search">
            <label for="speaker-search">"Search"</label>
            <input
                id="speaker-search"
                type="search"
                aria-label="Search speakers"
                autocomplete="off"
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        <ul class="speaker-directory">{items}</ul>
    }
}

#[component]
pub fn SpeakerPage() -> impl IntoView {
    let schedule = use_schedule();
    let params = use_params_map();
    let speaker = {
        let schedule = schedule.clone();
        Memo::new(move |_| {
            params.with(|p| {
                let raw = p.get_str("slug").unwrap_or_default();
                schedule
                    .speaker_by_id(raw)
                    .or_else(|| schedule.speaker_by_id(&decode_query_value(raw)))
            })
        })
    };
    let conference = schedule.conference.title.clone();
    {
        let schedule = schedule.clone();
        Effect::new(move || {
            let name = speaker
                .get()
                .map_or("Unknown speaker", |i| schedule.speakers[i].name.as_str())
                .to_string();
            set_title(&format!("{name} · {conference}"));
        });
    }
    move || match speaker.get() {
        None => view! {
            <h1>"Unknown speaker"</h1>
            <p>
                "This schedule has no such speaker. " <a href="/speakers">"See all speakers"</a>
                "."
            </p>
        }
        .into_any(),
        Some(i) => {
            let sp = schedule.speakers[i].clone();
            let sessions = schedule.sessions_of_speaker(i).to_vec();
            view! {
                <h1>{sp.name}</h1>
                {sp.affiliation.map(|a| view! { <p class="affiliation">{a}</p> })}
                <DayGroupedList sessions=Signal::stored(sessions) />
            }
            .into_any()
        }
    }
}
