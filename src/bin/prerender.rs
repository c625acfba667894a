//! Build step (run by `scripts/post-build.mjs`): renders the start view of
//! the deployed `schedule.json` into the built `index.html`, so the first
//! titles paint before the wasm has arrived; writes the track colours to
//! `prerender.css`. A schedule that cannot be read is left to the app, which
//! names the problem: the page is then built without a pre-rendered view.
//!
//! Usage: `prerender <dist dir>`.

/// Where the pre-rendered view begins and ends in `index.html`.
#[cfg(not(target_arch = "wasm32"))]
const START: &str = "<!--prerender-->";
#[cfg(not(target_arch = "wasm32"))]
const END: &str = "<!--/prerender-->";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::PathBuf;
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let schedule = std::fs::read_to_string(dir.join("schedule.json"))
        .map_err(|e| e.to_string())
        .and_then(|text| {
            schedule_viewer::model::import::parse_any(&text).map_err(|e| e.to_string())
        });
    let schedule = match schedule {
        Ok(s) => s,
        Err(why) => {
            eprintln!("prerender: no pre-rendered view: {why}");
            return;
        }
    };
    let index_path = dir.join("index.html");
    let Ok(index) = std::fs::read_to_string(&index_path) else {
        eprintln!("prerender: no index.html in {}", dir.display());
        std::process::exit(1);
    };
    let view = schedule_viewer::prerender::start_view(&schedule);
    // A page built before (a schedule deployed into a built dist/) loses its
    // old view first: the markers delimit it.
    let index = match (index.find(START), index.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &index[..a], &index[b + END.len()..]),
        _ => index,
    };
    let Some(body) = index.find("<body>") else {
        eprintln!("prerender: index.html has no <body>");
        std::process::exit(1);
    };
    let at = body + "<body>".len();
    let html = format!("{}{START}{view}{END}{}", &index[..at], &index[at..]);
    let css = schedule_viewer::prerender::track_css(&schedule);
    if let Err(e) = std::fs::write(&index_path, html)
        .and_then(|_| std::fs::write(dir.join("prerender.css"), css))
    {
        eprintln!("prerender: {e}");
        std::process::exit(1);
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
