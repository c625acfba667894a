//! The star: adds a session to, or removes it from, the personal agenda.
//! Its name says what pressing it does ("Add to agenda: …"), so per
//! docs/decisions.md it carries no `aria-pressed`.

use leptos::prelude::*;

use crate::model::agenda::Level;
use crate::state::{use_agenda, use_schedule};

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
            format!("Remove from agenda: {title}")
        } else {
            format!("Add to agenda: {title}")
        }
    };
    view! {
        <button
            type="button"
            class="star"
            class:starred=move || starred.get()
            aria-label=label
            title=move || if starred.get() { "Remove from agenda" } else { "Add to agenda" }
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
                Level::Must => (format!("Mark as maybe: {title}"), Level::Maybe, "Must"),
                Level::Maybe => (format!("Mark as must: {title}"), Level::Must, "Maybe"),
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
