//! Notes about starred sessions: those that changed since they were starred
//! (with "OK"), and those the schedule no longer has (with "Dismiss"), in
//! the words of every change (`model::changes::words`).

use leptos::prelude::*;

use crate::model::changes::words;
use crate::model::words::tr;
use crate::state::{use_agenda, use_display, use_schedule};

/// "Changed since you starred them": now and was, in the shown zone.
#[component]
pub fn ChangedStars() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let display = use_display();
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
                    let text = words(
                        Some(c.was.facts()),
                        Some((now, schedule.room_name(now))),
                        c.difference.moved,
                        &|t| display.show(t),
                    )
                    .line();
                    let id = now.id.clone();
                    let schedule = schedule.clone();
                    let label = crate::trf!("OK, noted: {title}", title = now.title);
                    view! {
                        <li>
                            {text} " "
                            <button
                                type="button"
                                aria-label=label
                                on:click=move |_| agenda.acknowledge(&schedule, &id)
                            >
                                {tr("OK")}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <Show when=move || !changed.with(Vec::is_empty)>
            <section class="changed" aria-labelledby="changed-heading">
                <h2 id="changed-heading">{tr("Changed since you starred them")}</h2>
                <ul>{changed_items.clone()}</ul>
            </section>
        </Show>
    }
}

/// "No longer in the schedule": the last known title, time and room.
#[component]
pub fn MissingStars() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let display = use_display();
    let missing = Memo::new(move |_| {
        agenda.agenda.with(|a| {
            a.missing(&schedule)
                .into_iter()
                .map(|(id, e)| (id.to_string(), e.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !missing.with(Vec::is_empty)>
            <section class="missing" aria-labelledby="missing-heading">
                <h2 id="missing-heading">{tr("No longer in the schedule")}</h2>
                <ul>
                    <For
                        each=move || missing.get()
                        key=|(id, _)| id.clone()
                        children=move |(id, entry)| {
                            let show = |t| display.show(t);
                            let was = words(Some(entry.facts()), None, false, &show).was;
                            let when = (!was.is_empty()).then(|| crate::trf!(" (was {was})", was = was));
                            let label = crate::trf!("Dismiss {title}", title = entry.title);
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
                                        {tr("Dismiss")}
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
    }
}
