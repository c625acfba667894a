//! The build step (`src/bin/prerender.rs`) on a staging directory holding
//! each real schedule of `tests/data/` and the demo: afterwards
//! `schedule.json` is in our format and reads (with our reader alone) as the
//! same schedule the original gives; the start view is in `index.html`; a
//! file with problems is named in the app's words, and one that cannot be
//! used fails the build with the app's message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use schedule_viewer::model::convert::TzdbZones;
use schedule_viewer::model::import::{detect, import, Format, ImportOptions};
use schedule_viewer::model::schedule::{parse_schedule, Schedule};

const INDEX: &str =
    "<!doctype html><html><head>\n<meta charset=\"utf-8\" />\n<!--page-head--><title>x</title><!--/page-head-->\n<!--page-style--><!--/page-style-->\n<script type=\"module\">x</script></head><body><!--page--><!--/page--></body></html>";

/// A staging directory of its own, removed when dropped.
struct Staging(PathBuf);

impl Staging {
    fn with(schedule: &str) -> Staging {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "sv-build-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), INDEX).unwrap();
        std::fs::write(dir.join("schedule.json"), schedule).unwrap();
        Staging(dir)
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.0.join(file)).unwrap()
    }

    fn build(&self, args: &[&str]) -> Output {
        let out = Command::new(env!("CARGO_BIN_EXE_prerender"))
            .arg(&self.0)
            .args(args)
            .env_remove("SCHEDULE_FILE")
            .env_remove("SCHEDULE_TZ")
            .env_remove("SCHEDULE_NAME")
            .env_remove("SCHEDULE_BASE")
            .output()
            .unwrap();
        eprintln!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn data(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Build with `args`; the deployed schedule.json is then ours and reads as
/// `expected` (what was skipped reading the original aside).
fn assert_converts(path: &str, args: &[&str], expected: &Schedule) -> Staging {
    let original = data(path);
    let staging = Staging::with(&original);
    let out = staging.build(args);
    assert!(out.status.success(), "{path}: {}", stderr(&out));
    let deployed = staging.read("schedule.json");
    assert_eq!(detect(&deployed), Ok(Format::Ours), "{path}");
    let back = parse_schedule(&deployed).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut kept = expected.clone();
    kept.problems.clear();
    kept.skipped = 0;
    assert_eq!(back, kept, "{path}");
    for (a, b) in back.sessions.iter().zip(&expected.sessions) {
        assert_eq!(
            a.start.to_rfc3339(),
            b.start.to_rfc3339(),
            "{path}: {}",
            a.id
        );
        assert_eq!(a.end.to_rfc3339(), b.end.to_rfc3339(), "{path}: {}", a.id);
    }
    let index = staging.read("index.html");
    assert_eq!(
        index.matches(r#"<div id="prerender" data-at=""#).count(),
        1,
        "{path}"
    );
    // Stamped with the file the app will fetch: the app adopts the page only with it.
    let stamp = format!(
        r#" data-schedule="{:016x}">"#,
        schedule_viewer::model::live::body_fingerprint(&deployed)
    );
    assert!(index.contains(&stamp), "{path}: {stamp}");
    assert!(index.contains(&expected.sessions[0].title.replace('&', "&amp;")));
    assert!(staging.0.join("prerender.css").exists());
    staging
}

fn imported(path: &str, options: &ImportOptions) -> Schedule {
    import(&data(path), options)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .schedule
}

#[test]
fn frab_files_are_deployed_in_our_format() {
    for path in [
        "tests/data/camp2019-frab-schedule.json",
        "tests/data/rc3-channels-schedule.json",
    ] {
        let expected = imported(path, &ImportOptions::default());
        let staging = assert_converts(path, &[], &expected);
        // Built again (a deployed dist/ built anew): already ours, kept as it is.
        let before = staging.read("schedule.json");
        assert!(staging.build(&[]).status.success());
        assert_eq!(staging.read("schedule.json"), before);
        assert_eq!(
            staging
                .read("index.html")
                .matches(r#"<div id="prerender" data-at=""#)
                .count(),
            1
        );
    }
}

#[test]
fn a_pretalx_widget_file_is_deployed_in_our_format() {
    let path = "tests/data/rc3-channels-widget.json";
    let options = ImportOptions {
        name_hint: Some("rc3-channels".into()),
        ..ImportOptions::default()
    };
    let expected = imported(path, &options);
    let staging = assert_converts(path, &["--name", "rc3-channels"], &expected);
    assert!(staging
        .read("schedule.json")
        .contains(r#""id":"rc3-channels""#));
}

#[test]
fn a_sessionize_file_is_deployed_in_the_zone_given() {
    let path = "tests/data/sessionize-orlando-codecamp-2020.json";
    let options = ImportOptions {
        zone: Some("America/New_York".into()),
        names: &TzdbZones,
        name_hint: Some("orlando-codecamp-2020".into()),
    };
    let expected = imported(path, &options);
    // Local 09:00 on 28 March 2020 is after the DST change (as tests/more_formats.rs has it).
    let talk = expected.session("176210").unwrap();
    assert_eq!(talk.start.to_rfc3339(), "2020-03-28T09:00:00-04:00");
    let args = [
        "--tz",
        "America/New_York",
        "--name",
        "orlando-codecamp-2020",
    ];
    let staging = assert_converts(path, &args, &expected);
    let deployed = parse_schedule(&staging.read("schedule.json")).unwrap();
    assert_eq!(deployed.conference.time_zone, "America/New_York");
    assert_eq!(deployed.conference.id, "orlando-codecamp-2020");
}

fn manifest_path(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

#[test]
fn the_file_zone_and_name_may_come_from_the_environment() {
    let staging = Staging::with(&data("public/schedule.json"));
    let out = Command::new(env!("CARGO_BIN_EXE_prerender"))
        .arg(&staging.0)
        .env(
            "SCHEDULE_FILE",
            manifest_path("tests/data/sessionize-orlando-codecamp-2020.json"),
        )
        .env("SCHEDULE_TZ", "America/New_York")
        .env("SCHEDULE_NAME", "orlando-codecamp-2020")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let deployed = parse_schedule(&staging.read("schedule.json")).unwrap();
    assert_eq!(deployed.conference.time_zone, "America/New_York");
    assert_eq!(deployed.conference.id, "orlando-codecamp-2020");
    assert!(!staging.read("index.html").contains("MesosCon"));
}

#[test]
fn another_file_is_deployed_with_schedule_and_named_by_its_file_name() {
    let path = "tests/data/sessionize-orlando-codecamp-2020.json";
    let staging = Staging::with(&data("public/schedule.json"));
    let source = manifest_path(path);
    let out = staging.build(&["--schedule", &source, "--tz", "America/New_York"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let deployed = parse_schedule(&staging.read("schedule.json")).unwrap();
    assert_eq!(deployed.conference.id, "sessionize-orlando-codecamp-2020");
    assert_eq!(
        deployed.conference.title,
        "Sessionize orlando codecamp 2020"
    );
    assert_eq!(deployed.sessions.len(), 99);
    // The source is read, never written.
    assert_eq!(data(path), std::fs::read_to_string(&source).unwrap());
    // A file in our format from elsewhere is deployed byte for byte.
    let frab = Staging::with(&data("tests/data/camp2019-frab-schedule.json"));
    let demo = manifest_path("public/schedule.json");
    assert!(frab.build(&["--schedule", &demo]).status.success());
    assert_eq!(frab.read("schedule.json"), data("public/schedule.json"));
    // A file that cannot be read is named.
    let out = staging.build(&["--schedule", "/nonexistent/x.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/x.json could not be read"));
}

#[test]
fn a_sessionize_file_without_a_zone_fails_the_build_and_is_left_alone() {
    let original = data("tests/data/sessionize-orlando-codecamp-2020.json");
    let staging = Staging::with(&original);
    let out = staging.build(&[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(
            "is Sessionize \"All data\" JSON, which names no time zone: give the conference's with --tz <IANA zone>"
        ),
        "{}",
        stderr(&out)
    );
    let out = staging.build(&["--tz", "Mars/Olympus"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("No time zone \"Mars/Olympus\" is known"));
    assert_eq!(staging.read("schedule.json"), original);
    assert_eq!(staging.read("index.html"), INDEX);
}

#[test]
fn the_demo_is_left_as_it_is() {
    let original = data("public/schedule.json");
    let staging = Staging::with(&original);
    let out = staging.build(&["--tz", "Europe/Berlin"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("--tz Europe/Berlin is not used: the file names its own zone"));
    assert_eq!(staging.read("schedule.json"), original);
    assert!(staging.read("index.html").contains("MesosCon Europe 2017"));
}

#[test]
fn a_file_with_problems_is_named_in_the_apps_words_and_still_deployed() {
    let frab = r#"{"schedule":{"conference":{"title":"N","days":[{"date":"2019-08-21","rooms":{"R":[
        {"guid":"ok","date":"2019-08-21T10:00:00+02:00","duration":"1:00","title":"Fine"},
        {"guid":"bad","duration":"1:00","title":"No date"},
        {"guid":"long","date":"2019-08-21T11:00:00+02:00","duration":"1:0x","title":"Odd duration"}]}}]}}}"#;
    let staging = Staging::with(frab);
    let out = staging.build(&[]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("The schedule file has 2 problem(s); the rest is shown."),
        "{err}"
    );
    assert!(err.contains("  event \"bad\": no date"), "{err}");
    assert!(
        err.contains("  event \"long\": duration \"1:0x\" is not H:MM"),
        "{err}"
    );
    let deployed = parse_schedule(&staging.read("schedule.json")).unwrap();
    assert_eq!(deployed.sessions.len(), 1);
}

#[test]
fn a_file_that_cannot_be_used_fails_the_build_with_the_apps_message() {
    for (text, words) in [
        ("", "the schedule file is empty."),
        ("{\"version\": 1,", "the schedule file is not valid: "),
        (
            r#"{"events": []}"#,
            "the file is not a schedule: it is none of the formats this viewer reads",
        ),
    ] {
        let staging = Staging::with(text);
        let out = staging.build(&[]);
        assert_eq!(out.status.code(), Some(1), "{text}");
        let err = stderr(&out);
        assert!(err.contains("schedule.json: "), "{err}");
        assert!(err.contains(words), "{err}");
        assert_eq!(staging.read("index.html"), INDEX);
    }
    let staging = Staging::with("");
    let out = staging.build(&["--what"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("usage: prerender"));
}

#[test]
fn check_reads_the_file_and_writes_nothing() {
    let staging = Staging::with("");
    let sessionize = manifest_path("tests/data/sessionize-orlando-codecamp-2020.json");
    let out = staging.build(&["--check", "--schedule", &sessionize]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("which names no time zone"));
    let args = [
        "--check",
        "--schedule",
        &sessionize,
        "--tz",
        "America/New_York",
    ];
    let out = staging.build(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("99 sessions can be deployed"));
    assert_eq!(staging.read("schedule.json"), "");
    assert_eq!(staging.read("index.html"), INDEX);
    assert!(!staging.0.join("prerender.css").exists());
}
