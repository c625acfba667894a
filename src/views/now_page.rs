//! Now & next (`/now`): what is running and what starts next, from the clock
//! (`?now=<RFC 3339>` fixes it, for tests and for planning ahead).

use leptos::prelude::*;

use crate::model::plan::NowAndNext;
use crate::model::time::{clock, long_day};
use crate::model::words::tr;
use crate::state::{use_display, use_schedule, Clock};
use crate::views::session_card::SessionCard;

/// Now & next: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const NOW_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(now_view()),
    preload: || Box::pin(preload_now_view()),
};

#[wasm_split_helpers::wasm_split(now, fallible, preload(preload_now_view))]
fn now_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <NowPage /> }.into_any())
}

#[component]
pub fn NowPage() -> impl IntoView {
    let schedule = use_schedule();
    let display = use_display();
    // The app's one clock (a fixed ?now= stays fixed), and what is on by it.
    let Clock { now: at, state } = expect_context::<Clock>();
    let cards = |indices: Vec<usize>| {
        indices
            .into_iter()
            .map(|i| view! { <SessionCard index=i /> })
            .collect_view()
    };
    view! {
        <h1>{tr("Now & next")}</h1>
        <p class="clock">
            {move || {
                let t = display.show(at.get());
                crate::trf!(
                    "It is {time} on {day}.",
                    time = clock(&t),
                    day = long_day(t.date_naive())
                )
            }}
        </p>
        {move || match state.get() {
            NowAndNext::NotStarted { first } => {
                let t = display.show(first);
                view! {
                    <p class="status">
                        {crate::trf!(
                            "The conference has not started yet. It starts on {day} at {time}.",
                            day = long_day(t.date_naive()),
                            time = clock(&t),
                        )}
                    </p>
                }
                    .into_any()
            }
            NowAndNext::Over { last_end } => {
                let t = display.show(last_end);
                view! {
                    <p class="status">
                        {crate::trf!(
                            "The conference is over. It ended on {day} at {time}.",
                            day = long_day(t.date_naive()),
                            time = clock(&t),
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
                    view! { <p>{tr("Nothing is running right now.")}</p> }.into_any()
                } else {
                    cards(now).into_any()
                };
                view! {
                    <section aria-labelledby="on-now">
                        <h2 id="on-now">{tr("On now")}</h2>
                        {on_now}
                    </section>
                    <section aria-labelledby="up-next">
                        <h2 id="up-next">{crate::trf!("Next, at {time}", time = next_at)}</h2>
                        {cards(next)}
                    </section>
                }
                    .into_any()
            }
        }}
    }
}
