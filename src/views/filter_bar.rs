//! The filter controls (search, Track, Type, Language, Room, Speaker, Day) and the URL they live in.
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

/// Checkboxes for one list filter (Track, Room, Language, Type) in a
/// fieldset with that legend; several may be ticked, and they live in the
/// URL under `key` as comma-separated slugs.
#[component]
fn FacetChoices(
    key: &'static str,
    legend: &'static str,
    items: Vec<(String, String)>,
    filter: Memo<(Filter, Vec<String>)>,
) -> impl IntoView {
    let set_filter = use_set_filter();
    let boxes = items
        .into_iter()
        .map(|(id, name)| {
            let checked = {
                let id = id.clone();
                move || filter.with(|(f, _)| f.facet(key).contains(&id))
            };
            let set_filter = set_filter.clone();
            let on_change = move |ev| {
                let mut f = filter.with_untracked(|(f, _)| f.clone());
                let list = f.facet_mut(key);
                list.retain(|x| *x != id);
                if event_target_checked(&ev) {
                    list.push(id.clone());
                }
                set_filter(f, false);
            };
            view! {
                <label class="track-choice">
                    <input type="checkbox" prop:checked=checked on:change=on_change />
                    {name}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class=format!("tracks facet-{key}")>
            <legend>{legend}</legend>
            {boxes}
        </fieldset>
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

    let choices = |key: &'static str, legend: &'static str, items: Vec<(String, String)>| {
        (items.len() > 1).then(|| view! { <FacetChoices key legend items filter /> })
    };
    let track_boxes = show_tracks
        .then(|| {
            let items = schedule
                .tracks
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect();
            choices("track", "Track", items)
        })
        .flatten();
    let facet = |list: &[crate::model::schedule::Facet]| {
        list.iter()
            .map(|f| (f.id.clone(), f.name.clone()))
            .collect::<Vec<_>>()
    };
    let room_boxes = choices(
        "room",
        "Room",
        schedule
            .rooms
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect(),
    );
    let language_boxes = choices("lang", "Language", facet(&schedule.languages));
    let type_boxes = choices("type", "Type", facet(&schedule.formats));

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
                + f.rooms.len()
                + f.languages.len()
                + f.formats.len()
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
            {type_boxes}
            {language_boxes}
            {room_boxes}
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
