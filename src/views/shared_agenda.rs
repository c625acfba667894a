//! A shared agenda (`/agenda/shared#<payload>`): read-only, with a star per
//! session for the visitor's own agenda and "Add all to my agenda", which adds
//! and never replaces.

use crate::browser::location::use_location;
use leptos::prelude::*;

use crate::browser::clock::now_iso;
use crate::model::agenda::OwnEntry;
use crate::model::follow::{now_following, Followed};
use crate::model::route::Route;
use crate::model::share::{decode, SharedAgenda};
use crate::model::time::{clock_range, long_day, parse_instant};
use crate::model::words::tr;
use crate::state::{use_agenda, use_display, use_schedule};
use crate::views::follow::FollowButton;
use crate::views::session_list::DayGroupedList;

/// An agenda someone shared: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const SHARED_AGENDA_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(shared_agenda_view()),
    preload: || Box::pin(preload_shared_agenda_view()),
};

#[wasm_split_helpers::wasm_split(shared_agenda, fallible, preload(preload_shared_agenda_view))]
fn shared_agenda_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <SharedAgendaPage /> }.into_any())
}

#[component]
pub fn SharedAgendaPage() -> impl IntoView {
    let schedule = use_schedule();
    let location = use_location();
    let shared = Memo::new(move |_| decode(&location.hash.get(), &schedule));
    move || match shared.get() {
        Err(why) => view! {
            <h1>{tr("Shared agenda")}</h1>
            <p class="notice warning">{why.to_string()}</p>
        }
        .into_any(),
        Ok(s) => view! { <SharedList shared=s /> }.into_any(),
    }
}

/// The shared sessions (those this schedule has) and own entries, with
/// "Add all to my agenda".
#[component]
fn SharedList(shared: SharedAgenda) -> impl IntoView {
    let schedule = use_schedule();
    let mut found: Vec<usize> = shared
        .sessions
        .iter()
        .filter_map(|(id, _)| schedule.session_position(id))
        .collect();
    found.sort_unstable();
    found.dedup();
    let unknown = shared.sessions.len() - found.len();
    view! {
        <h1>{tr("Shared agenda")}</h1>
        <p>
            {crate::trn!(
                "{n} session shared with you. ",
                "{n} sessions shared with you. ",
                shared.sessions.len()
            )}
            {tr("Your own agenda is not changed unless you say so. ")}
            <a href=Route::Agenda.href()>{tr("My agenda")}</a>
        </p>
        {(unknown > 0)
            .then(|| {
                view! {
                    <p class="notice warning">
                        {crate::trn!(
                            "{n} shared session is not in this schedule.",
                            "{n} shared sessions are not in this schedule.",
                            unknown
                        )}
                    </p>
                }
            })}
        <AddAll shared=shared.clone() />
        <SharedFollows follows=shared.follows.clone() />
        <SharedOwnEntries entries=shared.own />
        <DayGroupedList sessions=Signal::stored(found) />
    }
}

/// "Add all to my agenda", and how many were added.
#[component]
fn AddAll(shared: SharedAgenda) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    // Sessions, then follows, added.
    let added = RwSignal::new(None::<(usize, usize)>);
    let add_all = move |_| {
        let theirs = shared.to_agenda(&schedule, &now_iso());
        added.set(Some(agenda.add_all(&theirs)));
    };
    view! {
        <p>
            <button type="button" class="primary" on:click=add_all>
                {tr("Add all to my agenda")}
            </button>
            <span role="status">
                {move || {
                    added
                        .get()
                        .map(|(n, f)| {
                            crate::trn!(
                                " Added {n} session to your agenda{following}.",
                                " Added {n} sessions to your agenda{following}.",
                                n,
                                following = now_following(f)
                            )
                        })
                }}
            </span>
        </p>
    }
}

/// "They follow": the tracks, speakers and rooms the sharer follows that
/// this schedule has, each with its Follow button; nothing when none.
#[component]
fn SharedFollows(follows: Vec<Followed>) -> impl IntoView {
    let schedule = use_schedule();
    let items = follows
        .iter()
        .filter_map(|f| {
            let name = f.name(&schedule)?.to_string();
            let (kind, id) = (f.kind, f.id.clone());
            Some(view! {
                <li>
                    <a href=f.route().href()>{name.clone()}</a>
                    " "
                    <FollowButton kind id name />
                </li>
            })
        })
        .collect::<Vec<_>>();
    (!items.is_empty()).then(|| {
        view! {
            <section aria-labelledby="shared-follows">
                <h2 id="shared-follows">{tr("They follow")}</h2>
                <ul class="shared-follows">{items}</ul>
            </section>
        }
    })
}

/// "Their own entries": what the sharer planned beside the sessions, in
/// the shown zone; nothing when there are none.
#[component]
fn SharedOwnEntries(entries: Vec<OwnEntry>) -> impl IntoView {
    let display = use_display();
    let items = entries
        .iter()
        .map(|e| {
            let times = parse_instant(&e.start).zip(parse_instant(&e.end));
            let when = move || {
                let (a, b) = times?;
                let (a, b) = (display.show(a), display.show(b));
                Some(format!(
                    "{}, {}",
                    long_day(a.date_naive()),
                    clock_range(&a, &b)
                ))
            };
            let place = (!e.place.is_empty()).then(|| format!(" · {}", e.place));
            view! { <li><strong>{e.title.clone()}</strong> " · " {when} {place}</li> }
        })
        .collect_view();
    (!entries.is_empty()).then(|| {
        view! {
            <section aria-labelledby="shared-own">
                <h2 id="shared-own">{tr("Their own entries")}</h2>
                <ul class="shared-own">{items}</ul>
            </section>
        }
    })
}
