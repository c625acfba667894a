//! A language's catalogue file read (`public/lang/<code>.json`: one object
//! of English key → text, keys in order), for `words` to speak from. Apart
//! from `words` itself, which every reader's messages use.

use super::json::Reader;
use super::words::{leak, Catalogue};

/// A catalogue file read: every value a string, the keys in order, each
/// once; anything else is refused, with where.
pub fn read_catalogue(text: &str) -> Result<Catalogue, String> {
    let mut words = Vec::new();
    Reader::whole(text, |r| {
        r.object(&mut |r, key| {
            let value = r.string()?;
            words.push((leak(key.to_string()), leak(value)));
            Ok(())
        })
    })?;
    Catalogue::of_sorted(words)
        .ok_or_else(|| "its keys are out of order, or one is given twice".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_catalogue_is_an_error_not_a_panic() {
        assert!(read_catalogue("{\"a\": 1}").is_err());
        assert!(read_catalogue("[").is_err());
        assert!(read_catalogue("{}").unwrap().is_empty());
        let sorted = read_catalogue(r#"{"a": "1", "b": "2"}"#).unwrap();
        assert_eq!(
            (sorted.len(), sorted.get("b"), sorted.get("c")),
            (2, Some("2"), None)
        );
        assert!(read_catalogue(r#"{"b": "1", "a": "2"}"#).is_err());
        assert!(read_catalogue(r#"{"a": "1", "a": "2"}"#).is_err());
    }
}
