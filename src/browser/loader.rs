//! Fetching the schedule file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use wasm_split_helpers::wasm_split;

use super::part::PartMissing;
use crate::model::error::ScheduleError;
use crate::model::import::{import_other, import_own, Format, ImportOptions, Imported};
use crate::model::live::{body_fingerprint, Validators};
use crate::model::schedule::Schedule;
use crate::model::source::{acceptable_schedule_url, ScheduleSource};

/// The schedule the app opens by default: `schedule.json` beside the app,
/// absolute (views live at `<base>track/…` etc.).
pub fn default_schedule_url() -> String {
    crate::model::route::under_base("schedule.json")
}

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
    /// What the next live check sends and compares with (none for a local file).
    pub copy: ShownCopy,
}

/// The file behind the schedule shown: how the next live check asks for a
/// newer one (conditionally), and how it tells the same bytes again.
#[derive(Clone, Debug, Default)]
pub struct ShownCopy {
    /// Its `ETag` and `Last-Modified`.
    pub validators: Validators,
    /// [`body_fingerprint`] of its text.
    pub body: u64,
}

/// Load the schedule a source names; a file without a zone is read in `zone`.
pub async fn load_from_source(
    source: &ScheduleSource,
    zone: &str,
) -> Result<LoadedSchedule, LoadError> {
    let (text, offline_as_of, validators, label) = match source {
        ScheduleSource::Url { url } if !acceptable_schedule_url(url) => {
            return Err(LoadError::BadUrl { url: url.clone() })
        }
        ScheduleSource::File { name, cache_url } => {
            let text = super::files::cache_get(cache_url)
                .await
                .ok_or_else(|| LoadError::LocalMissing { name: name.clone() })?;
            (text, None, Validators::default(), name.clone())
        }
        fetched => {
            let url = schedule_url(fetched).unwrap_or_else(default_schedule_url);
            let (text, offline, validators) = fetch_text(&url).await?;
            (text, offline, validators, url)
        }
    };
    let copy = ShownCopy {
        validators,
        body: body_fingerprint(&text),
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
        copy,
    })
}

/// Where a source's schedule is fetched from (and checked for a newer one);
/// None for a local file, which cannot change.
pub fn schedule_url(source: &ScheduleSource) -> Option<String> {
    match source {
        ScheduleSource::Default => Some(default_schedule_url()),
        ScheduleSource::Url { url } => Some(url.clone()),
        ScheduleSource::File { .. } => None,
    }
}

/// Read a file in our format at once, or in another through the lazily
/// loaded readers (fetched for it); the outer error: they could not be fetched.
pub async fn read_any_format(
    text: String,
    zone: String,
    name_hint: Option<String>,
) -> Result<Result<Imported, ScheduleError>, PartMissing> {
    super::live::mark_parse();
    match import_own(&text) {
        Ok(Ok(imported)) => Ok(Ok(imported)),
        Ok(Err(format)) => read_other_format(text, format, zone, name_hint).await,
        Err(error) => Ok(Err(error)),
    }
}

/// The readers of the other formats (frab, Sessionize, pretalx widget): a
/// lazily loaded part, fetched only when a file needs them.
#[wasm_split(importers, fallible)]
fn read_other_format(
    text: String,
    format: Format,
    zone: String,
    name_hint: Option<String>,
) -> Result<Result<Imported, ScheduleError>, PartMissing> {
    let options = ImportOptions {
        zone: Some(zone),
        names: &super::clock::BrowserZones,
        name_hint,
    };
    Ok(import_other(&text, format, &options))
}

/// The text at `url`, with when the service worker fetched it if it
/// answered offline, and its validators (the schedule's fetch; the
/// language catalogue's too, `browser::language`).
pub(crate) async fn fetch_text(
    url: &str,
) -> Result<(String, Option<String>, Validators), LoadError> {
    let network = || LoadError::Network {
        url: url.to_string(),
    };
    let window = super::window().ok_or_else(network)?;
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
    let validators = super::live::validators_of(&headers);
    Ok((
        text.as_string().ok_or_else(network)?,
        offline_as_of,
        validators,
    ))
}
