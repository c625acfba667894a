//! `scripts/build.sh`'s checks that stop it before any build (no cargo, no
//! Trunk): a missing or unreadable file (the schedule or the venue file),
//! options without values, unknown options, and an `--out` folder Trunk
//! would wrongly empty; and the build step's check (a base that is no path,
//! a venue file naming a room the schedule does not), which stops it before
//! Trunk. The build itself needs Trunk and is not run here.

use std::path::Path;
use std::process::{Command, Output};

fn build_sh(args: &[&str]) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Command::new("bash")
        .arg(root.join("scripts/build.sh"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap()
}

fn refused(args: &[&str], words: &str) {
    let out = build_sh(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(words), "{args:?}: {err}");
}

#[test]
fn build_sh_refuses_what_it_cannot_build_before_building() {
    let root = env!("CARGO_MANIFEST_DIR");
    let demo = format!("{root}/public/schedule.json");
    refused(&[], "--schedule <file> is required");
    refused(&["--schedule"], "--schedule needs a value");
    refused(&["--schedule", &demo, "--tz"], "--tz needs a value");
    // A base that is no path: the build step's check says why, before any
    // build. The script makes its --out folder only after the check, just
    // before Trunk, so a folder that is still missing shows it stopped there.
    for base in ["x/", "/a/../b/", "ftp://host/x/"] {
        let dist = std::env::temp_dir().join(format!("sv-build-script-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        let dist_arg = dist.to_string_lossy();
        let out = build_sh(&["--schedule", &demo, "--base", base, "--out", &dist_arg]);
        let err = String::from_utf8_lossy(&out.stderr);
        let said = String::from_utf8_lossy(&out.stdout);
        let made = dist.exists();
        let _ = std::fs::remove_dir_all(&dist);
        assert_eq!(out.status.code(), Some(1), "{base}: {err}");
        assert!(err.contains("--base: "), "{base}: {err}");
        assert!(!made, "{base}: the build went on past the check: {err}");
        assert!(!said.contains("is ready"), "{base}: {said}");
    }
    // A language the interface does not speak stops the build at the check,
    // naming the ones it does.
    let out = build_sh(&["--schedule", &demo, "--lang", "tlh"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("--lang tlh: the interface does not speak it; known: en, de, fr"),
        "{err}"
    );
    refused(&["--schedule", &demo, "--lang"], "--lang needs a value");
    refused(
        &["--schedule", &demo, "--bass", "/x/"],
        "unknown option --bass",
    );
    refused(
        &["--schedule", "/nonexistent.json"],
        "is not a readable file",
    );
    refused(&["--schedule", &demo, "--venue"], "--venue needs a value");
    refused(
        &["--schedule", &demo, "--venue", "/nonexistent/venue.json"],
        "--venue /nonexistent/venue.json is not a readable file",
    );
    // A venue file naming a room the demo does not have: the build step's
    // check names its line, before any build.
    let venue =
        std::env::temp_dir().join(format!("sv-build-script-venue-{}.json", std::process::id()));
    std::fs::write(
        &venue,
        "{\n  \"rooms\": {\n    \"Hall Z\": {\"floor\": \"1\"}\n  }\n}\n",
    )
    .unwrap();
    // As the script names it: its real path.
    let shown = venue.canonicalize().unwrap();
    let dist = std::env::temp_dir().join(format!("sv-build-script-v-{}", std::process::id()));
    let out = build_sh(&[
        "--schedule",
        &demo,
        "--venue",
        &venue.to_string_lossy(),
        "--out",
        &dist.to_string_lossy(),
    ]);
    let _ = std::fs::remove_file(&venue);
    let err = String::from_utf8_lossy(&out.stderr);
    let made = dist.exists();
    let _ = std::fs::remove_dir_all(&dist);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{}:3: no room \"Hall Z\" in the schedule (its rooms: Congress Hall, Club A, Club B, Club C, Club D, Foyer)",
            shown.display()
        )),
        "{err}"
    );
    assert!(!made, "the build went on past the check: {err}");
    refused(
        &["--schedule", &demo, "--out", root],
        "holds this repository",
    );
    let src = format!("{root}/src");
    refused(
        &["--schedule", &demo, "--out", &src],
        "holds no earlier build",
    );
    let help = build_sh(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains(
        "--schedule <file> [--tz <IANA zone>] [--base /path/] [--venue <file>] [--lang <code>] [--out <dir>]"
    ));
}
