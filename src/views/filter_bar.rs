//! The filter controls (search, Track, Speaker, Day) and the URL they live in.
//! The URL query is the only owner of the filter: controls read it and
//! navigate to change it, so reload, Back and a pasted link reproduce the view.

use crate::browser::location::{navigate, use_location};
use leptos::prelude::*;

use crate::model::filter::Filter;
use crate::model::time::long_day;
use crate::state::use_schedule;

/// The filter in the URL, validated against the schedule, with notices for ignored values.
pub fn use_url_filter() -> Memo<(Filter, Vec<String>)> {
    let schedule = use_schedule();
    // The raw query: list values are split on raw commas before decoding,
    // so an id containing an (escaped) comma survives.
    let search = use_location().search;
    Memo::new(move |_| search.with(|q| Filter::from_query(q, &schedule)))
}

/// A function that puts a filter into the URL of the current path.
/// `replace` keeps typing from flooding the history.
pub fn use_set_filter() -> impl Fn(Filter, bool) + Clone + 'static {
    let location = use_location();
    move |filter: Filter, replace: bool| {
        let path = location.path.get_untracked();
        navigate(&format!("{path}{}", filter.to_query()), replace, false);
    }
}

#[component]
pub fn FilterBar(
    /// The filter the controls show.
    filter: Memo<(Filter, Vec<String>)>,
    /// The Track checkboxes are hidden on a track's own page.
    #[prop(default = true)]
    show_tracks: bool,
) -> impl IntoView {
    let schedule = use_schedule();
    let display = crate::state::use_display();
    let set_filter = use_set_filter();
    let current = move || filter.with(|(f, _)| f.clone());

    let on_text = {
        let set_filter = set_filter.clone();
        move |ev| {
            let mut f = current();
            f.text = event_target_value(&ev);
            set_filter(f, true);
        }
    };

    let track_boxes = show_tracks.then(|| {
        let boxes = schedule
            .tracks
            .iter()
            .map(|t| {
                let id = t.id.clone();
                let checked = {
                    let id = id.clone();
                    move || filter.with(|(f, _)| f.tracks.contains(&id))
                };
                let set_filter = set_filter.clone();
                let on_change = move |ev| {
                    let mut f = current();
                    f.tracks.retain(|x| *x != id);
                    if event_target_checked(&ev) {
                        f.tracks.push(id.clone());
                    }
                    set_filter(f, false);
                };
                view! {
                    <label class="track-choice">
                        <input type="checkbox" prop:checked=checked on:change=on_change />
                        {t.name.clone()}
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="tracks">
                <legend>"Track"</legend>
                {boxes}
            </fieldset>
        }
    });

    // Options are static; the selection is set once per filter change on the
    // <select> itself (not one reactive binding per option: thousands at scale).
    let speaker_options = schedule
        .speakers_by_name()
        .into_iter()
        .filter(|&i| !schedule.sessions_of_speaker(i).is_empty())
        .map(|i| {
            let id = schedule.speakers[i].id.clone();
            view! { <option value=id>{schedule.speakers[i].name.clone()}</option> }
        })
        .collect_view();
    let speaker_select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move || {
        let value = filter.with(|(f, _)| f.speaker.clone().unwrap_or_default());
        if let Some(select) = speaker_select.get() {
            select.set_value(&value);
        }
    });
    let on_speaker = {
        let set_filter = set_filter.clone();
        move |ev| {
            let mut f = current();
            let v = event_target_value(&ev);
            f.speaker = (!v.is_empty()).then_some(v);
            set_filter(f, false);
        }
    };

    let day_options = schedule
        .days
        .iter()
        .map(|&d| {
            let selected = move || filter.with(|(f, _)| f.day == Some(d));
            view! {
                <option value=d.to_string() prop:selected=selected>
                    {long_day(d)}
                </option>
            }
        })
        .collect_view();
    let on_day = move |ev| {
        let mut f = current();
        f.day = crate::model::time::parse_ymd(&event_target_value(&ev));
        set_filter(f, false);
    };

    // On a phone the filters other than search sit behind one button that
    // says how many are active; wider screens show them at once (style.css).
    let open = RwSignal::new(false);
    let active = move || {
        let from_filter = filter.with(|(f, _)| {
            usize::from(show_tracks) * f.tracks.len()
                + usize::from(f.speaker.is_some())
                + usize::from(f.day.is_some())
        });
        from_filter + usize::from(display.settings.with(|s| s.hide_past))
    };
    let toggle_label = move || match active() {
        0 => "Filters".to_string(),
        n => format!("Filters ({n})"),
    };
    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field search">
                <label for="search">"Search"</label>
                <input
                    id="search"
                    type="search"
                    aria-label="Search sessions"
                    placeholder="Title, abstract or speaker"
                    autocomplete="off"
                    prop:value=move || filter.with(|(f, _)| f.text.clone())
                    on:input=on_text
                />
            </div>
            <button
                type="button"
                class="filters-toggle"
                aria-controls="filter-panel"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {toggle_label}
            </button>
            <div id="filter-panel" class="filter-panel" class:open=move || open.get()>
            {track_boxes}
            <div class="field">
                <label for="speaker-filter">"Speaker"</label>
                <select id="speaker-filter" node_ref=speaker_select on:change=on_speaker>
                    <option value="">"All speakers"</option>
                    {speaker_options}
                </select>
            </div>
            <label class="hide-past">
                <input
                    type="checkbox"
                    prop:checked=move || display.settings.with(|s| s.hide_past)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        display.update(|s| s.hide_past = on);
                    }
                />
                " Hide past sessions"
            </label>
            <div class="field">
                <label for="day-filter">"Day"</label>
                <select id="day-filter" on:change=on_day>
                    <option value="" prop:selected=move || filter.with(|(f, _)| f.day.is_none())>
                        "All days"
                    </option>
                    {day_options}
                </select>
            </div>
            </div>
        </form>
        {move || {
            filter
                .with(|(_, notices)| {
                    (!notices.is_empty())
                        .then(|| {
                            view! {
                                <div class="notice warning" role="status">
                                    <p>"Some of this link's filters were ignored:"</p>
                                    <ul>
                                        {notices
                                            .iter()
                                            .map(|n| view! { <li>{n.clone()}</li> })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })
                })
        }}
    }
}
