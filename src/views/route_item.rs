//! The one "read a route parameter, look it up in the schedule, else say it
//! is not there" of the session, speaker, track and timetable pages.

use leptos::prelude::*;

use crate::model::page::{item_of, Missing};
use crate::state::{use_route, use_schedule};

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

/// "Unknown session": the heading, what is missing, and where to go instead
/// (the words are [`Missing`]'s, shared with the page's title).
#[component]
pub fn NotInSchedule(
    /// What the address names.
    what: Missing,
    /// The name as given in the address.
    given: String,
    /// Where to go instead ([`crate::model::route::Route::href`]).
    #[prop(into)]
    back_href: String,
    /// Already in the visitor's language (`tr("See the whole programme")`).
    back_label: &'static str,
) -> impl IntoView {
    let heading = what.title();
    let missing = what.sentence(&given);
    view! {
        <h1>{heading}</h1>
        <p>
            {format!("{missing} ")}
            <a href=back_href>{back_label}</a>
            "."
        </p>
    }
}
