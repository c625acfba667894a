//! What the build step writes beside the app for link previews and search
//! engines (native only): one page per route of the deployed schedule, each
//! with its own `<head>` (title, description, canonical URL, Open Graph,
//! Twitter card, and for a session a schema.org `Event` as JSON-LD), and the
//! `sitemap.xml` of those pages. The titles are the ones the app sets
//! ([`page_title`]), so a built page and the app that takes it over agree. Times are the conference's,
//! named zones resolved with the IANA database ([`TzdbZones`]).

use std::collections::HashSet;
use std::fmt::Write;

use serde_json::{json, Map, Value};

use super::convert::TzdbZones;
use super::page::page_title;
use super::route::Route;
use super::schedule::{Schedule, Session};
use super::time::{self, ConferenceZone};
use crate::{trf, trn};

/// The longest page description, in characters.
pub const DESCRIPTION_MAX: usize = 200;

/// The longest abstract in a session's JSON-LD, in characters.
const JSON_LD_ABSTRACT_MAX: usize = 300;

/// Where the deployed app lives: `--base` of `scripts/build.sh`, a path
/// ("/mesoscon/2017/", "/") or a full http(s) URL ("https://example.org/mesoscon/2017/").
///
/// `Site::parse("https://example.org/mesoscon/2017")` joins `/session/x` as
/// `https://example.org/mesoscon/2017/session/x` (`urls_join_origin_base_and_route_path`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The path, starting and ending with '/'.
    pub base: String,
    /// "https://example.org" (scheme and host, maybe a port; no trailing slash), if given.
    pub origin: Option<String>,
}

impl Site {
    /// Read `--base`: a path must start with '/' (a missing trailing '/' is
    /// added); a URL must be http(s), its host and port read by the `url`
    /// crate. A query, a fragment, a "." or ".." segment, an empty segment,
    /// whitespace or a character a URL path must escape is refused with a
    /// plain message.
    pub fn parse(arg: &str) -> Result<Site, String> {
        if arg.is_empty() {
            return Err("The base is empty: give a path such as /mesoscon/2017/ or /.".into());
        }
        if arg.chars().any(char::is_whitespace) {
            return Err(format!("The base {arg:?} contains whitespace."));
        }
        if arg.contains('?') || arg.contains('#') {
            return Err(format!(
                "The base {arg:?} has a query or a fragment: give a path only."
            ));
        }
        let lower = arg.to_ascii_lowercase();
        let (origin, path) = if let Some(scheme) = ["https://", "http://"]
            .into_iter()
            .find(|s| lower.starts_with(s))
        {
            let after = &arg[scheme.len()..];
            let path = after.find('/').map_or("/", |i| &after[i..]);
            (Some(origin_of(arg)?), path)
        } else if arg.starts_with('/') {
            (None, arg)
        } else if arg.contains(':') {
            return Err(format!(
                "The base {arg:?} is not an http(s) URL: give https://host/path/ or a path such as /mesoscon/2017/."
            ));
        } else {
            return Err(format!(
                "The base {arg:?} does not start with '/': write it as /{arg}."
            ));
        };
        check_path(arg, path)?;
        // As a browser reads it: "%2e" is a "." segment there.
        let read = url::Url::parse("http://host/").and_then(|u| u.join(path));
        if read.as_ref().map(url::Url::path) != Ok(path) {
            return Err(format!(
                "The base {arg:?} has a \".\" or \"..\" segment: give the path as it is served."
            ));
        }
        let base = super::route::base_path(path)
            .ok_or_else(|| format!("The base {arg:?} is not a path."))?;
        Ok(Site { base, origin })
    }

    /// The URL of a route path given without the base (as [`Route::path`]
    /// returns it, e.g. "/session/x"): origin (if any) and the path under
    /// the base by [`super::route::join_base`], as [`Route::href`] makes it.
    /// The programme ("/") is the base itself.
    pub fn url(&self, route_path: &str) -> String {
        format!(
            "{}{}",
            self.origin.as_deref().unwrap_or_default(),
            super::route::join_base(&self.base, route_path)
        )
    }
}

/// The origin of an http(s) `--base` ("https://example.org:8080"), read by
/// the `url` crate: a host of letters, digits, '-' and '.' (or an IP
/// address), maybe a port, no user name or password.
fn origin_of(arg: &str) -> Result<String, String> {
    let refused = || {
        format!(
            "The base {arg:?} has no usable host: give https://example.org/path/ (letters, digits, '-' and '.', maybe a :port)."
        )
    };
    let url = url::Url::parse(arg).map_err(|_| refused())?;
    let host_ok = match url.host() {
        Some(url::Host::Domain(name)) => {
            !name.starts_with('.')
                && !name.ends_with('.')
                && !name.contains("..")
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        }
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => true,
        None => false,
    };
    if !host_ok || !url.username().is_empty() || url.password().is_some() {
        return Err(refused());
    }
    Ok(url.origin().ascii_serialization())
}

/// A base path: segments of RFC 3986 unreserved characters and well formed
/// percent-escapes (no sub-delimiters: a quote or an '&' would need escaping
/// in the page's script and markup), none empty, "." or "..".
fn check_path(arg: &str, path: &str) -> Result<(), String> {
    if path == "/" {
        return Ok(());
    }
    let inner = path.strip_prefix('/').unwrap_or(path);
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    for segment in inner.split('/') {
        if segment.is_empty() {
            return Err(format!("The base {arg:?} has an empty segment (\"//\")."));
        }
        if segment == "." || segment == ".." {
            return Err(format!(
                "The base {arg:?} has a \"{segment}\" segment: give the path as it is served."
            ));
        }
        let bytes = segment.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ok = b.is_ascii_alphanumeric()
                || b"-._~".contains(&b)
                || (b == b'%'
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit));
            if !ok {
                return Err(format!(
                    "The base {arg:?} has a character a URL path must escape ({:?}): write it percent-encoded.",
                    segment[i..].chars().next().unwrap_or('?')
                ));
            }
        }
    }
    Ok(())
}

/// One page the build writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The route it shows.
    pub route: Route,
    /// Where it is written, relative to the output folder:
    /// "<route path>/index.html" with the path's segments decoded, as a host
    /// looks them up; "index.html" for the programme.
    pub file: String,
    /// The document title, exactly as the app sets it for this route ([`page_title`]).
    pub title: String,
    /// One or two plain sentences, at most [`DESCRIPTION_MAX`] characters.
    pub description: String,
    /// The `<head>` markup of this page, one tag a line (see [`pages`]).
    pub head: String,
}

/// Every page built for the deployed schedule, in this order: the programme
/// ("/"), each track, each day's timetable, each session, the speakers
/// directory, each speaker, each room. Agenda, now and conferences are personal or
/// live and are not built; neither is a route whose parameter the browser
/// would rewrite ("." or "..") or that is empty.
///
/// Each page's `head` holds, one a line: `<title>`, `<meta name="description">`,
/// `<link rel="canonical">`, `og:type` ("article" for a session, else
/// "website"), `og:site_name`, `og:title`, `og:description`, `og:url`,
/// `twitter:card` (summary: its title and description are Open Graph's), and for
/// a session a `<script type="application/ld+json">` ([`session_json_ld`]).
pub fn pages(schedule: &Schedule, site: &Site) -> Vec<Page> {
    let facts = Facts::of(schedule);
    let conf = schedule.conference.title.as_str();
    let mut out: Vec<Page> = Vec::new();
    let mut files: HashSet<String> = HashSet::new();
    let mut add = |route: Route, description: String, json_ld: Option<Value>| {
        let Some(file) = file_of(&route) else { return };
        if !files.insert(file.clone()) {
            return;
        }
        let title = page_title(&route, schedule);
        let description = truncate(&one_line(&description), DESCRIPTION_MAX);
        let url = site.url(&route.path());
        let head = head(&title, &description, &url, conf, json_ld.as_ref());
        out.push(Page {
            route,
            file,
            title,
            description,
            head,
        });
    };

    add(
        Route::Programme,
        programme_description(schedule, &facts),
        None,
    );
    for (i, track) in schedule.tracks.iter().enumerate() {
        let n = schedule
            .sessions
            .iter()
            .filter(|s| s.track == Some(i))
            .count();
        add(
            Route::Track(track.id.clone()),
            trn!(
                "{n} session in the {track} track of {conf}{dates}.",
                "{n} sessions in the {track} track of {conf}{dates}.",
                n,
                track = track.name,
                conf = conf,
                dates = facts.dates_after_comma()
            ),
            None,
        );
    }
    for &day in &schedule.days {
        add(
            Route::Timetable(Some(day.to_string())),
            day_description(schedule, &facts, day),
            None,
        );
    }
    for session in &schedule.sessions {
        add(
            Route::Session(session.id.clone()),
            session_description(schedule, &facts, session),
            Some(session_json_ld(schedule, session, site)),
        );
    }
    let listed = (0..schedule.speakers.len())
        .filter(|&i| !schedule.sessions_of_speaker(i).is_empty())
        .count();
    add(
        Route::Speakers,
        trn!(
            "{n} speaker at {conf}.",
            "{n} speakers at {conf}.",
            listed,
            conf = conf
        ),
        None,
    );
    for (i, speaker) in schedule.speakers.iter().enumerate() {
        let titles: Vec<String> = schedule
            .sessions_of_speaker(i)
            .iter()
            .map(|&s| trf!("“{title}”", title = schedule.sessions[s].title))
            .collect();
        let who = speaker.name_and_affiliation();
        let description = if titles.is_empty() {
            trf!("{speaker} at {conf}.", speaker = who, conf = conf)
        } else {
            trf!(
                "{speaker} at {conf}: {titles}.",
                speaker = who,
                conf = conf,
                titles = titles.join(", ")
            )
        };
        add(Route::Speaker(speaker.id.clone()), description, None);
    }
    for (i, room) in schedule.rooms.iter().enumerate() {
        let n = schedule
            .sessions
            .iter()
            .filter(|s| s.room == Some(i))
            .count();
        let description = match room.description() {
            Some(text) => format!("{}, {conf}: {text}", room.name),
            None => trn!(
                "{n} session in {room} at {conf}{dates}.",
                "{n} sessions in {room} at {conf}{dates}.",
                n,
                room = room.name,
                conf = conf,
                dates = facts.dates_after_comma()
            ),
        };
        add(Route::Room(room.id.clone()), description, None);
    }
    out
}

/// The `<head>` of a page the build writes as the app's shell alone (the
/// personal routes, and 404.html for [`Route::NotFound`]): the title the app
/// sets there ([`page_title`]) and the programme's description; the 404
/// page not to be indexed.
pub fn shell_head(schedule: &Schedule, route: &Route) -> String {
    let title = escape_html(&page_title(route, schedule));
    match route {
        Route::NotFound => {
            format!("<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\" />")
        }
        _ => format!(
            "<title>{title}</title>\n<meta name=\"description\" content=\"{}\" />",
            escape_html(&truncate(
                &one_line(&programme_description(schedule, &Facts::of(schedule))),
                DESCRIPTION_MAX
            ))
        ),
    }
}

/// `sitemap.xml` of exactly these pages: their canonical URLs, XML-escaped,
/// without `<lastmod>`. Search engines take absolute URLs only: write it
/// when `site.origin` is given.
pub fn sitemap(pages: &[Page], site: &Site) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let _ = writeln!(
            xml,
            "<url><loc>{}</loc></url>",
            escape_xml(&site.url(&page.route.path()))
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The schema.org `Event` of a session, as JSON-LD: its times in the
/// conference's zone (RFC 3339 with the offset at that instant), room and
/// conference location, speakers, abstract (cut at ~300 characters), its
/// canonical URL, and the conference as its `superEvent`.
pub fn session_json_ld(schedule: &Schedule, session: &Session, site: &Site) -> Value {
    let zone = ConferenceZone::of(schedule);
    let show = |t| zone.show(t, &TzdbZones);
    let conf = &schedule.conference;
    let mut event = Map::new();
    event.insert("@context".into(), json!("https://schema.org"));
    event.insert("@type".into(), json!("Event"));
    event.insert("name".into(), json!(session.title));
    event.insert("startDate".into(), json!(show(session.start).to_rfc3339()));
    event.insert("endDate".into(), json!(show(session.end).to_rfc3339()));
    event.insert(
        "eventAttendanceMode".into(),
        json!("https://schema.org/OfflineEventAttendanceMode"),
    );
    let room = schedule.room_name(session).trim();
    if !room.is_empty() {
        let mut place = Map::new();
        place.insert("@type".into(), json!("Place"));
        place.insert("name".into(), json!(room));
        if !conf.location.trim().is_empty() {
            place.insert("address".into(), json!(conf.location.trim()));
        }
        event.insert("location".into(), Value::Object(place));
    }
    if !session.speakers.is_empty() {
        let people: Vec<Value> = session
            .speakers
            .iter()
            .map(|&p| {
                let sp = &schedule.speakers[p];
                let mut person = Map::new();
                person.insert("@type".into(), json!("Person"));
                person.insert("name".into(), json!(sp.name));
                if let Some(a) = sp.affiliation.as_deref().filter(|a| !a.trim().is_empty()) {
                    person.insert(
                        "affiliation".into(),
                        json!({"@type": "Organization", "name": a.trim()}),
                    );
                }
                Value::Object(person)
            })
            .collect();
        event.insert("performer".into(), Value::Array(people));
    }
    let abstract_text = one_line(&session.abstract_text);
    if !abstract_text.is_empty() {
        event.insert(
            "description".into(),
            json!(truncate(&abstract_text, JSON_LD_ABSTRACT_MAX)),
        );
    }
    event.insert(
        "url".into(),
        json!(site.url(&Route::Session(session.id.clone()).path())),
    );
    let mut conference = Map::new();
    conference.insert("@type".into(), json!("Event"));
    conference.insert("name".into(), json!(conf.title));
    if let (Some(a), Some(b)) = (schedule.days.first(), schedule.days.last()) {
        conference.insert("startDate".into(), json!(a.to_string()));
        conference.insert("endDate".into(), json!(b.to_string()));
    }
    conference.insert("url".into(), json!(site.url("/")));
    event.insert("superEvent".into(), Value::Object(conference));
    Value::Object(event)
}

/// Escape text for HTML content and (double- or single-quoted) attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escape text for XML content.
fn escape_xml(s: &str) -> String {
    escape_html(s).replace("&#39;", "&apos;")
}

/// JSON for a `<script>` data block: no '<' (so no "</script>" and no
/// "<!--"), '>' or '&' left raw; they occur only inside strings, where the
/// `\u` escapes read back as the same characters.
fn script_safe_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The `<head>` markup of a page, one tag a line; a page with JSON-LD (a
/// session's) is an article.
fn head(
    title: &str,
    description: &str,
    url: &str,
    site_name: &str,
    json_ld: Option<&Value>,
) -> String {
    let (t, d, u, n) = (
        escape_html(title),
        escape_html(description),
        escape_html(url),
        escape_html(site_name),
    );
    let og_type = if json_ld.is_some() {
        "article"
    } else {
        "website"
    };
    let mut h = format!(
        "<title>{t}</title>\n\
         <meta name=\"description\" content=\"{d}\">\n\
         <link rel=\"canonical\" href=\"{u}\">\n\
         <meta property=\"og:type\" content=\"{og_type}\">\n\
         <meta property=\"og:site_name\" content=\"{n}\">\n\
         <meta property=\"og:title\" content=\"{t}\">\n\
         <meta property=\"og:description\" content=\"{d}\">\n\
         <meta property=\"og:url\" content=\"{u}\">\n\
         <meta name=\"twitter:card\" content=\"summary\">"
    );
    if let Some(value) = json_ld {
        let _ = write!(
            h,
            "\n<script type=\"application/ld+json\">{}</script>",
            script_safe_json(value)
        );
    }
    h
}

/// Where a route's page is written: "<route path>/index.html", its segments
/// decoded as a host decodes a request's path before it looks for the file
/// ("/session/a%20b" is served from "session/a b/index.html"); None for a
/// parameter no file can be named by (empty, "." or "..", or holding a '/',
/// a '\\' or a control character): that page is the app's alone (404.html).
/// The one rule for a built page's file, the app's own routes' included.
pub fn file_of(route: &Route) -> Option<String> {
    let path = route.path();
    let path = path.strip_prefix('/').unwrap_or(&path);
    if path.is_empty() {
        return Some("index.html".into());
    }
    let mut file = String::new();
    for seg in path.split('/') {
        let seg = super::url::decode_path_segment(seg);
        let usable = !seg.is_empty()
            && seg != "."
            && seg != ".."
            && !seg.contains(['/', '\\'])
            && !seg.chars().any(char::is_control);
        if !usable {
            return None;
        }
        file.push_str(&seg);
        file.push('/');
    }
    Some(format!("{file}index.html"))
}

/// What several descriptions say about the whole conference.
struct Facts {
    zone: ConferenceZone,
    /// "26–27 October 2017", or "" for a schedule without sessions.
    dates: String,
}

impl Facts {
    fn of(schedule: &Schedule) -> Facts {
        let dates = match (schedule.days.first(), schedule.days.last()) {
            (Some(a), Some(b)) => time::date_range(*a, *b),
            _ => String::new(),
        };
        Facts {
            zone: ConferenceZone::of(schedule),
            dates,
        }
    }

    /// ", 26–27 October 2017", or "".
    fn dates_after_comma(&self) -> String {
        if self.dates.is_empty() {
            String::new()
        } else {
            format!(", {}", self.dates)
        }
    }

    fn show(&self, t: time::Instant) -> time::Instant {
        self.zone.show(t, &TzdbZones)
    }
}

/// "MesosCon Europe 2017, 26–27 October 2017, Prague, Czech Republic: 28 sessions."
fn programme_description(schedule: &Schedule, facts: &Facts) -> String {
    let location = schedule.conference.location.trim();
    let location = if location.is_empty() {
        String::new()
    } else {
        format!(", {location}")
    };
    format!(
        "{}{}{location}: {}.",
        schedule.conference.title,
        facts.dates_after_comma(),
        trn!("{n} session", "{n} sessions", schedule.sessions.len())
    )
}

/// "16 sessions on Thursday 26 October 2017 at MesosCon Europe 2017,
/// 09:00–20:30 UTC+02:00, in 6 rooms."
fn day_description(schedule: &Schedule, facts: &Facts, day: chrono::NaiveDate) -> String {
    let on_day: Vec<&Session> = schedule.sessions.iter().filter(|s| s.day == day).collect();
    let mut text = trn!(
        "{n} session on {day} at {conf}",
        "{n} sessions on {day} at {conf}",
        on_day.len(),
        day = time::long_day(day),
        conf = schedule.conference.title
    );
    let first = on_day.iter().map(|s| s.start).min();
    let last = on_day.iter().map(|s| s.end).max();
    if let (Some(a), Some(b)) = (first, last) {
        let (a, b) = (facts.show(a), facts.show(b));
        let _ = write!(
            text,
            ", {} {}",
            time::clock_range(&a, &b),
            time::offset_label(&a)
        );
    }
    let mut rooms: Vec<usize> = on_day.iter().filter_map(|s| s.room).collect();
    rooms.sort_unstable();
    rooms.dedup();
    if !rooms.is_empty() {
        let _ = write!(
            text,
            ", {}",
            trn!("in {n} room", "in {n} rooms", rooms.len())
        );
    }
    text.push('.');
    text
}

/// "Thursday 26 October 2017, 09:00–09:30 UTC+02:00 · Congress Hall · Ben
/// Hindman. Opening keynote." (the abstract's first sentence, cut to fit).
fn session_description(schedule: &Schedule, facts: &Facts, s: &Session) -> String {
    let (a, b) = (facts.show(s.start), facts.show(s.end));
    let mut text = format!(
        "{}, {} {}",
        time::long_day(a.date_naive()),
        time::clock_range(&a, &b),
        time::offset_label(&a)
    );
    let room = schedule.room_name(s).trim();
    if !room.is_empty() {
        let _ = write!(text, " · {room}");
    }
    if !s.speakers.is_empty() {
        let names: Vec<&str> = s
            .speakers
            .iter()
            .map(|&p| schedule.speakers[p].name.as_str())
            .collect();
        let _ = write!(text, " · {}", names.join(", "));
    }
    text.push('.');
    let abstract_text = one_line(&s.abstract_text);
    let sentence = first_sentence(&abstract_text);
    if !sentence.is_empty() {
        let _ = write!(text, " {sentence}");
    }
    text
}

/// Whitespace (newlines included) collapsed to single spaces, trimmed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text up to and including its first '.', '!' or '?' that ends a
/// word (followed by a space or the end); the whole text if none does.
fn first_sentence(s: &str) -> &str {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, n)| *n == ' ') {
            return &s[..i + c.len_utf8()];
        }
    }
    s
}

/// At most `max` characters: cut at the last word that fits, with '…'.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let keep: String = s.chars().take(max.saturating_sub(1)).collect();
    let at_word = match keep.rfind(' ') {
        Some(i) if i > 0 => &keep[..i],
        _ => keep.as_str(),
    };
    let trimmed = at_word.trim_end_matches([' ', ',', ';', ':', '·', '-', '–', '(']);
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::{parse_schedule, tests::small};

    fn site(arg: &str) -> Site {
        Site::parse(arg).unwrap()
    }

    #[test]
    fn a_base_path_or_url_is_read_and_a_missing_slash_added() {
        let s = site("/mesoscon/2017/");
        assert_eq!((s.base.as_str(), s.origin), ("/mesoscon/2017/", None));
        assert_eq!(site("/mesoscon/2017").base, "/mesoscon/2017/");
        assert_eq!(site("/").base, "/");
        assert_eq!(site("/a%20b/c~d/").base, "/a%20b/c~d/");
        let u = site("https://example.org/mesoscon/2017/");
        assert_eq!(u.base, "/mesoscon/2017/");
        assert_eq!(u.origin.as_deref(), Some("https://example.org"));
        let u = site("HTTP://Example.org:8080");
        assert_eq!(u.base, "/");
        assert_eq!(u.origin.as_deref(), Some("http://example.org:8080"));
        assert_eq!(site("https://example.org/x").base, "/x/");
        // The url crate's reading: the default port is no part of the origin.
        let u = site("https://Example.org:443/a/");
        assert_eq!(u.origin.as_deref(), Some("https://example.org"));
        assert_eq!(
            site("http://127.0.0.1:8080/").origin.as_deref(),
            Some("http://127.0.0.1:8080")
        );
    }

    #[test]
    fn a_base_that_is_not_a_plain_path_is_refused_in_words() {
        for (bad, says) in [
            ("", "empty"),
            ("mesoscon/2017/", "does not start with '/'"),
            ("/a?b=1", "query"),
            ("/a/#x", "fragment"),
            ("/a/../b/", "\"..\""),
            ("/a/./b/", "\".\""),
            ("/a//b/", "empty segment"),
            ("//example.org/", "empty segment"),
            ("/a b/", "whitespace"),
            (" /a/", "whitespace"),
            ("/a/\n", "whitespace"),
            ("/café/", "percent-encoded"),
            ("/a&b/", "percent-encoded"),
            ("/o'neil/", "percent-encoded"),
            ("/a\\b/", "percent-encoded"),
            ("/a%zz/", "percent-encoded"),
            ("/a/%2e%2E/b/", "\"..\""),
            ("https://example.org/%2e/", "\".\""),
            ("ftp://example.org/", "not an http(s) URL"),
            ("javascript:alert(1)", "not an http(s) URL"),
            ("https://", "no usable host"),
            ("https://user@example.org/", "no usable host"),
            ("https://example.org:80x/", "no usable host"),
            ("https://exa_mple.org/", "no usable host"),
        ] {
            let err = Site::parse(bad)
                .err()
                .unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert!(err.contains(says), "{bad:?}: {err}");
            assert!(!err.contains('\n') && err.ends_with('.'), "{err}");
        }
    }

    #[test]
    fn urls_join_origin_base_and_route_path() {
        let path = site("/mesoscon/2017/");
        assert_eq!(path.url("/session/x"), "/mesoscon/2017/session/x");
        assert_eq!(path.url("/"), "/mesoscon/2017/");
        let root = site("/");
        assert_eq!(root.url("/session/x"), "/session/x");
        assert_eq!(root.url("/"), "/");
        let full = site("https://example.org/mesoscon/2017");
        assert_eq!(
            full.url(&Route::Speaker("a b".into()).path()),
            "https://example.org/mesoscon/2017/speaker/a%20b"
        );
        assert_eq!(full.url("/"), "https://example.org/mesoscon/2017/");
        assert_eq!(
            site("https://example.org").url("/speakers"),
            "https://example.org/speakers"
        );
    }

    /// One base rule: a built page's URL, the folder its file is served
    /// from and the app's link to its route are the same path under a base.
    #[test]
    fn a_built_page_s_file_and_url_are_its_route_s_href_under_the_base() {
        use crate::model::route::{join_base, set_base};
        let mut s = small();
        let i = s.session_position("s1").unwrap();
        s.sessions[i].id = "b c#é".into();
        let site = site("/m/2017");
        set_base(&site.base);
        let served = |file: &str| {
            let folder = file.trim_end_matches("index.html");
            let encoded: Vec<String> = folder.split('/').map(crate::model::url::encode).collect();
            join_base(&site.base, &encoded.join("/"))
        };
        let mut routes: Vec<Route> = pages(&s, &site).into_iter().map(|p| p.route).collect();
        routes.extend([
            Route::Agenda,
            Route::SharedAgenda,
            Route::Now,
            Route::Conferences,
            Route::Timetable(None),
        ]);
        for route in routes {
            let href = route.href();
            assert_eq!(site.url(&route.path()), href);
            let file = file_of(&route).unwrap();
            let at = served(&file);
            assert_eq!(
                at.trim_end_matches('/'),
                href.trim_end_matches('/'),
                "{file}"
            );
            assert_eq!(Route::parse(&at), route, "{at}");
        }
        set_base("/");
    }

    #[test]
    fn the_pages_are_the_built_routes_in_order_with_the_app_s_titles() {
        let s = small();
        let p = pages(&s, &site("/"));
        let files: Vec<&str> = p.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(
            files,
            [
                "index.html",
                "track/ops/index.html",
                "track/dev/index.html",
                "timetable/2017-10-26/index.html",
                "timetable/2017-10-27/index.html",
                "session/s1/index.html",
                "session/s2/index.html",
                "session/s3/index.html",
                "speakers/index.html",
                "speaker/ada/index.html",
                "speaker/bob/index.html",
                "room/a/index.html",
                "room/b/index.html",
            ]
        );
        let titles: Vec<&str> = p.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Programme · Conf",
                "Ops · Conf",
                "Dev · Conf",
                "Timetable, Thursday 26 October 2017 · Conf",
                "Timetable, Friday 27 October 2017 · Conf",
                "First · Conf",
                "Second · Conf",
                "Third · Conf",
                "Speakers · Conf",
                "Ádám Sándor · Conf",
                "Bob · Conf",
                "Room A · Conf",
                "Room B · Conf",
            ]
        );
        for page in &p {
            assert_eq!(Route::parse(&page.route.path()), page.route);
        }
    }

    #[test]
    fn descriptions_say_what_the_page_holds_in_one_plain_line() {
        let s = small();
        let p = pages(&s, &site("/"));
        let d = |file: &str| {
            p.iter()
                .find(|p| p.file == file)
                .map(|p| p.description.clone())
                .unwrap()
        };
        assert_eq!(
            d("index.html"),
            "Conf, 26–27 October 2017, Prague: 3 sessions."
        );
        assert_eq!(
            d("track/ops/index.html"),
            "1 session in the Ops track of Conf, 26–27 October 2017."
        );
        assert_eq!(
            d("track/dev/index.html"),
            "2 sessions in the Dev track of Conf, 26–27 October 2017."
        );
        assert_eq!(
            d("timetable/2017-10-26/index.html"),
            "2 sessions on Thursday 26 October 2017 at Conf, 09:00–11:40 UTC+02:00, in 2 rooms."
        );
        assert_eq!(
            d("timetable/2017-10-27/index.html"),
            "1 session on Friday 27 October 2017 at Conf, 10:00–10:40 UTC+02:00, in 1 room."
        );
        assert_eq!(
            d("session/s1/index.html"),
            "Thursday 26 October 2017, 09:00–09:30 UTC+02:00 · Room B · Ádám Sándor, Bob. Knee deep."
        );
        assert_eq!(
            d("session/s3/index.html"),
            "Friday 27 October 2017, 10:00–10:40 UTC+02:00 · Room A."
        );
        assert_eq!(d("speakers/index.html"), "2 speakers at Conf.");
        assert_eq!(
            d("speaker/ada/index.html"),
            "Ádám Sándor (Container Solutions) at Conf: “First”."
        );
        assert_eq!(
            d("speaker/bob/index.html"),
            "Bob at Conf: “First”, “Second”."
        );
        assert_eq!(
            d("room/a/index.html"),
            "2 sessions in Room A at Conf, 26–27 October 2017."
        );
        assert_eq!(
            d("room/b/index.html"),
            "1 session in Room B at Conf, 26–27 October 2017."
        );
        // A room the file describes is previewed by its description (the
        // English one), on one line.
        let mut s = small();
        s.rooms[1].description = vec![
            ("de".into(), "Hörsaal".into()),
            ("en".into(), "Lecture hall,\n\nLevel +2".into()),
        ];
        let p = pages(&s, &site("/"));
        let room = p.iter().find(|p| p.file == "room/b/index.html").unwrap();
        assert_eq!(room.description, "Room B, Conf: Lecture hall, Level +2");
        assert!(
            room.head.contains("Lecture hall, Level +2"),
            "{}",
            room.head
        );
    }

    #[test]
    fn a_long_description_is_cut_at_a_word_and_only_the_first_sentence_is_taken() {
        let mut s = small();
        let i = s.session_position("s1").unwrap();
        s.sessions[i].abstract_text =
            "It opens the day. Then it goes on about many other things.".into();
        let p = pages(&s, &site("/"));
        assert!(
            p[5].description.ends_with("Bob. It opens the day."),
            "{}",
            p[5].description
        );
        s.sessions[i].abstract_text = format!("Words{} and more.", " word".repeat(60));
        let p = pages(&s, &site("/"));
        let d = &p[5].description;
        let full = format!(
            "Thursday 26 October 2017, 09:00–09:30 UTC+02:00 · Room B · Ádám Sándor, Bob. {}",
            s.sessions[i].abstract_text
        );
        let kept = d.strip_suffix('…').unwrap();
        assert!(d.chars().count() <= DESCRIPTION_MAX, "{d}");
        assert!(d.chars().count() > DESCRIPTION_MAX - 6, "{d}");
        assert!(
            full.starts_with(kept) && full[kept.len()..].starts_with(' '),
            "{d}"
        );
        assert!(kept.ends_with(" word"), "{d}");
        assert_eq!(truncate("abc def", 7), "abc def");
        assert_eq!(truncate("abc def", 6), "abc…");
        assert_eq!(truncate("abcdefgh", 4), "abc…");
        assert_eq!(first_sentence("e.g.x. Yes. No"), "e.g.x.");
        assert_eq!(first_sentence("No end"), "No end");
    }

    const HOSTILE: &str = "<script>alert(1)</script>\"&";

    #[test]
    fn head_escapes_a_hostile_title_in_every_tag_and_json_ld_cannot_close_its_script() {
        let mut s = small();
        s.conference.title = HOSTILE.into();
        let i = s.session_position("s1").unwrap();
        s.sessions[i].title = HOSTILE.into();
        s.sessions[i].abstract_text = format!("{HOSTILE} <!-- x");
        let p = pages(&s, &site("https://example.org/a%26b/"));
        let page = p
            .iter()
            .find(|p| p.file == "session/s1/index.html")
            .unwrap();
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;";
        let head = &page.head;
        let lines: Vec<&str> = head.lines().collect();
        assert_eq!(lines.len(), 10, "{head}");
        assert_eq!(lines[0], format!("<title>{escaped} · {escaped}</title>"));
        for name in ["og:site_name", "og:title"] {
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with(&format!("<meta property=\"{name}\""))
                        && l.contains(escaped)),
                "{name}: {head}"
            );
        }
        // Twitter's card reads its title and description from Open Graph.
        assert!(lines
            .iter()
            .any(|l| l.starts_with("<meta name=\"twitter:card\"")));
        assert!(!head.contains("twitter:title"));
        assert!(
            head.contains("<link rel=\"canonical\" href=\"https://example.org/a%26b/session/s1\">")
        );
        assert!(head.contains("<meta property=\"og:type\" content=\"article\">"));
        // The hostile text never appears raw, in any tag.
        assert!(!head.contains("<script>alert"), "{head}");
        assert!(!head.contains("\"&\""));
        let json_line = lines[9];
        let body = json_line
            .strip_prefix("<script type=\"application/ld+json\">")
            .and_then(|l| l.strip_suffix("</script>"))
            .unwrap();
        assert!(!body.contains("</") && !body.contains('<') && !body.contains("<!--"));
        let value: Value = serde_json::from_str(body).unwrap();
        assert_eq!(value["name"], HOSTILE);
        assert_eq!(value["superEvent"]["name"], HOSTILE);
        assert_eq!(value["description"], format!("{HOSTILE} <!-- x"));
        // Every page's description and title is escaped the same way.
        for page in &p {
            assert_eq!(head_title(&page.head), escape_html(&page.title));
            assert!(!page.head.contains("<script>alert"));
        }
    }

    fn head_title(head: &str) -> &str {
        head.lines()
            .next()
            .and_then(|l| l.strip_prefix("<title>"))
            .and_then(|l| l.strip_suffix("</title>"))
            .unwrap()
    }

    #[test]
    fn only_sessions_carry_json_ld_and_other_pages_are_websites() {
        let p = pages(&small(), &site("/"));
        for page in &p {
            let is_session = matches!(page.route, Route::Session(_));
            assert_eq!(
                page.head.contains("application/ld+json"),
                is_session,
                "{}",
                page.file
            );
            assert_eq!(page.head.contains("content=\"article\""), is_session);
            assert_eq!(page.head.matches("content=\"summary\"").count(), 1);
        }
    }

    #[test]
    fn json_ld_states_the_session_in_the_conference_s_zone() {
        let s = small();
        let session = s.session("s1").unwrap();
        let v = session_json_ld(&s, session, &site("https://example.org/c/"));
        let expected = json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": "First",
            "startDate": "2017-10-26T09:00:00+02:00",
            "endDate": "2017-10-26T09:30:00+02:00",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": "Room B", "address": "Prague"},
            "performer": [
                {"@type": "Person", "name": "Ádám Sándor",
                 "affiliation": {"@type": "Organization", "name": "Container Solutions"}},
                {"@type": "Person", "name": "Bob"}
            ],
            "description": "Knee deep.",
            "url": "https://example.org/c/session/s1",
            "superEvent": {"@type": "Event", "name": "Conf", "startDate": "2017-10-26",
                           "endDate": "2017-10-27", "url": "https://example.org/c/"}
        });
        assert_eq!(v, expected);
        // No speakers, no abstract, no room: those keys are left out.
        let mut bare = s.clone();
        let i = bare.session_position("s3").unwrap();
        bare.sessions[i].room = None;
        let v = session_json_ld(&bare, &bare.sessions[i], &site("/"));
        for key in ["performer", "description", "location"] {
            assert!(v.get(key).is_none(), "{key}: {v}");
        }
    }

    #[test]
    fn times_are_given_with_the_named_zone_s_offset_at_that_instant() {
        // Written in UTC, the file names Europe/Prague: the offsets are Prague's,
        // summer time before 29 October 2017 01:00 UTC and winter time after.
        let s = parse_schedule(
            r#"{"version":1,"conference":{"id":"c","title":"C","time_zone":"Europe/Prague"},"sessions":[
            {"id":"a","title":"A","start":"2017-10-28T08:00:00Z","end":"2017-10-28T09:00:00Z"},
            {"id":"b","title":"B","start":"2017-10-29T09:00:00Z","end":"2017-10-29T10:00:00Z"}]}"#,
        )
        .unwrap();
        let at = |id: &str| {
            let v = session_json_ld(&s, s.session(id).unwrap(), &site("/"));
            (v["startDate"].clone(), v["endDate"].clone())
        };
        assert_eq!(
            at("a"),
            (
                json!("2017-10-28T10:00:00+02:00"),
                json!("2017-10-28T11:00:00+02:00")
            )
        );
        assert_eq!(
            at("b"),
            (
                json!("2017-10-29T10:00:00+01:00"),
                json!("2017-10-29T11:00:00+01:00")
            )
        );
        let p = pages(&s, &site("/"));
        assert!(p.iter().any(|p| p
            .description
            .starts_with("Sunday 29 October 2017, 10:00–11:00 UTC+01:00")));
    }

    #[test]
    fn odd_ids_give_files_named_as_a_host_decodes_them_and_unnameable_ones_none() {
        let mut s = small();
        let i = s.session_position("s1").unwrap();
        s.sessions[i].id = "b c#d?é&".into();
        let j = s.session_position("s2").unwrap();
        s.sessions[j].id = "a/b".into();
        s.speakers[0].id = "..".into();
        s.speakers[1].id = ".".into();
        let p = pages(&s, &site("/"));
        let page = p
            .iter()
            .find(|p| p.route == Route::Session("b c#d?é&".into()))
            .unwrap();
        assert_eq!(page.file, "session/b c#d?é&/index.html");
        assert_eq!(page.route.path(), "/session/b%20c%23d%3F%C3%A9%26");
        // No file can be named "a/b": that session is the app's alone.
        assert!(!p.iter().any(|p| p.route == Route::Session("a/b".into())));
        assert!(!p.iter().any(|p| matches!(p.route, Route::Speaker(_))));
        assert!(p
            .iter()
            .all(|p| !p.file.split('/').any(|seg| seg == ".." || seg == ".")));
    }

    #[test]
    fn the_sitemap_lists_each_page_s_url_escaped() {
        let mut s = small();
        let i = s.session_position("s1").unwrap();
        s.sessions[i].id = "x&y".into();
        let site = site("https://example.org/a%26b/");
        let p = pages(&s, &site);
        let xml = sitemap(&p, &site);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"));
        assert!(xml.ends_with("</urlset>\n"));
        let locs: Vec<&str> = xml
            .lines()
            .filter_map(|l| l.strip_prefix("<url><loc>")?.strip_suffix("</loc></url>"))
            .collect();
        assert_eq!(locs.len(), p.len());
        assert_eq!(xml.lines().count(), p.len() + 3);
        assert_eq!(locs[0], "https://example.org/a%26b/");
        assert!(locs.contains(&"https://example.org/a%26b/session/x%26y"));
        for loc in locs {
            assert!(!loc.contains('<') && !loc.contains('>') && !loc.contains('\''));
            for (i, _) in loc.match_indices('&') {
                assert!(
                    loc[i..].starts_with("&amp;") || loc[i..].starts_with("&apos;"),
                    "{loc}"
                );
            }
        }
        assert!(!xml.contains("lastmod"));
    }
}
