//! A shared agenda (`/agenda/shared#<payload>`): read-only, with a star per
//! session for the visitor's own agenda and "Add all to my agenda", which adds
//! and never replaces.

use crate::browser::location::use_location;
use leptos::prelude::*;

use crate::browser::clock::now_iso;
use crate::browser::page::set_title;
use crate::model::route::Route;
use crate::model::share::decode;
use crate::state::{use_agenda, use_schedule};
use crate::views::session_list::DayGroupedList;

#[component]
pub fn SharedAgendaPage() -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    set_title(&format!("Shared agenda · {}", schedule.conference.title));
    let location = use_location();
    let shared = {
        let schedule = schedule.clone();
        Memo::new(move |_| decode(&location.hash.get(), &schedule))
    };
    let sessions = {
        let schedule = schedule.clone();
        Memo::new(move |_| {
            shared.with(|s| {
                let mut found: Vec<usize> = s
                    .iter()
                    .flat_map(|s| s.sessions.iter())
                    .filter_map(|(id, _)| schedule.session_position(id))
                    .collect();
                found.sort_unstable();
                found.dedup();
                found
            })
        })
    };
    let added = RwSignal::new(None::<usize>);
    let add_all = {
        let schedule = schedule.clone();
        move |_| {
            if let Ok(s) = shared.get_untracked() {
                let n = agenda.add_all(&s.to_agenda(&schedule, &now_iso()));
                added.set(Some(n));
            }
        }
    };
    move || match shared.get() {
        Err(why) => view! {
            <h1>"Shared agenda"</h1>
            <p class="notice warning">{why.to_string()}</p>
        }
        .into_any(),
        Ok(s) => {
            let unknown = s.sessions.len() - sessions.with(Vec::len);
            let own = (!s.own.is_empty()).then(|| {
                let display = crate::state::use_display();
                let items = s
                    .own
                    .iter()
                    .map(|e| {
                        let t = |x: &str| crate::model::time::parse_instant(x);
                        let when = match (t(&e.start), t(&e.end)) {
                            (Some(a), Some(b)) => format!(
                                "{}, {}",
                                crate::model::time::long_day(display.show(a).date_naive()),
                                crate::model::time::clock_range(&display.show(a), &display.show(b))
                            ),
                            _ => String::new(),
                        };
                        let place = (!e.place.is_empty()).then(|| format!(" · {}", e.place));
                        view! { <li><strong>{e.title.clone()}</strong> " · " {when} {place}</li> }
                    })
                    .collect_view();
                view! {
                    <section aria-labelledby="shared-own">
                        <h2 id="shared-own">"Their own entries"</h2>
                        <ul class="shared-own">{items}</ul>
                    </section>
                }
            });
            view! {
                <h1>"Shared agenda"</h1>
                <p>
                    {format!("{} session(s) shared with you. ", s.sessions.len())}
                    "Your own agenda is not changed unless you say so. "
                    <a href=Route::Agenda.href()>"My agenda"</a>
                </p>
                {(unknown > 0)
                    .then(|| {
                        view! {
                            <p class="notice warning">
                                {format!("{unknown} shared session(s) are not in this schedule.")}
                            </p>
                        }
                    })}
                <p>
                    <button type="button" class="primary" on:click=add_all.clone()>
                        "Add all to my agenda"
                    </button>
                    <span role="status">
                        {move || {
                            added
                                .get()
                                .map(|n| format!(" Added {n} session(s) to your agenda."))
                        }}
                    </span>
                </p>
                {own}
                <DayGroupedList sessions=sessions.into() />
            }
            .into_any()
        }
    }
}
