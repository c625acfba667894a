//! The timetable (`/timetable/<YYYY-MM-DD>`): one day, rooms as columns, time
//! as rows of five minutes, each session a block as tall as it is long, with
//! a "now" line on the current day. On narrow screens the same blocks, which
//! are in time order in the document, become a list (style.css).

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::page::Missing;
use crate::model::route::Route;
use crate::model::time::{clock, clock_range, long_day, short_day, Instant};
use crate::model::timetable::{Block, DayLayout, Grid, LABEL_ROWS, ROW_REM};
use crate::model::words::tr;
use crate::state::{use_clock, use_display, use_schedule, RoomChoice};
use crate::trf;
use crate::views::route_item::{use_route_item, RouteItem};
use crate::views::star::StarButton;

/// The timetable grid and the room chooser: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const TIMETABLE_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(timetable_view()),
    preload: || Box::pin(preload_timetable_view()),
};

#[wasm_split_helpers::wasm_split(timetable, fallible, preload(preload_timetable_view))]
fn timetable_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <TimetablePage /> }.into_any())
}

#[component]
pub fn TimetablePage() -> impl IntoView {
    let schedule = use_schedule();
    // `/timetable` alone opens the first day (`model::page::item_of`).
    let RouteItem { raw, index } = use_route_item();
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
                    <a href=Route::Timetable(Some(d.to_string())).href()>{label}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>
            {tr("Timetable")}
            {move || day.get().map(|d| format!(", {}", long_day(d)))}
        </h1>
        <nav aria-label=tr("Days") class="day-nav">
            <ul>{day_links}</ul>
        </nav>
        <RoomChooser />
        {move || {
            let hidden = expect_context::<RoomChoice>().hidden.get();
            match day.get() {
                None => view! {
                    <p>
                        {format!("{} ", Missing::Day.sentence(&raw.get()))}
                        <a href=Route::Timetable(None).href()>{tr("See the first day")}</a> "."
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
            0 => trf!("Rooms: all {total} shown", total = total),
            n => trf!(
                "Rooms: {shown} of {total} shown",
                shown = total - n,
                total = total
            ),
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
                <button type="button" on:click=move |_| choice.set(Vec::new())>{tr("Show all rooms")}</button>
                <button type="button" on:click=move |_| choice.set(all_ids.clone())>{tr("Hide all rooms")}</button>
            </div>
            <fieldset class="tracks room-choices">
                <legend>{tr("Rooms shown")}</legend>
                {boxes}
            </fieldset>
        </details>
    })
}

/// One day's grid, laid out by `model::timetable`: the room names, the time
/// labels, a block per session and the "now" line.
#[component]
fn DayGrid(day: NaiveDate, hidden: Vec<String>) -> impl IntoView {
    let schedule = use_schedule();
    let grid = match DayLayout::of_day(&schedule, day, &hidden) {
        DayLayout::NoSessions => {
            return view! { <p>{tr("No sessions on this day.")}</p> }.into_any()
        }
        DayLayout::AllRoomsHidden => return view! {
            <p class="notice">
                {tr(
                    "Every room with sessions on this day is hidden: choose rooms to show above.",
                )}
            </p>
        }
        .into_any(),
        DayLayout::Grid(grid) => Arc::new(grid),
    };
    let (columns, rows) = (grid.columns(), grid.rows());
    let headers = grid
        .room_columns()
        .map(|(r, column)| {
            let room = &schedule.rooms[r];
            view! { <RoomHeader name=room.name.clone() id=room.id.clone() column /> }
        })
        .collect_view();
    let labels = grid
        .labels
        .iter()
        .map(|&(at, row)| view! { <TimeLabel at row /> })
        .collect_view();
    let blocks = grid
        .blocks
        .iter()
        .map(|block| view! { <GridBlock block=block.clone() /> })
        .collect_view();
    view! {
        <div class="timetable-scroll">
            <div
                class="timetable"
                style:grid-template-columns=format!("4rem repeat({columns}, minmax(11rem, 1fr))")
                style:grid-template-rows=format!("auto repeat({}, {ROW_REM}rem)", rows - 1)
            >
                {headers}
                {labels}
                {blocks}
                <NowLine grid />
            </div>
        </div>
    }
    .into_any()
}

/// A room's name above its column, linked to the room's page.
#[component]
fn RoomHeader(name: String, id: String, column: usize) -> impl IntoView {
    view! {
        <div class="tt-room" role="presentation" style:grid-column=column.to_string()>
            <a href=Route::Room(id).href()>{name}</a>
        </div>
    }
}

/// A time down the side, every half hour, in the zone the viewer chose.
#[component]
fn TimeLabel(at: Instant, row: i64) -> impl IntoView {
    let display = use_display();
    view! {
        <div class="tt-time" aria-hidden="true" style:grid-row=format!("{row} / span {LABEL_ROWS}")>
            {move || clock(&display.show(at))}
        </div>
    }
}

/// A session's block, as tall as the session is long.
#[component]
fn GridBlock(block: Block) -> impl IntoView {
    let schedule = use_schedule();
    let display = use_display();
    let s = &schedule.sessions[block.session];
    let colour = schedule
        .track_of(s)
        .and_then(|t| t.color.clone())
        .unwrap_or_else(|| "transparent".into());
    let heading = format!("tt-{}", block.session);
    let heading_id = heading.clone();
    let room = schedule.room_name(s).to_string();
    let (start, end) = (s.start, s.end);
    let (first_row, end_row) = block.rows;
    view! {
        <article
            class="tt-session"
            aria-labelledby=heading
            style:--lines=block.title_lines.to_string()
            style:grid-column=block.column.to_string()
            style:grid-row=format!("{first_row} / {end_row}")
            style:--track-colour=colour
        >
            <h3 id=heading_id>
                // The full title is in the link's title: long ones end in an ellipsis.
                <a href=Route::Session(s.id.clone()).href() title=s.title.clone()>{s.title.clone()}</a>
            </h3>
            <p class="tt-meta">
                {move || clock_range(&display.show(start), &display.show(end))}
                <span class="tt-room-inline">{format!(" · {room}")}</span>
            </p>
            <StarButton session_id=s.id.clone() title=s.title.clone() />
        </article>
    }
}

/// The red "now" line across the day, moving with the shared clock; absent
/// while now is outside the day shown.
#[component]
fn NowLine(grid: Arc<Grid>) -> impl IntoView {
    let display = use_display();
    let now = use_clock().now;
    move || {
        let at = now.get();
        grid.now_row(at).map(|row| {
            view! {
                <div
                    class="tt-now"
                    role="note"
                    aria-label=move || trf!("Now, {time}", time = clock(&display.show(at)))
                    style:grid-row=row.to_string()
                    style:grid-column=format!("1 / {}", grid.end_line())
                ></div>
            }
        })
    }
}
