//! The one "read a route parameter, look it up in the schedule, else say it
//! is not there" of the session, speaker, track and timetable pages.

use leptos::prelude::*;

use crate::model::page::item_of;
use crate::model::words::tr;
use crate::state::{use_route, use_schedule};
use crate::trf;

/// What a page's route parameter names.
#[derive(Clone, Copy)]
pub struct RouteItem {
    /// The parameter as given in the path, decoded.
    pub raw: Memo<String>,
    /// Its position in the schedule (session, speaker, track or day index), if found.
    pub index: Memo<Option<usize>>,
}

/// Read the route's parameter (already percent-decoded) and look it up
/// ([`item_of`]; the page's title, set by the app, names it too).
pub fn use_route_item() -> RouteItem {
    let schedule = use_schedule();
    let route = use_route();
    let raw = Memo::new(move |_| route.with(|r| r.param().unwrap_or_default().to_string()));
    let index = Memo::new(move |_| route.with(|r| item_of(r, &schedule)));
    RouteItem { raw, index }
}

/// "Unknown session": the heading, what is missing, and where to go instead.
#[component]
pub fn NotInSchedule(
    /// "session", "speaker", "track", "day".
    what: &'static str,
    /// The name as given in the address.
    given: String,
    /// Where to go instead ([`crate::model::route::Route::href`]).
    #[prop(into)]
    back_href: String,
    /// Already in the visitor's language (`tr("See the whole programme")`).
    back_label: &'static str,
) -> impl IntoView {
    // One sentence per kind, so each language can decline its noun.
    let (heading, missing) = match what {
        "session" => (
            tr("Unknown session"),
            trf!("This schedule has no session “{given}”.", given = given),
        ),
        "speaker" => (
            tr("Unknown speaker"),
            trf!("This schedule has no speaker “{given}”.", given = given),
        ),
        "track" => (
            tr("Unknown track"),
            trf!("This schedule has no track “{given}”.", given = given),
        ),
        "room" => (
            tr("Unknown room"),
            trf!("This schedule has no room “{given}”.", given = given),
        ),
        "day" => (
            tr("Unknown day"),
            trf!("This schedule has no day “{day}”.", day = given),
        ),
        _ => (
            tr("Not in this schedule"),
            trf!("This schedule has no “{given}”.", given = given),
        ),
    };
    view! {
        <h1>{heading}</h1>
        <p>
            {format!("{missing} ")}
            <a href=back_href>{back_label}</a>
            "."
        </p>
    }
}
