//! Live checks from the browser's side: ask for a newer schedule
//! conditionally (through the service worker, which keeps its copy up to
//! date), and hear when the page becomes visible or the network returns.
//! The rules (when, what an answer means) are `model::live`'s.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::live::{Answer, Validators};

/// Ask `url` for a newer file than the one `validators` describe.
pub async fn ask(url: &str, validators: &Validators) -> Answer {
    match fetch(url, validators).await {
        Some(answer) => answer,
        None => Answer::Unreachable,
    }
}

async fn fetch(url: &str, validators: &Validators) -> Option<Answer> {
    let window = super::window()?;
    let request = web_sys::Request::new_with_str(url).ok()?;
    // With a conditional header the browser's own cache stays out of the
    // way: a 304 reaches the page as a 304, with no body.
    for (name, value) in validators.request_headers() {
        request.headers().set(name, &value).ok()?;
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let headers = response.headers();
    // The service worker answered with its saved copy: the network did not.
    if matches!(headers.get("x-sw-offline"), Ok(Some(_))) {
        return Some(Answer::Unreachable);
    }
    if !response.ok() {
        return Some(Answer::Status(response.status()));
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some(Answer::File {
        text,
        validators: validators_of(&headers),
    })
}

/// The validators a response carries.
pub fn validators_of(headers: &web_sys::Headers) -> Validators {
    let get = |name: &str| headers.get(name).ok().flatten().filter(|v| !v.is_empty());
    Validators {
        etag: get("etag"),
        last_modified: get("last-modified"),
    }
}

/// Count a schedule parse on the page (`<html data-schedule-parses="N">`),
/// so that a test can see that an unchanged answer cost none.
pub fn mark_parse() {
    if let Some(root) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let n: u32 = root
            .get_attribute("data-schedule-parses")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let _ = root.set_attribute("data-schedule-parses", &(n + 1).to_string());
    }
}

/// Call `wake` when the page becomes visible again or the network returns,
/// for as long as the page lives.
pub fn on_wake(wake: impl Fn() + 'static) {
    let Some(window) = super::window() else {
        return;
    };
    let wake = std::rc::Rc::new(wake);
    let on_visible = {
        let wake = wake.clone();
        Closure::<dyn Fn()>::new(move || {
            let hidden = super::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if !hidden {
                wake();
            }
        })
    };
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    on_visible.forget();
    let on_online = Closure::<dyn Fn()>::new(move || wake());
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    on_online.forget();
}
