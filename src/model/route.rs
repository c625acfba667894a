//! The app's routes (DECISIONS.md): which view a path names, and its
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
}
