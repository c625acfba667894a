//! Build step (run by `scripts/post-build.mjs`): reads the deployed
//! `schedule.json` as the app does and, when it is in another format (frab,
//! Sessionize, pretalx widget), writes it over itself in our format, so the
//! app's first load needs only our reader; then writes every page of the
//! schedule (the programme, each track, each day's timetable, each session,
//! the speakers, each speaker and each room) as `<path>/index.html`, drawn by the app's
//! own components (`schedule_viewer::build`) with its title, description,
//! link preview and, for a session, its schema.org Event
//! (`schedule_viewer::model::site`), so a link paints at once and reads
//! without JavaScript; a file for each of the app's other routes and a
//! `404.html` (hosts without rewrites); `sitemap.xml`; the styles of the
//! built views (`prerender.css`); the manifest under the base.
//!
//! The problems the app would list (skipped sessions, dropped values) are
//! printed in its words; a file that cannot be used at all, or a zone-less
//! one without a zone, fails the build with the app's message.
//!
//! Usage: `prerender <dist dir> [--schedule <file>] [--tz <IANA zone>] [--name <name>] [--base <path or URL>] [--venue <file>] [--lang <code>]`,
//! or `prerender --check --schedule <file> [--tz …] [--name …] [--venue …]`, which only
//! reads the files as the build would and writes nothing (`scripts/build.sh`
//! runs it before the minutes of the wasm build).
//! `--venue` is the organiser's venue file (`docs/venue-format.md`): each
//! room's floor, directions, map and links, merged into the schedule's rooms
//! (the schedule is then deployed in our format, written anew) and its map
//! images copied to `<dist dir>/venue/`; a room the schedule does not name,
//! or a file that cannot be used, fails the build with `file:line: problem`.
//! `--schedule` deploys another file than the built one (it is read from
//! there and written as `<dist dir>/schedule.json`); `--tz` is the zone of a
//! file that names none (Sessionize); `--name` names the conference of a file
//! that carries no title (Sessionize, pretalx widget), e.g.
//! `orlando-codecamp-2020`, by default the `--schedule` file's name; `--base`
//! the path the folder is served under ("/mesoscon/2017/"), or its full URL
//! (then the canonical links and the sitemap are absolute); `--lang` the
//! language the pages are written in (`en`, `de`, `fr`: `model::words`'s
//! `LANGS`; an unknown one stops the build and names the known). Without
//! them, the environment's `SCHEDULE_FILE`, `SCHEDULE_TZ`, `SCHEDULE_NAME`,
//! `SCHEDULE_BASE`, `SCHEDULE_VENUE` and `SCHEDULE_LANG` are used: `scripts/build.sh` sets
//! them, as it reaches this step only through Trunk and its post-build hook.

// The views' async types nest deeper than the default limit (see lib.rs).
#![recursion_limit = "256"]

/// The command line, read.
#[cfg(not(target_arch = "wasm32"))]
struct Args {
    dir: std::path::PathBuf,
    schedule: Option<std::path::PathBuf>,
    zone: Option<String>,
    name: Option<String>,
    base: Option<String>,
    /// The organiser's venue file (`--venue`).
    venue: Option<std::path::PathBuf>,
    /// The built pages' language (`--lang`, default English).
    lang: &'static schedule_viewer::model::words::Lang,
    /// Read the file and say what is wrong with it; write nothing.
    check: bool,
}

#[cfg(not(target_arch = "wasm32"))]
impl Args {
    fn read() -> Result<Args, String> {
        let mut dir = None;
        let (mut schedule, mut zone, mut name, mut base) = (None, None, None, None);
        let (mut venue, mut lang) = (None, None);
        let mut check = false;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = |flag: &str| args.next().ok_or(format!("{flag} needs a value"));
            match arg.as_str() {
                "--schedule" => schedule = Some(value("--schedule")?),
                "--tz" => zone = Some(value("--tz")?),
                "--name" => name = Some(value("--name")?),
                "--base" => base = Some(value("--base")?),
                "--venue" => venue = Some(value("--venue")?),
                "--lang" => lang = Some(value("--lang")?),
                "--check" => check = true,
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ if dir.is_none() => dir = Some(arg),
                _ => return Err(format!("one directory only, not also {arg}")),
            }
        }
        let from_env = |var: &str| std::env::var(var).ok().filter(|v| !v.trim().is_empty());
        let lang = match lang.or_else(|| from_env("SCHEDULE_LANG")) {
            None => schedule_viewer::model::words::english(),
            Some(code) => language(&code)?,
        };
        Ok(Args {
            dir: dir.unwrap_or_else(|| "dist".into()).into(),
            schedule: schedule
                .or_else(|| from_env("SCHEDULE_FILE"))
                .map(Into::into),
            zone: zone.or_else(|| from_env("SCHEDULE_TZ")),
            name: name.or_else(|| from_env("SCHEDULE_NAME")),
            base: base.or_else(|| from_env("SCHEDULE_BASE")),
            venue: venue.or_else(|| from_env("SCHEDULE_VENUE")).map(Into::into),
            lang,
            check,
        })
    }
}

/// The language `--lang` names, by its exact code; an error lists the known ones.
#[cfg(not(target_arch = "wasm32"))]
fn language(code: &str) -> Result<&'static schedule_viewer::model::words::Lang, String> {
    use schedule_viewer::model::words::LANGS;
    LANGS.iter().find(|l| l.code == code).ok_or_else(|| {
        let known: Vec<&str> = LANGS.iter().map(|l| l.code).collect();
        format!(
            "--lang {code}: the interface does not speak it; known: {}",
            known.join(", ")
        )
    })
}

/// Speak `lang` for the pages about to be written: its catalogue, as
/// deployed in `dir` (the one the app fetches), read.
#[cfg(not(target_arch = "wasm32"))]
fn speak(dir: &std::path::Path, lang: &'static schedule_viewer::model::words::Lang) {
    use schedule_viewer::model::words;
    if lang.is_source() {
        return words::speak(lang, None);
    }
    let path = dir.join(lang.file());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| fail(format!("{} could not be read: {e}", path.display())));
    let catalogue = schedule_viewer::model::catalogue::read_catalogue(&text)
        .unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    words::speak(lang, Some(catalogue));
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
            "usage: prerender <dist dir> [--schedule <file>] [--tz <IANA zone>] [--name <name>] [--base <path or URL>] [--venue <file>] [--lang <code>]"
        );
        eprintln!("       prerender --check --schedule <file> [--tz <IANA zone>] [--name <name>] [--base <path or URL>] [--venue <file>]");
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
    let mut converted = convert(&text, &options).unwrap_or_else(|why| fail(why));
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
    let site = schedule_viewer::model::site::Site::parse(args.base.as_deref().unwrap_or("/"))
        .unwrap_or_else(|why| fail(format!("--base: {why}")));
    // The venue's rooms merged in: the file is then ours, written anew.
    let venue = args
        .venue
        .as_deref()
        .map(|path| merge_venue(path, &mut converted, &options.path));
    let schedule = &converted.schedule;
    if args.check {
        println!(
            "prerender: {} ({}): {} sessions can be deployed",
            options.path,
            converted.format.name(),
            schedule.sessions.len()
        );
        if let (Some(path), Some(merged)) = (&args.venue, &venue) {
            println!(
                "prerender: {}: can be merged (rooms: {}, map images: {})",
                path.display(),
                merged.rooms,
                merged.images.len()
            );
        }
        return;
    }

    speak(dir, args.lang);
    let index_path = dir.join("index.html");
    let Ok(index) = std::fs::read_to_string(&index_path) else {
        fail(format!("no index.html in {}", dir.display()));
    };
    let shell = schedule_viewer::build::Shell::from_index(&index, &site.base, |name| {
        std::fs::read_to_string(dir.join(name)).ok()
    })
    .unwrap_or_else(|why| fail(why));
    let deployed = match (&converted.text, args.schedule.is_some()) {
        (Some(ours), _) => std::fs::write(&schedule_path, ours),
        // A file in our format from elsewhere is deployed as it is.
        (None, true) => std::fs::write(&schedule_path, &text),
        (None, false) => Ok(()),
    };
    if let Err(e) = deployed {
        fail(e);
    }
    if let (Some(path), Some(merged)) = (&args.venue, &venue) {
        copy_map_images(dir, merged).unwrap_or_else(|e| fail(e));
        println!(
            "prerender: {} merged (rooms: {}, map images copied to {}: {})",
            path.display(),
            merged.rooms,
            dir.join(schedule_viewer::model::venue::IMAGE_FOLDER)
                .display(),
            merged.images.len()
        );
    }
    missing_map_images(dir, schedule);
    if converted.text.is_some() || args.schedule.is_some() {
        println!(
            "prerender: {} ({}) deployed as {}{}",
            options.path,
            converted.format.name(),
            schedule_path.display(),
            match (converted.format, &converted.text) {
                (_, None) => "",
                (schedule_viewer::model::import::Format::Ours, Some(_)) => {
                    ", written anew with the venue's rooms"
                }
                (_, Some(_)) => ", written in our format",
            }
        );
    }
    // The file the app will fetch, as deployed: its pages are stamped with
    // it, and the app adopts them only with that file.
    let served = std::fs::read_to_string(&schedule_path).unwrap_or_else(|e| {
        fail(format!(
            "{} could not be read: {e}",
            schedule_path.display()
        ))
    });
    let file = schedule_viewer::model::live::body_fingerprint(&served);
    let started = std::time::Instant::now();
    // In another language than English, the pages are drawn from the
    // deployed file read in it, as the app reads it: what the reading itself
    // names (a session type, a link's default title, a language) is then
    // in the pages' language, and the app's first render is the page's.
    let schedule = if args.lang.is_source() {
        converted.schedule
    } else {
        match schedule_viewer::model::import::import_own(&served) {
            Ok(Ok(imported)) => imported.schedule,
            _ => fail(format!(
                "{} could not be read back",
                schedule_path.display()
            )),
        }
    };
    let written = write_pages(dir, &shell, schedule, &site, file).unwrap_or_else(|e| fail(e));
    println!(
        "prerender: {written} pages written under {} in {:.1} s",
        site.base,
        started.elapsed().as_secs_f64()
    );
}

/// Merge the venue file at `path` into the converted schedule, which is
/// then deployed as our format's text written anew (read back and compared,
/// as a converted file is); stop the build with the file's line and the
/// problem.
#[cfg(not(target_arch = "wasm32"))]
fn merge_venue(
    path: &std::path::Path,
    converted: &mut schedule_viewer::model::convert::Converted,
    schedule_path: &str,
) -> schedule_viewer::model::venue::Merged {
    use schedule_viewer::model::venue::Venue;
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("{} could not be read: {e}", path.display())));
    let venue = Venue::read(path, &text).unwrap_or_else(|why| fail(why));
    let merged = venue
        .merge(&mut converted.schedule, &|p| std::fs::read(p))
        .unwrap_or_else(|why| fail(why));
    let written = schedule_viewer::model::writer::write(&converted.schedule);
    match schedule_viewer::model::schedule::parse_schedule(&written) {
        Ok(back) if back == converted.schedule => {
            converted.schedule = back;
            converted.text = Some(written);
        }
        Ok(_) => fail(format!(
            "{schedule_path} with the venue's rooms does not read back as the same schedule; it was not deployed."
        )),
        Err(e) => fail(format!(
            "{schedule_path} with the venue's rooms does not read back ({e}); it was not deployed."
        )),
    }
    merged
}

/// Write the venue's map images where the rooms' `map_image` names them
/// (`<dir>/venue/…`), the folder emptied first.
#[cfg(not(target_arch = "wasm32"))]
fn copy_map_images(
    dir: &std::path::Path,
    merged: &schedule_viewer::model::venue::Merged,
) -> std::io::Result<()> {
    let folder = dir.join(schedule_viewer::model::venue::IMAGE_FOLDER);
    if folder.is_dir() {
        std::fs::remove_dir_all(&folder)?;
    }
    for image in &merged.images {
        let to = dir.join(&image.to);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // The bytes the merge checked (a copy would also take the file's
        // permissions: a private image would be refused by the host).
        std::fs::write(&to, &image.bytes).map_err(|e| {
            std::io::Error::other(format!(
                "{} could not be written to {}: {e}",
                image.from.display(),
                to.display()
            ))
        })?;
    }
    Ok(())
}

/// Say which rooms name a map image the folder does not hold (a schedule
/// deployed without the venue file that gave them): their pages would show
/// a broken image.
#[cfg(not(target_arch = "wasm32"))]
fn missing_map_images(
    dir: &std::path::Path,
    schedule: &schedule_viewer::model::schedule::Schedule,
) {
    for room in &schedule.rooms {
        if let Some(image) = &room.map_image {
            if !dir.join(image).is_file() {
                eprintln!(
                    "prerender: room \"{}\": its map image {image} is not in {} (give --venue with the file that names it)",
                    room.name,
                    dir.display()
                );
            }
        }
    }
}

/// The folders of the pages a build writes (removed first: a schedule
/// deployed into a built folder leaves no page of the one before).
#[cfg(not(target_arch = "wasm32"))]
const PAGE_FOLDERS: [&str; 9] = [
    "track",
    "session",
    "timetable",
    "speakers",
    "speaker",
    "room",
    "agenda",
    "now",
    "conferences",
];

/// Every page, the app's other routes, 404.html, sitemap.xml, prerender.css
/// and the manifest; how many pages.
#[cfg(not(target_arch = "wasm32"))]
fn write_pages(
    dir: &std::path::Path,
    shell: &schedule_viewer::build::Shell,
    schedule: schedule_viewer::model::schedule::Schedule,
    site: &schedule_viewer::model::site::Site,
    file: u64,
) -> std::io::Result<usize> {
    use schedule_viewer::build::{esc, render_page, Styles};
    use schedule_viewer::model::route::{self, Route};
    use schedule_viewer::model::site;

    route::set_base(&site.base);
    for folder in PAGE_FOLDERS {
        let path = dir.join(folder);
        if path.is_dir() {
            std::fs::remove_dir_all(path)?;
        }
    }
    let schedule = std::sync::Arc::new(schedule);
    let pages = site::pages(&schedule, site);
    let mut styles = Styles::default();
    let note = format!(
        r#"<noscript><p class="nojs-note">{}</p></noscript>"#,
        esc(schedule_viewer::model::words::tr(
            "The schedule as published: stars, your agenda, filters and search need JavaScript."
        ))
    );
    let write = |file: &str, html: String| -> std::io::Result<()> {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, html)
    };
    // The styles of the built views: the programme's in prerender.css, which
    // the shell links (the first load: a few track colours); a timetable
    // day's (its grid positions, many) in page.css beside its page; the
    // others' in pages.css, which they link.
    let built_head = |head: &str, route: &Route| {
        format!(
            r#"{head}
    <meta name="{}" content="{}" />
    <noscript><link rel="stylesheet" href="{}" /></noscript>"#,
            schedule_viewer::build::PAGE_META,
            esc(&route.href()),
            esc(&route::under_base("nojs.css")),
        )
    };
    // A page's own style sheet, in its place after the guard script.
    let own_css = |href: &str| format!(r#"<link rel="stylesheet" href="{}" />"#, esc(href));
    let pages_css = route::under_base("pages.css");
    let mut start_css = None;
    // A timetable day with its own styles: its view and the link to them.
    let timetable = |route: &Route, folder: &str| -> std::io::Result<(String, String)> {
        let mut own = Styles::default();
        let view = render_page(&schedule, route, &mut own, file);
        write(&format!("{folder}page.css"), own.css())?;
        // Beside the page: its link is the page's own (encoded) href's.
        Ok((view, route.beside("page.css")))
    };
    for page in &pages {
        let folder = page.file.trim_end_matches("index.html");
        let (view, css) = match &page.route {
            Route::Timetable(_) => {
                let (view, css) = timetable(&page.route, folder)?;
                (view, Some(css))
            }
            Route::Programme => {
                let view = render_page(&schedule, &page.route, &mut styles, file);
                start_css = Some(styles.css());
                (view, None)
            }
            _ => (
                render_page(&schedule, &page.route, &mut styles, file),
                Some(pages_css.clone()),
            ),
        };
        let html = shell.page(
            Some(&built_head(&page.head, &page.route)),
            css.as_deref().map(own_css).as_deref(),
            Some(&format!("{note}{view}")),
        );
        write(&page.file, html)?;
    }
    // `/timetable` opens the first day: that day's page, at this path.
    let first_day = schedule
        .days
        .first()
        .map(|d| Route::Timetable(Some(d.to_string())));
    let first = Route::Timetable(None);
    let day = pages.iter().find(|p| Some(&p.route) == first_day.as_ref());
    if let (Some(day), Some(file)) = (day, site::file_of(&first)) {
        let (view, css) = timetable(&first, file.trim_end_matches("index.html"))?;
        let html = shell.page(
            Some(&built_head(&day.head, &first)),
            Some(&own_css(&css)),
            Some(&format!("{note}{view}")),
        );
        write(&file, html)?;
    }
    // The personal routes are the app's alone: the shell, at their paths,
    // with the title the app sets there.
    for route in [
        Route::Agenda,
        Route::SharedAgenda,
        Route::Now,
        Route::Conferences,
    ] {
        if let Some(file) = site::file_of(&route) {
            let head = site::shell_head(&schedule, &route);
            write(&file, shell.page(Some(&head), None, None))?;
        }
    }
    // Anything else (a host without rewrites answers it with this): the app,
    // which names what it cannot find.
    let not_found = site::shell_head(&schedule, &Route::NotFound);
    write("404.html", shell.page(Some(&not_found), None, None))?;
    std::fs::write(dir.join("sitemap.xml"), site::sitemap(&pages, site))?;
    if site.origin.is_none() {
        println!(
            "prerender: sitemap.xml lists paths, not full URLs: give --base as a URL (https://host{}) for search engines",
            site.base
        );
    }
    std::fs::write(dir.join("prerender.css"), start_css.unwrap_or_default())?;
    std::fs::write(dir.join("pages.css"), styles.css())?;
    manifest(dir, &schedule.conference.title)?;
    Ok(pages.len())
}

/// The manifest of the installed app: its start and scope the base, its
/// name the conference's, its words and `lang` the pages' language.
#[cfg(not(target_arch = "wasm32"))]
fn manifest(dir: &std::path::Path, title: &str) -> std::io::Result<()> {
    use schedule_viewer::model::route::under_base;
    use schedule_viewer::model::words::{current, tr};
    use schedule_viewer::trf;
    let path = dir.join("manifest.webmanifest");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(());
    };
    let Ok(mut m) = serde_json::from_str::<serde_json::Value>(&text) else {
        fail("manifest.webmanifest is not JSON");
    };
    m["name"] = trf!("{title} · schedule", title = title).into();
    m["short_name"] = tr("Schedule").into();
    m["description"] = tr("Conference schedule with your personal agenda, offline.").into();
    m["lang"] = current().code.into();
    m["start_url"] = under_base("").into();
    m["scope"] = under_base("").into();
    if let Some(icons) = m["icons"].as_array_mut() {
        for icon in icons {
            if let Some(src) = icon["src"].as_str() {
                let file = src.rsplit('/').next().unwrap_or(src).to_string();
                icon["src"] = under_base(&file).into();
            }
        }
    }
    let text = serde_json::to_string_pretty(&m).map_err(std::io::Error::other)?;
    std::fs::write(path, text)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
