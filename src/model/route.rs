//! The app's routes (docs/decisions.md): which view a path names, and its
//! parameter, percent-decoded. Pure, so it is tested natively; the browser
//! layer (`browser::location`) keeps the path in a signal.

use std::cell::RefCell;

use super::url;

thread_local! {
    /// The path the app is deployed under (`--base` of the build), read once
    /// at start (`browser::location::read_base`) or set by the build step: "/"
    /// at the root of a host, "/mesoscon/2017/" under a sub-path.
    static BASE: RefCell<String> = RefCell::new("/".into());
}

/// The one rule of a base path: it starts with '/' and ends with '/' (one is
/// added where missing), and carries no query or fragment; None otherwise.
/// Surrounding whitespace is ignored.
pub fn base_path(base: &str) -> Option<String> {
    let base = base.trim();
    if !base.starts_with('/') || base.contains(['?', '#']) {
        return None;
    }
    Some(if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    })
}

/// A path of the app ("/session/x", "schedule.json", "/") under `base` (a
/// [`base_path`]): the one way a path is put under the base.
pub fn join_base(base: &str, path: &str) -> String {
    format!("{base}{}", path.trim_start_matches('/'))
}

/// The path of the app that `path` names under `base` (with its leading
/// '/', or "" for the base without its slash), None for a path outside it.
pub fn strip_base<'a>(base: &str, path: &'a str) -> Option<&'a str> {
    let rest = path.strip_prefix(base.trim_end_matches('/'))?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

/// Deploy the app's paths under `base` (see [`base_path`]); anything that
/// is no base path leaves the base as it was.
pub fn set_base(base: &str) {
    if let Some(base) = base_path(base) {
        BASE.with(|b| *b.borrow_mut() = base);
    }
}

/// The path the app is deployed under, starting and ending with '/'.
pub fn base() -> String {
    BASE.with(|b| b.borrow().clone())
}

/// A path of the app (a route's, or a file's like "schedule.json" or
/// "sw.js") under the base: "/mesoscon/2017/session/x".
pub fn under_base(path: &str) -> String {
    BASE.with(|b| join_base(&b.borrow(), path))
}

/// A view of the app, with the parameter its path carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the whole programme.
    Programme,
    /// `/track/<slug>`.
    Track(String),
    /// `/session/<id>`.
    Session(String),
    /// `/agenda`: My agenda.
    Agenda,
    /// `/agenda/shared#<payload>`: an agenda shared with the viewer.
    SharedAgenda,
    /// `/speakers`: the directory.
    Speakers,
    /// `/speaker/<slug>`.
    Speaker(String),
    /// `/room/<slug>`: a room, where it is and what is on there.
    Room(String),
    /// `/timetable` (the first day) or `/timetable/<YYYY-MM-DD>`.
    Timetable(Option<String>),
    /// `/now`: now & next.
    Now,
    /// `/conferences`: every schedule opened on this device.
    Conferences,
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route of a path (`location.pathname`) under the base; a trailing
    /// slash is ignored (a host serving `session/x/index.html` answers
    /// `/session/x/`); a path outside the base is no page of the app.
    pub fn parse(path: &str) -> Route {
        BASE.with(|b| match strip_base(&b.borrow(), path) {
            Some(inside) => Route::parse_path(inside),
            None => Route::NotFound,
        })
    }

    /// The route of a path of the app, as if it were deployed at the root.
    fn parse_path(path: &str) -> Route {
        let trimmed = path.trim_start_matches('/').trim_end_matches('/');
        let segments: Vec<&str> = if trimmed.is_empty() {
            Vec::new()
        } else {
            trimmed.split('/').collect()
        };
        let param = |s: &str| url::decode_path_segment(s);
        match segments.as_slice() {
            [] => Route::Programme,
            ["track", slug] => Route::Track(param(slug)),
            ["session", id] => Route::Session(param(id)),
            ["agenda"] => Route::Agenda,
            ["agenda", "shared"] => Route::SharedAgenda,
            ["speakers"] => Route::Speakers,
            ["speaker", slug] => Route::Speaker(param(slug)),
            ["room", slug] => Route::Room(param(slug)),
            ["timetable"] => Route::Timetable(None),
            ["timetable", day] => Route::Timetable(Some(param(day))),
            ["now"] => Route::Now,
            ["conferences"] => Route::Conferences,
            _ => Route::NotFound,
        }
    }

    /// The link to this route: its [`Route::path`] under the base, the one
    /// way a link to a page of the app is made.
    pub fn href(&self) -> String {
        under_base(&self.path())
    }

    /// The link to a file in this route's own folder of a built site
    /// (`/timetable/2017-10-26/page.css`, under the base).
    pub fn beside(&self, file: &str) -> String {
        format!("{}/{file}", self.href().trim_end_matches('/'))
    }

    /// The path of this route at the root of the app, each parameter
    /// percent-encoded as [`Route::parse`] decodes it ("/session/x").
    /// (`NotFound` has no page of its own: its path is one that names none.)
    pub fn path(&self) -> String {
        let with = |prefix: &str, param: &str| format!("{prefix}/{}", url::encode(param));
        match self {
            Route::Programme => "/".into(),
            Route::Track(slug) => with("/track", slug),
            Route::Session(id) => with("/session", id),
            Route::Agenda => "/agenda".into(),
            Route::SharedAgenda => "/agenda/shared".into(),
            Route::Speakers => "/speakers".into(),
            Route::Speaker(slug) => with("/speaker", slug),
            Route::Room(slug) => with("/room", slug),
            Route::Timetable(None) => "/timetable".into(),
            Route::Timetable(Some(day)) => with("/timetable", day),
            Route::Now => "/now".into(),
            Route::Conferences => "/conferences".into(),
            Route::NotFound => "/not-found".into(),
        }
    }

    /// The parameter the path carries ("" for the first timetable day), if any.
    pub fn param(&self) -> Option<&str> {
        match self {
            Route::Track(p) | Route::Session(p) | Route::Speaker(p) | Route::Room(p) => Some(p),
            Route::Timetable(day) => Some(day.as_deref().unwrap_or("")),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_beside_a_page_is_linked_from_its_href() {
        let day = Route::Timetable(Some("2017-10-26".into()));
        assert_eq!(day.beside("page.css"), format!("{}/page.css", day.href()));
        assert_eq!(Route::Programme.beside("pages.css"), "/pages.css");
    }

    use super::*;

    #[test]
    fn every_route_of_decisions_md() {
        assert_eq!(Route::parse("/"), Route::Programme);
        assert_eq!(Route::parse(""), Route::Programme);
        assert_eq!(
            Route::parse("/track/devops-and-ops"),
            Route::Track("devops-and-ops".into())
        );
        assert_eq!(
            Route::parse("/session/thu-keynote"),
            Route::Session("thu-keynote".into())
        );
        assert_eq!(Route::parse("/agenda"), Route::Agenda);
        assert_eq!(Route::parse("/agenda/"), Route::Agenda);
        assert_eq!(Route::parse("/agenda/shared"), Route::SharedAgenda);
        assert_eq!(Route::parse("/speakers"), Route::Speakers);
        assert_eq!(
            Route::parse("/speaker/jorg-schad"),
            Route::Speaker("jorg-schad".into())
        );
        assert_eq!(Route::parse("/timetable"), Route::Timetable(None));
        assert_eq!(
            Route::parse("/timetable/2017-10-26"),
            Route::Timetable(Some("2017-10-26".into()))
        );
        assert_eq!(Route::parse("/now"), Route::Now);
        assert_eq!(Route::parse("/conferences"), Route::Conferences);
        assert_eq!(Route::parse("/room/club-a"), Route::Room("club-a".into()));
        assert_eq!(Route::parse("/room/club-a/"), Route::Room("club-a".into()));
        for unknown in [
            "/no/such/page",
            "/track",
            "/track/a/b",
            "/agenda/other",
            "/sessions/x",
            "/room",
            "/room/a/b",
            "/rooms/a",
        ] {
            assert_eq!(Route::parse(unknown), Route::NotFound, "{unknown}");
        }
    }

    #[test]
    fn parameters_are_percent_decoded_and_plus_stays_plus() {
        assert_eq!(
            Route::parse("/session/a%20b%23c%3Fd%252%2F%C3%A9+x"),
            Route::Session("a b#c?d%2/é+x".into())
        );
        assert_eq!(Route::parse("/track/x").param(), Some("x"));
        assert_eq!(Route::parse("/timetable").param(), Some(""));
        assert_eq!(Route::parse("/now").param(), None);
    }

    #[test]
    fn every_route_has_a_path_that_parses_back_to_it() {
        let all = [
            Route::Programme,
            Route::Track("devops-and-ops".into()),
            Route::Session("a b#c?d%2/é+x".into()),
            Route::Agenda,
            Route::SharedAgenda,
            Route::Speakers,
            Route::Speaker("jorg-schad".into()),
            Route::Room("club-a".into()),
            Route::Room("Saal 1 / ü".into()),
            Route::Timetable(None),
            Route::Timetable(Some("2017-10-26".into())),
            Route::Now,
            Route::Conferences,
            Route::NotFound,
        ];
        for route in all {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
        assert_eq!(Route::Session("a/b c".into()).href(), "/session/a%2Fb%20c");
        assert_eq!(Route::Track("x".into()).href(), "/track/x");
        assert_eq!(Route::Room("club-a".into()).href(), "/room/club-a");
    }

    #[test]
    fn one_base_rule_reads_joins_and_strips() {
        assert_eq!(base_path(" /m/2017 ").as_deref(), Some("/m/2017/"));
        assert_eq!(base_path("/").as_deref(), Some("/"));
        for bad in ["m/", "https://x.org/", "/a?b", "/a#b", ""] {
            assert_eq!(base_path(bad), None, "{bad}");
        }
        assert_eq!(join_base("/m/", "/session/x"), "/m/session/x");
        assert_eq!(join_base("/m/", "sw.js"), "/m/sw.js");
        assert_eq!(join_base("/m/", "/"), "/m/");
        assert_eq!(join_base("/", "/now"), "/now");
        assert_eq!(strip_base("/m/", "/m/now"), Some("/now"));
        assert_eq!(strip_base("/m/", "/m"), Some(""));
        assert_eq!(strip_base("/m/", "/mx/now"), None);
        assert_eq!(strip_base("/", "/now"), Some("/now"));
        for path in ["/", "/session/a%20b", "/timetable"] {
            assert_eq!(strip_base("/m/", &join_base("/m/", path)), Some(path));
        }
    }

    #[test]
    fn under_a_base_links_carry_it_and_paths_outside_it_are_no_page() {
        set_base("/mesoscon/2017");
        assert_eq!(base(), "/mesoscon/2017/");
        assert_eq!(Route::Programme.href(), "/mesoscon/2017/");
        assert_eq!(
            Route::Session("a b".into()).href(),
            "/mesoscon/2017/session/a%20b"
        );
        assert_eq!(Route::Session("a b".into()).path(), "/session/a%20b");
        assert_eq!(under_base("schedule.json"), "/mesoscon/2017/schedule.json");
        assert_eq!(Route::parse("/mesoscon/2017"), Route::Programme);
        assert_eq!(Route::parse("/mesoscon/2017/"), Route::Programme);
        assert_eq!(
            Route::parse("/mesoscon/2017/session/a%20b/"),
            Route::Session("a b".into())
        );
        assert_eq!(Route::parse("/session/x"), Route::NotFound);
        assert_eq!(Route::parse("/mesoscon/2017x/now"), Route::NotFound);
        assert_eq!(Route::parse("/"), Route::NotFound);
        // Not a path: the base stays.
        set_base("https://example.org/");
        set_base("x/");
        assert_eq!(base(), "/mesoscon/2017/");
        set_base("/");
        assert_eq!(Route::Speakers.href(), "/speakers");
        assert_eq!(Route::parse("/speakers/"), Route::Speakers);
    }

    proptest::proptest! {
        /// Any id a schedule may give (never empty: importers drop blank
        /// ids) survives the trip through a path, separators and all.
        #[test]
        fn an_odd_id_survives_the_trip_through_a_path(
            id in "[^\\x00]{1,24}|[/?#%+ ,;~]{1,6}",
        ) {
            for route in [
                Route::Session(id.clone()),
                Route::Track(id.clone()),
                Route::Speaker(id.clone()),
                Route::Room(id.clone()),
                Route::Timetable(Some(id.clone())),
            ] {
                proptest::prop_assert_eq!(Route::parse(&route.href()), route);
            }
        }
    }
}
