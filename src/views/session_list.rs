//! A list of sessions grouped under day headings, keyed so that filtering only
//! adds and removes cards instead of re-rendering the list.

use leptos::prelude::*;

use crate::model::live::card_key;
use crate::model::schedule::group_by_day;
use crate::model::time::long_day;
use crate::state::use_schedule_signal;
use crate::views::session_card::SessionCard;

use crate::model::filter::{shown_count, PAGE_SIZE};

#[component]
pub fn DayGroupedList(
    /// Schedule indices of the sessions to show, in time order.
    sessions: Signal<Vec<usize>>,
) -> impl IntoView {
    let schedule = use_schedule_signal();
    // Presses of "Show more" ([`shown_count`]: a long list shows in pages;
    // the result count and search still cover every session).
    let more = RwSignal::new(0);
    // A new result starts again from its first page; a newer schedule taken
    // in place keeps the pages shown.
    Effect::new(move |prev: Option<usize>| {
        sessions.track();
        let version = schedule.with(|s| std::sync::Arc::as_ptr(s) as usize);
        if prev == Some(version) {
            more.set(0);
        }
        version
    });
    let total = move || sessions.with(Vec::len);
    let left = move || total() - shown_count(total(), more.get());
    // Each card is keyed by what it shows: after an update, only the cards
    // of changed sessions are built again.
    let groups = Memo::new(move |_| {
        let more = more.get();
        schedule.with(|schedule| {
            sessions.with(|ids| {
                group_by_day(schedule, &ids[..shown_count(ids.len(), more)])
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
            <Show when=move || { left() > 0 }>
                <p class="more">
                    <button type="button" on:click=move |_| more.update(|n| *n += 1)>
                        {move || {
                            let left = left();
                            format!("Show {} more ({left} not shown yet)", left.min(PAGE_SIZE))
                        }}
                    </button>
                </p>
            </Show>
        </div>
    }
}
