//! Files in and out: downloads (ics, JSON), reading a picked or dropped file,
//! the Cache Storage for schedule bodies, and which schedule is open.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::source::{ScheduleSource, CURRENT_SCHEDULE_KEY};

const SCHEDULE_CACHE: &str = "schedule-viewer-local-schedules";

/// Offer `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| format!("The browser refused to save {file_name}.");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of a file the user picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<String, String> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("{} could not be read.", file.name()))
}

/// Keep a schedule body in the Cache Storage (not localStorage: a large
/// schedule would fill its quota and make agenda writes fail).
pub async fn cache_put(cache_url: &str, body: &str) -> Result<(), String> {
    let fail =
        |_| "The browser did not let the page keep the schedule for offline use.".to_string();
    let caches = web_sys::window()
        .ok_or("no window")?
        .caches()
        .map_err(fail)?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(SCHEDULE_CACHE))
        .await
        .map_err(fail)?
        .unchecked_into();
    let response = web_sys::Response::new_with_opt_str(Some(body)).map_err(fail)?;
    JsFuture::from(cache.put_with_str(cache_url, &response))
        .await
        .map_err(fail)?;
    Ok(())
}

pub async fn cache_get(cache_url: &str) -> Option<String> {
    let caches = web_sys::window()?.caches().ok()?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(SCHEDULE_CACHE))
        .await
        .ok()?
        .unchecked_into();
    let found = JsFuture::from(cache.match_with_str(cache_url)).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The schedule to open: `?schedule=` in the page URL, else the remembered one, else the demo.
pub fn current_source() -> ScheduleSource {
    let from_url = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| {
            crate::model::filter::parse_query(&search)
                .into_iter()
                .find(|(k, _)| k == "schedule")
                .map(|(_, v)| v)
        })
        .filter(|v| !v.is_empty());
    if let Some(url) = from_url {
        return ScheduleSource::Url { url };
    }
    if !super::storage::storage_available() {
        return ScheduleSource::Default;
    }
    LocalStorage::raw()
        .get_item(CURRENT_SCHEDULE_KEY)
        .ok()
        .flatten()
        .and_then(|t| ScheduleSource::from_json(&t))
        .unwrap_or(ScheduleSource::Default)
}

/// Remember the open schedule (best effort: without storage it is simply not remembered).
pub fn remember_source(source: &ScheduleSource) {
    if !super::storage::storage_available() {
        return;
    }
    let storage = LocalStorage::raw();
    let _ = match source {
        ScheduleSource::Default => storage.remove_item(CURRENT_SCHEDULE_KEY),
        other => storage.set_item(CURRENT_SCHEDULE_KEY, &other.to_json()),
    };
}

/// Forget a chosen schedule and reopen the demo.
pub fn open_default_schedule() {
    remember_source(&ScheduleSource::Default);
    reload_at("/");
}

/// Full reload at `path` (a new schedule means new state everywhere).
pub fn reload_at(path: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(path);
    }
}

/// The page's origin ("http://127.0.0.1:8080"), for share links.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
