//! "Conferences" (`/conferences`): every schedule opened on this device,
//! with its dates and what is stored for it, to switch to another one or to
//! remove one with its stored data after a confirmation that names it.

use leptos::prelude::*;

use crate::browser::{conferences, files};
use crate::model::conferences::KnownConference;
use crate::model::route::Route;
use crate::model::words::tr;
use crate::state::{use_agenda, use_schedule, AppStatus};
use crate::{trf, trn};

/// "3 starred sessions, 1 own entry" (or "nothing starred").
fn stored_words(stars: usize, own: usize) -> String {
    let starred = |n: usize| trn!("{n} starred session", "{n} starred sessions", n);
    let entries = |n: usize| trn!("{n} own entry", "{n} own entries", n);
    match (stars, own) {
        (0, 0) => tr("nothing starred").into(),
        (s, 0) => starred(s),
        (0, o) => entries(o),
        (s, o) => format!("{}, {}", starred(s), entries(o)),
    }
}

/// One conference: title, dates, what is stored; Open, or Remove with a confirmation.
#[component]
fn ConferenceItem(
    conference: KnownConference,
    index: usize,
    current: bool,
    gone: RwSignal<Vec<String>>,
) -> impl IntoView {
    let agenda = use_agenda();
    let (stars, own, backups) = conferences::stored_counts(&conference);
    // The open conference's counts follow its live agenda.
    let counts = move || {
        if current {
            agenda
                .agenda
                .with(|a| stored_words(a.len(), a.own().count()))
        } else {
            stored_words(stars, own)
        }
    };
    let confirming = RwSignal::new(false);
    let title = conference.title.clone();
    let what = removal_words(stored_words(stars, own), backups);
    let open = {
        let source = conference.source.clone();
        move |_| {
            files::remember_source(&source);
            files::reload_at(&Route::Programme.href());
        }
    };
    let heading = format!("conference-{index}");
    let heading_id = heading.clone();
    view! {
        <li class="conference-card" aria-labelledby=heading>
            <h2 id=heading_id>{title.clone()}</h2>
            <p class="conference-facts">
                {conference.dates()} " · " {counts}
                {current.then(|| view! { " · " <strong>{tr("open now")}</strong> })}
            </p>
            <p class="conference-source">{conference.source.describe()}</p>
            <div class="conference-actions">
                {(!current)
                    .then(|| {
                        view! {
                            <button type="button" class="primary" aria-label=trf!("Open {title}", title = title) on:click=open>
                                {tr("Open")}
                            </button>
                            <button
                                type="button"
                                aria-label=trf!("Remove {title}", title = title)
                                aria-expanded=move || confirming.get().to_string()
                                on:click=move |_| confirming.set(true)
                            >
                                {tr("Remove")}
                            </button>
                        }
                    })}
            </div>
            <Show when=move || confirming.get()>
                <RemoveConfirm conference=conference.clone() what=what.clone() confirming gone />
            </Show>
        </li>
    }
}

/// What removing a conference deletes, in words: "its agenda (1 starred
/// session), the saved copy of its schedule, …".
fn removal_words(agenda: String, backups: usize) -> String {
    let mut parts = vec![trf!("its agenda ({agenda})", agenda = agenda)];
    if backups > 0 {
        parts.push(trn!(
            "{n} kept copy of an unreadable agenda",
            "{n} kept copies of an unreadable agenda",
            backups
        ));
    }
    parts.push(tr("the saved copy of its schedule and what changed since").into());
    parts.push(tr("the time zone and the rooms chosen for it").into());
    parts.join(", ")
}

/// "Remove … from this device? This deletes …": the one step before data goes.
#[component]
fn RemoveConfirm(
    conference: KnownConference,
    what: String,
    confirming: RwSignal<bool>,
    gone: RwSignal<Vec<String>>,
) -> impl IntoView {
    let question = trf!(
        "Remove {title} from this device? This deletes {what}. It cannot be undone.",
        title = conference.title,
        what = what
    );
    let remove = move |_| {
        let conference = conference.clone();
        leptos::task::spawn_local(async move {
            conferences::remove(&conference).await;
            gone.update(|g| g.push(conference.source.zone_key()));
        });
    };
    view! {
        <div class="notice warning confirm" role="alertdialog" aria-label=tr("Confirm removal")>
            <p>{question}</p>
            <button type="button" class="danger" on:click=remove>
                {tr("Remove and delete its data")}
            </button>
            <button type="button" on:click=move |_| confirming.set(false)>
                {tr("Cancel")}
            </button>
        </div>
    }
}

/// The conferences opened on this device: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const CONFERENCES_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(conferences_view()),
    preload: || Box::pin(preload_conferences_view()),
};

#[wasm_split_helpers::wasm_split(conferences, fallible, preload(preload_conferences_view))]
fn conferences_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <ConferencesPage /> }.into_any())
}

#[component]
pub fn ConferencesPage() -> impl IntoView {
    let schedule = use_schedule();
    let source = expect_context::<AppStatus>().source.get_value();
    let gone = RwSignal::new(Vec::<String>::new());
    // The note of this visit is written after the page is drawn (a lazily
    // loaded part of its own): on a first visit that opens this page
    // directly, it may not be written yet, so the page writes it first.
    conferences::record(crate::model::conferences::KnownConference::of(
        &schedule,
        &source,
        &crate::browser::clock::now_iso(),
    ));
    let list = conferences::load();
    let items = move || {
        let removed = gone.get();
        list.list()
            .iter()
            .enumerate()
            .filter(|(_, c)| !removed.contains(&c.source.zone_key()))
            .map(|(index, c)| {
                let current = c.source == source;
                view! { <ConferenceItem conference=c.clone() index current gone /> }
            })
            .collect_view()
    };
    view! {
        <h1>{tr("Conferences")}</h1>
        <p>
            {tr(
                "Every schedule opened on this device, the most recent first. Each keeps its own agenda.",
            )}
        </p>
        <ul class="conference-list">{items}</ul>
        <crate::views::open_schedule::OpenSchedule />
    }
}
