//! The pages the build writes for the shipped demo (`public/schedule.json`):
//! one per built route, their titles as the app sets them, each session's
//! JSON-LD read back from its `<head>` against the file's own facts, and the
//! sitemap of exactly those pages.

use std::collections::HashSet;

use schedule_viewer::model::route::Route;
use schedule_viewer::model::schedule::{parse_schedule, Schedule};
use schedule_viewer::model::site::{pages, sitemap, Page, Site, DESCRIPTION_MAX};
use serde_json::Value;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/schedule.json");

fn demo() -> (Schedule, Value) {
    let text = std::fs::read_to_string(FILE).expect("public/schedule.json is readable");
    let schedule = parse_schedule(&text).expect("the demo schedule is valid");
    let raw: Value = serde_json::from_str(&text).expect("the demo is JSON");
    (schedule, raw)
}

fn site() -> Site {
    Site::parse("https://example.org/mesoscon/2017").unwrap()
}

/// The JSON-LD block of a page's head, parsed.
fn json_ld(page: &Page) -> Value {
    let open = "<script type=\"application/ld+json\">";
    let start = page.head.find(open).expect("a JSON-LD block") + open.len();
    let len = page.head[start..].find("</script>").expect("closed");
    let body = &page.head[start..start + len];
    assert!(!body.contains('<'), "{body}");
    serde_json::from_str(body).expect("the JSON-LD parses")
}

/// The object with this "id" in one of the raw file's lists.
fn raw_item<'a>(raw: &'a Value, list: &str, id: &str) -> &'a Value {
    raw[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {list} {id}"))
}

#[test]
fn one_page_per_built_route_with_unique_files() {
    let (s, _) = demo();
    let p = pages(&s, &site());
    assert_eq!(
        (
            s.tracks.len(),
            s.days.len(),
            s.sessions.len(),
            s.speakers.len()
        ),
        (4, 2, 28, 23)
    );
    assert_eq!(s.rooms.len(), 6);
    assert_eq!(p.len(), 1 + 4 + 2 + 28 + 1 + 23 + 6);
    let files: HashSet<&str> = p.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files.len(), p.len(), "files are unique");
    for page in &p {
        assert!(
            page.file == "index.html" || page.file.ends_with("/index.html"),
            "{}",
            page.file
        );
        let expected = match page.route {
            Route::Programme => "index.html".to_string(),
            _ => format!("{}/index.html", &page.route.href()[1..]),
        };
        assert_eq!(page.file, expected);
        let n = page.description.chars().count();
        assert!(n > 10 && n <= DESCRIPTION_MAX, "{}", page.description);
        assert!(
            !page.description.contains(['<', '\n']),
            "{}",
            page.description
        );
        assert!(
            page.title.ends_with(" · MesosCon Europe 2017"),
            "{}",
            page.title
        );
    }
    let kinds: Vec<&str> = p
        .iter()
        .map(|p| {
            p.route
                .href()
                .split('/')
                .nth(1)
                .unwrap_or_default()
                .to_string()
        })
        .map(|k| match k.as_str() {
            "" => "programme",
            "track" => "track",
            "timetable" => "timetable",
            "session" => "session",
            "speakers" => "speakers",
            "speaker" => "speaker",
            "room" => "room",
            _ => "other",
        })
        .collect();
    let mut order = kinds.clone();
    order.dedup();
    assert_eq!(
        order,
        [
            "programme",
            "track",
            "timetable",
            "session",
            "speakers",
            "speaker",
            "room"
        ]
    );
}

#[test]
fn titles_and_descriptions_of_the_demo() {
    let (s, _) = demo();
    let p = pages(&s, &site());
    let find = |file: &str| p.iter().find(|p| p.file == file).unwrap();
    let programme = find("index.html");
    assert_eq!(programme.title, "Programme · MesosCon Europe 2017");
    assert_eq!(
        programme.description,
        "MesosCon Europe 2017, 26–27 October 2017, Prague, Czech Republic: 28 sessions."
    );
    let day = find("timetable/2017-10-26/index.html");
    assert_eq!(
        day.title,
        "Timetable, Thursday 26 October 2017 · MesosCon Europe 2017"
    );
    assert_eq!(
        day.description,
        "16 sessions on Thursday 26 October 2017 at MesosCon Europe 2017, 09:00–20:30 UTC+02:00, in 6 rooms."
    );
    let track = find("track/keynotes/index.html");
    assert_eq!(
        track.description,
        "7 sessions in the Keynotes track of MesosCon Europe 2017, 26–27 October 2017."
    );
    let session = find("session/thu-keynote-state-of-mesos/index.html");
    assert_eq!(
        session.title,
        "The State of Apache Mesos · MesosCon Europe 2017"
    );
    assert_eq!(
        session.description,
        "Thursday 26 October 2017, 09:00–09:30 UTC+02:00 · Congress Hall · Ben Hindman. Opening keynote."
    );
    assert!(session.head.contains(
        "<link rel=\"canonical\" href=\"https://example.org/mesoscon/2017/session/thu-keynote-state-of-mesos\">"
    ));
    assert_eq!(
        find("speakers/index.html").description,
        "23 speakers at MesosCon Europe 2017."
    );
    assert_eq!(
        find("speaker/ben-hindman/index.html").description,
        "Ben Hindman at MesosCon Europe 2017: “The State of Apache Mesos”."
    );
}

#[test]
fn every_session_s_json_ld_reads_back_as_the_file_states_it() {
    let (s, raw) = demo();
    let site = site();
    let p = pages(&s, &site);
    let mut checked = 0;
    for page in &p {
        let Route::Session(id) = &page.route else {
            assert!(!page.head.contains("ld+json"), "{}", page.file);
            continue;
        };
        let v = json_ld(page);
        let file = raw_item(&raw, "sessions", id);
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "Event");
        assert_eq!(v["name"], file["title"]);
        // The demo writes every time in Prague's summer offset, as the JSON-LD must.
        assert_eq!(v["startDate"], file["start"], "{id}");
        assert_eq!(v["endDate"], file["end"], "{id}");
        assert!(v["startDate"].as_str().unwrap().ends_with("+02:00"));
        let room = raw_item(&raw, "rooms", file["room"].as_str().unwrap());
        assert_eq!(v["location"]["@type"], "Place");
        assert_eq!(v["location"]["name"], room["name"]);
        assert_eq!(v["location"]["address"], "Prague, Czech Republic");
        let speakers: Vec<&Value> = file["speakers"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let named: Vec<Value> = speakers
            .iter()
            .map(|id| raw_item(&raw, "speakers", id.as_str().unwrap())["name"].clone())
            .collect();
        match v.get("performer") {
            None => assert!(named.is_empty(), "{id}"),
            Some(people) => {
                let got: Vec<Value> = people
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p["name"].clone())
                    .collect();
                assert_eq!(got, named, "{id}");
            }
        }
        assert_eq!(
            v["url"],
            format!(
                "https://example.org/mesoscon/2017{}",
                Route::Session(id.clone()).href()
            )
        );
        assert_eq!(
            v["eventAttendanceMode"],
            "https://schema.org/OfflineEventAttendanceMode"
        );
        assert_eq!(
            v["superEvent"],
            serde_json::json!({"@type": "Event", "name": "MesosCon Europe 2017",
                "startDate": "2017-10-26", "endDate": "2017-10-27",
                "url": "https://example.org/mesoscon/2017/"})
        );
        checked += 1;
    }
    assert_eq!(checked, 28);
    // One by hand, so the check above cannot pass by reading the same wrong value twice.
    let keynote = p
        .iter()
        .find(|p| p.route == Route::Session("thu-keynote-state-of-mesos".into()))
        .map(json_ld)
        .unwrap();
    assert_eq!(keynote["startDate"], "2017-10-26T09:00:00+02:00");
    assert_eq!(keynote["endDate"], "2017-10-26T09:30:00+02:00");
    assert_eq!(keynote["location"]["name"], "Congress Hall");
    assert_eq!(keynote["performer"][0]["name"], "Ben Hindman");
}

#[test]
fn the_sitemap_lists_exactly_the_pages() {
    let (s, _) = demo();
    for site in [site(), Site::parse("/").unwrap()] {
        let p = pages(&s, &site);
        let xml = sitemap(&p, &site);
        let locs: Vec<String> = xml
            .split("<loc>")
            .skip(1)
            .map(|rest| rest.split("</loc>").next().unwrap().replace("&amp;", "&"))
            .collect();
        let urls: Vec<String> = p.iter().map(|p| site.url(&p.route.href())).collect();
        assert_eq!(locs, urls);
        assert_eq!(xml.matches("<url>").count(), 59 + 6);
        assert_eq!(xml.matches("</url>").count(), 59 + 6);
    }
    let site = site();
    let xml = sitemap(&pages(&s, &site), &site);
    assert!(xml.contains("<loc>https://example.org/mesoscon/2017/</loc>"));
    assert!(xml.contains("<loc>https://example.org/mesoscon/2017/speaker/ben-hindman</loc>"));
}
