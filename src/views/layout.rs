//! The page frame: header with navigation, and the notices shown on every view.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::{offline, page::local_short_datetime};
use crate::state::{use_agenda, use_schedule, AppStatus};

/// "A new version is available — Reload", shown on every page.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let status = expect_context::<AppStatus>();
    view! {
        <Show when=move || status.update_ready.get()>
            <div class="notice update" role="status">
                <p>"A new version of this app is available."</p>
                <button type="button" on:click=|_| offline::activate_update()>
                    "Reload"
                </button>
            </div>
        </Show>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
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
    let zone = match (&schedule.conference.time_zone, first) {
        (z, Some(t)) if !z.is_empty() => {
            format!("Times in {z} ({})", crate::model::time::offset_label(&t))
        }
        (_, Some(t)) => format!("Times in {}", crate::model::time::offset_label(&t)),
        _ => String::new(),
    };
    let tracks = schedule.tracks.clone();
    let title = schedule.conference.title.clone();
    let location = (!schedule.conference.location.is_empty())
        .then(|| format!(" · {}", schedule.conference.location));
    view! {
        <header class="site-header">
            <div class="conference">
                <p class="conference-title">
                    <A href="/">{title}</A>
                </p>
                <p class="conference-meta">
                    {dates} {location}
                </p>
                <p class="conference-zone">{zone}</p>
            </div>
            <nav aria-label="Main">
                <ul>
                    <li>
                        <A href="/" exact=true>
                            "Programme"
                        </A>
                    </li>
                    {tracks
                        .into_iter()
                        .map(|t| {
                            view! {
                                <li>
                                    <A href=format!("/track/{}", t.id)>{t.name}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                    <li>
                        <A href="/speakers">"Speakers"</A>
                    </li>
                    <li>
                        <A href="/agenda">
                            "My agenda"
                        </A>
                        <span class="count" aria-hidden="true">
                            {move || agenda.agenda.with(|a| a.len())}
                        </span>
                    </li>
                </ul>
            </nav>
        </header>
    }
}

/// Storage problems, skipped sessions, and "Removed — Undo".
#[component]
pub fn Notices() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let skipped = schedule.skipped;
    let problems: Vec<String> = schedule.problems.iter().map(|p| p.to_string()).collect();
    let problems_view = (!problems.is_empty()).then(|| {
        let summary = if skipped == 0 {
            format!("The schedule file has {} problem(s); the rest is shown.", problems.len())
        } else {
            format!(
                "{skipped} session(s) were skipped because the schedule file describes them incompletely."
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
    });
    let status = expect_context::<AppStatus>();
    let offline_view = move || {
        status.offline_as_of.get().map(|at| {
            let when = local_short_datetime(&at)
                .map(|t| format!(" as of {t}"))
                .unwrap_or_default();
            view! {
                <div class="notice offline" role="status">
                    <p>"Offline — showing the saved schedule" {when} "."</p>
                </div>
            }
        })
    };
    view! {
        <div class="notices">
            {offline_view}
            {problems_view}
            {move || {
                agenda
                    .load_notice
                    .get()
                    .map(|text| {
                        view! {
                            <div class="notice warning" role="alert">
                                <p>{text}</p>
                                <button
                                    type="button"
                                    on:click=move |_| agenda.load_notice.set(None)
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                agenda
                    .write_error
                    .get()
                    .map(|text| {
                        view! {
                            <div class="notice error" role="alert">
                                <p>{text}</p>
                            </div>
                        }
                    })
            }}
            {move || {
                agenda
                    .last_removed
                    .get()
                    .map(|(_, entry)| {
                        view! {
                            <div class="notice toast" role="status">
                                <p>"Removed “" {entry.title} "” from your agenda."</p>
                                <button type="button" on:click=move |_| agenda.undo_remove()>
                                    "Undo"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
