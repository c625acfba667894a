//! The import graph of `src/` has no circle: reads every module's source,
//! collects the modules each one names through `crate::…`, `super::…` and
//! `self::…` paths (in `use` lines and in code, test modules left out), and
//! fails naming the modules of any circle, with the file and line of each
//! step. A module naming its own ancestors (a child using what its parent
//! declares) is not counted: the parent declares the child.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path, `model::schedule`; the crate root is empty.
type Module = Vec<String>;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The module a file under `src/` is (`None` for the binaries' own crates).
fn module_of(relative: &Path) -> Option<Module> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.first().is_some_and(|p| p == "bin") || parts == ["main.rs"] {
        return None;
    }
    let last = parts.pop()?;
    match last.strip_suffix(".rs")? {
        "lib" if parts.is_empty() => {}
        "mod" => {}
        stem => parts.push(stem.to_string()),
    }
    Some(parts)
}

fn ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The text with comments, strings and character literals blanked out
/// (lines kept), so neither a `super::` in a doc nor a `{` in a string counts.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to.min(b.len())] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let end = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
            blank(&mut out, i, end);
            i = end;
        } else if (rest.starts_with(b"r\"") || rest.starts_with(b"r#"))
            && (i == 0
                || !ident_byte(b[i - 1])
                || (b[i - 1] == b'b' && (i < 2 || !ident_byte(b[i - 2]))))
        {
            let hashes = rest[1..].iter().take_while(|&&c| c == b'#').count();
            if rest.get(1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let close = format!("\"{}", "#".repeat(hashes));
            let body = i + 2 + hashes;
            let end = text[body..]
                .find(&close)
                .map_or(b.len(), |n| body + n + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if rest[0] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if rest[0] == b'\'' {
            // A character literal ('{', '\n', '\u{7b}'), or a lifetime ('a).
            if rest.get(1) == Some(&b'\\') {
                let end = rest[2..]
                    .iter()
                    .position(|&c| c == b'\'')
                    .map_or(b.len(), |n| i + 2 + n + 1);
                blank(&mut out, i, end);
                i = end;
            } else if let Some(c) = text[i + 1..].chars().next() {
                let after = i + 1 + c.len_utf8();
                if b.get(after) == Some(&b'\'') {
                    blank(&mut out, i, after + 1);
                    i = after + 1;
                } else {
                    i += 1;
                }
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The code without its `#[cfg(test)]` items (a test module, a test-only `use`).
fn without_tests(code: &str) -> String {
    let mut out = code.to_string();
    let mut from = 0;
    while let Some(at) = out[from..].find("#[cfg(test)]").map(|n| from + n) {
        let after = at + "#[cfg(test)]".len();
        let brace = out[after..].find('{').map(|n| after + n);
        let semi = out[after..].find(';').map(|n| after + n);
        let end = match (brace, semi) {
            (Some(b), Some(s)) if s < b => s + 1,
            (Some(b), _) => {
                let mut depth = 0;
                let mut end = out.len();
                for (k, c) in out[b..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, Some(s)) => s + 1,
            (None, None) => out.len(),
        };
        let blanked: String = out[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..end, &blanked);
        from = end;
    }
    out
}

/// The paths a use-tree names from `at` (just after `base::`): `a::b`,
/// `a::{b, c::d}`, `{self, x}`; each as segments.
fn use_tree(code: &str, at: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let b = code.as_bytes();
    let mut i = at;
    let mut path = prefix;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) == Some(&b'{') {
            i += 1;
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    return i + 1;
                }
                i = use_tree(code, i, path.clone(), out);
            }
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        if start == i {
            // `*`, or the end of the path.
            if b.get(i) == Some(&b'*') {
                i += 1;
            }
            out.push(path);
            return i;
        }
        let segment = &code[start..i];
        if segment != "self" {
            path.push(segment.to_string());
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if code[j..].starts_with("::") {
            i = j + 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// Every module `module`'s code names, with the line of its first mention.
fn named_paths(module: &Module, code: &str) -> Vec<(Vec<String>, usize)> {
    let b = code.as_bytes();
    let mut found = Vec::new();
    let word_start = |i: usize| i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
    let mut i = 0;
    while i < b.len() {
        let rest = &code[i..];
        let (mut base, len): (Module, usize) = if rest.starts_with("$crate::") {
            (Vec::new(), "$crate::".len())
        } else if !word_start(i) {
            i += 1;
            continue;
        } else if rest.starts_with("crate::") {
            (Vec::new(), "crate::".len())
        } else if rest.starts_with("self::") {
            (module.clone(), "self::".len())
        } else if rest.starts_with("super::") {
            let mut base = module.clone();
            let mut len = 0;
            while code[i + len..].starts_with("super::") {
                base.pop();
                len += "super::".len();
            }
            (base, len)
        } else {
            i += 1;
            continue;
        };
        let line = code[..i].matches('\n').count() + 1;
        let mut paths = Vec::new();
        let end = use_tree(code, i + len, std::mem::take(&mut base), &mut paths);
        found.extend(paths.into_iter().map(|p| (p, line)));
        i = end.max(i + 1);
    }
    found
}

#[test]
fn the_module_imports_of_src_have_no_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut code = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&root).expect("under src/");
        if let Some(module) = module_of(relative) {
            let text = fs::read_to_string(file).expect("a readable source");
            code.insert(
                module,
                (relative.to_path_buf(), without_tests(&code_only(&text))),
            );
        }
    }
    let modules: BTreeSet<Module> = code.keys().cloned().collect();
    for must in [["model", "schedule"], ["model", "error"], ["views", "lazy"]] {
        assert!(
            modules.contains(must.map(String::from).as_slice()),
            "{must:?} not found"
        );
    }

    // module -> module it names -> (file, line) of the first mention.
    let mut graph: BTreeMap<Module, BTreeMap<Module, (PathBuf, usize)>> = BTreeMap::new();
    for (module, (file, text)) in &code {
        let edges = graph.entry(module.clone()).or_default();
        for (path, line) in named_paths(module, text) {
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains(p));
            let Some(target) = target else { continue };
            if module.starts_with(&target) {
                continue; // itself, or an ancestor
            }
            edges.entry(target).or_insert_with(|| (file.clone(), line));
        }
    }
    let edges = graph.values().map(BTreeMap::len).sum::<usize>();
    assert!(
        edges > 100,
        "only {edges} imports found: the reading is broken"
    );

    let circles = circles(&graph);
    let name = |m: &Module| format!("crate::{}", m.join("::"));
    let report: Vec<String> = circles
        .iter()
        .map(|circle| {
            let mut steps = Vec::new();
            for (k, from) in circle.iter().enumerate() {
                let to = &circle[(k + 1) % circle.len()];
                let (file, line) = &graph[from][to];
                steps.push(format!(
                    "  {} -> {} (src/{}:{line})",
                    name(from),
                    name(to),
                    file.display()
                ));
            }
            format!(
                "a circle of {} modules:\n{}",
                circle.len(),
                steps.join("\n")
            )
        })
        .collect();
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

/// One circle through each strongly connected set of two or more modules
/// (Tarjan's algorithm, then the shortest way back to the set's first module).
fn circles(graph: &BTreeMap<Module, BTreeMap<Module, (PathBuf, usize)>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        graph: &'a BTreeMap<Module, BTreeMap<Module, (PathBuf, usize)>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        sets: Vec<Vec<&'a Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flat_map(BTreeMap::keys) {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut set = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                set.push(w);
                if w == v {
                    break;
                }
            }
            if set.len() > 1 {
                s.sets.push(set);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        sets: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.sets
        .iter()
        .map(|set| {
            let members: BTreeSet<&Module> = set.iter().copied().collect();
            let start = *members.iter().next().expect("a non-empty set");
            // Breadth-first from `start` within the set, back to `start`.
            let mut came_from: BTreeMap<&Module, &Module> = BTreeMap::new();
            let mut queue = std::collections::VecDeque::from([start]);
            let mut last = start;
            'search: while let Some(v) = queue.pop_front() {
                for w in graph[v].keys().filter(|w| members.contains(w)) {
                    if w == start {
                        last = v;
                        break 'search;
                    }
                    if !came_from.contains_key(w) {
                        came_from.insert(w, v);
                        queue.push_back(w);
                    }
                }
            }
            let mut circle = vec![last.clone()];
            let mut v = last;
            while v != start {
                v = came_from[v];
                circle.push(v.clone());
            }
            circle.reverse();
            circle
        })
        .collect()
}

#[test]
fn the_reading_finds_imports_and_leaves_out_comments_strings_and_tests() {
    let module: Module = vec!["model".into(), "agenda".into()];
    let text = r#"
use super::json::{self, stored_texts, Reader};
use crate::model::{error::ScheduleError, time};
// use super::share::Link;
/// [`super::plan`]
const S: &str = "super::filter::x";
const C: char = '{';
fn f<'a>(x: &'a str) { let _ = super::super::views::lazy::Part; }
#[cfg(test)]
mod tests {
    use super::ics::X;
    const T: &str = "}";
}
fn g() { super::url::encode("a"); }
"#;
    let code = without_tests(&code_only(text));
    let named: Vec<(String, usize)> = named_paths(&module, &code)
        .into_iter()
        .map(|(p, line)| (p.join("::"), line))
        .collect();
    assert_eq!(
        named,
        [
            ("model::json".to_string(), 2),
            ("model::json::stored_texts".into(), 2),
            ("model::json::Reader".into(), 2),
            ("model::error::ScheduleError".into(), 3),
            ("model::time".into(), 3),
            ("views::lazy::Part".into(), 8),
            ("model::url::encode".into(), 14),
        ]
    );
}
