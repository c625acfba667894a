//! Export and share: the .ics download, the JSON export and import, the
//! share link and its QR code.

use leptos::prelude::*;

use crate::browser::files::{self, PickedFile};
use crate::model::agenda::Agenda;
use crate::model::error::ActionError;
use crate::model::ics::{calendar, IcsOptions};
use crate::model::plan::REMINDER_MINUTES;
use crate::model::share::{encode, link, QR_MAX_CHARS};
use crate::model::source::ScheduleSource;
use crate::state::{use_agenda, use_schedule, AppStatus};

/// The agenda's export, share and import controls, with their errors.
#[component]
pub fn AgendaActions() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let empty = move || agenda.agenda.with(|a| a.is_empty());
    let action_error = RwSignal::new(None::<ActionError>);
    let source = expect_context::<AppStatus>().source.get_value();
    let with_own = RwSignal::new(false);
    let share_link = {
        let schedule = schedule.clone();
        // A conference opened with ?schedule= travels with the link.
        let schedule_url = match source.clone() {
            ScheduleSource::Url { url } => Some(url),
            _ => None,
        };
        Memo::new(move |_| {
            let include = with_own.get();
            let fragment = agenda.agenda.with(|a| {
                let own: Vec<&crate::model::agenda::OwnEntry> = if include {
                    a.own().map(|(_, e)| e).collect()
                } else {
                    Vec::new()
                };
                encode(&schedule, &a.levels(&schedule), &own)
            });
            link(&files::origin(), schedule_url.as_deref(), &fragment)
        })
    };
    let download_ics = {
        let schedule = schedule.clone();
        move |_| {
            let ics = agenda.agenda.with_untracked(|a| {
                // The plan: starred sessions and own entries (own ones as musts).
                let Some(plan) = a.plan(&schedule) else {
                    return String::new();
                };
                let sessions = plan
                    .sessions
                    .iter()
                    .map(|s| (s, a.entry(&s.id).map(|e| e.level).unwrap_or_default()));
                calendar(
                    &plan,
                    sessions,
                    &IcsOptions {
                        name: &format!("My agenda · {}", schedule.conference.title),
                        stamp: crate::browser::clock::real_now().to_utc(),
                        alarm_minutes: Some(REMINDER_MINUTES),
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
                <Show when=move || agenda.agenda.with(|a| a.own().next().is_some())>
                    <label class="hide-past">
                        <input
                            type="checkbox"
                            prop:checked=move || with_own.get()
                            on:change=move |ev| with_own.set(event_target_checked(&ev))
                        />
                        " Include my own entries"
                    </label>
                </Show>
                <ShareQr link=share_link source=source.clone() />
            </section>
        </Show>
        <p class="import">
            <label for="import-agenda">"Import agenda (JSON)"</label>
            " "
            <input id="import-agenda" type="file" accept=".json,application/json" on:change=import_json />
            <span role="status">{move || imported.get()}</span>
        </p>
        {move || action_error.get().map(|e| view! { <p class="notice error" role="alert">{e.to_string()}</p> })}
    }
}

/// The share link as a QR code, so a phone can scan another's agenda.
#[component]
fn ShareQr(link: Memo<String>, source: ScheduleSource) -> impl IntoView {
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
