//! What a route's page shows of a schedule: the item its parameter names
//! and the page's title. One title for the app (`document.title`) and the
//! build step (each built page's `<title>`, `model::site`), so that a built
//! page and the app taking it over agree.

use super::route::Route;
use super::schedule::Schedule;
use super::time::{long_day, parse_ymd};
use super::words::tr;
use crate::trf;

/// The title of a page the schedule cannot show at all ("Not found"), in
/// English: a page writes it through [`tr`].
pub const NOT_FOUND_TITLE: &str = crate::word!("Not found · schedule-viewer");

/// The item a route's parameter names, as a position in the schedule: the
/// session, speaker, track, room or timetable day ("" names the first day).
/// None when the schedule has no such item or the route names none.
pub fn item_of(route: &Route, schedule: &Schedule) -> Option<usize> {
    match route {
        Route::Session(id) => schedule.session_position(id),
        Route::Speaker(slug) => schedule.speaker_by_id(slug),
        Route::Track(slug) => schedule.track_by_id(slug),
        Route::Room(slug) => schedule.room_by_id(slug),
        Route::Timetable(day) => match day.as_deref().unwrap_or("") {
            "" => (!schedule.days.is_empty()).then_some(0),
            d => parse_ymd(d).and_then(|d| schedule.days.iter().position(|x| *x == d)),
        },
        _ => None,
    }
}

/// What a route names that the schedule does not have: one place for the
/// words of its page's title and of the page itself ("Unknown session",
/// "This schedule has no session “x”.").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Session,
    Speaker,
    Track,
    Room,
    /// A timetable day (its title is [`Missing::title`]'s "Timetable, unknown day").
    Day,
}

impl Missing {
    /// The kind of item `route` names, if it names one.
    pub fn of(route: &Route) -> Option<Missing> {
        match route {
            Route::Session(_) => Some(Missing::Session),
            Route::Speaker(_) => Some(Missing::Speaker),
            Route::Track(_) => Some(Missing::Track),
            Route::Room(_) => Some(Missing::Room),
            Route::Timetable(_) => Some(Missing::Day),
            _ => None,
        }
    }

    /// The heading of the page and the start of its title, translated.
    pub fn title(self) -> &'static str {
        match self {
            Missing::Session => tr("Unknown session"),
            Missing::Speaker => tr("Unknown speaker"),
            Missing::Track => tr("Unknown track"),
            Missing::Room => tr("Unknown room"),
            Missing::Day => tr("Timetable, unknown day"),
        }
    }

    /// What is missing, as given in the address, in a sentence: one per
    /// kind, so that each language can decline its noun.
    pub fn sentence(self, given: &str) -> String {
        match self {
            Missing::Session => trf!("This schedule has no session “{given}”.", given = given),
            Missing::Speaker => trf!("This schedule has no speaker “{given}”.", given = given),
            Missing::Track => trf!("This schedule has no track “{given}”.", given = given),
            Missing::Room => trf!("This schedule has no room “{given}”.", given = given),
            Missing::Day => trf!("This schedule has no day “{day}”.", day = given),
        }
    }
}

/// The page title of `route` in `schedule`: "Programme · MesosCon Europe
/// 2017", "Timetable, Thursday 26 October 2017 · …", "Unknown session · …"
/// ([`Missing::title`]), and [`NOT_FOUND_TITLE`] for a path that names no page.
pub fn page_title(route: &Route, schedule: &Schedule) -> String {
    let name = match (route, item_of(route, schedule)) {
        (Route::Programme, _) => tr("Programme").to_string(),
        (Route::Agenda, _) => tr("My agenda").to_string(),
        (Route::SharedAgenda, _) => tr("Shared agenda").to_string(),
        (Route::Speakers, _) => tr("Speakers").to_string(),
        (Route::Now, _) => tr("Now & next").to_string(),
        (Route::Conferences, _) => tr("Conferences").to_string(),
        (Route::NotFound, _) => return tr(NOT_FOUND_TITLE).to_string(),
        (Route::Session(_), Some(i)) => schedule.sessions[i].title.clone(),
        (Route::Speaker(_), Some(i)) => schedule.speakers[i].name.clone(),
        (Route::Track(_), Some(i)) => schedule.tracks[i].name.clone(),
        (Route::Room(_), Some(i)) => schedule.rooms[i].name.clone(),
        (Route::Timetable(_), Some(i)) => {
            trf!("Timetable, {day}", day = long_day(schedule.days[i]))
        }
        (
            Route::Session(_)
            | Route::Speaker(_)
            | Route::Track(_)
            | Route::Room(_)
            | Route::Timetable(_),
            None,
        ) => Missing::of(route).map_or("", Missing::title).to_string(),
    };
    format!("{name} · {}", schedule.conference.title)
}

/// The element a built page's view sits in, first in `<body>`: the build
/// draws the route's view into it, and the app adopts what it holds.
pub const BUILT_WRAPPER_ID: &str = "prerender";

/// The id the wrapper takes once the app has adopted it: no longer the
/// build's copy (the styles that hide what follows a copy let go of it).
pub const ADOPTED_WRAPPER_ID: &str = "app";

/// What a built page was drawn from, written on its wrapper: the clock the
/// build read (a first visit's "now") and the fingerprint of the deployed
/// schedule file. The app adopts the page only with the same file, and
/// draws its first frame at the same clock, so that its first render is the
/// build's exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltStamp {
    /// The build's clock, in milliseconds since the epoch.
    pub at_ms: i64,
    /// `model::live::body_fingerprint` of the schedule file's text.
    pub schedule: u64,
}

impl BuiltStamp {
    /// The attribute holding [`BuiltStamp::at_ms`].
    pub const AT_ATTR: &'static str = "data-at";
    /// The attribute holding [`BuiltStamp::schedule`].
    pub const SCHEDULE_ATTR: &'static str = "data-schedule";

    /// The wrapper's attributes (` data-at="…" data-schedule="…"`).
    pub fn attributes(&self) -> String {
        format!(
            r#" {}="{}" {}="{:016x}""#,
            Self::AT_ATTR,
            self.at_ms,
            Self::SCHEDULE_ATTR,
            self.schedule
        )
    }

    /// Read from the wrapper's two attributes; None when either is missing
    /// or malformed (a page of an older build: the app draws anew).
    pub fn read(at: Option<&str>, schedule: Option<&str>) -> Option<BuiltStamp> {
        Some(BuiltStamp {
            at_ms: at?.parse().ok()?,
            schedule: u64::from_str_radix(schedule?, 16).ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::parse_schedule;

    const FILE: &str = r#"{"version":1,"conference":{"id":"c","title":"Conf"},
        "tracks":[{"id":"ops","name":"Ops"}],"speakers":[{"id":"ann","name":"Ann"}],
        "rooms":[{"id":"hall-1","name":"Hall 1"}],
        "sessions":[{"id":"s","title":"Talk","start":"2020-01-01T10:00:00+01:00","end":"2020-01-01T11:00:00+01:00","track":"ops","speakers":["ann"],"room":"hall-1"},
        {"id":"t","title":"Next day","start":"2020-01-02T10:00:00+01:00","end":"2020-01-02T11:00:00+01:00"}]}"#;

    #[test]
    fn every_route_has_its_title() {
        let s = parse_schedule(FILE).unwrap();
        let day = |d: Option<&str>| Route::Timetable(d.map(str::to_string));
        let cases = [
            (Route::Programme, "Programme · Conf"),
            (Route::Track("ops".into()), "Ops · Conf"),
            (Route::Track("dev".into()), "Unknown track · Conf"),
            (Route::Session("s".into()), "Talk · Conf"),
            (Route::Session("x".into()), "Unknown session · Conf"),
            (Route::Speakers, "Speakers · Conf"),
            (Route::Speaker("ann".into()), "Ann · Conf"),
            (Route::Speaker("bob".into()), "Unknown speaker · Conf"),
            (Route::Room("hall-1".into()), "Hall 1 · Conf"),
            (Route::Room("hall-2".into()), "Unknown room · Conf"),
            (day(None), "Timetable, Wednesday 1 January 2020 · Conf"),
            (
                day(Some("2020-01-02")),
                "Timetable, Thursday 2 January 2020 · Conf",
            ),
            (day(Some("2020-01-03")), "Timetable, unknown day · Conf"),
            (day(Some("soon")), "Timetable, unknown day · Conf"),
            (Route::Agenda, "My agenda · Conf"),
            (Route::SharedAgenda, "Shared agenda · Conf"),
            (Route::Now, "Now & next · Conf"),
            (Route::Conferences, "Conferences · Conf"),
            (Route::NotFound, "Not found · schedule-viewer"),
        ];
        for (route, title) in cases {
            assert_eq!(page_title(&route, &s), title, "{route:?}");
        }
        assert_eq!(item_of(&day(Some("2020-01-02")), &s), Some(1));
        assert_eq!(item_of(&Route::Agenda, &s), None);
        assert_eq!(item_of(&Route::Room("hall-1".into()), &s), Some(0));
    }

    #[test]
    fn a_missing_item_s_page_and_title_say_the_same_words() {
        let s = parse_schedule(FILE).unwrap();
        let missing = [
            (Route::Session("x".into()), "session"),
            (Route::Speaker("x".into()), "speaker"),
            (Route::Track("x".into()), "track"),
            (Route::Room("x".into()), "room"),
            (Route::Timetable(Some("x".into())), "day"),
        ];
        for (route, noun) in missing {
            let what = Missing::of(&route).unwrap();
            assert_eq!(
                page_title(&route, &s),
                format!("{} · Conf", what.title()),
                "{route:?}"
            );
            assert_eq!(
                what.sentence("x"),
                format!("This schedule has no {noun} “x”."),
                "{route:?}"
            );
        }
        for route in [Route::Programme, Route::Agenda, Route::NotFound] {
            assert_eq!(Missing::of(&route), None, "{route:?}");
        }
    }

    #[test]
    fn a_built_page_s_stamp_reads_back_from_its_attributes() {
        let stamp = BuiltStamp {
            at_ms: 1_508_990_400_123,
            schedule: 0x00ab_cdef_0123_4567,
        };
        let attrs = stamp.attributes();
        assert_eq!(
            attrs,
            r#" data-at="1508990400123" data-schedule="00abcdef01234567""#
        );
        let value = |name: &str| {
            let from = attrs.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            attrs[from..].split('"').next().unwrap().to_string()
        };
        let (at, schedule) = (value(BuiltStamp::AT_ATTR), value(BuiltStamp::SCHEDULE_ATTR));
        assert_eq!(BuiltStamp::read(Some(&at), Some(&schedule)), Some(stamp));
        // An older build's page (no stamp) or a damaged one is drawn anew.
        assert_eq!(BuiltStamp::read(None, Some(&schedule)), None);
        assert_eq!(BuiltStamp::read(Some(&at), None), None);
        assert_eq!(BuiltStamp::read(Some("soon"), Some(&schedule)), None);
        assert_eq!(BuiltStamp::read(Some(&at), Some("xyz")), None);
    }
}
