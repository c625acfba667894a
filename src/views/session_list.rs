//! A list of sessions grouped under day headings, keyed so that filtering only
//! adds and removes cards instead of re-rendering the list.

use leptos::prelude::*;

use crate::model::live::card_key;
use crate::model::schedule::group_by_day;
use crate::model::time::long_day;
use crate::state::use_schedule_signal;
use crate::trf;
use crate::views::session_card::SessionCard;

use crate::model::filter::Paging;

#[component]
pub fn DayGroupedList(
    /// Schedule indices of the sessions to show, in time order.
    sessions: Signal<Vec<usize>>,
) -> impl IntoView {
    let schedule = use_schedule_signal();
    // Presses of "Show more".
    let presses = RwSignal::new(0usize);
    // What the list shows ([`Paging`]; the result count and search still
    // cover every session): a new result starts again from its first page,
    // "Show more" adds one, and a newer schedule taken in place keeps the
    // cards shown.
    let paging = Memo::new(move |before: Option<&(usize, usize, Paging)>| {
        let version = schedule.with(|s| std::sync::Arc::as_ptr(s) as usize);
        let total = sessions.with(Vec::len);
        let pressed = presses.get();
        let paging = match before {
            Some(&(_, was_pressed, p)) if was_pressed != pressed => p.more(total),
            Some(&(was, _, p)) if was != version => p.kept(total),
            _ => Paging::first(total),
        };
        (version, pressed, paging)
    });
    let total = move || sessions.with(Vec::len);
    let shown = move || paging.with(|(_, _, p)| p.shown);
    let next = move || paging.with(|(_, _, p)| p.next(total()));
    // Each card is keyed by what it shows: after an update, only the cards
    // of changed sessions are built again.
    let groups = Memo::new(move |_| {
        let shown = shown();
        schedule.with(|schedule| {
            sessions.with(|ids| {
                group_by_day(schedule, &ids[..shown.min(ids.len())])
                    .into_iter()
                    .map(|(day, ids)| {
                        let keyed: Vec<(usize, u64)> = ids
                            .into_iter()
                            .map(|i| (i, card_key(schedule, i)))
                            .collect();
                        (day, keyed)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let days = Memo::new(move |_| groups.with(|g| g.iter().map(|(d, _)| *d).collect::<Vec<_>>()));
    view! {
        <div class="day-list">
            <For
                each=move || days.get()
                key=|day| *day
                children=move |day| {
                    let in_day = Memo::new(move |_| {
                        groups
                            .with(|g| {
                                g.iter()
                                    .find(|(d, _)| *d == day)
                                    .map(|(_, ids)| ids.clone())
                                    .unwrap_or_default()
                            })
                    });
                    let heading = format!("day-{day}");
                    let heading_id = heading.clone();
                    view! {
                        <section class="day" aria-labelledby=heading.clone()>
                            <h2 id=heading_id>{long_day(day)}</h2>
                            <For
                                each=move || in_day.get()
                                key=|(_, key)| *key
                                children=move |(i, _)| view! { <SessionCard index=i /> }
                            />
                        </section>
                    }
                }
            />
            <Show when=move || { next() > 0 }>
                <p class="more">
                    <button type="button" on:click=move |_| presses.update(|n| *n += 1)>
                        {move || {
                            let left = total() - shown();
                            trf!("Show {n} more ({left} not shown yet)", n = next(), left = left)
                        }}
                    </button>
                </p>
            </Show>
        </div>
    }
}
