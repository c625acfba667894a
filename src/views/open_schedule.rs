//! Opening another conference's schedule: by URL (`?schedule=`), by picking a
//! file, or by dropping one anywhere on the page. A file is checked before
//! the switch, kept in the Cache Storage and remembered, then the app reloads.

use leptos::prelude::*;

use crate::browser::files;
use crate::browser::page::now_iso;
use crate::model::filter::encode_query_value;
use crate::model::import::parse_any;
use crate::model::source::{acceptable_schedule_url, ScheduleSource};
use crate::state::AppStatus;

/// Errors from opening, shown in the chooser.
#[derive(Clone, Copy)]
struct OpenError(RwSignal<Option<String>>);

fn open_file(file: web_sys::File, error: RwSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        let result = async {
            let text = files::read_file(&file).await?;
            parse_any(&text).map_err(|e| format!("{name} cannot be opened: {e}."))?;
            let cache_url = format!("/local-schedules/{}", encode_query_value(&now_iso()));
            files::cache_put(&cache_url, &text).await?;
            files::remember_source(&ScheduleSource::File {
                name: name.clone(),
                cache_url,
            });
            Ok::<(), String>(())
        }
        .await;
        match result {
            Ok(()) => files::reload_at("/"),
            Err(message) => error.set(Some(message)),
        }
    });
}

/// Let a schedule.json be dropped anywhere on the page.
pub fn use_file_drop() {
    let error = RwSignal::new(None);
    provide_context(OpenError(error));
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file, error);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
}

#[component]
pub fn OpenSchedule() -> impl IntoView {
    let status = expect_context::<AppStatus>();
    let error = expect_context::<OpenError>().0;
    let url = RwSignal::new(String::new());
    let source = status.source.get_value();
    let current = (source != ScheduleSource::Default).then(|| {
        view! {
            <p>
                "Showing " {source.describe()} ". "
                <button type="button" on:click=|_| files::open_default_schedule()>
                    "Back to the demo schedule"
                </button>
            </p>
        }
    });
    let on_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = url.get_untracked().trim().to_string();
        if acceptable_schedule_url(&u) {
            files::reload_at(&format!("/?schedule={}", encode_query_value(&u)));
        } else {
            error.set(Some(format!("\"{u}\" is not an http(s) address.")));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(file, error);
        }
    };
    view! {
        <details class="open-schedule">
            <summary>"Open another conference's schedule"</summary>
            {current}
            <p>
                "Our own format or a frab / pretalx "<code>"schedule.json"</code>
                ". Your agenda is kept per conference."
            </p>
            <form on:submit=on_url>
                <label for="schedule-url">"Schedule URL"</label>
                <input
                    id="schedule-url"
                    type="url"
                    placeholder="https://…/schedule.json"
                    on:input=move |ev| url.set(event_target_value(&ev))
                />
                <button type="submit">"Open"</button>
            </form>
            <p>
                <label for="schedule-file">"Schedule file"</label>
                <input id="schedule-file" type="file" accept=".json,application/json" on:change=on_file />
                " or drop a schedule.json anywhere on this page."
            </p>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        </details>
    }
}
