//! The timetable (`/timetable/<YYYY-MM-DD>`): one day, rooms as columns, time
//! as rows of five minutes, each session a block as tall as it is long, with
//! a "now" line on the current day. On narrow screens the same blocks, which
//! are in time order in the document, become a list (style.css).

use leptos::prelude::*;

use chrono::NaiveDate;

use crate::model::plan::day_span;
use crate::model::time::Instant;

use crate::browser::clock::now;
use crate::model::time::{clock, clock_range, long_day, parse_ymd, short_day};
use crate::state::{use_display, use_schedule, RoomChoice};
use crate::views::route_item::{use_route_item, RouteItem};
use crate::views::session_card::session_href;
use crate::views::star::StarButton;

const SLOT_MINUTES: i64 = 5;

#[component]
pub fn TimetablePage() -> impl IntoView {
    let schedule = use_schedule();
    // `/timetable` alone opens the first day.
    let RouteItem { raw, index } = use_route_item(
        |s, d| match d {
            "" => (!s.days.is_empty()).then_some(0),
            d => parse_ymd(d).and_then(|d| s.days.iter().position(|x| *x == d)),
        },
        |s, i| format!("Timetable, {}", long_day(s.days[i])),
        "Timetable, unknown day",
    );
    let day = {
        let schedule = schedule.clone();
        Memo::new(move |_| index.get().map(|i| schedule.days[i]))
    };
    let day_links = schedule
        .days
        .iter()
        .map(|&d| {
            let label = short_day(d);
            view! {
                <li>
                    <a href=format!("/timetable/{d}")>{label}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>
            "Timetable"
            {move || day.get().map(|d| format!(", {}", long_day(d)))}
        </h1>
        <nav aria-label="Days" class="day-nav">
            <ul>{day_links}</ul>
        </nav>
        <RoomChooser />
        {move || {
            let hidden = expect_context::<RoomChoice>().hidden.get();
            match day.get() {
                None => view! {
                    <p>{format!("This schedule has no day “{}”. ", raw.get())}
                        <a href="/timetable">"See the first day"</a> "."
                    </p>
                }
                .into_any(),
                Some(d) => view! { <DayGrid day=d hidden /> }.into_any(),
            }
        }}
    }
}

/// Which room columns the timetable shows: a checkbox per room (for a
/// conference with 40 rooms, the few one cares about), remembered per
/// conference. Shown when the schedule has more than one room.
#[component]
fn RoomChooser() -> impl IntoView {
    let schedule = use_schedule();
    let choice = expect_context::<RoomChoice>();
    if schedule.rooms.len() < 2 {
        return None;
    }
    let total = schedule.rooms.len();
    let all_ids: Vec<String> = schedule.rooms.iter().map(|r| r.id.clone()).collect();
    let summary = move || {
        let hidden = choice.hidden.with(Vec::len);
        match hidden {
            0 => format!("Rooms: all {total} shown"),
            n => format!("Rooms: {} of {total} shown", total - n),
        }
    };
    let boxes = schedule
        .rooms
        .iter()
        .map(|r| {
            let id = r.id.clone();
            let shown = {
                let id = id.clone();
                move || choice.hidden.with(|h| !h.contains(&id))
            };
            let on_change = move |ev| {
                let mut hidden = choice.hidden.get_untracked();
                hidden.retain(|x| *x != id);
                if !event_target_checked(&ev) {
                    hidden.push(id.clone());
                }
                choice.set(hidden);
            };
            view! {
                <label class="track-choice">
                    <input type="checkbox" prop:checked=shown on:change=on_change />
                    {r.name.clone()}
                </label>
            }
        })
        .collect_view();
    Some(view! {
        <details class="room-chooser">
            <summary>{summary}</summary>
            <div class="room-chooser-actions">
                <button type="button" on:click=move |_| choice.set(Vec::new())>"Show all rooms"</button>
                <button type="button" on:click=move |_| choice.set(all_ids.clone())>"Hide all rooms"</button>
            </div>
            <fieldset class="tracks room-choices">
                <legend>"Rooms shown"</legend>
                {boxes}
            </fieldset>
        </details>
    })
}

#[component]
fn DayGrid(day: NaiveDate, hidden: Vec<String>) -> impl IntoView {
    let schedule = use_schedule();
    let display = use_display();
    let day_sessions: Vec<usize> = (0..schedule.sessions.len())
        .filter(|&i| schedule.sessions[i].day() == day)
        .collect();
    // Sessions in hidden rooms are left out; those without a room stay.
    let sessions: Vec<usize> = day_sessions
        .iter()
        .copied()
        .filter(|&i| {
            schedule.sessions[i]
                .room
                .is_none_or(|r| !hidden.contains(&schedule.rooms[r].id))
        })
        .collect();
    if sessions.is_empty() && !day_sessions.is_empty() {
        return view! {
            <p class="notice">"Every room with sessions on this day is hidden: choose rooms to show above."</p>
        }
        .into_any();
    }
    // Rows start on a whole half hour before the first session; the span is
    // bounded (`MAX_DAY_HOURS`), later parts of longer sessions are cut.
    let Some((origin, last)) = day_span(&schedule, &sessions) else {
        return view! { <p>"No sessions on this day."</p> }.into_any();
    };
    let row = |t: Instant| ((t.clamp(origin, last) - origin).num_minutes() / SLOT_MINUTES) + 2;
    let rows = row(last).max(3);
    let mut room_ids: Vec<usize> = sessions
        .iter()
        .filter_map(|&i| schedule.sessions[i].room)
        .collect();
    room_ids.sort_unstable();
    room_ids.dedup();
    let has_roomless = sessions
        .iter()
        .any(|&i| schedule.sessions[i].room.is_none());
    let column_of = |room: Option<usize>| match room {
        Some(r) => room_ids.iter().position(|&x| x == r).unwrap_or(0) + 2,
        None => room_ids.len() + 2,
    };
    let columns = room_ids.len() + usize::from(has_roomless);

    let headers = room_ids
        .iter()
        .enumerate()
        .map(|(c, &r)| {
            let name = schedule.rooms[r].name.clone();
            view! {
                <div class="tt-room" role="presentation" style:grid-column=(c + 2).to_string()>
                    {name}
                </div>
            }
        })
        .collect_view();
    // Half-hour labels down the side.
    let mut labels = Vec::new();
    let mut t = origin;
    while t < last {
        labels.push(t);
        t += chrono::TimeDelta::minutes(30);
    }
    let labels = labels
        .into_iter()
        .map(|t| {
            let r = row(t);
            view! {
                <div class="tt-time" aria-hidden="true" style:grid-row=format!("{r} / span 6")>
                    {move || clock(&display.show(t))}
                </div>
            }
        })
        .collect_view();
    let blocks = sessions
        .iter()
        .map(|&i| {
            let s = &schedule.sessions[i];
            let (r0, r1) = (row(s.start), row(s.end).max(row(s.start) + 1));
            let colour = schedule
                .track_of(s)
                .and_then(|t| t.color.clone())
                .unwrap_or_else(|| "transparent".into());
            let heading = format!("tt-{i}");
            let heading_id = heading.clone();
            let title = s.title.clone();
            let full_title = s.title.clone();
            let href = session_href(&s.id);
            let room = schedule.room_name(s).to_string();
            let (start, end) = (s.start, s.end);
            // Lines of title the block has room for (rows of 0.7rem, a
            // 1.1rem title line, the time line below): the rest ends in an
            // ellipsis, the full title is on the session page.
            let lines = (((r1 - r0) as f32 * 0.7 - 1.4) / 1.1).floor().max(1.0) as u32;
            view! {
                <article
                    class="tt-session"
                    aria-labelledby=heading
                    style:--lines=lines.to_string()
                    style:grid-column=column_of(s.room).to_string()
                    style:grid-row=format!("{r0} / {r1}")
                    style:--track-colour=colour
                >
                    <h3 id=heading_id>
                        <a href=href title=full_title>{title}</a>
                    </h3>
                    <p class="tt-meta">
                        {move || clock_range(&display.show(start), &display.show(end))}
                        <span class="tt-room-inline">{format!(" · {room}")}</span>
                    </p>
                    <StarButton session_id=s.id.clone() title=s.title.clone() />
                </article>
            }
        })
        .collect_view();
    let at = now();
    let now_line = (at >= origin && at < last).then(|| {
        let r = row(at);
        view! {
            <div
                class="tt-now"
                role="note"
                aria-label=move || format!("Now, {}", clock(&display.show(at)))
                style:grid-row=r.to_string()
                style:grid-column=format!("1 / {}", columns + 2)
            ></div>
        }
    });
    view! {
        <div class="timetable-scroll">
            <div
                class="timetable"
                style:grid-template-columns=format!("4rem repeat({columns}, minmax(11rem, 1fr))")
                style:grid-template-rows=format!("auto repeat({}, 0.7rem)", rows - 1)
            >
                {headers}
                {labels}
                {blocks}
                {now_line}
            </div>
        </div>
    }
    .into_any()
}
