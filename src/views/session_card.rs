//! One session in a list: an `article` named by its title heading.

use leptos::prelude::*;

use crate::model::plan::NowAndNext;
use crate::model::route::Route;
use crate::model::time::clock_range;
use crate::model::words::tr;
use crate::state::{use_display, use_schedule};
use crate::views::star::{LevelButton, StarButton};

#[component]
pub fn SessionCard(
    /// Index into the schedule's sessions.
    index: usize,
    /// Extra notes shown in the card (the agenda's overlap flags).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let schedule = use_schedule();
    let s = &schedule.sessions[index];
    // Unique in the page also while a live update keeps cards built from
    // the schedule before it (their indices are that schedule's).
    let heading = format!(
        "session-{index}-{:x}",
        crate::model::live::card_key(&schedule, index)
    );
    let heading_id = heading.clone();
    let href = Route::Session(s.id.clone()).href();
    let title = s.title.clone();
    let track = schedule.track_of(s).map(|t| {
        let name = t.name.clone();
        view! { <a href=Route::Track(t.id.clone()).href()>{name}</a> }
    });
    let colour = schedule
        .track_of(s)
        .and_then(|t| t.color.clone())
        .unwrap_or_else(|| "transparent".into());
    let speakers = (!s.speakers.is_empty()).then(|| {
        let names = s
            .speakers
            .iter()
            .map(|&p| {
                let sp = &schedule.speakers[p];
                let affiliation = sp.affiliation_note();
                let name = sp.name.clone();
                view! {
                    <li>
                        <a href=Route::Speaker(sp.id.clone()).href()>{name}</a>
                        {affiliation}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="speakers" aria-label=tr("Speakers")>{names}</ul> }
    });
    let room = schedule.room_name(s).to_string();
    let display = use_display();
    let changes = expect_context::<crate::state::ScheduleChanges>();
    let changed_id = s.id.clone();
    let changed_badge = move || {
        changes
            .is_changed(&changed_id)
            .then(|| view! { <span class="changed-badge">{tr("Changed")}</span> })
    };
    let (start, end) = (s.start, s.end);
    let times = move || clock_range(&display.show(start), &display.show(end));
    // "On now" / "Next": the session running or coming up, easy to spot.
    // By id: the clock's indices are those of the schedule as it is now.
    let clock = use_context::<crate::state::Clock>();
    let current = use_context::<crate::state::ScheduleCtx>().map(|c| c.0);
    let badge_id = s.id.clone();
    let live_badge = move || {
        let is_this = |list: &Vec<usize>| {
            current.is_some_and(|sched| {
                sched.with(|sc| {
                    list.iter()
                        .any(|&i| sc.sessions.get(i).is_some_and(|x| x.id == badge_id))
                })
            })
        };
        let (now, next) = clock?.state.with(|state| match state {
            NowAndNext::Running { now, next } => (is_this(now), is_this(next)),
            _ => (false, false),
        });
        match (now, next) {
            (true, _) => {
                Some(view! { <span class="live-badge now">{tr("On now")}</span> }.into_any())
            }
            (_, true) => {
                Some(view! { <span class="live-badge next">{tr("Next")}</span> }.into_any())
            }
            _ => None,
        }
    };
    view! {
        <article class="session" aria-labelledby=heading.clone() style:--track-colour=colour>
            <p class="session-time">
                <time datetime=s.start.to_rfc3339()>{times}</time>
            </p>
            <div class="session-body">
                <h3 id=heading_id>
                    <a href=href>{title}</a>
                </h3>
                <p class="session-meta">
                    {live_badge}
                    {changed_badge}
                    {crate::views::session_links::link_marks(s)}
                    <span class="kind">{s.kind.label()}</span>
                    {(!room.is_empty()).then(|| view! { <span class="room">{room}</span> })}
                    {track.map(|t| view! { <span class="track">{t}</span> })}
                </p>
                {speakers}
                {(!s.abstract_text.is_empty())
                    .then(|| view! { <p class="abstract">{s.abstract_text.clone()}</p> })}
                {children.map(|c| c())}
            </div>
            <div class="card-actions">
                <StarButton session_id=s.id.clone() title=s.title.clone() />
                <LevelButton session_id=s.id.clone() title=s.title.clone() />
            </div>
        </article>
    }
}
