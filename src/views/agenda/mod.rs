//! "My agenda" (`/agenda`): starred sessions and the user's own entries by
//! day with clashes and free time, what changed about them, export and
//! sharing. One file per part.

mod actions;
mod days;
mod follows;
mod notes;
mod own;

use leptos::prelude::*;

use crate::model::route::Route;
use crate::model::words::tr;
use crate::state::{use_agenda, use_schedule};

use actions::AgendaActions;
use days::AgendaDays;
use notes::{ChangedStars, MissingStars};

/// My agenda with its tools (share, QR, iCalendar, own entries, clashes): a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const AGENDA_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(agenda_view()),
    preload: || Box::pin(preload_agenda_view()),
};

#[wasm_split_helpers::wasm_split(agenda, fallible, preload(preload_agenda_view))]
fn agenda_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <AgendaPage /> }.into_any())
}

/// The page: heading and hint, notes about starred sessions, the days,
/// what the user follows, then export, sharing, reminders and the storage
/// promise.
#[component]
pub fn AgendaPage() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    // What the days show: starred sessions and own entries (not levels, which
    // change in place without redrawing the cards).
    let planned = Memo::new(move |_| agenda.agenda.with(|a| a.plan_key(&schedule)));
    let empty = move || agenda.agenda.with(|a| !a.has_plan());
    let persistence = move || {
        agenda.persistent.get().map(|granted| {
            if granted {
                tr("Your browser has agreed to keep this agenda even when it runs short of space.")
            } else {
                tr("Your browser has not promised to keep this site's data: it may clear this agenda if it runs short of space, or after weeks without a visit.")
            }
        })
    };
    view! {
        <h1>{tr("My agenda")}</h1>
        <Show when=empty>
            <p class="empty-hint">
                {tr("Nothing starred yet. Press ☆ on any session of the ")}
                <a href=Route::Programme.href()>{tr("programme")}</a> {tr(" to add it here.")}
            </p>
        </Show>
        <ChangedStars />
        <MissingStars />
        <AgendaDays planned />
        <follows::FollowedThings />
        // After the days: on a phone the first screen shows sessions.
        <own::AddOwnEntry />
        // The sessions come first on a phone; export, sharing and settings after them.
        <section class="agenda-extras" aria-labelledby="agenda-extras-heading">
            <h2 id="agenda-extras-heading">{tr("Export, share and remind")}</h2>
            <AgendaActions />
            <crate::views::reminders::ReminderToggle />
            <p class="persistence">{persistence}</p>
        </section>
    }
}
