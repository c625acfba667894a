//! URL pieces, in one place: percent-encoding of every id or slug placed in
//! a path or a query (the maintained `percent-encoding` crate, not a
//! hand-written table), and reading a query string back.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is escaped, so a value
/// is safe in a path segment, a query value and a fragment alike, and the
/// separators we use inside values (`,` `;` `!`) can never occur raw.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encode one value (an id, a slug, a search text) for a URL.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Decode one percent-encoded value; in queries `+` also means a space.
/// Invalid UTF-8 becomes U+FFFD rather than an error.
pub fn decode(value: &str) -> String {
    let spaced = value.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8_lossy().into_owned()
}

/// Decode one path segment: percent-escapes only (`+` is a plus in a path).
pub fn decode_path_segment(segment: &str) -> String {
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

/// Split a query string (with or without the leading `?`) into pairs with
/// the key decoded and the value still encoded, for lists whose separator
/// must be told apart from an escaped one (`track=a%2Cb,c` is two tracks).
pub fn query_pairs_raw(query: &str) -> Vec<(String, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), v)
        })
        .collect()
}

/// Split a query string into decoded pairs.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query_pairs_raw(query)
        .into_iter()
        .map(|(k, v)| (k, decode(v)))
        .collect()
}

/// The decoded value of the first `key` in a query string.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    query_pairs_raw(query)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| decode(v))
}

/// A comma-separated list value: split on the raw commas, then decode each item.
pub fn decode_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(decode)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Encode a list as one query value: items encoded, joined by raw commas.
pub fn encode_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| encode(s.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The query with `key` set to `value` (or removed, for None), other pairs
/// kept as written; with a leading `?`, or "" when nothing is left.
pub fn with_param(query: &str, key: &str, value: Option<&str>) -> String {
    let mut parts: Vec<String> = query_pairs_raw(query)
        .into_iter()
        .filter(|(k, _)| k != key)
        .map(|(k, v)| format!("{}={v}", encode(&k)))
        .collect();
    if let Some(v) = value {
        parts.push(format!("{}={}", encode(key), encode(v)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ODD: [&str; 9] = [
        "plain-id_1.2~",
        "with space",
        "a,b",
        "x/y",
        "hash#tag",
        "what?",
        "100%",
        "Jörg ünïcödé 🎉",
        "a+b;c!d&e=f",
    ];

    #[test]
    fn every_odd_id_round_trips_and_leaves_no_separator_raw() {
        for id in ODD {
            let e = encode(id);
            assert!(
                !e.contains([' ', ',', '/', '#', '?', '&', '=', ';', '!', '+']),
                "{id} -> {e}"
            );
            assert_eq!(decode(&e), id);
        }
        assert_eq!(encode("plain-id_1.2~"), "plain-id_1.2~");
    }

    #[test]
    fn lists_keep_commas_inside_items() {
        let items = ["a,b", "c", "d e"];
        let q = format!("?track={}&q=x", encode_list(&items));
        let pairs = query_pairs_raw(&q);
        assert_eq!(pairs[0].0, "track");
        assert_eq!(decode_list(pairs[0].1), items);
        assert_eq!(query_value(&q, "q").as_deref(), Some("x"));
        assert_eq!(query_value(&q, "nope"), None);
    }

    #[test]
    fn plus_is_a_space_and_bad_escapes_do_not_panic() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(
            parse_query("?q=caf%C3%A9&day="),
            [("q".into(), "café".into()), ("day".into(), String::new())]
        );
    }

    #[test]
    fn one_parameter_is_set_or_removed_and_the_rest_kept() {
        let q = "?schedule=https%3A%2F%2Fx.org%2Fa.json&tz=Asia%2FTokyo&track=a%2Cb,c";
        assert_eq!(
            with_param(q, "tz", Some("Europe/Berlin")),
            "?schedule=https%3A%2F%2Fx.org%2Fa.json&track=a%2Cb,c&tz=Europe%2FBerlin"
        );
        assert_eq!(
            with_param(q, "tz", None),
            "?schedule=https%3A%2F%2Fx.org%2Fa.json&track=a%2Cb,c"
        );
        assert_eq!(with_param("?tz=UTC", "tz", None), "");
    }
}
