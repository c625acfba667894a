//! A small JSON reader for the start path: our own schedule format and the
//! detection of a file's format are read with it instead of serde's derived
//! code, which was the largest single piece of the start module. It reads
//! one value at a time into the caller's fields (no tree is built), with the
//! leniency stated once in [`super::lenient`] (a table of cases there is run
//! against both readers): a field of the wrong shape reads as absent, only
//! the file's skeleton must be right. Every error names its line and column.
//!
//! It also reads the values the app stores (the agenda, the settings, where
//! the open schedule came from, the conferences list), which are strict:
//! there a value of the wrong shape is an error, for the caller to handle;
//! and [`Writer`] writes them, as serde_json would.
//!
//! The one nesting guard of every JSON text the app reads is here:
//! [`check_nesting`], one scan of the bytes before any parse, run by
//! [`Reader::new`] and by [`read_with_serde`] (the other formats' serde
//! reading). Its recursion is then bounded for any text.

use std::fmt;

use super::words::tr;
use crate::trf;

use super::lenient::{Count, Item, Text, Texts, Translations};

/// The deepest nesting of lists and objects a JSON text may have
/// (serde_json's own limit for what it builds; skipped values have none).
pub const MAX_NESTING: usize = 128;

/// Why the JSON reader stopped: the reader's own error, which the callers
/// turn into theirs (a schedule's, a stored value's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON, or not of the shape asked for: "`what` at line L column C".
    Syntax(String),
    /// Lists and objects nested deeper than [`MAX_NESTING`], at this byte.
    TooDeep {
        /// The byte offset of the bracket one level too deep.
        at: usize,
    },
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax(why) => f.write_str(why),
            Self::TooDeep { at } => f.write_str(&trf!(
                "nested more than {max} levels deep (at byte {at})",
                max = MAX_NESTING,
                at = at
            )),
        }
    }
}

/// The nesting limit, checked by one scan of the bytes before any parse: a
/// hostile text of millions of `[` is refused at once, where a parser
/// skipping values would walk it to its end. Brackets inside strings do not count.
pub(crate) fn check_nesting(text: &str) -> Result<(), JsonError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(JsonError::TooDeep { at });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// A whole JSON text read by serde into `T` (the other formats' lenient
/// types), behind the same nesting guard as [`Reader`].
pub(crate) fn read_with_serde<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    check_nesting(text)?;
    serde_json::from_str(text).map_err(|e| {
        // serde's own words stay as they are; their place is said in the
        // reader's words.
        let words = e.to_string();
        let place = format!(" at line {} column {}", e.line(), e.column());
        match words.strip_suffix(&place) {
            Some(what) if e.line() > 0 => JsonError::Syntax(at_place(what, e.line(), e.column())),
            _ => JsonError::Syntax(words),
        }
    })
}

/// "`what` at line L column C", in the visitor's words.
fn at_place(what: &str, line: usize, column: usize) -> String {
    trf!(
        "{what} at line {line} column {column}",
        what = what,
        line = line,
        column = column
    )
}

/// What the next value is, from its first byte.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Object,
    Array,
    Str,
    Null,
    /// A number, `true` or `false`, or not JSON at all (reading it says which).
    Other,
}

/// Reads a JSON text from its start.
pub(crate) struct Reader<'a> {
    text: &'a str,
    at: usize,
}

type Res<T> = Result<T, JsonError>;

impl<'a> Reader<'a> {
    /// A reader at the start of `text`, once [`check_nesting`] passed it
    /// (so reading it recurses at most [`MAX_NESTING`] levels).
    pub(crate) fn new(text: &'a str) -> Res<Self> {
        check_nesting(text)?;
        Ok(Reader { text, at: 0 })
    }

    /// "`what` at line L column C", at the reader's place.
    pub(crate) fn error(&self, what: &str) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError::Syntax(at_place(what, line, column))
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte after white space, not taken.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes().get(self.at) {
            self.at += 1;
        }
        self.bytes().get(self.at).copied()
    }

    /// Takes `b` if it comes next.
    fn eat(&mut self, b: u8) -> bool {
        let next = self.peek() == Some(b);
        self.at += usize::from(next);
        next
    }

    /// Takes `b`, else fails with `what` (a `word!`, translated only then:
    /// the reader's hot path looks nothing up).
    fn expect(&mut self, b: u8, what: &'static str) -> Res<()> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.error(tr(what)))
        }
    }

    /// Takes the opening `b` of an object or list.
    fn open(&mut self, b: u8, what: &'static str) -> Res<()> {
        self.expect(b, what)
    }

    /// Takes the closing `b` if it comes next.
    fn close(&mut self, b: u8) -> bool {
        self.eat(b)
    }

    /// What the next value is.
    pub(crate) fn kind(&mut self) -> Kind {
        match self.peek() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::Str,
            Some(b'n') => Kind::Null,
            _ => Kind::Other,
        }
    }

    /// Nothing but white space is left.
    pub(crate) fn end(&mut self) -> Res<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error(tr("trailing characters"))),
        }
    }

    /// An object: `each` reads the value of every key, in order.
    pub(crate) fn object(&mut self, each: &mut dyn FnMut(&mut Self, &str) -> Res<()>) -> Res<()> {
        self.open(b'{', crate::word!("expected an object"))?;
        if self.close(b'}') {
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error(tr("expected a key in quotes")));
            }
            let key = self.string()?;
            self.expect(b':', crate::word!("expected `:`"))?;
            each(self, &key)?;
            if self.close(b'}') {
                return Ok(());
            }
            self.expect(b',', crate::word!("expected `,` or `}`"))?;
        }
    }

    /// An array: `each` reads every element, in order.
    pub(crate) fn array(&mut self, each: &mut dyn FnMut(&mut Self) -> Res<()>) -> Res<()> {
        self.open(b'[', crate::word!("expected a list"))?;
        if self.close(b']') {
            return Ok(());
        }
        loop {
            each(self)?;
            if self.close(b']') {
                return Ok(());
            }
            self.expect(b',', crate::word!("expected `,` or `]`"))?;
        }
    }

    /// Any value, read past (checked, not kept).
    pub(crate) fn skip(&mut self) -> Res<()> {
        match self.kind() {
            Kind::Object => self.object(&mut |r, _| r.skip()),
            Kind::Array => self.array(&mut |r| r.skip()),
            Kind::Str => self.string().map(drop),
            _ => self.scalar().map(drop),
        }
    }

    /// `null`, `true`, `false` or a number; a number is given back as written.
    fn scalar(&mut self) -> Res<Option<&'a str>> {
        self.peek();
        let rest = &self.text[self.at..];
        for word in ["null", "true", "false"] {
            if rest.starts_with(word) {
                self.at += word.len();
                return Ok(None);
            }
        }
        let b = rest.as_bytes();
        let digits =
            |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let mut end = usize::from(b.first() == Some(&b'-'));
        let int = digits(end);
        if int == end || (b[end] == b'0' && int > end + 1) {
            self.at += end;
            return Err(self.error(tr("expected a value")));
        }
        end = int;
        if b.get(end) == Some(&b'.') {
            let frac = digits(end + 1);
            if frac == end + 1 {
                self.at += frac;
                return Err(self.error(tr("expected a digit")));
            }
            end = frac;
        }
        if let Some(b'e' | b'E') = b.get(end) {
            let sign = end + 1 + usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
            let exp = digits(sign);
            if exp == sign {
                self.at += exp;
                return Err(self.error(tr("expected a digit")));
            }
            end = exp;
        }
        self.at += end;
        Ok(Some(&rest[..end]))
    }

    /// A string, its escapes undone.
    pub(crate) fn string(&mut self) -> Res<String> {
        self.expect(b'"', crate::word!("expected a text in quotes"))?;
        let mut out = String::new();
        loop {
            let start = self.at;
            let run = self.bytes()[start..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(run) = run else {
                self.at = self.text.len();
                return Err(self.error(tr("the file ends inside a text")));
            };
            self.at += run;
            out.push_str(&self.text[start..self.at]);
            match self.bytes()[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(self.error(tr("a control character inside a text"))),
            }
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, out: &mut String) -> Res<()> {
        let Some(&b) = self.bytes().get(self.at) else {
            return Err(self.error(tr("the file ends inside a text")));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.error(tr("a lone surrogate in a \\u escape")));
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error(tr("a lone surrogate in a \\u escape")));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code)
                    .ok_or_else(|| self.error(tr("a lone surrogate in a \\u escape")))?
            }
            _ => {
                self.at -= 1;
                return Err(self.error(tr("an invalid escape")));
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Res<u32> {
        let digits = self.text.get(self.at..self.at + 4);
        let value = digits
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        let value = value.ok_or_else(|| self.error(tr("an invalid \\u escape")))?;
        self.at += 4;
        Ok(value)
    }

    // ---- Lenient readers: the shapes of `super::lenient`, without serde ----

    /// A text field: a string is kept, any other value reads as absent.
    pub(crate) fn text(&mut self) -> Res<Text> {
        if self.kind() == Kind::Str {
            return self.string().map(|s| Text(Some(s)));
        }
        self.skip().map(|()| Text(None))
    }

    /// A list of texts: anything but a list reads as empty, non-texts are dropped.
    pub(crate) fn texts(&mut self) -> Res<Texts> {
        let mut out = Vec::new();
        if self.kind() != Kind::Array {
            return self.skip().map(|()| Texts(out));
        }
        self.array(&mut |r| {
            out.extend(r.text()?.0);
            Ok(())
        })?;
        Ok(Texts(out))
    }

    /// A text or its translations ([`Translations`]): a string, or an
    /// object of language → text; anything else reads as none.
    pub(crate) fn translations(&mut self) -> Res<Translations> {
        let mut out = Vec::new();
        match self.kind() {
            Kind::Str => out.push((String::new(), self.string()?)),
            Kind::Object => self.object(&mut |r, lang| {
                out.extend(r.text()?.0.map(|t| (lang.to_string(), t)));
                Ok(())
            })?,
            _ => self.skip()?,
        }
        Ok(Translations(out))
    }

    /// A count ([`Count`]): a whole number of at least 0; anything else
    /// reads as absent.
    pub(crate) fn count(&mut self) -> Res<Count> {
        if self.kind() != Kind::Other {
            return self.skip().map(|()| Count(None));
        }
        let Some(number) = self.scalar()? else {
            return Ok(Count(None));
        };
        Ok(Count(count_value(number)))
    }

    /// A record: an object whose fields `field` reads (unknown keys are
    /// read past by it), into `T`'s defaults.
    pub(crate) fn record<T: Default>(&mut self, field: Field<T>) -> Res<T> {
        let mut t = T::default();
        self.object(&mut |r, key| field(&mut t, r, key))?;
        Ok(t)
    }

    /// A list element that should be a record; anything else is `Item(None)`.
    pub(crate) fn item<T: Default>(&mut self, field: Field<T>) -> Res<Item<T>> {
        if self.kind() == Kind::Object {
            return self.record(field).map(|t| Item(Some(t)));
        }
        self.skip().map(|()| Item(None))
    }

    /// A list of records, which must be a list (`what` names it).
    pub(crate) fn list<T: Default>(&mut self, what: &str, field: Field<T>) -> Res<Vec<Item<T>>> {
        if self.kind() != Kind::Array {
            return Err(self.error(&trf!("`{what}` should be a list", what = what)));
        }
        self.items(field)
    }

    /// A list of records; anything but a list reads as empty.
    pub(crate) fn items<T: Default>(&mut self, field: Field<T>) -> Res<Vec<Item<T>>> {
        let mut out = Vec::new();
        if self.kind() != Kind::Array {
            return self.skip().map(|()| out);
        }
        self.array(&mut |r| {
            out.push(r.item(field)?);
            Ok(())
        })?;
        Ok(out)
    }

    // ---- Strict readers: the values the app stores ----

    /// `true` or `false` (`what` names the field).
    pub(crate) fn boolean(&mut self, what: &str) -> Res<bool> {
        self.peek();
        for (word, value) in [("true", true), ("false", false)] {
            if self.text[self.at..].starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        Err(self.error(&trf!("`{what}` should be true or false", what = what)))
    }

    /// One of `all`, by its stored name (`name`); `what` names the field.
    pub(crate) fn one_of<T: Copy>(
        &mut self,
        all: &[T],
        name: fn(T) -> &'static str,
        what: &str,
    ) -> Res<T> {
        let text = self.string()?;
        all.iter()
            .copied()
            .find(|t| name(*t) == text)
            .ok_or_else(|| self.error(&trf!("an unknown {what}", what = what)))
    }

    /// A string, or null (`None`).
    pub(crate) fn optional_string(&mut self) -> Res<Option<String>> {
        if self.null()? {
            return Ok(None);
        }
        self.string().map(Some)
    }

    /// A list of strings.
    pub(crate) fn strings(&mut self) -> Res<Vec<String>> {
        let mut out = Vec::new();
        self.array(&mut |r| {
            out.push(r.string()?);
            Ok(())
        })?;
        Ok(out)
    }

    /// A whole stored value: `read` takes it from the start, and nothing but
    /// white space may follow it. An error's words name its place.
    pub(crate) fn whole<T>(
        text: &str,
        read: impl FnOnce(&mut Reader) -> Res<T>,
    ) -> Result<T, String> {
        let value = Reader::new(text).and_then(|mut r| {
            let v = read(&mut r)?;
            r.end().map(|()| v)
        });
        value.map_err(|e| e.to_string())
    }

    /// `null`, read; false (nothing read) for anything else.
    pub(crate) fn null(&mut self) -> Res<bool> {
        if self.kind() == Kind::Null {
            return self.scalar().map(|_| true);
        }
        Ok(false)
    }

    /// A whole number of at least 0, or null (`what` names the field).
    pub(crate) fn whole_number(&mut self, what: &str) -> Res<Option<u64>> {
        if self.null()? {
            return Ok(None);
        }
        let start = self.at;
        let number = match self.kind() {
            Kind::Other => self.scalar()?,
            _ => None,
        };
        match number.and_then(|n| n.parse().ok()) {
            Some(n) => Ok(Some(n)),
            None => {
                self.at = start;
                Err(self.error(&trf!("`{what}` should be a whole number", what = what)))
            }
        }
    }
}

/// Reads one field of a record: its key, and the reader at its value.
pub(crate) type Field<T> = fn(&mut T, &mut Reader<'_>, &str) -> Res<()>;

/// A stored record's text fields, one list for its reader and its writer
/// (a field's place in it is its place in the stored form):
/// `stored_texts!(Entry: "title" => title, "start" => start)` gives
/// `Entry::write_texts` and `Entry::read_stored`. A record with fields of
/// other kinds names their reader after the list (`; other read_level`):
/// `fn(&mut Entry, &mut Reader, key) -> Result<bool, _>`, true when it read
/// the key's value.
macro_rules! stored_texts {
    ($ty:ty: $($key:literal => $field:ident),+ $(; other $other:path)? $(,)?) => {
        impl $ty {
            /// Writes the text fields, in their order.
            fn write_texts(&self, w: &mut $crate::model::json::Writer) {
                $(w.field($key).text(&self.$field);)+
            }

            /// The text fields' keys, in their order.
            const STORED_KEYS: &'static [&'static str] = &[$($key),+];

            /// Every text field, as [`Self::read_stored`]'s `needed`.
            #[allow(dead_code)]
            const TEXTS: u32 = (1 << Self::STORED_KEYS.len()) - 1;

            /// A field the other fields' reader took, as `needed`.
            #[allow(dead_code)]
            const OTHER: u32 = 1 << Self::STORED_KEYS.len();

            /// These text fields, as `needed` (a name not among them is a
            /// field never seen, so a record always lacks it).
            #[allow(dead_code)]
            fn texts(names: &[&str]) -> u32 {
                names.iter().fold(0, |bits, name| {
                    bits | Self::STORED_KEYS.iter().position(|k| k == name).map_or(1 << 31, |at| 1 << at)
                })
            }

            /// Reads one stored record; unknown keys are read past. An
            /// error saying `missing` unless every field in `needed` was
            /// there ([`Self::TEXTS`], [`Self::OTHER`], [`Self::texts`]).
            fn read_stored(
                r: &mut $crate::model::json::Reader,
                needed: u32,
                missing: &'static str,
            ) -> Result<Self, $crate::model::json::JsonError> {
                let (record, seen) = r.record(|(t, seen): &mut ($ty, u32), r, key| {
                    let bit = if let Some(at) = <$ty>::STORED_KEYS.iter().position(|k| *k == key) {
                        *[$(&mut t.$field),+][at] = r.string()?;
                        at
                    }
                    $(else if $other(t, r, key)? {
                        <$ty>::STORED_KEYS.len()
                    })?
                    else {
                        return r.skip();
                    };
                    *seen |= 1 << bit;
                    Ok(())
                })?;
                if seen & needed != needed {
                    return Err(r.error($crate::model::words::tr(missing)));
                }
                Ok(record)
            }
        }
    };
}
pub(crate) use stored_texts;

/// Writes the values the app stores, byte for byte as serde_json writes
/// them (no serde code on the start path):
/// `write(|w| w.object(|w| w.field("v").number(2)))` is `{"v":2}`.
pub(crate) struct Writer {
    out: String,
    /// No value written yet at this level (no comma before the next).
    first: bool,
}

/// The JSON text `value` writes.
pub(crate) fn write(value: impl FnOnce(&mut Writer)) -> String {
    let mut w = Writer {
        out: String::new(),
        first: true,
    };
    value(&mut w);
    w.out
}

impl Writer {
    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// The next field of an object: its key; then its value.
    pub(crate) fn field(&mut self, key: &str) -> &mut Self {
        self.separate();
        self.text(key);
        self.out.push(':');
        self
    }

    /// The next element of a list; then its value.
    pub(crate) fn element(&mut self) -> &mut Self {
        self.separate();
        self
    }

    fn nest(&mut self, open: char, close: char, body: impl FnOnce(&mut Self)) {
        self.out.push(open);
        let outer = std::mem::replace(&mut self.first, true);
        body(self);
        self.first = outer;
        self.out.push(close);
    }

    /// An object: `fields` writes its fields.
    pub(crate) fn object(&mut self, fields: impl FnOnce(&mut Self)) {
        self.nest('{', '}', fields);
    }

    /// A list: `elements` writes its elements.
    pub(crate) fn array(&mut self, elements: impl FnOnce(&mut Self)) {
        self.nest('[', ']', elements);
    }

    /// A string, escaped as serde_json escapes it.
    pub(crate) fn text(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let b = c as usize;
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[b >> 4]));
                    self.out.push(char::from(HEX[b & 15]));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// A whole number.
    pub(crate) fn number(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
    }

    /// `true` or `false`.
    pub(crate) fn boolean(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }
}

/// A JSON number that is a whole number of 0 or more ("3025", "30.0",
/// "1e3"), read exactly as serde reads it through a float, without the
/// float parser (its code would be in every first load: this reader is
/// the start's). None for a fraction, a negative number or one beyond `u64`.
fn count_value(number: &str) -> Option<u64> {
    let (mantissa, exponent) = match number.find(['e', 'E']) {
        Some(at) => (&number[..at], number[at + 1..].parse::<i32>().ok()?),
        None => (number, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int = int.strip_prefix('-').map_or(Some(int), |digits| {
        // Only a negative zero is 0 or more.
        (digits.bytes().chain(frac.bytes()).all(|b| b == b'0')).then_some(digits)
    })?;
    let digits: String = int.chars().chain(frac.chars()).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The value is digits × 10^(exponent − the fraction's length).
    let shift = exponent.checked_sub(i32::try_from(frac.len()).ok()?)?;
    let (kept, dropped) = if shift >= 0 {
        (digits.as_str(), "")
    } else {
        let cut = digits.len().saturating_sub(shift.unsigned_abs() as usize);
        digits.split_at(cut)
    };
    if !dropped.bytes().all(|b| b == b'0') {
        return None;
    }
    let mut n = kept
        .trim_start_matches('0')
        .parse::<u64>()
        .or_else(|e| {
            if kept.bytes().all(|b| b == b'0') {
                Ok(0)
            } else {
                Err(e)
            }
        })
        .ok()?;
    for _ in 0..shift.max(0) {
        if n == 0 {
            break;
        }
        n = n.checked_mul(10)?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_whole_number_is_read_without_floats() {
        let cases: &[(&str, Option<u64>)] = &[
            ("3025", Some(3025)),
            ("0", Some(0)),
            ("-0", Some(0)),
            ("-0.0", Some(0)),
            ("30.0", Some(30)),
            ("30.500", None),
            ("1e3", Some(1000)),
            ("1E+3", Some(1000)),
            ("2500e-2", Some(25)),
            ("2550e-2", None),
            ("0.0e5", Some(0)),
            ("-2", None),
            ("2.5", None),
            ("18446744073709551615", Some(u64::MAX)),
            ("18446744073709551616", None),
            ("1e30", None),
        ];
        for (text, want) in cases {
            assert_eq!(count_value(text), *want, "{text}");
            // serde reads these through a float: the same answer where the
            // float is exact (beyond u64 it saturates, and a room's capacity
            // over u32 is dropped either way).
            let float: f64 = text.parse().unwrap();
            if float.abs() < 1e15 && !text.starts_with('-') {
                let by_float = (float.fract() == 0.0).then_some(float as u64);
                assert_eq!(count_value(text), by_float, "{text} as a float");
            }
        }
    }

    use super::*;

    fn texts_of(json: &str) -> Res<Vec<String>> {
        let mut r = Reader::new(json)?;
        let t = r.texts()?;
        r.end()?;
        Ok(t.0)
    }

    fn message(e: JsonError) -> String {
        match e {
            JsonError::Syntax(m) => m,
            other => panic!("not a syntax error: {other:?}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        // Every escape, a surrogate pair, numbers of every shape skipped.
        let json = r#" [ "a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00", 1, -0.5e+3, true, null,
            {"k": [1, {"x": false}]}, "plain" ] "#;
        let got = texts_of(json).unwrap();
        let want: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(json)
            .unwrap()
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert_eq!(got, want);
        assert_eq!(got[1], "é😀");
    }

    #[test]
    fn refuses_what_serde_json_refuses_naming_the_place() {
        for (bad, place) in [
            ("[1,]", "line 1 column 4"),
            ("[\n  01]", "line 2 column 3"),
            ("[\"a]", "line 1 column 5"),
            ("[\"\\x\"]", "line 1 column 4"),
            ("[\"\\ud800\"]", "line 1 column 9"),
            ("[\"tab\there\"]", "line 1 column 6"),
            ("[1.]", "line 1 column 4"),
            ("[tru]", "line 1 column 2"),
            ("{\"a\" 1}", "line 1 column 6"),
            ("{\"a\": 1 \"b\": 2}", "line 1 column 9"),
            ("{1: 2}", "line 1 column 2"),
            ("[1] x", "line 1 column 5"),
            ("[é, 1]", "line 1 column 2"),
        ] {
            assert!(
                serde_json::from_str::<serde_json::Value>(bad).is_err(),
                "{bad}"
            );
            let mut r = Reader::new(bad).unwrap();
            let err = r.skip().and_then(|()| r.end()).unwrap_err();
            let m = message(err);
            assert!(m.ends_with(place), "{bad}: {m}");
        }
    }

    #[test]
    fn lenient_fields_read_any_shape_as_absent() {
        #[derive(Default, Debug, PartialEq)]
        struct Probe {
            name: Option<String>,
        }
        fn field(p: &mut Probe, r: &mut Reader<'_>, key: &str) -> Res<()> {
            match key {
                "name" => p.name = r.text()?.0,
                _ => r.skip()?,
            }
            Ok(())
        }
        let mut r =
            Reader::new(r#"[{"name": 5, "x": {}}, "no", {"name": "yes"}, [1], {"name": ["a"]}]"#)
                .unwrap();
        let items: Vec<Option<Probe>> = r.items(field).unwrap().into_iter().map(|i| i.0).collect();
        assert_eq!(
            items,
            vec![
                Some(Probe { name: None }),
                None,
                Some(Probe {
                    name: Some("yes".into())
                }),
                None,
                Some(Probe { name: None }),
            ]
        );
        // Anything but a list is an empty list for `items`, an error for `list`.
        assert!(Reader::new("{}").unwrap().items(field).unwrap().is_empty());
        let Err(e) = Reader::new("\n {}").unwrap().list("tracks", field) else {
            panic!("an object read as a list");
        };
        let m = message(e);
        assert_eq!(m, "`tracks` should be a list at line 2 column 2");
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(
            Reader::new("1").unwrap().whole_number("v").unwrap(),
            Some(1)
        );
        assert_eq!(
            Reader::new("null").unwrap().whole_number("v").unwrap(),
            None
        );
        for bad in ["1.0", "-1", "\"1\"", "[]", "1e3"] {
            let m = message(
                Reader::new(bad)
                    .unwrap()
                    .whole_number("version")
                    .unwrap_err(),
            );
            assert_eq!(
                m, "`version` should be a whole number at line 1 column 1",
                "{bad}"
            );
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        for text in [
            "plain",
            "",
            "quote \" backslash \\ slash / tab \t new\nline \r",
            "\u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f} é ☃ 🎉",
        ] {
            let ours = write(|w| {
                w.object(|w| {
                    w.field(text).text(text);
                    w.field("list").array(|w| {
                        w.element().text(text);
                        w.element().number(u64::MAX);
                        w.element().boolean(true);
                        w.element().object(|_| {});
                        w.element().array(|_| {});
                    });
                    w.field("n").number(0);
                    w.field("b").boolean(false);
                })
            });
            let theirs = serde_json::json!({
                text: text,
                "list": [text, u64::MAX, true, {}, []],
                "n": 0,
                "b": false,
            });
            // serde_json's map is sorted by key: compare as values, and the
            // escapes as serde_json writes a string.
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&ours).unwrap(),
                theirs
            );
            assert!(
                ours.contains(&serde_json::to_string(text).unwrap()),
                "{ours}"
            );
        }
    }
}
