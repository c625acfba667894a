//! The pages the build step writes for the demo (`src/bin/prerender.rs`
//! with `--base` a full URL), read back from the files: every session page's
//! schema.org Event equals the file's facts (times with their offsets, room,
//! speakers), every page carries its link preview, and sitemap.xml lists
//! every built page and no other.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const INDEX: &str = "<!doctype html><html><head>\n<meta charset=\"utf-8\" />\n<!--page-head--><title>x</title><!--/page-head-->\n<!--page-style--><!--/page-style-->\n<script type=\"module\">import init from '/app.js';</script></head><body><!--page--><!--/page--></body></html>";
const SITE: &str = "https://example.org/mesoscon/2017/";

/// The demo built into a fresh folder (`tag` keeps each test's apart).
fn built(tag: &str) -> PathBuf {
    built_with(tag, &[])
}

/// The demo built into a fresh folder, with `args` besides (`--lang de`:
/// the catalogues are copied as the app's build copies them).
fn built_with(tag: &str, args: &[&std::ffi::OsStr]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sv-pages-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::copy(
        format!("{root}/public/schedule.json"),
        dir.join("schedule.json"),
    )
    .unwrap();
    std::fs::copy(
        format!("{root}/public/manifest.webmanifest"),
        dir.join("manifest.webmanifest"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("lang")).unwrap();
    for entry in std::fs::read_dir(format!("{root}/public/lang")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("lang").join(path.file_name().unwrap())).unwrap();
    }
    prerender(&dir, args);
    dir
}

/// The installed app's manifest as the build wrote it.
fn manifest_of(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.webmanifest")).unwrap())
        .unwrap()
}

/// Run the build step on `dir` under [`SITE`], with `args` besides; it must succeed.
fn prerender(dir: &Path, args: &[&std::ffi::OsStr]) {
    let out = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .arg(dir)
        .args(args)
        .args(["--base", SITE])
        .env_remove("SCHEDULE_FILE")
        .env_remove("SCHEDULE_BASE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every `index.html` under `dir`, as the path it is served at.
fn pages(dir: &Path, at: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(at).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            pages(dir, &path, found);
        } else if path.file_name().unwrap() == "index.html" {
            let rel = path.parent().unwrap().strip_prefix(dir).unwrap();
            found.insert(rel.to_string_lossy().into_owned());
        }
    }
}

fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let at = html.find(&format!("{key}\" content=\""))? + key.len() + 11;
    Some(&html[at..at + html[at..].find('"')?])
}

#[test]
fn every_page_s_preview_and_every_session_s_event_are_the_file_s_facts() {
    let dir = built("previews");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("schedule.json")).unwrap()).unwrap();
    let name_of = |list: &str, id: &str| {
        file[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .map(|x| x["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    let sessions = file["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 28);
    for s in sessions {
        let id = s["id"].as_str().unwrap();
        let html = std::fs::read_to_string(dir.join(format!("session/{id}/index.html"))).unwrap();
        let url = format!("{SITE}session/{id}");
        assert_eq!(meta(&html, "og:url"), Some(url.as_str()), "{id}");
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "{id}"
        );
        for key in ["og:title", "og:description", "twitter:card", "description"] {
            assert!(
                meta(&html, key).is_some_and(|v| !v.is_empty()),
                "{id}: {key}"
            );
        }
        let open = "<script type=\"application/ld+json\">";
        let at = html.find(open).expect("JSON-LD") + open.len();
        let ld: Value =
            serde_json::from_str(&html[at..at + html[at..].find("</script>").unwrap()]).unwrap();
        assert_eq!(ld["@type"], "Event");
        assert_eq!(ld["name"], s["title"], "{id}");
        // Our format writes the times with the conference's offset: the
        // same instants, the same offsets.
        assert_eq!(ld["startDate"], s["start"], "{id}");
        assert_eq!(ld["endDate"], s["end"], "{id}");
        assert_eq!(ld["url"], url.as_str());
        match s["room"].as_str() {
            Some(room) => assert_eq!(ld["location"]["name"], name_of("rooms", room).as_str()),
            None => assert!(ld.get("location").is_none()),
        }
        let speakers: Vec<String> = s["speakers"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| name_of("speakers", p.as_str().unwrap()))
                    .collect()
            })
            .unwrap_or_default();
        let performers: Vec<String> = ld["performer"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| p["name"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(performers, speakers, "{id}");
        assert_eq!(ld["superEvent"]["name"], "MesosCon Europe 2017");
        // The page itself shows the session (the app's markup).
        assert!(html.contains("<div id=\"prerender\" data-at="), "{id}");
        // Its styles in their place, after the head (and the guard script
        // there: a script waits for the style sheets before it).
        assert!(
            html.contains(
                r#"<!--page-style--><link rel="stylesheet" href="/mesoscon/2017/pages.css" /><!--/page-style-->"#
            ),
            "{id}"
        );
        assert_eq!(html.matches("pages.css").count(), 1, "{id}");
    }

    // sitemap.xml: every built page of the schedule, and no other (not the
    // app's personal routes, not the `/timetable` alias, not 404.html).
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|x| x[..x.find("</loc>").unwrap()].to_string())
        .collect();
    let mut found = BTreeSet::new();
    pages(&dir, &dir, &mut found);
    let personal = ["agenda", "agenda/shared", "now", "conferences", "timetable"];
    let expected: BTreeSet<String> = found
        .iter()
        .filter(|p| !personal.contains(&p.as_str()))
        .map(|p| {
            if p.is_empty() {
                SITE.to_string()
            } else {
                format!("{SITE}{p}")
            }
        })
        .collect();
    assert_eq!(listed, expected);
    // 1 + 4 tracks + 2 days + 28 sessions + speakers + each speaker.
    assert!(listed.len() > 35, "{}", listed.len());
    for p in personal {
        assert!(
            found.contains(p),
            "{p}: a file for each route (hosts without rewrites)"
        );
    }
    assert!(dir.join("404.html").exists());
    let manifest = manifest_of(&dir);
    assert_eq!(manifest["start_url"], "/mesoscon/2017/");
    assert_eq!(manifest["icons"][0]["src"], "/mesoscon/2017/icon-192.png");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The text of the first `<title>` of a page, its character references read.
fn title_of(html: &str) -> String {
    let at = html.find("<title>").expect("a <title>") + "<title>".len();
    let raw = &html[at..at + html[at..].find("</title>").expect("closed")];
    raw.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every page the build writes carries, in its `<title>`, the title the app
/// sets as `document.title` on that route (`model::page::page_title`), for
/// every kind of route: the built pages, the `/timetable` alias, the
/// personal routes' shells and 404.html.
#[test]
fn every_built_page_s_title_is_the_one_the_app_sets() {
    use schedule_viewer::model::page::page_title;
    use schedule_viewer::model::route::Route;
    let dir = built("titles");
    let schedule = schedule_viewer::model::schedule::parse_schedule(
        &std::fs::read_to_string(dir.join("schedule.json")).unwrap(),
    )
    .unwrap();
    let mut found = BTreeSet::new();
    pages(&dir, &dir, &mut found);
    let mut kinds = BTreeSet::new();
    for page in &found {
        // The route the app reads from the page's path (at the root: the
        // base only prefixes every path alike).
        let route = Route::parse(&format!("/{page}"));
        assert_ne!(route, Route::NotFound, "{page}");
        let html = std::fs::read_to_string(dir.join(page).join("index.html")).unwrap();
        assert_eq!(title_of(&html), page_title(&route, &schedule), "{page}");
        kinds.insert(match &route {
            Route::Timetable(None) => "Timetable of the first day".to_string(),
            r => format!("{r:?}").split('(').next().unwrap().to_string(),
        });
    }
    let html = std::fs::read_to_string(dir.join("404.html")).unwrap();
    assert_eq!(title_of(&html), page_title(&Route::NotFound, &schedule));
    assert_eq!(title_of(&html), "Not found · schedule-viewer");
    kinds.insert("NotFound".into());
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "Agenda",
            "Conferences",
            "NotFound",
            "Now",
            "Programme",
            "Room",
            "Session",
            "SharedAgenda",
            "Speaker",
            "Speakers",
            "Timetable",
            "Timetable of the first day",
            "Track"
        ]
    );
    // By hand, so that the check cannot pass by reading one wrong value twice.
    let title = |page: &str| title_of(&std::fs::read_to_string(dir.join(page)).unwrap());
    assert_eq!(title("index.html"), "Programme · MesosCon Europe 2017");
    assert_eq!(
        title("timetable/index.html"),
        "Timetable, Thursday 26 October 2017 · MesosCon Europe 2017"
    );
    assert_eq!(title("now/index.html"), "Now & next · MesosCon Europe 2017");
    assert_eq!(
        title("agenda/index.html"),
        "My agenda · MesosCon Europe 2017"
    );
    assert_eq!(
        title("session/thu-keynote-state-of-mesos/index.html"),
        "The State of Apache Mesos · MesosCon Europe 2017"
    );
    assert_eq!(
        title("room/club-a/index.html"),
        "Club A · MesosCon Europe 2017"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A frab file whose rooms say where they are, deployed with `--schedule`:
/// each room's built page shows its description (as text: markup in it is
/// escaped), seats and links, and only its sessions; its link preview is
/// the description; the sitemap lists it; cards link to it.
#[test]
fn a_room_s_built_page_reads_without_javascript() {
    let dir = built("rooms-demo");
    let frab = r#"{"schedule":{"version":"1","conference":{"acronym":"rc","title":"Room Conf",
      "time_zone_name":"Europe/Berlin",
      "rooms":[
        {"name":"Saal One","capacity":3025,"description_en":"Lecture hall, Level +2\n\n<script>alert(1)</script> & more","description_de":"Hörsaal",
         "map_url":"https://map.example/one"},
        {"name":"Annex"}
      ],
      "days":[{"date":"2030-05-01","rooms":{
        "Saal One":[{"guid":"a","date":"2030-05-01T10:00:00+02:00","duration":"1:00","title":"In the hall"}],
        "Annex":[{"guid":"b","date":"2030-05-01T10:00:00+02:00","duration":"1:00","title":"In the annex"}]
      }}]}}}"#;
    let file = dir.join("rooms-frab.json");
    std::fs::write(&file, frab).unwrap();
    prerender(&dir, &["--schedule".as_ref(), file.as_os_str()]);
    let html = std::fs::read_to_string(dir.join("room/saal-one/index.html")).unwrap();
    // Without the markers hydration reads (`<!>`: the end of a list of children).
    let page =
        html[html.find("<div id=\"prerender\" ").expect("the built view")..].replace("<!>", "");
    let page = page.as_str();
    assert!(page.contains("<h1>Saal One</h1>"), "{page}");
    assert!(page.contains("<p>Lecture hall, Level +2</p>"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("Seats 3,025"), "{page}");
    assert!(page.contains(r#"href="https://map.example/one""#), "{page}");
    assert!(
        page.contains("In the hall") && !page.contains("In the annex"),
        "{page}"
    );
    assert_eq!(
        meta(&html, "og:description"),
        Some("Saal One, Room Conf: Lecture hall, Level +2 &lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
    );
    // A room the file says nothing about: its name and sessions, nothing invented.
    let annex = std::fs::read_to_string(dir.join("room/annex/index.html"))
        .unwrap()
        .replace("<!>", "");
    assert!(annex.contains("<h1>Annex</h1>") && annex.contains("In the annex"));
    assert!(!annex.contains("Seats"));
    // The session page links to the room's page; a card names the room as
    // text (a link there is too close to the title's on a phone: WCAG 2.5.8).
    let programme = std::fs::read_to_string(dir.join("index.html"))
        .unwrap()
        .replace("<!>", "");
    assert!(
        programme.contains(r#"<span class="room">Saal One</span>"#),
        "{programme}"
    );
    assert!(!programme.contains(r#"<a href="/mesoscon/2017/room/saal-one">"#));
    let session = std::fs::read_to_string(dir.join("session/a/index.html")).unwrap();
    assert!(session.contains(r#"href="/mesoscon/2017/room/saal-one""#));
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains(&format!("<loc>{SITE}room/saal-one</loc>")));
    assert!(sitemap.contains(&format!("<loc>{SITE}room/annex</loc>")));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The build step with `args` on `dir`, its output whatever it is.
fn prerender_output(dir: Option<&Path>, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_prerender"));
    if let Some(dir) = dir {
        command.arg(dir);
    }
    command
        .args(args)
        .env_remove("SCHEDULE_FILE")
        .env_remove("SCHEDULE_BASE")
        .env_remove("SCHEDULE_VENUE")
        .output()
        .unwrap()
}

/// The demo with its venue file (`tests/data/venue-mesoscon.json`,
/// `--venue`): the deployed schedule carries the merged rooms in our format,
/// the map image is copied under `venue/`, and Club A's built page shows the
/// floor, the directions (as text) and the map image under the base.
#[test]
fn the_venue_file_is_merged_into_the_rooms_and_their_pages() {
    let dir = built("venue");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let venue = root.join("tests/data/venue-mesoscon.json");
    prerender(&dir, &["--venue".as_ref(), venue.as_os_str()]);
    assert_eq!(
        std::fs::read(dir.join("venue/club-a.svg")).unwrap(),
        std::fs::read(root.join("tests/data/maps/club-a.svg")).unwrap()
    );
    let deployed = std::fs::read_to_string(dir.join("schedule.json")).unwrap();
    let s = schedule_viewer::model::schedule::parse_schedule(&deployed).unwrap();
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let room = |id: &str| s.rooms.iter().find(|r| r.id == id).unwrap();
    let a = room("club-a");
    assert_eq!(a.floor.as_deref(), Some("Level -1"));
    assert!(a
        .directions
        .as_deref()
        .is_some_and(|d| d.starts_with("Down the stairs beside the cloakroom")));
    assert_eq!(a.map_image.as_deref(), Some("venue/club-a.svg"));
    assert_eq!(
        a.links.iter().map(|l| l.url.as_str()).collect::<Vec<_>>(),
        ["https://example.org/mesoscon-2017/live/club-a"]
    );
    assert_eq!(room("congress-hall").floor.as_deref(), Some("Ground floor"));
    assert_eq!(room("club-c").floor, None);
    // The rest of the schedule is the demo's.
    let demo = std::fs::read_to_string(root.join("public/schedule.json")).unwrap();
    let demo = schedule_viewer::model::schedule::parse_schedule(&demo).unwrap();
    assert_eq!(s.sessions, demo.sessions);
    let html = std::fs::read_to_string(dir.join("room/club-a/index.html"))
        .unwrap()
        .replace("<!>", "");
    for part in [
        "<dt>Floor</dt><dd>Level -1</dd>",
        r#"<h2 id="room-way">How to get there</h2>"#,
        "<p>Down the stairs beside the cloakroom,",
        "<p>The lift by the registration desk stops at Level -1 too.</p>",
        r#"<figure class="room-map"><a href="/mesoscon/2017/venue/club-a.svg"><img src="/mesoscon/2017/venue/club-a.svg" alt="Map of Club A" loading="lazy">"#,
        r#"href="https://example.org/mesoscon-2017/live/club-a""#,
    ] {
        assert!(html.contains(part), "{part}\n{html}");
    }
    let other = std::fs::read_to_string(dir.join("room/club-c/index.html")).unwrap();
    assert!(!other.contains("How to get there") && !other.contains("<img"));
    // Deployed again without the venue file: the rooms keep what it gave
    // (the images are still there); without the images, each room is named.
    let again = prerender_output(Some(&dir), &["--base".as_ref(), SITE.as_ref()]);
    assert!(again.status.success());
    assert!(!String::from_utf8_lossy(&again.stderr).contains("map image"));
    std::fs::remove_dir_all(dir.join("venue")).unwrap();
    let again = prerender_output(Some(&dir), &["--base".as_ref(), SITE.as_ref()]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{err}");
    assert!(
        err.contains("room \"Club A\": its map image venue/club-a.svg is not in"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--check` with a venue file reads and merges it, writes nothing, and
/// stops (exit 1) at the first problem with `file:line: problem`.
#[test]
fn the_check_stops_at_a_broken_venue_file_with_its_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let demo = root.join("public/schedule.json");
    let dir = std::env::temp_dir().join(format!("sv-pages-venue-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let check = |text: &str| {
        let venue = dir.join("venue.json");
        std::fs::write(&venue, text).unwrap();
        let out = prerender_output(
            None,
            &[
                "--check".as_ref(),
                "--schedule".as_ref(),
                demo.as_os_str(),
                "--venue".as_ref(),
                venue.as_os_str(),
            ],
        );
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (
            out.status.code(),
            said.replace(&venue.display().to_string(), "venue.json"),
        )
    };
    let cases = [
        (
            "{\n  \"rooms\": {\n    \"Club A\": {\"floor\": \"Level -1\"},\n    \"Hall Z\": {\"floor\": \"1\"}\n  }\n}\n",
            "prerender: venue.json:4: no room \"Hall Z\" in the schedule (its rooms: Congress Hall, Club A, Club B, Club C, Club D, Foyer)\n",
        ),
        (
            "{\n  \"rooms\": {\n    \"Club A\": {\n      \"flor\": \"Level -1\"\n    }\n  }\n}\n",
            "prerender: venue.json:4: unknown field `flor`, expected one of `floor`, `directions`, `map`, `links`\n",
        ),
        (
            "{\n  \"rooms\": {\n    \"Club A\": {\n      \"map\": \"maps/club-a.png\"\n    }\n  }\n}\n",
            "prerender: venue.json:4: map \"maps/club-a.png\": there is no such file (",
        ),
        ("{\"rooms\": {\"Club A\": {}},}", "prerender: venue.json:1: trailing comma"),
    ];
    for (text, expected) in cases {
        let (code, said) = check(text);
        assert_eq!(code, Some(1), "{text}: {said}");
        assert!(
            said.starts_with(expected),
            "{text}\n got: {said}\nwant: {expected}"
        );
    }
    let (code, said) = check("{\"rooms\": {\"club-a\": {\"floor\": \"Level -1\"}}}");
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("venue.json: can be merged (rooms: 1, map images: 0)"),
        "{said}"
    );
    // Nothing was written beside the files.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["venue.json"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The installed app's manifest speaks the pages' language: its name, short
/// name and description from the catalogue, and its `lang`; English by default.
#[test]
fn the_manifest_is_written_in_the_pages_language() {
    let english = built("manifest-en");
    let m = manifest_of(&english);
    assert_eq!(m["name"], "MesosCon Europe 2017 · schedule");
    assert_eq!(m["short_name"], "Schedule");
    assert_eq!(m["lang"], "en");
    let _ = std::fs::remove_dir_all(&english);

    let german = built_with("manifest-de", &["--lang".as_ref(), "de".as_ref()]);
    let m = manifest_of(&german);
    assert_eq!(m["name"], "MesosCon Europe 2017 · Programm");
    assert_eq!(m["short_name"], "Programm");
    assert_eq!(
        m["description"],
        "Konferenzprogramm mit Ihrer persönlichen Agenda, auch offline."
    );
    assert_eq!(m["lang"], "de");
    assert_eq!(m["start_url"], "/mesoscon/2017/");
    let _ = std::fs::remove_dir_all(&german);
}
