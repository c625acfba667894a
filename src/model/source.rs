//! Where the open schedule comes from, remembered so that it opens (offline)
//! next time: `schedule-viewer/current-schedule` in localStorage holds this as
//! JSON; the schedule body itself lives in the Cache Storage.

use super::json::{self, JsonError, Reader};
use super::words::tr;
use crate::trf;

/// The localStorage key of the schedule to open next time.
pub const CURRENT_SCHEDULE_KEY: &str = "schedule-viewer/current-schedule";

/// The stored record's field that names its kind (the build's guard script
/// reads it too: `build::guard_names`).
pub const KIND_FIELD: &str = "kind";

/// The kind of the stored record of the demo shipped with the app.
pub const DEFAULT_KIND: &str = "default";

/// Where a schedule comes from. Stored as `{"kind": "default"}`,
/// `{"kind": "url", "url": …}` or `{"kind": "file", "name": …, "cache_url": …}`:
/// one flat record (serde's code for an internally tagged enum was 8 KB of
/// the start-up wasm), written by [`ScheduleSource::write`] and read by
/// [`ScheduleSource::read`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ScheduleSource {
    /// The demo shipped with the app.
    #[default]
    Default,
    /// `?schedule=<url>`: fetched (through the service worker, which keeps a copy).
    Url { url: String },
    /// A local file the user opened; its body is cached under `cache_url`.
    File { name: String, cache_url: String },
}

/// The stored record's fields, as read.
#[derive(Default)]
struct StoredSource {
    kind: String,
    url: Option<String>,
    name: Option<String>,
    cache_url: Option<String>,
}

impl ScheduleSource {
    /// Read the stored form; `None` when it is not a source this app wrote.
    pub fn from_json(text: &str) -> Option<ScheduleSource> {
        Reader::whole(text, ScheduleSource::read).ok()
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        json::write(|w| self.write(w))
    }

    /// The stored form, at the writer's place (a value of the conferences list too).
    pub(crate) fn write(&self, w: &mut json::Writer) {
        w.object(|w| match self {
            Self::Default => w.field(KIND_FIELD).text(DEFAULT_KIND),
            Self::Url { url } => {
                w.field(KIND_FIELD).text("url");
                w.field("url").text(url);
            }
            Self::File { name, cache_url } => {
                w.field(KIND_FIELD).text("file");
                w.field("name").text(name);
                w.field("cache_url").text(cache_url);
            }
        })
    }

    /// The stored form at the reader's place (a value of the conferences list too).
    pub(crate) fn read(r: &mut Reader) -> Result<ScheduleSource, JsonError> {
        let s = r.record(|s: &mut StoredSource, r, key| {
            let field = match key {
                KIND_FIELD => {
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
            (DEFAULT_KIND, ..) => Ok(Self::Default),
            ("url", Some(url), ..) => Ok(Self::Url { url }),
            ("file", _, Some(name), Some(cache_url)) => Ok(Self::File { name, cache_url }),
            (kind, ..) => Err(r.error(&format!("not a schedule source of kind {kind:?}"))),
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
            Self::Default => tr("the demo schedule").into(),
            Self::Url { url } => url.clone(),
            Self::File { name, .. } => trf!("{name} (a local file)", name = name),
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
        // The stored form, as `ScheduleSource::to_json` writes it and
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
            let json = s.to_json();
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
            file.to_json(),
            r#"{"kind":"file","name":"camp.json","cache_url":"/local-schedules/1"}"#
        );
        assert_eq!(ScheduleSource::Default.to_json(), r#"{"kind":"default"}"#);
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
