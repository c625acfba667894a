//! Build step (run by `scripts/post-build.mjs`): reads the deployed
//! `schedule.json` as the app does and, when it is in another format (frab,
//! Sessionize, pretalx widget), writes it over itself in our format, so the
//! app's first load needs only our reader; renders its start view into the
//! built `index.html`, so the first titles paint before the wasm has
//! arrived; writes the track colours to `prerender.css`.
//!
//! The problems the app would list (skipped sessions, dropped values) are
//! printed in its words; a file that cannot be used at all, or a zone-less
//! one without a zone, fails the build with the app's message.
//!
//! Usage: `prerender <dist dir> [--schedule <file>] [--tz <IANA zone>] [--name <name>]`,
//! or `prerender --check --schedule <file> [--tz …] [--name …]`, which only
//! reads the file as the build would and writes nothing (`scripts/build.sh`
//! runs it before the minutes of the wasm build).
//! `--schedule` deploys another file than the built one (it is read from
//! there and written as `<dist dir>/schedule.json`); `--tz` is the zone of a
//! file that names none (Sessionize); `--name` names the conference of a file
//! that carries no title (Sessionize, pretalx widget), e.g.
//! `orlando-codecamp-2020`, by default the `--schedule` file's name. Without
//! them, the environment's `SCHEDULE_FILE`, `SCHEDULE_TZ` and
//! `SCHEDULE_NAME` are used: `scripts/build.sh` sets them, as it reaches this
//! step only through Trunk and its post-build hook.

/// Where the pre-rendered view begins and ends in `index.html`.
#[cfg(not(target_arch = "wasm32"))]
const START: &str = "<!--prerender-->";
#[cfg(not(target_arch = "wasm32"))]
const END: &str = "<!--/prerender-->";

/// The command line, read.
#[cfg(not(target_arch = "wasm32"))]
struct Args {
    dir: std::path::PathBuf,
    schedule: Option<std::path::PathBuf>,
    zone: Option<String>,
    name: Option<String>,
    /// Read the file and say what is wrong with it; write nothing.
    check: bool,
}

#[cfg(not(target_arch = "wasm32"))]
impl Args {
    fn read() -> Result<Args, String> {
        let mut dir = None;
        let (mut schedule, mut zone, mut name) = (None, None, None);
        let mut check = false;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = |flag: &str| args.next().ok_or(format!("{flag} needs a value"));
            match arg.as_str() {
                "--schedule" => schedule = Some(value("--schedule")?),
                "--tz" => zone = Some(value("--tz")?),
                "--name" => name = Some(value("--name")?),
                "--check" => check = true,
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ if dir.is_none() => dir = Some(arg),
                _ => return Err(format!("one directory only, not also {arg}")),
            }
        }
        let from_env = |var: &str| std::env::var(var).ok().filter(|v| !v.trim().is_empty());
        Ok(Args {
            dir: dir.unwrap_or_else(|| "dist".into()).into(),
            schedule: schedule
                .or_else(|| from_env("SCHEDULE_FILE"))
                .map(Into::into),
            zone: zone.or_else(|| from_env("SCHEDULE_TZ")),
            name: name.or_else(|| from_env("SCHEDULE_NAME")),
            check,
        })
    }
}

/// Stop the build with a message.
#[cfg(not(target_arch = "wasm32"))]
fn fail(why: impl std::fmt::Display) -> ! {
    eprintln!("prerender: {why}");
    std::process::exit(1);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use schedule_viewer::model::convert::{convert, BuildOptions};
    use schedule_viewer::model::error::ProblemsNotice;

    let args = Args::read().unwrap_or_else(|why| {
        eprintln!("prerender: {why}");
        eprintln!(
            "usage: prerender <dist dir> [--schedule <file>] [--tz <IANA zone>] [--name <name>]"
        );
        eprintln!("       prerender --check --schedule <file> [--tz <IANA zone>] [--name <name>]");
        std::process::exit(2);
    });
    let dir = &args.dir;
    let schedule_path = dir.join("schedule.json");
    let source = args
        .schedule
        .clone()
        .unwrap_or_else(|| schedule_path.clone());
    let source_name = source.display().to_string();
    let options = BuildOptions {
        name: args.name.clone().or_else(|| {
            let file = args.schedule.as_ref()?.to_string_lossy().into_owned();
            schedule_viewer::model::import::name_hint(&file)
        }),
        path: source_name,
        zone: args.zone.clone(),
    };
    let text = std::fs::read_to_string(&source)
        .unwrap_or_else(|e| fail(format!("{} could not be read: {e}", options.path)));
    let converted = convert(&text, &options).unwrap_or_else(|why| fail(why));
    if !converted.problems.is_empty() {
        eprintln!(
            "prerender: {}: {}",
            options.path,
            ProblemsNotice(converted.problems.len())
        );
        for p in &converted.problems {
            eprintln!("  {p}");
        }
    }
    if let (Some(zone), true) = (&args.zone, converted.zone_in_file) {
        eprintln!("prerender: --tz {zone} is not used: the file names its own zone");
    }
    let schedule = &converted.schedule;
    if args.check {
        println!(
            "prerender: {} ({}): {} sessions can be deployed",
            options.path,
            converted.format.name(),
            schedule.sessions.len()
        );
        return;
    }

    let index_path = dir.join("index.html");
    let Ok(index) = std::fs::read_to_string(&index_path) else {
        fail(format!("no index.html in {}", dir.display()));
    };
    let view = schedule_viewer::prerender::start_view(schedule);
    // A page built before (a schedule deployed into a built dist/) loses its
    // old view first: the markers delimit it.
    let index = match (index.find(START), index.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &index[..a], &index[b + END.len()..]),
        _ => index,
    };
    let Some(body) = index.find("<body>") else {
        fail("index.html has no <body>");
    };
    let at = body + "<body>".len();
    let html = format!("{}{START}{view}{END}{}", &index[..at], &index[at..]);
    let css = schedule_viewer::prerender::track_css(schedule);
    let deployed = match (&converted.text, args.schedule.is_some()) {
        (Some(ours), _) => std::fs::write(&schedule_path, ours),
        // A file in our format from elsewhere is deployed as it is.
        (None, true) => std::fs::write(&schedule_path, &text),
        (None, false) => Ok(()),
    };
    if let Err(e) = deployed
        .and_then(|_| std::fs::write(&index_path, html))
        .and_then(|_| std::fs::write(dir.join("prerender.css"), css))
    {
        fail(e);
    }
    if converted.text.is_some() || args.schedule.is_some() {
        println!(
            "prerender: {} ({}) deployed as {}{}",
            options.path,
            converted.format.name(),
            schedule_path.display(),
            if converted.text.is_some() {
                ", written in our format"
            } else {
                ""
            }
        );
    }
    println!(
        "prerender: start view of {} sessions ({} shown) written into index.html",
        schedule.sessions.len(),
        schedule
            .sessions
            .len()
            .min(schedule_viewer::model::filter::PAGE_SIZE)
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
