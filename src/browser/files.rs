//! Files in and out: downloads (ics, JSON), reading a picked or dropped file,
//! the Cache Storage for schedule bodies, and which schedule is open.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::error::ActionError;
use crate::model::source::{ScheduleSource, CURRENT_SCHEDULE_KEY};

const SCHEDULE_CACHE: &str = "schedule-viewer-local-schedules";

/// Offer `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), ActionError> {
    let fail = |_| ActionError::DownloadRefused {
        file: file_name.to_string(),
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = super::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail(JsValue::NULL))?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file the user picked (file input) or dropped on the page.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    /// The first file of a file input's `change` event. The input is
    /// emptied, so picking the same file again (after a failure, or an
    /// edit) is a change too.
    pub fn from_input(ev: &leptos::ev::Event) -> Option<PickedFile> {
        let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
        let file = input.files()?.get(0).map(PickedFile);
        input.set_value("");
        file
    }

    /// The first file of a `drop` event.
    pub fn from_drop(ev: &web_sys::DragEvent) -> Option<PickedFile> {
        ev.data_transfer()?.files()?.get(0).map(PickedFile)
    }

    /// The file's name, as the user's system gives it.
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// The file's text.
    pub async fn text(&self) -> Result<String, ActionError> {
        JsFuture::from(self.0.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| ActionError::FileUnreadable { name: self.name() })
    }
}

/// How many opened local schedule files are kept (the most recent ones).
const MAX_LOCAL_SCHEDULES: usize = 5;

/// Keep an opened schedule file in the Cache Storage and make it the one
/// to open; older copies beyond [`MAX_LOCAL_SCHEDULES`] are deleted.
pub async fn store_local_schedule(name: &str, text: &str) -> Result<(), ActionError> {
    let cache_url = format!(
        "/local-schedules/{}",
        crate::model::url::encode(&super::clock::now_iso())
    );
    cache_put(&cache_url, text).await?;
    remember_source(&ScheduleSource::File {
        name: name.to_string(),
        cache_url,
    });
    trim_local_schedules().await;
    Ok(())
}

/// A cache of the Cache Storage, opened: the one place one is (None when
/// the browser has no Cache Storage here, or refuses it).
async fn open_cache(name: &str) -> Option<web_sys::Cache> {
    let caches = super::window()?.caches().ok()?;
    let cache = JsFuture::from(caches.open(name)).await.ok()?;
    Some(cache.unchecked_into())
}

async fn trim_local_schedules() -> Option<()> {
    let cache = open_cache(SCHEDULE_CACHE).await?;
    let keys: js_sys::Array = JsFuture::from(cache.keys()).await.ok()?.unchecked_into();
    // Keys are timestamped, so in text order they are in time order.
    let mut local: Vec<String> = keys
        .iter()
        .filter_map(|k| k.dyn_into::<web_sys::Request>().ok())
        .map(|r| r.url())
        .filter(|u| u.contains("/local-schedules/"))
        .collect();
    local.sort();
    let surplus = local.len().saturating_sub(MAX_LOCAL_SCHEDULES);
    for url in &local[..surplus] {
        let _ = JsFuture::from(cache.delete_with_str(url)).await;
    }
    Some(())
}

/// Keep a schedule body in the Cache Storage (not localStorage: a large
/// schedule would fill its quota and make agenda writes fail).
pub async fn cache_put(cache_url: &str, body: &str) -> Result<(), ActionError> {
    let fail = |_| ActionError::CacheRefused;
    let cache = open_cache(SCHEDULE_CACHE)
        .await
        .ok_or(ActionError::CacheRefused)?;
    let response = web_sys::Response::new_with_opt_str(Some(body)).map_err(fail)?;
    JsFuture::from(cache.put_with_str(cache_url, &response))
        .await
        .map_err(fail)?;
    Ok(())
}

/// Delete entries from a cache of the Cache Storage (best effort);
/// `cache_name` None means this module's own cache.
pub async fn cache_delete(cache_name: Option<&str>, urls: &[String]) {
    let Some(cache) = open_cache(cache_name.unwrap_or(SCHEDULE_CACHE)).await else {
        return;
    };
    for url in urls {
        let _ = JsFuture::from(cache.delete_with_str(url)).await;
    }
}

/// A schedule body kept in the Cache Storage, if it is there.
pub async fn cache_get(cache_url: &str) -> Option<String> {
    let cache = open_cache(SCHEDULE_CACHE).await?;
    let found = JsFuture::from(cache.match_with_str(cache_url)).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The schedule to open: `?schedule=` in the page URL, else the remembered one, else the demo.
pub fn current_source() -> ScheduleSource {
    let from_url = super::location::query_value("schedule").filter(|v| !v.is_empty());
    if let Some(url) = from_url {
        return ScheduleSource::Url { url };
    }
    super::storage::read(CURRENT_SCHEDULE_KEY)
        .and_then(|text| ScheduleSource::from_json(&text))
        .unwrap_or(ScheduleSource::Default)
}

/// Remember the open schedule (best effort: without storage it is simply not remembered).
pub fn remember_source(source: &ScheduleSource) {
    match source {
        ScheduleSource::Default => super::storage::remove(CURRENT_SCHEDULE_KEY),
        other => {
            let _ = super::storage::write(CURRENT_SCHEDULE_KEY, &other.to_json());
        }
    }
}

/// Forget a chosen schedule and reopen the demo.
pub fn open_default_schedule() {
    remember_source(&ScheduleSource::Default);
    reload_at(&crate::model::route::Route::Programme.href());
}

/// Full reload at `path` (a new schedule means new state everywhere).
pub fn reload_at(path: &str) {
    if let Some(w) = super::window() {
        let _ = w.location().assign(path);
    }
}

/// The page's origin ("http://127.0.0.1:8080"), for share links.
pub fn origin() -> String {
    super::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
