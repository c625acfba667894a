//! The page frame: header with navigation, and the notices shown on every view.

use crate::views::nav_link::NavLink;
use leptos::prelude::*;

use crate::browser::offline;
use crate::model::route::Route;
use crate::model::settings::{Theme, Zone};
use crate::model::words::tr;
use crate::state::{use_agenda, use_display, use_schedule, use_schedule_signal, AppStatus};
use crate::{trf, trn};

/// "A new version is available — Reload", shown on every page.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let status = expect_context::<AppStatus>();
    view! {
        <Show when=move || status.update_ready.get()>
            <div class="notice update" role="status">
                <p>{tr("A new version of this app is available.")}</p>
                <button type="button" on:click=|_| offline::activate_update()>
                    {tr("Reload")}
                </button>
            </div>
        </Show>
    }
}

/// The header, built again when a live update changes what it shows
/// (the conference's title, place, days, zone, tracks).
#[component]
pub fn Header() -> impl IntoView {
    let offer = crate::state::use_offer();
    move || {
        offer.track();
        view! { <SiteHeader /> }
    }
}

/// The conference, its dates and zone, the settings and the navigation.
#[component]
fn SiteHeader() -> impl IntoView {
    let schedule = use_schedule();
    let first = schedule.sessions.first().map(|s| s.start);
    let dates = match (schedule.days.first(), schedule.days.last()) {
        (Some(a), Some(b)) if a != b => format!(
            "{} – {}",
            crate::model::time::short_day(*a),
            crate::model::time::long_day(*b)
        ),
        (Some(a), _) => crate::model::time::long_day(*a),
        _ => String::new(),
    };
    let display = use_display();
    let conference_zone = schedule.conference.time_zone.clone();
    let zone = move || match (display.settings.with(|s| s.zone), first) {
        (Zone::Local, Some(t)) => trf!(
            "Times in your time zone ({offset})",
            offset = crate::model::time::offset_label(&display.show(t))
        ),
        (Zone::Conference, Some(t)) if !conference_zone.is_empty() => trf!(
            "Times in {zone} ({offset})",
            zone = conference_zone,
            offset = crate::model::time::offset_label(&display.show(t))
        ),
        (Zone::Conference, Some(t)) => trf!(
            "Times in the conference's zone ({offset})",
            offset = crate::model::time::offset_label(&display.show(t))
        ),
        _ => String::new(),
    };
    let title = schedule.conference.title.clone();
    let location = (!schedule.conference.location.is_empty())
        .then(|| format!(" · {}", schedule.conference.location));
    view! {
        <header class="site-header">
            <div class="masthead">
                <div class="conference">
                    <p class="conference-title">
                        <a href=Route::Programme.href()>{title}</a>
                    </p>
                    <p class="conference-meta">{dates} {location}</p>
                    <p class="conference-zone">
                        {zone} <span class="clock-note">{format!(", {}", tr("24-hour clock"))}</span>
                    </p>
                </div>
                <SettingsMenu />
            </div>
            <MainNav />
        </header>
    }
}

/// The main places in one compact bar (at the bottom of a phone's screen):
/// Programme, Timetable, Now & next, My agenda with its count, and "More"
/// for the tracks and speakers.
#[component]
fn MainNav() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let first_day = Route::Timetable(schedule.days.first().map(|d| d.to_string()));
    let count = move || agenda.agenda.with(|a| a.len());
    view! {
        <nav aria-label=tr("Main") class="main-nav">
            <ul>
                <li>
                    <NavLink href=Route::Programme.href() exact=true>
                        <span class="icon" aria-hidden="true">"☰"</span>
                        <span class="label">{tr("Programme")}</span>
                    </NavLink>
                </li>
                <li>
                    <NavLink href=first_day.href() section=Route::Timetable(None).href()>
                        <span class="icon" aria-hidden="true">"▦"</span>
                        <span class="label">{tr("Timetable")}</span>
                    </NavLink>
                </li>
                <li>
                    <NavLink href=Route::Now.href()>
                        <span class="icon" aria-hidden="true">"◷"</span>
                        <span class="label">{tr("Now & next")}</span>
                    </NavLink>
                </li>
                <li>
                    <NavLink href=Route::Agenda.href() exact=true>
                        <span class="icon" aria-hidden="true">"★"</span>
                        <span class="label">{tr("My agenda")}</span>
                        <span class="count">{move || (count() > 0).then(|| count().to_string())}</span>
                    </NavLink>
                </li>
                <li>
                    <MoreMenu />
                </li>
            </ul>
        </nav>
    }
}

/// "More": every track and the speakers, one tap away.
#[component]
fn MoreMenu() -> impl IntoView {
    let schedule = use_schedule();
    let tracks = schedule
        .tracks
        .iter()
        .map(|t| {
            let href = Route::Track(t.id.clone()).href();
            let name = t.name.clone();
            view! {
                <li>
                    <NavLink href=href>{name}</NavLink>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        // Following a link closes the menu.
        <Menu class="menu more" icon="⋯" label=tr("More") close_on_click=true>
            <h2 class="menu-heading">{tr("Tracks")}</h2>
            <ul>{tracks}</ul>
            <h2 class="menu-heading">{tr("People")}</h2>
            <ul>
                <li>
                    <NavLink href=Route::Speakers.href()>{tr("Speakers")}</NavLink>
                </li>
            </ul>
            <h2 class="menu-heading">{tr("This device")}</h2>
            <ul>
                <li>
                    <NavLink href=Route::Conferences.href()>{tr("Conferences")}</NavLink>
                </li>
            </ul>
        </Menu>
    }
}

/// A menu: a `<details>` whose summary is the button, its panel the content.
#[component]
fn Menu(
    class: &'static str,
    icon: &'static str,
    label: &'static str,
    /// Close when anything in the panel is clicked (a menu of links).
    #[prop(optional)]
    close_on_click: bool,
    /// Whether the menu is open, for a caller that follows it.
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
    children: Children,
) -> impl IntoView {
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    view! {
        <details class=class prop:open=move || open.get()>
            <summary on:click=move |ev| {
                ev.prevent_default();
                open.update(|o| *o = !*o);
            }>
                <span class="icon" aria-hidden="true">{icon}</span>
                <span class="label">{label}</span>
            </summary>
            <div
                class="menu-panel"
                on:click=move |_| {
                    if close_on_click {
                        open.set(false);
                    }
                }
            >
                {children()}
            </div>
        </details>
    }
}

/// Time zone and theme, behind one "Settings" button: the settings are a
/// lazily loaded part, fetched when the menu is first opened (the saved
/// theme and zone apply from the start without it).
#[component]
fn SettingsMenu() -> impl IntoView {
    use crate::views::lazy::LazyPart;
    let open = RwSignal::new(false);
    let opened_once = Memo::new(move |was: Option<&bool>| was == Some(&true) || open.get());
    view! {
        <Menu class="menu settings" icon="⚙" label=tr("Settings") open>
            {move || opened_once.get().then(|| view! { <LazyPart part=SETTINGS_PART /> })}
        </Menu>
    }
}

/// The settings menu's time zone and theme: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const SETTINGS_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(settings_view()),
    preload: || Box::pin(preload_settings_view()),
};

#[wasm_split_helpers::wasm_split(settings, fallible, preload(preload_settings_view))]
fn settings_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <DisplaySettings /> }.into_any())
}

/// Language, time zone and theme, persisted.
#[component]
pub fn DisplaySettings() -> impl IntoView {
    let display = use_display();
    view! {
        <div class="display-settings">
            <crate::views::language::LanguageSetting />
            <div class="field">
                <label for="zone-setting">{tr("Time zone")}</label>
                <select
                    id="zone-setting"
                    on:change=move |ev| {
                        let local = event_target_value(&ev) == "local";
                        display
                            .update(|s| {
                                s.zone = if local { Zone::Local } else { Zone::Conference };
                            });
                    }
                >
                    <option
                        value="conference"
                        prop:selected=move || display.settings.with(|s| s.zone == Zone::Conference)
                    >
                        {tr("Conference's")}
                    </option>
                    <option
                        value="local"
                        prop:selected=move || display.settings.with(|s| s.zone == Zone::Local)
                    >
                        {tr("Mine")}
                    </option>
                </select>
            </div>
            <div class="field">
                <label for="theme-setting">{tr("Theme")}</label>
                <select
                    id="theme-setting"
                    on:change=move |ev| {
                        let theme = Theme::parse(&event_target_value(&ev));
                        display.update(|s| s.theme = theme);
                    }
                >
                    {[Theme::System, Theme::Light, Theme::Dark]
                        .into_iter()
                        .map(|t| {
                            let label = match t {
                                Theme::System => tr("As the system"),
                                Theme::Light => tr("Light"),
                                Theme::Dark => tr("Dark"),
                            };
                            view! {
                                <option
                                    value=t.as_str()
                                    prop:selected=move || display.settings.with(|s| s.theme == t)
                                >
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}

/// The zone prompt, for a file whose zone was assumed: a lazily loaded part,
/// fetched only for such a file.
#[component]
fn ZoneQuestion() -> impl IntoView {
    let status = expect_context::<AppStatus>();
    move || {
        status
            .import
            .get()
            .is_some_and(|(_, assumed)| assumed)
            .then(|| view! { <crate::views::lazy::LazyPart part=crate::views::zone_prompt::ZONE_PROMPT_PART quiet=true /> })
    }
}

/// Every notice of the page: the zone prompt, the link's ignored parts,
/// a live update, what changed, offline (at load, or since a check), the schedule's problems, storage problems and
/// "Removed — Undo".
#[component]
pub fn Notices() -> impl IntoView {
    view! {
        <div class="notices">
            <ZoneQuestion />
            <LinkNotices />
            <LiveNotices />
            <OfflineNotice />
            <ScheduleProblems />
            <StorageNotices />
            <UndoRemove />
        </div>
    }
}

/// What the live checks and the last-seen comparison have to say: each a
/// lazily loaded part, fetched only when there is something to say (an
/// update taken, changes since the last visit, a check that failed).
#[component]
fn LiveNotices() -> impl IntoView {
    use crate::views::lazy::LazyPart;
    use crate::views::live::{LIVE_PROBLEMS_PART, UPDATE_NOTICE_PART};
    let live = crate::state::use_live();
    let changes = expect_context::<crate::state::ScheduleChanges>();
    let updated = move || live.update.with(Option::is_some);
    let changed = move || changes.changes.with(|c| !c.is_empty());
    let troubled = crate::views::live::has_problems(live);
    view! {
        <Show when=updated>
            <LazyPart part=UPDATE_NOTICE_PART quiet=true />
        </Show>
        <Show when=changed>
            <LazyPart part=CHANGES_PART quiet=true />
        </Show>
        <Show when=troubled>
            <LazyPart part=LIVE_PROBLEMS_PART quiet=true />
        </Show>
    }
}

/// What of the page's link was not used (an unknown zone, …).
#[component]
fn LinkNotices() -> impl IntoView {
    let notices = expect_context::<AppStatus>().link_notices.get_value();
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice warning" role="status">
                {notices.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
            </div>
        }
    })
}

/// "Offline — showing the saved schedule as of …".
#[component]
fn OfflineNotice() -> impl IntoView {
    let status = expect_context::<AppStatus>();
    let display = use_display();
    move || {
        status.offline_as_of.get().map(|at| {
            let text = match display.day_and_clock_of(&at) {
                t if t.is_empty() => tr("Offline — showing the saved schedule.").to_string(),
                t => trf!(
                    "Offline — showing the saved schedule as of {time}.",
                    time = t
                ),
            };
            view! {
                <div class="notice offline" role="status">
                    <p>{text}</p>
                </div>
            }
        })
    }
}

/// The schedule file's problems: skipped sessions and dropped values, each named.
#[component]
fn ScheduleProblems() -> impl IntoView {
    let schedule = use_schedule();
    let skipped = schedule.skipped;
    let problems: Vec<String> = schedule.problems.iter().map(|p| p.to_string()).collect();
    (!problems.is_empty()).then(|| {
        let summary = if skipped == 0 {
            trn!(
                "The schedule file has {n} problem; the rest is shown.",
                "The schedule file has {n} problems; the rest is shown.",
                problems.len()
            )
        } else {
            trn!(
                "{n} session was skipped because the schedule file describes it incompletely.",
                "{n} sessions were skipped because the schedule file describes them incompletely.",
                skipped
            )
        };
        view! {
            <div class="notice warning" role="status">
                <details>
                    <summary>{summary}</summary>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </details>
            </div>
        }
    })
}

/// The saved agenda could not be read (dismissable), or a write was refused.
#[component]
fn StorageNotices() -> impl IntoView {
    let agenda = use_agenda();
    let load = move || {
        let text = agenda.load_notice.get()?.to_string();
        Some(view! {
            <div class="notice warning" role="alert">
                <p>{text}</p>
                <button type="button" on:click=move |_| agenda.load_notice.set(None)>
                    {tr("Dismiss")}
                </button>
            </div>
        })
    };
    let write = move || {
        let text = agenda.write_error.get()?.to_string();
        Some(view! {
            <div class="notice error" role="alert">
                <p>{text}</p>
            </div>
        })
    };
    view! {
        {load}
        {write}
    }
}

/// "Removed “…” from your agenda. Undo".
#[component]
fn UndoRemove() -> impl IntoView {
    let agenda = use_agenda();
    move || {
        agenda.last_removed.get().map(|(_, entry)| {
            view! {
                <div class="notice toast" role="status">
                    <p>{trf!("Removed “{title}” from your agenda.", title = entry.title)}</p>
                    <button type="button" on:click=move |_| agenda.undo_remove()>
                        {tr("Undo")}
                    </button>
                </div>
            }
        })
    }
}

/// "N changes since you last looked": a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const CHANGES_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(changes_view()),
    preload: || Box::pin(preload_changes_view()),
};

#[wasm_split_helpers::wasm_split(changes, fallible, preload(preload_changes_view))]
fn changes_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <ChangesPanel /> }.into_any())
}

/// "N changes since you last looked", starred sessions first, each change
/// to what the user follows saying so; dismissing marks them seen. Follows live updates of the schedule.
#[component]
pub fn ChangesPanel() -> impl IntoView {
    let schedule = use_schedule_signal();
    let agenda = use_agenda();
    let display = use_display();
    let changes = expect_context::<crate::state::ScheduleChanges>();
    let dismiss = move |_| schedule.with_untracked(|s| changes.mark_seen(s));
    move || {
        let list = changes.changes.get();
        (!list.is_empty()).then(|| {
            let items = list
                .iter()
                .map(|c| {
                    let starred = agenda.is_starred(c.id());
                    let (text, followed) = schedule.with(|s| {
                        let followed = agenda.agenda.with(|a| a.follows_of_change(c, s));
                        (c.words(s, &|t| display.show(t)).line(), followed)
                    });
                    let is_followed = !followed.is_empty();
                    let follows = is_followed.then(|| {
                        format!(
                            " {}",
                            trf!("(you follow {names})", names = followed.join(", "))
                        )
                    });
                    view! {
                        <li class:starred=starred class:followed=is_followed>
                            {starred.then_some("★ ")}
                            {text}
                            {follows}
                        </li>
                    }
                })
                .collect_view();
            let n = list.len();
            view! {
                <section class="notice changes" aria-labelledby="changes-heading">
                    // Focusable: the live update's notice leads here.
                    <h2 id="changes-heading" tabindex="-1">
                        {trn!(
                            "{n} change since you last looked",
                            "{n} changes since you last looked",
                            n
                        )}
                    </h2>
                    <ul>{items}</ul>
                    <button type="button" on:click=dismiss>
                        {tr("Dismiss")}
                    </button>
                </section>
            }
        })
    }
}
