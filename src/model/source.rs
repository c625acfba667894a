//! Where the open schedule comes from, remembered so that it opens (offline)
//! next time: `schedule-viewer/current-schedule` in localStorage holds this as
//! JSON; the schedule body itself lives in the Cache Storage.

use serde::Serialize;

use super::json::Reader;
use super::schedule::ScheduleError;

/// The localStorage key of the schedule to open next time.
pub const CURRENT_SCHEDULE_KEY: &str = "schedule-viewer/current-schedule";

/// Where a schedule comes from. Stored as `{"kind": "default"}`,
/// `{"kind": "url", "url": …}` or `{"kind": "file", "name": …, "cache_url": …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(into = "StoredSource")]
pub enum ScheduleSource {
    /// The demo shipped with the app.
    Default,
    /// `?schedule=<url>`: fetched (through the service worker, which keeps a copy).
    Url { url: String },
    /// A local file the user opened; its body is cached under `cache_url`.
    File { name: String, cache_url: String },
}

/// The stored form, one flat record (serde's code for an internally tagged
/// enum was 8 KB of the start-up wasm); read by [`ScheduleSource::read`].
#[derive(Serialize, Default)]
struct StoredSource {
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_url: Option<String>,
}

impl ScheduleSource {
    /// Read the stored form; `None` when it is not a source this app wrote.
    pub fn from_json(text: &str) -> Option<ScheduleSource> {
        Reader::whole(text, ScheduleSource::read).ok()
    }

    /// The stored form at the reader's place (a value of the conferences list too).
    pub(crate) fn read(r: &mut Reader) -> Result<ScheduleSource, ScheduleError> {
        let s = r.record(|s: &mut StoredSource, r, key| {
            let field = match key {
                "kind" => {
                    s.kind = r.string()?;
                    return Ok(());
                }
                "url" => &mut s.url,
                "name" => &mut s.name,
                "cache_url" => &mut s.cache_url,
                _ => return r.skip(),
            };
            *field = r.optional_string()?;
            Ok(())
        })?;
        match (s.kind.as_str(), s.url, s.name, s.cache_url) {
            ("default", ..) => Ok(Self::Default),
            ("url", Some(url), ..) => Ok(Self::Url { url }),
            ("file", _, Some(name), Some(cache_url)) => Ok(Self::File { name, cache_url }),
            (kind, ..) => Err(r.error(&format!("not a schedule source of kind {kind:?}"))),
        }
    }
}

impl From<ScheduleSource> for StoredSource {
    fn from(s: ScheduleSource) -> Self {
        let (kind, url, name, cache_url) = match s {
            ScheduleSource::Default => ("default", None, None, None),
            ScheduleSource::Url { url } => ("url", Some(url), None, None),
            ScheduleSource::File { name, cache_url } => ("file", None, Some(name), Some(cache_url)),
        };
        StoredSource {
            kind: kind.into(),
            url,
            name,
            cache_url,
        }
    }
}

impl ScheduleSource {
    /// A short key naming this source, for what is remembered per schedule
    /// (the zone chosen for a Sessionize file): `schedule-viewer/zone/<key>`.
    pub fn zone_key(&self) -> String {
        let key = match self {
            Self::Default => "default",
            Self::Url { url } => url,
            Self::File { name, .. } => name,
        };
        format!("schedule-viewer/zone/{key}")
    }

    /// A name for a schedule whose file has no title: from its address or file name.
    pub fn name_hint(&self) -> Option<String> {
        match self {
            Self::Default => None,
            Self::Url { url } => super::import::name_hint(url),
            Self::File { name, .. } => super::import::name_hint(name),
        }
    }

    /// Words for the page: "schedule.json (a local file)".
    pub fn describe(&self) -> String {
        match self {
            Self::Default => "the demo schedule".into(),
            Self::Url { url } => url.clone(),
            Self::File { name, .. } => format!("{name} (a local file)"),
        }
    }
}

/// Is this a URL we may fetch a schedule from? Only http(s), or a path on this site.
pub fn acceptable_schedule_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || (lower.starts_with('/') && !lower.starts_with("//"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        // The stored form, as `browser::storage` writes it (serde) and
        // `ScheduleSource::from_json` reads it.
        let from_json = ScheduleSource::from_json;
        for s in [
            ScheduleSource::Default,
            ScheduleSource::Url {
                url: "https://example.org/schedule.json".into(),
            },
            ScheduleSource::File {
                name: "camp.json".into(),
                cache_url: "/local-schedules/1".into(),
            },
        ] {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(from_json(&json), Some(s));
        }
        assert_eq!(from_json("{\"kind\":\"ftp\"}"), None);
        assert_eq!(from_json("nope"), None);
    }

    #[test]
    fn the_stored_form_is_the_tagged_one() {
        let file = ScheduleSource::File {
            name: "camp.json".into(),
            cache_url: "/local-schedules/1".into(),
        };
        assert_eq!(
            serde_json::to_string(&file).unwrap(),
            r#"{"kind":"file","name":"camp.json","cache_url":"/local-schedules/1"}"#
        );
        assert_eq!(
            serde_json::to_string(&ScheduleSource::Default).unwrap(),
            r#"{"kind":"default"}"#
        );
        let url = r#"{"kind":"url","url":"https://x.org/s.json","extra":1,"name":null}"#;
        assert_eq!(
            ScheduleSource::from_json(url).unwrap(),
            ScheduleSource::Url {
                url: "https://x.org/s.json".into()
            }
        );
        for bad in [
            r#"{"kind":"url"}"#,
            r#"{"kind":"file","name":"a"}"#,
            r#"{"kind":"ftp"}"#,
            r#"{"kind":"url","url":7}"#,
            r#"{"kind":"default"} {}"#,
            r#"{"url":"https://x.org/s.json"}"#,
            "[]",
        ] {
            assert_eq!(ScheduleSource::from_json(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_http_or_same_site_urls() {
        assert!(acceptable_schedule_url(
            "https://pretalx.example/ev/schedule/export/schedule.json"
        ));
        assert!(acceptable_schedule_url("/data/camp.json"));
        assert!(!acceptable_schedule_url("//evil.example/x.json"));
        assert!(!acceptable_schedule_url("javascript:alert(1)"));
        assert!(!acceptable_schedule_url("file:///etc/passwd"));
    }
}
