//! Entries of the user's own in My agenda ("Lunch with Ana", "Booth duty
//! 14:00–15:00, Hall B"): the "Add your own entry" form, and the card an
//! own entry shows as among the starred sessions, with Edit and Delete.
//! Times are typed and shown in the zone the viewer chose.

use leptos::prelude::*;

use crate::browser::clock::{now_iso, real_now};
use crate::model::agenda::OwnEntry;
use crate::model::time::{clock_range, parse_instant, wall_clock_value};
use crate::model::words::tr;
use crate::state::{use_agenda, use_display};
use crate::views::error_page::ErrorNotice;

/// The form's fields, as typed.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    title: String,
    start: String,
    end: String,
    place: String,
}

impl Draft {
    /// The fields of an existing entry, in the zone times are shown in.
    fn of(entry: &OwnEntry) -> Draft {
        let display = use_display();
        let wall = |t: &str| {
            parse_instant(t)
                .map(|t| wall_clock_value(&display.show(t)))
                .unwrap_or_default()
        };
        Draft {
            title: entry.title.clone(),
            start: wall(&entry.start),
            end: wall(&entry.end),
            place: entry.place.clone(),
        }
    }
}

/// The form to add an entry (`id` None) or edit one; `done` closes it.
#[component]
fn OwnEntryForm(id: Option<String>, draft: Draft, done: Callback<()>) -> impl IntoView {
    let agenda = use_agenda();
    let display = use_display();
    let fields = RwSignal::new(draft);
    let error = RwSignal::new(None::<String>);
    // Ids unique per form: an edit form may be open beside the add form.
    let prefix = id.clone().unwrap_or_else(|| "new".into());
    let field_id = move |name: &str| format!("own-{prefix}-{name}");
    let save = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let d = fields.get_untracked();
            let made = OwnEntry::new(
                &d.title,
                display.from_wall_clock(&d.start),
                display.from_wall_clock(&d.end),
                &d.place,
                &now_iso(),
            );
            match made {
                Ok(entry) => {
                    let id = id.clone().unwrap_or_else(|| {
                        agenda
                            .agenda
                            .with_untracked(|a| a.new_own_id(real_now().timestamp_millis()))
                    });
                    agenda.put_own(id, entry);
                    done.run(());
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let input = move |name: &'static str, label: &'static str, kind: &'static str| {
        let get = move || {
            fields.with(|d| match name {
                "title" => d.title.clone(),
                "start" => d.start.clone(),
                "end" => d.end.clone(),
                _ => d.place.clone(),
            })
        };
        let set = move |ev| {
            let v = event_target_value(&ev);
            fields.update(|d| match name {
                "title" => d.title = v,
                "start" => d.start = v,
                "end" => d.end = v,
                _ => d.place = v,
            });
        };
        view! {
            <div class="field">
                <label for=field_id(name)>{label}</label>
                <input id=field_id(name) type=kind prop:value=get on:input=set on:change=set />
            </div>
        }
    };
    view! {
        <form class="own-entry-form" on:submit=save>
            {input("title", tr("Title"), "text")}
            {input("start", tr("Start"), "datetime-local")}
            {input("end", tr("End"), "datetime-local")}
            {input("place", tr("Place"), "text")}
            <div class="form-actions">
                <button type="submit" class="primary">{tr("Save")}</button>
                <button type="button" on:click=move |_| done.run(())>{tr("Cancel")}</button>
            </div>
            <ErrorNotice error />
        </form>
    }
}

/// "Add your own entry", opening the form.
#[component]
pub fn AddOwnEntry() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="add-own-entry">
            <button
                type="button"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {tr("Add your own entry")}
            </button>
            <Show when=move || open.get()>
                <OwnEntryForm id=None draft=Draft::default() done=Callback::new(move |_| open.set(false)) />
            </Show>
        </div>
    }
}

/// An own entry among the starred sessions: title, time, place, Edit, Delete.
#[component]
pub fn OwnEntryCard(id: String, children: Children) -> impl IntoView {
    let agenda = use_agenda();
    let display = use_display();
    let entry = agenda
        .agenda
        .with_untracked(|a| a.own_entry(&id).cloned())
        .unwrap_or_default();
    let editing = RwSignal::new(false);
    let (start, end) = (parse_instant(&entry.start), parse_instant(&entry.end));
    let when = move || match (start, end) {
        (Some(a), Some(b)) => clock_range(&display.show(a), &display.show(b)),
        _ => String::new(),
    };
    let heading = format!("{id}-title");
    let heading_id = heading.clone();
    let draft = Draft::of(&entry);
    let delete_label = crate::trf!("Delete {title}", title = entry.title);
    let edit_label = crate::trf!("Edit {title}", title = entry.title);
    let place = (!entry.place.is_empty())
        .then(|| view! { <span class="room">{entry.place.clone()}</span> });
    let remove = {
        let id = id.clone();
        move |_| agenda.remove_own(&id)
    };
    view! {
        <article class="session own-entry" aria-labelledby=heading>
            <p class="session-time">{when}</p>
            <div class="session-body">
                <h3 id=heading_id>{entry.title.clone()}</h3>
                <p class="session-meta">
                    <span class="kind">{tr("Your entry")}</span>
                    {place}
                </p>
                {children()}
            </div>
            <div class="card-actions">
                <button type="button" aria-label=edit_label on:click=move |_| editing.update(|e| *e = !*e)>
                    {tr("Edit")}
                </button>
                <button type="button" aria-label=delete_label on:click=remove>
                    {tr("Delete")}
                </button>
            </div>
        </article>
        <Show when=move || editing.get()>
            <OwnEntryForm
                id=Some(id.clone())
                draft=draft.clone()
                done=Callback::new(move |_| editing.set(false))
            />
        </Show>
    }
}
