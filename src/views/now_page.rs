//! Now & next (`/now`): what is running and what starts next, from the clock
//! (`?now=<RFC 3339>` fixes it, for tests and for planning ahead).

use leptos::prelude::*;

use crate::browser::clock::now;
use crate::browser::page::set_title;
use crate::model::plan::{now_and_next, NowAndNext};
use crate::model::time::{clock, long_day};
use crate::state::{use_display, use_schedule};
use crate::views::session_card::SessionCard;

#[component]
pub fn NowPage() -> impl IntoView {
    let schedule = use_schedule();
    let display = use_display();
    set_title(&format!("Now & next · {}", schedule.conference.title));
    let at = RwSignal::new(now());
    // Follow the real clock (a fixed ?now= stays fixed).
    let handle =
        set_interval_with_handle(move || at.set(now()), std::time::Duration::from_secs(30));
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let state = {
        let schedule = schedule.clone();
        Memo::new(move |_| now_and_next(&schedule, at.get()))
    };
    let cards = |indices: Vec<usize>| {
        indices
            .into_iter()
            .map(|i| view! { <SessionCard index=i /> })
            .collect_view()
    };
    view! {
        <h1>"Now & next"</h1>
        <p class="clock">
            {move || {
                let t = display.show(at.get());
                format!("It is {} on {}.", clock(&t), long_day(t.date_naive()))
            }}
        </p>
        {move || match state.get() {
            NowAndNext::NotStarted { first } => {
                let t = display.show(first);
                view! {
                    <p class="status">
                        {format!(
                            "The conference has not started yet. It starts on {} at {}.",
                            long_day(t.date_naive()),
                            clock(&t),
                        )}
                    </p>
                }
                    .into_any()
            }
            NowAndNext::Over { last_end } => {
                let t = display.show(last_end);
                view! {
                    <p class="status">
                        {format!(
                            "The conference is over. It ended on {} at {}.",
                            long_day(t.date_naive()),
                            clock(&t),
                        )}
                    </p>
                }
                    .into_any()
            }
            NowAndNext::Running { now, next } => {
                let next_at = next
                    .first()
                    .map(|&i| clock(&display.show(schedule.sessions[i].start)))
                    .unwrap_or_default();
                let on_now = if now.is_empty() {
                    view! { <p>"Nothing is running right now."</p> }.into_any()
                } else {
                    cards(now).into_any()
                };
                view! {
                    <section aria-labelledby="on-now">
                        <h2 id="on-now">"On now"</h2>
                        {on_now}
                    </section>
                    <section aria-labelledby="up-next">
                        <h2 id="up-next">{format!("Next, at {next_at}")}</h2>
                        {cards(next)}
                    </section>
                }
                    .into_any()
            }
        }}
    }
}
