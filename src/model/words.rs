//! The app's own words in the visitor's language (docs/decisions.md,
//! "Your language").
//!
//! English is the source: every word the app writes is written in English
//! where it is used, through [`tr`], [`trf!`](crate::trf), [`trn!`](crate::trn)
//! or [`word!`](crate::word), and that English text is the key of the other
//! languages' catalogues (`public/lang/<code>.json`, one object of key →
//! text). English costs nothing: its words are the keys already in the
//! code. Another language's catalogue is read once, at start (the app
//! fetches only the visitor's; the build step reads its `--lang`'s file).
//! `tests/words.rs` finds every key in `src/` and fails on one missing or
//! left over in any catalogue, or on a placeholder a translation lacks.
//!
//! Plural forms, digit grouping, weekday and month names are here too, so
//! the build and the app write the same page byte for byte; a browser test
//! checks them against `Intl` in each language (tests/e2e/language.spec.ts).
//!
//! Adding a language: its catalogue file, and one line in [`LANGS`].

use std::cell::Cell;
use std::fmt::{Display, Write};

/// A language the interface speaks.
#[derive(Debug, PartialEq, Eq)]
pub struct Lang {
    /// Its BCP 47 code, the catalogue's file name and `<html lang>`.
    pub code: &'static str,
    /// Its name in itself, as the language menu shows it.
    pub name: &'static str,
    /// Does 0 take the singular ("0 session" in French, CLDR's `one`)?
    pub zero_is_one: bool,
    /// Between groups of three digits (CLDR's grouping separator).
    pub group: &'static str,
}

/// Every language the interface speaks; the first is the source (English).
pub const LANGS: &[Lang] = &[
    Lang {
        code: "en",
        name: "English",
        zero_is_one: false,
        group: ",",
    },
    Lang {
        code: "de",
        name: "Deutsch",
        zero_is_one: false,
        group: ".",
    },
    Lang {
        code: "fr",
        name: "Français",
        zero_is_one: true,
        group: "\u{202f}",
    },
];

/// The source language, English.
pub fn english() -> &'static Lang {
    &LANGS[0]
}

impl Lang {
    /// The language of a code ("de", "de-AT", "FR-ca"), if the interface speaks it.
    pub fn of(code: &str) -> Option<&'static Lang> {
        let base = code.split(['-', '_']).next().unwrap_or("");
        LANGS.iter().find(|l| l.code.eq_ignore_ascii_case(base))
    }

    /// The first of the browser's languages (`navigator.languages`, most
    /// wanted first) that the interface speaks.
    pub fn first_spoken<S: AsRef<str>>(
        wanted: impl IntoIterator<Item = S>,
    ) -> Option<&'static Lang> {
        wanted.into_iter().find_map(|code| Lang::of(code.as_ref()))
    }

    /// Is this the source language (no catalogue to read)?
    pub fn is_source(&self) -> bool {
        std::ptr::eq(self, english()) || self.code == english().code
    }

    /// The catalogue's file, under the site's base.
    pub fn file(&self) -> String {
        format!("lang/{}.json", self.code)
    }

    /// `n` with its digits grouped the language's way ("1,000", "1.000",
    /// "1 000", as `Intl.NumberFormat` writes them).
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        if digits.len() <= 3 {
            return digits;
        }
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(self.group);
            }
            out.push(c);
        }
        out
    }

    /// Does `n` take the singular?
    pub fn is_one(&self, n: u64) -> bool {
        n == 1 || (n == 0 && self.zero_is_one)
    }
}

/// A catalogue: English key → this language's text, sorted by key (a
/// sorted list costs the wasm less code than a hash map, and a page looks
/// up a few hundred words).
#[derive(Debug, Default)]
pub struct Catalogue(Vec<(&'static str, &'static str)>);

impl Catalogue {
    /// The text of `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let i = self.0.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
        Some(self.0[i].1)
    }

    /// How many words it gives.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Does it give none?
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Its keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(k, _)| *k)
    }
}

impl Catalogue {
    /// A catalogue of these words, which must come in the order of their
    /// keys, each key once (as `tests/words.rs` keeps the files: sorting
    /// here would cost the wasm a sort); None otherwise.
    pub fn of_sorted(words: Vec<(&'static str, &'static str)>) -> Option<Catalogue> {
        words
            .windows(2)
            .all(|w| w[0].0 < w[1].0)
            .then_some(Catalogue(words))
    }
}

/// A text kept for as long as the app runs (a page reads one catalogue, once).
pub fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

thread_local! {
    /// The language the words are written in, and its catalogue (none for English).
    static CURRENT: Cell<(&'static Lang, Option<&'static Catalogue>)> =
        const { Cell::new((&LANGS[0], None)) };
}

/// From now on, write in `lang` from `catalogue` (None: English).
pub fn speak(lang: &'static Lang, catalogue: Option<Catalogue>) {
    let words = catalogue
        .filter(|_| !lang.is_source())
        .map(|c| &*Box::leak(Box::new(c)));
    CURRENT.with(|c| c.set((lang, words)));
}

/// The language the words are written in.
pub fn current() -> &'static Lang {
    CURRENT.with(|c| c.get().0)
}

/// `english` in the current language (itself when the catalogue lacks it).
#[inline(never)]
pub fn tr(english: &'static str) -> &'static str {
    CURRENT.with(|c| {
        c.get()
            .1
            .and_then(|words| words.get(english))
            .unwrap_or(english)
    })
}

/// `template` with each `{name}` replaced by its value.
#[inline(never)]
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (close, v))
        }) {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The singular or plural of `forms` ("one|other", translated) for `n`,
/// with `{n}` written the current language's way.
#[inline(never)]
pub fn plural(forms: &'static str, n: u64, values: &[(&str, &dyn Display)]) -> String {
    let lang = current();
    let forms = tr(forms);
    let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
    let form = if lang.is_one(n) { one } else { other };
    let number = lang.number(n);
    let mut all: Vec<(&str, &dyn Display)> = vec![("n", &number)];
    all.extend_from_slice(values);
    fill(form, &all)
}

/// A sentence with named values, in the current language:
/// `trf!("Imported {n} sessions", n = count)`.
#[macro_export]
macro_rules! trf {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::model::words::fill(
            $crate::model::words::tr($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}

/// A count's singular or plural, in the current language:
/// `trn!("{n} session", "{n} sessions", count)`; more named values may follow.
#[macro_export]
macro_rules! trn {
    ($one:literal, $other:literal, $n:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::model::words::plural(
            concat!($one, "|", $other),
            ($n) as u64,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}

/// A key written where it is not yet translated (a table of names, say):
/// the English text, for [`tr`] later.
#[macro_export]
macro_rules! word {
    ($key:literal) => {
        $key
    };
}

/// Full weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    crate::word!("Monday"),
    crate::word!("Tuesday"),
    crate::word!("Wednesday"),
    crate::word!("Thursday"),
    crate::word!("Friday"),
    crate::word!("Saturday"),
    crate::word!("Sunday"),
];

/// Short weekday names, Monday first ("Do." in German, "jeu." in French).
pub const SHORT_WEEKDAYS: [&str; 7] = [
    crate::word!("Mon"),
    crate::word!("Tue"),
    crate::word!("Wed"),
    crate::word!("Thu"),
    crate::word!("Fri"),
    crate::word!("Sat"),
    crate::word!("Sun"),
];

/// Full month names.
pub const MONTHS: [&str; 12] = [
    crate::word!("January"),
    crate::word!("February"),
    crate::word!("March"),
    crate::word!("April"),
    crate::word!("May"),
    crate::word!("June"),
    crate::word!("July"),
    crate::word!("August"),
    crate::word!("September"),
    crate::word!("October"),
    crate::word!("November"),
    crate::word!("December"),
];

/// Short month names ("Okt." in German, "oct." in French).
pub const SHORT_MONTHS: [&str; 12] = [
    crate::word!("Jan"),
    crate::word!("Feb"),
    crate::word!("Mar"),
    crate::word!("Apr"),
    crate::word!("May"),
    crate::word!("Jun"),
    crate::word!("Jul"),
    crate::word!("Aug"),
    crate::word!("Sep"),
    crate::word!("Oct"),
    crate::word!("Nov"),
    crate::word!("Dec"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalogue::read_catalogue;

    fn german() -> Catalogue {
        read_catalogue(r#"{"Imported {n} from {file}": "{file}: {n} importiert", "Settings": "Einstellungen", "{n} session|{n} sessions": "{n} Sitzung|{n} Sitzungen"}"#).unwrap()
    }

    #[test]
    fn english_is_the_key_itself_and_a_catalogue_replaces_it() {
        speak(english(), None);
        assert_eq!(tr("Settings"), "Settings");
        speak(Lang::of("de").unwrap(), Some(german()));
        assert_eq!(tr("Settings"), "Einstellungen");
        // A key the catalogue lacks stays English (a test keeps them complete).
        assert_eq!(tr("Nothing here"), "Nothing here");
        assert_eq!(
            trf!("Imported {n} from {file}", n = 3, file = "a.json"),
            "a.json: 3 importiert"
        );
        assert_eq!(trn!("{n} session", "{n} sessions", 1), "1 Sitzung");
        assert_eq!(
            trn!("{n} session", "{n} sessions", 12_000),
            "12.000 Sitzungen"
        );
        speak(english(), None);
        assert_eq!(trn!("{n} session", "{n} sessions", 0), "0 sessions");
    }

    #[test]
    fn languages_are_found_by_their_base_code_in_the_browsers_order() {
        assert_eq!(Lang::of("de-AT").unwrap().code, "de");
        assert_eq!(Lang::of("FR_ca").unwrap().code, "fr");
        assert!(Lang::of("ja").is_none());
        assert_eq!(
            Lang::first_spoken(["ja", "fr-FR", "de"]).unwrap().code,
            "fr"
        );
        assert!(Lang::first_spoken(["ja", "pt"]).is_none());
    }

    #[test]
    fn plural_forms_and_digit_groups_follow_cldr() {
        let fr = Lang::of("fr").unwrap();
        let de = Lang::of("de").unwrap();
        let en = english();
        assert!(fr.is_one(0) && fr.is_one(1) && !fr.is_one(2));
        assert!(!de.is_one(0) && de.is_one(1));
        assert!(!en.is_one(0) && en.is_one(1));
        assert_eq!(en.number(1000), "1,000");
        assert_eq!(de.number(1000), "1.000");
        assert_eq!(de.number(10_000), "10.000");
        assert_eq!(fr.number(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(en.number(999), "999");
    }

    #[test]
    fn fill_leaves_unknown_braces_as_they_are() {
        assert_eq!(fill("{a} and {b} {", &[("a", &1)]), "1 and {b} {");
    }
}
