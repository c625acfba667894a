//! Fetching the schedule file.

use std::fmt;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::import::{import, Format, ImportOptions, Imported};
use crate::model::schedule::{Schedule, ScheduleError};
use crate::model::source::{acceptable_schedule_url, ScheduleSource};

/// The schedule the app opens by default (absolute: views live at `/track/…` etc.).
pub const DEFAULT_SCHEDULE_URL: &str = "/schedule.json";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The request itself failed (offline, blocked by CORS, bad URL).
    Network { url: String },
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// The file arrived but is not a usable schedule.
    Schedule { url: String, error: ScheduleError },
    /// `?schedule=` named something that is not an http(s) URL or a path on this site.
    BadUrl { url: String },
    /// A local file opened earlier is no longer in the browser's cache.
    LocalMissing { name: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network { url } => write!(
                f,
                "The schedule at {url} could not be fetched. Check the connection (or, for another site, that it allows cross-origin requests)."
            ),
            Self::Http { url, status } => {
                write!(f, "The server answered {status} for the schedule at {url}.")
            }
            Self::Schedule { url, error } => write!(f, "In {url}: {error}."),
            Self::BadUrl { url } => write!(
                f,
                "\"{url}\" is not a schedule address this app can open: use an http(s) URL."
            ),
            Self::LocalMissing { name } => write!(
                f,
                "The local file {name} opened earlier is no longer stored in this browser. Open it again."
            ),
        }
    }
}

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
    let options = ImportOptions {
        zone: Some(zone.to_string()),
        names: &super::clock::BrowserZones,
        name_hint: source.name_hint(),
    };
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
    let Imported {
        schedule,
        format,
        zone_assumed,
    } = import(&text, &options).map_err(|error| LoadError::Schedule { url: label, error })?;
    Ok(LoadedSchedule {
        schedule,
        format,
        zone_assumed,
        offline_as_of,
    })
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
