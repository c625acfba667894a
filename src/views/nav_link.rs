//! A link that says when it leads to the page being shown
//! (`aria-current="page"`), for navigation bars.

use leptos::prelude::*;

use crate::browser::location::use_location;

/// A navigation link; current when the path is `href`'s (exactly, with
/// `exact`), below it, or within `section` (e.g. every `/timetable/…` day).
#[component]
pub fn NavLink(
    href: String,
    #[prop(optional)] exact: bool,
    #[prop(optional, into)] section: Option<String>,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let own = href.split(['?', '#']).next().unwrap_or("").to_string();
    let current = move || {
        location.path.with(|p| {
            p == &own
                || (!exact && p.starts_with(&format!("{own}/")))
                || section.as_deref().is_some_and(|s| p.starts_with(s))
        })
    };
    view! {
        <a href=href aria-current=move || current().then_some("page")>
            {children()}
        </a>
    }
}
