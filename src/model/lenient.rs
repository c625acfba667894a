//! Lenient field types for importers: each reads any JSON without failing,
//! keeping what has the expected shape and reading the rest as absent, so
//! one wrong-typed field costs its session (or nothing), never the file.
//!
//! The statement of leniency, which both readers follow: serde's visitors
//! here (the other formats) and the hand reader of our own format
//! (`json::Reader::{text, texts, item, items}`). The table [`tests::CASES`]
//! holds a case of every shape and runs against both.
//!
//! | value         | [`Text`]   | [`Texts`]               | [`Item`]     | [`Items`]                          |
//! |---------------|------------|-------------------------|--------------|------------------------------------|
//! | a string      | kept       | empty                   | none         | empty                              |
//! | number, bool, null | absent | empty                 | none         | empty                              |
//! | a list        | absent     | its strings, in order   | none         | each element: an object or none    |
//! | an object     | absent     | empty                   | its fields   | empty                              |
//!
//! A record's fields are read the same way, each by its own type; unknown
//! keys are read past. Only the JSON itself must be valid.

use std::fmt;

use serde::Deserialize;

/// The visitor methods for JSON numbers, booleans and null, each giving `$none`.
macro_rules! scalars_give {
    ($none:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
    };
}

/// The visitor method for a JSON array: its elements are read past, giving `$none`.
macro_rules! arrays_give {
    ($none:expr) => {
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut a: A,
        ) -> Result<Self::Value, A::Error> {
            while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok($none)
        }
    };
}

/// The visitor method for a JSON object: its entries are read past, giving `$none`.
macro_rules! objects_give {
    ($none:expr) => {
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut a: A,
        ) -> Result<Self::Value, A::Error> {
            while a
                .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                .is_some()
            {}
            Ok($none)
        }
    };
}

/// A text field that tolerates any JSON: a string is kept, anything else
/// (a number, an array, an object) reads as absent, so one wrong field
/// costs its session, never the whole file.
#[derive(Default)]
pub(crate) struct Text(pub(crate) Option<String>);

/// A list of texts; anything but an array reads as empty, non-strings are dropped.
#[derive(Default)]
pub(crate) struct Texts(pub(crate) Vec<String>);

/// An array element that should be an object; anything else reads as None
/// and is reported with its place.
pub(crate) struct Item<T>(pub(crate) Option<T>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text, E> {
                Ok(Text(Some(v)))
            }
            scalars_give!(Text(None));
            arrays_give!(Text(None));
            objects_give!(Text(None));
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Texts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of texts")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Texts, A::Error> {
                let mut out = Vec::new();
                while let Some(Text(t)) = a.next_element::<Text>()? {
                    out.extend(t);
                }
                Ok(Texts(out))
            }
            objects_give!(Texts(Vec::new()));
            fn visit_str<E>(self, _: &str) -> Result<Texts, E> {
                Ok(Texts(Vec::new()))
            }
            scalars_give!(Texts(Vec::new()));
        }
        d.deserialize_any(V)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Item<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = Item<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, a: A) -> Result<Item<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(a))
                    .map(|t| Item(Some(t)))
            }
            arrays_give!(Item(None));
            fn visit_str<E>(self, _: &str) -> Result<Item<T>, E> {
                Ok(Item(None))
            }
            scalars_give!(Item(None));
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A list of objects; anything but an array reads as empty, and elements
/// that are not objects are kept as `Item(None)` (so each can be named).
pub(crate) struct Items<T>(pub(crate) Vec<Item<T>>);

impl<T> Default for Items<T> {
    fn default() -> Self {
        Items(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = Items<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of objects")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Items<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = a.next_element::<Item<T>>()? {
                    out.push(item);
                }
                Ok(Items(out))
            }
            objects_give!(Items(Vec::new()));
            fn visit_str<E>(self, _: &str) -> Result<Items<T>, E> {
                Ok(Items(Vec::new()))
            }
            scalars_give!(Items(Vec::new()));
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// An id written as a string or a number (both occur; a number in its
/// shortest form, so `7.0` is `"7"`): the one reader of ids for every
/// importer. Anything else is no id.
#[derive(Default)]
pub(crate) struct IdText(pub(crate) Option<String>);

impl<'de> Deserialize<'de> for IdText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = IdText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id")
            }
            fn visit_str<E>(self, v: &str) -> Result<IdText, E> {
                let v = v.trim();
                Ok(IdText((!v.is_empty()).then(|| v.to_string())))
            }
            fn visit_u64<E>(self, v: u64) -> Result<IdText, E> {
                Ok(IdText(Some(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<IdText, E> {
                Ok(IdText(Some(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<IdText, E> {
                Ok(IdText(v.is_finite().then(|| v.to_string())))
            }
            fn visit_bool<E>(self, _: bool) -> Result<IdText, E> {
                Ok(IdText(None))
            }
            fn visit_unit<E>(self) -> Result<IdText, E> {
                Ok(IdText(None))
            }
            arrays_give!(IdText(None));
            objects_give!(IdText(None));
        }
        d.deserialize_any(V)
    }
}

/// A list of ids; anything but an array reads as empty, non-ids are dropped.
#[derive(Default)]
pub(crate) struct IdList(pub(crate) Vec<String>);

impl<'de> Deserialize<'de> for IdList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = IdList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of ids")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<IdList, A::Error> {
                let mut out = Vec::new();
                while let Some(IdText(id)) = a.next_element::<IdText>()? {
                    out.extend(id);
                }
                Ok(IdList(out))
            }
            objects_give!(IdList(Vec::new()));
            fn visit_str<E>(self, _: &str) -> Result<IdList, E> {
                Ok(IdList(Vec::new()))
            }
            scalars_give!(IdList(Vec::new()));
        }
        d.deserialize_any(V)
    }
}

/// A name as pretalx writes it: text, or translations (`{"en": …, "de": …}`:
/// English, else the first text given).
#[derive(Default)]
pub(crate) struct I18n(pub(crate) Option<String>);

impl<'de> Deserialize<'de> for I18n {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = I18n;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name or its translations")
            }
            fn visit_str<E>(self, v: &str) -> Result<I18n, E> {
                Ok(I18n(Some(v.to_string())))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<I18n, A::Error> {
                let (mut english, mut first) = (None, None);
                while let Some((lang, Text(text))) = a.next_entry::<String, Text>()? {
                    if lang == "en" && english.is_none() {
                        english = text.clone();
                    }
                    if first.is_none() {
                        first = text;
                    }
                }
                Ok(I18n(english.or(first)))
            }
            arrays_give!(I18n(None));
            scalars_give!(I18n(None));
        }
        d.deserialize_any(V)
    }
}

/// A text in one or more languages: a string (in no named language: code
/// "") or an object of language code → text (`{"en": …, "de": …}`), its
/// texts in order; anything else, and a value in the object that is not a
/// string, reads as none. Both readers read it alike ([`tests::TRANSLATIONS`]).
#[derive(Default)]
pub(crate) struct Translations(pub(crate) Vec<(String, String)>);

impl<'de> Deserialize<'de> for Translations {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Translations;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or its translations")
            }
            fn visit_str<E>(self, v: &str) -> Result<Translations, E> {
                Ok(Translations(vec![(String::new(), v.to_string())]))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Translations, A::Error> {
                let mut out = Vec::new();
                while let Some((lang, Text(text))) = a.next_entry::<String, Text>()? {
                    out.extend(text.map(|t| (lang, t)));
                }
                Ok(Translations(out))
            }
            arrays_give!(Translations(Vec::new()));
            scalars_give!(Translations(Vec::new()));
        }
        d.deserialize_any(V)
    }
}

/// A count (a room's seats): a whole number of at least 0 is kept (also
/// written `1e3` or `30.0`); anything else reads as absent.
#[derive(Default)]
pub(crate) struct Count(pub(crate) Option<u64>);

impl Count {
    /// A JSON number's value, if it is a whole number of at least 0.
    pub(crate) fn of_f64(v: f64) -> Count {
        let whole = v.is_finite() && v >= 0.0 && v.fract() == 0.0;
        // `as` saturates: a count beyond u64 is u64::MAX, dropped as too large later.
        Count(whole.then_some(v as u64))
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E>(self, v: u64) -> Result<Count, E> {
                Ok(Count(Some(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Count, E> {
                Ok(Count(u64::try_from(v).ok()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Count, E> {
                Ok(Count::of_f64(v))
            }
            fn visit_str<E>(self, _: &str) -> Result<Count, E> {
                Ok(Count(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Count, E> {
                Ok(Count(None))
            }
            fn visit_unit<E>(self) -> Result<Count, E> {
                Ok(Count(None))
            }
            arrays_give!(Count(None));
            objects_give!(Count(None));
        }
        d.deserialize_any(V)
    }
}

/// A flag: `true` only for JSON `true`; anything else reads as false.
#[derive(Default)]
pub(crate) struct Flag(pub(crate) bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a flag")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Flag, E> {
                Ok(Flag(v))
            }
            fn visit_str<E>(self, _: &str) -> Result<Flag, E> {
                Ok(Flag(false))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Flag, E> {
                Ok(Flag(false))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Flag, E> {
                Ok(Flag(false))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Flag, E> {
                Ok(Flag(false))
            }
            fn visit_unit<E>(self) -> Result<Flag, E> {
                Ok(Flag(false))
            }
            arrays_give!(Flag(false));
            objects_give!(Flag(false));
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::json::{JsonError, Reader};

    /// A record of one text field, as each reader reads it.
    #[derive(Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Named {
        name: Text,
    }

    fn named_field(n: &mut Named, r: &mut Reader<'_>, key: &str) -> Result<(), JsonError> {
        match key {
            "name" => n.name = r.text()?,
            _ => r.skip()?,
        }
        Ok(())
    }

    impl std::fmt::Debug for Text {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.0.fmt(f)
        }
    }

    impl PartialEq for Text {
        fn eq(&self, other: &Text) -> bool {
            self.0 == other.0
        }
    }

    /// What a value reads as: as a [`Text`], a [`Texts`], an [`Item`] of a
    /// record with a `name` (`Some(name)`), and [`Items`] of such records.
    type Reading = (
        Option<&'static str>,
        &'static [&'static str],
        Option<Option<&'static str>>,
        &'static [Option<Option<&'static str>>],
    );

    /// The statement of leniency, case by case: a JSON value and its reading.
    pub(crate) const CASES: &[(&str, Reading)] = &[
        (r#""a""#, (Some("a"), &[], None, &[])),
        (r#""""#, (Some(""), &[], None, &[])),
        (r#"" spaced ""#, (Some(" spaced "), &[], None, &[])),
        ("5", (None, &[], None, &[])),
        ("-1.5e3", (None, &[], None, &[])),
        ("true", (None, &[], None, &[])),
        ("false", (None, &[], None, &[])),
        ("null", (None, &[], None, &[])),
        ("[]", (None, &[], None, &[])),
        (
            r#"["a", 1, "b", null, ["c"], {"name": "d"}, true]"#,
            (
                None,
                &["a", "b"],
                None,
                &[None, None, None, None, None, Some(Some("d")), None],
            ),
        ),
        ("{}", (None, &[], Some(None), &[])),
        (
            r#"{"name": "x", "other": [1, {"name": "y"}]}"#,
            (None, &[], Some(Some("x")), &[]),
        ),
        (r#"{"name": 5}"#, (None, &[], Some(None), &[])),
        (r#"{"name": ["x"]}"#, (None, &[], Some(None), &[])),
        (r#"{"name": {"en": "x"}}"#, (None, &[], Some(None), &[])),
        (r#"{"name": null}"#, (None, &[], Some(None), &[])),
        (
            r#"[{"name": "x"}, "s", {"name": [1]}, {}, 2]"#,
            (
                None,
                &["s"],
                None,
                &[Some(Some("x")), None, Some(None), Some(None), None],
            ),
        ),
    ];

    /// The whole of `json` read by the hand reader with `read`.
    fn hand<T>(json: &str, read: impl FnOnce(&mut Reader) -> Result<T, JsonError>) -> T {
        let mut r = Reader::new(json).unwrap();
        let value = read(&mut r).unwrap();
        r.end().unwrap();
        value
    }

    fn item(i: Item<Named>) -> Option<Option<String>> {
        i.0.map(|n| n.name.0)
    }

    #[test]
    fn both_readers_read_every_case_of_the_leniency_table_alike() {
        let owned = |r: &Reading| {
            let (text, texts, one, many) = *r;
            let own = |o: &Option<&str>| o.map(str::to_string);
            (
                own(&text),
                texts.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
                one.map(|n| own(&n)),
                many.iter().map(|i| i.map(|n| own(&n))).collect::<Vec<_>>(),
            )
        };
        for (json, reading) in CASES {
            let want = owned(reading);
            let by_serde = (
                serde_json::from_str::<Text>(json).unwrap().0,
                serde_json::from_str::<Texts>(json).unwrap().0,
                item(serde_json::from_str::<Item<Named>>(json).unwrap()),
                serde_json::from_str::<Items<Named>>(json)
                    .unwrap()
                    .0
                    .into_iter()
                    .map(item)
                    .collect::<Vec<_>>(),
            );
            assert_eq!(by_serde, want, "serde, {json}");
            let by_hand = (
                hand(json, |r| r.text()).0,
                hand(json, |r| r.texts()).0,
                item(hand(json, |r| r.item(named_field))),
                hand(json, |r| r.items(named_field))
                    .into_iter()
                    .map(item)
                    .collect::<Vec<_>>(),
            );
            assert_eq!(by_hand, want, "hand reader, {json}");
        }
    }

    /// A JSON value, its (language, text) pairs, its count.
    type TranslationCase = (
        &'static str,
        &'static [(&'static str, &'static str)],
        Option<u64>,
    );

    /// Texts in languages and counts, case by case: a JSON value, its
    /// reading as [`Translations`] and as [`Count`].
    pub(crate) const TRANSLATIONS: &[TranslationCase] = &[
        (r#""Hall""#, &[("", "Hall")], None),
        (
            r#"{"en": "Hall", "de": "Saal", "fr": 3, "it": null, "x": ["y"]}"#,
            &[("en", "Hall"), ("de", "Saal")],
            None,
        ),
        ("{}", &[], None),
        ("3025", &[], Some(3025)),
        ("0", &[], Some(0)),
        ("30.0", &[], Some(30)),
        ("1e3", &[], Some(1000)),
        ("-2", &[], None),
        ("2.5", &[], None),
        (r#""3025""#, &[("", "3025")], None),
        ("null", &[], None),
        ("true", &[], None),
        ("[1, \"a\"]", &[], None),
    ];

    #[test]
    fn both_readers_read_translations_and_counts_alike() {
        for (json, texts, count) in TRANSLATIONS {
            let want: Vec<(String, String)> = texts
                .iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect();
            let serde_texts = serde_json::from_str::<Translations>(json).unwrap().0;
            assert_eq!(serde_texts, want, "serde, {json}");
            assert_eq!(hand(json, |r| r.translations()).0, want, "hand, {json}");
            let serde_count = serde_json::from_str::<Count>(json).unwrap().0;
            assert_eq!(serde_count, *count, "serde, {json}");
            assert_eq!(hand(json, |r| r.count()).0, *count, "hand, {json}");
        }
    }

    /// The one nesting guard holds for both readers: the same text is
    /// refused at the same byte through the hand reader and through serde.
    #[test]
    fn both_readers_share_the_nesting_guard() {
        use crate::model::json::{read_with_serde, MAX_NESTING};
        let deep = format!(
            "{}\"x\"{}",
            "[".repeat(MAX_NESTING + 1),
            "]".repeat(MAX_NESTING + 1)
        );
        let by_hand = Reader::new(&deep).err();
        let by_serde = read_with_serde::<Texts>(&deep).err();
        assert_eq!(by_hand, Some(JsonError::TooDeep { at: MAX_NESTING }));
        assert_eq!(by_serde, by_hand);
        let fine = format!(
            "{}\"x\"{}",
            "[".repeat(MAX_NESTING),
            "]".repeat(MAX_NESTING)
        );
        assert!(Reader::new(&fine).is_ok());
        assert!(read_with_serde::<Texts>(&fine).is_ok());
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Probe {
        id: IdText,
        ids: IdList,
        name: I18n,
        flag: Flag,
        text: Text,
    }

    fn probe(json: &str) -> Probe {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn every_shape_reads_without_failing() {
        let p = probe(
            r#"{"id": 42, "ids": ["a", 7, null, [1], {"x": 1}], "name": {"de": "Saal", "en": "Hall"}, "flag": true, "text": "t"}"#,
        );
        assert_eq!(p.id.0.as_deref(), Some("42"));
        assert_eq!(p.ids.0, ["a", "7"]);
        assert_eq!(p.name.0.as_deref(), Some("Hall"));
        assert!(p.flag.0);
        assert_eq!(p.text.0.as_deref(), Some("t"));
        let q = probe(
            r#"{"id": [1], "ids": "a", "name": {"zh-tw": "休息"}, "flag": "yes", "text": {"a": [1]}}"#,
        );
        assert_eq!(q.id.0, None);
        assert!(q.ids.0.is_empty());
        assert_eq!(q.name.0.as_deref(), Some("休息"));
        assert!(!q.flag.0);
        assert_eq!(q.text.0, None);
        let r = probe(r#"{"id": " ", "name": 3, "flag": null}"#);
        assert_eq!((r.id.0, r.name.0, r.flag.0), (None, None, false));
    }

    /// frab, Sessionize and pretalx read an id written as a number alike
    /// (frab once kept `7.0`, which the others dropped with its session).
    #[test]
    fn every_importer_reads_a_numeric_id_alike() {
        use crate::model::import::parse_any;
        let time = r#""2020-01-01T10:00:00+01:00""#;
        let frab = format!(
            r#"{{"schedule":{{"conference":{{"title":"F","days":[{{"date":"2020-01-01","rooms":{{"R":[
            {{"id":7.0,"date":{time},"duration":"0:30","title":"T"}},{{"id":8,"date":{time},"duration":"0:30","title":"U"}}]}}}}]}}}}}}"#
        );
        let sessionize = format!(
            r#"{{"sessions":[{{"id":7.0,"title":"T","startsAt":{time},"endsAt":{time}}},
            {{"id":8,"title":"U","startsAt":{time},"endsAt":{time}}}],"speakers":[],"rooms":[]}}"#
        );
        let widget = format!(
            r#"{{"talks":[{{"id":7.0,"title":"T","start":{time},"end":{time}}},{{"id":8,"title":"U","start":{time},"end":{time}}}],"rooms":[]}}"#
        );
        for file in [frab, sessionize, widget] {
            let s = parse_any(&file).unwrap();
            // A pretalx slot without a code is "slot-<id>".
            let id =
                |x: &crate::model::schedule::Session| x.id.trim_start_matches("slot-").to_string();
            let mut ids: Vec<String> = s.sessions.iter().map(id).collect();
            ids.sort_unstable();
            assert_eq!(
                (ids, s.skipped),
                (vec!["7".to_string(), "8".into()], 0),
                "{file}"
            );
        }
        assert_eq!(probe(r#"{"id": 1.5}"#).id.0.as_deref(), Some("1.5"));
    }
}
