//! What the page shows when the schedule cannot be loaded, or a path is
//! unknown, and the one way a view says that an action failed.

use leptos::prelude::*;

use crate::browser::files;
use crate::browser::loader::LoadError;
use crate::browser::page::set_title;
use crate::model::route::Route;
use crate::model::source::ScheduleSource;
use crate::model::words::tr;
use crate::state::AppStatus;

#[component]
pub fn LoadErrorPage(error: LoadError) -> impl IntoView {
    set_title(&format!("{} · schedule-viewer", tr("Schedule unavailable")));
    let source = expect_context::<AppStatus>().source.get_value();
    let back_to_demo = (source != ScheduleSource::Default).then(|| {
        view! {
            <p>
                <button type="button" on:click=|_| files::open_default_schedule()>
                    {tr("Open the demo schedule instead")}
                </button>
            </p>
        }
    });
    view! {
        <main id="main" class="error-page">
            <h1>{tr("The schedule could not be loaded")}</h1>
            <p class="error-message">{error.to_string()}</p>
            <p>{tr("Your starred sessions are safe: nothing was changed.")}</p>
            <p>
                <a href=Route::Programme.href()>{tr("Try again")}</a>
            </p>
            {back_to_demo}
        </main>
    }
}

/// An error of an action (a download, a file, a form), in its words, where
/// the action is; nothing while there is none.
#[component]
pub fn ErrorNotice<E>(error: RwSignal<Option<E>>) -> impl IntoView
where
    E: std::fmt::Display + Send + Sync + 'static,
{
    move || {
        let text = error.with(|e| e.as_ref().map(ToString::to_string))?;
        Some(view! { <p class="notice error" role="alert">{text}</p> })
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{tr("Page not found")}</h1>
        <p>
            {format!("{} ", tr("There is nothing at this address."))}
            <a href=Route::Programme.href()>{tr("See the whole programme")}</a>
            "."
        </p>
    }
}
