//! "My agenda" (`/agenda`): starred sessions by day, and starred sessions the
//! schedule no longer has, named by what we last knew of them.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::page::set_title;
use crate::state::{use_agenda, use_schedule};
use crate::views::session_list::DayGroupedList;

#[component]
pub fn AgendaPage() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
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
    let empty = move || agenda.agenda.with(|a| a.is_empty());
    view! {
        <h1>"My agenda"</h1>
        <Show when=empty>
            <p class="empty-hint">
                "Nothing starred yet. Press ☆ on any session of the "
                <A href="/">"programme"</A> " to add it here."
            </p>
        </Show>
        <Show when=move || !missing.with(Vec::is_empty)>
            <section class="missing" aria-labelledby="missing-heading">
                <h2 id="missing-heading">"No longer in the schedule"</h2>
                <ul>
                    <For
                        each=move || missing.get()
                        key=|(id, _)| id.clone()
                        children=move |(id, entry)| {
                            let when = chrono::DateTime::parse_from_rfc3339(&entry.start)
                                .map(|t| {
                                    format!(
                                        " (was {} {}{})",
                                        crate::model::time::short_day(t.date_naive()),
                                        crate::model::time::clock(&t),
                                        if entry.room.is_empty() {
                                            String::new()
                                        } else {
                                            format!(", {}", entry.room)
                                        },
                                    )
                                })
                                .unwrap_or_default();
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
        <DayGroupedList sessions=scheduled.into() />
    }
}
