//! A session's own page (`/session/<id>`): everything about it, and what else
//! runs at the same time.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::browser::files;
use crate::browser::page::set_title;
use crate::model::agenda::Level;
use crate::model::filter::{decode_query_value, encode_query_value};
use crate::model::ics::{calendar, IcsOptions};
use crate::model::time::{clock_range, duration, long_day, offset_label};
use crate::state::{use_display, use_schedule};
use crate::views::session_card::session_href;
use crate::views::star::StarButton;

#[component]
pub fn SessionPage() -> impl IntoView {
    let schedule = use_schedule();
    let params = use_params_map();
    let index = {
        let schedule = schedule.clone();
        Memo::new(move |_| {
            params.with(|p| {
                let raw = p.get_str("id").unwrap_or_default();
                schedule
                    .session_position(raw)
                    .or_else(|| schedule.session_position(&decode_query_value(raw)))
            })
        })
    };
    let conference = schedule.conference.title.clone();
    {
        let schedule = schedule.clone();
        Effect::new(move || {
            let title = index
                .get()
                .map_or("Unknown session", |i| schedule.sessions[i].title.as_str())
                .to_string();
            set_title(&format!("{title} · {conference}"));
        });
    }
    move || match index.get() {
        None => view! {
            <h1>"Unknown session"</h1>
            <p>
                "This schedule has no such session. " <a href="/">"See the whole programme"</a>
                "."
            </p>
        }
        .into_any(),
        Some(i) => view! { <SessionDetail index=i /> }.into_any(),
    }
}

#[component]
fn SessionDetail(index: usize) -> impl IntoView {
    let schedule = use_schedule();
    let s = &schedule.sessions[index];
    let display = use_display();
    let (start, end, minutes) = (s.start, s.end, s.duration_minutes());
    let when = move || {
        let (a, b) = (display.show(start), display.show(end));
        format!(
            "{}, {} ({}, {})",
            long_day(a.date_naive()),
            clock_range(&a, &b),
            duration(minutes),
            offset_label(&a)
        )
    };
    let room = schedule.room_name(s).to_string();
    let track = schedule.track_of(s).map(|t| {
        let name = t.name.clone();
        view! {
            <dt>"Track"</dt>
            <dd>
                <a href=format!("/track/{}", t.id)>{name}</a>
            </dd>
        }
    });
    let speakers = s
        .speakers
        .iter()
        .map(|&p| {
            let sp = &schedule.speakers[p];
            let name = sp.name.clone();
            view! {
                <li>
                    <a href=format!("/speaker/{}", encode_query_value(&sp.id))>{name}</a>
                    {sp.affiliation.as_ref().map(|a| format!(", {a}"))}
                </li>
            }
        })
        .collect_view();
    // Paragraphs as text nodes: markup in an abstract is shown, never run.
    let paragraphs = s
        .abstract_text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view();
    let link = s.url.clone().map(|u| {
        view! {
            <p>
                <a href=u rel="noopener noreferrer" target="_blank">
                    "Session page on the conference site"
                </a>
            </p>
        }
    });
    let parallel: Vec<usize> = (0..schedule.sessions.len())
        .filter(|&j| j != index && schedule.sessions[j].overlaps(s))
        .collect();
    let parallel_view = (!parallel.is_empty()).then(|| {
        let items = parallel
            .iter()
            .map(|&j| {
                let o = &schedule.sessions[j];
                let title = o.title.clone();
                let (os, oe) = (o.start, o.end);
                let room = schedule.room_name(o).to_string();
                view! {
                    <li>
                        <a href=session_href(&o.id)>{title}</a>
                        {move || format!(" · {} · {room}", clock_range(&display.show(os), &display.show(oe)))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="same-slot">
                <h2 id="same-slot">"At the same time"</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let add_to_calendar = {
        let schedule = schedule.clone();
        move |_| {
            let s = &schedule.sessions[index];
            let ics = calendar(
                &schedule,
                [(s, Level::Must)],
                &IcsOptions {
                    name: &schedule.conference.title,
                    stamp: crate::browser::page::now_utc(),
                    alarm_minutes: Some(10),
                },
            );
            let _ = files::download(
                &format!("{}.ics", crate::model::text::slugify(&s.title)),
                "text/calendar",
                &ics,
            );
        }
    };
    view! {
        <article class="session-detail" aria-labelledby="session-title">
            <p class="kind">{s.kind.label()}</p>
            <h1 id="session-title">{s.title.clone()}</h1>
            <div class="detail-actions">
                <StarButton session_id=s.id.clone() title=s.title.clone() />
                <button type="button" on:click=add_to_calendar>
                    "Add to calendar (.ics)"
                </button>
            </div>
            <dl class="facts">
                <dt>"When"</dt>
                <dd>
                    <time datetime=s.start.to_rfc3339()>{when}</time>
                </dd>
                {(!room.is_empty()).then(|| view! { <dt>"Room"</dt> <dd>{room}</dd> })}
                {track}
            </dl>
            {(!s.speakers.is_empty())
                .then(|| {
                    view! {
                        <h2>"Speakers"</h2>
                        <ul class="speakers">{speakers}</ul>
                    }
                })}
            {(!s.abstract_text.is_empty())
                .then(|| {
                    view! {
                        <h2>"Abstract"</h2>
                        <div class="abstract-full">{paragraphs}</div>
                    }
                })}
            {link}
        </article>
        {parallel_view}
    }
}
