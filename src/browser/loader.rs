//! Fetching the schedule file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use wasm_split_helpers::wasm_split;

use super::part::PartMissing;
use crate::model::import::{import_other, import_own, Format, ImportOptions, Imported};
use crate::model::schedule::{Schedule, ScheduleError};
use crate::model::source::{acceptable_schedule_url, ScheduleSource};

/// The schedule the app opens by default (absolute: views live at `/track/…` etc.).
pub const DEFAULT_SCHEDULE_URL: &str = "/schedule.json";

pub use crate::model::error::LoadError;

/// A schedule as loaded, and where it came from.
pub struct LoadedSchedule {
    pub schedule: Schedule,
    /// The format detected.
    pub format: Format,
    /// The file names no zone: its times were read in the zone passed in.
    pub zone_assumed: bool,
    /// Set when the network failed and the service worker answered with its
    /// cached copy: when that copy was fetched (RFC 3339).
    pub offline_as_of: Option<String>,
}

/// Load the schedule a source names; a file without a zone is read in `zone`.
pub async fn load_from_source(
    source: &ScheduleSource,
    zone: &str,
) -> Result<LoadedSchedule, LoadError> {
    let (text, offline_as_of, label) = match source {
        ScheduleSource::Default => {
            let (text, offline) = fetch_text(DEFAULT_SCHEDULE_URL).await?;
            (text, offline, DEFAULT_SCHEDULE_URL.to_string())
        }
        ScheduleSource::Url { url } if !acceptable_schedule_url(url) => {
            return Err(LoadError::BadUrl { url: url.clone() })
        }
        ScheduleSource::Url { url } => {
            let (text, offline) = fetch_text(url).await?;
            (text, offline, url.clone())
        }
        ScheduleSource::File { name, cache_url } => {
            let text = super::files::cache_get(cache_url)
                .await
                .ok_or_else(|| LoadError::LocalMissing { name: name.clone() })?;
            (text, None, name.clone())
        }
    };
    let imported = read_any_format(text, zone.to_string(), source.name_hint())
        .await
        .map_err(|PartMissing| LoadError::ReaderMissing { url: label.clone() })?;
    let Imported {
        schedule,
        format,
        zone_assumed,
    } = imported.map_err(|error| LoadError::Schedule { url: label, error })?;
    Ok(LoadedSchedule {
        schedule,
        format,
        zone_assumed,
        offline_as_of,
    })
}

/// Read a file in our format at once, or in another through the lazily
/// loaded readers (fetched for it); the outer error: they could not be fetched.
pub async fn read_any_format(
    text: String,
    zone: String,
    name_hint: Option<String>,
) -> Result<Result<Imported, ScheduleError>, PartMissing> {
    match import_own(&text) {
        Ok(Some(imported)) => Ok(Ok(imported)),
        Ok(None) => read_other_format(text, zone, name_hint).await,
        Err(error) => Ok(Err(error)),
    }
}

/// The readers of the other formats (frab, Sessionize, pretalx widget): a
/// lazily loaded part, fetched only when a file needs them.
#[wasm_split(importers, fallible)]
fn read_other_format(
    text: String,
    zone: String,
    name_hint: Option<String>,
) -> Result<Result<Imported, ScheduleError>, PartMissing> {
    let options = ImportOptions {
        zone: Some(zone),
        names: &super::clock::BrowserZones,
        name_hint,
    };
    Ok(import_other(&text, &options))
}

async fn fetch_text(url: &str) -> Result<(String, Option<String>), LoadError> {
    let network = || LoadError::Network {
        url: url.to_string(),
    };
    let window = web_sys::window().ok_or_else(network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| network())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| network())?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
        });
    }
    // Headers the service worker sets on a cached copy (public/sw.js).
    let headers = response.headers();
    let offline_as_of = match headers.get("x-sw-offline") {
        Ok(Some(_)) => Some(
            headers
                .get("x-sw-fetched-at")
                .ok()
                .flatten()
                .unwrap_or_default(),
        ),
        _ => None,
    };
    let text = JsFuture::from(response.text().map_err(|_| network())?)
        .await
        .map_err(|_| network())?;
    Ok((text.as_string().ok_or_else(network)?, offline_as_of))
}
