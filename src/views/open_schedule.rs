//! Opening another conference's schedule: by URL (`?schedule=`), by picking a
//! file, or by dropping one anywhere on the page. A file is checked before
//! the switch, kept in the Cache Storage and remembered, then the app reloads.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

use crate::browser::files::{self, PickedFile};
use crate::browser::loader::read_any_format;
use crate::browser::part::PartMissing;
use crate::model::error::ActionError;
use crate::model::route::Route;
use crate::model::source::{acceptable_schedule_url, ScheduleSource};
use crate::model::url;
use crate::model::words::tr;
use crate::state::AppStatus;
use crate::trf;
use crate::views::error_page::ErrorNotice;
use crate::views::lazy::LazyPart;

/// Errors from opening, shown in the chooser.
#[derive(Clone, Copy)]
struct OpenError(RwSignal<Option<ActionError>>);

/// Check a picked or dropped file, keep it, and reload into it.
fn open_file(file: PickedFile, error: RwSignal<Option<ActionError>>) {
    // A new attempt: the last one's message goes.
    error.set(None);
    leptos::task::spawn_local(async move {
        let result = match check_and_keep(file).await {
            Ok(keeping) => keeping.await,
            Err(PartMissing) => Err(ActionError::PartMissing),
        };
        match result {
            Ok(()) => files::reload_at(&Route::Programme.href()),
            Err(e) => error.set(Some(e)),
        }
    });
}

/// Reading a file and keeping it: its outcome.
type Keeping = Pin<Box<dyn Future<Output = Result<(), ActionError>>>>;

/// Read the file, check it is a schedule, and keep it in the Cache Storage:
/// a lazily loaded part, fetched when a file is first picked or dropped.
#[wasm_split(open_file, fallible)]
fn check_and_keep(file: PickedFile) -> Result<Keeping, PartMissing> {
    Ok(Box::pin(async move {
        let name = file.name();
        let text = file.text().await?;
        // Other formats are read by a lazily loaded part, fetched for them.
        read_any_format(text.clone(), "UTC".into(), None)
            .await
            .map_err(|_| ActionError::PartMissing)?
            .map_err(|e| ActionError::NotASchedule {
                name: name.clone(),
                error: e,
            })?;
        files::store_local_schedule(&name, &text).await
    }))
}

/// Where the errors of opening a schedule are shown: provided once, at the root.
pub fn provide_open_errors() -> RwSignal<Option<ActionError>> {
    let error = RwSignal::new(None);
    provide_context(OpenError(error));
    error
}

/// Let a schedule.json be dropped anywhere on the page.
pub fn use_file_drop() {
    let error = provide_open_errors();
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        if let Some(file) = PickedFile::from_drop(&ev) {
            open_file(file, error);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

/// "Open another conference's schedule": a section whose form is a lazily
/// loaded part, fetched when the section is first opened.
#[component]
pub fn OpenSchedule() -> impl IntoView {
    let status = expect_context::<AppStatus>();
    let error = expect_context::<OpenError>().0;
    let opened = RwSignal::new(false);
    let source = status.source.get_value();
    let current = (source != ScheduleSource::Default).then(|| {
        view! {
            <p>
                {format!("{} ", trf!("Showing {source}.", source = source.describe()))}
                {move || {
                    status
                        .import
                        .get()
                        .map(|(f, _)| format!("{} ", trf!("Format: {format}.", format = f.name())))
                }}
                <button type="button" on:click=|_| files::open_default_schedule()>
                    {tr("Back to the demo schedule")}
                </button>
            </p>
        }
    });
    view! {
        <details class="open-schedule" on:toggle=move |_| opened.set(true)>
            <summary>{tr("Open another conference's schedule")}</summary>
            {current}
            {move || opened.get().then(|| view! { <LazyPart part=OPEN_SCHEDULE_PART /> })}
            <ErrorNotice error />
        </details>
    }
}

/// The form to open another conference's schedule: a lazily loaded part ([`crate::views::lazy`]), its split point
/// beside the component.
pub const OPEN_SCHEDULE_PART: crate::views::lazy::Part = crate::views::lazy::Part {
    view: || Box::pin(open_schedule_view()),
    preload: || Box::pin(preload_open_schedule_view()),
};

#[wasm_split_helpers::wasm_split(open_schedule, fallible, preload(preload_open_schedule_view))]
fn open_schedule_view() -> Result<AnyView, crate::browser::part::PartMissing> {
    Ok(view! { <OpenScheduleForm /> }.into_any())
}

/// The chooser itself: a URL to open, a file to pick.
#[component]
pub fn OpenScheduleForm() -> impl IntoView {
    let error = expect_context::<OpenError>().0;
    let url = RwSignal::new(String::new());
    let on_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = url.get_untracked().trim().to_string();
        if acceptable_schedule_url(&u) {
            let query = url::with_param("", "schedule", Some(&u));
            files::reload_at(&format!("{}{query}", Route::Programme.href()));
        } else {
            error.set(Some(ActionError::NotAnAddress { text: u }));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = PickedFile::from_input(&ev) {
            open_file(file, error);
        }
    };
    view! {
            <p>
                {trf!(
                    "Reads {formats}. Your agenda is kept per conference.",
                    formats = crate::model::import::format_list()
                )}
            </p>
            <form on:submit=on_url>
                <label for="schedule-url">{tr("Schedule URL")}</label>
                <input
                    id="schedule-url"
                    type="url"
                    placeholder="https://…/schedule.json"
                    on:input=move |ev| url.set(event_target_value(&ev))
                />
                <button type="submit">{tr("Open")}</button>
            </form>
            <p>
                <label for="schedule-file">{tr("Schedule file")}</label>
                <input id="schedule-file" type="file" accept=".json,application/json" on:change=on_file />
                {format!(" {}", tr("or drop a schedule.json anywhere on this page."))}
            </p>
    }
}
