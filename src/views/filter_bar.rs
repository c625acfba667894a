//! The filter controls (search, Track, Type, Language, Room, Speaker, Day) and the URL they live in.
//! The URL query is the only owner of the filter: controls read it and
//! navigate to change it, so reload, Back and a pasted link reproduce the view.

use crate::browser::location::{navigate, use_location};
use leptos::prelude::*;

use crate::model::filter::{speaker_choices, Filter};
use crate::model::follow::FollowKind;
use crate::model::time::long_day;
use crate::model::words::tr;
use crate::state::use_schedule;
use crate::trf;
use crate::views::follow::FollowingMark;

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
            let mark_id = id.clone();
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
            let mark =
                FollowKind::from_word(key).map(|kind| view! { <FollowingMark kind id=mark_id /> });
            view! {
                <label class="track-choice">
                    <input type="checkbox" prop:checked=checked on:change=on_change />
                    {name}
                    {mark}
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
    provide_context(PanelFilter {
        filter,
        show_tracks,
    });
    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <SearchField filter />
            <FiltersToggle filter show_tracks open />
            <FilterPanel open />
        </form>
        <IgnoredFilters filter />
    }
}

/// What the filter panel's controls read (they are a part: no props).
#[derive(Clone, Copy)]
struct PanelFilter {
    filter: Memo<(Filter, Vec<String>)>,
    show_tracks: bool,
}

/// The panel's controls are a lazily loaded part: a phone's first screen
/// shows the panel closed, so its controls are loaded in idle time after
/// the start, or at once when it is opened. Where the panel shows at once
/// (a wide screen), the page waits for them, so nothing moves.
pub const FILTERS_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(filters_view()),
    preload: || Box::pin(preload_filters()),
};

#[wasm_split_helpers::wasm_split(filters, fallible, preload(preload_filters))]
fn filters_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <PanelControlsNow /> }.into_any())
}

/// Where the panel shows at once (a wide screen), its part, fetched beside
/// the schedule: the app draws when both have arrived, so the panel is drawn
/// with the page and the built copy goes in that frame. False when it was
/// needed and could not be fetched (drawn anew, the panel then says so,
/// with Retry; an adopted page is drawn anew instead).
pub async fn preload_where_shown_at_once() -> bool {
    !crate::browser::page::wide_screen() || preload_filters().await.is_ok()
}

/// The controls of the panel: Track, Type, Language, Room, Speaker,
/// "Hide past sessions", Day.
#[component]
fn PanelControlsNow() -> impl IntoView {
    let PanelFilter {
        filter,
        show_tracks,
    } = expect_context();
    view! {
        <FollowingFilter filter />
        <FacetGroups filter show_tracks />
        <SpeakerChooser filter />
        <HidePast />
        <DaySelect filter />
    }
}

/// The panel of the filters other than search, with its controls: drawn
/// at once by the build (its page shows them on a wide screen).
#[cfg(not(target_arch = "wasm32"))]
#[component]
fn FilterPanel(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <div id="filter-panel" class="filter-panel" class:open=move || open.get()>
            <PanelControlsNow />
        </div>
    }
}

/// The panel of the filters other than search. Its controls are a part:
/// drawn at once where the panel shows (the page waits for them), else
/// when it is opened or the start is over. A built page the app adopts on
/// a phone keeps the build's controls in the closed panel until the part
/// has arrived, then draws its own there ([`AdoptedPanel`]): the start
/// does not wait for a part the first screen does not show.
#[cfg(target_arch = "wasm32")]
#[component]
fn FilterPanel(open: RwSignal<bool>) -> impl IntoView {
    use crate::views::lazy::LazyPart;
    let shown_at_once = crate::browser::page::wide_screen();
    if crate::browser::adopt::adopting().is_some() && !shown_at_once {
        return view! { <AdoptedPanel open /> }.into_any();
    }
    let wanted = RwSignal::new(shown_at_once);
    if !shown_at_once {
        crate::browser::page::when_idle(move || wanted.set(true));
    }
    let controls = move || {
        (wanted.get() || open.get())
            .then(|| view! { <LazyPart part=FILTERS_PART quiet=!shown_at_once /> })
    };
    view! {
        <div id="filter-panel" class="filter-panel" class:open=move || open.get()>
            {controls}
        </div>
    }
    .into_any()
}

/// The panel as an adopted page has it on a phone: the element is the
/// app's (it opens and closes), its contents the build's until the part
/// is here (in idle time, or at once when the panel is opened). Then the
/// app adopts those controls too, or, where the filter has changed since
/// (the build drew them for none), draws its own in their place.
#[cfg(target_arch = "wasm32")]
#[component]
fn AdoptedPanel(open: RwSignal<bool>) -> impl IntoView {
    use crate::views::lazy::LazyPart;
    let PanelFilter { filter, .. } = expect_context();
    let agenda = crate::state::use_agenda();
    let panel = NodeRef::<leptos::html::Div>::new();
    let wanted = RwSignal::new(false);
    crate::browser::page::when_idle(move || wanted.set(true));
    // What keeps the controls live, once they are.
    let kept = StoredValue::new_local(None);
    let owner = Owner::current();
    Effect::new(move |started: Option<bool>| {
        // The build's controls take no input until they are live: from the
        // first run, as the panel also shows unopened where the phone turns
        // wide before the part has come.
        if started.is_none() {
            if let Some(el) = panel.get_untracked() {
                crate::browser::adopt::not_live_yet(&el);
            }
        }
        if started == Some(true) || !(wanted.get() || open.get()) {
            return started.unwrap_or(false);
        }
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            // A part that cannot be fetched says so in the panel, with Retry.
            let loaded = (FILTERS_PART.preload)().await.is_ok();
            let (Some(el), Some(owner)) = (panel.get_untracked(), owner) else {
                return;
            };
            // Gone meanwhile (another page, a newer schedule's filter bar).
            if !el.is_connected() {
                return;
            }
            // The build drew the controls for no filter and nothing
            // followed (no "following" marks, no "Only what I follow").
            let untouched = filter.with_untracked(|(f, _)| f.is_empty())
                && agenda
                    .agenda
                    .with_untracked(|a| a.follows().next().is_none());
            let view = (loaded && untouched)
                .then(|| owner.with(|| FILTERS_PART.ready()))
                .flatten();
            let state = owner.with(|| {
                crate::browser::adopt::adopt_within(el, view, || {
                    view! { <LazyPart part=FILTERS_PART quiet=true /> }
                })
            });
            kept.set_value(Some(state));
        });
        true
    });
    view! { <div id="filter-panel" class="filter-panel" class:open=move || open.get() node_ref=panel></div> }
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
            <label for="search">{tr("Search")}</label>
            <input
                id="search"
                type="search"
                aria-label=tr("Search sessions")
                placeholder=tr("Title, abstract or speaker")
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
                + usize::from(f.following)
        });
        from_filter + usize::from(display.settings.with(|s| s.hide_past))
    };
    let label = move || match active() {
        0 => tr("Filters").to_string(),
        n => trf!("Filters ({n})", n = n),
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
        {show_tracks.then(|| choices("track", tr("Track"), tracks)).flatten()}
        {choices("type", tr("Type"), formats)}
        {choices("lang", tr("Language"), languages)}
        {choices("room", tr("Room"), rooms)}
    }
}

/// (id, name) pairs of a list, for [`FacetChoices`].
fn id_names<'a>(items: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<(String, String)> {
    items.map(|(id, name)| (id.clone(), name.clone())).collect()
}

/// How many speakers the Speaker filter lists at once: enough to pick from
/// while typing, few enough to build in a keystroke at any schedule size.
const SPEAKER_CHOICES: usize = 30;

/// The Speaker filter: a combobox. Its list is built only while it is open,
/// from what is typed (`model::filter::speaker_choices`), so a schedule of
/// thousands of speakers costs no node at load. While open, the box holds
/// what is typed and shows the chosen name as its placeholder; entry 0 is
/// "All speakers", which clears the filter.
#[component]
fn SpeakerChooser(filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    let schedule = use_schedule();
    let set_filter = use_set_filter();
    let typed = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let chosen_name = {
        let schedule = schedule.clone();
        move || {
            filter.with(|(f, _)| {
                f.speaker
                    .as_deref()
                    .and_then(|id| schedule.speaker_by_id(id))
                    .map(|i| schedule.speakers[i].name.clone())
            })
        }
    };
    let found = {
        let schedule = schedule.clone();
        Memo::new(move |_| {
            if !open.get() {
                return Vec::new();
            }
            typed.with(|text| speaker_choices(&schedule, text, SPEAKER_CHOICES))
        })
    };
    let show = move |on: bool| {
        typed.set(String::new());
        active.set(0);
        open.set(on);
    };
    // Entry `n` of the open list: 0 is "All speakers", then the matches.
    let pick = {
        let schedule = schedule.clone();
        move |n: usize| {
            let mut f = filter.with_untracked(|(f, _)| f.clone());
            f.speaker = match n.checked_sub(1) {
                None => None,
                Some(k) => match found.with_untracked(|found| found.get(k).copied()) {
                    Some(i) => Some(schedule.speakers[i].id.clone()),
                    None => return,
                },
            };
            show(false);
            set_filter(f, false);
        }
    };
    let on_key = {
        let pick = pick.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let entries = 1 + found.with_untracked(Vec::len);
            let step = match ev.key().as_str() {
                "ArrowDown" => 1,
                "ArrowUp" => entries - 1,
                "Enter" if open.get_untracked() => {
                    ev.prevent_default();
                    return pick(active.get_untracked());
                }
                "Escape" if open.get_untracked() => return show(false),
                _ => return,
            };
            ev.prevent_default();
            if open.get_untracked() {
                active.update(|a| *a = (*a + step) % entries);
            } else {
                show(true);
            }
        }
    };
    let entry = move |n: usize, name: String, affiliation: Option<String>, id: Option<String>| {
        let pick = pick.clone();
        view! {
            <li
                role="option"
                id=format!("speaker-option-{n}")
                aria-selected=move || (active.get() == n).to_string()
                // Keep the focus in the box: a click picks, it does not blur first.
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| pick(n)
            >
                {name}
                {affiliation.map(|a| view! { <span class="affiliation">{a}</span> })}
                {id.map(|id| view! { <FollowingMark kind=FollowKind::Speaker id /> })}
            </li>
        }
    };
    let entries = move || {
        open.get().then(|| {
            let matches = found.with(|found| {
                found
                    .iter()
                    .enumerate()
                    .map(|(k, &i)| {
                        let speaker = &schedule.speakers[i];
                        entry(
                            k + 1,
                            speaker.name.clone(),
                            speaker.affiliation.clone(),
                            Some(speaker.id.clone()),
                        )
                    })
                    .collect_view()
            });
            (
                entry(0, tr("All speakers").to_string(), None, None),
                matches,
            )
        })
    };
    view! {
        <div class="field speaker-chooser">
            <label for="speaker-filter">{tr("Speaker")}</label>
            <input
                id="speaker-filter"
                type="text"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="speaker-options"
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=move || {
                    open.get().then(|| format!("speaker-option-{}", active.get()))
                }
                placeholder={
                    let chosen_name = chosen_name.clone();
                    move || {
                    let name = chosen_name();
                    name.filter(|_| open.get()).unwrap_or_else(|| tr("All speakers").to_string())
                }}
                autocomplete="off"
                prop:value=move || {
                    if open.get() { typed.get() } else { chosen_name().unwrap_or_default() }
                }
                on:focus=move |_| show(true)
                on:click=move |_| if !open.get_untracked() { show(true) }
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_key
                on:blur=move |_| show(false)
            />
            <ul id="speaker-options" role="listbox" aria-label=tr("Speakers") hidden=move || !open.get()>
                {entries}
            </ul>
        </div>
    }
}

/// "Only what I follow": in the URL (`following=1`); offered once something
/// is followed, or while a link asks for it.
#[component]
fn FollowingFilter(filter: Memo<(Filter, Vec<String>)>) -> impl IntoView {
    let agenda = crate::state::use_agenda();
    let set_filter = use_set_filter();
    let on = move || filter.with(|(f, _)| f.following);
    let offered = move || on() || agenda.agenda.with(|a| a.follows().next().is_some());
    move || {
        let set_filter = set_filter.clone();
        offered().then(|| {
            view! {
                <label class="hide-past following-filter">
                    <input
                        type="checkbox"
                        prop:checked=on
                        on:change=move |ev| {
                            let mut f = filter.with_untracked(|(f, _)| f.clone());
                            f.following = event_target_checked(&ev);
                            set_filter(f, false);
                        }
                    />
                    {format!(" {}", tr("Only what I follow"))}
                </label>
            }
        })
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
            {format!(" {}", tr("Hide past sessions"))}
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
            <label for="day-filter">{tr("Day")}</label>
            <select id="day-filter" on:change=on_change>
                <option value="" prop:selected=move || filter.with(|(f, _)| f.day.is_none())>
                    {tr("All days")}
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
                        <p>{tr("Some of this link's filters were ignored:")}</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}
