//! Export and share: the .ics download, the JSON export and import, the
//! share link and its QR code.

use leptos::prelude::*;

use crate::browser::clock::real_now;
use crate::browser::files::{self, PickedFile};
use crate::model::agenda::{Agenda, OwnEntry};
use crate::model::error::ActionError;
use crate::model::follow::{now_following, Followed};
use crate::model::ics::{self, calendar, IcsOptions};
use crate::model::share::{encode, link, QR_MAX_CHARS};
use crate::model::source::ScheduleSource;
use crate::model::words::tr;
use crate::state::{use_agenda, use_schedule, AppStatus};
use crate::views::error_page::ErrorNotice;

/// The agenda's export, share and import controls, with their errors.
#[component]
pub fn AgendaActions() -> impl IntoView {
    let agenda = use_agenda();
    let empty = move || agenda.agenda.with(|a| a.is_empty());
    // Only what is followed: no calendar to download.
    let planned = move || agenda.agenda.with(|a| a.has_plan());
    let error = RwSignal::new(None::<ActionError>);
    view! {
        <Show when=move || !empty()>
            <section class="agenda-actions" aria-label=tr("Export and share")>
                <Show when=planned>
                    <CalendarDownload error />
                </Show>
                <JsonExport error />
                <ShareLink />
            </section>
        </Show>
        <JsonImport error />
        <ErrorNotice error />
    }
}

/// "Download calendar (.ics)": the plan (starred sessions and own entries,
/// own ones as musts) with reminders.
#[component]
fn CalendarDownload(error: RwSignal<Option<ActionError>>) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let download = move |_| {
        let ics = agenda.agenda.with_untracked(|a| {
            let Some(plan) = a.plan(&schedule) else {
                return String::new();
            };
            let sessions = plan
                .sessions
                .iter()
                .map(|s| (s, a.entry(&s.id).map(|e| e.level).unwrap_or_default()));
            let name = crate::trf!("My agenda · {title}", title = schedule.conference.title);
            calendar(
                &plan,
                sessions,
                &IcsOptions::reminding(&name, real_now().to_utc()),
            )
        });
        let file = format!("{}-agenda.ics", schedule.conference.id);
        error.set(files::download(&file, ics::MIME, &ics).err());
    };
    view! {
        <button type="button" on:click=download>
            {tr("Download calendar (.ics)")}
        </button>
    }
}

/// "Export agenda (JSON)": the stored form, to import elsewhere.
#[component]
fn JsonExport(error: RwSignal<Option<ActionError>>) -> impl IntoView {
    let conference = use_schedule().conference.id.clone();
    let agenda = use_agenda();
    let export = move |_| {
        let json = agenda.agenda.with_untracked(Agenda::to_json);
        let name = format!("{conference}-agenda.json");
        error.set(files::download(&name, "application/json", &json).err());
    };
    view! {
        <button type="button" on:click=export>
            {tr("Export agenda (JSON)")}
        </button>
    }
}

/// The share link (with own entries if asked) and its QR code.
#[component]
fn ShareLink() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let source = expect_context::<AppStatus>().source.get_value();
    let with_own = RwSignal::new(false);
    // A conference opened with ?schedule= travels with the link.
    let schedule_url = match source.clone() {
        ScheduleSource::Url { url } => Some(url),
        _ => None,
    };
    let share_link = Memo::new(move |_| {
        let include = with_own.get();
        let fragment = agenda.agenda.with(|a| {
            let own: Vec<&OwnEntry> = a.own().map(|(_, e)| e).filter(|_| include).collect();
            let follows: Vec<&Followed> = a.follows().map(|(f, _)| f).collect();
            encode(&schedule, &a.levels(&schedule), &own, &follows)
        });
        link(&files::origin(), schedule_url.as_deref(), &fragment)
    });
    view! {
        <div class="field share">
            <label for="share-link">{tr("Share link")}</label>
            <input id="share-link" type="text" readonly prop:value=move || share_link.get() />
        </div>
        <Show when=move || agenda.agenda.with(|a| a.own().next().is_some())>
            <label class="hide-past">
                <input
                    type="checkbox"
                    prop:checked=move || with_own.get()
                    on:change=move |ev| with_own.set(event_target_checked(&ev))
                />
                {tr(" Include my own entries")}
            </label>
        </Show>
        <ShareQr link=share_link source=source.clone() />
    }
}

/// "Import agenda (JSON)": adds what a file has, never removes.
#[component]
fn JsonImport(error: RwSignal<Option<ActionError>>) -> impl IntoView {
    let agenda = use_agenda();
    let imported = RwSignal::new(None::<String>);
    let import_json = move |ev: leptos::ev::Event| {
        let Some(file) = PickedFile::from_input(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = file.text().await.and_then(|text| {
                Agenda::from_json(&text).map_err(|e| ActionError::NotAnAgenda {
                    name: file.name(),
                    error: e,
                })
            });
            match result {
                Ok(other) => {
                    let (n, f) = agenda.add_all(&other);
                    imported.set(Some(crate::trn!(
                        "Imported {n} new session{following}.",
                        "Imported {n} new sessions{following}.",
                        n,
                        following = now_following(f)
                    )));
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <p class="import">
            <label for="import-agenda">{tr("Import agenda (JSON)")}</label>
            " "
            <input id="import-agenda" type="file" accept=".json,application/json" on:change=import_json />
            <span role="status">{move || imported.get()}</span>
        </p>
    }
}

/// The share link as a QR code, so a phone can scan another's agenda.
#[component]
fn ShareQr(link: Memo<String>, source: ScheduleSource) -> impl IntoView {
    let local_file = matches!(source, ScheduleSource::File { .. }).then(|| {
        view! {
            <p class="share-note">
                {tr("This conference was opened from a file on this device: the link opens it only where the same file is open.")}
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
                    aria-label=tr("QR code: scan to open this agenda")
                    shape-rendering="crispEdges"
                >
                    <rect width=width.to_string() height=width.to_string() fill="#ffffff"></rect>
                    <path d=d fill="#000000"></path>
                </svg>
                <figcaption>{tr("Scan to open this agenda on a phone")}</figcaption>
            </figure>
        }
        .into_any(),
            None => view! {
                <p class="share-qr">
                    {crate::trf!(
                        "This link is too long for one QR code ({n} characters; about {max} scan reliably from a screen): send the link itself instead.",
                        n = n,
                        max = QR_MAX_CHARS
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
