//! What the live checks have to say (`state::live`): "Schedule updated at
//! 14:05 — 3 changes, 1 in your agenda" (leading to the changes panel),
//! "Offline since 13:40 — schedule as of 13:35", a newer file that was not
//! taken, and in the footer where the schedule comes from, "Checked 14:05 ·
//! Check now".

use leptos::prelude::*;

use crate::model::words::tr;
use crate::state::{use_display, use_live, use_schedule_signal, AppStatus};

/// "Schedule updated at 14:05 — 3 changes, 1 in your agenda": a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const UPDATE_NOTICE_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(update_notice_view()),
    preload: || Box::pin(preload_update_notice_view()),
};

#[wasm_split_helpers::wasm_split(live_notices, fallible, preload(preload_update_notice_view))]
fn update_notice_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <UpdateNotice /> }.into_any())
}

/// "Schedule updated at 14:05 — 3 changes, 1 in your agenda": a button
/// that leads to the changes panel; dismissable.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let live = use_live();
    let display = use_display();
    let show_changes = move |_| {
        crate::browser::page::focus_element("changes-heading");
    };
    move || {
        live.update.get().map(|(at, summary)| {
            let words = summary.words(&display.show(at));
            view! {
                <div class="notice toast live-update" role="status">
                    <p>
                        <button type="button" class="link" on:click=show_changes>
                            {words}
                        </button>
                    </p>
                    <button type="button" on:click=move |_| live.update.set(None)>
                        {tr("Dismiss")}
                    </button>
                </div>
            }
        })
    }
}

/// Whether [`LiveProblems`] has something to say: offline since a check
/// (a page loaded offline says so in its own notice), or a newer file not taken.
pub fn has_problems(live: crate::state::Live) -> impl Fn() -> bool + Copy {
    let status = expect_context::<AppStatus>();
    move || {
        let offline = status.offline_as_of.with(Option::is_none)
            && live.freshness.with(|f| f.offline_since.is_some());
        offline || live.freshness.with(|f| f.problem.is_some())
    }
}

/// A live check that failed: offline since …, a newer file not taken: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const LIVE_PROBLEMS_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(live_problems_view()),
    preload: || Box::pin(preload_live_problems_view()),
};

#[wasm_split_helpers::wasm_split(live_notices, fallible, preload(preload_live_problems_view))]
fn live_problems_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <LiveProblems /> }.into_any())
}

/// Offline since a check failed, and a newer file that was not taken (a
/// server error, a broken file): the schedule shown stays, and says so.
#[component]
pub fn LiveProblems() -> impl IntoView {
    let live = use_live();
    let status = expect_context::<AppStatus>();
    let display = use_display();
    let offline = move || {
        // Loaded offline: the load's own notice says so.
        if status.offline_as_of.with(Option::is_some) {
            return None;
        }
        let words = live
            .freshness
            .with(|f| f.offline_words(|t| display.show(t)))?;
        Some(view! {
            <div class="notice offline" role="status">
                <p>{words} "."</p>
            </div>
        })
    };
    let problem = move || {
        let words = live
            .freshness
            .with(|f| f.problem.as_ref().map(|p| p.to_string()))?;
        Some(view! {
            <div class="notice warning live-problem" role="status">
                <p>{words}</p>
            </div>
        })
    };
    view! {
        {offline}
        {problem}
    }
}

/// The page's footer: where the schedule comes from and how fresh it is.
#[component]
pub fn Footer() -> impl IntoView {
    let schedule = use_schedule_signal();
    let status = expect_context::<AppStatus>();
    let source = status.source.with_value(|s| s.describe());
    let title = move || schedule.with(|s| s.conference.title.clone());
    view! {
        <footer class="site-footer">
            <p>{tr("Schedule: ")} {title} " (" {source} ")." <Freshness /></p>
        </footer>
    }
}

/// " Checked 14:05 · Check now" (nothing for a local file, which cannot change).
#[component]
fn Freshness() -> impl IntoView {
    let live = use_live();
    let display = use_display();
    let checked = move || {
        live.freshness
            .with(|f| f.checked_words(|t| display.show(t)))
            .map(|w| format!(" {w} · "))
    };
    live.can_check().then(|| {
        view! {
            // Not a live region: a line that changes every 5 minutes is not news.
            <span class="freshness">{checked}</span>
            <button
                type="button"
                class="link"
                prop:disabled=move || live.checking.get()
                on:click=move |_| live.check_now()
            >
                {tr("Check now")}
            </button>
        }
    })
}
