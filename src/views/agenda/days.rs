//! The starred sessions by day: a summary of clashes (with a one-action
//! resolver), each session with the sessions it overlaps, and free time.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::agenda::Level;
use crate::model::plan::{clash_groups, gaps, overlapping, overlapping_span};
use crate::model::schedule::{group_by_day, Schedule};
use crate::model::time::{clock, clock_range, duration, long_day, Instant};
use crate::state::{use_agenda, use_display, use_schedule, Display};
use crate::views::session_card::SessionCard;

/// The shortest free time worth showing between two starred sessions.
const MIN_FREE_MINUTES: i64 = 30;

/// The clash summary, then one section per day.
#[component]
pub fn AgendaDays(scheduled: Memo<Vec<usize>>) -> impl IntoView {
    let schedule = use_schedule();
    move || {
        let indices = scheduled.get();
        let clashes = clash_groups(&schedule, &indices);
        let free = gaps(&schedule, &indices, MIN_FREE_MINUTES);
        let days = group_by_day(&schedule, &indices)
            .into_iter()
            .map(|(day, in_day)| {
                let heading = format!("agenda-day-{day}");
                let heading_id = heading.clone();
                let items = in_day
                    .into_iter()
                    .map(|i| {
                        let others = overlapping(&schedule, &indices, i);
                        let free_after = free
                            .iter()
                            .find(|(before, _, _)| *before == i)
                            .map(|(_, a, b)| (*a, *b));
                        view! { <AgendaItem index=i others free_after /> }
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
            {(!clashes.is_empty()).then(|| view! { <ClashSummary clashes /> })}
            <div class="day-list">{days}</div>
        }
    }
}

/// One starred session: its card, what it overlaps, the free time after it.
#[component]
fn AgendaItem(
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
                let o = &schedule.sessions[j];
                format!("“{}” ({})", o.title, shown_range(display, o.start, o.end))
            })
            .collect();
        format!("Overlaps with {}", names.join(", "))
    });
    let gap = free_after.map(|(a, b)| {
        format!(
            "Free {}–{} ({})",
            clock(&display.show(a)),
            clock(&display.show(b)),
            duration((b - a).num_minutes())
        )
    });
    let clashing = note.is_some();
    view! {
        <div class="agenda-item" class:clashing=clashing>
            <SessionCard index>{note.map(|n| view! { <p class="clash-note">{n}</p> })}</SessionCard>
            {gap.map(|g| view! { <p class="gap">{g}</p> })}
        </div>
    }
}

/// "1 clash in your agenda": each clash named, with its resolver.
#[component]
fn ClashSummary(clashes: Vec<Vec<usize>>) -> impl IntoView {
    let heading = match clashes.len() {
        1 => "1 clash in your agenda".to_string(),
        n => format!("{n} clashes in your agenda"),
    };
    let items = clashes
        .into_iter()
        .map(|group| view! { <Clash group /> })
        .collect_view();
    view! {
        <section class="clash-summary" aria-labelledby="clash-heading">
            <h2 id="clash-heading">{heading}</h2>
            <ul>{items}</ul>
        </section>
    }
}

/// One clash: who overlaps (more strongly flagged when several are musts),
/// and "Choose" on every session in its span to keep only that one.
#[component]
fn Clash(group: Vec<usize>) -> impl IntoView {
    let schedule = use_schedule();
    let agenda = use_agenda();
    let names: Vec<String> = group
        .iter()
        .map(|&i| format!("“{}”", schedule.sessions[i].title))
        .collect();
    // Levels change without the set of stars changing: follow them.
    let musts = {
        let (schedule, group) = (schedule.clone(), group.clone());
        Memo::new(move |_| {
            agenda.agenda.with(|a| {
                group
                    .iter()
                    .filter(|&&i| {
                        a.entry(&schedule.sessions[i].id).map(|e| e.level) == Some(Level::Must)
                    })
                    .count()
            })
        })
    };
    let strong = move || musts.get() > 1;
    let headline = move || match musts.get() {
        n if n > 1 => format!("{} overlap — {n} of them are musts.", names.join(" and ")),
        _ => format!("{} overlap.", names.join(" and ")),
    };
    let clashing: Vec<String> = group
        .iter()
        .map(|&i| schedule.sessions[i].id.clone())
        .collect();
    let start = group.iter().map(|&i| schedule.sessions[i].start).min();
    let end = group.iter().map(|&i| schedule.sessions[i].end).max();
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
                <summary>"Resolve: sessions in this slot"</summary>
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
    let label = format!("Choose {}", o.title);
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
                "Choose"
            </button>
        </li>
    }
}

/// "09:00–09:30" in the zone the viewer chose.
fn shown_range(display: Display, start: Instant, end: Instant) -> String {
    clock_range(&display.show(start), &display.show(end))
}
