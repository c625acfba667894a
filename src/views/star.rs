//! The star: adds a session to, or removes it from, the personal agenda.
//! Its name says what pressing it does ("Add to agenda: …"), so per
//! docs/decisions.md it carries no `aria-pressed`.

use leptos::prelude::*;

use crate::model::agenda::Level;
use crate::model::words::tr;
use crate::state::{use_agenda, use_schedule};
use crate::trf;

#[component]
pub fn StarButton(session_id: String, title: String) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let starred = {
        let id = session_id.clone();
        Memo::new(move |_| agenda.agenda.with(|a| a.contains(&id)))
    };
    let label = move || {
        if starred.get() {
            trf!("Remove from agenda: {title}", title = title)
        } else {
            trf!("Add to agenda: {title}", title = title)
        }
    };
    view! {
        <button
            type="button"
            class="star"
            class:starred=move || starred.get()
            aria-label=label
            title=move || {
                if starred.get() { tr("Remove from agenda") } else { tr("Add to agenda") }
            }
            on:click=move |_| agenda.toggle(&schedule, &session_id)
        >
            <span aria-hidden="true">{move || if starred.get() { "★" } else { "☆" }}</span>
        </button>
    }
}

/// Must / maybe, on a starred session: one button whose name says what it does.
#[component]
pub fn LevelButton(session_id: String, title: String) -> impl IntoView {
    let agenda = use_agenda();
    let level = {
        let id = session_id.clone();
        Memo::new(move |_| agenda.agenda.with(|a| a.entry(&id).map(|e| e.level)))
    };
    move || {
        level.get().map(|current| {
            let (label, next, text) = match current {
                Level::Must => (
                    trf!("Mark as maybe: {title}", title = title),
                    Level::Maybe,
                    tr("Must"),
                ),
                Level::Maybe => (
                    trf!("Mark as must: {title}", title = title),
                    Level::Must,
                    tr("Maybe"),
                ),
            };
            let id = session_id.clone();
            view! {
                <button
                    type="button"
                    class="level"
                    class:maybe=current == Level::Maybe
                    aria-label=label
                    on:click=move |_| agenda.set_level(&id, next)
                >
                    {text}
                </button>
            }
        })
    }
}
