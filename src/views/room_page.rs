//! A room's page (`/room/<slug>`): where it is (its description, location
//! and floor), how many it seats, its stream, map or directions links, how
//! to get there (the venue file's directions and map image), what is on
//! there now and next, and all its sessions by day. The file's texts are
//! shown as text nodes: markup in them is shown, never run.

use leptos::prelude::*;

use crate::model::follow::FollowKind;
use crate::model::page::Missing;
use crate::model::plan::{on_now_and_next, NowAndNext};
use crate::model::route::{under_base, Route};
use crate::model::schedule::Room;
use crate::model::text::paragraphs;
use crate::model::time::clock;
use crate::model::words::tr;
use crate::state::{use_clock, use_display, use_schedule};
use crate::views::follow::FollowButton;
use crate::views::route_item::{use_route_item, NotInSchedule, RouteItem};
use crate::views::session_list::DayGroupedList;

/// A room's page: a lazily loaded part ([`crate::views::lazy`]), its split
/// point beside the component.
pub const ROOM_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(room_view()),
    preload: || Box::pin(preload_room_view()),
};

#[wasm_split_helpers::wasm_split(room, fallible, preload(preload_room_view))]
fn room_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <RoomPage /> }.into_any())
}

#[component]
pub fn RoomPage() -> impl IntoView {
    let RouteItem { raw, index } = use_route_item();
    move || match index.get() {
        None => view! {
            <NotInSchedule
                what=Missing::Room
                given=raw.get()
                back_href=Route::Programme.href()
                back_label=tr("See the whole programme")
            />
        }
        .into_any(),
        Some(i) => view! { <RoomDetail index=i /> }.into_any(),
    }
}

/// The room: its name, what the file says about it, now and next there,
/// and its sessions.
#[component]
fn RoomDetail(index: usize) -> impl IntoView {
    let schedule = use_schedule();
    let room = schedule.rooms[index].clone();
    let sessions = schedule.sessions_in_room(index);
    let list = if sessions.is_empty() {
        view! { <p>{tr("No sessions take place in this room.")}</p> }.into_any()
    } else {
        view! {
            <RoomNowAndNext sessions=sessions.clone() />
            <DayGroupedList sessions=Signal::stored(sessions) />
        }
        .into_any()
    };
    let follow = view! {
        <FollowButton kind=FollowKind::Room id=room.id.clone() name=room.name.clone() />
    };
    view! {
        <div class="page-head">
            <h1>{room.name.clone()}</h1>
            {follow}
        </div>
        <RoomAbout room />
        {list}
    }
}

/// Its description in paragraphs, location and floor, seats, links, and
/// how to get there (directions in paragraphs, the map image, which links
/// to itself at full size); nothing of what the file does not say.
#[component]
fn RoomAbout(room: Room) -> impl IntoView {
    let description = room.description().map(|text| {
        let shown = paragraphs(text)
            .into_iter()
            .map(|p| view! { <p>{p.to_string()}</p> })
            .collect_view();
        view! { <div class="room-description">{shown}</div> }
    });
    let facts = (room.location.is_some() || room.floor.is_some()).then(|| {
        view! {
            <dl class="facts room-facts">
                {room.location.clone().map(|l| view! { <dt>{tr("Location")}</dt> <dd>{l}</dd> })}
                {room.floor.clone().map(|f| view! { <dt>{tr("Floor")}</dt> <dd>{f}</dd> })}
            </dl>
        }
    });
    let seats = room
        .seats()
        .map(|s| view! { <p class="room-seats">{s}</p> });
    let links = (!room.links.is_empty()).then(|| {
        let items = room
            .links
            .iter()
            .map(|l| {
                let kind = l.kind.label();
                let words = (l.title != kind).then(|| format!(" ({kind})"));
                view! {
                    <li>
                        <a href=l.url.clone() rel="external noopener noreferrer" target="_blank">
                            {l.title.clone()}
                        </a>
                        {words}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="room-links">{items}</ul> }
    });
    let way = (room.directions.is_some() || room.map_image.is_some()).then(|| {
        let directions = room.directions.as_deref().map(|text| {
            paragraphs(text)
                .into_iter()
                .map(|p| view! { <p>{p.to_string()}</p> })
                .collect_view()
        });
        let map = room.map_image.as_deref().map(|path| {
            let src = under_base(path);
            let href = src.clone();
            let alt = crate::trf!("Map of {room}", room = room.name);
            view! {
                <figure class="room-map">
                    <a href=href>
                        <img src=src alt=alt loading="lazy" />
                    </a>
                </figure>
            }
        });
        view! {
            <section class="room-way" aria-labelledby="room-way">
                <h2 id="room-way">{tr("How to get there")}</h2>
                {directions}
                {map}
            </section>
        }
    });
    view! {
        {description}
        {facts}
        {seats}
        {links}
        {way}
    }
}

/// "On now" and "Next" in this room by the app's one clock, while the
/// conference runs (a page built before it says nothing of either).
#[component]
fn RoomNowAndNext(sessions: Vec<usize>) -> impl IntoView {
    let schedule = use_schedule();
    let display = use_display();
    let clock_state = use_clock();
    move || {
        if !matches!(clock_state.state.get(), NowAndNext::Running { .. }) {
            return None;
        }
        let (now, next) = on_now_and_next(&schedule, &sessions, clock_state.now.get());
        let empty = now.is_empty() && next.is_empty();
        let line = |i: usize, on_now: bool| {
            let s = &schedule.sessions[i];
            let label = if on_now {
                let time = clock(&display.show(s.end));
                format!("{} ", crate::trf!("On now, until {time}:", time = time))
            } else {
                let time = clock(&display.show(s.start));
                format!("{} ", crate::trf!("Next, at {time}:", time = time))
            };
            view! {
                <li>
                    {label}
                    <a href=Route::Session(s.id.clone()).href()>{s.title.clone()}</a>
                </li>
            }
        };
        let items = now
            .iter()
            .map(|&i| line(i, true))
            .chain(next.iter().map(|&i| line(i, false)))
            .collect_view();
        Some(view! {
            <section class="room-now" aria-labelledby="room-now">
                <h2 id="room-now">{tr("Now & next here")}</h2>
                {if empty {
                    view! { <p>{tr("Nothing more takes place in this room.")}</p> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }}
            </section>
        })
    }
}
