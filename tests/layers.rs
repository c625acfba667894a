//! The layer rules, as a test that reads `src/` and names the file and line
//! of every place that breaks one:
//!
//! 1. `src/model/` is pure Rust: no web-sys, js-sys, wasm-bindgen or gloo,
//!    no Leptos (nor its parts), and nothing of the layers above it
//!    (`browser`, `state`, `views`, `build`).
//! 2. Only `src/browser/` touches the browser's APIs: web-sys, js-sys,
//!    wasm-bindgen, gloo.
//! 3. Only `src/browser/storage.rs` touches storage: `local_storage`,
//!    `session_storage`, gloo-storage, or "localStorage" named in a string.
//! 4. Only `Route::href` builds a link: outside `src/model/route.rs` (and
//!    its tests), no string starts with a route's path ("/session…",
//!    "/agenda…", the list read from `route.rs` itself), and no `href=` is
//!    given a literal path or a `format!`.
//! 5. Views never import `lib.rs`: a path from `src/views/` to the crate's
//!    root (`crate::…`, or `super::` up to it) goes on into one of the
//!    modules `lib.rs` declares, never to an item `lib.rs` defines or imports.
//!
//! The check reads tokens, not text: comments never count, and strings count
//! only where a rule is about strings. It is a check of what the source
//! says, so a way round it (a link concatenated from pieces, say) is not
//! caught; the rules' own tests below show each rule catching what it names.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

// ---- Reading Rust source into tokens -------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Ident,
    /// `::`, or one character of punctuation.
    Punct,
    /// A string literal's contents as written (escapes not decoded).
    Str,
    /// A number, a char literal or a lifetime: never looked at.
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    text: String,
    line: usize,
    /// Inside a `#[cfg(test)] mod … { }`.
    in_test: bool,
    /// How many inline `mod … { }` blocks enclose it.
    inline_mods: usize,
}

/// The tokens of a Rust source file, comments dropped.
fn tokens(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let ident_start = |ch: char| ch == '_' || ch.is_alphabetic();
    let ident_char = |ch: char| ch == '_' || ch.is_alphanumeric();
    let mut out = Vec::new();
    let mut push = |kind: Kind, text: String, line: usize| {
        out.push(Token {
            kind,
            text,
            line,
            in_test: false,
            inline_mods: 0,
        })
    };
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if let Some((hashes, open)) = raw_string_start(&c, i) {
            // r"…", r#"…"#, br"…", cr#"…"#: no escapes, ends at " and the hashes.
            let start_line = line;
            let mut j = open + 1;
            let close = |j: usize| at(j) == '"' && (1..=hashes).all(|k| at(j + k) == '#');
            while j < c.len() && !close(j) {
                if c[j] == '\n' {
                    line += 1;
                }
                j += 1;
            }
            push(
                Kind::Str,
                c[open + 1..j.min(c.len())].iter().collect(),
                start_line,
            );
            i = j + 1 + hashes;
        } else if ch == '"' || ((ch == 'b' || ch == 'c') && at(i + 1) == '"') {
            let open = if ch == '"' { i } else { i + 1 };
            let start_line = line;
            let mut j = open + 1;
            while j < c.len() && c[j] != '"' {
                if c[j] == '\\' {
                    j += 1;
                }
                if at(j) == '\n' {
                    line += 1;
                }
                j += 1;
            }
            push(
                Kind::Str,
                c[open + 1..j.min(c.len())].iter().collect(),
                start_line,
            );
            i = j + 1;
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            // A char literal ('a', '\n', '"', b'x') or a lifetime ('a, 'static).
            let q = if ch == '\'' { i } else { i + 1 };
            if at(q + 1) == '\\' {
                // The escaped character, then on to the closing quote ('\'', '\u{2192}').
                let mut j = q + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(q + 2) == '\'' {
                i = q + 3;
            } else {
                i = q + 1;
            }
            push(Kind::Other, String::new(), line);
        } else if ch == 'r' && at(i + 1) == '#' && ident_start(at(i + 2)) {
            // A raw identifier, r#type.
            let mut j = i + 2;
            while j < c.len() && ident_char(c[j]) {
                j += 1;
            }
            push(Kind::Ident, c[i + 2..j].iter().collect(), line);
            i = j;
        } else if ident_start(ch) {
            let mut j = i;
            while j < c.len() && ident_char(c[j]) {
                j += 1;
            }
            push(Kind::Ident, c[i..j].iter().collect(), line);
            i = j;
        } else if ch.is_ascii_digit() {
            let mut j = i;
            while j < c.len() && (ident_char(c[j]) || (c[j] == '.' && at(j + 1).is_ascii_digit())) {
                j += 1;
            }
            push(Kind::Other, String::new(), line);
            i = j;
        } else if ch == ':' && at(i + 1) == ':' {
            push(Kind::Punct, "::".into(), line);
            i += 2;
        } else {
            push(Kind::Punct, ch.to_string(), line);
            i += 1;
        }
    }
    mark_modules(&mut out);
    out
}

/// At `i`, a raw string's start (`r`, `br` or `cr`, then `#`s and `"`)?
/// Gives the number of `#`s and the index of the opening quote.
fn raw_string_start(c: &[char], i: usize) -> Option<(usize, usize)> {
    if i > 0 && (c[i - 1] == '_' || c[i - 1].is_alphanumeric()) {
        return None;
    }
    let mut j = i;
    if matches!(c.get(j), Some('b') | Some('c')) {
        j += 1;
    }
    if c.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = c[j..].iter().take_while(|&&h| h == '#').count();
    (c.get(j + hashes) == Some(&'"')).then_some((hashes, j + hashes))
}

/// Marks the tokens inside inline `mod name { … }` blocks, and those inside
/// a `#[cfg(test)]` one.
fn mark_modules(t: &mut [Token]) {
    let is = |t: &[Token], i: usize, s: &str| {
        t.get(i).is_some_and(|x| x.text == s && x.kind != Kind::Str)
    };
    // (brace depth at which the block closes, whether it is a test module)
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut depth = 0;
    let mut next_is_test = false;
    for i in 0..t.len() {
        if is(t, i, "#")
            && is(t, i + 1, "[")
            && is(t, i + 2, "cfg")
            && is(t, i + 3, "(")
            && is(t, i + 4, "test")
            && is(t, i + 5, ")")
        {
            next_is_test = true;
        }
        if is(t, i, "{") {
            depth += 1;
            let is_mod = i >= 2 && is(t, i - 2, "mod") && t[i - 1].kind == Kind::Ident;
            if is_mod {
                open.push((depth, next_is_test));
            }
            next_is_test = false;
        } else if is(t, i, ";") {
            next_is_test = false;
        }
        t[i].inline_mods = open.len();
        t[i].in_test = open.iter().any(|&(_, test)| test);
        if is(t, i, "}") {
            if open.last().is_some_and(|&(d, _)| d == depth) {
                open.pop();
            }
            depth -= 1;
        }
    }
}

/// How many `super::` lead from this file's module to the crate's root.
fn file_depth(path: &str) -> usize {
    let rel = path.trim_start_matches("src/").trim_end_matches(".rs");
    if rel == "lib" || rel == "main" || rel.starts_with("bin/") {
        return 0;
    }
    let mut parts: Vec<&str> = rel.split('/').collect();
    if parts.last() == Some(&"mod") {
        parts.pop();
    }
    parts.len()
}

/// Every path in the file that reaches the crate's root (`crate::x`,
/// `crate::{x, y::z}`, or enough `super::`s), as (line, the first name
/// after the root).
fn paths_from_root(path: &str, t: &[Token]) -> Vec<(usize, String)> {
    let is = |i: usize, s: &str| t.get(i).is_some_and(|x| x.text == s && x.kind != Kind::Str);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let after_root = if is(i, "crate") && is(i + 1, "::") {
            Some(i + 2)
        } else if is(i, "super") && !(i >= 1 && is(i - 1, "::")) {
            let mut j = i;
            let mut ups = 0;
            while is(j, "super") && is(j + 1, "::") {
                ups += 1;
                j += 2;
            }
            (ups > 0 && ups >= file_depth(path) + t[i].inline_mods).then_some(j)
        } else {
            None
        };
        let Some(k) = after_root else {
            i += 1;
            continue;
        };
        if is(k, "{") {
            // A group: the first name of each of its members.
            let mut depth = 0;
            let mut j = k;
            while j < t.len() {
                if is(j, "{") {
                    depth += 1;
                } else if is(j, "}") {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                } else if depth == 1
                    && (is(j - 1, "{") || is(j - 1, ","))
                    && t[j].kind == Kind::Ident
                {
                    out.push((t[j].line, t[j].text.clone()));
                }
                j += 1;
            }
            i = j;
        } else if let Some(name) = t.get(k).filter(|x| x.kind == Kind::Ident) {
            out.push((name.line, name.text.clone()));
            i = k;
        } else {
            i = k;
        }
    }
    out
}

// ---- The rules -------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    ModelIsPure,
    BrowserApisInBrowser,
    StorageInStorageRs,
    LinksFromRouteHref,
    ViewsNotLib,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rule::ModelIsPure => "src/model/ uses no web-sys or Leptos and no layer above it",
            Rule::BrowserApisInBrowser => {
                "only src/browser/ touches web-sys (js-sys, wasm-bindgen, gloo)"
            }
            Rule::StorageInStorageRs => "only src/browser/storage.rs touches storage",
            Rule::LinksFromRouteHref => "only Route::href builds a link",
            Rule::ViewsNotLib => "views never import lib.rs",
        })
    }
}

#[derive(Debug)]
struct Problem {
    path: String,
    line: usize,
    rule: Rule,
    what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.path, self.line, self.rule, self.what
        )
    }
}

/// What the rules need from the tree: the modules `lib.rs` declares and the
/// first segments of the app's paths (both read from `src/`).
struct Layout {
    lib_modules: BTreeSet<String>,
    route_segments: BTreeSet<String>,
    /// The macros `src/model/` exports (`#[macro_export]`): Rust puts them
    /// at the crate's root (`crate::trf!`), but they are the model's.
    model_macros: BTreeSet<String>,
}

/// Crates of the browser's APIs.
fn is_browser_crate(name: &str) -> bool {
    matches!(
        name,
        "web_sys" | "js_sys" | "wasm_bindgen" | "wasm_bindgen_futures" | "gloo"
    ) || name.starts_with("gloo_")
}

/// Leptos and its parts.
fn is_leptos_crate(name: &str) -> bool {
    matches!(
        name,
        "leptos" | "reactive_graph" | "reactive_stores" | "tachys" | "any_spawner"
    ) || name.starts_with("leptos_")
}

fn is_storage_name(name: &str) -> bool {
    matches!(
        name,
        "local_storage" | "session_storage" | "LocalStorage" | "SessionStorage" | "gloo_storage"
    )
}

/// The problems of one file (`path` relative to the repository, `src/…`).
fn check(path: &str, src: &str, layout: &Layout) -> Vec<Problem> {
    let t = tokens(src);
    let mut problems = Vec::new();
    let mut report = |line: usize, rule: Rule, what: String| {
        problems.push(Problem {
            path: path.to_string(),
            line,
            rule,
            what,
        })
    };
    let in_model = path.starts_with("src/model/");
    let in_browser = path.starts_with("src/browser/");
    let in_views = path.starts_with("src/views/");
    let storage_owner = path == "src/browser/storage.rs";
    let route_owner = path == "src/model/route.rs";

    for (i, tok) in t.iter().enumerate() {
        match tok.kind {
            Kind::Ident => {
                let name = tok.text.as_str();
                if in_model && (is_browser_crate(name) || is_leptos_crate(name)) {
                    report(tok.line, Rule::ModelIsPure, format!("uses `{name}`"));
                }
                if !in_browser && is_browser_crate(name) {
                    report(
                        tok.line,
                        Rule::BrowserApisInBrowser,
                        format!("uses `{name}`"),
                    );
                }
                if !storage_owner && is_storage_name(name) {
                    report(tok.line, Rule::StorageInStorageRs, format!("uses `{name}`"));
                }
                // href=format!(…), href="/…" (in `view!` and in plain code alike).
                let assigned = t.get(i + 1).is_some_and(|x| x.text == "=")
                    && t.get(i + 2).is_some_and(|x| x.text != "=");
                if name == "href" && assigned && !route_owner && !tok.in_test {
                    match t.get(i + 2) {
                        Some(v) if v.kind == Kind::Str && v.text.starts_with('/') => report(
                            v.line,
                            Rule::LinksFromRouteHref,
                            format!("href=\"{}\" written by hand", v.text),
                        ),
                        Some(v) if v.kind == Kind::Ident && v.text == "format" => report(
                            v.line,
                            Rule::LinksFromRouteHref,
                            "href=format!(…) written by hand".into(),
                        ),
                        _ => {}
                    }
                }
            }
            Kind::Str => {
                let s = tok.text.as_str();
                if !storage_owner && (s.contains("localStorage") || s.contains("sessionStorage")) {
                    report(
                        tok.line,
                        Rule::StorageInStorageRs,
                        format!("names storage in \"{s}\""),
                    );
                }
                if !route_owner && !tok.in_test {
                    if let Some(segment) = app_path_segment(s, &layout.route_segments) {
                        report(
                            tok.line,
                            Rule::LinksFromRouteHref,
                            format!("the path /{segment}… written by hand in \"{s}\""),
                        );
                    }
                }
            }
            Kind::Punct | Kind::Other => {}
        }
    }
    for (line, first) in paths_from_root(path, &t) {
        if layout.model_macros.contains(&first) {
            continue;
        }
        if in_model && first != "model" {
            report(line, Rule::ModelIsPure, format!("reaches `crate::{first}`"));
        }
        if in_views && !layout.lib_modules.contains(&first) {
            report(
                line,
                Rule::ViewsNotLib,
                format!("imports `crate::{first}`, which lib.rs defines or imports"),
            );
        }
    }
    problems.sort_by_key(|p| p.line);
    problems
}

/// The route segment `s` starts with, as a path of the app: "/agenda",
/// "/session/{id}", "/track?x", but not "/sessions" or "schedule-viewer/agenda".
fn app_path_segment<'a>(s: &str, segments: &'a BTreeSet<String>) -> Option<&'a str> {
    let rest = s.strip_prefix('/')?;
    segments
        .iter()
        .find(|seg| {
            rest.strip_prefix(seg.as_str())
                .is_some_and(|after| after.is_empty() || after.starts_with(['/', '?', '#', '{']))
        })
        .map(String::as_str)
}

/// The modules `src/lib.rs` declares (`mod x;`).
fn lib_modules(lib: &str) -> BTreeSet<String> {
    let t = tokens(lib);
    t.windows(3)
        .filter(|w| {
            w[0].text == "mod"
                && w[1].kind == Kind::Ident
                && w[2].text == ";"
                && w[1].inline_mods == 0
        })
        .map(|w| w[1].text.clone())
        .collect()
}

/// The first segments of the paths `src/model/route.rs` writes outside its tests.
fn route_segments(route: &str) -> BTreeSet<String> {
    tokens(route)
        .into_iter()
        .filter(|t| t.kind == Kind::Str && !t.in_test)
        .filter_map(|t| {
            let rest = t.text.strip_prefix('/')?;
            let seg: String = rest
                .chars()
                .take_while(|ch| ch.is_ascii_lowercase() || *ch == '-')
                .collect();
            (!seg.is_empty()).then_some(seg)
        })
        .collect()
}

// ---- The tree --------------------------------------------------------------

fn rust_files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&p).unwrap()));
        }
    }
}

fn tree() -> (Vec<(String, String)>, Layout) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), root, &mut files);
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let model_macros = files
        .iter()
        .filter(|(p, _)| p.starts_with("src/model/"))
        .flat_map(|(_, text)| exported_macros(text))
        .collect();
    let layout = Layout {
        lib_modules: lib_modules(&read("src/lib.rs")),
        route_segments: route_segments(&read("src/model/route.rs")),
        model_macros,
    };
    (files, layout)
}

#[test]
fn src_keeps_the_layer_rules() {
    let (files, layout) = tree();
    assert!(files.len() > 30, "read {} files of src/", files.len());
    let problems: Vec<String> = files
        .iter()
        .flat_map(|(path, src)| check(path, src, &layout))
        .map(|p| p.to_string())
        .collect();
    assert!(
        problems.is_empty(),
        "the layer rules are broken in {} place(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The tree gives the rules something to check: what the owners own would
/// be reported anywhere else.
#[test]
fn the_owners_would_be_caught_anywhere_else() {
    let (files, layout) = tree();
    assert_eq!(
        layout
            .lib_modules
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["browser", "build", "model", "state", "views"]
    );
    for seg in [
        "session",
        "speaker",
        "speakers",
        "room",
        "track",
        "timetable",
        "agenda",
        "now",
        "conferences",
    ] {
        assert!(
            layout.route_segments.contains(seg),
            "{seg} in {:?}",
            layout.route_segments
        );
    }
    let file = |p: &str| &files.iter().find(|(path, _)| path == p).unwrap().1;
    let rules_at = |p: &str, src: &str| {
        check(p, src, &layout)
            .into_iter()
            .map(|p| p.rule)
            .collect::<Vec<_>>()
    };
    assert!(
        rules_at("src/browser/other.rs", file("src/browser/storage.rs"))
            .contains(&Rule::StorageInStorageRs)
    );
    assert!(rules_at("src/views/other.rs", file("src/model/route.rs"))
        .contains(&Rule::LinksFromRouteHref));
    let location = file("src/browser/location.rs");
    assert!(rules_at("src/views/other.rs", location).contains(&Rule::BrowserApisInBrowser));
    assert!(rules_at("src/model/other.rs", location).contains(&Rule::ModelIsPure));
}

// ---- Each rule catches what it names ----------------------------------------

/// The names of the `#[macro_export]` macros a file defines.
fn exported_macros(text: &str) -> Vec<String> {
    text.split("#[macro_export]")
        .skip(1)
        .filter_map(|after| {
            let rest = after.trim_start().strip_prefix("macro_rules!")?;
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

#[test]
fn the_model_s_exported_macros_are_the_model_s() {
    assert_eq!(
        exported_macros("#[macro_export]\nmacro_rules! trf { }\nmacro_rules! local {}\n#[macro_export]\nmacro_rules! word_2 {}"),
        ["trf", "word_2"]
    );
    assert_eq!(found("src/model/a.rs", "use crate::trf;"), []);
    assert_eq!(
        found("src/views/a.rs", "let s = crate::trn!(\"a\", \"b\", 1);"),
        []
    );
    assert_eq!(found("src/model/a.rs", "use crate::App;").len(), 1);
}

fn layout() -> Layout {
    Layout {
        model_macros: ["trf", "trn", "word"].map(String::from).into(),
        lib_modules: ["browser", "model", "state", "views"]
            .map(String::from)
            .into(),
        route_segments: ["agenda", "session", "speakers", "speaker"]
            .map(String::from)
            .into(),
    }
}

/// (line, rule) of each problem of `src` at `path`.
fn found(path: &str, src: &str) -> Vec<(usize, Rule)> {
    check(path, src, &layout())
        .into_iter()
        .map(|p| (p.line, p.rule))
        .collect()
}

#[test]
fn the_model_uses_neither_the_browser_nor_leptos_nor_a_layer_above() {
    use Rule::*;
    assert_eq!(
        found("src/model/a.rs", "use leptos::prelude::*;"),
        [(1, ModelIsPure)]
    );
    assert_eq!(
        found(
            "src/model/a.rs",
            "fn f() {}\nfn g() { let _ = reactive_graph::x(); }"
        ),
        [(2, ModelIsPure)]
    );
    assert_eq!(
        found("src/model/a.rs", "fn f() { web_sys::window(); }"),
        [(1, ModelIsPure), (1, BrowserApisInBrowser)]
    );
    assert_eq!(
        found("src/model/a.rs", "use crate::state::Clock;"),
        [(1, ModelIsPure)]
    );
    assert_eq!(
        found("src/model/a.rs", "use super::super::views::x;"),
        [(1, ModelIsPure)]
    );
    // Its own modules, comments and strings are fine.
    assert_eq!(found("src/model/a.rs", "use crate::model::time;\nuse super::b;\n// leptos\n/// web_sys::window()\nconst S: &str = \"leptos\";"), []);
    // Elsewhere Leptos is the point.
    assert_eq!(found("src/views/a.rs", "use leptos::prelude::*;"), []);
}

#[test]
fn only_the_browser_layer_touches_web_sys() {
    use Rule::*;
    assert_eq!(
        found(
            "src/views/a.rs",
            "fn f() {\n    let w = leptos::web_sys::window();\n}"
        ),
        [(2, BrowserApisInBrowser)]
    );
    assert_eq!(
        found("src/state.rs", "use wasm_bindgen::JsCast;"),
        [(1, BrowserApisInBrowser)]
    );
    assert_eq!(
        found("src/views/a.rs", "use gloo_timers::future::sleep;"),
        [(1, BrowserApisInBrowser)]
    );
    assert_eq!(
        found(
            "src/browser/a.rs",
            "use wasm_bindgen::JsCast;\nfn f() { web_sys::window(); }"
        ),
        []
    );
    assert_eq!(
        found(
            "src/views/a.rs",
            "/* web_sys */ // js_sys\nconst X: &str = \"web_sys\";"
        ),
        []
    );
}

#[test]
fn only_storage_rs_touches_storage() {
    use Rule::*;
    assert_eq!(
        found(
            "src/browser/files.rs",
            "fn f(w: Window) {\n    w.local_storage();\n}"
        ),
        [(2, StorageInStorageRs)]
    );
    assert_eq!(
        found("src/browser/files.rs", "use gloo_storage::LocalStorage;"),
        [(1, StorageInStorageRs), (1, StorageInStorageRs)]
    );
    assert_eq!(
        found(
            "src/browser/files.rs",
            "let s = Reflect::get(&w, &\"localStorage\".into());"
        ),
        [(1, StorageInStorageRs)]
    );
    assert_eq!(
        found(
            "src/browser/storage.rs",
            "use gloo_storage::LocalStorage;\nfn f(w: Window) { w.local_storage(); }"
        ),
        []
    );
    // Naming the storage in a comment is not using it.
    assert_eq!(
        found(
            "src/model/a.rs",
            "/// The localStorage key.\npub const K: &str = \"k\";"
        ),
        []
    );
}

#[test]
fn only_route_href_builds_a_link() {
    use Rule::*;
    assert_eq!(
        found("src/views/a.rs", "let h = format!(\"/session/{id}\");"),
        [(1, LinksFromRouteHref)]
    );
    assert_eq!(
        found(
            "src/views/a.rs",
            "view! {\n    <a href=\"/agenda\">\"My agenda\"</a>\n}"
        ),
        [(2, LinksFromRouteHref), (2, LinksFromRouteHref)]
    );
    assert_eq!(
        found("src/views/a.rs", "view! { <a href=\"/\">\"Home\"</a> }"),
        [(1, LinksFromRouteHref)]
    );
    assert_eq!(
        found(
            "src/views/a.rs",
            "view! { <a href=format!(\"{base}x\")>\"x\"</a> }"
        ),
        [(1, LinksFromRouteHref)]
    );
    assert_eq!(
        found("src/browser/a.rs", "go(\"/speakers?q=x\");"),
        [(1, LinksFromRouteHref)]
    );
    assert_eq!(
        found("src/views/a.rs", "let u = r#\"/speaker/x\"#;"),
        [(1, LinksFromRouteHref)]
    );
    // Route::href, fragments, look-alikes, keys, other sites, comments and tests are fine.
    let fine = "view! { <a href=Route::Agenda.href()>\"My agenda\"</a> <a class=\"skip-link\" href=\"#main\">\"Skip\"</a> }\n\
                const K: &str = \"schedule-viewer/agenda/x\";\nconst F: &str = \"/sessions.json\";\n\
                const U: &str = \"https://example.org/session/x\";\n// \"/session/x\"\n\
                #[cfg(test)]\nmod tests {\n    #[test]\n    fn t() { assert_eq!(href(), \"/session/x\"); }\n}";
    assert_eq!(found("src/views/a.rs", fine), []);
    // After the tests, the rule applies again.
    assert_eq!(
        found(
            "src/views/a.rs",
            &format!("{fine}\nconst P: &str = \"/agenda\";")
        ),
        [(11, LinksFromRouteHref)]
    );
    assert_eq!(
        found(
            "src/model/route.rs",
            "fn href() -> String { \"/agenda\".into() }"
        ),
        []
    );
}

#[test]
fn views_never_import_lib_rs() {
    use Rule::*;
    assert_eq!(
        found("src/views/a.rs", "use crate::App;"),
        [(1, ViewsNotLib)]
    );
    assert_eq!(
        found(
            "src/views/a.rs",
            "use crate::{\n    model::route::Route,\n    Loaded,\n};"
        ),
        [(3, ViewsNotLib)]
    );
    assert_eq!(
        found("src/views/a.rs", "fn f() { crate::Route::Agenda.href(); }"),
        [(1, ViewsNotLib)]
    );
    // From src/views/agenda/days.rs three `super`s reach the root; two reach views.
    assert_eq!(
        found("src/views/agenda/days.rs", "use super::super::super::App;"),
        [(1, ViewsNotLib)]
    );
    assert_eq!(
        found(
            "src/views/agenda/days.rs",
            "use super::super::layout::X;\nuse super::notes::Y;"
        ),
        []
    );
    assert_eq!(
        found("src/views/agenda/mod.rs", "use super::super::App;"),
        [(1, ViewsNotLib)]
    );
    // An inline module adds a level.
    assert_eq!(
        found("src/views/a.rs", "mod inner {\n    use super::super::X;\n}"),
        []
    );
    assert_eq!(
        found(
            "src/views/a.rs",
            "mod inner {\n    use super::super::super::X;\n}"
        ),
        [(2, ViewsNotLib)]
    );
    assert_eq!(
        found(
            "src/views/a.rs",
            "use crate::model::x;\nuse crate::{state::y, views::z};\npub(crate) fn f() {}"
        ),
        []
    );
    // Not a view: lib.rs's items are its own business.
    assert_eq!(found("src/state.rs", "use crate::App;"), []);
}

#[test]
fn the_reader_skips_comments_and_strings_and_tells_chars_from_lifetimes() {
    let t = tokens("let q = '\"'; /* a /* nested */ web_sys */ let s = \"a // b \\\" web_sys\";\nfn f<'a>(x: &'a str) -> char { '\\'' }\nlet r = br##\"x\"# y\"##; let z = web_sys;");
    let idents: Vec<&str> = t
        .iter()
        .filter(|t| t.kind == Kind::Ident)
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(
        idents,
        [
            "let", "q", "let", "s", "fn", "f", "a", "x", "a", "str", "char", "let", "r", "let",
            "z", "web_sys"
        ]
    );
    let strs: Vec<&str> = t
        .iter()
        .filter(|t| t.kind == Kind::Str)
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(strs, ["a // b \\\" web_sys", "x\"# y"]);
    assert_eq!(t.last().unwrap().line, 3);
}
