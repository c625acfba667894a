//! The build step's pages (native only; `src/bin/prerender.rs` writes them):
//! each page of the deployed schedule drawn by the app's own components
//! (`views::frame`, with the state a first visit has: `state::built`) into
//! an HTML string, so the first titles paint before the wasm has arrived and
//! the page reads without JavaScript, in the app's one markup.
//!
//! The CSP forbids `style="…"` attributes (docs/decisions.md, "The build-time view"): the styles the
//! components set through the CSSOM (track colours, timetable positions)
//! come out of the markup as classes, their rules collected in [`Styles`]
//! for `prerender.css`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::sync::{Arc, Once};

use leptos::prelude::*;
use lol_html::html_content::ContentType;
use lol_html::{doc_comments, doc_text, element, text, RewriteStrSettings};

use crate::model::route::{self, Route};
use crate::model::schedule::Schedule;
use crate::model::text::{decode_entities, fnv1a, FNV_START};
use crate::model::words::{self, tr, Lang};

/// The element the build-time view sits in, first in `<body>`: the app
/// adopts it (`browser::adopt`), or removes it once it has drawn its own.
pub use crate::model::page::BUILT_WRAPPER_ID as WRAPPER_ID;

/// The page of `route`, as the app draws it on a first visit, in its wrapper,
/// stamped with the clock it was drawn at and `schedule_file`, the
/// fingerprint of the deployed file's text (`model::page::BuiltStamp`).
/// Its inline styles become classes whose rules go to `styles`.
pub fn render_page(
    schedule: &Arc<Schedule>,
    route: &Route,
    styles: &mut Styles,
    schedule_file: u64,
) -> String {
    no_tasks();
    let owner = Owner::new();
    // Drawn once, never updated: nothing here tracks what it reads.
    let (html, at) = owner.with(|| {
        untrack(|| {
            crate::state::built::provide(schedule.clone(), route.clone());
            crate::views::open_schedule::provide_open_errors();
            let page = route.clone();
            let shown = Memo::new(move |_| (page.clone(), 0));
            let html = crate::views::frame::frame(shown, crate::views::frame::built_page).to_html();
            (html, crate::state::use_clock().now.get_untracked())
        })
    });
    owner.cleanup();
    let html = styles.take_from(&html);
    let stamp = crate::model::page::BuiltStamp {
        at_ms: at.timestamp_millis(),
        schedule: schedule_file,
    };
    format!(
        r#"<div id="{WRAPPER_ID}"{}>{html}</div>"#,
        stamp.attributes()
    )
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
        let styled = element!("[style]", |el| {
            let value = decode_entities(&el.get_attribute("style").unwrap_or_default());
            el.remove_attribute("style");
            let class = self.class_of(value);
            let classes = match el.get_attribute("class") {
                Some(own) if !own.is_empty() => format!("{own} {class}"),
                _ => class,
            };
            el.set_attribute("class", &classes)?;
            Ok(())
        });
        rewrite(html, vec![styled], vec![]).unwrap_or_else(|_| html.to_string())
    }

    /// The class of a style's value, its rule kept.
    fn class_of(&mut self, value: String) -> String {
        // Another style of the same hash (rare) gets a name of its own.
        let hash = fnv1a(FNV_START, value.as_bytes()) as u32;
        let mut class = format!("s-{hash:08x}");
        let mut n = 0;
        while self.rules.get(&class).is_some_and(|v| *v != value) {
            n += 1;
            class = format!("s-{hash:08x}-{n}");
        }
        self.rules.entry(class.clone()).or_insert(value);
        class
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

/// `html` through the `lol_html` rewriter with these handlers.
fn rewrite<'h>(
    html: &str,
    elements: Vec<(
        std::borrow::Cow<'static, lol_html::Selector>,
        lol_html::ElementContentHandlers<'h>,
    )>,
    document: Vec<lol_html::DocumentContentHandlers<'h>>,
) -> Result<String, String> {
    lol_html::rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: elements,
            document_content_handlers: document,
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| format!("index.html could not be rewritten: {e}"))
}

/// The HTML every page of the build is made from: Trunk's `index.html`, its
/// root-absolute URLs under the base, its Content-Security-Policy, and two
/// places a page fills: `<!--page-head-->` (title, description, link
/// preview) and `<!--page-->` (the start of `<body>`: the built view).
#[derive(Debug)]
pub struct Shell {
    html: String,
}

/// A place a page fills: the text of the comments that open and close it.
type Place = (&'static str, &'static str);

const HEAD: Place = ("page-head", "/page-head");
/// What the places hold in a page of the app's own (agenda, now, 404):
/// a folder built before holds the programme's there, never reused.
/// The shell's own head and body, where no page fills them: in the
/// build's language (`--lang`), as every word of the built pages.
fn default_head() -> String {
    format!(
        "<title>schedule-viewer</title>\n    <meta name=\"description\" content=\"{}\" />",
        esc(tr(
            "Conference schedule: sessions by track, day and room, with your personal agenda."
        ))
    )
}
fn default_body() -> String {
    format!(
        "<noscript>{}</noscript>",
        esc(tr(
            "This page of the schedule needs JavaScript and WebAssembly."
        ))
    )
}
const BODY: Place = ("page", "/page");
/// A built page's own style sheet: after the guard script, which would
/// otherwise wait for it.
const STYLE: Place = ("page-style", "/page-style");
/// The `<meta>` naming the base the shell was built for.
const BASE_META: &str = "app-base";
/// The name of the `<meta>` that holds a built page's own path: the guard
/// script shows the built copy only there.
pub const PAGE_META: &str = "app-page";

/// What each placeholder (`%name%`) of a script the build writes into the
/// pages stands for: the stored keys, fields and values the guard script
/// (`public/prerender-guard.js`) reads, from the Rust that owns them, and
/// the build's own names.
pub fn guard_names() -> [(&'static str, &'static str); 12] {
    use crate::model::settings::{self, Theme, Zone};
    use crate::model::source;
    [
        ("page-meta", PAGE_META),
        ("wrapper-id", WRAPPER_ID),
        ("source-key", source::CURRENT_SCHEDULE_KEY),
        ("source-kind", source::KIND_FIELD),
        ("source-default", source::DEFAULT_KIND),
        ("settings-key", settings::SETTINGS_KEY),
        ("theme", settings::THEME_FIELD),
        ("theme-light", Theme::Light.as_str()),
        ("theme-dark", Theme::Dark.as_str()),
        ("zone", settings::ZONE_FIELD),
        ("zone-local", Zone::Local.as_str()),
        ("hide-past", settings::HIDE_PAST_FIELD),
    ]
}

/// A script's text with its placeholders filled ([`guard_names`]); a
/// property read by a placeholder whose value is a name (`a['%zone%']`, as
/// a minifier leaves it) becomes `a.zone`. An error for a placeholder left.
fn fill_names(name: &str, text: &str) -> Result<String, String> {
    let mut text = text.to_string();
    for (key, value) in guard_names() {
        let placeholder = format!("%{key}%");
        if is_js_name(value) {
            for q in ['\'', '"'] {
                text = text.replace(&format!("[{q}{placeholder}{q}]"), &format!(".{value}"));
            }
        }
        text = text.replace(&placeholder, value);
    }
    let left = text.match_indices('%').any(|(at, _)| {
        let rest = &text[at + 1..];
        let len = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(rest.len());
        len > 0 && rest[len..].starts_with('%')
    });
    if left {
        return Err(format!("{name} has a placeholder the build does not fill"));
    }
    Ok(text)
}

/// A JavaScript property name that needs no quotes.
fn is_js_name(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Shell {
    /// The shell of `index` (as Trunk wrote it, or a page this step wrote
    /// before: a schedule deployed into a built folder), under `base`.
    /// A script marked `<script data-inline src="/name.js"></script>` is
    /// written into the page, its text read by `read(name)` and its
    /// placeholders filled ([`guard_names`]): it then runs the moment it is
    /// parsed, without a request, and without waiting for the style sheets
    /// before it (the CSP names it by its hash).
    pub fn from_index(
        index: &str,
        base: &str,
        read: impl Fn(&str) -> Option<String>,
    ) -> Result<Shell, String> {
        for (open, close) in [HEAD, STYLE, BODY] {
            let (open, close) = (format!("<!--{open}-->"), format!("<!--{close}-->"));
            if !matches!((index.find(&open), index.find(&close)), (Some(a), Some(b)) if a < b) {
                return Err(format!("index.html has no {open}…{close}"));
            }
        }
        let index = inline_scripts(index, read)?;
        let (html, built) = without_notes(&index)?;
        let html = match built.as_deref() {
            Some(built) if built == base => html,
            // Built at the root, deployed under a path: moved there.
            Some("/") => under_base(&html, base, false)?,
            Some(built) => {
                return Err(format!(
                    "this folder was built for the base {built}, not {base}: build it again"
                ))
            }
            None => under_base(&html, base, true)?,
        };
        let html = fill(
            &fill(&fill(&html, HEAD, &default_head())?, STYLE, "")?,
            BODY,
            &default_body(),
        )?;
        let html = in_language(&html, words::current(), base)?;
        let csp = csp(&html)?;
        let meta =
            format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />");
        let html = after_charset(&html, &meta)?;
        Ok(Shell { html })
    }

    /// The shell with its places filled (`None` keeps what the shell has):
    /// the head's (title, description, link preview), the page's own style
    /// sheet's and the body's.
    pub fn page(&self, head: Option<&str>, style: Option<&str>, body: Option<&str>) -> String {
        let mut html = self.html.clone();
        for (place, with) in [(HEAD, head), (STYLE, style), (BODY, body)] {
            if let Some(with) = with {
                html = fill(&html, place, with).unwrap_or(html);
            }
        }
        html
    }
}

/// `html` with what lies between a place's comments replaced by `with`.
fn fill(html: &str, (open, close): Place, with: &str) -> Result<String, String> {
    let inside = Cell::new(false);
    let elements = vec![element!("*", |el| {
        if inside.get() {
            el.remove();
        }
        Ok(())
    })];
    let document = vec![
        doc_comments!(|c| {
            let text = c.text();
            if text == close {
                inside.set(false);
            } else if inside.get() {
                c.remove();
            } else if text == open {
                c.after(with, ContentType::Html);
                inside.set(true);
            }
            Ok(())
        }),
        doc_text!(|t| {
            if inside.get() {
                t.remove();
            }
            Ok(())
        }),
    ];
    rewrite(html, elements, document)
}

/// `html` without its comments (notes for whoever reads the source) but the
/// places a page fills, without a Content-Security-Policy written before
/// (one is made for what the page holds now), and without blank lines; and
/// the base it was built for, if it names one. An error for a comment that
/// holds `<!--`.
fn without_notes(html: &str) -> Result<(String, Option<String>), String> {
    let places = [HEAD, STYLE, BODY].map(|(a, b)| [a, b]).concat();
    let mut noted = false;
    let built = RefCell::new(None);
    let elements = vec![
        element!("meta[http-equiv=Content-Security-Policy]", |el| {
            el.remove();
            Ok(())
        }),
        element!(format!("meta[name={BASE_META}]"), |el| {
            *built.borrow_mut() = el.get_attribute("content");
            Ok(())
        }),
    ];
    let document = vec![doc_comments!(|c| {
        let text = c.text();
        // A note that names a place ("<!--page-…") would end there, and the
        // rest of it would be text in the head, which closes the head.
        noted |= text.contains("<!--");
        if !places.contains(&text.as_str()) {
            c.remove();
        }
        Ok(())
    })];
    let html = rewrite(html, elements, document)?;
    if noted {
        return Err("index.html has a comment that holds \"<!--\"".into());
    }
    let html = html
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok((html, built.into_inner()))
}

/// `html` in `lang`: its `<html lang>`, and, for a language that has a
/// catalogue, the catalogue fetched with the schedule (the app reads it
/// before it adopts the page, `browser::language`).
fn in_language(html: &str, lang: &Lang, base: &str) -> Result<String, String> {
    let mut preload = (!lang.is_source()).then(|| {
        format!(
            "\n    <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\" />",
            esc(&route::join_base(base, &format!("/{}", lang.file())))
        )
    });
    let elements = vec![
        element!("html", |el| {
            el.set_attribute("lang", lang.code)?;
            Ok(())
        }),
        // A folder written before in another language (`--pages`): its catalogue's link goes.
        element!("link[rel=preload][href$='.json']", |el| {
            if el
                .get_attribute("href")
                .is_some_and(|h| h.contains("/lang/"))
            {
                el.remove();
            } else if let Some(link) = preload.take() {
                el.after(&link, ContentType::Html);
            }
            Ok(())
        }),
    ];
    rewrite(html, elements, vec![])
}

/// `html` with `markup` written after its `<meta charset>`.
fn after_charset(html: &str, markup: &str) -> Result<String, String> {
    let mut found = false;
    let elements = vec![element!("meta[charset]", |el| {
        if !found {
            el.after(markup, ContentType::Html);
            found = true;
        }
        Ok(())
    })];
    let html = rewrite(html, elements, vec![])?;
    if !found {
        return Err("index.html has no <meta charset=\"utf-8\" />".into());
    }
    Ok(html)
}

/// The head's root-absolute URLs (`href="/…"`, `src="/…"`, and the paths
/// Trunk's module script imports, `'/…'`) under `base`, by the one rule
/// ([`route::join_base`]), and the base named in its `<meta>` (written
/// after the `<meta charset>` when `new`).
fn under_base(html: &str, base: &str, new: bool) -> Result<String, String> {
    let module = RefCell::new(String::new());
    let elements = vec![
        element!("head [href], head [src]", |el| {
            for name in ["href", "src"] {
                let value = el.get_attribute(name).unwrap_or_default();
                if value.starts_with('/') && !value.starts_with("//") {
                    el.set_attribute(name, &route::join_base(base, &value))?;
                }
            }
            Ok(())
        }),
        element!(format!("meta[name={BASE_META}]"), |el| {
            el.set_attribute("content", base)?;
            Ok(())
        }),
        // JavaScript, not HTML: its import paths are its own to say.
        text!("head script[type=module]", |t| {
            let mut text = module.borrow_mut();
            text.push_str(t.as_str());
            if t.last_in_text_node() {
                let mut js = std::mem::take(&mut *text);
                for prefix in ["from '", "module_or_path: '"] {
                    let under = format!("{prefix}{}", route::join_base(base, "/"));
                    js = js.replace(&format!("{prefix}/"), &under);
                }
                t.replace(&js, ContentType::Html);
            } else {
                t.remove();
            }
            Ok(())
        }),
    ];
    let html = rewrite(html, elements, vec![])?;
    if new {
        let meta = format!(
            "\n    <meta name=\"{BASE_META}\" content=\"{}\" />",
            esc(base)
        );
        return after_charset(&html, &meta);
    }
    Ok(html)
}

/// `html` with each `<script data-inline src="/name"></script>` replaced by
/// the script itself (`read(name)`, its placeholders filled).
fn inline_scripts(html: &str, read: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let failed = RefCell::new(None);
    let elements = vec![element!("script[data-inline]", |el| {
        let src = el.get_attribute("src").unwrap_or_default();
        let plain = el.attributes().len() == 2 && el.has_attribute("src");
        let Some(name) = src.strip_prefix('/').filter(|_| plain) else {
            *failed.borrow_mut() = Some(
                "a script marked data-inline is not written <script data-inline src=\"/…\"></script>"
                    .to_string(),
            );
            return Ok(());
        };
        let text = match read(name).map(|text| fill_names(name, &text)) {
            Some(Ok(text)) => text,
            Some(Err(why)) => {
                *failed.borrow_mut() = Some(why);
                return Ok(());
            }
            None => {
                *failed.borrow_mut() =
                    Some(format!("{name}, to be written into the page, is missing"));
                return Ok(());
            }
        };
        let lower = text.to_ascii_lowercase();
        if lower.contains("</script") || lower.contains("<!--") {
            *failed.borrow_mut() = Some(format!(
                "{name} holds \"</script\" or \"<!--\": it cannot be written inline"
            ));
            return Ok(());
        }
        el.replace(
            &format!("<script>{}</script>", text.trim_end()),
            ContentType::Html,
        );
        Ok(())
    })];
    let html = rewrite(html, elements, vec![])?;
    match failed.into_inner() {
        Some(why) => Err(why),
        None => Ok(html),
    }
}

/// The Content-Security-Policy of the pages: no inline script but those the
/// page holds (Trunk's module script and the inlined ones, each by its
/// hash), no inline style, no `eval`.
fn csp(html: &str) -> Result<String, String> {
    use base64::Engine;
    use sha2::Digest;
    // Each inline script's text, and whether one is Trunk's module script.
    let scripts = RefCell::new(Vec::<String>::new());
    let inline = Cell::new(false);
    let mut module = false;
    let elements = vec![
        element!("script", |el| {
            inline.set(!el.has_attribute("src"));
            if inline.get() {
                module |= el.attributes().len() == 1
                    && el.get_attribute("type").as_deref() == Some("module");
                scripts.borrow_mut().push(String::new());
            }
            Ok(())
        }),
        text!("script", |t| {
            if inline.get() {
                if let Some(text) = scripts.borrow_mut().last_mut() {
                    text.push_str(t.as_str());
                }
            }
            Ok(())
        }),
    ];
    rewrite(html, elements, vec![])?;
    if !module {
        return Err("index.html has no inline module script (Trunk's)".into());
    }
    let hashes: Vec<String> = scripts
        .into_inner()
        .iter()
        .map(|body| {
            let hash = base64::engine::general_purpose::STANDARD
                .encode(sha2::Sha256::digest(body.as_bytes()));
            format!("'sha256-{hash}'")
        })
        .collect();
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
        assert!(root.contains(&default_body()));
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

    /// The guard script reads the stored values through the build: every
    /// placeholder it has is one the build fills from the Rust owner, none
    /// of the owners' keys or names is written in it by hand, and what it
    /// reads is what the owners write.
    #[test]
    fn the_guard_reads_the_stored_values_by_their_owners_names() {
        use crate::model::settings::{Settings, Theme, Zone};
        use crate::model::source::ScheduleSource;
        let guard = include_str!("../public/prerender-guard.js");
        for (key, value) in guard_names() {
            assert!(guard.contains(&format!("%{key}%")), "{key} is not read");
            // Safe in either quote and as a name in a selector.
            assert!(
                !value.is_empty() && !value.contains(['\'', '"', '\\', '<', '%', '\n', ']']),
                "{value}"
            );
            // Not written by hand (the page's own names aside).
            if value.contains('/') || value.contains('_') {
                assert!(!guard.contains(value), "{value} is written in the guard");
            }
        }
        let filled = fill_names("guard.js", guard).unwrap();
        assert!(!filled.contains("%source-key%"));
        for (key, _) in guard_names() {
            assert!(!filled.contains(&format!("%{key}%")), "{key}");
        }
        // The record and the settings as their owners store them hold the
        // fields and values the guard reads.
        let filled_min = fill_names(
            "g",
            "a['%source-kind%'];b[\"%hide-past%\"];c('%source-key%')",
        );
        assert_eq!(
            filled_min.unwrap(),
            "a.kind;b.hide_past;c('schedule-viewer/current-schedule')"
        );
        let source: serde_json::Value =
            serde_json::from_str(&ScheduleSource::Default.to_json()).unwrap();
        let name = |key: &str| {
            guard_names()
                .into_iter()
                .find(|(k, _)| *k == key)
                .unwrap()
                .1
        };
        assert_eq!(source[name("source-kind")], name("source-default"));
        let settings = Settings {
            zone: Zone::Local,
            theme: Theme::Dark,
            hide_past: true,
            ..Settings::default()
        };
        let stored: serde_json::Value = serde_json::from_str(&settings.to_json()).unwrap();
        assert_eq!(stored[name("zone")], name("zone-local"));
        assert_eq!(stored[name("theme")], name("theme-dark"));
        assert_eq!(stored[name("hide-past")], true);
        let light = Settings {
            theme: Theme::Light,
            ..settings
        };
        let stored: serde_json::Value = serde_json::from_str(&light.to_json()).unwrap();
        assert_eq!(stored[name("theme")], name("theme-light"));
        // A placeholder the build does not know stops it.
        assert!(fill_names("g", "a('%nope%')").is_err());
        // The shell writes the guard filled.
        let shell = Shell::from_index(INDEX, "/", |_| Some(guard.into()))
            .unwrap()
            .page(None, None, None);
        let read = format!(".getItem('{}')", crate::model::settings::SETTINGS_KEY);
        assert!(shell.contains(&read), "{shell}");
        assert!(!shell.contains("%theme%"));
    }

    /// Under a base, the shell's URLs are the base rule's (`route::join_base`).
    #[test]
    fn the_shell_s_urls_are_under_the_base_by_the_one_rule() {
        let base = "/m/2017/";
        let page = Shell::from_index(INDEX, base, guard)
            .unwrap()
            .page(None, None, None);
        for path in ["/style-1.css", "/app-1.js", "/app-1_bg.wasm"] {
            let under = route::join_base(base, path);
            assert!(page.contains(&under), "{under}: {page}");
        }
        assert!(!page.contains("\"/style-1.css\""));
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
        assert!(html.contains(r#"<div title="x>y" class="s-"#), "{html}");
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
        let html = render_page(&Arc::new(s), &Route::Programme, &mut styles, 0xab);
        assert!(
            html.starts_with(r#"<div id="prerender" data-at=""#),
            "{html}"
        );
        assert!(
            html.contains(r#" data-schedule="00000000000000ab">"#),
            "{html}"
        );
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
        let room = s.rooms[s.sessions[0].room.expect("a room")].id.clone();
        let day = s.days[0].to_string();
        let track = s.track_of(&s.sessions[0]).expect("a track").id.clone();
        let title = s.sessions[0].title.clone();
        let mut styles = Styles::default();
        for route in [
            Route::Session(session),
            Route::Speaker(speaker),
            Route::Room(room),
            Route::Speakers,
            Route::Timetable(Some(day)),
            Route::Track(track),
        ] {
            let html = render_page(&s, &route, &mut styles, 0);
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
