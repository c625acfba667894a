//! Every word the app writes is in every catalogue (`public/lang/*.json`):
//! the keys are found in `src/` where they are written (`tr("…")`,
//! `trf!("…", …)`, `trn!("…", "…", …)`, `word!("…")`), and each language's
//! file must give each one, no more, with the same `{placeholders}`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use schedule_viewer::model::catalogue::read_catalogue;
use schedule_viewer::model::words::LANGS;

/// The source's keys, each with a place it is written.
fn keys_in_source() -> BTreeMap<String, String> {
    let mut keys = BTreeMap::new();
    let mut files = Vec::new();
    collect(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    assert!(files.len() > 50, "the source files were not found");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // A file's tests write words of their own.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        for (key, at) in keys_in(code) {
            keys.entry(key)
                .or_insert_with(|| format!("{}:{at}", file.display()));
        }
    }
    keys
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The keys written in `code`, with their line.
fn keys_in(code: &str) -> Vec<(String, usize)> {
    // Comments name keys as examples: their lines are blanked (lines kept).
    let code: String = code
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.as_str();
    let mut out = Vec::new();
    for (start, plural) in [
        ("tr(", false),
        ("trf!(", false),
        ("trn!(", true),
        ("word!(", false),
    ] {
        let mut from = 0;
        while let Some(found) = code[from..].find(start) {
            let at = from + found;
            from = at + start.len();
            // `tr(` inside another name (`attr(`) is not a key.
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let line = code[..at].matches('\n').count() + 1;
            let rest = code[from..].trim_start();
            if start == "tr(" && !rest.starts_with('"') {
                // A name from a table of `word!`s, or the function's own definition.
                continue;
            }
            let (one, rest) = literal(rest)
                .unwrap_or_else(|| panic!("line {line}: {start} takes a plain string literal"));
            let key = if plural {
                let rest = rest
                    .trim_start()
                    .strip_prefix(',')
                    .expect("trn! takes two forms");
                let (other, _) = literal(rest.trim_start()).expect("trn!'s second form");
                format!("{one}|{other}")
            } else {
                one
            };
            out.push((key, line));
        }
    }
    out
}

/// A Rust string literal at the start of `s`, unescaped, and what follows it.
fn literal(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                '\n' => {
                    // A continued line: its leading white space is not in the string.
                    let rest = &body[i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skip].chars().count() {
                        chars.next();
                    }
                }
                'u' => {
                    let rest = &body[i + 2..];
                    let close = rest.find('}')?;
                    let code = u32::from_str_radix(&rest[1..close], 16).ok()?;
                    out.push(char::from_u32(code)?);
                    for _ in 0..=close {
                        chars.next();
                    }
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    None
}

/// The `{names}` of a text, sorted.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                out.insert(name.to_string());
            }
        }
    }
    out
}

fn catalogue_text(code: &str) -> String {
    let path = format!("{}/public/lang/{code}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_scanner_reads_each_way_a_key_is_written() {
    let code = "x(tr(\"Close\")); trf!(\"{n} left\\n\", n = 1); \
        trn!(\n  \"{n} star\",\n  \"{n} stars\", k);\nword!(\"May\"); attr(\"no\"); tr(name)\n  // tr(\"an example\")";
    let keys: Vec<String> = keys_in(code).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["Close", "{n} left\n", "{n} star|{n} stars", "May"]);
    assert_eq!(
        placeholders("{n} of {total}, {"),
        ["n", "total"].map(String::from).into()
    );
}

#[test]
fn every_catalogue_gives_every_key_and_no_other() {
    let keys = keys_in_source();
    assert!(keys.len() > 100, "only {} keys found in src/", keys.len());
    let mut problems = Vec::new();
    for lang in LANGS.iter().filter(|l| !l.is_source()) {
        let text = catalogue_text(lang.code);
        let words = read_catalogue(&text).unwrap_or_else(|e| panic!("{}.json: {e}", lang.code));
        // The reader keeps the last of a key given twice: count them in the text.
        let given = text.matches("\n  \"").count();
        if given != words.len() {
            problems.push(format!("{}.json: a key is given twice", lang.code));
        }
        for (key, at) in &keys {
            match words.get(key.as_str()) {
                None => problems.push(format!("{}.json lacks {key:?} ({at})", lang.code)),
                Some(text) => {
                    if placeholders(text) != placeholders(key) {
                        problems.push(format!(
                            "{}.json: {key:?} → {text:?}: other placeholders",
                            lang.code
                        ));
                    }
                    if key.contains('|') != text.contains('|') {
                        problems.push(format!(
                            "{}.json: {key:?} → {text:?}: plural forms",
                            lang.code
                        ));
                    }
                    if text.trim().is_empty() {
                        problems.push(format!("{}.json: {key:?} is empty", lang.code));
                    }
                }
            }
        }
        for key in words.keys() {
            if !keys.contains_key(key) {
                problems.push(format!("{}.json: {key:?} is no longer written", lang.code));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
