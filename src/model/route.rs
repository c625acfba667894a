//! The app's routes (docs/decisions.md): which view a path names, and its
//! parameter, percent-decoded. Pure, so it is tested natively; the browser
//! layer (`browser::location`) keeps the path in a signal.

use super::url;

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
    /// The route of a path (`location.pathname`); a trailing slash is ignored.
    pub fn parse(path: &str) -> Route {
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
            ["timetable"] => Route::Timetable(None),
            ["timetable", day] => Route::Timetable(Some(param(day))),
            ["now"] => Route::Now,
            ["conferences"] => Route::Conferences,
            _ => Route::NotFound,
        }
    }

    /// The path of this route, each parameter percent-encoded as [`Route::parse`]
    /// decodes it: the one way a link to a page of the app is made.
    /// (`NotFound` has no page of its own: its path is one that names none.)
    pub fn href(&self) -> String {
        let with = |prefix: &str, param: &str| format!("{prefix}/{}", url::encode(param));
        match self {
            Route::Programme => "/".into(),
            Route::Track(slug) => with("/track", slug),
            Route::Session(id) => with("/session", id),
            Route::Agenda => "/agenda".into(),
            Route::SharedAgenda => "/agenda/shared".into(),
            Route::Speakers => "/speakers".into(),
            Route::Speaker(slug) => with("/speaker", slug),
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
            Route::Track(p) | Route::Session(p) | Route::Speaker(p) => Some(p),
            Route::Timetable(day) => Some(day.as_deref().unwrap_or("")),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
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
        for unknown in [
            "/no/such/page",
            "/track",
            "/track/a/b",
            "/agenda/other",
            "/sessions/x",
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
                Route::Timetable(Some(id.clone())),
            ] {
                proptest::prop_assert_eq!(Route::parse(&route.href()), route);
            }
        }
    }
}
