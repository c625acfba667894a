//! The starred sessions and own entries by day: a summary of clashes (with
//! a one-action resolver), each item with what it overlaps, and free time.
//! All of it reads the agenda's plan ([`Agenda::plan`]): one small schedule
//! of both, so the overlap and free-time rules apply to own entries too.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::agenda::{Level, PlanKey};
use crate::model::plan::{clash_groups, gaps, overlapping, overlapping_span};
use crate::model::schedule::{group_by_day, Schedule, SessionKind};
use crate::model::time::{clock, clock_range, duration, long_day, Instant};
use crate::model::words::tr;
use crate::state::{use_agenda, use_display, use_schedule, Display};
use crate::views::session_card::SessionCard;

use super::own::OwnEntryCard;

/// The shortest free time worth showing between two starred sessions.
const MIN_FREE_MINUTES: i64 = 30;

/// The clash summary, then one section per day.
#[component]
pub fn AgendaDays(planned: Memo<PlanKey>) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    move || {
        // Read, not only tracked: a memo recomputes (and notifies) when read.
        planned.with(|_| ());
        let Some(plan) = agenda.agenda.with_untracked(|a| a.plan(&schedule)) else {
            return view! { <div class="day-list"></div> }.into_any();
        };
        let plan = Arc::new(plan);
        let indices: Vec<usize> = (0..plan.sessions.len()).collect();
        let clashes = clash_groups(&plan, &indices);
        let free = gaps(&plan, &indices, MIN_FREE_MINUTES);
        let days = group_by_day(&plan, &indices)
            .into_iter()
            .map(|(day, in_day)| {
                let heading = format!("agenda-day-{day}");
                let heading_id = heading.clone();
                let items = in_day
                    .into_iter()
                    .map(|i| {
                        let others = overlapping(&plan, &indices, i);
                        let free_after = free
                            .iter()
                            .find(|(before, _, _)| *before == i)
                            .map(|(_, a, b)| (*a, *b));
                        view! { <AgendaItem plan=plan.clone() index=i others free_after /> }
                    })
                    .collect_view();
                view! {
                    <section class="day" aria-labelledby=heading>
                        <h2 id=heading_id>{long_day(day)}</h2>
                        {items}
                    </section>
                }
            })
            .collect_view();
        view! {
            {(!clashes.is_empty()).then(|| view! { <ClashSummary plan=plan.clone() clashes /> })}
            <div class="day-list">{days}</div>
        }
        .into_any()
    }
}

/// One item of the plan (a starred session or an own entry): its card,
/// what it overlaps, the free time after it.
#[component]
fn AgendaItem(
    plan: Arc<Schedule>,
    index: usize,
    others: Vec<usize>,
    free_after: Option<(Instant, Instant)>,
) -> impl IntoView {
    let schedule = use_schedule();
    let display = use_display();
    let note = (!others.is_empty()).then(|| {
        let names: Vec<String> = others
            .iter()
            .map(|&j| {
                let o = &plan.sessions[j];
                crate::trf!(
                    "“{title}” ({time})",
                    title = o.title,
                    time = shown_range(display, o.start, o.end)
                )
            })
            .collect();
        crate::trf!("Overlaps with {sessions}", sessions = names.join(", "))
    });
    let gap = free_after.map(|(a, b)| {
        crate::trf!(
            "Free {from}–{to} ({length})",
            from = clock(&display.show(a)),
            to = clock(&display.show(b)),
            length = duration((b - a).num_minutes())
        )
    });
    let clashing = note.is_some();
    let note_view = move || {
        note.clone()
            .map(|n| view! { <p class="clash-note">{n}</p> })
    };
    let item = &plan.sessions[index];
    let card = match (item.kind, schedule.session_position(&item.id)) {
        (SessionKind::Own, _) | (_, None) => {
            view! { <OwnEntryCard id=item.id.clone()>{note_view()}</OwnEntryCard> }.into_any()
        }
        (_, Some(main)) => view! { <SessionCard index=main>{note_view()}</SessionCard> }.into_any(),
    };
    view! {
        <div class="agenda-item" class:clashing=clashing>
            {card}
            {gap.map(|g| view! { <p class="gap">{g}</p> })}
        </div>
    }
}

/// "1 clash in your agenda": each clash named, with its resolver.
#[component]
fn ClashSummary(plan: Arc<Schedule>, clashes: Vec<Vec<usize>>) -> impl IntoView {
    let heading = crate::trn!(
        "{n} clash in your agenda",
        "{n} clashes in your agenda",
        clashes.len()
    );
    let items = clashes
        .into_iter()
        .map(|group| view! { <Clash plan=plan.clone() group /> })
        .collect_view();
    view! {
        <section class="clash-summary" aria-labelledby="clash-heading">
            <h2 id="clash-heading">{heading}</h2>
            <ul>{items}</ul>
        </section>
    }
}

/// One clash: who overlaps (more strongly flagged when several are musts;
/// an own entry counts as one), and "Choose" on every session in its span
/// to keep only that one (own entries stay: they are the user's to delete).
#[component]
fn Clash(plan: Arc<Schedule>, group: Vec<usize>) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let names: Vec<String> = group
        .iter()
        .map(|&i| crate::trf!("“{title}”", title = plan.sessions[i].title))
        .collect();
    // "“A” and “B” and “C”".
    let names = names
        .into_iter()
        .reduce(|a, b| crate::trf!("{a} and {b}", a = a, b = b))
        .unwrap_or_default();
    // Levels change without the set of stars changing: follow them.
    let musts = {
        let (plan, group) = (plan.clone(), group.clone());
        Memo::new(move |_| {
            agenda.agenda.with(|a| {
                group
                    .iter()
                    .filter(|&&i| {
                        let s = &plan.sessions[i];
                        s.kind == SessionKind::Own
                            || a.entry(&s.id).map(|e| e.level) == Some(Level::Must)
                    })
                    .count()
            })
        })
    };
    let strong = move || musts.get() > 1;
    let headline = move || match musts.get() {
        n if n > 1 => crate::trf!(
            "{sessions} overlap — {n} of them are musts.",
            sessions = names,
            n = n
        ),
        _ => crate::trf!("{sessions} overlap.", sessions = names),
    };
    let clashing: Vec<String> = group.iter().map(|&i| plan.sessions[i].id.clone()).collect();
    let start = group.iter().map(|&i| plan.sessions[i].start).min();
    let end = group.iter().map(|&i| plan.sessions[i].end).max();
    let options = start
        .zip(end)
        .map(|(start, end)| overlapping_span(&schedule, start, end))
        .unwrap_or_default()
        .into_iter()
        .map(|j| view! { <ClashOption schedule=schedule.clone() index=j clashing=clashing.clone() /> })
        .collect_view();
    view! {
        <li class="clash" class:strong=strong>
            <p>{headline}</p>
            <details>
                <summary>{tr("Resolve: sessions in this slot")}</summary>
                <ul class="alternatives">{options}</ul>
            </details>
        </li>
    }
}

/// A session one may keep instead of a clash.
#[component]
fn ClashOption(schedule: Arc<Schedule>, index: usize, clashing: Vec<String>) -> impl IntoView {
    let agenda = use_agenda();
    let display = use_display();
    let o = &schedule.sessions[index];
    let label = crate::trf!("Choose {title}", title = o.title);
    let text = format!(
        "{} · {} · {}",
        o.title,
        shown_range(display, o.start, o.end),
        schedule.room_name(o)
    );
    let id = o.id.clone();
    let starred = {
        let id = id.clone();
        move || agenda.is_starred(&id)
    };
    view! {
        <li class:starred=starred>
            {text} " "
            <button
                type="button"
                aria-label=label
                on:click=move |_| agenda.choose(&schedule, &id, &clashing)
            >
                {tr("Choose")}
            </button>
        </li>
    }
}

/// "09:00–09:30" in the zone the viewer chose.
fn shown_range(display: Display, start: Instant, end: Instant) -> String {
    clock_range(&display.show(start), &display.show(end))
}
