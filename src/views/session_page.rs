//! A session's own page (`/session/<id>`): everything about it, and what else
//! runs at the same time.

use crate::browser::clock::real_now;
use crate::browser::files;
use crate::model::agenda::Level;
use crate::model::error::ActionError;
use crate::model::ics::{self, calendar, IcsOptions};
use crate::model::page::Missing;
use crate::model::route::Route;
use crate::model::schedule::Session;
use crate::model::time::{clock_range, duration, long_day, offset_label};
use crate::model::words::tr;
use crate::state::{use_display, use_schedule};
use crate::views::error_page::ErrorNotice;
use crate::views::route_item::{use_route_item, NotInSchedule, RouteItem};
use crate::views::session_links::SessionLinks;
use crate::views::star::StarButton;
use leptos::prelude::*;

/// A session's own page (a link shared in a chat lands here): a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const SESSION_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(session_view()),
    preload: || Box::pin(preload_session_view()),
};

#[wasm_split_helpers::wasm_split(session, fallible, preload(preload_session_view))]
fn session_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <SessionPage /> }.into_any())
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let RouteItem { raw, index } = use_route_item();
    move || match index.get() {
        None => view! {
            <NotInSchedule
                what=Missing::Session
                given=raw.get()
                back_href=Route::Programme.href()
                back_label=tr("See the whole programme")
            />
        }
        .into_any(),
        Some(i) => view! { <SessionDetail index=i /> }.into_any(),
    }
}

/// The session's page: its facts, speakers, abstract and links, then what
/// else runs at the same time.
#[component]
fn SessionDetail(index: usize) -> impl IntoView {
    let schedule = use_schedule();
    let s = &schedule.sessions[index];
    let calendar_error = RwSignal::new(None::<ActionError>);
    view! {
        <article class="session-detail" aria-labelledby="session-title">
            <p class="kind">{s.kind.label()}</p>
            <h1 id="session-title">{s.title.clone()}</h1>
            <div class="detail-actions">
                <StarButton session_id=s.id.clone() title=s.title.clone() />
                <CalendarButton index error=calendar_error />
            </div>
            <ErrorNotice error=calendar_error />
            <SessionFacts index />
            <SessionSpeakers index />
            <SessionAbstract text=s.abstract_text.clone() />
            <SessionLinks session=s.clone() />
            {s.url.clone().map(|u| view! {
                <p>
                    <a href=u rel="noopener noreferrer" target="_blank">
                        {tr("Session page on the conference site")}
                    </a>
                </p>
            })}
        </article>
        <SameTime index />
    }
}

/// "Add to calendar (.ics)": the session with its reminder; a refused
/// download goes to `error`.
#[component]
fn CalendarButton(index: usize, error: RwSignal<Option<ActionError>>) -> impl IntoView {
    let schedule = use_schedule();
    let add_to_calendar = move |_| {
        let s = &schedule.sessions[index];
        let ics = calendar(
            &schedule,
            [(s, Level::Must)],
            &IcsOptions::reminding(&schedule.conference.title, real_now().to_utc()),
        );
        let file = format!("{}.ics", crate::model::text::slugify(&s.title));
        error.set(files::download(&file, ics::MIME, &ics).err());
    };
    view! {
        <button type="button" on:click=add_to_calendar>
            {tr("Add to calendar (.ics)")}
        </button>
    }
}

/// When (in the shown zone), room, track, type and language.
#[component]
fn SessionFacts(index: usize) -> impl IntoView {
    let schedule = use_schedule();
    let s = &schedule.sessions[index];
    let display = use_display();
    let (start, end, minutes) = (s.start, s.end, s.duration_minutes());
    let when = move || {
        let (a, b) = (display.show(start), display.show(end));
        let day = long_day(a.date_naive());
        let length = duration(minutes);
        format!(
            "{day}, {} ({length}, {})",
            clock_range(&a, &b),
            offset_label(&a)
        )
    };
    let room = s.room.map(|r| {
        let room = &schedule.rooms[r];
        let name = room.name.clone();
        view! {
            <dt>{tr("Room")}</dt>
            <dd>
                <a href=Route::Room(room.id.clone()).href()>{name}</a>
            </dd>
        }
    });
    let track = schedule.track_of(s).map(|t| {
        let name = t.name.clone();
        view! {
            <dt>{tr("Track")}</dt>
            <dd>
                <a href=Route::Track(t.id.clone()).href()>{name}</a>
            </dd>
        }
    });
    let format = s
        .format
        .map(|f| schedule.formats[f].name.clone())
        // Not when it only repeats the kind's word, in either language.
        .filter(|f| f != s.kind.label() && !f.eq_ignore_ascii_case(s.kind.english_label()));
    let language = s.language.map(|l| schedule.languages[l].name.clone());
    view! {
        <dl class="facts">
            <dt>{tr("When")}</dt>
            <dd>
                <time datetime=s.start.to_rfc3339()>{when}</time>
            </dd>
            {room}
            {track}
            {format.map(|f| view! { <dt>{tr("Type")}</dt> <dd>{f}</dd> })}
            {language.map(|l| view! { <dt>{tr("Language")}</dt> <dd>{l}</dd> })}
        </dl>
    }
}

/// The speakers, each linked to their page; nothing without speakers.
#[component]
fn SessionSpeakers(index: usize) -> impl IntoView {
    let schedule = use_schedule();
    let s: &Session = &schedule.sessions[index];
    let speakers = s
        .speakers
        .iter()
        .map(|&p| {
            let sp = &schedule.speakers[p];
            view! {
                <li>
                    <a href=Route::Speaker(sp.id.clone()).href()>{sp.name.clone()}</a>
                    {sp.affiliation.as_ref().map(|a| format!(", {a}"))}
                </li>
            }
        })
        .collect_view();
    (!s.speakers.is_empty()).then(|| {
        view! {
            <h2>{tr("Speakers")}</h2>
            <ul class="speakers">{speakers}</ul>
        }
    })
}

/// The abstract in paragraphs, as text nodes: markup in it is shown, never run.
#[component]
fn SessionAbstract(text: String) -> impl IntoView {
    let paragraphs = crate::model::text::paragraphs(&text)
        .into_iter()
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view();
    (!text.is_empty()).then(|| {
        view! {
            <h2>{tr("Abstract")}</h2>
            <div class="abstract-full">{paragraphs}</div>
        }
    })
}

/// "At the same time": the sessions overlapping this one, with time and room.
#[component]
fn SameTime(index: usize) -> impl IntoView {
    let schedule = use_schedule();
    let display = use_display();
    let parallel = crate::model::plan::at_the_same_time(&schedule, index);
    let items = parallel
        .iter()
        .map(|&j| {
            let o = &schedule.sessions[j];
            let (os, oe) = (o.start, o.end);
            let room = schedule.room_name(o).to_string();
            let when = move || clock_range(&display.show(os), &display.show(oe));
            view! {
                <li>
                    <a href=Route::Session(o.id.clone()).href()>{o.title.clone()}</a>
                    {move || format!(" · {} · {room}", when())}
                </li>
            }
        })
        .collect_view();
    (!parallel.is_empty()).then(|| {
        view! {
            <section aria-labelledby="same-slot">
                <h2 id="same-slot">{tr("At the same time")}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}
