//! "My agenda" (`/agenda`): starred sessions by day, and starred sessions the
//! schedule no longer has, named by what we last knew of them.

use leptos::prelude::*;

use crate::browser::files;
use crate::browser::files::PickedFile;
use crate::browser::page::set_title;
use crate::model::agenda::{Agenda, Level};
use crate::model::error::ActionError;
use crate::model::ics::{calendar, IcsOptions};
use crate::model::plan::{clash_groups, gaps, overlapping, overlapping_span};
use crate::model::schedule::group_by_day;
use crate::model::share::{encode, link, QR_MAX_CHARS};
use crate::model::source::ScheduleSource;
use crate::model::time::{clock, clock_range, day_and_clock, duration, long_day};
use crate::state::use_display;
use crate::state::{use_agenda, use_schedule};
use crate::views::session_card::SessionCard;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let display = use_display();
    set_title(&format!("My agenda · {}", schedule.conference.title));
    let scheduled = {
        let schedule = schedule.clone();
        Memo::new(move |_| agenda.agenda.with(|a| a.scheduled(&schedule)))
    };
    let missing = {
        let schedule = schedule.clone();
        Memo::new(move |_| {
            agenda.agenda.with(|a| {
                a.missing(&schedule)
                    .into_iter()
                    .map(|(id, e)| (id.to_string(), e.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let changed = {
        let schedule = schedule.clone();
        Memo::new(move |_| agenda.agenda.with(|a| a.changed(&schedule)))
    };
    let changed_items = {
        let schedule = schedule.clone();
        move || {
            changed
                .get()
                .into_iter()
                .map(|c| {
                    let now = &schedule.sessions[c.index];
                    let was = display.day_and_clock_of(&c.was.start);
                    let text = format!(
                        "“{}” changed: now {}{} (was {}{}{}).",
                        now.title,
                        day_and_clock(&display.show(now.start)),
                        match schedule.room_name(now) {
                            "" => String::new(),
                            r => format!(", {r}"),
                        },
                        if c.was.title != now.title {
                            format!("“{}”, ", c.was.title)
                        } else {
                            String::new()
                        },
                        was,
                        if c.was.room.is_empty() {
                            String::new()
                        } else {
                            format!(", {}", c.was.room)
                        },
                    );
                    let id = now.id.clone();
                    let schedule = schedule.clone();
                    let label = format!("OK, noted: {}", now.title);
                    view! {
                        <li>
                            {text} " "
                            <button
                                type="button"
                                aria-label=label
                                on:click=move |_| agenda.acknowledge(&schedule, &id)
                            >
                                "OK"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let persistence = move || {
        agenda.persistent.get().map(|granted| {
            if granted {
                "Your browser has agreed to keep this agenda even when it runs short of space."
            } else {
                "Your browser has not promised to keep this site's data: it may clear this agenda if it runs short of space, or after weeks without a visit."
            }
        })
    };
    let empty = move || agenda.agenda.with(|a| a.is_empty());
    let action_error = RwSignal::new(None::<ActionError>);
    let share_link = {
        let schedule = schedule.clone();
        // A conference opened with ?schedule= travels with the link.
        let schedule_url = match expect_context::<crate::state::AppStatus>()
            .source
            .get_value()
        {
            ScheduleSource::Url { url } => Some(url),
            _ => None,
        };
        Memo::new(move |_| {
            let fragment = agenda
                .agenda
                .with(|a| encode(&schedule, &a.levels(&schedule)));
            link(&files::origin(), schedule_url.as_deref(), &fragment)
        })
    };
    let download_ics = {
        let schedule = schedule.clone();
        move |_| {
            let ics = agenda.agenda.with_untracked(|a| {
                let sessions = a.scheduled(&schedule).into_iter().map(|i| {
                    let s = &schedule.sessions[i];
                    (s, a.entry(&s.id).map(|e| e.level).unwrap_or_default())
                });
                calendar(
                    &schedule,
                    sessions,
                    &IcsOptions {
                        name: &format!("My agenda · {}", schedule.conference.title),
                        stamp: crate::browser::clock::real_now().to_utc(),
                        alarm_minutes: Some(10),
                    },
                )
            });
            let name = format!("{}-agenda.ics", schedule.conference.id);
            if let Err(e) = files::download(&name, "text/calendar", &ics) {
                action_error.set(Some(e));
            }
        }
    };
    let export_json = {
        let conference = schedule.conference.id.clone();
        move |_| {
            let json = agenda.agenda.with_untracked(Agenda::to_json);
            if let Err(e) = files::download(
                &format!("{conference}-agenda.json"),
                "application/json",
                &json,
            ) {
                action_error.set(Some(e));
            }
        }
    };
    let imported = RwSignal::new(None::<String>);
    let import_json = move |ev: leptos::ev::Event| {
        let Some(file) = PickedFile::from_input(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = file.text().await.and_then(|text| {
                Agenda::from_json(&text).map_err(|error| ActionError::NotAnAgenda {
                    name: file.name(),
                    error,
                })
            });
            match result {
                Ok(other) => {
                    let n = agenda.add_all(&other);
                    imported.set(Some(format!("Imported {n} new session(s).")));
                    action_error.set(None);
                }
                Err(e) => action_error.set(Some(e)),
            }
        });
    };
    view! {
        <h1>"My agenda"</h1>
        <Show when=empty>
            <p class="empty-hint">
                "Nothing starred yet. Press ☆ on any session of the "
                <a href="/">"programme"</a> " to add it here."
            </p>
        </Show>
        <p class="persistence">{persistence}</p>
        <crate::views::reminders::ReminderToggle />
        <Show when=move || !empty()>
            <section class="agenda-actions" aria-label="Export and share">
                <button type="button" on:click=download_ics.clone()>
                    "Download calendar (.ics)"
                </button>
                <button type="button" on:click=export_json.clone()>
                    "Export agenda (JSON)"
                </button>
                <div class="field share">
                    <label for="share-link">"Share link"</label>
                    <input id="share-link" type="text" readonly prop:value=move || share_link.get() />
                </div>
                <ShareQr link=share_link />
            </section>
        </Show>
        <p class="import">
            <label for="import-agenda">"Import agenda (JSON)"</label>
            " "
            <input id="import-agenda" type="file" accept=".json,application/json" on:change=import_json />
            <span role="status">{move || imported.get()}</span>
        </p>
        {move || action_error.get().map(|e| view! { <p class="notice error" role="alert">{e.to_string()}</p> })}
        <Show when=move || !changed.with(Vec::is_empty)>
            <section class="changed" aria-labelledby="changed-heading">
                <h2 id="changed-heading">"Changed since you starred them"</h2>
                <ul>{changed_items.clone()}</ul>
            </section>
        </Show>
        <Show when=move || !missing.with(Vec::is_empty)>
            <section class="missing" aria-labelledby="missing-heading">
                <h2 id="missing-heading">"No longer in the schedule"</h2>
                <ul>
                    <For
                        each=move || missing.get()
                        key=|(id, _)| id.clone()
                        children=move |(id, entry)| {
                            let when = match display.day_and_clock_of(&entry.start) {
                                t if t.is_empty() => String::new(),
                                t if entry.room.is_empty() => format!(" (was {t})"),
                                t => format!(" (was {t}, {})", entry.room),
                            };
                            let label = format!("Dismiss {}", entry.title);
                            view! {
                                <li>
                                    <strong>{entry.title.clone()}</strong>
                                    {when}
                                    " "
                                    <button
                                        type="button"
                                        aria-label=label
                                        on:click=move |_| agenda.dismiss(&id)
                                    >
                                        "Dismiss"
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
        <AgendaDays scheduled />
    }
}

/// The starred sessions by day, with overlaps flagged and named, and free time shown.
#[component]
fn AgendaDays(scheduled: Memo<Vec<usize>>) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let display = use_display();
    move || {
        let indices = scheduled.get();
        let clashes = clash_groups(&schedule, &indices);
        let summary = (!clashes.is_empty()).then(|| {
            let items = clashes
                .iter()
                .map(|g| {
                    let names: Vec<String> = g
                        .iter()
                        .map(|&i| format!("“{}”", schedule.sessions[i].title))
                        .collect();
                    let level = |i: usize| {
                        agenda.agenda.with_untracked(|a| {
                            a.entry(&schedule.sessions[i].id)
                                .map(|e| e.level)
                                .unwrap_or_default()
                        })
                    };
                    let musts = g.iter().filter(|&&i| level(i) == Level::Must).count();
                    let strong = musts > 1;
                    let headline = if strong {
                        format!(
                            "{} overlap — {musts} of them are musts.",
                            names.join(" and ")
                        )
                    } else {
                        format!("{} overlap.", names.join(" and "))
                    };
                    // The alternatives: everything that overlaps the clash's span.
                    let start = g.iter().map(|&i| schedule.sessions[i].start).min();
                    let end = g.iter().map(|&i| schedule.sessions[i].end).max();
                    let clashing: Vec<String> =
                        g.iter().map(|&i| schedule.sessions[i].id.clone()).collect();
                    let options = start
                        .zip(end)
                        .map(|(start, end)| overlapping_span(&schedule, start, end))
                        .unwrap_or_default()
                        .into_iter()
                        .map(|j| {
                            let o = &schedule.sessions[j];
                            let label = format!("Choose {}", o.title);
                            let text = format!(
                                "{} · {} · {}",
                                o.title,
                                clock_range(&display.show(o.start), &display.show(o.end)),
                                schedule.room_name(o)
                            );
                            let (schedule, id, clashing) =
                                (schedule.clone(), o.id.clone(), clashing.clone());
                            let starred = agenda.is_starred(&id);
                            view! {
                                <li class:starred=starred>
                                    {text} " "
                                    <button
                                        type="button"
                                        aria-label=label
                                        on:click=move |_| agenda.choose(&schedule, &id, &clashing)
                                    >
                                        "Choose"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="clash" class:strong=strong>
                            <p>{headline}</p>
                            <details>
                                <summary>"Resolve: sessions in this slot"</summary>
                                <ul class="alternatives">{options}</ul>
                            </details>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="clash-summary" aria-labelledby="clash-heading">
                    <h2 id="clash-heading">
                        {match clashes.len() {
                            1 => "1 clash in your agenda".to_string(),
                            n => format!("{n} clashes in your agenda"),
                        }}
                    </h2>
                    <ul>{items}</ul>
                </section>
            }
        });
        let free = gaps(&schedule, &indices, 30);
        let days = group_by_day(&schedule, &indices)
            .into_iter()
            .map(|(day, in_day)| {
                let heading = format!("agenda-day-{day}");
                let heading_id = heading.clone();
                let items = in_day
                    .iter()
                    .map(|&i| {
                        let others = overlapping(&schedule, &indices, i);
                        let note = (!others.is_empty()).then(|| {
                            let names: Vec<String> = others
                                .iter()
                                .map(|&j| {
                                    let o = &schedule.sessions[j];
                                    format!(
                                        "“{}” ({})",
                                        o.title,
                                        clock_range(&display.show(o.start), &display.show(o.end))
                                    )
                                })
                                .collect();
                            format!("Overlaps with {}", names.join(", "))
                        });
                        let gap =
                            free.iter()
                                .find(|(before, _, _)| *before == i)
                                .map(|(_, a, b)| {
                                    format!(
                                        "Free {}–{} ({})",
                                        clock(&display.show(*a)),
                                        clock(&display.show(*b)),
                                        duration((*b - *a).num_minutes())
                                    )
                                });
                        let clashing = note.is_some();
                        view! {
                            <div class="agenda-item" class:clashing=clashing>
                                <SessionCard index=i>
                                    {note.map(|n| view! { <p class="clash-note">{n}</p> })}
                                </SessionCard>
                                {gap.map(|g| view! { <p class="gap">{g}</p> })}
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="day" aria-labelledby=heading>
                        <h2 id=heading_id>{long_day(day)}</h2>
                        {items}
                    </section>
                }
            })
            .collect_view();
        view! {
            {summary}
            <div class="day-list">{days}</div>
        }
    }
}

/// The share link as a QR code, so a phone can scan another's agenda.
#[component]
fn ShareQr(link: Memo<String>) -> impl IntoView {
    let source = expect_context::<crate::state::AppStatus>()
        .source
        .get_value();
    let local_file = matches!(source, ScheduleSource::File { .. }).then(|| {
        view! {
            <p class="share-note">
                "This conference was opened from a file on this device: the link opens it only where the same file is open."
            </p>
        }
    });
    let code = move || {
        let text = link.get();
        let n = text.chars().count();
        match (n <= QR_MAX_CHARS)
            .then(|| crate::model::qr::qr_svg_path(&text))
            .flatten()
        {
            Some((width, d)) => view! {
            <figure class="share-qr">
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=format!("0 0 {width} {width}")
                    width="200"
                    height="200"
                    role="img"
                    aria-label="QR code: scan to open this agenda"
                    shape-rendering="crispEdges"
                >
                    <rect width=width.to_string() height=width.to_string() fill="#ffffff"></rect>
                    <path d=d fill="#000000"></path>
                </svg>
                <figcaption>"Scan to open this agenda on a phone"</figcaption>
            </figure>
        }
        .into_any(),
            None => view! {
                <p class="share-qr">
                    {format!(
                        "This link is too long for one QR code ({n} characters; about {QR_MAX_CHARS} scan reliably from a screen): send the link itself instead."
                    )}
                </p>
            }
            .into_any(),
        }
    };
    view! {
        {local_file}
        {code}
    }
}
