//! The organiser's venue file (`docs/venue-format.md`; native only: the
//! build step reads it with `--venue`): for each room the schedule names, a
//! floor, directions, a map (an image file deployed with the site, or a
//! link) and links, merged into the schedule's rooms. A file that cannot be
//! used stops the build with its line and the problem in words
//! ([`VenueError`]): a typo must not deploy a venue quietly wrong.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::schedule::{non_empty, RoomLink, RoomLinkKind, Schedule};

/// The kinds of image a map may be, by the file's extension (any case).
pub const IMAGE_KINDS: [&str; 6] = ["png", "jpg", "jpeg", "webp", "svg", "gif"];

/// The folder of the site the map images are copied to ("venue/club-a.svg").
pub const IMAGE_FOLDER: &str = "venue";

/// Why the venue file cannot be used: the file as it was named, the line
/// (1-based) and the problem in words. Shown as `venue.json:12: problem`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VenueError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for VenueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.problem)
    }
}

impl std::error::Error for VenueError {}

/// A venue file, read: its rooms' entries in the file's order, each with
/// the lines its parts are on, checked against a schedule by [`Venue::merge`].
#[derive(Debug)]
pub struct Venue {
    /// The file as it was named (messages name it so).
    file: String,
    /// The folder a map image's path is relative to: the file's own.
    dir: PathBuf,
    entries: Vec<Entry>,
}

/// One room's entry: its key, and what it says, with lines.
#[derive(Debug)]
struct Entry {
    key: String,
    line: usize,
    room: RawRoom,
    map_line: usize,
    directions_line: usize,
    /// The line of each of `room.links`.
    link_lines: Vec<usize>,
}

/// A map image to deploy: the file, and its path under the site's base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapImage {
    pub from: PathBuf,
    /// "venue/club-a.svg": also the room's `map_image`.
    pub to: String,
    /// Its bytes, as read and checked (what the site serves).
    pub bytes: Vec<u8>,
}

/// How the merge reads a map image: `std::fs::read` in the build step; the
/// model itself touches no file.
pub type ReadFile<'a> = &'a dyn Fn(&Path) -> std::io::Result<Vec<u8>>;

/// What a merge did: how many rooms it changed, and the images to copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub rooms: usize,
    pub images: Vec<MapImage>,
}

// ---- The file's shape (serde: unknown fields refused) -----------------------

/// What an object of the file is, as a message names it.
trait Named {
    const WHAT: &'static str;
}

/// A `T` read only from a JSON object (serde_json would also take a
/// struct's fields from an array, in order: a broken file would pass).
#[derive(Debug)]
struct Object<T>(T);

impl<'de, T: Deserialize<'de> + Named> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Named> Visitor<'de> for Fields<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(T::WHAT)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }
        d.deserialize_map(Fields(PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVenue {
    rooms: Entries,
}

impl Named for RawVenue {
    const WHAT: &'static str = r#"the venue's object, {"rooms": {…}}"#;
}

/// The `rooms` object's members in the file's order, a key given twice
/// included (a map type would keep one of them silently).
#[derive(Debug)]
struct Entries(Vec<(String, RawRoom)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of room name or id → what the venue says about it")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut out = Vec::new();
                while let Some((key, Object(room))) = map.next_entry::<String, Object<RawRoom>>()? {
                    out.push((key, room));
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(InOrder)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoom {
    floor: Option<String>,
    directions: Option<String>,
    map: Option<String>,
    #[serde(default)]
    links: Vec<Object<RawLink>>,
}

impl Named for RawRoom {
    const WHAT: &'static str =
        r#"a room's object, {"floor": …, "directions": …, "map": …, "links": […]}"#;
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    kind: Option<String>,
    url: String,
    title: Option<String>,
}

impl Named for RawLink {
    const WHAT: &'static str = r#"a link's object, {"kind": …, "url": …, "title": …}"#;
}

impl Venue {
    /// Read the venue file at `path` (its text `text`): its shape, and where
    /// each part is. A map image's path is relative to the file's folder.
    pub fn read(path: &Path, text: &str) -> Result<Venue, VenueError> {
        let file = path.display().to_string();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Venue::read_in(&file, &dir, text)
    }

    fn read_in(file: &str, dir: &Path, text: &str) -> Result<Venue, VenueError> {
        let error = |line: usize, problem: String| VenueError {
            file: file.to_string(),
            line: line.max(1),
            problem,
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(error(1, "the file is empty".into()));
        }
        let Object(raw) = serde_json::from_str::<Object<RawVenue>>(text).map_err(|e| {
            let message = e.to_string();
            let problem = match message.rfind(" at line ") {
                Some(at) => message[..at].to_string(),
                None => message,
            };
            error(e.line(), problem)
        })?;
        let lines = Lines::scan(text);
        let entries = raw
            .rooms
            .0
            .into_iter()
            .enumerate()
            .map(|(i, (key, room))| {
                let line = lines.find(&[Want::Key("rooms"), Want::At(i)]).unwrap_or(1);
                // A field's line, else its room's.
                let at = |field: &str| {
                    lines
                        .find(&[Want::Key("rooms"), Want::At(i), Want::Key(field)])
                        .unwrap_or(line)
                };
                let link_lines = (0..room.links.len())
                    .map(|j| {
                        let link = [
                            Want::Key("rooms"),
                            Want::At(i),
                            Want::Key("links"),
                            Want::At(j),
                        ];
                        lines.find(&link).unwrap_or(line)
                    })
                    .collect();
                Entry {
                    map_line: at("map"),
                    directions_line: at("directions"),
                    key,
                    line,
                    room,
                    link_lines,
                }
            })
            .collect();
        Ok(Venue {
            file: file.to_string(),
            dir: dir.to_path_buf(),
            entries,
        })
    }

    fn error(&self, line: usize, problem: String) -> VenueError {
        VenueError {
            file: self.file.clone(),
            line,
            problem,
        }
    }

    /// Merge what the file says into the rooms of `schedule`: a floor
    /// replaces the schedule's, directions (text) and a map image are set,
    /// an http(s) map or directions and the links are added as links. A
    /// room the schedule does not name, a room named twice, a map image
    /// that is missing or of another kind, a link that is not http(s) stop
    /// it with their line. The images are read with `read` and checked,
    /// not written: the caller writes [`Merged::images`].
    pub fn merge(&self, schedule: &mut Schedule, read: ReadFile) -> Result<Merged, VenueError> {
        let mut merged = Merged::default();
        // (room, the line that named it)
        let mut named: Vec<(usize, usize)> = Vec::new();
        let mut stems: HashSet<String> = HashSet::new();
        for entry in &self.entries {
            let key = entry.key.trim();
            if key.is_empty() {
                return Err(self.error(entry.line, "a room's name is empty".into()));
            }
            let index = self.room_of(schedule, key, entry.line)?;
            if let Some((_, before)) = named.iter().find(|(r, _)| *r == index) {
                return Err(self.error(
                    entry.line,
                    format!(
                        "room \"{}\" is named again (as \"{key}\"): line {before} gives it already",
                        schedule.rooms[index].name
                    ),
                ));
            }
            named.push((index, entry.line));
            let id = schedule.rooms[index].id.clone();
            let map = self.map(entry, &id, &mut stems, read)?;
            let directions = self.directions(entry)?;
            let mut links = Vec::new();
            for (Object(link), &line) in entry.room.links.iter().zip(&entry.link_lines) {
                links.push(self.link(link, line)?);
            }
            let room = &mut schedule.rooms[index];
            if let Some(floor) = non_empty(entry.room.floor.clone()) {
                room.floor = Some(floor);
            }
            match directions {
                Some(Said::Text(text)) => room.directions = Some(text),
                Some(Said::Link(link)) => links.insert(0, link),
                _ => {}
            }
            match map {
                Some(Said::Image(image)) => {
                    room.map_image = Some(image.to.clone());
                    merged.images.push(image);
                }
                Some(Said::Link(link)) => links.insert(0, link),
                _ => {}
            }
            for link in links {
                let known = room
                    .links
                    .iter()
                    .any(|l| l.kind == link.kind && l.url == link.url);
                if !known {
                    room.links.push(link);
                }
            }
            merged.rooms += 1;
        }
        Ok(merged)
    }

    /// The room `key` names, by its name or its id.
    fn room_of(&self, schedule: &Schedule, key: &str, line: usize) -> Result<usize, VenueError> {
        let by_name = schedule.rooms.iter().position(|r| r.name == key);
        let by_id = schedule.rooms.iter().position(|r| r.id == key);
        match (by_name, by_id) {
            (Some(a), Some(b)) if a != b => Err(self.error(
                line,
                format!(
                    "\"{key}\" names two rooms: \"{}\" by its name and \"{}\" by its id; give the other room's name or id",
                    schedule.rooms[a].name, schedule.rooms[b].name
                ),
            )),
            (Some(i), _) | (None, Some(i)) => Ok(i),
            (None, None) => {
                const SHOWN: usize = 12;
                let names: Vec<&str> = schedule
                    .rooms
                    .iter()
                    .take(SHOWN)
                    .map(|r| r.name.as_str())
                    .collect();
                let more = schedule.rooms.len().saturating_sub(SHOWN);
                let rooms = match (names.is_empty(), more) {
                    (true, _) => "it names none".to_string(),
                    (false, 0) => format!("its rooms: {}", names.join(", ")),
                    (false, n) => format!("its rooms: {}, and {n} more", names.join(", ")),
                };
                Err(self.error(
                    line,
                    format!("no room \"{key}\" in the schedule ({rooms})"),
                ))
            }
        }
    }

    /// The entry's `map`: an http(s) link, or an image file beside the
    /// venue file, checked (it exists, and is the image its name says).
    fn map(
        &self,
        entry: &Entry,
        id: &str,
        stems: &mut HashSet<String>,
        read: ReadFile,
    ) -> Result<Option<Said>, VenueError> {
        let Some(map) = non_empty(entry.room.map.clone()) else {
            return Ok(None);
        };
        let line = entry.map_line;
        if let Some(link) = web_link(RoomLinkKind::Map, &map, None) {
            return Ok(Some(Said::Link(link)));
        }
        if looks_like_address(&map) {
            return Err(self.error(
                line,
                format!(
                    "map \"{map}\" is neither an http(s) address nor the path of an image file"
                ),
            ));
        }
        let ext = Path::new(&map)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if !IMAGE_KINDS.contains(&ext.as_str()) {
            return Err(self.error(
                line,
                format!(
                    "map \"{map}\" is not an image the site can show: its name should end in .{}",
                    IMAGE_KINDS.join(", .")
                ),
            ));
        }
        // Beside the venue file or below it, as docs/venue-format.md says.
        let inside = Path::new(&map).components().all(|c| {
            matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
        if !inside {
            return Err(self.error(
                line,
                format!("map \"{map}\" is not a path inside the venue file's folder (no absolute path, no \"..\")"),
            ));
        }
        let from = self.dir.join(&map);
        let bytes = match read(&from) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(self.error(
                    line,
                    format!("map \"{map}\": there is no such file ({})", from.display()),
                ))
            }
            Err(e) => {
                return Err(self.error(
                    line,
                    format!("map \"{map}\" could not be read ({}): {e}", from.display()),
                ))
            }
        };
        if !is_image(&ext, &bytes) {
            return Err(self.error(
                line,
                format!(
                    "map \"{map}\" does not hold a {} image",
                    ext.to_ascii_uppercase()
                ),
            ));
        }
        let stem = unique_stem(id, stems);
        Ok(Some(Said::Image(MapImage {
            from,
            to: format!("{IMAGE_FOLDER}/{stem}.{ext}"),
            bytes,
        })))
    }

    /// The entry's `directions`: words, or an http(s) link.
    fn directions(&self, entry: &Entry) -> Result<Option<Said>, VenueError> {
        let Some(text) = non_empty(entry.room.directions.clone()) else {
            return Ok(None);
        };
        if let Some(link) = web_link(RoomLinkKind::Directions, &text, None) {
            return Ok(Some(Said::Link(link)));
        }
        if looks_like_address(&text) {
            return Err(self.error(
                entry.directions_line,
                format!("directions \"{text}\" is an address but not http(s)"),
            ));
        }
        Ok(Some(Said::Text(text)))
    }

    /// One of the entry's `links`: a known kind and an http(s) address.
    fn link(&self, link: &RawLink, line: usize) -> Result<RoomLink, VenueError> {
        let kind = match link.kind.as_deref().map(str::trim) {
            None | Some("") => RoomLinkKind::Other,
            Some(word) => RoomLinkKind::from_name(word).ok_or_else(|| {
                self.error(
                    line,
                    format!("link kind \"{word}\" is none of stream, map, directions, other"),
                )
            })?,
        };
        web_link(kind, &link.url, link.title.clone()).ok_or_else(|| {
            self.error(
                line,
                format!("link \"{}\" is not an http(s) address", link.url.trim()),
            )
        })
    }
}

/// What a field said, once checked.
enum Said {
    Text(String),
    Link(RoomLink),
    Image(MapImage),
}

/// A link of `kind` if `url` is http(s) and nothing but the address.
fn web_link(kind: RoomLinkKind, url: &str, title: Option<String>) -> Option<RoomLink> {
    if url.trim().contains(char::is_whitespace) {
        return None;
    }
    RoomLink::new(kind, Some(url.to_string()), title)
}

/// Whether a text without spaces reads as an address of some scheme
/// (`ftp://…`, `javascript:…`, `data:…`) rather than words or a path.
fn looks_like_address(text: &str) -> bool {
    let text = text.trim();
    if text.contains(char::is_whitespace) {
        return false;
    }
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    // A Windows path's drive ("C:\maps\a.png") is one letter.
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// Whether `bytes` are an image of the kind `ext` names (its signature; an
/// SVG's `<svg` element).
fn is_image(ext: &str, bytes: &[u8]) -> bool {
    match ext {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => bytes.starts_with(b"\xff\xd8\xff"),
        "gif" => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
        "webp" => bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        "svg" => std::str::from_utf8(bytes).is_ok_and(|t| t.contains("<svg")),
        _ => false,
    }
}

/// The file name (without extension) of a room's map image: its id in
/// lower-case letters, digits, `-` and `_` (anything else a `-`), unique
/// among this build's.
fn unique_stem(id: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = id
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' | '_' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    let clean = match clean.trim_matches('-') {
        "" => "room",
        s => s,
    };
    let mut stem = clean.to_string();
    let mut n = 2;
    while !taken.insert(stem.clone()) {
        stem = format!("{clean}-{n}");
        n += 1;
    }
    stem
}

// ---- Where each part of the text is ----------------------------------------

/// A step of a path into the JSON text: an object member's key, and the
/// member's position among its siblings (an array element has no key).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Step {
    key: Option<String>,
    at: usize,
}

/// What a path's step must be: a member of this key, or at this position.
#[derive(Clone, Copy, Debug)]
enum Want<'a> {
    Key(&'a str),
    At(usize),
}

/// The line each member of a JSON text starts on (its key's, in an object),
/// with its path: serde tells where an error is, not where a good value was.
struct Lines(Vec<(Vec<Step>, usize)>);

impl Lines {
    /// Scan `text`, which serde_json has read: strings, brackets and commas.
    fn scan(text: &str) -> Lines {
        struct Frame {
            object: bool,
            count: usize,
            want_key: bool,
            member: Option<Step>,
        }
        fn path(frames: &[Frame]) -> Vec<Step> {
            frames.iter().filter_map(|f| f.member.clone()).collect()
        }
        // A value starts: in an array, it is the next member.
        fn value(frames: &mut [Frame], out: &mut Vec<(Vec<Step>, usize)>, line: usize) {
            if let Some(f) = frames.last_mut().filter(|f| !f.object) {
                f.member = Some(Step {
                    key: None,
                    at: f.count,
                });
                f.count += 1;
                out.push((path(frames), line));
            }
        }
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut frames: Vec<Frame> = Vec::new();
        let mut line = 1;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line += 1,
                b' ' | b'\t' | b'\r' | b':' => {}
                b',' => {
                    if let Some(f) = frames.last_mut().filter(|f| f.object) {
                        f.want_key = true;
                    }
                }
                open @ (b'{' | b'[') => {
                    value(&mut frames, &mut out, line);
                    frames.push(Frame {
                        object: open == b'{',
                        count: 0,
                        want_key: true,
                        member: None,
                    });
                }
                b'}' | b']' => {
                    frames.pop();
                }
                b'"' => {
                    let mut end = i + 1;
                    while end < bytes.len() && bytes[end] != b'"' {
                        end += if bytes[end] == b'\\' { 2 } else { 1 };
                    }
                    let end = end.min(bytes.len() - 1);
                    match frames.last_mut().filter(|f| f.object && f.want_key) {
                        Some(f) => {
                            let key = serde_json::from_str::<String>(&text[i..=end]).ok();
                            f.member = Some(Step { key, at: f.count });
                            f.count += 1;
                            f.want_key = false;
                            out.push((path(&frames), line));
                        }
                        None => value(&mut frames, &mut out, line),
                    }
                    i = end;
                }
                _ => {
                    // A number, true, false or null: read past it.
                    value(&mut frames, &mut out, line);
                    while i + 1 < bytes.len() && !b",}] \t\r\n".contains(&bytes[i + 1]) {
                        i += 1;
                    }
                }
            }
            i += 1;
        }
        Lines(out)
    }

    /// The line of the member at the path `want`, if the text has it.
    fn find(&self, want: &[Want<'_>]) -> Option<usize> {
        let fits = |step: &Step, want: &Want<'_>| match want {
            Want::Key(k) => step.key.as_deref() == Some(*k),
            Want::At(n) => step.at == *n,
        };
        self.0
            .iter()
            .find(|(path, _)| {
                path.len() == want.len() && path.iter().zip(want).all(|(s, w)| fits(s, w))
            })
            .map(|(_, line)| *line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::{parse_schedule, RoomLinkKind};

    /// The demo's six rooms, one with a floor and a link of its own.
    const SCHEDULE: &str = r#"{"version": 1,
      "conference": {"id": "c", "title": "C", "time_zone": "Europe/Prague"},
      "rooms": [{"id": "congress-hall", "name": "Congress Hall", "floor": "1"},
                {"id": "club-a", "name": "Club A",
                 "links": [{"kind": "stream", "url": "https://stream.example/a"}]},
                {"id": "club-b", "name": "Club B"}, {"id": "club-c", "name": "Club C"},
                {"id": "club-d", "name": "Club D"}, {"id": "foyer", "name": "Foyer"}],
      "sessions": [{"id": "s", "title": "S", "type": "talk", "room": "club-a",
                    "start": "2017-10-26T09:00:00+02:00", "end": "2017-10-26T10:00:00+02:00"}]}"#;

    const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>"#;

    fn schedule() -> Schedule {
        parse_schedule(SCHEDULE).unwrap()
    }

    /// A folder of this test's own with `files` in it, removed when dropped.
    struct Folder(PathBuf);

    impl Folder {
        fn with(tag: &str, files: &[(&str, &[u8])]) -> Folder {
            let dir = std::env::temp_dir().join(format!("sv-venue-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            for (name, bytes) in files {
                let path = dir.join(name);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
            std::fs::create_dir_all(&dir).unwrap();
            Folder(dir)
        }
    }

    impl Drop for Folder {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// Merge `text` (read as `venue.json` in `dir`) into the demo's rooms.
    fn merged_in(dir: &Path, text: &str) -> Result<(Schedule, Merged), VenueError> {
        let venue = Venue::read_in("venue.json", dir, text)?;
        let mut s = schedule();
        let merged = venue.merge(&mut s, &|p| std::fs::read(p))?;
        Ok((s, merged))
    }

    fn merged(text: &str) -> Result<(Schedule, Merged), VenueError> {
        merged_in(Path::new("/nonexistent"), text)
    }

    /// The error `text` gives, as `venue.json:<line>: <problem>`.
    fn refused(text: &str) -> String {
        merged(text).expect_err("refused").to_string()
    }

    #[test]
    fn rooms_are_named_by_name_or_id_and_what_they_say_is_merged() {
        let folder = Folder::with("merge", &[("maps/Club A.SVG", SVG.as_bytes())]);
        let text = r#"{
  "rooms": {
    "Congress Hall": {
      "floor": "Ground floor",
      "directions": "From the main entrance, straight ahead.\n\nPast the desk."
    },
    "club-a": {
      "floor": " Level -1 ",
      "map": "maps/Club A.SVG",
      "links": [
        {"kind": "stream", "url": "https://stream.example/a"},
        {"kind": "other", "url": "https://example.org/club-a", "title": "About Club A"},
        {"url": "https://example.org/plain"}
      ]
    },
    "Foyer": {"map": "https://maps.example/foyer", "directions": "https://maps.example/way"},
    "Club B": {}
  }
}"#;
        let (s, merged) = merged_in(&folder.0, text).unwrap();
        assert_eq!(merged.rooms, 4);
        assert_eq!(
            merged.images,
            [MapImage {
                from: folder.0.join("maps/Club A.SVG"),
                to: "venue/club-a.svg".into(),
                bytes: std::fs::read(folder.0.join("maps/Club A.SVG")).unwrap(),
            }]
        );
        let hall = &s.rooms[0];
        assert_eq!(hall.floor.as_deref(), Some("Ground floor"));
        assert_eq!(
            hall.directions.as_deref(),
            Some("From the main entrance, straight ahead.\n\nPast the desk.")
        );
        assert_eq!(hall.map_image, None);
        let a = &s.rooms[1];
        assert_eq!(a.floor.as_deref(), Some("Level -1"));
        assert_eq!(a.directions, None);
        assert_eq!(a.map_image.as_deref(), Some("venue/club-a.svg"));
        // The stream the schedule gave is kept once; the others are added.
        let links: Vec<(RoomLinkKind, &str, &str)> = a
            .links
            .iter()
            .map(|l| (l.kind, l.url.as_str(), l.title.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                (
                    RoomLinkKind::Stream,
                    "https://stream.example/a",
                    "Live stream"
                ),
                (
                    RoomLinkKind::Other,
                    "https://example.org/club-a",
                    "About Club A"
                ),
                (RoomLinkKind::Other, "https://example.org/plain", "Link"),
            ]
        );
        let foyer = &s.rooms[5];
        let kinds: Vec<(RoomLinkKind, &str)> = foyer
            .links
            .iter()
            .map(|l| (l.kind, l.url.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (RoomLinkKind::Map, "https://maps.example/foyer"),
                (RoomLinkKind::Directions, "https://maps.example/way"),
            ]
        );
        assert_eq!(
            (foyer.directions.as_ref(), foyer.map_image.as_ref()),
            (None, None)
        );
        // What the venue does not name is as the schedule has it.
        assert_eq!(s.rooms[2], schedule().rooms[2]);
        assert_eq!(s.rooms[0].id, "congress-hall");
        // The merged schedule is written and read back the same.
        let written = crate::model::writer::write(&s);
        assert_eq!(parse_schedule(&written).unwrap(), s);
    }

    #[test]
    fn a_file_without_rooms_to_merge_changes_nothing() {
        let (s, merged) = merged("\u{feff}{\"rooms\": {}}").unwrap();
        assert_eq!((s, merged), (schedule(), Merged::default()));
    }

    #[test]
    fn a_room_the_schedule_does_not_name_is_refused_on_its_line() {
        let text = "{\n  \"rooms\": {\n    \"Club A\": {\"floor\": \"1\"},\n\n    \"Hall Z\": {\"floor\": \"2\"}\n  }\n}";
        assert_eq!(
            refused(text),
            "venue.json:5: no room \"Hall Z\" in the schedule (its rooms: Congress Hall, Club A, Club B, Club C, Club D, Foyer)"
        );
        // Names are as the schedule spells them.
        assert!(refused("{\"rooms\": {\"club a\": {}}}")
            .starts_with("venue.json:1: no room \"club a\""));
    }

    #[test]
    fn each_problem_is_named_with_its_line() {
        let folder = Folder::with(
            "errors",
            &[
                ("fake.png", b"<svg>not a png</svg>"),
                ("plan.bmp", b"BM"),
                ("ok.svg", SVG.as_bytes()),
            ],
        );
        let cases: [(&str, &str); 22] = [
            ("", "venue.json:1: the file is empty"),
            ("{\"rooms\": {\n", "venue.json:2: EOF while parsing an object"),
            ("{\n\"rooms\": [],\n}", "venue.json:2: invalid type: sequence, expected an object of room name or id → what the venue says about it"),
            ("[]", "venue.json:1: invalid type: sequence, expected the venue's object, {\"rooms\": {…}}"),
            (
                "{\"rooms\": {\n\"Club A\": [\"1\"]}}",
                "venue.json:2: invalid type: sequence, expected a room's object, {\"floor\": …",
            ),
            (
                "{\"rooms\": {\"Club A\": {\"links\": [\n[\"stream\", \"https://x.org\"]]}}}",
                "venue.json:2: invalid type: sequence, expected a link's object, {\"kind\": …",
            ),
            (
                "{\"rooms\": {\"Club A\": {\"links\": [\n{\"kind\": \"stream\"}]}}}",
                "venue.json:2: missing field `url`",
            ),
            ("{}", "venue.json:1: missing field `rooms`"),
            ("{\"rooms\": {}, \"room\": {}}", "venue.json:1: unknown field `room`, expected `rooms`"),
            (
                "{\"rooms\": {\n\"Club A\": {\n\"flor\": \"1\"}}}",
                "venue.json:3: unknown field `flor`, expected one of `floor`, `directions`, `map`, `links`",
            ),
            ("{\"rooms\": {\n\"Club A\": {\"floor\": 1}}}", "venue.json:2: invalid type: integer `1`, expected a string"),
            ("{\"rooms\": {\n\n\"  \": {}}}", "venue.json:3: a room's name is empty"),
            (
                "{\"rooms\": {\n\"Club A\": {},\n\"club-a\": {}}}",
                "venue.json:3: room \"Club A\" is named again (as \"club-a\"): line 2 gives it already",
            ),
            (
                "{\"rooms\": {\n\"Foyer\": {},\n\"Foyer\": {}}}",
                "venue.json:3: room \"Foyer\" is named again (as \"Foyer\"): line 2 gives it already",
            ),
            (
                "{\"rooms\": {\"Club A\": {\n\"floor\": \"1\",\n\"map\": \"maps/none.png\"}}}",
                "venue.json:3: map \"maps/none.png\": there is no such file",
            ),
            (
                "{\"rooms\": {\"Club A\": {\n\"map\": \"../secret/plan.png\"}}}",
                "venue.json:2: map \"../secret/plan.png\" is not a path inside the venue file's folder (no absolute path, no \"..\")",
            ),
            (
                "{\"rooms\": {\"Club A\": {\n\"map\": \"/etc/plan.png\"}}}",
                "venue.json:2: map \"/etc/plan.png\" is not a path inside the venue file's folder (no absolute path, no \"..\")",
            ),
            (
                "{\"rooms\": {\"Club A\": {\n\"map\": \"plan.bmp\"}}}",
                "venue.json:2: map \"plan.bmp\" is not an image the site can show: its name should end in .png, .jpg, .jpeg, .webp, .svg, .gif",
            ),
            ("{\"rooms\": {\"Club A\": {\n\"map\": \"fake.png\"}}}", "venue.json:2: map \"fake.png\" does not hold a PNG image"),
            (
                "{\"rooms\": {\"Club A\": {\"map\": \"ok.svg\",\n\"directions\": \"ftp://example.org/way\"}}}",
                "venue.json:2: directions \"ftp://example.org/way\" is an address but not http(s)",
            ),
            (
                "{\"rooms\": {\"Club A\": {\"links\": [\n{\"kind\": \"stream\", \"url\": \"https://x.org\"},\n{\"kind\": \"stream\", \"url\": \"javascript:alert(1)\"}]}}}",
                "venue.json:3: link \"javascript:alert(1)\" is not an http(s) address",
            ),
            (
                "{\"rooms\": {\"Club A\": {\"links\": [\n\n{\"kind\": \"strem\", \"url\": \"https://x.org\"}]}}}",
                "venue.json:3: link kind \"strem\" is none of stream, map, directions, other",
            ),
        ];
        for (text, expected) in cases {
            let got = merged_in(&folder.0, text).expect_err(text).to_string();
            assert!(
                got.starts_with(expected),
                "{text}\n got: {got}\nwant: {expected}"
            );
        }
        // The missing file's message names where it was looked for.
        let got = merged_in(
            &folder.0,
            "{\"rooms\": {\"Club A\": {\"map\": \"maps/none.png\"}}}",
        )
        .err()
        .unwrap()
        .to_string();
        assert!(
            got.contains(&folder.0.join("maps/none.png").display().to_string()),
            "{got}"
        );
        // A map of another scheme is no image path.
        assert_eq!(
            refused("{\"rooms\": {\"Club A\": {\"map\": \"data:image/png;base64,AAAA\"}}}"),
            "venue.json:1: map \"data:image/png;base64,AAAA\" is neither an http(s) address nor the path of an image file"
        );
        // A key that names one room by its name and another by its id.
        let mut s = schedule();
        s.rooms[2].name = "club-a".into();
        let venue =
            Venue::read_in("venue.json", &folder.0, "{\"rooms\": {\"club-a\": {}}}").unwrap();
        assert_eq!(
            venue.merge(&mut s, &|p| std::fs::read(p)).unwrap_err().to_string(),
            "venue.json:1: \"club-a\" names two rooms: \"club-a\" by its name and \"Club A\" by its id; give the other room's name or id"
        );
    }

    #[test]
    fn each_image_kind_is_known_by_its_signature() {
        let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let webp: &[u8] = b"RIFF\x10\0\0\0WEBPVP8 ";
        let folder = Folder::with(
            "kinds",
            &[
                ("a.png", png),
                ("b.JPG", b"\xff\xd8\xff\xe0"),
                ("c.jpeg", b"\xff\xd8\xff\xdb"),
                ("d.gif", b"GIF89a"),
                ("e.webp", webp),
                ("f.svg", SVG.as_bytes()),
            ],
        );
        let text = r#"{"rooms": {"Congress Hall": {"map": "a.png"}, "Club A": {"map": "b.JPG"},
          "Club B": {"map": "c.jpeg"}, "Club C": {"map": "d.gif"}, "Club D": {"map": "e.webp"},
          "Foyer": {"map": "./f.svg"}}}"#;
        let (s, merged) = merged_in(&folder.0, text).unwrap();
        let to: Vec<&str> = merged.images.iter().map(|i| i.to.as_str()).collect();
        assert_eq!(
            to,
            [
                "venue/congress-hall.png",
                "venue/club-a.jpg",
                "venue/club-b.jpeg",
                "venue/club-c.gif",
                "venue/club-d.webp",
                "venue/foyer.svg"
            ]
        );
        for (room, to) in s.rooms.iter().zip(to) {
            assert_eq!(room.map_image.as_deref(), Some(to));
        }
    }

    #[test]
    fn image_names_are_safe_and_unique() {
        let mut taken = HashSet::new();
        let stems: Vec<String> = ["Saal 1", "saal-1", "../x", "東京", "", "A_b"]
            .iter()
            .map(|id| unique_stem(id, &mut taken))
            .collect();
        assert_eq!(stems, ["saal-1", "saal-1-2", "x", "room", "room-2", "a_b"]);
        assert!(looks_like_address("ftp://x") && looks_like_address("javascript:alert(1)"));
        assert!(!looks_like_address("C:\\maps\\a.png") && !looks_like_address("Note: lift"));
    }

    #[test]
    fn lines_are_found_by_path() {
        let text = "{\"a\": [1,\n {\"b\": \"x\\\"y\",\n  \"c\": [true, null]}],\n\"d\": {}}";
        let lines = Lines::scan(text);
        assert_eq!(lines.find(&[Want::Key("a")]), Some(1));
        assert_eq!(lines.find(&[Want::Key("a"), Want::At(1)]), Some(2));
        assert_eq!(
            lines.find(&[Want::Key("a"), Want::At(1), Want::Key("c")]),
            Some(3)
        );
        assert_eq!(
            lines.find(&[Want::Key("a"), Want::At(1), Want::Key("c"), Want::At(1)]),
            Some(3)
        );
        assert_eq!(lines.find(&[Want::Key("d")]), Some(4));
        assert_eq!(lines.find(&[Want::Key("e")]), None);
        assert_eq!(lines.find(&[Want::At(1)]), Some(4));
    }
}
