//! "What you follow": each followed track, speaker and room with its
//! upcoming sessions, a link to its page and a button to stop following.

use leptos::prelude::*;

use crate::model::follow::{FollowEntry, Followed};
use crate::model::route::Route;
use crate::model::time::day_and_clock;
use crate::model::words::tr;
use crate::state::{use_agenda, use_clock, use_display, use_schedule};
use crate::trf;
use crate::views::follow::FollowButton;

/// How many upcoming sessions each followed thing lists; its page has all.
const UPCOMING_SHOWN: usize = 5;

/// The section, shown once something is followed.
#[component]
pub fn FollowedThings() -> impl IntoView {
    let agenda = use_agenda();
    let follows = Memo::new(move |_| {
        agenda.agenda.with(|a| {
            a.follows()
                .map(|(f, e)| (f.clone(), e.clone()))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = follows.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(followed, entry)| view! { <FollowedThing followed entry /> })
                .collect_view();
            view! {
                <section class="followed" aria-labelledby="followed-heading">
                    <h2 id="followed-heading">{tr("What you follow")}</h2>
                    <ul class="followed-list">{items}</ul>
                </section>
            }
        })
    }
}

/// One followed thing: its kind and name (a link to its page), the button,
/// and its upcoming sessions by the app's clock.
#[component]
fn FollowedThing(followed: Followed, entry: FollowEntry) -> impl IntoView {
    let schedule = use_schedule();
    let clock = use_clock();
    let display = use_display();
    let known = followed.index(&schedule).is_some();
    let name = followed.display_name(&schedule, &entry);
    let heading = if known {
        view! { <a href=followed.route().href()>{name.clone()}</a> }.into_any()
    } else {
        view! { <span>{name.clone()}</span> {tr(" (no longer in the schedule)")} }.into_any()
    };
    let upcoming = {
        let followed = followed.clone();
        let schedule = schedule.clone();
        move || {
            let found = followed.upcoming(&schedule, clock.now.get());
            if found.is_empty() {
                return view! { <p class="followed-none">{tr("No upcoming sessions.")}</p> }
                    .into_any();
            }
            let more = found.len().saturating_sub(UPCOMING_SHOWN);
            let items = found
                .iter()
                .take(UPCOMING_SHOWN)
                .map(|&i| {
                    let s = &schedule.sessions[i];
                    let when = day_and_clock(&display.show(s.start));
                    let room = schedule.room_name(s);
                    let place = (!room.is_empty()).then(|| format!(", {room}"));
                    view! {
                        <li>
                            <a href=Route::Session(s.id.clone()).href()>{s.title.clone()}</a>
                            <span class="when">" · " {when} {place}</span>
                        </li>
                    }
                })
                .collect_view();
            let more = (more > 0).then(|| {
                view! {
                    <p class="followed-more">
                        <a href=followed.route().href()>{crate::trn!("{n} more on its page", "{n} more on its page", more)}</a>
                    </p>
                }
            });
            view! {
                <ul class="followed-sessions">{items}</ul>
                {more}
            }
            .into_any()
        }
    };
    view! {
        <li class="followed-thing">
            <div class="followed-head">
                <h3>
                    <span class="kind">{trf!("{kind}: ", kind = followed.kind.label())}</span>
                    {heading}
                </h3>
                <FollowButton kind=followed.kind id=followed.id.clone() name />
            </div>
            {upcoming}
        </li>
    }
}
