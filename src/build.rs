//! The build step's pages (native only; `src/bin/prerender.rs` writes them):
//! each page of the deployed schedule drawn by the app's own components
//! (`views::frame`, with the state a first visit has: `state::built`) into
//! an HTML string, so the first titles paint before the wasm has arrived and
//! the page reads without JavaScript, in the app's one markup.
//!
//! The CSP forbids `style="…"` attributes (DECISIONS.md): the styles the
//! components set through the CSSOM (track colours, timetable positions)
//! come out of the markup as classes, their rules collected in [`Styles`]
//! for `prerender.css`.

use std::collections::BTreeMap;
use std::sync::{Arc, Once};

use leptos::prelude::*;

use crate::model::route::Route;
use crate::model::schedule::Schedule;

/// The element the build-time view sits in, first in `<body>`; the app
/// removes it once it has drawn its own (`browser::page::remove_prerender`).
pub const WRAPPER_ID: &str = "prerender";

/// The page of `route`, as the app draws it on a first visit, in its wrapper.
/// Its inline styles become classes whose rules go to `styles`.
pub fn render_page(schedule: &Arc<Schedule>, route: &Route, styles: &mut Styles) -> String {
    no_tasks();
    let owner = Owner::new();
    // Drawn once, never updated: nothing here tracks what it reads.
    let html = owner.with(|| {
        untrack(|| {
            crate::state::built::provide(schedule.clone(), route.clone());
            crate::views::open_schedule::provide_open_errors();
            let page = route.clone();
            let shown = Memo::new(move |_| (page.clone(), 0));
            crate::views::frame::frame(shown, crate::views::frame::built_page).to_html()
        })
    });
    owner.cleanup();
    let html = styles.take_from(&html);
    format!(r#"<div id="{WRAPPER_ID}">{html}</div>"#)
}

/// Effects and tasks do not run at build time (they are the browser's:
/// storage, timers, checks): spawned, they are dropped.
fn no_tasks() {
    struct Dropped;
    impl any_spawner::CustomExecutor for Dropped {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = any_spawner::Executor::init_custom_executor(Dropped);
    });
}

/// The inline styles of the built pages, as classes ("s-<hash>") and the
/// rules that give them their values.
#[derive(Default)]
pub struct Styles {
    rules: BTreeMap<String, String>,
}

impl Styles {
    /// `html` with every `style="…"` attribute replaced by a class.
    pub fn take_from(&mut self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            out.push_str(&rest[..open]);
            rest = &rest[open..];
            let end = tag_end(rest);
            out.push_str(&self.tag(&rest[..end]));
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    /// One tag (`<…>`), its style moved to a class.
    fn tag(&mut self, tag: &str) -> String {
        const STYLE: &str = r#" style=""#;
        let Some(at) = tag.find(STYLE) else {
            return tag.to_string();
        };
        let value_at = at + STYLE.len();
        let Some(len) = tag[value_at..].find('"') else {
            return tag.to_string();
        };
        let value = unescape(&tag[value_at..value_at + len]);
        // Another style of the same hash (rare) gets a name of its own.
        let hash = fnv(&value);
        let mut class = format!("s-{hash:08x}");
        let mut n = 0;
        while self.rules.get(&class).is_some_and(|v| *v != value) {
            n += 1;
            class = format!("s-{hash:08x}-{n}");
        }
        self.rules.entry(class.clone()).or_insert(value);
        let without = format!("{}{}", &tag[..at], &tag[value_at + len + 1..]);
        const CLASS: &str = r#" class=""#;
        match without.find(CLASS) {
            Some(c) => {
                let c = c + CLASS.len();
                let close = c + without[c..].find('"').unwrap_or(0);
                format!("{} {class}{}", &without[..close], &without[close..])
            }
            None => {
                let name_end = without
                    .find(|ch: char| ch.is_whitespace() || ch == '>' || ch == '/')
                    .unwrap_or(without.len());
                format!(
                    r#"{} class="{class}"{}"#,
                    &without[..name_end],
                    &without[name_end..]
                )
            }
        }
    }

    /// The rules, one per line, for `prerender.css`.
    pub fn css(&self) -> String {
        let mut css = String::new();
        for (class, value) in &self.rules {
            css.push_str(&format!(".{class}{{{value}}}\n"));
        }
        css
    }
}

/// Where the tag that starts `s` ends (after its `>`), quotes respected.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// FNV-1a, 32 bits: a short stable name for a style.
fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The HTML every page of the build is made from: Trunk's `index.html`, its
/// root-absolute URLs under the base, its Content-Security-Policy, and two
/// places a page fills: `<!--page-head-->` (title, description, link
/// preview) and `<!--page-->` (the start of `<body>`: the built view).
#[derive(Debug)]
pub struct Shell {
    html: String,
}

const HEAD: (&str, &str) = ("<!--page-head-->", "<!--/page-head-->");
/// What the places hold in a page of the app's own (agenda, now, 404):
/// a folder built before holds the programme's there, never reused.
const DEFAULT_HEAD: &str = r#"<title>schedule-viewer</title>
    <meta name="description" content="Conference schedule: sessions by track, day and room, with your personal agenda." />"#;
const DEFAULT_BODY: &str =
    "<noscript>This page of the schedule needs JavaScript and WebAssembly.</noscript>";
const BODY: (&str, &str) = ("<!--page-->", "<!--/page-->");
/// A built page's own style sheet: after the guard script, which would
/// otherwise wait for it.
const STYLE: (&str, &str) = ("<!--page-style-->", "<!--/page-style-->");
const BASE_META: &str = r#"<meta name="app-base" content=""#;
const CSP_META: &str = r#"<meta http-equiv="Content-Security-Policy" content=""#;

impl Shell {
    /// The shell of `index` (as Trunk wrote it, or a page this step wrote
    /// before: a schedule deployed into a built folder), under `base`.
    /// A script marked `<script data-inline src="/name.js"></script>` is
    /// written into the page, its text read by `read(name)`: it then runs
    /// the moment it is parsed, without a request, and without waiting for
    /// the style sheets before it (the CSP names it by its hash).
    pub fn from_index(
        index: &str,
        base: &str,
        read: impl Fn(&str) -> Option<String>,
    ) -> Result<Shell, String> {
        for (open, close) in [HEAD, STYLE, BODY] {
            if !matches!((index.find(open), index.find(close)), (Some(a), Some(b)) if a < b) {
                return Err(format!("index.html has no {open}…{close}"));
            }
        }
        let index = inline_scripts(index, read)?;
        let mut html = drop_line(&without_comments(&index)?, CSP_META);
        match attribute_after(&html, BASE_META) {
            Some(built) if built == base => {}
            // Built at the root, deployed under a path: moved there.
            Some("/") => {
                html = under_base(&html, base).replacen(
                    &format!("{BASE_META}/\""),
                    &format!("{BASE_META}{}\"", esc(base)),
                    1,
                );
            }
            Some(built) => {
                return Err(format!(
                    "this folder was built for the base {built}, not {base}: build it again"
                ))
            }
            None => {
                html = under_base(&html, base);
                html = html.replacen(
                    "<meta charset=\"utf-8\" />",
                    &format!(
                        "<meta charset=\"utf-8\" />\n    {BASE_META}{}\" />",
                        esc(base)
                    ),
                    1,
                );
                if attribute_after(&html, BASE_META).is_none() {
                    return Err("index.html has no <meta charset=\"utf-8\" />".into());
                }
            }
        }
        let html = fill(
            &fill(&fill(&html, HEAD, DEFAULT_HEAD), STYLE, ""),
            BODY,
            DEFAULT_BODY,
        );
        let csp = csp(&html)?;
        let html = html.replacen(
            "<meta charset=\"utf-8\" />",
            &format!("<meta charset=\"utf-8\" />\n    {CSP_META}{csp}\" />"),
            1,
        );
        Ok(Shell { html })
    }

    /// The shell with its places filled (`None` keeps what the shell has):
    /// the head's (title, description, link preview), the page's own style
    /// sheet's and the body's.
    pub fn page(&self, head: Option<&str>, style: Option<&str>, body: Option<&str>) -> String {
        let mut html = self.html.clone();
        for (place, with) in [(HEAD, head), (STYLE, style), (BODY, body)] {
            if let Some(with) = with {
                html = fill(&html, place, with);
            }
        }
        html
    }
}

/// `html` with the text between `open` and `close` replaced.
fn fill(html: &str, (open, close): (&str, &str), with: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(a), Some(b)) if a < b => {
            format!("{}{open}{with}{}", &html[..a], &html[b..])
        }
        _ => html.to_string(),
    }
}

/// The value of the attribute whose opening (`name="`…) is `prefix`.
fn attribute_after<'a>(html: &'a str, prefix: &str) -> Option<&'a str> {
    let at = html.find(prefix)? + prefix.len();
    let len = html[at..].find('"')?;
    Some(&html[at..at + len])
}

/// `html` without its comments (`<!-- … -->`, notes for whoever reads the
/// source), but for the places a page fills (`<!--page-->`…); an error for
/// a comment that holds `<!--`.
fn without_comments(html: &str) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!-- ") {
        out.push_str(&rest[..at]);
        let note = &rest[at + 5..];
        let end = note.find("-->").unwrap_or(note.len());
        // A note that names a place ("<!--page-…") would end there, and the
        // rest of it would be text in the head, which closes the head.
        if note[..end].contains("<!--") {
            return Err("index.html has a comment that holds \"<!--\"".into());
        }
        rest = note.get(end + 3..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n"))
}

/// `html` without the line holding `needle`.
fn drop_line(html: &str, needle: &str) -> String {
    html.lines()
        .filter(|l| !l.contains(needle))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The head's root-absolute URLs (`href="/…"`, `src="/…"`, and the paths the
/// inline module script imports, `'/…'`) under `base`.
fn under_base(html: &str, base: &str) -> String {
    if base == "/" {
        return html.to_string();
    }
    let Some(end) = html.find("</head>") else {
        return html.to_string();
    };
    let head = html[..end]
        .replace("href=\"/", &format!("href=\"{base}"))
        .replace("src=\"/", &format!("src=\"{base}"))
        .replace("from '/", &format!("from '{base}"))
        .replace("module_or_path: '/", &format!("module_or_path: '{base}"));
    format!("{head}{}", &html[end..])
}

/// `html` with each `<script data-inline src="/name"></script>` replaced by
/// the script itself (`read(name)`).
fn inline_scripts(html: &str, read: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    const OPEN: &str = "<script data-inline src=\"/";
    const CLOSE: &str = "\"></script>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let name_at = at + OPEN.len();
        let len = rest[name_at..]
            .find(CLOSE)
            .ok_or("a <script data-inline src=…> is not closed by \"></script>")?;
        let name = &rest[name_at..name_at + len];
        let text = read(name).ok_or(format!("{name}, to be written into the page, is missing"))?;
        let lower = text.to_ascii_lowercase();
        if lower.contains("</script") || lower.contains("<!--") {
            return Err(format!(
                "{name} holds \"</script\" or \"<!--\": it cannot be written inline"
            ));
        }
        out.push_str(&rest[..at]);
        out.push_str("<script>");
        out.push_str(text.trim_end());
        out.push_str("</script>");
        rest = &rest[name_at + len + CLOSE.len()..];
    }
    out.push_str(rest);
    let tags = out.match_indices("<script").map(|(at, _)| &out[at..]);
    if tags
        .map(|tag| &tag[..tag.find('>').unwrap_or(tag.len())])
        .any(|tag| tag.contains("data-inline"))
    {
        return Err(
            "a script marked data-inline is not written <script data-inline src=\"/…\"></script>"
                .into(),
        );
    }
    Ok(out)
}

/// The Content-Security-Policy of the pages: no inline script but those the
/// page holds (Trunk's module script and the inlined ones, each by its
/// hash), no inline style, no `eval`.
fn csp(html: &str) -> Result<String, String> {
    use base64::Engine;
    use sha2::Digest;
    let mut hashes = Vec::new();
    let mut module = false;
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        let tag_end = at + rest[at..].find('>').ok_or("a <script> tag is not closed")?;
        let tag = &rest[at..tag_end];
        let body = &rest[tag_end + 1..];
        let len = body.find("</script>").ok_or("a script is not closed")?;
        if !tag.contains(" src=") {
            module |= tag == "<script type=\"module\"";
            let hash = base64::engine::general_purpose::STANDARD
                .encode(sha2::Sha256::digest(&body.as_bytes()[..len]));
            hashes.push(format!("'sha256-{hash}'"));
        }
        rest = &body[len..];
    }
    if !module {
        return Err("index.html has no inline module script (Trunk's)".into());
    }
    Ok([
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" ")),
        "style-src 'self'".into(),
        "img-src 'self' data:".into(),
        // Other conferences' schedules (?schedule=<url>) may live on CORS-enabled hosts.
        "connect-src 'self' https:".into(),
        "manifest-src 'self'".into(),
        "worker-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
    ]
    .join("; "))
}

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    crate::model::site::escape_html(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Arc<Schedule> {
        Arc::new(crate::model::schedule::tests::small())
    }

    const INDEX: &str = "<!DOCTYPE html><html><head>\n<meta charset=\"utf-8\" />\n<!-- a note -->\n<!--page-head--><title>x</title><!--/page-head-->\n<script data-inline src=\"/guard.js\"></script>\n<link rel=\"stylesheet\" href=\"/style-1.css\" />\n<!--page-style--><!--/page-style-->\n<script type=\"module\">import init, * as b from '/app-1.js';\nawait init({ module_or_path: '/app-1_bg.wasm' });</script>\n</head><body><!--page--><noscript>JS</noscript><!--/page--></body></html>";

    #[test]
    fn the_shell_takes_the_base_the_csp_and_each_page_s_head_and_body() {
        let shell = Shell::from_index(INDEX, "/m/2017/", guard).unwrap();
        let page = shell.page(
            Some("<title>T</title>"),
            Some("<link rel=\"stylesheet\" href=\"/m/2017/pages.css\" />"),
            Some("<div id=\"prerender\"></div>"),
        );
        assert!(
            page.contains(r#"<meta name="app-base" content="/m/2017/" />"#),
            "{page}"
        );
        assert!(page.contains(r#"href="/m/2017/style-1.css""#));
        // The marked script is written into the page, before the styles.
        assert!(!page.contains("guard.js"), "{page}");
        assert!(page.contains("<script>guard();</script>"), "{page}");
        // Every style sheet after it: the page's own, in its place.
        let guard_at = page.find("<script>guard();").unwrap();
        assert!(page.find("stylesheet").unwrap() > guard_at, "{page}");
        assert!(page.contains(r#"<!--page-style--><link rel="stylesheet" href="/m/2017/pages.css" /><!--/page-style-->"#), "{page}");
        assert!(page.contains("from '/m/2017/app-1.js'"));
        assert!(page.contains("module_or_path: '/m/2017/app-1_bg.wasm'"));
        assert!(page.contains("<!--page-head--><title>T</title><!--/page-head-->"));
        assert!(page.contains(r#"<body><!--page--><div id="prerender"></div><!--/page-->"#));
        assert!(!page.contains("<noscript>JS"));
        assert!(!page.contains("a note"));
        // The hash is the script's as the page has it, under the base.
        use base64::Engine;
        use sha2::Digest;
        let script = "import init, * as b from '/m/2017/app-1.js';\nawait init({ module_or_path: '/m/2017/app-1_bg.wasm' });";
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
        assert!(page.contains(&format!("'sha256-{hash}'")), "{page}");
        let hash =
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest("guard();"));
        assert!(page.contains(&format!("'sha256-{hash}'")), "{page}");
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
        // A page written before is a shell again: the same base, one CSP.
        let again = Shell::from_index(&page, "/m/2017/", guard)
            .unwrap()
            .page(None, None, None);
        assert_eq!(again.matches("Content-Security-Policy").count(), 1);
        assert_eq!(again.matches("app-base").count(), 1);
        assert!(again.contains("from '/m/2017/app-1.js'"));
        assert!(Shell::from_index(&page, "/other/", guard)
            .unwrap_err()
            .contains("/m/2017/"));
        // A folder built at the root moves under a base.
        let root = Shell::from_index(INDEX, "/", guard)
            .unwrap()
            .page(None, None, None);
        let moved = Shell::from_index(&root, "/m/2017/", guard)
            .unwrap()
            .page(None, None, None);
        assert_eq!(
            moved,
            Shell::from_index(INDEX, "/m/2017/", guard)
                .unwrap()
                .page(None, None, None)
        );
        // At the root nothing moves.
        let root = Shell::from_index(INDEX, "/", guard)
            .unwrap()
            .page(None, None, None);
        assert!(root.contains(r#"href="/style-1.css""#));
        assert!(root.contains(DEFAULT_BODY));
        assert!(Shell::from_index("<html></html>", "/", guard).is_err());
        // A script to inline that is missing, or that would close the tag early.
        let missing = Shell::from_index(INDEX, "/", |_| None).unwrap_err();
        assert!(missing.contains("guard.js"), "{missing}");
        for text in ["a('</script>')", "a('</SCRIPT>')", "a('<!--')"] {
            let early = Shell::from_index(INDEX, "/", |_| Some(text.into())).unwrap_err();
            assert!(early.contains("</script"), "{early}");
        }
        // A marked script in another form is not left to load a file the
        // build removes.
        let other = INDEX.replace("data-inline src", "src=\"/x.js\" data-inline data-src");
        assert!(Shell::from_index(&other, "/", guard).is_err());
        // A note that holds a place's marker would end early.
        let noted = INDEX.replace("<!-- a note -->", "<!-- a note on <!--page-style--> -->");
        assert!(Shell::from_index(&noted, "/", guard).is_err());
        // No module script: no app to run.
        let no_module = INDEX.replace("type=\"module\"", "type=\"text/plain\"");
        assert!(Shell::from_index(&no_module, "/", guard).is_err());
    }

    /// The guard script's text, as `Shell::from_index` reads it.
    fn guard(name: &str) -> Option<String> {
        (name == "guard.js").then(|| "guard();\n".to_string())
    }

    #[test]
    fn styles_become_classes_with_their_rules() {
        let mut styles = Styles::default();
        let html = styles.take_from(
            r#"<article class="session" style="--track-colour:#123456;"><p>a > b</p><div style="grid-row:2 / 4;" title="x>y"></div></article>"#,
        );
        assert!(!html.contains("style="), "{html}");
        assert!(html.starts_with(r#"<article class="session s-"#), "{html}");
        assert!(html.contains(r#"<div class="s-"#), "{html}");
        assert!(html.contains(r#"title="x>y""#), "{html}");
        let css = styles.css();
        assert!(css.contains("{--track-colour:#123456;}"), "{css}");
        assert!(css.contains("{grid-row:2 / 4;}"), "{css}");
        assert_eq!(css.lines().count(), 2);
    }

    #[test]
    fn the_programme_is_drawn_by_the_app_s_components_escaped_and_without_inline_styles() {
        let mut s = crate::model::schedule::tests::small();
        s.sessions[0].title = "<script>alert(1)</script> & \"quotes\"".into();
        let mut styles = Styles::default();
        let html = render_page(&Arc::new(s), &Route::Programme, &mut styles);
        assert!(html.starts_with(r#"<div id="prerender">"#), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
            "{html}"
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("style="));
        assert_eq!(html.matches("<article").count(), 3, "{html}");
        assert!(html.contains("09:00–09:30"), "{html}");
        assert!(html.contains(r#"href="/session/s1""#), "{html}");
        assert!(
            styles.css().contains("--track-colour:#123456"),
            "{}",
            styles.css()
        );
    }

    #[test]
    fn every_built_route_is_drawn() {
        let s = demo();
        let session = s.sessions[0].id.clone();
        let speaker = s.speakers[0].id.clone();
        let day = s.days[0].to_string();
        let track = s.track_of(&s.sessions[0]).expect("a track").id.clone();
        let title = s.sessions[0].title.clone();
        let mut styles = Styles::default();
        for route in [
            Route::Session(session),
            Route::Speaker(speaker),
            Route::Speakers,
            Route::Timetable(Some(day)),
            Route::Track(track),
        ] {
            let html = render_page(&s, &route, &mut styles);
            assert!(html.contains("<h1"), "{route:?}: {html}");
            assert!(!html.contains("style="), "{route:?}");
            assert!(!html.contains("Loading…"), "{route:?}: {html}");
            assert!(
                html.contains(&title) || matches!(route, Route::Speakers),
                "{route:?}: {html}"
            );
        }
    }

    /// A track colour is checked once, at import, in every format: one that
    /// would break out of its CSS rule is dropped with a named problem and
    /// never reaches `prerender.css` (the app sets it through the CSSOM, the
    /// build's pages through a rule of their own).
    #[test]
    fn a_colour_that_would_break_out_of_the_css_is_dropped_at_import_and_named() {
        use crate::model::import::parse_any;
        let time = r#""2020-01-01T10:00:00+01:00""#;
        let frab = format!(
            r##"{{"schedule":{{"conference":{{"title":"F","tracks":[{{"name":"Art","color":"#;}}*{{x"}},{{"name":"Bold","color":"#a;}}*{{x"}},{{"name":"Fine","color":"#abc"}}],
            "days":[{{"date":"2020-01-01","rooms":{{"R":[{{"guid":"a","date":{time},"duration":"0:30","title":"A","track":"Art"}},
            {{"guid":"b","date":{time},"duration":"0:30","title":"B","track":"Bold"}},{{"guid":"c","date":{time},"duration":"0:30","title":"C","track":"Fine"}}]}}}}]}}}}}}"##
        );
        let ours = format!(
            r##"{{"version":1,"conference":{{"id":"c","title":"C"}},"tracks":[{{"id":"art","name":"Art","color":"#;}}*{{x"}}],
            "sessions":[{{"id":"a","title":"A","start":{time},"end":{time},"track":"art"}}]}}"##
        );
        let widget = format!(
            r##"{{"talks":[{{"code":"A","title":"A","start":{time},"end":{time},"track":1}}],"rooms":[],
            "tracks":[{{"id":1,"name":"Art","color":"#;}}*{{x"}}]}}"##
        );
        for (file, named) in [(frab, 2), (ours, 1), (widget, 1)] {
            let s = parse_any(&file).unwrap();
            for c in s.tracks.iter().filter_map(|t| t.color.as_ref()) {
                assert!(!c.contains(';') && !c.contains('*'), "{c}");
            }
            let problems: Vec<String> = s.problems.iter().map(|p| p.to_string()).collect();
            let about_colours = problems.iter().filter(|p| p.contains(";}*{x")).count();
            assert_eq!(about_colours, named, "{problems:?}");
            assert_eq!(
                s.skipped, 0,
                "a bad colour costs the colour, not the session"
            );
        }
    }
}
