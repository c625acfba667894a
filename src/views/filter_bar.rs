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

/// The filter controls: search, then (behind "Filters" on a phone) the
/// facets, speaker, "Hide past sessions" and day; and what of the link's
/// filter was ignored.
#[component]
pub fn FilterBar(
    /// The filter the controls show.
    filter: Memo<(Filter, Vec<String>)>,
    /// The Track checkboxes are hidden on a track's own page.
    #[prop(default = true)]
    show_tracks: bool,
) -> impl IntoView {
    // On a phone the filters other than search sit behind one button that
    // says how many are active; wider screens show them at once (style.css).
    let open = RwSignal::new(false);
    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchField filter />
            <FiltersToggle filter show_tracks open />
            <div id="filter-panel" class="filter-panel" class:open=move || open.get()>
                <FacetGroups filter show_tracks />
                <SpeakerSelect filter />
                <HidePast />
                <DaySelect filter />
            </div>
        </form>
        <IgnoredFilters filter />
    }
}

/// The search box; typing replaces the history entry instead of adding one.
#[component]
fn SearchField(filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    let set_filter = use_set_filter();
    let on_text = move |ev| {
        let mut f = filter.with_untracked(|(f, _)| f.clone());
        f.text = event_target_value(&ev);
        set_filter(f, true);
    };
    view! {
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
    }
}

/// "Filters (n)": opens the panel on a phone, and says how many are active.
#[component]
fn FiltersToggle(
    filter: Memo<(Filter, Vec<String>)>,
    show_tracks: bool,
    open: RwSignal<bool>,
) -> impl IntoView {
    let display = crate::state::use_display();
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
    let label = move || match active() {
        0 => "Filters".to_string(),
        n => format!("Filters ({n})"),
    };
    view! {
        <button
            type="button"
            class="filters-toggle"
            aria-controls="filter-panel"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {label}
        </button>
    }
}

/// Track, Type, Language and Room checkboxes, each group shown when the
/// schedule has more than one value.
#[component]
fn FacetGroups(filter: Memo<(Filter, Vec<String>)>, show_tracks: bool) -> impl IntoView {
    let schedule = use_schedule();
    let choices = |key: &'static str, legend: &'static str, items: Vec<(String, String)>| {
        (items.len() > 1).then(|| view! { <FacetChoices key legend items filter /> })
    };
    let tracks = id_names(schedule.tracks.iter().map(|t| (&t.id, &t.name)));
    let rooms = id_names(schedule.rooms.iter().map(|r| (&r.id, &r.name)));
    let languages = id_names(schedule.languages.iter().map(|f| (&f.id, &f.name)));
    let formats = id_names(schedule.formats.iter().map(|f| (&f.id, &f.name)));
    view! {
        {show_tracks.then(|| choices("track", "Track", tracks)).flatten()}
        {choices("type", "Type", formats)}
        {choices("lang", "Language", languages)}
        {choices("room", "Room", rooms)}
    }
}

/// (id, name) pairs of a list, for [`FacetChoices`].
fn id_names<'a>(items: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<(String, String)> {
    items.map(|(id, name)| (id.clone(), name.clone())).collect()
}

/// The Speaker select. Options are static; the selection is set once per
/// filter change on the `<select>` itself (not one reactive binding per
/// option: thousands at scale).
#[component]
fn SpeakerSelect(filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    let schedule = use_schedule();
    let set_filter = use_set_filter();
    let options = schedule
        .speakers_by_name()
        .into_iter()
        .filter(|&i| !schedule.sessions_of_speaker(i).is_empty())
        .map(|i| {
            let sp = &schedule.speakers[i];
            view! { <option value=sp.id.clone()>{sp.name.clone()}</option> }
        })
        .collect_view();
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move || {
        let value = filter.with(|(f, _)| f.speaker.clone().unwrap_or_default());
        if let Some(select) = select.get() {
            select.set_value(&value);
        }
    });
    let on_change = move |ev| {
        let mut f = filter.with_untracked(|(f, _)| f.clone());
        let v = event_target_value(&ev);
        f.speaker = (!v.is_empty()).then_some(v);
        set_filter(f, false);
    };
    view! {
        <div class="field">
            <label for="speaker-filter">"Speaker"</label>
            <select id="speaker-filter" node_ref=select on:change=on_change>
                <option value="">"All speakers"</option>
                {options}
            </select>
        </div>
    }
}

/// "Hide past sessions": a display setting, remembered, not in the URL.
#[component]
fn HidePast() -> impl IntoView {
    let display = crate::state::use_display();
    view! {
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
    }
}

/// The Day select: all days, or one.
#[component]
fn DaySelect(filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    let schedule = use_schedule();
    let set_filter = use_set_filter();
    let options = schedule
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
    let on_change = move |ev| {
        let mut f = filter.with_untracked(|(f, _)| f.clone());
        f.day = crate::model::time::parse_ymd(&event_target_value(&ev));
        set_filter(f, false);
    };
    view! {
        <div class="field">
            <label for="day-filter">"Day"</label>
            <select id="day-filter" on:change=on_change>
                <option value="" prop:selected=move || filter.with(|(f, _)| f.day.is_none())>
                    "All days"
                </option>
                {options}
            </select>
        </div>
    }
}

/// "Some of this link's filters were ignored:" and which.
#[component]
fn IgnoredFilters(filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    move || {
        filter.with(|(_, notices)| {
            (!notices.is_empty()).then(|| {
                let items = notices
                    .iter()
                    .map(|n| view! { <li>{n.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="notice warning" role="status">
                        <p>"Some of this link's filters were ignored:"</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}
